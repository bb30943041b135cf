//! Machine-read files: `sitemap.xml` with language alternates, `robots.txt`, and an Atom
//! feed per language. Fixed formats, so they are written here rather than by the theme.

use std::fmt::Write;

use super::context::{localized, page_title};
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
    let mut entries: Vec<usize> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.lang == lang && !p.fallback && matches!(p.kind, PageKind::Explainer(_)))
        .map(|(i, _)| i)
        .collect();
    let newest_first = |&a: &usize, &b: &usize| {
        site.front(b)
            .updated
            .cmp(&site.front(a).updated)
            .then_with(|| site.pages[a].key.cmp(&site.pages[b].key))
    };
    let limit = site.config.feed_limit;
    if limit > 0 && limit < entries.len() {
        // The newest few out of thousands, without sorting the thousands.
        entries.select_nth_unstable_by(limit - 1, newest_first);
        entries.truncate(limit);
    }
    entries.sort_by(newest_first);
    let code = &site.languages[lang].code;
    let home = site.home_page(lang).unwrap_or(0);
    let feed_url = format!(
        "{}{}feed.xml",
        site.config.base_url_with_slash(),
        site.languages[lang].prefix
    );
    let newest = entries
        .first()
        .and_then(|&e| site.front(e).updated)
        .map(|d| format!("{}T00:00:00Z", d.iso()))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\n  <title>{}</title>\n  <link rel=\"alternate\" href=\"{}\"/>\n  <link rel=\"self\" href=\"{}\"/>\n  <id>{}</id>\n  <updated>{newest}</updated>\n  <author><name>{0}</name></author>\n",
        escape_xml(localized(site, &site.config.title, lang)),
        escape_xml(&site.absolute_url(home)),
        escape_xml(&feed_url),
        escape_xml(&feed_url),
    );
    for e in entries {
        let front = site.front(e);
        let url = escape_xml(&site.absolute_url(e));
        s.push_str("  <entry>\n    <title>");
        push_escaped(&mut s, page_title(site, e));
        let _ = write!(
            s,
            "</title>\n    <link rel=\"alternate\" href=\"{url}\"/>\n    <id>{url}</id>\n    <updated>"
        );
        match front.updated {
            Some(d) => {
                let _ = write!(s, "{}T00:00:00Z", d.iso());
            }
            None => s.push_str(&newest),
        }
        s.push_str("</updated>\n");
        if let Some(d) = front.date {
            let _ = writeln!(s, "    <published>{}T00:00:00Z</published>", d.iso());
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
}
