//! Machine-read files: `sitemap.xml` with language alternates, `robots.txt`, and an Atom
//! feed per language. Fixed formats, so they are written here rather than by the theme.

use std::fmt::Write;

use super::context::{localized, page_title};
use crate::content::Date;
use crate::site::{PageKind, Site};

pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Appends `s` escaped for XML text and attributes, copying the runs between special
/// characters whole (a 10,000-entry feed is mostly such runs).
fn push_escaped(out: &mut String, s: &str) {
    // Most fields have nothing to escape: a branch-free pass (which the compiler
    // vectorises) tells, and they are copied whole.
    let special = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    if !s.bytes().fold(false, |any, b| any | special(b)) {
        out.push_str(s);
        return;
    }
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(escaped);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// Fallback pages are left out: they are copies, not translations.
pub fn sitemap(site: &Site) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (i, page) in site.pages.iter().enumerate() {
        if page.fallback {
            continue;
        }
        let _ = writeln!(
            s,
            "  <url>\n    <loc>{}</loc>",
            escape_xml(&site.absolute_url(i))
        );
        if let Some(d) = site.front(i).updated {
            let _ = writeln!(s, "    <lastmod>{}</lastmod>", d.iso());
        }
        let translations = site.translations(i);
        if translations.len() > 1 {
            for &t in &translations {
                let _ = writeln!(
                    s,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    site.languages[site.pages[t].lang].code,
                    escape_xml(&site.absolute_url(t))
                );
            }
            let x_default = translations
                .iter()
                .find(|&&t| site.pages[t].lang == site.default_language)
                .unwrap_or(&translations[0]);
            let _ = writeln!(
                s,
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                escape_xml(&site.absolute_url(*x_default))
            );
        }
        s.push_str("  </url>\n");
    }
    s.push_str("</urlset>\n");
    s
}

pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.config.base_url_with_slash()
    )
}

/// Explainers of one language, most recently updated first, as many as `feed_limit`
/// says. The feed's own date is the
/// newest entry's, never the build time, so that builds stay byte-identical.
pub fn atom(site: &Site, lang: usize) -> String {
    // Sorted on plain values, not through the site on every comparison: the whole feed is
    // written again when a title is edited in watch mode, and a feed can list every one
    // of 10,000 explainers.
    let mut entries: Vec<(std::cmp::Reverse<Option<Date>>, &str, usize)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.lang == lang && !p.fallback && matches!(p.kind, PageKind::Explainer(_)))
        .map(|(i, p)| (std::cmp::Reverse(site.front(i).updated), p.key.as_str(), i))
        .collect();
    let limit = site.config.feed_limit;
    if limit > 0 && limit < entries.len() {
        // The newest few out of thousands, without sorting the thousands.
        entries.select_nth_unstable(limit - 1);
        entries.truncate(limit);
    }
    entries.sort_unstable();
    let code = &site.languages[lang].code;
    let home = site.home_page(lang).unwrap_or(0);
    let feed_url = escape_xml(&format!(
        "{}{}feed.xml",
        site.config.base_url_with_slash(),
        site.languages[lang].prefix
    ));
    let mut newest = String::new();
    match entries.first().and_then(|&(std::cmp::Reverse(d), _, _)| d) {
        Some(d) => push_timestamp(&mut newest, d),
        None => newest.push_str("1970-01-01T00:00:00Z"),
    }
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\n  <title>{}</title>\n  <link rel=\"alternate\" href=\"{}\"/>\n  <link rel=\"self\" href=\"{feed_url}\"/>\n  <id>{feed_url}</id>\n  <updated>{newest}</updated>\n  <author><name>{0}</name></author>\n",
        escape_xml(localized(site, &site.config.title, lang)),
        escape_xml(&site.absolute_url(home)),
    );
    s.reserve(entries.len() * 640);
    let mut url = String::new();
    for (_, _, e) in entries {
        let front = site.front(e);
        url.clear();
        push_escaped(&mut url, &site.absolute_url(e));
        s.push_str("  <entry>\n    <title>");
        push_escaped(&mut s, page_title(site, e));
        s.push_str("</title>\n    <link rel=\"alternate\" href=\"");
        s.push_str(&url);
        s.push_str("\"/>\n    <id>");
        s.push_str(&url);
        s.push_str("</id>\n    <updated>");
        match front.updated {
            Some(d) => push_timestamp(&mut s, d),
            None => s.push_str(&newest),
        }
        s.push_str("</updated>\n");
        if let Some(d) = front.date {
            s.push_str("    <published>");
            push_timestamp(&mut s, d);
            s.push_str("</published>\n");
        }
        if !front.summary.is_empty() {
            s.push_str("    <summary>");
            push_escaped(&mut s, &front.summary);
            s.push_str("</summary>\n");
        }
        s.push_str("  </entry>\n");
    }
    s.push_str("</feed>\n");
    s
}

/// `2026-03-25T00:00:00Z`: an entry's day as Atom wants it (twice for each of thousands
/// of entries, so without the formatting machinery).
fn push_timestamp(out: &mut String, d: Date) {
    let digits = |n: u32, width: usize, out: &mut String| {
        for place in (0..width).rev() {
            out.push(char::from(b'0' + (n / 10u32.pow(place as u32) % 10) as u8));
        }
    };
    if d.year > 9999 {
        let _ = write!(out, "{}", d.year);
    } else {
        digits(u32::from(d.year), 4, out);
    }
    out.push('-');
    digits(u32::from(d.month), 2, out);
    out.push('-');
    digits(u32::from(d.day), 2, out);
    out.push_str("T00:00:00Z");
}

#[cfg(test)]
mod tests {
    #[test]
    fn xml_escaping() {
        assert_eq!(
            super::escape_xml("a<b & \"c\"'"),
            "a&lt;b &amp; &quot;c&quot;&apos;"
        );
        assert_eq!(super::escape_xml("Hỏi & đáp"), "Hỏi &amp; đáp");
        assert_eq!(super::escape_xml("no specials"), "no specials");
        assert_eq!(super::escape_xml("<"), "&lt;");
    }

    #[test]
    fn timestamps_are_iso_days_at_midnight_utc() {
        let stamp = |year, month, day| {
            let mut s = String::new();
            super::push_timestamp(&mut s, super::Date { year, month, day });
            s
        };
        assert_eq!(stamp(2026, 3, 5), "2026-03-05T00:00:00Z");
        assert_eq!(stamp(1999, 12, 31), "1999-12-31T00:00:00Z");
        assert_eq!(stamp(12026, 1, 1), "12026-01-01T00:00:00Z");
    }
}
