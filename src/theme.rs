//! Where a theme's files come from: the site's `themes/<name>/` folder, or the default
//! theme built into the binary so that a site needs nothing but its content.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::error::{Diagnostic, Problem};

static DEFAULT_THEME: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme file: its path inside the theme folder, where it came from (for messages) and
/// its bytes.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub rel: PathBuf,
    pub origin: PathBuf,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Default)]
pub struct Theme {
    pub templates: Vec<ThemeFile>,
    pub statics: Vec<ThemeFile>,
    /// `locales/<lang>/*.ftl`, with `rel` starting at the language folder.
    pub locales: Vec<ThemeFile>,
}

pub fn load(site_root: &Path, name: &str) -> Result<Theme, Diagnostic> {
    let dir = site_root.join("themes").join(name);
    let files = if dir.is_dir() {
        from_disk(site_root, &dir)?
    } else if name == "default" {
        embedded(&DEFAULT_THEME)
    } else {
        return Err(Diagnostic::error(
            crate::config::CONFIG_FILE,
            None,
            Problem::UnknownTheme(name.to_string()),
        ));
    };
    let mut theme = Theme::default();
    for mut f in files {
        let mut parts = f.rel.components();
        let top = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let rest: PathBuf = parts.collect();
        f.rel = rest;
        match top.as_deref() {
            Some("templates") => theme.templates.push(f),
            Some("static") => theme.statics.push(f),
            Some("locales") => theme.locales.push(f),
            _ => {}
        }
    }
    Ok(theme)
}

fn embedded(dir: &Dir<'static>) -> Vec<ThemeFile> {
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for f in d.files() {
            out.push(ThemeFile {
                rel: f.path().to_path_buf(),
                origin: PathBuf::from("(built-in theme)").join(f.path()),
                bytes: f.contents().to_vec(),
            });
        }
        stack.extend(d.dirs());
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

fn from_disk(site_root: &Path, dir: &Path) -> Result<Vec<ThemeFile>, Diagnostic> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            Diagnostic::error(
                crate::error::relative(site_root, dir),
                None,
                Problem::Unreadable(e.to_string()),
            )
        })?;
        // Hidden files and editors' droppings (`app.js~`, `.swp`, `4913`) are never a
        // theme's or a site's, and must not be published.
        if !entry.file_type().is_file() || crate::watch::is_ignored(Path::new(entry.file_name())) {
            continue;
        }
        let origin = crate::error::relative(site_root, entry.path());
        let bytes = std::fs::read(entry.path())
            .map_err(|e| Diagnostic::error(&origin, None, Problem::Unreadable(e.to_string())))?;
        out.push(ThemeFile {
            rel: entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_path_buf(),
            origin,
            bytes,
        });
    }
    Ok(out)
}

/// Files of a plain folder of the site (`static/`, `locales/`), sorted, relative to it.
pub fn site_files(site_root: &Path, folder: &str) -> Result<Vec<ThemeFile>, Diagnostic> {
    let dir = site_root.join(folder);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    from_disk(site_root, &dir)
}
