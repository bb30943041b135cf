//! The translation workflow: what is translated, missing or stale in each language, and
//! the files translators start from.
//!
//! Staleness works without git: a translation records in its front matter a short hash of
//! the default-language file it was translated from (`translated_from: 3f2a91c0`); when the
//! source changes, its hash no longer matches. `loa translations --mark` stamps the current
//! hash after the translator has checked the page.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::{CONTENT_DIR, SourceKind, SourcePage};
use crate::error::{Diagnostic, Problem};

/// FNV-1a over the file with line endings normalised, as 8 hex digits: stable across
/// platforms and Rust versions, which `std`'s hasher does not promise.
pub fn source_hash(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes().filter(|b| *b != b'\r') {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Mismatch {
    pub translation: PathBuf,
    pub source: PathBuf,
    pub translation_questions: usize,
    pub source_questions: usize,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LanguageReport {
    pub language: String,
    pub explainers: usize,
    pub translated: usize,
    pub questions: usize,
    pub translated_questions: usize,
    /// Default-language files with no translation in this language.
    pub missing: Vec<PathBuf>,
    /// Translations whose source changed since `translated_from` was stamped.
    pub stale: Vec<PathBuf>,
    /// Translations with no `translated_from` stamp: their freshness is unknown.
    pub unstamped: Vec<PathBuf>,
    /// Translations still marked `draft: true`: in progress, not published yet.
    pub drafts: Vec<PathBuf>,
    pub question_mismatches: Vec<Mismatch>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Report {
    pub source_language: String,
    pub languages: Vec<LanguageReport>,
}

/// Compares every language with the default language. `hashes` gives the current hash of
/// each default-language file by its path.
pub fn report(
    config: &SiteConfig,
    sources: &[SourcePage],
    hash_of: &dyn Fn(&Path) -> Option<String>,
) -> Report {
    let default = config
        .languages
        .iter()
        .position(|l| l.code == config.default_language)
        .unwrap_or(0);
    let originals: Vec<&SourcePage> = sources
        .iter()
        .filter(|s| s.lang == default && s.kind == SourceKind::Explainer && !s.front.draft)
        .collect();
    let mut languages = Vec::new();
    for (li, lang) in config.languages.iter().enumerate() {
        if li == default {
            continue;
        }
        let mut r = LanguageReport {
            language: lang.code.clone(),
            explainers: originals.len(),
            translated: 0,
            questions: originals.iter().map(|o| o.outline.questions.len()).sum(),
            translated_questions: 0,
            missing: Vec::new(),
            stale: Vec::new(),
            unstamped: Vec::new(),
            drafts: Vec::new(),
            question_mismatches: Vec::new(),
        };
        for original in &originals {
            let Some(t) = sources
                .iter()
                .find(|s| s.lang == li && s.key == original.key)
            else {
                r.missing.push(original.path.clone());
                continue;
            };
            if t.front.draft {
                r.drafts.push(t.path.clone());
                continue;
            }
            r.translated += 1;
            let (tq, sq) = (t.outline.questions.len(), original.outline.questions.len());
            r.translated_questions += tq.min(sq);
            if tq != sq {
                r.question_mismatches.push(Mismatch {
                    translation: t.path.clone(),
                    source: original.path.clone(),
                    translation_questions: tq,
                    source_questions: sq,
                });
            }
            match &t.front.translated_from {
                None => r.unstamped.push(t.path.clone()),
                Some(stamp) if Some(stamp) != hash_of(&original.path).as_ref() => {
                    r.stale.push(t.path.clone())
                }
                Some(_) => {}
            }
        }
        languages.push(r);
    }
    Report {
        source_language: config.default_language.clone(),
        languages,
    }
}

/// The default-language file a translation (`content/<lang>/<rest>`) comes from.
pub fn source_path(config: &SiteConfig, translation: &Path) -> Option<PathBuf> {
    let rest: PathBuf = translation
        .strip_prefix(CONTENT_DIR)
        .ok()?
        .components()
        .skip(1)
        .collect();
    Some(
        Path::new(CONTENT_DIR)
            .join(&config.default_language)
            .join(rest),
    )
}

/// Sets `translated_from:` in a file's front matter to `hash`, keeping every other byte.
pub fn stamp(text: &str, hash: &str) -> Option<String> {
    let split = crate::markdown::split_front_matter(text).ok()?;
    let front = split.front_matter?;
    let start = text.find(front)?;
    let line = format!("translated_from: {hash}");
    let mut new_front = String::new();
    let mut replaced = false;
    for l in front.split_inclusive('\n') {
        if l.starts_with("translated_from:") {
            new_front.push_str(&line);
            new_front.push_str(if l.ends_with("\r\n") { "\r\n" } else { "\n" });
            replaced = true;
        } else {
            new_front.push_str(l);
        }
    }
    if !replaced {
        new_front.push_str(&line);
        new_front.push('\n');
    }
    Some(format!(
        "{}{}{}",
        &text[..start],
        new_front,
        &text[start + front.len()..]
    ))
}

/// `loa translations --mark <path>`: stamps a translation with its source's current hash.
pub fn mark(root: &Path, config: &SiteConfig, translation: &Path) -> Result<String, Diagnostic> {
    let rel = crate::error::relative(root, translation);
    let rel = if rel.is_absolute() || rel.starts_with(CONTENT_DIR) {
        rel
    } else {
        // Accept `vi/...`-style paths relative to content/ too.
        Path::new(CONTENT_DIR).join(rel)
    };
    let source = source_path(config, &rel)
        .ok_or_else(|| Diagnostic::error(&rel, None, Problem::MisplacedFile))?;
    let hash = source_hash(&crate::content::read_text(root, &source)?);
    let text = crate::content::read_text(root, &rel)?;
    let stamped = stamp(&text, &hash)
        .ok_or_else(|| Diagnostic::error(&rel, Some(1), Problem::FrontMatterUnclosed))?;
    std::fs::write(root.join(&rel), stamped)
        .map_err(|e| Diagnostic::error(&rel, None, Problem::Output(e.to_string())))?;
    Ok(hash)
}

/// The file a translator starts from: the source's front matter (title and summary to
/// translate), its questions as headings with the same ids, the source text below each to
/// translate in place, `draft: true` so that nothing half-translated is published, and the
/// `translated_from` stamp of the source as it is now.
pub fn skeleton(source_text: &str, hash: &str) -> Option<String> {
    let split = crate::markdown::split_front_matter(source_text).ok()?;
    let front = split.front_matter.unwrap_or("");
    let mut out = String::from("---\n");
    for l in front.lines() {
        if !l.starts_with("translated_from:") && !l.starts_with("draft:") {
            out.push_str(l);
            out.push('\n');
        }
    }
    out.push_str("draft: true\n");
    out.push_str(&format!("translated_from: {hash}\n---\n"));
    let (intro, questions) = crate::markdown::source_sections(split.body);
    out.push_str(intro.trim_end());
    out.push('\n');
    for (q, answer) in questions {
        out.push_str(&format!("\n## {} {{#{}}}\n\n{answer}\n", q.title, q.id));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_line_endings_only() {
        assert_eq!(source_hash("a\nb\n"), source_hash("a\r\nb\r\n"));
        assert_ne!(source_hash("a\nb\n"), source_hash("a\nc\n"));
        assert_eq!(source_hash("").len(), 8);
    }

    #[test]
    fn stamp_replaces_or_adds_the_line_and_keeps_the_rest() {
        let text = "---\ntitle: A\ntranslated_from: 00000000\nweight: 2\n---\nBody\n";
        assert_eq!(
            stamp(text, "3f2a91c0").unwrap(),
            "---\ntitle: A\ntranslated_from: 3f2a91c0\nweight: 2\n---\nBody\n"
        );
        assert_eq!(
            stamp("---\ntitle: A\n---\nBody\n", "3f2a91c0").unwrap(),
            "---\ntitle: A\ntranslated_from: 3f2a91c0\n---\nBody\n"
        );
        assert_eq!(stamp("no front matter", "x"), None);
    }

    #[test]
    fn skeleton_keeps_question_ids_and_is_a_draft() {
        let src = "---\ntitle: Chuyển đổi số là gì?\nweight: 10\n---\nMở đầu.\n\n## Là gì?\n\nTrả lời **một**.\n\n## Đăng ký? {#dang-ky}\n\nHai.\n";
        let s = skeleton(src, "abcd1234").unwrap();
        assert!(s.starts_with("---\ntitle: Chuyển đổi số là gì?\nweight: 10\ndraft: true\ntranslated_from: abcd1234\n---\nMở đầu.\n"));
        assert!(s.contains("\n## Là gì? {#la-gi}\n\nTrả lời **một**.\n"));
        assert!(s.contains("\n## Đăng ký? {#dang-ky}\n\nHai.\n"));
        assert_eq!(
            crate::markdown::outline(&s[s.find("Mở").unwrap()..])
                .questions
                .len(),
            2
        );
    }
}
