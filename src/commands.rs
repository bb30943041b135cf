//! `loa translations` and `loa new`: the translator's and author's commands, printing in
//! the chosen language.

use std::path::Path;
use std::process::ExitCode;

use fluent_bundle::FluentValue;

use loa::error::{Diagnostic, Severity};
use loa::messages::text;
use loa::translations;

fn fail(diagnostics: &[Diagnostic]) -> ExitCode {
    for d in diagnostics {
        eprintln!("{d}");
    }
    ExitCode::from(2)
}

fn path_arg(p: &Path) -> FluentValue<'static> {
    p.display().to_string().into()
}

pub fn translations(root: &Path, format: &str, mark: Option<&Path>) -> ExitCode {
    let config = match loa::config::load(root) {
        Ok(c) => c,
        Err(d) => return fail(&d),
    };
    if let Some(path) = mark {
        return match translations::mark(root, &config, path) {
            Ok(hash) => {
                println!(
                    "{}",
                    text(
                        "tr-marked",
                        &[("path", path_arg(path)), ("hash", hash.into())]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(d) => fail(&[d]),
        };
    }
    // Drafts count: a translation in progress is still a translation to report on.
    let (sources, problems) = loa::content::load(root, &config, true);
    for d in &problems {
        eprintln!("{d}");
    }
    let hash_of = |p: &Path| {
        loa::content::read_text(root, p)
            .ok()
            .map(|t| translations::source_hash(&t))
    };
    let report = translations::report(&config, &sources, &hash_of);
    if format == "json" {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
        return ExitCode::SUCCESS;
    }
    for r in &report.languages {
        println!(
            "{}",
            text(
                "tr-language",
                &[
                    ("language", r.language.clone().into()),
                    ("translated", r.translated.into()),
                    ("explainers", r.explainers.into()),
                    ("translated_questions", r.translated_questions.into()),
                    ("questions", r.questions.into()),
                ]
            )
        );
        for (id, list) in [
            ("tr-missing", &r.missing),
            ("tr-stale", &r.stale),
            ("tr-unstamped", &r.unstamped),
            ("tr-draft", &r.drafts),
        ] {
            for p in list {
                println!("  {}", text(id, &[("path", path_arg(p))]));
            }
        }
        for m in &r.question_mismatches {
            println!(
                "  {}",
                text(
                    "tr-mismatch",
                    &[
                        ("translation", path_arg(&m.translation)),
                        ("translation_questions", m.translation_questions.into()),
                        ("source", path_arg(&m.source)),
                        ("source_questions", m.source_questions.into()),
                    ]
                )
            );
        }
    }
    ExitCode::SUCCESS
}

pub fn new(root: &Path, translate: Option<&Path>, target: &str) -> ExitCode {
    let config = match loa::config::load(root) {
        Ok(c) => c,
        Err(d) => return fail(&d),
    };
    let content = Path::new(loa::content::CONTENT_DIR);
    let (rel, body) = match translate {
        Some(source) => {
            let source = loa::error::relative(root, source);
            let source = if source.starts_with(content) {
                source
            } else {
                content.join(source)
            };
            let text = match loa::content::read_text(root, &source) {
                Ok(t) => t,
                Err(d) => return fail(&[d]),
            };
            let rest: std::path::PathBuf = source.components().skip(2).collect();
            let hash = translations::source_hash(&text);
            let Some(skeleton) = translations::skeleton(&text, &hash) else {
                return fail(&[Diagnostic::error(
                    &source,
                    Some(1),
                    loa::error::Problem::FrontMatterUnclosed,
                )]);
            };
            (content.join(target).join(rest), skeleton)
        }
        None => {
            let parts: Vec<&str> = target.trim_end_matches(".md").split('/').collect();
            let valid = parts.len() == 3
                && config.languages.iter().any(|l| l.code == parts[0])
                && config.pillars.iter().any(|p| p.id == parts[1])
                && loa::config::is_slug(parts[2]);
            if !valid {
                eprintln!(
                    "{}: {}",
                    text("label-error", &[]),
                    text("new-bad-target", &[])
                );
                return ExitCode::from(2);
            }
            (
                content.join(format!("{}.md", parts.join("/"))),
                loa::init::new_explainer(parts[2], loa::init::today()),
            )
        }
    };
    match loa::init::create_new(&root.join(&rel), &body) {
        Ok(()) => {
            println!("{}", text("new-created", &[("path", path_arg(&rel))]));
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "{}: {}",
                text("label-error", &[]),
                text("new-exists", &[("path", path_arg(&rel))])
            );
            ExitCode::from(2)
        }
        Err(e) => fail(&[Diagnostic::error(
            &rel,
            None,
            loa::error::Problem::Output(e.to_string()),
        )]),
    }
}

/// `loa check`: every problem, sorted by file and line; exit 0 clean, 1 problems, 2 could
/// not run.
pub fn check(opts: &loa::build::Options, format: &str) -> ExitCode {
    let found = match loa::check::run(opts) {
        Ok(found) => found,
        Err(d) => return fail(&d),
    };
    if format == "json" {
        let rows: Vec<serde_json::Value> = found
            .iter()
            .map(|d| {
                serde_json::json!({
                    "severity": match d.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Note => "note",
                    },
                    "file": d.path.display().to_string(),
                    "line": d.line,
                    "column": d.column,
                    "code": loa::messages::problem_id(&d.problem),
                    "message": d.problem.to_string(),
                })
            })
            .collect();
        match serde_json::to_string_pretty(&rows) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    } else {
        for d in &found {
            println!("{d}");
        }
        let count = |s: Severity| found.iter().filter(|d| d.severity == s).count();
        if found.is_empty() {
            println!("{}", text("check-clean", &[]));
        } else {
            println!(
                "{}",
                text(
                    "check-summary",
                    &[
                        ("errors", count(Severity::Error).into()),
                        ("warnings", count(Severity::Warning).into()),
                        ("notes", count(Severity::Note).into()),
                    ]
                )
            );
        }
    }
    ExitCode::from(loa::check::status(&found))
}
