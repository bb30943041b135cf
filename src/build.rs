//! One build, stage by stage: config → content → site model → render → output.
//!
//! Each stage returns plain data and its diagnostics; the first stage that finds errors
//! ends the build before the output is touched.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::error::{Diagnostic, Problem, has_errors};
use crate::i18n::Fallback;
use crate::output::{Staging, minify_css};
use crate::site::{BuildOptions, Site};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub source: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub portable: bool,
    pub drafts: bool,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub output: PathBuf,
    pub pages: usize,
    pub explainers: usize,
    pub languages: usize,
    pub fallback_pages: usize,
    pub millis: u128,
    pub warnings: Vec<Diagnostic>,
    pub message_fallbacks: Vec<Fallback>,
}

/// Builds the site; on failure returns every diagnostic found (warnings included).
pub fn run(opts: &Options) -> Result<Summary, Vec<Diagnostic>> {
    let started = Instant::now();
    let root = opts.source.as_path();
    let mut config = crate::config::load(root)?;
    if let Some(url) = &opts.base_url {
        config.base_url = url.clone();
        if crate::config::base_path(url).is_none() {
            return Err(vec![Diagnostic::error(
                "--base-url",
                None,
                Problem::BadBaseUrl(url.clone()),
            )]);
        }
    }
    let output = match &opts.output {
        Some(o) => o.clone(),
        None => root.join(&config.output),
    };

    let (sources, mut diagnostics) = crate::content::load(root, &config, opts.drafts);
    let theme = crate::theme::load(root, &config.theme).map_err(|d| vec![d])?;
    let site_locales = crate::theme::site_files(root, "locales").map_err(|d| vec![d])?;
    if has_errors(&diagnostics) {
        return Err(finish(diagnostics));
    }
    let site = Site::build(
        config,
        root.to_path_buf(),
        sources,
        BuildOptions {
            portable: opts.portable,
        },
    )
    .map_err(|mut d| {
        d.append(&mut diagnostics);
        finish(d)
    })?;
    let site_locales: Vec<_> = site_locales
        .into_iter()
        .map(|mut f| {
            f.origin = PathBuf::from("locales").join(&f.rel);
            f
        })
        .collect();
    let (localizer, fluent_problems) =
        crate::i18n::Localizer::load(&site.languages, &theme.locales, &site_locales);
    diagnostics.extend(fluent_problems);
    if has_errors(&diagnostics) {
        return Err(finish(diagnostics));
    }
    let localizer = Arc::new(localizer);
    let renderer =
        crate::render::Renderer::new(&site, &theme, localizer.clone()).map_err(|mut d| {
            d.append(&mut diagnostics);
            finish(d)
        })?;

    let staging = Staging::new(&output).map_err(|e| vec![output_error(&output, e)])?;
    diagnostics.extend(renderer.render_all(&staging));
    if !has_errors(&diagnostics)
        && let Err(d) = copy_static(root, &theme.statics, &staging)
    {
        diagnostics.push(d);
    }
    if has_errors(&diagnostics) {
        staging.abort();
        return Err(finish(diagnostics));
    }
    staging
        .commit()
        .map_err(|e| vec![output_error(&output, e)])?;

    let explainers = site
        .sources
        .iter()
        .filter(|s| s.kind == crate::content::SourceKind::Explainer)
        .count();
    Ok(Summary {
        output,
        pages: site.pages.len(),
        explainers,
        languages: site.languages.len(),
        fallback_pages: site.pages.iter().filter(|p| p.fallback).count(),
        millis: started.elapsed().as_millis(),
        warnings: finish(diagnostics),
        message_fallbacks: localizer.fallbacks(),
    })
}

fn finish(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    crate::error::sort(&mut diagnostics);
    diagnostics.dedup();
    diagnostics
}

fn output_error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, None, Problem::Output(e.to_string()))
}

/// The theme's `static/`, then the site's `static/` over it; stylesheets minified.
fn copy_static(
    root: &Path,
    theme_statics: &[crate::theme::ThemeFile],
    out: &Staging,
) -> Result<(), Diagnostic> {
    let site_statics = crate::theme::site_files(root, "static")?;
    let mut files: Vec<&crate::theme::ThemeFile> = Vec::new();
    for f in theme_statics.iter().chain(&site_statics) {
        files.retain(|g| g.rel != f.rel);
        files.push(f);
    }
    for f in files {
        let rel = f.rel.to_string_lossy().replace('\\', "/");
        let minified;
        let bytes = if rel.ends_with(".css")
            && let Ok(text) = std::str::from_utf8(&f.bytes)
        {
            minified = minify_css(text);
            minified.as_bytes()
        } else {
            &f.bytes
        };
        out.write(&rel, bytes)
            .map_err(|e| Diagnostic::error(&f.origin, None, Problem::Output(e.to_string())))?;
    }
    Ok(())
}
