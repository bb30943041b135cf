//! The site model: every output page with its URL, its translations, and the listings
//! (pillars, audiences) built once and queried by the renderer.
//!
//! It holds metadata only. A language that lacks an explainer still gets that page, with
//! the content of the first language in its fallback chain that has it, marked as a
//! fallback so that the theme can say so and the sitemap does not call it a translation.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use crate::config::{Direction, SiteConfig};
use crate::content::{SourceKind, SourcePage};
use crate::error::{Diagnostic, Problem};

#[derive(Debug, Clone)]
pub struct Language {
    pub code: String,
    pub name: String,
    pub direction: Direction,
    pub locale: String,
    /// This language, then its configured fallbacks, then the default language.
    pub chain: Vec<usize>,
    /// URL folder of this language's pages: `""` for the default language, else `code/`.
    pub prefix: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Pillar(usize),
    Audience(usize),
    Explainer(usize),
    /// Every explainer of the language on one page, for printing.
    Booklet,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageKind,
    pub lang: usize,
    /// Translation key; the same for a page in every language.
    pub key: String,
    /// Folder URL relative to the site root: `""`, `en/`, `kinh-te-so/thuong-mai-dien-tu/`.
    pub url: String,
    /// The Markdown file shown, if any (pillar and home intros are optional).
    pub source: Option<usize>,
    /// An explainer shown with another language's content because this language has no
    /// translation yet. (Home and pillar pages always exist in every language; only
    /// their intro may come from another language, which the renderer marks with `lang`.)
    pub fallback: bool,
}

pub struct Site {
    pub config: SiteConfig,
    pub root: PathBuf,
    /// The path part of `base_url`, ending in `/`.
    pub base_path: String,
    pub portable: bool,
    pub languages: Vec<Language>,
    pub default_language: usize,
    pub sources: Vec<SourcePage>,
    pub pages: Vec<Page>,
    /// By language, page index by key: asked several times for every page made (its
    /// translations, the navigation, links), so found without making a key string.
    lookup: Vec<rustc_hash::FxHashMap<String, usize>>,
    /// Source index by file path: watch mode finds an edited file's source with it (a
    /// scan comparing 30,000 paths component by component took 7 ms).
    by_path: HashMap<PathBuf, usize>,
    /// `[lang][pillar]`: explainer pages, by weight then title.
    pub pillar_listing: Vec<Vec<Vec<usize>>>,
    /// `[lang][audience]`: explainer pages for that audience, by pillar, weight, title.
    pub audience_listing: Vec<Vec<Vec<usize>>>,
    /// What the model noticed that does not stop a build (links to untranslated pages).
    pub warnings: Vec<Diagnostic>,
}

/// Sources by their index in [`Site::sources`]: edited versions, or the versions they
/// replaced.
pub type Versions = Vec<(usize, SourcePage)>;

pub struct BuildOptions {
    pub portable: bool,
}

const HOME_KEY: &str = "_index";
pub const BOOKLET_KEY: &str = "@booklet";
/// A printed booklet of more explainers than this is a book nobody prints; past it the
/// booklet is not written (it would also be the one page whose cost grows with the site).
pub const BOOKLET_MAX_EXPLAINERS: usize = 300;

fn pillar_key(id: &str) -> String {
    format!("{id}/_index")
}

fn audience_key(id: &str) -> String {
    format!("@audience/{id}")
}

impl Site {
    pub fn build(
        config: SiteConfig,
        root: PathBuf,
        sources: Vec<SourcePage>,
        opts: BuildOptions,
    ) -> Result<Site, Vec<Diagnostic>> {
        let languages = languages(&config);
        let default_language = languages
            .iter()
            .position(|l| l.code == config.default_language)
            .unwrap_or(0);
        let by_source: HashMap<(usize, &str), usize> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.lang, s.key.as_str()), i))
            .collect();
        // Fallback content: the chain first, then any language that has the file.
        let pick = |lang: usize, key: &str| -> Option<usize> {
            let chain = &languages[lang].chain;
            chain
                .iter()
                .chain(
                    (0..languages.len())
                        .filter(|l| !chain.contains(l))
                        .collect::<Vec<_>>()
                        .iter(),
                )
                .find_map(|l| by_source.get(&(*l, key)).copied())
        };
        let explainer_keys: BTreeSet<&str> = sources
            .iter()
            .filter(|s| s.kind == SourceKind::Explainer)
            .map(|s| s.key.as_str())
            .collect();

        let mut pages = Vec::new();
        for (li, lang) in languages.iter().enumerate() {
            let source = pick(li, HOME_KEY);
            pages.push(Page {
                kind: PageKind::Home,
                lang: li,
                key: HOME_KEY.into(),
                url: lang.prefix.clone(),
                source,
                fallback: false,
            });
            for (pi, pillar) in config.pillars.iter().enumerate() {
                let key = pillar_key(&pillar.id);
                let source = pick(li, &key);
                pages.push(Page {
                    kind: PageKind::Pillar(pi),
                    lang: li,
                    url: format!("{}{}/", lang.prefix, pillar.id),
                    key,
                    source,
                    fallback: false,
                });
            }
            for (ai, audience) in config.audiences.iter().enumerate() {
                pages.push(Page {
                    kind: PageKind::Audience(ai),
                    lang: li,
                    key: audience_key(&audience.id),
                    url: format!("{}{}/{}/", lang.prefix, config.audience_path, audience.id),
                    source: None,
                    fallback: false,
                });
            }
            if config.booklet && explainer_keys.len() <= BOOKLET_MAX_EXPLAINERS {
                pages.push(Page {
                    kind: PageKind::Booklet,
                    lang: li,
                    key: BOOKLET_KEY.into(),
                    url: format!("{}{}/", lang.prefix, config.booklet_path),
                    source: None,
                    fallback: false,
                });
            }
            for key in &explainer_keys {
                let Some(s) = pick(li, key) else { continue };
                let src = &sources[s];
                pages.push(Page {
                    kind: PageKind::Explainer(src.pillar.unwrap_or(0)),
                    lang: li,
                    key: key.to_string(),
                    url: format!(
                        "{}{}/{}/",
                        lang.prefix,
                        config.pillars[src.pillar.unwrap_or(0)].id,
                        src.slug()
                    ),
                    source: Some(s),
                    fallback: src.lang != li,
                });
            }
        }

        let mut diagnostics = Vec::new();
        let mut by_url: HashMap<&str, usize> = HashMap::new();
        for (i, page) in pages.iter().enumerate() {
            if let Some(&other) = by_url.get(page.url.as_str()) {
                let name = |p: &Page| {
                    p.source
                        .map(|s| sources[s].path.display().to_string())
                        .unwrap_or_else(|| CONFIG_NAME.to_string())
                };
                diagnostics.push(Diagnostic::error(
                    name(page),
                    None,
                    Problem::DuplicateUrl {
                        url: page.url.clone(),
                        other: name(&pages[other]),
                    },
                ));
            } else {
                by_url.insert(&page.url, i);
            }
        }
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }

        let mut lookup = vec![rustc_hash::FxHashMap::default(); languages.len()];
        for (i, p) in pages.iter().enumerate() {
            if let Some(keys) = lookup.get_mut(p.lang) {
                keys.insert(p.key.clone(), i);
            }
        }
        let by_path = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.path.clone(), i))
            .collect();
        let base_path = crate::config::base_path(&config.base_url).unwrap_or_else(|| "/".into());
        let mut site = Site {
            pillar_listing: Vec::new(),
            audience_listing: Vec::new(),
            warnings: Vec::new(),
            config,
            root,
            base_path,
            portable: opts.portable,
            languages,
            default_language,
            sources,
            pages,
            lookup,
            by_path,
        };
        site.build_listings();
        let problems = site.check_links();
        if crate::error::has_errors(&problems) {
            return Err(problems);
        }
        site.warnings = problems;
        Ok(site)
    }

    /// Watch mode: puts edited explainers in place of their old versions, for edits that
    /// keep every page where it was (same file, so the same key, language and pillar; same
    /// slug and draft state), then re-sorts the listings and checks the links the edit can
    /// have broken: the edited files' own, and links elsewhere to anchors that disappeared.
    /// On errors the model is left as it was. Returns the old versions.
    pub fn replace_explainers(&mut self, replaced: Versions) -> Result<Versions, Vec<Diagnostic>> {
        let mut old = Vec::with_capacity(replaced.len());
        let mut removed: BTreeSet<String> = BTreeSet::new();
        for (i, page) in replaced {
            let before = std::mem::replace(&mut self.sources[i], page);
            let now = &self.sources[i].outline.anchors;
            removed.extend(
                before
                    .outline
                    .anchors
                    .iter()
                    .filter(|a| !now.contains(a))
                    .cloned(),
            );
            old.push((i, before));
        }
        let edited: BTreeSet<usize> = old.iter().map(|(i, _)| *i).collect();
        let problems = if removed.is_empty() {
            self.check_links_of(&edited)
        } else {
            self.check_links_where(&|source, link| {
                edited.contains(&source)
                    || link.anchor.as_ref().is_some_and(|a| removed.contains(a))
            })
        };
        if crate::error::has_errors(&problems) {
            for (i, before) in old {
                self.sources[i] = before;
            }
            return Err(problems);
        }
        self.relist(&self.pages_of(&edited));
        // The warnings of other files' links are as they were (their targets' pages and
        // translations did not change); the edited files' are new.
        let paths: BTreeSet<&std::path::Path> = edited
            .iter()
            .map(|&i| self.sources[i].path.as_path())
            .collect();
        let mut warnings: Vec<Diagnostic> = std::mem::take(&mut self.warnings)
            .into_iter()
            .filter(|w| !paths.contains(w.path.as_path()))
            .collect();
        warnings.extend(
            problems
                .into_iter()
                .filter(|w| paths.contains(w.path.as_path())),
        );
        self.warnings = warnings;
        Ok(old)
    }

    fn build_listings(&mut self) {
        let (nl, np) = (self.languages.len(), self.config.pillars.len());
        let mut pillars = vec![vec![Vec::new(); np]; nl];
        for (i, page) in self.pages.iter().enumerate() {
            if let PageKind::Explainer(p) = page.kind {
                pillars[page.lang][p].push(i);
            }
        }
        for lang in pillars.iter_mut() {
            for list in lang.iter_mut() {
                list.sort_by(|&a, &b| self.order_key(a).cmp(&self.order_key(b)));
            }
        }
        self.pillar_listing = pillars;
        self.audience_listing = (0..nl).map(|lang| self.audience_lists(lang)).collect();
    }

    /// Puts explainer pages whose front matter changed back in their places in the
    /// listings: out of their pillar's list, then each in again where its order says.
    fn relist(&mut self, pages: &BTreeSet<usize>) {
        let mut lists = BTreeSet::new();
        for &p in pages {
            if let PageKind::Explainer(pi) = self.pages[p].kind {
                lists.insert((self.pages[p].lang, pi));
            }
        }
        for &(lang, pi) in &lists {
            let mut list = std::mem::take(&mut self.pillar_listing[lang][pi]);
            list.retain(|p| !pages.contains(p));
            for &p in pages {
                if self.pages[p].kind == PageKind::Explainer(pi) && self.pages[p].lang == lang {
                    let at = list.partition_point(|&q| self.order_key(q) < self.order_key(p));
                    list.insert(at, p);
                }
            }
            self.pillar_listing[lang][pi] = list;
        }
        let languages: BTreeSet<usize> = lists.iter().map(|&(lang, _)| lang).collect();
        for lang in languages {
            self.audience_listing[lang] = self.audience_lists(lang);
        }
    }

    /// A language's audience lists: by pillar, then in each pillar's order.
    fn audience_lists(&self, lang: usize) -> Vec<Vec<usize>> {
        let mut lists = vec![Vec::new(); self.config.audiences.len()];
        for list in &self.pillar_listing[lang] {
            for &i in list {
                for &a in &self.front(i).audiences {
                    lists[a].push(i);
                }
            }
        }
        lists
    }

    fn order_key(&self, page: usize) -> (i64, &str, &str) {
        let f = self.front(page);
        (f.weight, f.title.as_str(), self.pages[page].key.as_str())
    }

    /// The pages that show some sources (by index), in every language.
    pub fn pages_of(&self, sources: &BTreeSet<usize>) -> BTreeSet<usize> {
        (0..self.pages.len())
            .filter(|&p| self.pages[p].source.is_some_and(|s| sources.contains(&s)))
            .collect()
    }

    /// The index of the source read from `path` (relative to the site folder).
    pub fn source_index(&self, path: &std::path::Path) -> Option<usize> {
        self.by_path.get(path).copied()
    }

    pub fn source(&self, page: usize) -> Option<&SourcePage> {
        self.pages[page].source.map(|s| &self.sources[s])
    }

    /// Front matter of an explainer page (pages without a file have an empty one).
    pub fn front(&self, page: usize) -> &crate::content::FrontMatter {
        static EMPTY: std::sync::OnceLock<crate::content::FrontMatter> = std::sync::OnceLock::new();
        match self.source(page) {
            Some(s) => &s.front,
            None => EMPTY.get_or_init(Default::default),
        }
    }

    pub fn page_for(&self, lang: usize, key: &str) -> Option<usize> {
        self.lookup.get(lang)?.get(key).copied()
    }

    /// A language's home page.
    pub fn home_page(&self, lang: usize) -> Option<usize> {
        self.page_for(lang, HOME_KEY)
    }

    /// A language's page of a pillar (by its index in the configuration).
    pub fn pillar_page(&self, lang: usize, pillar: usize) -> Option<usize> {
        self.page_for(lang, &pillar_key(&self.config.pillars[pillar].id))
    }

    /// A language's page of an audience (by its index in the configuration).
    pub fn audience_page(&self, lang: usize, audience: usize) -> Option<usize> {
        self.page_for(lang, &audience_key(&self.config.audiences[audience].id))
    }

    /// The same page in every language, in configuration order.
    pub fn versions(&self, page: usize) -> Vec<usize> {
        let key = &self.pages[page].key;
        (0..self.languages.len())
            .filter_map(|l| self.page_for(l, key))
            .collect()
    }

    /// The versions that are real translations (not fallbacks), for hreflang and sitemaps.
    pub fn translations(&self, page: usize) -> Vec<usize> {
        self.versions(page)
            .into_iter()
            .filter(|&p| !self.pages[p].fallback)
            .collect()
    }

    /// How many pages a pillar or audience listing of `len` explainers is split into.
    pub fn listing_pages(&self, len: usize) -> usize {
        listing_pages(len, self.config.explainers_per_page)
    }

    /// The explainers of a listing that its page `n` (from 0) shows.
    pub fn listing_range(&self, len: usize, n: usize) -> std::ops::Range<usize> {
        match self.config.explainers_per_page {
            0 => 0..len,
            per_page => (n * per_page).min(len)..((n + 1) * per_page).min(len),
        }
    }

    /// A link from one page of a listing to its page `n` (from 0): they share a folder,
    /// so that every page of it has the same `root` and the same rendered entries.
    pub fn listing_link(&self, n: usize) -> String {
        match (n, self.portable) {
            (0, false) => "./".to_string(),
            (0, true) => "index.html".to_string(),
            _ => listing_file(n),
        }
    }

    /// The URL to write in a link, relative to the site root (`index.html` added for
    /// `file://` use in portable builds).
    pub fn link_url(&self, page: usize) -> String {
        let url = &self.pages[page].url;
        if self.portable {
            format!("{url}index.html")
        } else {
            url.clone()
        }
    }

    pub fn absolute_url(&self, page: usize) -> String {
        format!(
            "{}{}",
            self.config.base_url_with_slash(),
            self.pages[page].url
        )
    }

    /// The prefix that leads from a page back to the site root: `./`, `../../`.
    pub fn root_prefix(&self, page: usize) -> String {
        let depth = self.pages[page].url.matches('/').count();
        if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        }
    }

    /// The translation key a `.md` link of `source` points at, if it stays in the site.
    pub fn link_key(source: &SourcePage, path: &str) -> Option<String> {
        let mut parts: Vec<&str> = source.key.split('/').collect();
        parts.pop();
        for seg in path.trim_end_matches(".md").split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                s => parts.push(s),
            }
        }
        Some(parts.join("/"))
    }

    /// The href for a `.md` link written in `source`, rendered on `page` (the page of
    /// that source, or the booklet that shows it).
    pub fn resolve_link(
        &self,
        source: &SourcePage,
        page: usize,
        path: &str,
        anchor: Option<&str>,
    ) -> Option<String> {
        let key = Site::link_key(source, path)?;
        let target = self.page_for(self.pages[page].lang, &key)?;
        let mut href = format!("{}{}", self.root_prefix(page), self.link_url(target));
        if let Some(a) = anchor {
            href.push('#');
            href.push_str(a);
        }
        Some(href)
    }

    /// Every `.md` link must reach a page, and its `#anchor` one of that page's headings.
    pub fn check_links(&self) -> Vec<Diagnostic> {
        self.check_links_where(&|_, _| true)
    }

    /// [`Site::check_links`] for the links written in some sources only.
    fn check_links_of(&self, sources: &BTreeSet<usize>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for &i in sources {
            for link in &self.sources[i].outline.links {
                self.check_link(&self.sources[i], link, &mut out);
            }
        }
        out
    }

    /// [`Site::check_links`] for the links `wanted` picks only (given the index of the
    /// source they are written in).
    fn check_links_where(
        &self,
        wanted: &dyn Fn(usize, &crate::markdown::FileLink) -> bool,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (index, source) in self.sources.iter().enumerate() {
            for link in source.outline.links.iter().filter(|l| wanted(index, l)) {
                self.check_link(source, link, &mut out);
            }
        }
        out
    }

    fn check_link(
        &self,
        source: &SourcePage,
        link: &crate::markdown::FileLink,
        out: &mut Vec<Diagnostic>,
    ) {
        let line = Some(source.body_line + link.line - 1);
        let written = match &link.anchor {
            Some(a) => format!("{}#{a}", link.path),
            None => link.path.clone(),
        };
        let target =
            Site::link_key(source, &link.path).and_then(|k| self.page_for(source.lang, &k));
        let Some(target) = target else {
            out.push(Diagnostic::error(
                &source.path,
                line,
                Problem::BrokenLink(written),
            ));
            return;
        };
        if self.pages[target].fallback {
            out.push(Diagnostic::warning(
                &source.path,
                line,
                Problem::LinkToUntranslated {
                    target: written.clone(),
                    language: self.languages[source.lang].code.clone(),
                },
            ));
        }
        if let (Some(anchor), Some(t)) = (&link.anchor, self.source(target))
            && !t.outline.anchors.contains(anchor)
        {
            out.push(Diagnostic::error(
                &source.path,
                line,
                Problem::BrokenAnchor {
                    target: link.path.clone(),
                    anchor: anchor.clone(),
                },
            ));
        }
    }
}

/// Pages of `per_page` explainers (0: all on one) for a listing of `len`; an empty
/// listing still has its page.
pub fn listing_pages(len: usize, per_page: usize) -> usize {
    if per_page == 0 {
        1
    } else {
        len.div_ceil(per_page).max(1)
    }
}

/// The file of a listing's page `n` (from 0) in the listing's folder: `index.html`,
/// `2.html`, `3.html` … No slug can clash with it, since explainers are folders.
pub fn listing_file(n: usize) -> String {
    if n == 0 {
        "index.html".to_string()
    } else {
        format!("{}.html", n + 1)
    }
}

const CONFIG_NAME: &str = crate::config::CONFIG_FILE;

/// The site's languages with their fallback chains and URL prefixes.
pub fn languages(config: &SiteConfig) -> Vec<Language> {
    let index = |code: &str| config.languages.iter().position(|l| l.code == code);
    let default = index(&config.default_language).unwrap_or(0);
    config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut chain = vec![i];
            for f in l.fallback.iter().filter_map(|c| index(c)).chain([default]) {
                if !chain.contains(&f) {
                    chain.push(f);
                }
            }
            Language {
                code: l.code.clone(),
                name: l.name.clone(),
                direction: l.direction,
                locale: l.locale.clone().unwrap_or_else(|| l.code.clone()),
                chain,
                prefix: if i == default {
                    String::new()
                } else {
                    format!("{}/", l.code)
                },
            }
        })
        .collect()
}
