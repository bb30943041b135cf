//! `loa watch` and `loa serve`: one line per rebuild, and the preview server fed with
//! what each rebuild means for open pages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fluent_bundle::FluentValue;

use loa::error::Diagnostic;
use loa::messages::text;
use loa::serve::{Notice, Preview};
use loa::watch::{Rebuild, RebuildKind, Session};

/// The changed files as an author reads them: relative, at most three named.
fn what(root: &Path, changed: &[PathBuf]) -> String {
    // No file named: the site as a whole (rebuilt after lost events, or its search index
    // finished).
    if changed.is_empty() {
        return root.display().to_string();
    }
    let mut names: Vec<String> = changed
        .iter()
        .map(|p| loa::error::relative(root, p).display().to_string())
        .collect();
    names.sort();
    names.dedup();
    if names.len() > 3 {
        let more = names.len() - 3;
        names.truncate(3);
        names.push(format!("+{more}"));
    }
    names.join(", ")
}

fn report(what: &str, result: &Result<Rebuild, Vec<Diagnostic>>) {
    match result {
        Ok(r) => {
            let id = match r.kind {
                RebuildKind::Nothing => return,
                RebuildKind::Full => "watch-full",
                RebuildKind::Pages => "watch-pages",
                RebuildKind::Styles => "watch-styles",
                RebuildKind::Static => "watch-static",
            };
            let args: [(&str, FluentValue); 3] = [
                ("what", what.to_string().into()),
                ("pages", r.pages.into()),
                ("ms", (r.millis as u64).into()),
            ];
            println!("{}", text(id, &args));
        }
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            eprintln!(
                "{}",
                text("watch-failed", &[("what", what.to_string().into())])
            );
        }
    }
}

fn ready(root: &Path) {
    println!(
        "{}",
        text("watch-ready", &[("dir", root.display().to_string().into())])
    );
}

fn watch_failed(e: notify::Error) -> ExitCode {
    eprintln!(
        "{}: {}",
        text("label-error", &[]),
        text("watch-error", &[("reason", e.to_string().into())])
    );
    ExitCode::from(2)
}

pub fn watch(opts: loa::build::Options) -> ExitCode {
    let root = opts.source.clone();
    let (mut session, first) = Session::start(opts);
    report(&root.display().to_string(), &first);
    match loa::watch::watch(
        &mut session,
        || ready(&root),
        |changed, result, _| report(&what(&root, changed), result),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => watch_failed(e),
    }
}

fn base_path(session: &Session) -> String {
    session
        .loaded()
        .map(|l| l.site().base_path.clone())
        .unwrap_or_else(|| "/".into())
}

fn problem_lines(problems: &[Diagnostic]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

pub fn serve(opts: loa::build::Options, bind: &str, port: u16, open: bool) -> ExitCode {
    let root = opts.source.clone();
    let (mut session, first) = Session::start(opts);
    report(&root.display().to_string(), &first);
    let preview = Preview::new(session.output_dir(), base_path(&session));
    if let Err(problems) = &first {
        preview.notify(Notice::Problem(problem_lines(problems)));
    }
    let (listener, taken) = match loa::serve::bind(bind, port) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "{}: {}",
                text("label-error", &[]),
                text(
                    "serve-bind-failed",
                    &[
                        ("bind", bind.to_string().into()),
                        ("port", port.into()),
                        ("reason", e.to_string().into()),
                    ]
                )
            );
            return ExitCode::from(2);
        }
    };
    for p in taken {
        eprintln!("{}", text("serve-port-taken", &[("port", p.into())]));
    }
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    let url = format!("http://{bind}:{port}{}", base_path(&session));
    let server = preview.clone();
    std::thread::spawn(move || loa::serve::run(listener, server));
    let on_ready = || {
        println!(
            "{}",
            text(
                "serve-url",
                &[
                    ("url", url.clone().into()),
                    ("root", format!("http://{bind}:{port}/").into()),
                ]
            )
        );
        ready(&root);
        if open {
            loa::serve::open_browser(&url);
        }
    };
    let result = loa::watch::watch(&mut session, on_ready, |changed, result, session| {
        report(&what(&root, changed), result);
        preview.set_base_path(base_path(session));
        preview.notify(match result {
            Ok(r) if r.kind == RebuildKind::Nothing => return,
            Ok(r) if r.kind == RebuildKind::Styles => Notice::Styles,
            Ok(_) => Notice::Reload,
            Err(problems) => Notice::Problem(problem_lines(problems)),
        });
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => watch_failed(e),
    }
}
