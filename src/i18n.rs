//! UI strings (Fluent) and the way each language writes dates.
//!
//! Each language gets one Fluent bundle: the theme's `locales/<lang>/*.ftl`, overridden
//! message by message by the site's `locales/<lang>/*.ftl`. A message missing in a
//! language is taken from the next language of its fallback chain, and that is recorded
//! so the build can say which strings are not translated yet.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Mutex, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::content::Date;
use crate::error::{Diagnostic, Problem};
use crate::site::Language;
use crate::theme::ThemeFile;

pub struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
    chains: Vec<Vec<usize>>,
    codes: Vec<String>,
    fell_back: Mutex<BTreeSet<(usize, String, usize)>>,
    /// Messages without arguments, by language, once formatted: the same on every page,
    /// and a page asks for dozens of them (a few thousand instructions each through Fluent).
    plain: Vec<RwLock<rustc_hash::FxHashMap<Box<str>, String>>>,
}

/// A message found in a language other than the one asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    pub language: String,
    pub key: String,
    pub used: String,
}

impl Localizer {
    /// Builds one bundle per language. Syntax errors are reported with file, line and
    /// column; the valid entries of such a file are still used.
    pub fn load(
        languages: &[Language],
        theme_locales: &[ThemeFile],
        site_locales: &[ThemeFile],
    ) -> (Localizer, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut bundles = Vec::new();
        for lang in languages {
            let id = lang.code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks would end up as invisible characters inside HTML attributes.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(number_formatter(&lang.code)));
            for (files, overriding) in [(theme_locales, false), (site_locales, true)] {
                for file in files.iter().filter(|f| in_language(&f.rel, &lang.code)) {
                    let Some(resource) = parse(file, &mut diagnostics) else {
                        continue;
                    };
                    if overriding {
                        bundle.add_resource_overriding(resource);
                    } else if let Err(errors) = bundle.add_resource(resource) {
                        for e in errors {
                            diagnostics.push(Diagnostic::warning(
                                &file.origin,
                                None,
                                Problem::FluentSyntax(e.to_string()),
                            ));
                        }
                    }
                }
            }
            bundles.push(bundle);
        }
        let localizer = Localizer {
            bundles,
            chains: languages.iter().map(|l| l.chain.clone()).collect(),
            codes: languages.iter().map(|l| l.code.clone()).collect(),
            fell_back: Mutex::new(BTreeSet::new()),
            plain: languages.iter().map(|_| RwLock::default()).collect(),
        };
        (localizer, diagnostics)
    }

    /// The message `key` (or its attribute) in `lang`, following the fallback chain.
    pub fn message(
        &self,
        lang: usize,
        key: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        for &l in self.chains.get(lang)? {
            let bundle = &self.bundles[l];
            let Some(msg) = bundle.get_message(key) else {
                continue;
            };
            let pattern = match attribute {
                Some(a) => msg.get_attribute(a).map(|a| a.value()),
                None => msg.value(),
            };
            let Some(pattern) = pattern else { continue };
            if l != lang
                && let Ok(mut set) = self.fell_back.lock()
            {
                set.insert((lang, key.to_string(), l));
            }
            let mut errors = Vec::new();
            return Some(
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned(),
            );
        }
        None
    }

    /// [`Localizer::message`] for a message without arguments or attribute.
    pub fn plain_message(&self, lang: usize, key: &str) -> Option<String> {
        let cache = self.plain.get(lang)?;
        if let Some(text) = cache.read().ok().and_then(|m| m.get(key).cloned()) {
            return Some(text);
        }
        let text = self.message(lang, key, None, None)?;
        if let Ok(mut m) = cache.write() {
            m.insert(key.into(), text.clone());
        }
        Some(text)
    }

    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }

    /// Every message that was used from a fallback language during this build.
    pub fn fallbacks(&self) -> Vec<Fallback> {
        let set = self.fell_back.lock().map(|s| s.clone()).unwrap_or_default();
        set.into_iter()
            .map(|(lang, key, used)| Fallback {
                language: self.codes[lang].clone(),
                key,
                used: self.codes[used].clone(),
            })
            .collect()
    }
}

fn in_language(rel: &Path, code: &str) -> bool {
    let mut parts = rel.components();
    parts.next().is_some_and(|c| c.as_os_str() == code)
        && rel.extension().is_some_and(|e| e == "ftl")
}

fn parse(file: &ThemeFile, diagnostics: &mut Vec<Diagnostic>) -> Option<FluentResource> {
    let text = match crate::content::decode(file.bytes.clone()) {
        Ok(t) => t,
        Err((p, line)) => {
            diagnostics.push(Diagnostic::error(&file.origin, line, p));
            return None;
        }
    };
    match FluentResource::try_new(text) {
        Ok(r) => Some(r),
        Err((r, errors)) => {
            for e in errors {
                // Fluent points just past the broken line when a line ends too early;
                // the author needs the line where the `}` or value is missing.
                let mut at = e.pos.start.min(r.source().len());
                if at > 0 && r.source().as_bytes()[at - 1] == b'\n' {
                    at -= 1;
                }
                let (line, col) = line_col(r.source(), at);
                diagnostics.push(
                    Diagnostic::error(
                        &file.origin,
                        Some(line),
                        Problem::FluentSyntax(e.to_string()),
                    )
                    .at_column(Some(col)),
                );
            }
            Some(r)
        }
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line = crate::error::line_of(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

type Formatter = fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String>;

/// Numbers in `t(…)` arguments as the language writes them (CLDR separators): Vietnamese
/// and Khmer `1.234,5`, English `1,234.5`. Formatter hooks are plain functions, so there
/// is one per separator style.
fn number_formatter(code: &str) -> Formatter {
    fn comma_decimal(
        v: &FluentValue,
        _: &intl_memoizer::concurrent::IntlLangMemoizer,
    ) -> Option<String> {
        number(v, '.', ',')
    }
    fn point_decimal(
        v: &FluentValue,
        _: &intl_memoizer::concurrent::IntlLangMemoizer,
    ) -> Option<String> {
        number(v, ',', '.')
    }
    match code {
        "vi" | "km" | "id" | "de" | "pt" | "ru" => comma_decimal,
        _ => point_decimal,
    }
}

fn number(v: &FluentValue, group: char, decimal: char) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let digits = n.options.maximum_fraction_digits.unwrap_or(3).min(10);
    let text = format!("{:.*}", digits, n.value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if n.value < 0.0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    Some(out)
}

/// A date the way the language writes it, with no C library locale.
pub fn format_date(lang: &str, d: Date) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const KM: [&str; 12] = [
        "មករា",
        "កុម្ភៈ",
        "មីនា",
        "មេសា",
        "ឧសភា",
        "មិថុនា",
        "កក្កដា",
        "សីហា",
        "កញ្ញា",
        "តុលា",
        "វិច្ឆិកា",
        "ធ្នូ",
    ];
    let m = usize::from(d.month.clamp(1, 12)) - 1;
    match lang {
        "vi" => format!("{} tháng {} năm {}", d.day, d.month, d.year),
        "en" => format!("{} {} {}", d.day, EN[m], d.year),
        "km" => format!(
            "{} {} {}",
            khmer_digits(&d.day.to_string()),
            KM[m],
            khmer_digits(&d.year.to_string())
        ),
        _ => d.iso(),
    }
}

fn khmer_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(n) => char::from_u32(0x17e0 + n).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn lang(code: &str, chain: Vec<usize>) -> Language {
        Language {
            code: code.into(),
            name: code.into(),
            direction: crate::config::Direction::Ltr,
            locale: code.into(),
            chain,
            prefix: String::new(),
        }
    }

    fn ftl(rel: &str, text: &str) -> ThemeFile {
        ThemeFile {
            rel: PathBuf::from(rel),
            origin: PathBuf::from("themes/t/locales").join(rel),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn site_overrides_theme_and_chain_falls_back() {
        let langs = [lang("km", vec![0, 1]), lang("vi", vec![1])];
        let theme = [
            ftl("vi/ui.ftl", "home = Trang chủ\nsearch = Tìm kiếm\n"),
            ftl("km/ui.ftl", "home = ទំព័រដើម\n"),
        ];
        let site = [ftl("vi/ui.ftl", "search = Tra cứu\n")];
        let (l, diags) = Localizer::load(&langs, &theme, &site);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(l.message(0, "home", None, None).as_deref(), Some("ទំព័រដើម"));
        assert_eq!(
            l.message(0, "search", None, None).as_deref(),
            Some("Tra cứu")
        );
        assert_eq!(l.message(1, "missing", None, None), None);
        let fb = l.fallbacks();
        assert_eq!(fb.len(), 1);
        assert_eq!(
            (fb[0].language.as_str(), fb[0].key.as_str()),
            ("km", "search")
        );
    }

    #[test]
    fn plain_messages_are_formatted_once_per_language_and_still_note_fallbacks() {
        let langs = [lang("km", vec![0, 1]), lang("vi", vec![1])];
        let theme = [
            ftl("vi/ui.ftl", "home = Trang chủ\nsearch = Tìm kiếm\n"),
            ftl("km/ui.ftl", "home = ទំព័រដើម\n"),
        ];
        let (l, _) = Localizer::load(&langs, &theme, &[]);
        for _ in 0..2 {
            assert_eq!(l.plain_message(0, "home").as_deref(), Some("ទំព័រដើម"));
            assert_eq!(l.plain_message(1, "home").as_deref(), Some("Trang chủ"));
            assert_eq!(l.plain_message(0, "search").as_deref(), Some("Tìm kiếm"));
            assert_eq!(l.plain_message(0, "missing"), None);
        }
        assert_eq!(l.plain[0].read().unwrap().len(), 2);
        let fallbacks = l.fallbacks();
        assert_eq!(fallbacks.len(), 1);
        assert_eq!(
            (&*fallbacks[0].language, &*fallbacks[0].key),
            ("km", "search")
        );
    }

    #[test]
    fn plurals_follow_the_language() {
        let langs = [lang("en", vec![0])];
        let theme = [ftl(
            "en/ui.ftl",
            "count = { $n ->\n    [one] one question\n   *[other] { $n } questions\n}\n",
        )];
        let (l, _) = Localizer::load(&langs, &theme, &[]);
        let mut args = FluentArgs::new();
        args.set("n", 1);
        assert_eq!(
            l.message(0, "count", None, Some(&args)).as_deref(),
            Some("one question")
        );
        args.set("n", 5);
        assert_eq!(
            l.message(0, "count", None, Some(&args)).as_deref(),
            Some("5 questions")
        );
    }

    #[test]
    fn vietnamese_and_khmer_have_one_plural_form() {
        let langs = [lang("vi", vec![0]), lang("km", vec![1])];
        let msg = "count = { $n ->\n    [one] MỘT\n   *[other] { $n } câu\n}\n";
        let theme = [ftl("vi/ui.ftl", msg), ftl("km/ui.ftl", msg)];
        let (l, _) = Localizer::load(&langs, &theme, &[]);
        let mut args = FluentArgs::new();
        args.set("n", 1);
        for lang in [0, 1] {
            assert_eq!(
                l.message(lang, "count", None, Some(&args)).as_deref(),
                Some("1 câu")
            );
        }
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let langs = [lang("vi", vec![0])];
        let theme = [ftl("vi/ui.ftl", "ok = Được\nbroken = { $x\nalso = x\n")];
        let (l, diags) = Localizer::load(&langs, &theme, &[]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(2));
        assert!(diags[0].column.is_some());
        assert_eq!(l.message(0, "ok", None, None).as_deref(), Some("Được"));
    }

    #[test]
    fn numbers_use_the_languages_separators() {
        let langs = [lang("vi", vec![0]), lang("en", vec![1])];
        let theme = [
            ftl("vi/ui.ftl", "n = { $n } người\n"),
            ftl("en/ui.ftl", "n = { $n } people\n"),
        ];
        let (l, _) = Localizer::load(&langs, &theme, &[]);
        let mut args = FluentArgs::new();
        args.set("n", 1234567.5);
        assert_eq!(
            l.message(0, "n", None, Some(&args)).as_deref(),
            Some("1.234.567,5 người")
        );
        assert_eq!(
            l.message(1, "n", None, Some(&args)).as_deref(),
            Some("1,234,567.5 people")
        );
        args.set("n", 42);
        assert_eq!(
            l.message(0, "n", None, Some(&args)).as_deref(),
            Some("42 người")
        );
    }

    #[test]
    fn dates_in_each_language() {
        let d = Date {
            year: 2026,
            month: 11,
            day: 23,
        };
        assert_eq!(format_date("vi", d), "23 tháng 11 năm 2026");
        assert_eq!(format_date("en", d), "23 November 2026");
        assert_eq!(format_date("km", d), "២៣ វិច្ឆិកា ២០២៦");
        assert_eq!(format_date("tay", d), "2026-11-23");
    }
}
