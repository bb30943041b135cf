//! The loader: walks `content/`, reads each Markdown file's front matter and outline, and
//! returns plain page metadata with every problem found on the way.
//!
//! Bodies are not kept: the renderer reads each file again when it writes that page, so
//! a site's memory use grows with its number of pages, not with its amount of text.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::config::{SiteConfig, is_slug, strip_location, unknown_field};
use crate::error::{Diagnostic, Hint, Problem};
use crate::markdown::{self, Outline};

pub const CONTENT_DIR: &str = "content";
pub const INDEX_FILE: &str = "_index.md";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `content/<lang>/_index.md`
    Home,
    /// `content/<lang>/<pillar>/_index.md`
    PillarIntro,
    /// `content/<lang>/<pillar>/<slug>.md`
    Explainer,
}

/// A calendar date as authors write it, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1000 && (1..=days_in_month).contains(&day)).then_some(Date { year, month, day })
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Option<String>,
    summary: Option<String>,
    weight: Option<i64>,
    #[serde(default)]
    audiences: Vec<String>,
    date: Option<String>,
    updated: Option<String>,
    #[serde(default)]
    draft: bool,
    slug: Option<String>,
    /// Short hash of the source a translation was made from (see `loa translations`).
    translated_from: Option<String>,
}

/// Front matter after checking: audiences are indices into the configuration's list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub weight: i64,
    pub audiences: Vec<usize>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub draft: bool,
    pub slug: Option<String>,
    pub translated_from: Option<String>,
}

/// One Markdown file of the site, as metadata.
#[derive(Debug, Clone)]
pub struct SourcePage {
    pub kind: SourceKind,
    pub lang: usize,
    pub pillar: Option<usize>,
    /// The translation key: the path under the language folder without `.md`,
    /// e.g. `kinh-te-so/thuong-mai-dien-tu` or `kinh-te-so/_index`.
    pub key: String,
    /// Relative to the site folder, for messages: `content/vi/kinh-te-so/x.md`.
    pub path: PathBuf,
    pub front: FrontMatter,
    /// Line of the body's first line in the file, to report body problems at file lines.
    pub body_line: usize,
    pub outline: Outline,
}

impl SourcePage {
    /// The last URL segment of an explainer: the `slug` override or the file name.
    pub fn slug(&self) -> &str {
        match &self.front.slug {
            Some(s) => s,
            None => self.key.rsplit('/').next().unwrap_or(&self.key),
        }
    }
}

/// Text from a file's bytes: a UTF-8 BOM is dropped; anything else not UTF-8 is a
/// problem with the line where the first bad byte sits.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, (Problem, Option<usize>)> {
    if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        bytes.drain(..3);
    }
    // Every Markdown file is checked twice a build (at load, and when its page is made, as
    // watch mode may have changed it since): a vectorised check takes that from about 4% of
    // a build to under 1%. The standard one still finds where a bad file goes wrong.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: just checked to be UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        (Problem::NotUtf8 { byte: bytes[at] }, Some(line))
    })
}

/// Reads a site file as text, or a diagnostic naming it.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| Diagnostic::error(rel, None, Problem::Unreadable(e.to_string())))?;
    decode(bytes).map_err(|(p, line)| Diagnostic::error(rel, line, p))
}

/// Walks `content/` and loads every Markdown file. Drafts are dropped unless asked for.
pub fn load(
    root: &Path,
    config: &SiteConfig,
    include_drafts: bool,
) -> (Vec<SourcePage>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    let content = root.join(CONTENT_DIR);
    let walker = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md") => {
                files.push(crate::error::relative(root, e.path()));
            }
            // Links are not followed by the walk: one that stays inside the site and names
            // a Markdown file is read like one; one that leads out or nowhere is refused.
            Ok(e) if e.path_is_symlink() => {
                let rel = crate::error::relative(root, e.path());
                let inside = root.canonicalize().ok();
                match (e.path().canonicalize(), inside) {
                    (Ok(target), Some(inside)) if !target.starts_with(&inside) => {
                        diagnostics.push(Diagnostic::error(
                            rel,
                            None,
                            Problem::SymlinkOutside(target.display().to_string()),
                        ));
                    }
                    (Ok(target), _) => {
                        if target.is_file() && e.path().extension().is_some_and(|x| x == "md") {
                            files.push(rel);
                        }
                    }
                    (Err(_), _) => {
                        diagnostics.push(Diagnostic::error(rel, None, Problem::BrokenSymlink))
                    }
                }
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(|p| crate::error::relative(root, p));
                diagnostics.push(Diagnostic::error(
                    path.unwrap_or_else(|| PathBuf::from(CONTENT_DIR)),
                    None,
                    Problem::Unreadable(e.to_string()),
                ));
            }
        }
    }
    let results: Vec<_> = files
        .par_iter()
        .map(|rel| load_file(root, rel, config))
        .collect();
    let mut pages = Vec::new();
    for r in results {
        match r {
            Ok((p, _)) if p.front.draft && !include_drafts => {}
            Ok((p, lints)) => {
                pages.push(p);
                diagnostics.extend(lints);
            }
            Err(d) => diagnostics.extend(d),
        }
    }
    (pages, diagnostics)
}

/// Where a file sits decides what it is: `<lang>/_index.md`, `<lang>/<pillar>/…`.
fn classify(
    rel: &Path,
    config: &SiteConfig,
) -> Result<(usize, Option<usize>, SourceKind, String), Problem> {
    let parts: Vec<String> = rel
        .strip_prefix(CONTENT_DIR)
        .unwrap_or(rel)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let lang_code = &parts[0];
    let lang = config
        .languages
        .iter()
        .position(|l| &l.code == lang_code)
        .ok_or_else(|| {
            if parts.len() == 1 {
                Problem::MisplacedFile
            } else {
                Problem::UnknownLanguage(lang_code.clone())
            }
        })?;
    match parts.len() {
        2 if parts[1] == INDEX_FILE => Ok((lang, None, SourceKind::Home, "_index".into())),
        3 => {
            let pillar = config
                .pillars
                .iter()
                .position(|p| p.id == parts[1])
                .ok_or_else(|| Problem::UnknownPillar {
                    name: parts[1].clone(),
                    hint: Hint::closest(&parts[1], config.pillars.iter().map(|p| p.id.as_str())),
                })?;
            let stem = parts[2].trim_end_matches(".md");
            let kind = if parts[2] == INDEX_FILE {
                SourceKind::PillarIntro
            } else if is_slug(stem) {
                SourceKind::Explainer
            } else {
                return Err(Problem::BadSlug(stem.to_string()));
            };
            Ok((lang, Some(pillar), kind, format!("{}/{stem}", parts[1])))
        }
        _ => Err(Problem::MisplacedFile),
    }
}

/// Loads one Markdown file: its metadata, and the warnings about its body (a draft's
/// too: they are for the author, who is working on it).
pub fn load_file(
    root: &Path,
    rel: &Path,
    config: &SiteConfig,
) -> Result<(SourcePage, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (lang, pillar, kind, key) =
        classify(rel, config).map_err(|p| vec![Diagnostic::error(rel, None, p)])?;
    let text = read_text(root, rel).map_err(|d| vec![d])?;
    let split = markdown::split_front_matter(&text).map_err(|markdown::Unclosed| {
        vec![Diagnostic::error(
            rel,
            Some(1),
            Problem::FrontMatterUnclosed,
        )]
    })?;
    let front_text = split.front_matter.unwrap_or("");
    let fm_line = split.front_matter_line;
    let mut problems = Vec::new();
    let raw: RawFrontMatter = if front_text.trim().is_empty() {
        RawFrontMatter::default()
    } else {
        match yaml_serde::from_str(front_text) {
            Ok(raw) => raw,
            Err(e) => {
                let line = e.location().map(|l| l.line() + fm_line - 1);
                let message = e.to_string();
                let problem = if let Some((key, expected)) = unknown_field(&message) {
                    Problem::FrontMatterUnknownKey {
                        hint: Hint::closest(&key, expected.iter().map(String::as_str)),
                        key,
                    }
                } else if message.contains("expected struct") {
                    Problem::FrontMatterNotMapping
                } else {
                    Problem::FrontMatterYaml(strip_location(&message))
                };
                let d = Diagnostic::error(rel, line.or(Some(fm_line)), problem)
                    .at_column(e.location().map(|l| l.column()));
                return Err(vec![d]);
            }
        }
    };
    let key_line = |key: &str| {
        front_text
            .lines()
            .position(|l| l.starts_with(key) && l[key.len()..].trim_start().starts_with(':'))
            .map(|i| i + fm_line)
            .or(Some(fm_line))
    };
    let title = raw.title.filter(|t| !t.trim().is_empty());
    if title.is_none() && kind == SourceKind::Explainer {
        problems.push(Diagnostic::error(
            rel,
            Some(fm_line.max(1)),
            Problem::MissingTitle,
        ));
    }
    let mut date_of = |field: &'static str, value: Option<String>| {
        let value = value?;
        let parsed = Date::parse(&value);
        if parsed.is_none() {
            problems.push(Diagnostic::error(
                rel,
                key_line(field),
                Problem::BadDate { field, value },
            ));
        }
        parsed
    };
    let date = date_of("date", raw.date);
    let updated = date_of("updated", raw.updated);
    let mut audiences = Vec::new();
    for name in &raw.audiences {
        match config.audiences.iter().position(|a| &a.id == name) {
            Some(i) if !audiences.contains(&i) => audiences.push(i),
            Some(_) => {}
            None => problems.push(Diagnostic::error(
                rel,
                key_line("audiences"),
                Problem::UnknownAudience {
                    name: name.clone(),
                    hint: Hint::closest(name, config.audiences.iter().map(|a| a.id.as_str())),
                },
            )),
        }
    }
    if let Some(slug) = &raw.slug
        && !is_slug(slug)
    {
        problems.push(Diagnostic::error(
            rel,
            key_line("slug"),
            Problem::BadSlug(slug.clone()),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let events = markdown::parse(split.body);
    let lints = crate::check::lint_body(
        root,
        rel,
        kind,
        split.body,
        &events,
        split.body_line,
        config,
    );
    if crate::error::has_errors(&lints) {
        return Err(lints);
    }
    let page = SourcePage {
        kind,
        lang,
        pillar,
        key,
        path: rel.to_path_buf(),
        front: FrontMatter {
            title: title.unwrap_or_default(),
            summary: raw.summary.unwrap_or_default(),
            weight: raw.weight.unwrap_or(0),
            audiences,
            date,
            updated: updated.or(date),
            draft: raw.draft,
            slug: raw.slug,
            translated_from: raw.translated_from,
        },
        body_line: split.body_line,
        outline: markdown::outline_of(split.body, events),
    };
    Ok((page, lints))
}

/// Reads a page's body again for rendering.
pub fn read_body(root: &Path, page: &SourcePage) -> Result<String, Diagnostic> {
    let text = read_text(root, &page.path)?;
    let split = markdown::split_front_matter(&text).map_err(|markdown::Unclosed| {
        Diagnostic::error(&page.path, Some(1), Problem::FrontMatterUnclosed)
    })?;
    Ok(split.body.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(Date::parse("2026-02-29"), None, "2026 is not a leap year");
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.iso()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(Date::parse("23/11/2026"), None);
        assert!(Date::parse("2026-11-01") < Date::parse("2026-11-20"));
    }

    #[test]
    fn bom_is_dropped_and_bad_bytes_located() {
        assert_eq!(decode(b"\xef\xbb\xbfhi".to_vec()).unwrap(), "hi");
        let (p, line) = decode(b"a\nb\n\xff".to_vec()).unwrap_err();
        assert_eq!(p, Problem::NotUtf8 { byte: 0xff });
        assert_eq!(line, Some(3));
    }
}
