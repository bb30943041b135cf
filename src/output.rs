//! Writing the site: everything goes into a staging folder beside the output, which
//! replaces the output only when the whole build has succeeded. A failed build leaves
//! the last good site as it was. Files that come out as the last good site has them are
//! hard-linked from it, not written again.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Where rendered files go: a staging folder for whole builds, the output folder itself
/// for watch mode's incremental rebuilds.
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;

    /// Removes the files of folder `dir` not named in `keep` (a search index that now has
    /// fewer shards). Only a folder written in place can hold files of an earlier build.
    fn keep_only(&self, _dir: &str, _keep: &std::collections::BTreeSet<String>) -> io::Result<()> {
        Ok(())
    }

    /// Removes the pages of a listing in folder `dir` from its part `from` (from 0) on
    /// (watch mode: a listing that got shorter). A staged output holds only what this
    /// build wrote, so it has none. An error comes with the part that was not removed.
    fn remove_listing_parts(&self, _dir: &str, _from: usize) -> Result<(), (usize, io::Error)> {
        Ok(())
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        Staging::write(self, rel, bytes)
    }
}

/// Writes into a live output folder: a file whose bytes did not change is left alone, and
/// a changed one is replaced by a rename, so a server never sends a half-written page.
pub struct InPlace {
    pub dir: PathBuf,
}

impl Sink for InPlace {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if same_file_bytes(&path, bytes) {
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = path.with_file_name(format!(
            ".{}.loa-tmp",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, &path).inspect_err(|_| {
            // Not left behind in the output: the rename's error is the one to report.
            let _ = fs::remove_file(&tmp);
        })
    }

    fn keep_only(&self, dir: &str, keep: &std::collections::BTreeSet<String>) -> io::Result<()> {
        let Ok(entries) = fs::read_dir(self.dir.join(dir)) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().is_ok_and(|t| t.is_file()) && !keep.contains(&name) {
                fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }

    fn remove_listing_parts(&self, dir: &str, from: usize) -> Result<(), (usize, io::Error)> {
        // Parts are numbered without gaps, so the first one missing is the end.
        for n in from.. {
            match fs::remove_file(self.dir.join(dir).join(crate::site::listing_file(n))) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err((n, e)),
            }
        }
        Ok(())
    }
}

/// Writes nothing: `loa check` renders every page to find template errors, and keeps none.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> io::Result<()> {
        Ok(())
    }
}

pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    /// The last good output, when there is one: a file whose bytes are the same as there
    /// is hard-linked from it rather than written again.
    previous: Option<PathBuf>,
    /// Cleared at the first link the file system refuses (FAT and exFAT, on a USB stick,
    /// have no hard links): every file is written from then on.
    links: AtomicBool,
}

impl Staging {
    /// Prepares an empty staging folder next to `target` (same file system, so the final
    /// swap is a rename, not a copy).
    pub fn new(target: &Path) -> io::Result<Staging> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let dir = parent.join(format!(".{name}.loa-staging"));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        // A build stopped between the two renames of its swap left no output and the last
        // good one aside: it is put back, not removed with the next swap.
        let aside = old_output(&dir);
        if !target.exists() && fs::symlink_metadata(&aside).is_ok_and(|m| m.is_dir()) {
            fs::rename(&aside, target)?;
        }
        fs::create_dir_all(&dir)?;
        let previous = fs::symlink_metadata(target)
            .is_ok_and(|m| m.is_dir())
            .then(|| target.to_path_buf());
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            links: AtomicBool::new(previous.is_some()),
            previous,
        })
    }

    /// Writes one file; `rel` uses `/` and never leaves the staging folder (the site model
    /// only makes URLs from checked slugs, and static paths come from a walk).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(previous) = &self.previous
            && self.links.load(Ordering::Relaxed)
        {
            // A rebuild into the same folder: most files come out as they were. Linking
            // them keeps their date (rsync and browsers see them unchanged) and makes
            // removing the old output a matter of names, not of freeing gigabytes, which
            // on ext4 took longer than the build (bench/RESULTS.md, eleventh session).
            if let Some(old) = linkable(previous, rel, bytes) {
                match in_folder(&path, |path| link_new(&old, path)) {
                    Ok(()) => return Ok(()),
                    // No hard links on this file system: every file is written from now on.
                    Err(_) => self.links.store(false, Ordering::Relaxed),
                }
            }
        }
        in_folder(&path, |path| write_new(path, bytes))
    }

    /// Swaps the staging folder in for the output. The old output is renamed aside first
    /// and removed only once the new one is in place.
    pub fn commit(self) -> io::Result<()> {
        let old = old_output(&self.dir);
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                // Put the last good site back rather than leave no site at all.
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        if had_old {
            fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Drops the staging folder after a failed build.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Makes a file at `path` with `make`, making its folder only when the file cannot be
/// made: asking for the folder before every file cost two system calls for each of the
/// half of the files whose folder already exists (a page's QR code, search shards).
fn in_folder(path: &Path, make: impl Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    match make(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            make(path)
        }
        done => done,
    }
}

/// Writes `bytes` to a new file at `path`, replacing whatever is there rather than writing
/// into it: a staged file may be a link to the last good output (a site's own
/// `static/robots.txt` is written over the one loa makes), which must stay as it was until
/// the swap.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let create = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut file = match create() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            create()?
        }
        file => file?,
    };
    file.write_all(bytes)
}

/// Where a swap puts the last good output while the new one takes its place.
fn old_output(staging: &Path) -> PathBuf {
    let name = staging
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    staging.with_file_name(format!("{name}.old"))
}

/// Hard-links `old` at `path`, in place of a file staged there before (a site's own
/// `static/robots.txt`, after loa's).
fn link_new(old: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(old, path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            fs::hard_link(old, path)
        }
        done => done,
    }
}

/// Whether `path` is a plain file (not a link someone put there) holding exactly `bytes`.
/// Read only when the size is the same: a changed listing page is megabytes not worth
/// reading back, and usually a different size.
fn same_file_bytes(path: &Path, bytes: &[u8]) -> bool {
    same_bytes(path, bytes, |_| true)
}

/// [`same_file_bytes`], with `also` asked of the file's metadata before it is read.
fn same_bytes(path: &Path, bytes: &[u8], also: impl Fn(&fs::Metadata) -> bool) -> bool {
    fs::symlink_metadata(path)
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64 && also(&m))
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// The last output's file at `rel`, if it can stand for `bytes` in the new one: the same
/// bytes, in a file that only that output has. A file with other names too (a `cp -al`
/// backup), or reached through a folder that is a link, would tie the new output to files
/// elsewhere, where a build into an empty folder makes copies.
fn linkable(previous: &Path, rel: &str, bytes: &[u8]) -> Option<PathBuf> {
    let old = previous.join(rel);
    let through_folders = || {
        Path::new(rel)
            .ancestors()
            .skip(1)
            .filter(|folder| !folder.as_os_str().is_empty())
            .all(|folder| fs::symlink_metadata(previous.join(folder)).is_ok_and(|m| m.is_dir()))
    };
    // The folders are asked about only once the file's size matches, before it is read.
    same_bytes(&old, bytes, |m| single_link(m) && through_folders()).then_some(old)
}

#[cfg(unix)]
fn single_link(m: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    m.nlink() == 1
}

/// Stable Rust tells the number of links on Unix only; elsewhere it is taken to be one.
#[cfg(not(unix))]
fn single_link(_: &fs::Metadata) -> bool {
    true
}

/// Appends `n` in decimal, a digit at a time: the search index and the QR codes write
/// millions of small numbers, and copying each one's few bytes out of a formatting buffer
/// was a `memcpy` call per number. Inlined: a call per number cost more than the digits.
#[inline]
pub fn push_decimal(out: &mut String, n: u32) {
    let digit = |d: u32| char::from(b'0' + (d % 10) as u8);
    // Most are one digit (counts, gaps between positions), the rest mostly two or three
    // (QR coordinates, gaps between questions).
    if n < 10 {
        out.push(digit(n));
    } else if n < 1000 {
        if n >= 100 {
            out.push(digit(n / 100));
        }
        out.push(digit(n / 10));
        out.push(digit(n));
    } else {
        push_long_decimal(out, n);
    }
}

/// Gaps between questions on large sites: rarer, but `write!` here cost 0.3% of a build's
/// instructions on the 320 × 3 benchmark site.
fn push_long_decimal(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

/// Appends `text` as a JSON string that can sit inside an HTML `<script>` element: what
/// serde_json writes, with `</` written `<\/`. Hand-written because JSON-LD repeats every
/// answer of every page and the search index every question: eight bytes are looked at
/// together and copied as they are when none is a quote, a backslash, a `<` or a control
/// character, where serde_json's escaping and the check for `</` read each byte twice.
pub fn push_json_str(out: &mut String, text: &str) {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // The high bit of each byte of `word` below `n` (n ≤ 0x80) is set; a byte after a hit
    // may be marked too, never one with no hit before it, so the first mark is a hit.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let equal = |word: u64, b: u8| below(word ^ (ONES * u64::from(b)), 1);
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push('"');
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            // Little-endian, so that the first byte is the lowest.
            let word = u64::from_le_bytes(word);
            let marks =
                below(word, 0x20) | equal(word, b'"') | equal(word, b'\\') | equal(word, b'<');
            if marks == 0 {
                i += 8;
                continue;
            }
            i += (marks.trailing_zeros() / 8) as usize;
        }
        let escape = match bytes[i] {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'<' if bytes.get(i + 1) == Some(&b'/') => "<\\/",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            b @ 0..0x20 => {
                out.push_str(&text[copied..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
                i += 1;
                copied = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[copied..i]);
        out.push_str(escape);
        // `</` is two bytes; every other escape one.
        i += if bytes[i] == b'<' { 2 } else { 1 };
        copied = i;
    }
    out.push_str(&text[copied..]);
    out.push('"');
}

/// JSON that can sit inside an HTML `<script>` element: `</` is written `<\/`, so no string
/// can close the element. For any serializable value: the search index's header, a small
/// site's single index file. (JSON-LD and a large index's question chunks are written with
/// [`push_json_str`].) For values whose strings are serialized whole (`serialize_str`): one
/// written in pieces (`collect_str`) could have a `<` and a `/` in two pieces.
pub fn script_json(value: &impl serde::Serialize) -> String {
    struct ScriptSafe;
    impl serde_json::ser::Formatter for ScriptSafe {
        // `<` and `/` need no JSON escape, so a `</` of one string is never split between
        // two fragments; every other token is punctuation, a number or a literal.
        fn write_string_fragment<W: ?Sized + io::Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> io::Result<()> {
            let mut rest = fragment;
            while let Some(at) = rest.find("</") {
                writer.write_all(&rest.as_bytes()[..at])?;
                writer.write_all(b"<\\/")?;
                rest = &rest[at + 2..];
            }
            writer.write_all(rest.as_bytes())
        }
    }
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
    if value.serialize(&mut serializer).is_err() {
        return "null".into();
    }
    // The serializer writes only the `str`s it is given and ASCII.
    String::from_utf8(out).unwrap_or_else(|_| "null".into())
}

/// Removes comments and the whitespace CSS does not need, so the theme's stylesheet can
/// be written readably and still be shipped small.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
            }
            '"' | '\'' => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
                for s in chars.by_ref() {
                    out.push(s);
                    if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            '{' | '}' | ';' | ',' | ':' | '>' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                // `a :hover` (descendant) and `a:hover` differ; keep that space.
                if c == ':' && pending_space && !out.ends_with(['{', '}', ';', ',', ':', '>']) {
                    out.push(' ');
                }
                out.push(c);
                pending_space = false;
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            c => {
                if pending_space
                    && !out.is_empty()
                    && !out.ends_with(['{', '}', ';', ',', ':', '>'])
                {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_to_string_writes_them() {
        for n in [
            0,
            7,
            9,
            10,
            99,
            100,
            109,
            185,
            999,
            1000,
            1005,
            65_535,
            4_294_967_295,
        ] {
            let mut out = String::from("x");
            super::push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn script_json_cannot_close_its_script_element() {
        let value = serde_json::json!({"a</b": ["</script>", "x<y/z", "\"</", "<<//"], "n": 1});
        let json = script_json(&value);
        assert!(!json.contains("</"), "{json}");
        // Still the same JSON: `\/` is an escaped `/`.
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
        assert_eq!(
            json,
            serde_json::to_string(&value).unwrap().replace("</", "<\\/")
        );
    }

    /// Every byte that needs a look, at every place in the eight-byte words and beside
    /// Vietnamese and Khmer letters, against serde_json.
    #[test]
    fn json_strings_are_written_as_serde_json_writes_them() {
        let pieces = [
            "a", "ế", "ក", "\"", "\\", "<", "/", "</", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{0}",
            "\u{1f}", "\u{7f}", " ", "\u{2028}",
        ];
        let expected = |s: &str| serde_json::to_string(s).unwrap().replace("</", "<\\/");
        for a in pieces {
            for b in pieces {
                for pad in 0..9 {
                    let text = format!("{}{a}{b}{}", "x".repeat(pad), "yz".repeat(pad));
                    let mut out = String::from("…");
                    push_json_str(&mut out, &text);
                    assert_eq!(out, format!("…{}", expected(&text)), "{text:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_json_string_is_written_as_serde_json_writes_it(text in "[a-zế ក<>/\"\\\\\\x00-\\x1f\\x7f]{0,40}") {
            let mut out = String::new();
            push_json_str(&mut out, &text);
            proptest::prop_assert_eq!(
                out,
                serde_json::to_string(&text).unwrap().replace("</", "<\\/")
            );
        }
    }

    /// A file whose bytes did not change is left alone (a rewrite is a new file: a new
    /// inode, and a browser or rsync that sees it as changed); one that did is replaced,
    /// whether its size changed or not.
    #[cfg(unix)]
    #[test]
    fn in_place_writes_skip_unchanged_files() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = InPlace {
            dir: tmp.path().to_path_buf(),
        };
        let path = tmp.path().join("a/index.html");
        let inode = || fs::metadata(&path).unwrap().ino();
        out.write("a/index.html", b"abc").unwrap();
        let first = inode();
        out.write("a/index.html", b"abc").unwrap();
        assert_eq!(inode(), first, "same bytes: not written");
        out.write("a/index.html", b"abd").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"abd");
        assert_ne!(inode(), first, "same size, other bytes: written");
        out.write("a/index.html", b"abcd").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"abcd");
        let names: Vec<_> = fs::read_dir(tmp.path().join("a")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left");
    }

    #[test]
    fn css_is_minified_without_changing_meaning() {
        let css = "/* theme */\nbody {\n  margin: 0 auto;\n  font: 1rem/1.5 system-ui, sans-serif;\n}\na > b , p::after { content: \"a  b\"; }\n@media (min-width: 40em) { .x { top: 0 } }\n";
        assert_eq!(
            minify_css(css),
            "body{margin:0 auto;font:1rem/1.5 system-ui,sans-serif}a>b,p::after{content:\"a  b\"}@media (min-width:40em){.x{top:0}}"
        );
    }

    #[test]
    fn keep_only_drops_the_files_not_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = InPlace {
            dir: tmp.path().to_path_buf(),
        };
        for name in ["index.js", "t-old.js", "t-cau.js"] {
            out.write(&format!("search/vi/{name}"), b"x").unwrap();
        }
        fs::create_dir_all(tmp.path().join("search/vi/sub")).unwrap();
        let keep = ["index.js", "t-cau.js"].map(String::from).into();
        out.keep_only("search/vi", &keep).unwrap();
        let mut left: Vec<String> = fs::read_dir(tmp.path().join("search/vi"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["index.js", "sub", "t-cau.js"],
            "folders are left alone"
        );
        // A folder that does not exist yet is nothing to clean.
        out.keep_only("search/km", &keep).unwrap();
    }

    /// A rebuild links what did not change from the last good output, writes what did,
    /// and never writes into a linked file: until the swap the old output is as it was.
    #[cfg(unix)]
    #[test]
    fn rebuilds_link_unchanged_files_and_leave_the_old_output_alone() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        fs::create_dir_all(target.join("a")).unwrap();
        for (name, text) in [
            ("a/index.html", "same"),
            ("b.html", "old"),
            ("c.txt", "abc"),
        ] {
            fs::write(target.join(name), text).unwrap();
        }
        let ino = |p: &Path| fs::metadata(p).unwrap().ino();
        let (a_before, c_before) = (
            ino(&target.join("a/index.html")),
            ino(&target.join("c.txt")),
        );

        let s = Staging::new(&target).unwrap();
        s.write("a/index.html", b"same").unwrap();
        s.write("b.html", b"new").unwrap();
        s.write("c.txt", b"abd").unwrap();
        assert_eq!(
            ino(&s.dir.join("a/index.html")),
            a_before,
            "unchanged: linked"
        );
        assert_ne!(
            ino(&s.dir.join("c.txt")),
            c_before,
            "same size, other bytes: written"
        );
        // Written again, as a site's own static file replaces one loa made.
        s.write("a/index.html", b"replaced").unwrap();
        assert_eq!(fs::read(s.dir.join("a/index.html")).unwrap(), b"replaced");
        s.abort();
        for (name, text) in [
            ("a/index.html", "same"),
            ("b.html", "old"),
            ("c.txt", "abc"),
        ] {
            assert_eq!(
                fs::read_to_string(target.join(name)).unwrap(),
                text,
                "{name}"
            );
        }

        let s = Staging::new(&target).unwrap();
        s.write("a/index.html", b"same").unwrap();
        s.write("b.html", b"new").unwrap();
        s.commit().unwrap();
        assert_eq!(ino(&target.join("a/index.html")), a_before);
        assert_eq!(fs::read_to_string(target.join("b.html")).unwrap(), "new");
        assert!(
            !target.join("c.txt").exists(),
            "files not written again are gone"
        );
        assert_eq!(
            fs::metadata(target.join("a/index.html")).unwrap().nlink(),
            1
        );
    }

    /// Only files that the last output alone has are linked: not one with a name elsewhere
    /// too, nor one reached through a folder that is a link. A path written twice (loa's
    /// `robots.txt`, then the site's own) is linked all the same, and linking goes on.
    #[cfg(unix)]
    #[test]
    fn rebuilds_link_only_files_of_the_old_output_alone() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let (target, elsewhere) = (tmp.path().join("public"), tmp.path().join("elsewhere"));
        fs::create_dir_all(&target).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        for name in ["robots.txt", "shared.txt", "last.txt"] {
            fs::write(target.join(name), name).unwrap();
        }
        fs::hard_link(target.join("shared.txt"), elsewhere.join("backup.txt")).unwrap();
        fs::write(elsewhere.join("photo.jpg"), "photo").unwrap();
        std::os::unix::fs::symlink(&elsewhere, target.join("media")).unwrap();
        let ino = |p: &Path| fs::metadata(p).unwrap().ino();

        let s = Staging::new(&target).unwrap();
        s.write("robots.txt", b"made by loa").unwrap();
        s.write("robots.txt", b"robots.txt").unwrap();
        s.write("shared.txt", b"shared.txt").unwrap();
        s.write("media/photo.jpg", b"photo").unwrap();
        s.write("last.txt", b"last.txt").unwrap();
        assert_eq!(
            ino(&s.dir.join("robots.txt")),
            ino(&target.join("robots.txt"))
        );
        assert_ne!(
            ino(&s.dir.join("shared.txt")),
            ino(&target.join("shared.txt"))
        );
        assert_ne!(
            ino(&s.dir.join("media/photo.jpg")),
            ino(&elsewhere.join("photo.jpg"))
        );
        assert_eq!(ino(&s.dir.join("last.txt")), ino(&target.join("last.txt")));
        s.commit().unwrap();
        assert_eq!(
            fs::read_to_string(elsewhere.join("photo.jpg")).unwrap(),
            "photo"
        );
        assert_eq!(
            fs::metadata(elsewhere.join("backup.txt")).unwrap().nlink(),
            1
        );
    }

    /// A build stopped between the two renames of its swap left the last good output aside
    /// and none in its place: the next build puts it back before it starts.
    #[test]
    fn an_output_left_aside_by_a_stopped_swap_is_put_back() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let aside = tmp.path().join(".public.loa-staging.old");
        fs::create_dir_all(&aside).unwrap();
        fs::write(aside.join("index.html"), "last good").unwrap();
        let s = Staging::new(&target).unwrap();
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "last good"
        );
        s.abort();
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "last good"
        );
        assert!(!aside.exists());
    }

    #[test]
    fn failed_build_keeps_old_output_and_commit_replaces_it() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("index.html"), "old").unwrap();

        let s = Staging::new(&target).unwrap();
        s.write("index.html", b"half").unwrap();
        s.abort();
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );

        let s = Staging::new(&target).unwrap();
        s.write("a/b/index.html", b"new").unwrap();
        s.commit().unwrap();
        assert_eq!(
            fs::read_to_string(target.join("a/b/index.html")).unwrap(),
            "new"
        );
        assert!(!target.join("index.html").exists());
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging and old folders are cleaned up");
    }
}
