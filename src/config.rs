//! `site.yaml`: the site's title, address, languages, pillars and audiences.
//!
//! Parsed once at the start of a build into plain data. Unknown keys are refused (a typo
//! in a setting must not be silently ignored) and every check that needs only the
//! configuration itself happens here, so later stages can trust it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Hint, Problem};

/// A text given per language code, e.g. `{vi: "Kinh tế số", en: "Digital economy"}`.
pub type Localized = BTreeMap<String, String>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: Localized,
    #[serde(default)]
    pub description: Localized,
    pub base_url: String,
    pub default_language: String,
    pub languages: Vec<LanguageConfig>,
    pub pillars: Vec<PillarConfig>,
    #[serde(default)]
    pub audiences: Vec<AudienceConfig>,
    /// The URL folder under which audience pages live, e.g. `doi-tuong/nguoi-dan/`.
    #[serde(default = "default_audience_path")]
    pub audience_path: String,
    /// Whether to write a print booklet per language (every explainer on one page).
    #[serde(default = "default_true")]
    pub booklet: bool,
    /// The URL folder of the booklet, e.g. `so-tay/`.
    #[serde(default = "default_booklet_path")]
    pub booklet_path: String,
    #[serde(default = "default_output")]
    pub output: PathBuf,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Raw HTML in Markdown is escaped unless the site trusts all its contributors.
    #[serde(default)]
    pub allow_html: bool,
    /// How many explainers each language's feed lists, the most recently updated first;
    /// 0 lists every one. A feed is fetched again and again by readers' apps, often over
    /// a poor connection: a province's whole archive would be megabytes each time.
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    /// How many explainers a pillar or audience page lists before the rest go on to
    /// pages `2.html`, `3.html` … beside it; 0 lists them all on one page. A reader's
    /// phone on a poor connection should not fetch a province's whole archive to see
    /// one pillar: 50 entries are about 20 kB.
    #[serde(default = "default_explainers_per_page")]
    pub explainers_per_page: usize,
}

fn default_feed_limit() -> usize {
    50
}

fn default_explainers_per_page() -> usize {
    50
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    pub code: String,
    /// The language's name in its own script, for the language switcher.
    pub name: String,
    #[serde(default)]
    pub direction: Direction,
    /// Languages to take UI strings and content from when this one lacks them, in order.
    #[serde(default)]
    pub fallback: Vec<String>,
    /// Open Graph locale such as `vi_VN`; defaults to the code.
    #[serde(default)]
    pub locale: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PillarConfig {
    /// The pillar's folder name under `content/<lang>/` and its URL segment.
    pub id: String,
    pub title: Localized,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceConfig {
    pub id: String,
    pub title: Localized,
}

fn default_output() -> PathBuf {
    PathBuf::from("public")
}

fn default_theme() -> String {
    "default".to_string()
}

fn default_true() -> bool {
    true
}

fn default_booklet_path() -> String {
    "so-tay".to_string()
}

fn default_audience_path() -> String {
    "doi-tuong".to_string()
}

pub const CONFIG_FILE: &str = "site.yaml";

/// Reads and checks `site.yaml` in `root`.
pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
    let path = root.join(CONFIG_FILE);
    let text = match std::fs::read(&path) {
        Ok(bytes) => crate::content::decode(bytes)
            .map_err(|(problem, line)| vec![Diagnostic::error(CONFIG_FILE, line, problem)])?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(vec![Diagnostic::error(
                CONFIG_FILE,
                None,
                Problem::MissingConfig,
            )]);
        }
        Err(e) => {
            return Err(vec![Diagnostic::error(
                CONFIG_FILE,
                None,
                Problem::Unreadable(e.to_string()),
            )]);
        }
    };
    parse(&text)
}

pub fn parse(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
    let config: SiteConfig = yaml_serde::from_str(text).map_err(|e| vec![yaml_error(&e)])?;
    let problems = validate(&config);
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems
            .into_iter()
            .map(|(line_key, p)| Diagnostic::error(CONFIG_FILE, find_key_line(text, &line_key), p))
            .collect())
    }
}

fn yaml_error(e: &yaml_serde::Error) -> Diagnostic {
    let location = e.location();
    let problem = match unknown_field(&e.to_string()) {
        Some((key, expected)) => Problem::ConfigUnknownKey {
            hint: Hint::closest(&key, expected.iter().map(String::as_str)),
            key,
        },
        None => Problem::ConfigYaml(strip_location(&e.to_string())),
    };
    Diagnostic::error(CONFIG_FILE, location.as_ref().map(|l| l.line()), problem)
        .at_column(location.map(|l| l.column()))
}

/// serde's "unknown field `x`, expected one of `a`, `b`" taken apart, so that the message
/// can suggest the nearest key instead of listing them all.
pub fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((key.to_string(), expected))
}

/// yaml_serde appends " at line L column C"; the diagnostic carries those separately.
pub fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The line where `key:` is written, to point a semantic problem at its place.
fn find_key_line(text: &str, key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    text.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches("- ");
            t.starts_with(key) && t[key.len()..].trim_start().starts_with(':')
                || t.contains(&format!(": {key}"))
        })
        .map(|i| i + 1)
}

/// The checks serde cannot make. Each problem comes with a key or value to locate its line.
fn validate(c: &SiteConfig) -> Vec<(String, Problem)> {
    let mut out = Vec::new();
    if c.languages.is_empty() {
        out.push(("languages".into(), Problem::NoLanguages));
    }
    let codes: Vec<&str> = c.languages.iter().map(|l| l.code.as_str()).collect();
    for (i, lang) in c.languages.iter().enumerate() {
        let code = &lang.code;
        if code.parse::<unic_langid::LanguageIdentifier>().is_err() || !is_slug(code) {
            out.push((code.clone(), Problem::BadLanguageCode(code.clone())));
        }
        if codes[..i].contains(&code.as_str()) {
            out.push((code.clone(), Problem::DuplicateLanguage(code.clone())));
        }
        for f in lang
            .fallback
            .iter()
            .filter(|f| !codes.contains(&f.as_str()))
        {
            out.push((
                "fallback".into(),
                Problem::UnknownFallback {
                    fallback: f.clone(),
                    language: code.clone(),
                },
            ));
        }
    }
    if !codes.contains(&c.default_language.as_str()) {
        out.push((
            "default_language".into(),
            Problem::DefaultLanguageNotListed {
                code: c.default_language.clone(),
                listed: codes.join(", "),
            },
        ));
    }
    if c.title.is_empty() {
        out.push(("title".into(), Problem::NoSiteTitle));
    }
    if base_path(&c.base_url).is_none() {
        out.push(("base_url".into(), Problem::BadBaseUrl(c.base_url.clone())));
    }
    let mut seen: Vec<&str> = Vec::new();
    let ids = c
        .pillars
        .iter()
        .map(|p| &p.id)
        .chain(c.audiences.iter().map(|a| &a.id))
        .chain([&c.audience_path, &c.booklet_path]);
    for id in ids {
        if !is_slug(id) {
            out.push((id.clone(), Problem::BadSlug(id.clone())));
        }
        if seen.contains(&id.as_str()) {
            out.push((id.clone(), Problem::DuplicateId(id.clone())));
        }
        seen.push(id);
    }
    if c.pillars.is_empty() {
        out.push(("pillars".into(), Problem::NoPillars));
    }
    if [&c.audience_path, &c.booklet_path]
        .iter()
        .any(|path| codes.contains(&path.as_str()) || c.pillars.iter().any(|p| &&p.id == path))
    {
        out.push(("audience_path".into(), Problem::AudiencePathClash));
    }
    out
}

/// A URL path segment we can write to disk on any system: letters, digits, `-`, `_`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        && !s.starts_with('-')
}

/// The path part of a base URL, always ending in `/`: `https://a.vn/x/` → `/x/`.
/// `None` when the URL is not http(s) or a bare absolute path.
pub fn base_path(base_url: &str) -> Option<String> {
    let rest = if let Some(r) = base_url.strip_prefix("https://") {
        r
    } else if let Some(r) = base_url.strip_prefix("http://") {
        r
    } else if base_url.starts_with('/') {
        return Some(with_slash(base_url));
    } else {
        return None;
    };
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || rest.contains(['?', '#', ' ']) {
        return None;
    }
    Some(with_slash(path))
}

fn with_slash(s: &str) -> String {
    if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    }
}

impl SiteConfig {
    pub fn base_url_with_slash(&self) -> String {
        with_slash(&self.base_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: {vi: Hỏi đáp}\nbase_url: https://a.vn/x\ndefault_language: vi\nlanguages:\n  - code: vi\n    name: Tiếng Việt\npillars:\n  - id: chung\n    title: {vi: Chung}\n";

    #[test]
    fn parses_a_minimal_site_with_defaults() {
        let c = parse(MINIMAL).expect("valid");
        assert_eq!(c.output, PathBuf::from("public"));
        assert_eq!(c.theme, "default");
        assert_eq!(c.base_url_with_slash(), "https://a.vn/x/");
        assert!(!c.allow_html);
    }

    #[test]
    fn unknown_key_is_an_error_with_line_and_suggestion() {
        let text = format!("{MINIMAL}themme: x\n");
        let errs = parse(&text).unwrap_err();
        assert_eq!(errs[0].line, Some(10));
        match &errs[0].problem {
            Problem::ConfigUnknownKey { key, hint } => {
                assert_eq!(key, "themme");
                assert_eq!(hint.0.as_deref(), Some("theme"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn default_language_must_be_listed() {
        let text = MINIMAL.replace("default_language: vi", "default_language: en");
        let errs = parse(&text).unwrap_err();
        assert_eq!(errs[0].line, Some(3));
        assert!(
            errs[0]
                .problem
                .to_string()
                .contains("default_language `en`")
        );
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://a.vn").as_deref(), Some("/"));
        assert_eq!(base_path("https://a.vn/x/y").as_deref(), Some("/x/y/"));
        assert_eq!(base_path("/sub/").as_deref(), Some("/sub/"));
        assert_eq!(base_path("a.vn/x"), None);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("kinh-te-so"));
        assert!(is_slug("ភាសា"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug("a b"));
        assert!(!is_slug(""));
    }
}
