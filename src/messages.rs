//! What the `loa` binary says — help, progress, warnings, errors — in English and
//! Vietnamese, from Fluent files embedded in the binary.
//!
//! The language is chosen once per run (`--lang`, then `LOA_LANG`, then `LC_ALL`/`LANG`,
//! default English) and every message, including each [`Problem`], is looked up in it,
//! so an error in Vietnamese still names the same file and line.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::error::{Hint, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CliLanguage {
    En,
    Vi,
}

const EN: &str = include_str!("messages/en.ftl");
const VI: &str = include_str!("messages/vi.ftl");

static CHOSEN: OnceLock<CliLanguage> = OnceLock::new();
static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();

/// Picks the language from an explicit choice or the environment; the first call wins.
pub fn choose(flag: Option<&str>) -> CliLanguage {
    let from_env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let wanted = flag
        .map(str::to_string)
        .or_else(|| from_env("LOA_LANG"))
        .or_else(|| from_env("LC_ALL"))
        .or_else(|| from_env("LANG"));
    let lang = match wanted.as_deref().map(|v| v.to_ascii_lowercase()) {
        Some(v)
            if v == "vi"
                || v.starts_with("vi_")
                || v.starts_with("vi-")
                || v.starts_with("vi.") =>
        {
            CliLanguage::Vi
        }
        _ => CliLanguage::En,
    };
    *CHOSEN.get_or_init(|| lang)
}

pub fn language() -> CliLanguage {
    *CHOSEN.get_or_init(|| CliLanguage::En)
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    BUNDLES.get_or_init(|| {
        let make = |code: &str, text: &str| {
            let mut b = FluentBundle::new_concurrent(vec![code.parse().unwrap_or_default()]);
            b.set_use_isolating(false);
            // The files are part of the binary and checked by a test; a broken entry would
            // only lose that message, and lookups fall back to English.
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = b.add_resource(resource);
            b
        };
        [make("en", EN), make("vi", VI)]
    })
}

/// The message `id` in the chosen language (English if that language lacks it).
pub fn text(id: &str, args: &[(&str, FluentValue)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(k.to_string(), v.clone());
    }
    let [en, vi] = bundles();
    let order = match language() {
        CliLanguage::Vi => [vi, en],
        CliLanguage::En => [en, en],
    };
    for bundle in order {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

fn s(v: &str) -> FluentValue<'static> {
    FluentValue::from(v.to_string())
}

fn hint(h: &Hint) -> FluentValue<'static> {
    match &h.0 {
        Some(suggestion) => s(&format!(
            " {}",
            text("did-you-mean", &[("suggestion", s(suggestion))])
        )),
        None => s(""),
    }
}

/// A problem said in the chosen language.
pub fn problem(p: &Problem) -> String {
    let (id, args) = problem_parts(p);
    text(id, &args)
}

/// The stable id of a problem (its message id), for machine-readable output.
pub fn problem_id(p: &Problem) -> &'static str {
    problem_parts(p).0
}

fn problem_parts(p: &Problem) -> (&'static str, Vec<(&'static str, FluentValue<'static>)>) {
    use Problem::*;
    match p {
        Unreadable(reason) => ("unreadable", vec![("reason", s(reason))]),
        NotUtf8 { byte } => ("not-utf8", vec![("byte", s(&format!("{byte:02x}")))]),
        MissingConfig => ("missing-config", vec![]),
        ConfigYaml(detail) => ("config-yaml", vec![("detail", s(detail))]),
        ConfigUnknownKey { key, hint: h } => (
            "config-unknown-key",
            vec![("key", s(key)), ("hint", hint(h))],
        ),
        NoLanguages => ("no-languages", vec![]),
        BadLanguageCode(code) => ("bad-language-code", vec![("code", s(code))]),
        DuplicateLanguage(code) => ("duplicate-language", vec![("code", s(code))]),
        UnknownFallback { fallback, language } => (
            "unknown-fallback",
            vec![("fallback", s(fallback)), ("language", s(language))],
        ),
        DefaultLanguageNotListed { code, listed } => (
            "default-language-not-listed",
            vec![("code", s(code)), ("listed", s(listed))],
        ),
        NoSiteTitle => ("no-site-title", vec![]),
        BadBaseUrl(url) => ("bad-base-url", vec![("url", s(url))]),
        DuplicateId(id) => ("duplicate-id", vec![("id", s(id))]),
        NoPillars => ("no-pillars", vec![]),
        AudiencePathClash => ("audience-path-clash", vec![]),
        FrontMatterYaml(detail) => ("front-matter-yaml", vec![("detail", s(detail))]),
        FrontMatterUnclosed => ("front-matter-unclosed", vec![]),
        FrontMatterNotMapping => ("front-matter-not-mapping", vec![]),
        FrontMatterUnknownKey { key, hint: h } => (
            "front-matter-unknown-key",
            vec![("key", s(key)), ("hint", hint(h))],
        ),
        MissingTitle => ("missing-title", vec![]),
        BadDate { field, value } => ("bad-date", vec![("field", s(field)), ("value", s(value))]),
        UnknownAudience { name, hint: h } => (
            "unknown-audience",
            vec![("name", s(name)), ("hint", hint(h))],
        ),
        UnknownPillar { name, hint: h } => {
            ("unknown-pillar", vec![("name", s(name)), ("hint", hint(h))])
        }
        UnknownLanguage(code) => ("unknown-language", vec![("code", s(code))]),
        MisplacedFile => ("misplaced-file", vec![]),
        BadSlug(slug) => ("bad-slug", vec![("slug", s(slug))]),
        DuplicateUrl { url, other } => {
            ("duplicate-url", vec![("url", s(url)), ("other", s(other))])
        }
        BrokenLink(target) => ("broken-link", vec![("target", s(target))]),
        BrokenAnchor { target, anchor } => (
            "broken-anchor",
            vec![("target", s(target)), ("anchor", s(anchor))],
        ),
        Template(detail) => ("template", vec![("detail", s(detail))]),
        MissingTemplate(name) => ("missing-template", vec![("name", s(name))]),
        ThemeWithoutPager(per_page) => (
            "theme-without-pager",
            vec![("per_page", FluentValue::from(*per_page))],
        ),
        UnknownTheme(name) => ("unknown-theme", vec![("name", s(name))]),
        FluentSyntax(detail) => ("fluent-syntax", vec![("detail", s(detail))]),
        MissingMessage(key) => ("missing-message", vec![("key", s(key))]),
        Output(reason) => ("output", vec![("reason", s(reason))]),
        EmptyExplainer => ("empty-explainer", vec![]),
        NoQuestions => ("no-questions", vec![]),
        DuplicateQuestionId(id) => ("duplicate-question-id", vec![("id", s(id))]),
        SkippedHeadingLevel { from, to } => (
            "skipped-heading-level",
            vec![
                ("from", FluentValue::from(*from)),
                ("to", FluentValue::from(*to)),
            ],
        ),
        AbsoluteSelfLink(url) => ("absolute-self-link", vec![("url", s(url))]),
        MissingImage(path) => ("missing-image", vec![("path", s(path))]),
        LinkToUntranslated { target, language } => (
            "link-to-untranslated",
            vec![("target", s(target)), ("language", s(language))],
        ),
        ByteOrderMark => ("byte-order-mark", vec![]),
        CrlfLineEndings => ("crlf-line-endings", vec![]),
        SymlinkOutside(target) => ("symlink-outside", vec![("target", s(target))]),
        BrokenSymlink => ("broken-symlink", vec![]),
        TranslationMissing { language } => ("translation-missing", vec![("language", s(language))]),
        TranslationStale { source } => ("translation-stale", vec![("source", s(source))]),
        QuestionCountMismatch {
            source,
            here,
            there,
        } => (
            "question-count-mismatch",
            vec![
                ("source", s(source)),
                ("here", FluentValue::from(*here)),
                ("there", FluentValue::from(*there)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with([' ', '#']) && l.contains(" = "))
            .map(|l| l.split(" = ").next().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_messages_and_parse() {
        assert_eq!(ids(EN), ids(VI));
        assert!(ids(EN).len() > 40);
        for text in [EN, VI] {
            assert!(FluentResource::try_new(text.to_string()).is_ok());
        }
    }

    #[test]
    fn english_is_the_default_and_hints_read_naturally() {
        let p = Problem::UnknownAudience {
            name: "doanh-nghiepp".into(),
            hint: Hint(Some("doanh-nghiep".into())),
        };
        assert_eq!(
            problem(&p),
            "unknown audience `doanh-nghiepp` (did you mean `doanh-nghiep`?); the audiences are listed in site.yaml"
        );
        let no_hint = Problem::UnknownAudience {
            name: "x".into(),
            hint: Hint(None),
        };
        assert!(problem(&no_hint).starts_with("unknown audience `x`; "));
    }
}
