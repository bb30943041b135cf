//! `loa check`, and the checks of a file's body that every build makes too: empty
//! explainers, explainers without questions, repeated question ids, skipped heading levels,
//! images that are not there, links to the site's own address, and (for `check` only)
//! BOMs and Windows line endings.
//!
//! `check` runs every stage of a build except writing, so it reports everything a build
//! would refuse, and adds the translation report as warnings.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Tag};

use crate::build::Options;
use crate::config::SiteConfig;
use crate::content::SourceKind;
use crate::error::{Diagnostic, Problem, has_errors, sort};

fn level(h: HeadingLevel) -> u8 {
    match h {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The body checks of one file, on the events of [`crate::markdown::parse`] (which the
/// loader shares with the outline: one parse a file). `body_line` is the file line of the
/// body's first line.
pub fn lint_body(
    root: &Path,
    rel: &Path,
    kind: SourceKind,
    body: &str,
    events: &crate::markdown::Events,
    body_line: usize,
    config: &SiteConfig,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let line = |offset: usize| Some(body_line + crate::error::line_of(body, offset) - 1);
    if kind == SourceKind::Explainer && body.trim().is_empty() {
        out.push(Diagnostic::error(
            rel,
            Some(body_line),
            Problem::EmptyExplainer,
        ));
        return out;
    }
    let mut explicit_ids: Vec<String> = Vec::new();
    let mut previous = 1;
    let mut questions = 0;
    let own = config.base_url_with_slash();
    for (event, range) in events {
        let range = range.clone();
        match event {
            Event::Start(Tag::Heading { level: h, id, .. }) => {
                let h = level(*h);
                if h == 2 {
                    questions += 1;
                }
                if h > previous + 1 {
                    out.push(Diagnostic::warning(
                        rel,
                        line(range.start),
                        Problem::SkippedHeadingLevel {
                            from: previous,
                            to: h,
                        },
                    ));
                }
                previous = h;
                if let Some(id) = id {
                    if explicit_ids.iter().any(|i| i == id.as_ref()) {
                        out.push(Diagnostic::error(
                            rel,
                            line(range.start),
                            Problem::DuplicateQuestionId(id.to_string()),
                        ));
                    }
                    explicit_ids.push(id.to_string());
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with(&own) => {
                out.push(Diagnostic::warning(
                    rel,
                    line(range.start),
                    Problem::AbsoluteSelfLink(dest_url.to_string()),
                ));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let dest = dest_url.split(['?', '#']).next().unwrap_or("");
                let external = dest.contains("://") || dest.starts_with("data:") || dest.is_empty();
                let beside = rel.parent().map(|p| root.join(p).join(dest));
                let in_static = root.join("static").join(dest.trim_start_matches('/'));
                if !external && !in_static.is_file() && !beside.is_some_and(|b| b.is_file()) {
                    out.push(Diagnostic::warning(
                        rel,
                        line(range.start),
                        Problem::MissingImage(dest.to_string()),
                    ));
                }
            }
            _ => {}
        }
    }
    if kind == SourceKind::Explainer && questions == 0 {
        out.push(Diagnostic::warning(
            rel,
            Some(body_line),
            Problem::NoQuestions,
        ));
    }
    out
}

/// Notes about the bytes of a file that builds accept silently.
pub fn file_notes(rel: &Path, bytes: &[u8]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        out.push(Diagnostic::note(rel, Some(1), Problem::ByteOrderMark));
    }
    if let Some(i) = bytes.windows(2).position(|w| w == b"\r\n") {
        let line = bytes[..i].iter().filter(|b| **b == b'\n').count() + 1;
        out.push(Diagnostic::note(rel, Some(line), Problem::CrlfLineEndings));
    }
    out
}

/// What `loa check` found, or `Err` when it could not run at all (no usable site.yaml).
pub fn run(opts: &Options) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let root = opts.source.as_path();
    let config = crate::config::load(root)?;
    let (sources, mut found) = crate::content::load(root, &config, opts.drafts);
    for source in &sources {
        if let Ok(bytes) = std::fs::read(root.join(&source.path)) {
            found.extend(file_notes(&source.path, &bytes));
        }
    }
    let hash_of = |p: &Path| {
        crate::content::read_text(root, p)
            .ok()
            .map(|t| crate::translations::source_hash(&t))
    };
    found.extend(translation_warnings(&config, &sources, &hash_of));
    match crate::theme::load(root, &config.theme) {
        Err(d) => found.push(d),
        Ok(theme) => {
            // Templates and strings are checked even when the content has errors.
            match crate::build::load(opts) {
                Ok(loaded) => {
                    found.extend(loaded.warnings.clone());
                    found.extend(loaded.renderer.render_all_to(&crate::output::Discard));
                }
                Err(d) => found.extend(d),
            }
            drop(theme);
        }
    }
    sort(&mut found);
    found.dedup();
    Ok(found)
}

/// The translation report, as warnings on the translations (or the sources they lack).
pub fn translation_warnings(
    config: &SiteConfig,
    sources: &[crate::content::SourcePage],
    hash_of: &dyn Fn(&Path) -> Option<String>,
) -> Vec<Diagnostic> {
    let report = crate::translations::report(config, sources, hash_of);
    let mut out = Vec::new();
    for lang in &report.languages {
        for source in &lang.missing {
            out.push(Diagnostic::warning(
                source,
                None,
                Problem::TranslationMissing {
                    language: lang.language.clone(),
                },
            ));
        }
        for path in &lang.stale {
            let source = crate::translations::source_path(config, path).unwrap_or_default();
            out.push(Diagnostic::warning(
                path,
                None,
                Problem::TranslationStale {
                    source: source.display().to_string(),
                },
            ));
        }
        for m in &lang.question_mismatches {
            out.push(Diagnostic::warning(
                &m.translation,
                None,
                Problem::QuestionCountMismatch {
                    source: m.source.display().to_string(),
                    here: m.translation_questions,
                    there: m.source_questions,
                },
            ));
        }
    }
    out
}

/// Exit status of `loa check`: 1 when it found errors (what a build refuses), else 0;
/// warnings and notes are printed but, like untranslated pages, do not fail CI.
pub fn status(found: &[Diagnostic]) -> u8 {
    u8::from(has_errors(found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Severity;

    fn config() -> SiteConfig {
        crate::config::parse(
            "title: {vi: T}\nbase_url: https://a.vn/x/\ndefault_language: vi\nlanguages:\n  - code: vi\n    name: V\npillars:\n  - id: p\n    title: {vi: P}\n",
        )
        .unwrap()
    }

    fn lint(body: &str) -> Vec<Problem> {
        lint_body(
            Path::new("/nonexistent"),
            Path::new("content/vi/p/a.md"),
            SourceKind::Explainer,
            body,
            &crate::markdown::parse(body),
            5,
            &config(),
        )
        .into_iter()
        .map(|d| d.problem)
        .collect()
    }

    #[test]
    fn body_problems_are_found_with_file_lines() {
        assert_eq!(lint("  \n"), [Problem::EmptyExplainer]);
        assert_eq!(lint("Only an intro.\n"), [Problem::NoQuestions]);
        assert_eq!(
            lint("## A {#x}\n\n#### Deep\n\n## B {#x}\n"),
            [
                Problem::SkippedHeadingLevel { from: 2, to: 4 },
                Problem::DuplicateQuestionId("x".into())
            ]
        );
        let body = "## Q\n\n[a](https://a.vn/x/p/b/) ![i](hinh.png)\n";
        let d = lint_body(
            Path::new("/nonexistent"),
            Path::new("a.md"),
            SourceKind::Explainer,
            body,
            &crate::markdown::parse(body),
            5,
            &config(),
        );
        assert_eq!(d[0].line, Some(7));
        assert_eq!(
            d[0].problem,
            Problem::AbsoluteSelfLink("https://a.vn/x/p/b/".into())
        );
        assert_eq!(d[1].problem, Problem::MissingImage("hinh.png".into()));
    }

    #[test]
    fn bom_and_crlf_are_notes() {
        let notes = file_notes(Path::new("a.md"), b"\xef\xbb\xbfa\nb\r\n");
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.severity == Severity::Note));
        assert_eq!(notes[1].line, Some(2));
    }
}
