//! The corpus of bad sites in `tests/bad/`: each `.case` file puts one mistake into a
//! copy of the basic fixture, and says what `loa check` must answer, in English and in
//! Vietnamese (file, line, key words), and with which exit status.
//!
//! Format: optional `# comment` and `status: N` lines (default 1), `file: <path>`, a line
//! `---`, the file's new text, a line `===`, then `en: …` / `vi: …` expected lines.

mod common;

use std::path::Path;

use common::*;

struct Case {
    status: i32,
    file: String,
    text: String,
    expect: Vec<(String, String)>,
}

fn parse(text: &str) -> Case {
    let (head, rest) = text
        .split_once("\n---\n")
        .expect("a `---` line after the header");
    let (body, tail) = rest
        .split_once("\n===\n")
        .expect("a `===` line after the text");
    let mut case = Case {
        status: 1,
        file: String::new(),
        text: format!("{body}\n"),
        expect: Vec::new(),
    };
    for line in head.lines() {
        if let Some(s) = line.strip_prefix("status: ") {
            case.status = s.parse().unwrap();
        } else if let Some(f) = line.strip_prefix("file: ") {
            case.file = f.to_string();
        }
    }
    for line in tail.lines().filter(|l| !l.is_empty()) {
        let (lang, want) = line.split_once(": ").unwrap();
        case.expect.push((lang.to_string(), want.to_string()));
    }
    case
}

#[test]
fn every_bad_site_gets_its_message_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "case"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for path in cases {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let case = parse(&read(&path));
        let tmp = tempfile::tempdir().unwrap();
        let site = copy_fixture("basic", tmp.path());
        let target = site.join(&case.file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, &case.text).unwrap();
        for lang in ["en", "vi"] {
            let o = loa(&["--lang", lang, "check", "--source", site.to_str().unwrap()]);
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            if o.status.code() != Some(case.status) {
                failures.push(format!(
                    "{name} [{lang}]: exit {:?}, expected {}\n{said}",
                    o.status.code(),
                    case.status
                ));
            }
            if said.contains("panicked") {
                failures.push(format!("{name} [{lang}]: panicked\n{said}"));
            }
            for (l, want) in case.expect.iter().filter(|(l, _)| l == lang) {
                let _ = l;
                if !said.contains(want.as_str()) {
                    failures.push(format!("{name} [{lang}]: missing `{want}` in\n{said}"));
                }
            }
        }
        // The build refuses exactly what check calls an error, and writes nothing then.
        let out = tmp.path().join("out");
        let built = loa(&[
            "build",
            "--source",
            site.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ]);
        if built.status.success() != (case.status == 0) {
            failures.push(format!(
                "{name}: build success = {}",
                built.status.success()
            ));
        }
        if !built.status.success() && out.exists() {
            failures.push(format!("{name}: a failed build wrote output"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_file_that_is_not_utf8_names_the_byte_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    std::fs::write(
        site.join("content/vi/chung/a.md"),
        b"---\ntitle: A\n---\n## Q\n\nCh\xe0o\n",
    )
    .unwrap();
    for (lang, want) in [
        (
            "en",
            "content/vi/chung/a.md:6: error: this file is not UTF-8 text (byte 0xe0)",
        ),
        (
            "vi",
            "content/vi/chung/a.md:6: lỗi: tệp này không phải văn bản UTF-8 (byte 0xe0)",
        ),
    ] {
        let o = loa(&["--lang", lang, "check", "--source", site.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let said = String::from_utf8_lossy(&o.stdout);
        assert!(said.contains(want), "{said}");
    }
}

#[test]
fn check_json_is_sorted_and_machine_readable() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    std::fs::write(
        site.join("content/vi/chung/a.md"),
        "---\ntitle: A\n---\r\n## Q\r\n\r\n[x](khong-co.md)\r\n",
    )
    .unwrap();
    let o = loa(&[
        "check",
        "--source",
        site.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = rows.iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"broken-link"), "{codes:?}");
    assert!(codes.contains(&"crlf-line-endings"), "{codes:?}");
    let broken = rows.iter().find(|r| r["code"] == "broken-link").unwrap();
    assert_eq!(broken["file"], "content/vi/chung/a.md");
    assert_eq!(broken["line"], 6);
    assert_eq!(broken["severity"], "error");
    let keys: Vec<(String, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_string(),
                r["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted by file and line");
    // Without site.yaml, check cannot run at all.
    let empty = tempfile::tempdir().unwrap();
    let o = loa(&["check", "--source", empty.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_bundled_site_checks_clean_of_errors() {
    let o = loa(&["check", "--source", env!("CARGO_MANIFEST_DIR")]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{said}");
    assert!(said.contains("0 errors"), "{said}");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_or_nowhere_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    std::fs::write(tmp.path().join("secret.md"), "---\ntitle: S\n---\n## Q\n").unwrap();
    let chung = site.join("content/vi/chung");
    std::os::unix::fs::symlink(tmp.path().join("secret.md"), chung.join("ngoai.md")).unwrap();
    std::os::unix::fs::symlink(chung.join("khong-co.md"), chung.join("gay.md")).unwrap();
    std::os::unix::fs::symlink(chung.join("vong.md"), chung.join("vong.md")).unwrap_or(());
    // A link inside the site is read like the file it points to.
    std::os::unix::fs::symlink(chung.join("a.md"), chung.join("ban-sao.md")).unwrap();
    let o = loa(&["--lang", "vi", "check", "--source", site.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains(
            "content/vi/chung/ngoai.md: lỗi: liên kết tượng trưng (symlink) trỏ ra ngoài trang"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "content/vi/chung/gay.md: lỗi: liên kết tượng trưng (symlink) không dẫn tới đâu"
        ),
        "{said}"
    );
    assert!(!said.contains("ban-sao.md: lỗi"), "{said}");
}
