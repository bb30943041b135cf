//! What templates see. Every variable a theme can use is set here (and listed in the
//! README). URLs in shared listings are relative to the site root; templates put the
//! page's `root` in front, so one listing value serves pages at every depth.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Serialize;
use tera::{Context, Value};

use crate::config::Localized;
use crate::i18n::format_date;
use crate::markdown::Rendered;
use crate::site::{PageKind, Site};

#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    url: String,
}

#[derive(Serialize)]
struct QuestionLink<'a> {
    title: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    summary: &'a str,
    url: String,
    question_count: usize,
    fallback: bool,
    /// The language the explainer is really written in.
    content_lang: &'a str,
    pillar: &'a str,
    updated: Option<String>,
    questions: Vec<QuestionLink<'a>>,
}

#[derive(Serialize)]
struct Section<'a> {
    id: &'a str,
    title: &'a str,
    url: String,
    explainers: Value,
    /// Explainers in the pillar, listed or not.
    total: usize,
    /// Whether `explainers` is the whole pillar.
    complete: bool,
}

/// A home page lists every question while its language has at most this many explainers.
/// Beyond that (a province's years of explainers) each pillar shows its first few and links
/// to its pillar page: a 10,000-explainer home page would be megabytes on a cheap phone.
pub const HOME_EVERY_QUESTION_MAX_EXPLAINERS: usize = 300;
/// What a pillar shows on a home page past that limit.
pub const HOME_EXPLAINERS_PER_PILLAR: usize = 10;

/// How many explainers of each pillar a language's home page lists, given its pillar
/// listings: all of them, or the first few past the limit.
fn home_per_pillar(lists: &[Vec<usize>]) -> usize {
    if lists.iter().map(Vec::len).sum::<usize>() <= HOME_EVERY_QUESTION_MAX_EXPLAINERS {
        usize::MAX
    } else {
        HOME_EXPLAINERS_PER_PILLAR
    }
}

/// Whether an explainer page's questions are listed on its language's home page.
pub fn on_home(site: &Site, page: usize) -> bool {
    let p = &site.pages[page];
    let PageKind::Explainer(pillar) = p.kind else {
        return false;
    };
    let lists = &site.pillar_listing[p.lang];
    lists
        .get(pillar)
        .is_some_and(|list| list.iter().take(home_per_pillar(lists)).any(|&e| e == page))
}

/// The explainer pages a pillar or audience page lists, and their kind of list.
pub fn listed(site: &Site, page: usize) -> Option<(&[usize], ListKind)> {
    let lang = site.pages[page].lang;
    match site.pages[page].kind {
        PageKind::Pillar(i) => Some((&site.pillar_listing[lang][i], ListKind::Pillar)),
        PageKind::Audience(i) => Some((&site.audience_listing[lang][i], ListKind::Audience)),
        _ => None,
    }
}

/// Values built once per language and handed to every page that shows them.
pub struct Shared {
    nav: Vec<Value>,
    /// By page: an explainer's entry in pillar and audience lists (one value that every
    /// list holding the explainer shares), `None` for other pages.
    entries: Vec<Option<Value>>,
    /// By language, pillar and page of the listing: the entries that page shows.
    pillar_lists: Vec<Vec<Vec<Value>>>,
    audience_lists: Vec<Vec<Vec<Value>>>,
    home_sections: Vec<Value>,
    /// For each page, the previous and next explainer of its pillar.
    neighbours: Vec<(Option<usize>, Option<usize>)>,
    /// By page: its entry as the theme's `entry.html` renders it in pillar lists and in
    /// audience lists ([`ListKind`]), made when a listing first needs it and dropped when
    /// the explainer is edited.
    fragments: Vec<[OnceLock<Box<str>>; 2]>,
}

/// The lists an entry fragment is rendered for. A language's pillar pages are all at one
/// depth, as are its audience pages, so one fragment (with its relative `root`) serves
/// every list of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Pillar,
    Audience,
}

impl ListKind {
    pub fn name(self) -> &'static str {
        match self {
            ListKind::Pillar => "pillar",
            ListKind::Audience => "audience",
        }
    }
}

pub fn localized<'a>(site: &'a Site, map: &'a Localized, lang: usize) -> &'a str {
    site.languages[lang]
        .chain
        .iter()
        .find_map(|&l| map.get(&site.languages[l].code))
        .or_else(|| map.values().next())
        .map(String::as_str)
        .unwrap_or("")
}

pub fn page_title(site: &Site, page: usize) -> &str {
    let p = &site.pages[page];
    let from_file = site
        .source(page)
        .map(|s| s.front.title.as_str())
        .filter(|t| !t.is_empty());
    match p.kind {
        PageKind::Home => localized(site, &site.config.title, p.lang),
        PageKind::Pillar(i) => {
            from_file.unwrap_or_else(|| localized(site, &site.config.pillars[i].title, p.lang))
        }
        PageKind::Audience(i) => localized(site, &site.config.audiences[i].title, p.lang),
        PageKind::Explainer(_) => from_file.unwrap_or(""),
        PageKind::Booklet => localized(site, &site.config.title, p.lang),
    }
}

fn entry<'a>(site: &'a Site, page: usize, with_questions: bool) -> Entry<'a> {
    let p = &site.pages[page];
    let source = site.source(page);
    let front = site.front(page);
    let url = site.link_url(page);
    let questions = match (with_questions, source) {
        (true, Some(s)) => s
            .outline
            .questions
            .iter()
            .map(|q| QuestionLink {
                title: &q.title,
                url: format!("{url}#{}", q.id),
            })
            .collect(),
        _ => Vec::new(),
    };
    let pillar = match p.kind {
        PageKind::Explainer(i) => localized(site, &site.config.pillars[i].title, p.lang),
        _ => "",
    };
    Entry {
        title: &front.title,
        summary: &front.summary,
        question_count: source.map_or(0, |s| s.outline.questions.len()),
        fallback: p.fallback,
        content_lang: source.map_or("", |s| site.languages[s.lang].code.as_str()),
        pillar,
        updated: front
            .updated
            .map(|d| format_date(&site.languages[p.lang].code, d)),
        questions,
        url,
    }
}

fn entry_value(site: &Site, page: usize) -> Option<Value> {
    matches!(site.pages[page].kind, PageKind::Explainer(_))
        .then(|| Value::from_serializable(&entry(site, page, false)))
}

/// The pillar pages of a language, for its navigation.
fn pillar_pages(site: &Site, lang: usize) -> Vec<usize> {
    (0..site.config.pillars.len())
        .filter_map(|i| site.pillar_page(lang, i))
        .collect()
}

fn nav(site: &Site, lang: usize) -> Value {
    let links: Vec<Link> = pillar_pages(site, lang)
        .into_iter()
        .map(|p| Link {
            title: page_title(site, p),
            url: site.link_url(p),
        })
        .collect();
    Value::from_serializable(&links)
}

/// A home page's pillars, each with the explainers it lists and their questions.
fn home_sections(site: &Site, lang: usize) -> Value {
    let lists = &site.pillar_listing[lang];
    let per_pillar = home_per_pillar(lists);
    let sections: Vec<Section> = pillar_pages(site, lang)
        .into_iter()
        .zip(lists)
        .zip(&site.config.pillars)
        .map(|((p, list), pillar)| {
            let shown = list.len().min(per_pillar);
            let entries: Vec<Entry> = list[..shown]
                .iter()
                .map(|&e| entry(site, e, true))
                .collect();
            Section {
                id: &pillar.id,
                title: page_title(site, p),
                url: site.link_url(p),
                explainers: Value::from_serializable(&entries),
                total: list.len(),
                complete: shown == list.len(),
            }
        })
        .collect();
    Value::from_serializable(&sections)
}

impl Shared {
    pub fn build(site: &Site) -> Shared {
        use rayon::prelude::*;
        let nl = site.languages.len();
        let mut shared = Shared {
            nav: (0..nl).map(|lang| nav(site, lang)).collect(),
            entries: (0..site.pages.len())
                .into_par_iter()
                .map(|p| entry_value(site, p))
                .collect(),
            pillar_lists: Vec::with_capacity(nl),
            audience_lists: Vec::with_capacity(nl),
            home_sections: (0..nl).map(|lang| home_sections(site, lang)).collect(),
            neighbours: vec![(None, None); site.pages.len()],
            fragments: (0..site.pages.len()).map(|_| Default::default()).collect(),
        };
        for lang in 0..nl {
            let pillars = &site.pillar_listing[lang];
            for list in pillars {
                shared.set_neighbours(list);
            }
            let lists = pillars.iter().map(|l| shared.list(site, l)).collect();
            shared.pillar_lists.push(lists);
            let lists = site.audience_listing[lang]
                .iter()
                .map(|l| shared.list(site, l))
                .collect();
            shared.audience_lists.push(lists);
        }
        shared
    }

    /// Watch mode: brings the values up to date after the sources of `pages` (explainer
    /// pages) changed in place, with the listings re-sorted; `audiences` are those they
    /// were or are listed under. Their entries are made again, and the lists holding them
    /// put together again from the entries.
    pub fn refresh(&mut self, site: &Site, pages: &BTreeSet<usize>, audiences: &BTreeSet<usize>) {
        let mut pillars = BTreeSet::new();
        for &p in pages {
            self.entries[p] = entry_value(site, p);
            self.fragments[p] = Default::default();
            if let PageKind::Explainer(pi) = site.pages[p].kind {
                pillars.insert((site.pages[p].lang, pi));
            }
        }
        let languages: BTreeSet<usize> = pillars.iter().map(|&(lang, _)| lang).collect();
        for (lang, pi) in pillars {
            let list = &site.pillar_listing[lang][pi];
            self.set_neighbours(list);
            self.pillar_lists[lang][pi] = self.list(site, list);
        }
        for lang in languages {
            for &a in audiences {
                self.audience_lists[lang][a] = self.list(site, &site.audience_listing[lang][a]);
            }
            self.home_sections[lang] = home_sections(site, lang);
        }
    }

    /// A list of explainer pages as template values, one for each page of the listing
    /// that shows them: a reference count per entry.
    fn list(&self, site: &Site, pages: &[usize]) -> Vec<Value> {
        (0..site.listing_pages(pages.len()))
            .map(|n| {
                Value::from(
                    pages[site.listing_range(pages.len(), n)]
                        .iter()
                        .filter_map(|&p| self.entries[p].clone())
                        .collect::<Vec<Value>>(),
                )
            })
            .collect()
    }

    fn set_neighbours(&mut self, list: &[usize]) {
        for (i, &p) in list.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| list[j]);
            self.neighbours[p] = (prev, list.get(i + 1).copied());
        }
    }

    /// An explainer page's list entry as a template value.
    pub fn entry(&self, page: usize) -> Option<&Value> {
        self.entries[page].as_ref()
    }

    /// An explainer page's entry as rendered for a kind of list, if it was already.
    pub fn fragment(&self, page: usize, kind: ListKind) -> Option<&str> {
        self.fragments[page][kind as usize].get().map(|f| &**f)
    }

    /// Keeps a rendered entry (a page rendered at the same time may have kept its own
    /// rendering first: the same bytes).
    pub fn keep_fragment(&self, page: usize, kind: ListKind, html: String) -> &str {
        self.fragments[page][kind as usize].get_or_init(|| html.into_boxed_str())
    }

    /// The previous and next explainer of each page's pillar.
    pub fn neighbours(&self) -> &[(Option<usize>, Option<usize>)] {
        &self.neighbours
    }

    /// Variables every page has: language, titles, URLs, alternates, switcher, nav.
    pub fn common(&self, site: &Site, page: usize) -> Context {
        let p = &site.pages[page];
        let lang = &site.languages[p.lang];
        let root = site.root_prefix(page);
        let mut ctx = Context::new();
        let title = page_title(site, page);
        let site_title = localized(site, &site.config.title, p.lang);
        let summary = site
            .source(page)
            .map(|s| s.front.summary.as_str())
            .unwrap_or("");
        let description = if summary.is_empty() {
            localized(site, &site.config.description, p.lang)
        } else {
            summary
        };
        ctx.insert("lang", &lang.code);
        ctx.insert("dir", lang.direction.as_str());
        ctx.insert("content_lang", &lang.code);
        ctx.insert("content_dir", lang.direction.as_str());
        ctx.insert("site_title", site_title);
        ctx.insert("title", title);
        ctx.insert(
            "page_title",
            &if p.kind == PageKind::Home {
                site_title.to_string()
            } else {
                format!("{title} | {site_title}")
            },
        );
        ctx.insert("description", description);
        ctx.insert("root", &root);
        ctx.insert("portable", &site.portable);
        ctx.insert("fallback", &p.fallback);
        // Set on the pages of a listing that has more than one.
        ctx.insert("pager", &None::<Pager>);
        ctx.insert(
            "kind",
            match p.kind {
                PageKind::Home => "home",
                PageKind::Pillar(_) => "pillar",
                PageKind::Audience(_) => "audience",
                PageKind::Explainer(_) => "explainer",
                PageKind::Booklet => "booklet",
            },
        );
        let home = site.home_page(p.lang).unwrap_or(page);
        ctx.insert("home_url", &site.link_url(home));
        ctx.insert("feed_url", &format!("{}feed.xml", lang.prefix));
        let booklet = site.page_for(p.lang, crate::site::BOOKLET_KEY);
        ctx.insert("booklet_url", &booklet.map(|b| site.link_url(b)));
        ctx.insert("og_locale", &lang.locale);
        ctx.insert(
            "og_type",
            if matches!(p.kind, PageKind::Explainer(_)) {
                "article"
            } else {
                "website"
            },
        );

        // A fallback page is a copy: its canonical address is the original's.
        let canonical_page = match (p.fallback, site.source(page)) {
            (true, Some(s)) => site.page_for(s.lang, &p.key).unwrap_or(page),
            _ => page,
        };
        ctx.insert("canonical", &site.absolute_url(canonical_page));
        let translations = site.translations(page);
        let alternates: Vec<Alternate> = translations
            .iter()
            .map(|&t| Alternate {
                lang: &site.languages[site.pages[t].lang].code,
                url: site.absolute_url(t),
            })
            .collect();
        ctx.insert("alternates", &alternates);
        let x_default = translations
            .iter()
            .find(|&&t| site.pages[t].lang == site.default_language)
            .or(translations.first())
            .map(|&t| site.absolute_url(t));
        ctx.insert("x_default", &x_default);

        let switcher: Vec<Switch> = site
            .versions(page)
            .into_iter()
            .map(|v| {
                let vl = &site.languages[site.pages[v].lang];
                Switch {
                    code: &vl.code,
                    name: &vl.name,
                    url: site.link_url(v),
                    current: v == page,
                    translated: !site.pages[v].fallback,
                }
            })
            .collect();
        ctx.insert("languages", &switcher);

        let mut crumbs = Vec::new();
        if p.kind != PageKind::Home {
            crumbs.push(Link {
                title: site_title,
                url: site.link_url(home),
            });
        }
        if let PageKind::Explainer(pi) = p.kind
            && let Some(pp) = site.pillar_page(p.lang, pi)
        {
            crumbs.push(Link {
                title: page_title(site, pp),
                url: site.link_url(pp),
            });
        }
        ctx.insert("breadcrumbs", &crumbs);
        ctx.insert_value("nav", self.nav[p.lang].clone());
        ctx
    }

    /// The listing a page shows: its pillar's explainers, its audience's, or all of them.
    /// Page `n` (from 0) of a pillar or audience listing shows that part of it; other
    /// pages have one.
    pub fn insert_listing(&self, site: &Site, page: usize, n: usize, ctx: &mut Context) {
        let p = &site.pages[page];
        match p.kind {
            PageKind::Home => {
                ctx.insert_value("sections", self.home_sections[p.lang].clone());
                let per_pillar = home_per_pillar(&site.pillar_listing[p.lang]);
                ctx.insert("every_question", &(per_pillar == usize::MAX));
            }
            // The booklet's content is whole explainers; the renderer builds it.
            PageKind::Booklet => {}
            PageKind::Pillar(i) => {
                insert_part(ctx, &self.pillar_lists[p.lang][i], n);
                insert_pager(site, page, n, ctx);
            }
            PageKind::Audience(i) => {
                insert_part(ctx, &self.audience_lists[p.lang][i], n);
                insert_pager(site, page, n, ctx);
            }
            PageKind::Explainer(pi) => {
                let (prev, next) = self.neighbours[page];
                let link = |n: usize| Link {
                    title: page_title(site, n),
                    url: site.link_url(n),
                };
                ctx.insert("prev", &prev.map(link));
                ctx.insert("next", &next.map(link));
                let pillar_page = site.pillar_page(p.lang, pi);
                ctx.insert(
                    "pillar",
                    &pillar_page.map(|pp| Link {
                        title: page_title(site, pp),
                        url: site.link_url(pp),
                    }),
                );
                let audiences: Vec<Link> = site
                    .front(page)
                    .audiences
                    .iter()
                    .filter_map(|&a| {
                        let ap = site.audience_page(p.lang, a)?;
                        Some(Link {
                            title: page_title(site, ap),
                            url: site.link_url(ap),
                        })
                    })
                    .collect();
                ctx.insert("audiences", &audiences);
            }
        }
    }
}

fn insert_part(ctx: &mut Context, parts: &[Value], n: usize) {
    if let Some(part) = parts.get(n) {
        ctx.insert_value("explainers", part.clone());
    }
}

#[derive(Serialize)]
struct Pager {
    /// From 1, as readers count.
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    /// The pages to link to: the first, the last and the two either side of the current
    /// one; `number: null` stands for the pages left out between them.
    pages: Vec<PagerLink>,
}

#[derive(Serialize)]
struct PagerLink {
    number: Option<usize>,
    url: String,
    current: bool,
}

/// Links between the pages of a listing (`pager` is null when it has one page). A page
/// after the first is its own canonical address, and has no translations: the other
/// languages' lists are not split at the same entries.
fn insert_pager(site: &Site, page: usize, n: usize, ctx: &mut Context) {
    let Some((list, _)) = listed(site, page) else {
        return;
    };
    let total = site.listing_pages(list.len());
    if total < 2 {
        return;
    }
    let pages = pager_window(n, total)
        .into_iter()
        .map(|shown| PagerLink {
            number: shown.map(|k| k + 1),
            url: shown.map(|k| site.listing_link(k)).unwrap_or_default(),
            current: shown == Some(n),
        })
        .collect();
    let pager = Pager {
        current: n + 1,
        total,
        prev: n.checked_sub(1).map(|k| site.listing_link(k)),
        next: (n + 1 < total).then(|| site.listing_link(n + 1)),
        pages,
    };
    ctx.insert("pager", &pager);
    if n > 0 {
        let url = format!(
            "{}{}",
            site.absolute_url(page),
            crate::site::listing_file(n)
        );
        ctx.insert("canonical", &url);
        ctx.insert("alternates", &Vec::<Alternate>::new());
        ctx.insert("x_default", &None::<String>);
    }
}

/// The pages (from 0) a pager links to, `None` where it leaves some out: the first and
/// the last, and those within two of `current`. A gap of one page shows that page.
fn pager_window(current: usize, total: usize) -> Vec<Option<usize>> {
    let near = (0..total).filter(|&k| k == 0 || k + 1 == total || k.abs_diff(current) <= 2);
    let mut shown = Vec::new();
    let mut last = None;
    for k in near {
        if let Some(l) = last {
            match k - l {
                1 => {}
                2 => shown.push(Some(l + 1)),
                _ => shown.push(None),
            }
        }
        shown.push(Some(k));
        last = Some(k);
    }
    shown
}

#[derive(Serialize)]
struct Alternate<'a> {
    lang: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Switch<'a> {
    code: &'a str,
    name: &'a str,
    url: String,
    current: bool,
    /// False where the page in that language shows another language's content.
    translated: bool,
}

#[derive(Serialize)]
struct QuestionView<'a> {
    id: &'a str,
    title_html: &'a str,
    answer_html: &'a str,
}

/// The rendered Markdown of a page, its dates and its FAQPage structured data.
pub fn insert_body(site: &Site, page: usize, body: &Rendered, ctx: &mut Context) {
    let p = &site.pages[page];
    let Some(source) = site.source(page) else {
        return;
    };
    let content_lang = &site.languages[source.lang];
    ctx.insert("content_lang", &content_lang.code);
    ctx.insert("content_dir", content_lang.direction.as_str());
    ctx.insert("content_language_name", &content_lang.name);
    ctx.insert("intro_html", &body.intro_html);
    let questions: Vec<QuestionView> = body
        .questions
        .iter()
        .map(|q| QuestionView {
            id: &q.id,
            title_html: &q.title_html,
            answer_html: &q.answer_html,
        })
        .collect();
    ctx.insert("questions", &questions);
    ctx.insert("question_count", &questions.len());
    let code = &site.languages[p.lang].code;
    let date = |d: Option<crate::content::Date>| {
        d.map(|d| DateView {
            iso: d.iso(),
            text: format_date(code, d),
        })
    };
    ctx.insert("date", &date(source.front.date));
    ctx.insert("updated", &date(source.front.updated));
    if matches!(p.kind, PageKind::Explainer(_)) {
        ctx.insert(
            "jsonld",
            &faq_jsonld(&content_lang.code, &source.front.title, body),
        );
    }
}

#[derive(Serialize)]
struct DateView {
    iso: String,
    text: String,
}

/// schema.org FAQPage, safe to place inside a `<script>` element. Written by hand, in the
/// order of fields serde_json wrote it before: the structure is fixed and every answer of
/// the site goes through it.
pub fn faq_jsonld(lang: &str, title: &str, body: &Rendered) -> String {
    use crate::output::push_json_str;
    let text: usize = body
        .questions
        .iter()
        .map(|q| q.answer_text.len() + q.title_text.len() + 80)
        .sum();
    let mut out = String::with_capacity(text + title.len() + 128);
    out.push_str(r#"{"@context":"https://schema.org","@type":"FAQPage","inLanguage":"#);
    push_json_str(&mut out, lang);
    out.push_str(r#","mainEntity":["#);
    for (i, q) in body.questions.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"@type":"Question","acceptedAnswer":{"@type":"Answer","text":"#);
        push_json_str(&mut out, &q.answer_text);
        out.push_str(r#"},"name":"#);
        push_json_str(&mut out, &q.title_text);
        out.push('}');
    }
    out.push_str(r#"],"name":"#);
    push_json_str(&mut out, title);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use crate::markdown::{Rendered, RenderedQuestion};

    #[test]
    fn faq_jsonld_is_the_json_of_the_schema_org_value() {
        let question = |title: &str, answer: &str| RenderedQuestion {
            id: String::new(),
            title_html: String::new(),
            title_text: title.into(),
            answer_html: String::new(),
            answer_text: answer.into(),
        };
        let body = Rendered {
            intro_html: String::new(),
            questions: vec![
                question("Là gì \"thế\"?", "Xem </script> và\nđây\\."),
                question("ការ?", "ចម្លើយ"),
            ],
        };
        let value = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": "vi",
            "name": "Bài <b>",
            "mainEntity": [
                {"@type": "Question", "name": "Là gì \"thế\"?",
                 "acceptedAnswer": {"@type": "Answer", "text": "Xem </script> và\nđây\\."}},
                {"@type": "Question", "name": "ការ?",
                 "acceptedAnswer": {"@type": "Answer", "text": "ចម្លើយ"}},
            ],
        });
        // serde_json's maps are sorted: the order the page has always had.
        assert_eq!(
            super::faq_jsonld("vi", "Bài <b>", &body),
            serde_json::to_string(&value).unwrap().replace("</", "<\\/")
        );
        let empty = Rendered::default();
        let text = super::faq_jsonld("en", "T", &empty);
        assert!(text.contains(r#""mainEntity":[]"#), "{text}");
    }

    #[test]
    fn a_pager_shows_the_ends_and_the_pages_near_the_current_one() {
        let shown = |current, total| -> Vec<String> {
            super::pager_window(current, total)
                .into_iter()
                .map(|k| k.map_or("…".to_string(), |k| (k + 1).to_string()))
                .collect()
        };
        assert_eq!(shown(0, 1), ["1"]);
        assert_eq!(shown(0, 4), ["1", "2", "3", "4"]);
        assert_eq!(shown(0, 10), ["1", "2", "3", "…", "10"]);
        assert_eq!(shown(9, 10), ["1", "…", "8", "9", "10"]);
        assert_eq!(shown(5, 12), ["1", "…", "4", "5", "6", "7", "8", "…", "12"]);
        // One page left out between two shown is shown instead of a gap.
        assert_eq!(shown(3, 10), ["1", "2", "3", "4", "5", "6", "…", "10"]);
        assert_eq!(shown(6, 10), ["1", "…", "5", "6", "7", "8", "9", "10"]);
    }
}
