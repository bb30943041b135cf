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

/// Everything a build loaded and made. Watch mode keeps it between rebuilds and replaces
/// only what a change touched.
pub struct Loaded {
    pub opts: Options,
    pub output: PathBuf,
    pub theme: crate::theme::Theme,
    pub localizer: Arc<crate::i18n::Localizer>,
    pub renderer: crate::render::Renderer,
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    pub fn site(&self) -> &Arc<Site> {
        self.renderer.site()
    }
}

/// With `LOA_TIMINGS` set, prints how long each stage took, for profiling builds.
struct Stages {
    last: Option<Instant>,
    /// CPU time of all threads at the last stage's end, in ms, where the system says.
    cpu: Option<u64>,
}

/// User and system time of all threads so far, in ms (Linux only). Next to a stage's wall
/// time it tells how many cores the stage kept busy.
fn cpu_millis() -> Option<u64> {
    cpu_millis_of(&std::fs::read_to_string("/proc/self/stat").ok()?)
}

/// User plus system time from a `/proc/<pid>/stat` line.
fn cpu_millis_of(stat: &str) -> Option<u64> {
    // After the command name, which is in parentheses and may hold spaces and `)`: utime
    // and stime are fields 14 and 15, in ticks of 1/100 s (USER_HZ on x86 and ARM Linux).
    let (_, rest) = stat.rsplit_once(')')?;
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10)
}

impl Stages {
    fn start() -> Stages {
        let last = std::env::var_os("LOA_TIMINGS").map(|_| Instant::now());
        Stages {
            last,
            cpu: last.and_then(|_| cpu_millis()),
        }
    }

    fn done(&mut self, stage: &str) {
        if let Some(last) = self.last {
            let cpu = cpu_millis();
            let cpu_text = match (cpu, self.cpu) {
                (Some(now), Some(before)) => format!(", CPU {} ms", now.saturating_sub(before)),
                _ => String::new(),
            };
            // Peak resident memory so far, to see which stage sets the build's peak.
            let peak = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
                    Some(line["VmHWM:".len()..].trim().to_string())
                })
                .unwrap_or_default();
            eprintln!(
                "timing: {stage}: {} ms{cpu_text} (peak memory so far {peak})",
                last.elapsed().as_millis(),
            );
            self.cpu = cpu;
            self.last = Some(Instant::now());
        }
    }
}

/// Builds the site; on failure returns every diagnostic found (warnings included).
pub fn run(opts: &Options) -> Result<Summary, Vec<Diagnostic>> {
    let started = Instant::now();
    let loaded = load(opts)?;
    write_all(&loaded)?;
    Ok(summary(&loaded, started))
}

pub fn summary(loaded: &Loaded, started: Instant) -> Summary {
    let site = loaded.site();
    Summary {
        output: loaded.output.clone(),
        pages: site.pages.len(),
        explainers: site
            .sources
            .iter()
            .filter(|s| s.kind == crate::content::SourceKind::Explainer)
            .count(),
        languages: site.languages.len(),
        fallback_pages: site.pages.iter().filter(|p| p.fallback).count(),
        millis: started.elapsed().as_millis(),
        warnings: loaded.warnings.clone(),
        message_fallbacks: loaded.localizer.fallbacks(),
    }
}

/// Reads every input and makes the site model and the templates, writing nothing.
pub fn load(opts: &Options) -> Result<Loaded, Vec<Diagnostic>> {
    let root = opts.source.as_path();
    let mut stages = Stages::start();
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
    stages.done("load content");
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
    diagnostics.extend(site.warnings.iter().cloned());
    stages.done("site model");
    let presentation =
        load_presentation(root, &site.config, &site.languages).map_err(|mut d| {
            d.append(&mut diagnostics);
            finish(d)
        })?;
    diagnostics.extend(presentation.warnings);
    diagnostics.extend(presentation.templates.unlinked_listing_pages(&site));
    let renderer = crate::render::Renderer::new(Arc::new(site), Arc::new(presentation.templates));
    stages.done("strings, templates, listings");
    Ok(Loaded {
        opts: opts.clone(),
        output,
        theme: presentation.theme,
        localizer: presentation.localizer,
        renderer,
        warnings: finish(diagnostics),
    })
}

/// The theme, the UI strings and the parsed templates: everything but the content.
pub struct Presentation {
    pub theme: crate::theme::Theme,
    pub localizer: Arc<crate::i18n::Localizer>,
    pub templates: crate::render::Templates,
    pub warnings: Vec<Diagnostic>,
}

/// Loads what the pages are presented with; `loa check` calls it on its own, so that
/// template and Fluent mistakes are reported even when the content has errors.
pub fn load_presentation(
    root: &Path,
    config: &crate::config::SiteConfig,
    languages: &[crate::site::Language],
) -> Result<Presentation, Vec<Diagnostic>> {
    let theme = crate::theme::load(root, &config.theme).map_err(|d| vec![d])?;
    let site_locales: Vec<_> = crate::theme::site_files(root, "locales")
        .map_err(|d| vec![d])?
        .into_iter()
        .map(|mut f| {
            f.origin = PathBuf::from("locales").join(&f.rel);
            f
        })
        .collect();
    let (localizer, mut diagnostics) =
        crate::i18n::Localizer::load(languages, &theme.locales, &site_locales);
    if has_errors(&diagnostics) {
        return Err(diagnostics);
    }
    let localizer = Arc::new(localizer);
    let templates =
        crate::render::Templates::new(config, &theme, localizer.clone()).map_err(|mut d| {
            d.append(&mut diagnostics);
            d
        })?;
    Ok(Presentation {
        theme,
        localizer,
        templates,
        warnings: diagnostics,
    })
}

/// Writes the whole site into a staging folder and swaps it in; on any error the old
/// output stays as it was.
pub fn write_all(loaded: &Loaded) -> Result<(), Vec<Diagnostic>> {
    let staging =
        Staging::new(&loaded.output).map_err(|e| vec![output_error(&loaded.output, e)])?;
    let mut stages = Stages::start();
    let renderer = &loaded.renderer;
    let all: Vec<usize> = (0..renderer.site().pages.len()).collect();
    let mut diagnostics = renderer.render_pages(&all, &staging);
    stages.done("render and write pages");
    diagnostics.extend(renderer.render_extras(&staging));
    stages.done("sitemap, feeds, 404");
    diagnostics.extend(renderer.render_search(&staging));
    stages.done("search index");
    if !has_errors(&diagnostics)
        && let Err(d) = copy_static(&loaded.opts.source, &loaded.theme.statics, &staging)
    {
        diagnostics.push(d);
    }
    if has_errors(&diagnostics) {
        staging.abort();
        let mut all = loaded.warnings.clone();
        all.extend(diagnostics);
        return Err(finish(all));
    }
    let committed = staging
        .commit()
        .map_err(|e| vec![output_error(&loaded.output, e)]);
    stages.done("static files, swap");
    committed
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
pub fn copy_static(
    root: &Path,
    theme_statics: &[crate::theme::ThemeFile],
    out: &dyn crate::output::Sink,
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

#[cfg(test)]
mod tests {
    #[test]
    fn cpu_time_is_read_after_the_command_name() {
        let stat = "4242 (loa (x) y) R 1 2 3 4 5 6 7 8 9 10 123 45 0 0 20 0 3 0 99";
        assert_eq!(super::cpu_millis_of(stat), Some(1680));
        assert_eq!(super::cpu_millis_of("4242 (loa) R 1 2"), None);
    }
}
