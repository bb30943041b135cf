//! The `loa` command line: parses arguments, runs a command, prints what happened.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use loa::error::Severity;

#[derive(Parser)]
#[command(
    name = "loa",
    version,
    about = "Builds a multilingual question-and-answer website from Markdown explainers"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into its output folder (public/ unless site.yaml says otherwise).
    Build {
        /// The site's folder (the one with site.yaml).
        #[arg(long, short, default_value = ".")]
        source: PathBuf,
        /// Where to write the site, instead of the `output` of site.yaml.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The address the site will be published at, instead of `base_url` of site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Write every internal link to an explicit index.html, so the site works when
        /// opened from a USB stick through file://.
        #[arg(long)]
        portable: bool,
        /// Include explainers marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a starter site in a new folder.
    Init {
        /// The folder to create.
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            source,
            output,
            base_url,
            portable,
            drafts,
        } => build(loa::build::Options {
            source,
            output,
            base_url,
            portable,
            drafts,
        }),
        Command::Init { dir } => match loa::init::run(&dir) {
            Ok(n) => {
                println!(
                    "Created a starter site with {n} files in {}.\nNext: cd {} && loa build",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot create the starter site: {e}");
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
                    "note: {} UI message(s) not translated into `{language}`, shown in `{used}`: {}",
                    keys.len(),
                    keys.join(", ")
                );
            }
            println!(
                "Built {} pages ({} explainer files, {} languages, {} not yet translated) into {} in {} ms",
                summary.pages,
                summary.explainers,
                summary.languages,
                summary.fallback_pages,
                summary.output.display(),
                summary.millis
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
            eprintln!(
                "Build failed with {errors} error(s); the previous output was left as it was."
            );
            ExitCode::FAILURE
        }
    }
}
