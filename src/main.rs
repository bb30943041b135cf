//! The `loa` command line: parses arguments, runs a command, prints what happened, in the
//! user's language (see `loa::messages`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use fluent_bundle::FluentValue;

// See Cargo.toml for why; the library leaves the allocator to the program.
#[cfg(not(windows))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod commands;
mod live;

use loa::error::Severity;
use loa::messages::{self, text};

#[derive(Parser)]
#[command(name = "loa", version)]
struct Cli {
    #[arg(long, global = true, value_name = "vi|en")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// Options shared by every command that builds.
#[derive(clap::Args)]
struct BuildArgs {
    #[arg(long, short, default_value = ".")]
    source: PathBuf,
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[arg(long)]
    base_url: Option<String>,
    #[arg(long)]
    portable: bool,
    #[arg(long)]
    drafts: bool,
}

impl BuildArgs {
    fn options(self) -> loa::build::Options {
        loa::build::Options {
            source: self.source,
            output: self.output,
            base_url: self.base_url,
            portable: self.portable,
            drafts: self.drafts,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    Build {
        #[command(flatten)]
        args: BuildArgs,
    },
    Watch {
        #[command(flatten)]
        args: BuildArgs,
    },
    Serve {
        #[command(flatten)]
        args: BuildArgs,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long)]
        open: bool,
    },
    Check {
        #[command(flatten)]
        args: BuildArgs,
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    Init {
        dir: PathBuf,
    },
    Translations {
        #[arg(long, short, default_value = ".")]
        source: PathBuf,
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
        #[arg(long)]
        mark: Option<PathBuf>,
    },
    New {
        #[arg(long, short, default_value = ".")]
        source: PathBuf,
        #[arg(long)]
        translate: Option<PathBuf>,
        target: String,
    },
}

/// `--lang` is needed before clap runs, because clap prints the help in it.
fn lang_flag() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    })
}

/// The clap command with every help text in the chosen language.
fn localized_command() -> clap::Command {
    let t = |id: &str| text(id, &[]);
    let options = t("help-options");
    let template = format!(
        "{{about}}\n\n{}: {{usage}}\n\n{{all-args}}",
        t("help-usage")
    );
    let help_flags = |c: clap::Command| {
        c.disable_help_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(t("help-help"))
                    .help_heading(options.clone()),
            )
            .help_template(template.clone())
            .next_help_heading(options.clone())
    };
    let with_heading = |a: Arg, id: &str| a.help(t(id)).help_heading(options.clone());
    let build_args = |c: clap::Command| {
        c.mut_arg("source", |a| with_heading(a, "help-source"))
            .mut_arg("output", |a| with_heading(a, "help-output"))
            .mut_arg("base_url", |a| with_heading(a, "help-base-url"))
            .mut_arg("portable", |a| with_heading(a, "help-portable"))
            .mut_arg("drafts", |a| with_heading(a, "help-drafts"))
    };
    let cmd = Cli::command()
        .about(t("help-about"))
        .subcommand_help_heading(t("help-commands"))
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("help-version"))
                .help_heading(options.clone()),
        )
        .mut_arg("lang", |a| with_heading(a, "help-lang"))
        .mut_subcommand("build", |c| {
            build_args(help_flags(c.about(t("help-build"))))
        })
        .mut_subcommand("watch", |c| {
            build_args(help_flags(c.about(t("help-watch"))))
        })
        .mut_subcommand("check", |c| {
            build_args(help_flags(c.about(t("help-check"))))
                .mut_arg("format", |a| with_heading(a, "help-format"))
        })
        .mut_subcommand("serve", |c| {
            build_args(help_flags(c.about(t("help-serve"))))
                .mut_arg("port", |a| with_heading(a, "help-port"))
                .mut_arg("bind", |a| with_heading(a, "help-bind"))
                .mut_arg("open", |a| with_heading(a, "help-open"))
        })
        .mut_subcommand("init", |c| {
            help_flags(c.about(t("help-init"))).mut_arg("dir", |a| {
                a.help(t("help-dir")).help_heading(t("help-arguments"))
            })
        })
        .mut_subcommand("translations", |c| {
            help_flags(c.about(t("help-translations")))
                .mut_arg("source", |a| with_heading(a, "help-source"))
                .mut_arg("format", |a| with_heading(a, "help-format"))
                .mut_arg("mark", |a| with_heading(a, "help-mark"))
        })
        .mut_subcommand("new", |c| {
            help_flags(c.about(t("help-new")))
                .mut_arg("source", |a| with_heading(a, "help-source"))
                .mut_arg("translate", |a| with_heading(a, "help-translate"))
                .mut_arg("target", |a| {
                    a.help(t("help-target")).help_heading(t("help-arguments"))
                })
        });
    help_flags(cmd)
}

fn main() -> ExitCode {
    messages::choose(lang_flag().as_deref());
    let matches = localized_command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Build { args } => build(args.options()),
        Command::Watch { args } => live::watch(args.options()),
        Command::Check { args, format } => commands::check(&args.options(), &format),
        Command::Serve {
            args,
            port,
            bind,
            open,
        } => live::serve(args.options(), &bind, port, open),
        Command::Translations {
            source,
            format,
            mark,
        } => commands::translations(&source, &format, mark.as_deref()),
        Command::New {
            source,
            translate,
            target,
        } => commands::new(&source, translate.as_deref(), &target),
        Command::Init { dir } => match loa::init::run(&dir) {
            Ok(n) => {
                let dir = dir.display().to_string();
                println!(
                    "{}",
                    text(
                        "init-done",
                        &[("files", n.into()), ("dir", FluentValue::from(dir))]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!(
                    "{}: {}",
                    text("label-error", &[]),
                    text("init-failed", &[("reason", e.to_string().into())])
                );
                ExitCode::from(2)
            }
        },
    }
}

fn build(opts: loa::build::Options) -> ExitCode {
    match loa::build::run(&opts) {
        Ok(summary) => {
            for w in &summary.warnings {
                eprintln!("{w}");
            }
            let mut by_language: std::collections::BTreeMap<(&str, &str), Vec<&str>> =
                Default::default();
            for f in &summary.message_fallbacks {
                by_language
                    .entry((&f.language, &f.used))
                    .or_default()
                    .push(&f.key);
            }
            for ((language, used), keys) in by_language {
                eprintln!(
                    "{}: {}",
                    text("label-note", &[]),
                    text(
                        "ui-fallback",
                        &[
                            ("count", keys.len().into()),
                            ("language", language.into()),
                            ("used", used.into()),
                            ("keys", keys.join(", ").into()),
                        ]
                    )
                );
            }
            println!(
                "{}",
                text(
                    "built",
                    &[
                        ("pages", summary.pages.into()),
                        ("explainers", summary.explainers.into()),
                        ("languages", summary.languages.into()),
                        ("fallbacks", summary.fallback_pages.into()),
                        ("output", summary.output.display().to_string().into()),
                        ("ms", (summary.millis as u64).into()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            eprintln!("{}", text("build-failed", &[("errors", errors.into())]));
            ExitCode::FAILURE
        }
    }
}
