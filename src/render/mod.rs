//! Rendering: Markdown bodies to HTML, pages through the theme's Tera templates with
//! Fluent strings, in parallel, each page written as soon as it is rendered.
//!
//! Templates are parsed once. Listings that many pages show (pillar lists, audience
//! lists, the language list) are turned into template values once and shared; Tera 2
//! values are reference-counted, so handing one to a page costs no copy.

mod context;
mod feeds;
pub mod qr;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Kwargs, State, Tera, TeraResult};

use crate::error::{Diagnostic, Problem};
use crate::i18n::Localizer;
use crate::output::Sink;
use crate::site::{PageKind, Site};
use crate::theme::Theme;

pub use context::{Shared, on_home};

/// The theme's templates, parsed once, with the Fluent `t` function registered. They
/// depend on the theme, the UI strings and the configuration, not on the content.
pub struct Templates {
    tera: Tera,
    /// Template name → the file it came from, for error messages.
    origins: HashMap<String, std::path::PathBuf>,
    /// Whether the theme renders list entries with `entry.html` (else its listings loop
    /// over `explainers` themselves).
    entry_template: bool,
    /// Whether any template links a listing's pages through `pager`.
    shows_pager: bool,
}

/// Renders pages of one version of the site model.
pub struct Renderer {
    site: Arc<Site>,
    templates: Arc<Templates>,
    shared: Shared,
    /// Each explainer page's questions for the search index, kept from its last render so
    /// that a partial rebuild can write the whole index.
    search_docs: std::sync::Mutex<Vec<Vec<crate::search::Doc>>>,
    vocabulary: Arc<crate::search::Vocabulary>,
    /// Whether rendered list entries are kept (watch mode: an edit then renders its own
    /// entry, not the lists). A one-off build renders each list once and keeps nothing:
    /// 20 MB less at 10,000 × 3.
    keep_entries: bool,
    /// Watch mode: what each part of a listing page showed when it was last written, by
    /// page. A title edit changes one or two parts of a listing of dozens; rendering and
    /// comparing all of them took a 10,000 × 3 site's title edit from 25 ms to 50–60 ms.
    written_parts: Option<std::sync::Mutex<rustc_hash::FxHashMap<usize, WrittenParts>>>,
    /// By page: the number of the last edit that changed its entry (see `edit_count`).
    entry_edits: Vec<u64>,
    /// How many in-place edits this renderer has taken.
    edit_count: u64,
}

/// The explainers of each part of a listing page, as of edit number `seen`.
struct WrittenParts {
    seen: u64,
    parts: Vec<Vec<usize>>,
}

impl Templates {
    pub fn new(
        config: &crate::config::SiteConfig,
        theme: &Theme,
        localizer: Arc<Localizer>,
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        let mut origins = HashMap::new();
        let mut diagnostics = Vec::new();
        let mut templates = Vec::new();
        for f in &theme.templates {
            let name = f.rel.to_string_lossy().replace('\\', "/");
            match crate::content::decode(f.bytes.clone()) {
                Ok(text) => templates.push((name.clone(), text)),
                Err((p, line)) => diagnostics.push(Diagnostic::error(&f.origin, line, p)),
            }
            origins.insert(name, f.origin.clone());
        }
        register_functions(&mut tera, localizer);
        // Links, not just a mention: the default `base.html` reads `pager.current` for
        // the title, and the explainer's own prev/next is `class="pager"`.
        let shows_pager = templates.iter().any(|(_, t)| {
            ["pager.next", "pager.prev", "pager.pages"]
                .iter()
                .any(|k| t.contains(k))
        });
        if let Err(e) = tera.add_raw_templates(templates) {
            diagnostics.push(template_diagnostic(&e, &origins, "templates"));
        }
        let booklet = config.booklet.then_some("booklet.html");
        let required = [
            "home.html",
            "pillar.html",
            "audience.html",
            "explainer.html",
            "404.html",
        ];
        for required in required.into_iter().chain(booklet) {
            if diagnostics.is_empty() && !tera.contains_template(required) {
                diagnostics.push(Diagnostic::error(
                    format!("themes/{}/templates/{required}", config.theme),
                    None,
                    Problem::MissingTemplate(required.to_string()),
                ));
            }
        }
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let entry_template = tera.contains_template(ENTRY_TEMPLATE);
        Ok(Templates {
            tera,
            origins,
            entry_template,
            shows_pager,
        })
    }

    /// A warning when some listing is split into pages and the theme (a site's own,
    /// made before listings were split) never shows the pager that links them.
    pub fn unlinked_listing_pages(&self, site: &Site) -> Option<Diagnostic> {
        let split = site
            .pillar_listing
            .iter()
            .chain(&site.audience_listing)
            .flatten()
            .any(|list| site.listing_pages(list.len()) > 1);
        (split && !self.shows_pager).then(|| {
            Diagnostic::warning(
                self.origins.get("pillar.html").cloned().unwrap_or_default(),
                None,
                Problem::ThemeWithoutPager(site.config.explainers_per_page),
            )
        })
    }

    /// The page as bytes: they go straight to a file, and Tera's `render` would check the
    /// whole page is UTF-8 once more to make a `String`.
    fn render(&self, template: &str, ctx: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        self.render_sized(template, ctx, PAGE_CAPACITY)
    }

    /// [`Templates::render`] into a buffer of `capacity` bytes to begin with.
    fn render_sized(
        &self,
        template: &str,
        ctx: &tera::Context,
        capacity: usize,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut html = Vec::with_capacity(capacity);
        self.tera
            .render_to(template, ctx, &mut html)
            .map_err(|e| template_diagnostic(&e, &self.origins, template))?;
        Ok(html)
    }
}

/// The template of one explainer's entry in pillar and audience lists.
const ENTRY_TEMPLATE: &str = "entry.html";
/// What a page's buffer starts with (most pages fit), and an entry's (a list holds
/// thousands of them until they are joined).
const PAGE_CAPACITY: usize = 64 * 1024;
const ENTRY_CAPACITY: usize = 1024;

impl Renderer {
    pub fn new(site: Arc<Site>, templates: Arc<Templates>) -> Renderer {
        Renderer {
            shared: Shared::build(&site),
            search_docs: std::sync::Mutex::new(vec![Vec::new(); site.pages.len()]),
            vocabulary: Arc::default(),
            keep_entries: false,
            written_parts: None,
            entry_edits: vec![0; site.pages.len()],
            edit_count: 0,
            site,
            templates,
        }
    }

    /// Keeps list entries once rendered (see [`Renderer::listing_html`]), and which
    /// parts of a listing page show what, to write only the parts an edit changed.
    pub fn keep_entries(&mut self) {
        self.keep_entries = true;
        self.written_parts = Some(Default::default());
    }

    /// A renderer for a new version of the same pages (watch mode): search data of pages
    /// that are not rendered again is kept.
    pub fn succeed(previous: &Renderer, site: Arc<Site>) -> Renderer {
        let mut next = Renderer::new(site, previous.templates.clone());
        next.vocabulary = previous.vocabulary.clone();
        if previous.keep_entries {
            next.keep_entries();
        }
        if let (Ok(old), Ok(mut new)) = (previous.search_docs.lock(), next.search_docs.lock())
            && old.len() == new.len()
        {
            new.clone_from(&old);
        }
        next
    }

    pub fn site(&self) -> &Arc<Site> {
        &self.site
    }

    /// Watch mode: puts edited explainers into the model in place
    /// ([`Site::replace_explainers`]) and brings the shared listings up to date. `None`
    /// when the model is shared and cannot be changed in place; else the old versions, or
    /// the links the edit broke (the model then unchanged).
    pub fn replace_explainers(
        &mut self,
        replaced: crate::site::Versions,
    ) -> Option<Result<crate::site::Versions, Vec<Diagnostic>>> {
        let site = Arc::get_mut(&mut self.site)?;
        let old = match site.replace_explainers(replaced) {
            Ok(old) => old,
            Err(problems) => return Some(Err(problems)),
        };
        let edited = site.pages_of(&old.iter().map(|(i, _)| *i).collect());
        let audiences = old
            .iter()
            .flat_map(|(i, was)| {
                was.front
                    .audiences
                    .iter()
                    .chain(&site.sources[*i].front.audiences)
            })
            .copied()
            .collect();
        self.shared.refresh(site, &edited, &audiences);
        self.edit_count += 1;
        for &p in &edited {
            self.entry_edits[p] = self.edit_count;
        }
        Some(Ok(old))
    }

    /// The previous and next explainer of each page's pillar, as pages show them.
    pub fn neighbours(&self) -> &[(Option<usize>, Option<usize>)] {
        self.shared.neighbours()
    }

    pub fn templates(&self) -> &Arc<Templates> {
        &self.templates
    }

    /// Renders every page and the extras into `out`.
    pub fn render_all_to(&self, out: &dyn Sink) -> Vec<Diagnostic> {
        let all: Vec<usize> = (0..self.site.pages.len()).collect();
        let mut diagnostics = self.render_pages(&all, out);
        diagnostics.extend(self.render_extras(out));
        diagnostics.extend(self.render_search(out));
        diagnostics
    }

    /// Renders and writes some pages, in parallel.
    pub fn render_pages(&self, pages: &[usize], out: &dyn Sink) -> Vec<Diagnostic> {
        pages
            .par_iter()
            .filter_map(|&i| self.render_page(i, out).err())
            .collect()
    }

    /// The search index of every language, from the questions of the last render of each
    /// explainer page.
    pub fn render_search(&self, out: &dyn Sink) -> Vec<Diagnostic> {
        let all: Vec<usize> = (0..self.site.languages.len()).collect();
        self.render_search_for(&all, out, &|| false).0
    }

    /// The search index of some languages only (watch mode rewrites the languages whose
    /// pages changed, and stops when `stop` says so). Returns the problems and the
    /// languages whose index was not finished.
    pub fn render_search_for(
        &self,
        languages: &[usize],
        out: &dyn Sink,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> (Vec<Diagnostic>, Vec<usize>) {
        let Ok(docs) = self.search_docs.lock() else {
            return (Vec::new(), languages.to_vec());
        };
        let mut languages: Vec<(usize, Vec<&crate::search::Doc>)> = languages
            .iter()
            .map(|&lang| {
                let all = (0..self.site.pages.len())
                    .filter(|&p| self.site.pages[p].lang == lang)
                    .flat_map(|p| docs[p].iter())
                    .collect();
                (lang, all)
            })
            .collect();
        // The language with the most search data first, on a core of its own: the others
        // fit beside it, and its shards are made on every core once they are done. (While
        // it waits for a batch of its shards its thread may take up a smaller language
        // whole, which delays its next batch; the order still halved the idle time.)
        languages.sort_by_cached_key(|(_, all)| {
            std::cmp::Reverse(all.iter().map(|d| d.index_bytes()).sum::<usize>())
        });
        let mut results: Vec<(usize, Vec<Diagnostic>, Option<usize>)> = languages
            .par_iter()
            .map(|(lang, all)| {
                let lang = *lang;
                let code = &self.site.languages[lang].code;
                let mut problems = Vec::new();
                let mut written = std::collections::BTreeSet::new();
                let done = crate::search::index_files(
                    code,
                    all,
                    &self.vocabulary,
                    stop,
                    &mut |name, text| {
                        let path = format!("search/{code}/{name}");
                        if let Err(e) = out.write(&path, text.as_bytes()) {
                            problems.push(output_error(&path, e));
                        }
                        written.insert(name.to_string());
                    },
                );
                let dir = format!("search/{code}");
                if done && let Err(e) = out.keep_only(&dir, &written) {
                    problems.push(output_error(&dir, e));
                }
                (lang, problems, (!done).then_some(lang))
            })
            .collect();
        // Problems in the order of the languages, whatever order they were indexed in.
        results.sort_by_key(|(lang, _, _)| *lang);
        let mut problems = Vec::new();
        let mut unfinished = Vec::new();
        for (_, p, lang) in results {
            problems.extend(p);
            unfinished.extend(lang);
        }
        (problems, unfinished)
    }

    /// The 404 page (with the site's navigation), sitemap, robots.txt and the feeds,
    /// which list every page. (The search index is [`Renderer::render_search`].)
    pub fn render_extras(&self, out: &dyn Sink) -> Vec<Diagnostic> {
        let all: Vec<usize> = (0..self.site.languages.len()).collect();
        let mut diagnostics = self.render_feeds(&all, true, out);
        let robots = feeds::robots(&self.site);
        if let Err(e) = out.write("robots.txt", robots.as_bytes()) {
            diagnostics.push(output_error("robots.txt", e));
        }
        if let Err(d) = self.render_404(out) {
            diagnostics.push(d);
        }
        diagnostics
    }

    /// The feeds of some languages, and the sitemap if asked (watch mode writes what an
    /// edit changed).
    pub fn render_feeds(
        &self,
        languages: &[usize],
        sitemap: bool,
        out: &dyn Sink,
    ) -> Vec<Diagnostic> {
        let site = &*self.site;
        // Each file written as soon as it is made: together, a large site's feeds and
        // sitemap are tens of megabytes, on top of everything the search index needs next.
        let write = |path: &str, text: String| {
            out.write(path, text.as_bytes())
                .err()
                .map(|e| output_error(path, e))
        };
        let (mut problems, sitemap) = rayon::join(
            || -> Vec<Diagnostic> {
                languages
                    .par_iter()
                    .filter_map(|&lang| {
                        let path = format!("{}feed.xml", site.languages[lang].prefix);
                        write(&path, feeds::atom(site, lang))
                    })
                    .collect()
            },
            || {
                sitemap
                    .then(|| write("sitemap.xml", feeds::sitemap(site)))
                    .flatten()
            },
        );
        problems.extend(sitemap);
        problems
    }

    /// Writes a page; a pillar or audience page is a page for each part of its listing,
    /// and parts a shorter listing no longer has are removed.
    fn render_page(&self, page: usize, out: &dyn Sink) -> Result<(), Diagnostic> {
        let site = &*self.site;
        let Some((list, _)) = context::listed(site, page) else {
            return self.render_part(page, 0, out);
        };
        let parts = site.listing_pages(list.len());
        let members = |n| &list[site.listing_range(list.len(), n)];
        // Taken out while the page is written, and put back only once all of it is: a
        // failed write leaves no record, and the next render writes every part.
        let before = self
            .written_parts
            .as_ref()
            .and_then(|w| w.lock().ok()?.remove(&page));
        // Side by side: a weight edit that moves an explainer to the top changes every
        // part before its old place, in each of its lists.
        (0..parts).into_par_iter().try_for_each(|n| {
            // The pager differs on every part when the number of parts changed.
            // An intro is read when rendered: a body edit changes no record.
            let has_intro = n == 0 && site.source(page).is_some();
            let unchanged = !has_intro
                && before.as_ref().is_some_and(|w| {
                    w.parts.len() == parts
                        && w.parts[n] == members(n)
                        && members(n).iter().all(|&e| self.entry_edits[e] <= w.seen)
                });
            if unchanged {
                Ok(())
            } else {
                self.render_part(page, n, out)
            }
        })?;
        let dir = &site.pages[page].url;
        out.remove_listing_parts(dir, parts)
            .map_err(|(n, e)| output_error(&format!("{dir}{}", crate::site::listing_file(n)), e))?;
        if let Some(Ok(mut written)) = self.written_parts.as_ref().map(|w| w.lock()) {
            let record = WrittenParts {
                seen: self.edit_count,
                parts: (0..parts).map(|n| members(n).to_vec()).collect(),
            };
            written.insert(page, record);
        }
        Ok(())
    }

    /// Part `n` (from 0) of a page: the intro is on the first part of a listing.
    fn render_part(&self, page: usize, n: usize, out: &dyn Sink) -> Result<(), Diagnostic> {
        let site = &*self.site;
        let p = &site.pages[page];
        let mut ctx = self.shared.common(site, page);
        let template = match p.kind {
            PageKind::Home => "home.html",
            PageKind::Pillar(_) => "pillar.html",
            PageKind::Audience(_) => "audience.html",
            PageKind::Explainer(_) => "explainer.html",
            PageKind::Booklet => "booklet.html",
        };
        if p.kind == PageKind::Booklet {
            self.insert_booklet(page, &mut ctx)?;
        }
        self.shared.insert_listing(site, page, n, &mut ctx);
        let mut size = 0;
        if let Some(html) = self.listing_html(page, n)? {
            size = html.as_str().map_or(0, str::len);
            ctx.insert_value("explainers_html", html);
        }
        if n > 0 {
            // The intro is on the first page of a listing only.
            ctx.insert("intro_html", "");
        }
        if let Some(source) = site.source(page).filter(|_| n == 0) {
            let body = crate::content::read_body(&site.root, source)?;
            let resolve =
                |path: &str, anchor: Option<&str>| site.resolve_link(source, page, path, anchor);
            let rendered = crate::markdown::render(
                &body,
                &crate::markdown::RenderOptions {
                    allow_html: site.config.allow_html,
                    resolve: &resolve,
                },
            );
            context::insert_body(site, page, &rendered, &mut ctx);
            if matches!(p.kind, PageKind::Explainer(_)) {
                let lang = &site.languages[p.lang].code;
                let url = site.link_url(page);
                let title: Arc<str> = context::page_title(site, page).into();
                let docs = rendered
                    .questions
                    .iter()
                    .map(|q| {
                        let url = format!("{url}#{}", q.id);
                        crate::search::Doc::new(
                            &self.vocabulary,
                            lang,
                            &q.title_text,
                            &q.answer_text,
                            url,
                            title.clone(),
                        )
                    })
                    .collect();
                if let Ok(mut all) = self.search_docs.lock() {
                    all[page] = docs;
                }
            }
            if matches!(p.kind, PageKind::Explainer(_)) {
                let title = context::page_title(site, page);
                if let Some(svg) = qr::svg(&site.absolute_url(page), title) {
                    let path = format!("{}qr.svg", p.url);
                    out.write(&path, svg.as_bytes())
                        .map_err(|e| output_error(&path, e))?;
                    ctx.insert("qr_url", "qr.svg");
                }
            }
        }
        let html = self
            .templates
            .render_sized(template, &ctx, PAGE_CAPACITY + size)?;
        let path = format!("{}{}", p.url, crate::site::listing_file(n));
        out.write(&path, &html).map_err(|e| output_error(&path, e))
    }

    /// A pillar or audience page's entries as the theme's `entry.html` renders them. In
    /// watch mode each entry is rendered once and kept, so that a listing page is a copy
    /// of its entries' HTML and an edit renders its own entry again, not the thousands
    /// beside it.
    fn listing_html(&self, page: usize, n: usize) -> Result<Option<tera::Value>, Diagnostic> {
        let site = &*self.site;
        let Some((list, kind)) = context::listed(site, page) else {
            return Ok(None);
        };
        if !self.templates.entry_template {
            return Ok(None);
        }
        let list = &list[site.listing_range(list.len(), n)];
        let root = site.root_prefix(page);
        let lang = &site.languages[site.pages[page].lang].code;
        let mut fragments = Vec::with_capacity(list.len());
        for &e in list {
            let fragment = match self.shared.fragment(e, kind) {
                Some(f) => Cow::Borrowed(f),
                None => {
                    let mut ctx = tera::Context::new();
                    ctx.insert("lang", lang);
                    ctx.insert("root", &root);
                    ctx.insert("kind", kind.name());
                    if let Some(entry) = self.shared.entry(e) {
                        ctx.insert_value("e", entry.clone());
                    }
                    let bytes =
                        self.templates
                            .render_sized(ENTRY_TEMPLATE, &ctx, ENTRY_CAPACITY)?;
                    let text = String::from_utf8(bytes)
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    if self.keep_entries {
                        Cow::Borrowed(self.shared.keep_fragment(e, kind, text))
                    } else {
                        Cow::Owned(text)
                    }
                }
            };
            fragments.push(fragment);
        }
        // Sized first: a 4,000-entry list is megabytes, and growing it is copying it.
        Ok(Some(tera::Value::safe_string(&fragments.concat())))
    }

    /// Every explainer of the page's language, pillar by pillar, each with its QR code.
    fn insert_booklet(&self, page: usize, ctx: &mut tera::Context) -> Result<(), Diagnostic> {
        #[derive(serde::Serialize)]
        struct Question {
            id: String,
            title_html: String,
            answer_html: String,
        }
        #[derive(serde::Serialize)]
        struct Explainer<'a> {
            n: usize,
            title: &'a str,
            url: String,
            address: String,
            qr_svg: Option<String>,
            intro_html: String,
            questions: Vec<Question>,
            fallback: bool,
            content_lang: &'a str,
        }
        #[derive(serde::Serialize)]
        struct Section<'a> {
            title: &'a str,
            explainers: Vec<Explainer<'a>>,
        }
        let site = &*self.site;
        let lang = site.pages[page].lang;
        let mut n = 0;
        let mut sections = Vec::new();
        for (pi, list) in site.pillar_listing[lang].iter().enumerate() {
            let mut explainers = Vec::new();
            for &e in list {
                let Some(source) = site.source(e) else {
                    continue;
                };
                n += 1;
                let body = crate::content::read_body(&site.root, source)?;
                let resolve = |path: &str, anchor: Option<&str>| {
                    site.resolve_link(source, page, path, anchor)
                };
                let rendered = crate::markdown::render(
                    &body,
                    &crate::markdown::RenderOptions {
                        allow_html: site.config.allow_html,
                        resolve: &resolve,
                    },
                );
                let address = site.absolute_url(e);
                explainers.push(Explainer {
                    n,
                    title: &source.front.title,
                    url: site.link_url(e),
                    qr_svg: qr::svg(&address, &source.front.title),
                    address,
                    intro_html: rendered.intro_html,
                    // Ids repeat across explainers; the booklet is one page.
                    questions: rendered
                        .questions
                        .into_iter()
                        .map(|q| Question {
                            id: format!("e{n}-{}", q.id),
                            title_html: q.title_html,
                            answer_html: q.answer_html,
                        })
                        .collect(),
                    fallback: site.pages[e].fallback,
                    content_lang: &site.languages[source.lang].code,
                });
            }
            sections.push(Section {
                title: site
                    .pillar_page(lang, pi)
                    .map_or("", |pp| context::page_title(site, pp)),
                explainers,
            });
        }
        ctx.insert("sections", &sections);
        Ok(())
    }

    fn render_404(&self, out: &dyn Sink) -> Result<(), Diagnostic> {
        let site = &*self.site;
        let home = site.home_page(site.default_language).unwrap_or_default();
        let mut ctx = self.shared.common(site, home);
        // The 404 page is served at any depth, so its links start from the site's path.
        ctx.insert("root", &site.base_path);
        ctx.insert("page_title", &"404");
        ctx.insert("kind", &"404");
        ctx.insert("canonical", &"");
        ctx.insert("alternates", &Vec::<()>::new());
        let html = self.templates.render("404.html", &ctx)?;
        out.write("404.html", &html)
            .map_err(|e| output_error("404.html", e))
    }
}

fn output_error(path: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, None, Problem::Output(e.to_string()))
}

/// A Tera error as a diagnostic on the template file and line it happened in.
fn template_diagnostic(
    e: &tera::Error,
    origins: &HashMap<String, std::path::PathBuf>,
    template: &str,
) -> Diagnostic {
    let (file, line, col, message) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => (
            r.filename().to_string(),
            Some(r.span().start_line),
            Some(r.span().start_col + 1),
            r.message().to_string(),
        ),
        _ => (template.to_string(), None, None, e.to_string()),
    };
    let mut message = message;
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let path = origins
        .get(&file)
        .cloned()
        .unwrap_or_else(|| std::path::PathBuf::from(file));
    Diagnostic::error(path, line, Problem::Template(message)).at_column(col)
}

fn register_functions(tera: &mut Tera, localizer: Arc<Localizer>) {
    // `t(key="questions-count", count=3)`: a Fluent message in the page's language.
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: &str = kwargs.must_get("key")?;
            let attr: Option<&str> = kwargs.get("attr")?;
            let lang: String = state
                .get("lang")?
                .ok_or_else(|| tera::Error::message("`t` needs `lang` in the page context"))?;
            let lang = localizer
                .language_index(&lang)
                .ok_or_else(|| tera::Error::message(format!("unknown language `{lang}`")))?;
            let missing = || {
                tera::Error::message(crate::messages::problem(&Problem::MissingMessage(
                    key.into(),
                )))
            };
            if attr.is_none() && kwargs.iter().all(|(name, _)| name.as_str() == Some("key")) {
                return localizer.plain_message(lang, key).ok_or_else(missing);
            }
            let mut args = fluent_bundle::FluentArgs::new();
            for (name, value) in kwargs.iter() {
                let Some(name) = name.as_str() else { continue };
                if name == "key" || name == "attr" {
                    continue;
                }
                if let Some(n) = value.as_i64() {
                    args.set(name.to_string(), n);
                } else if let Some(n) = value.as_f64() {
                    args.set(name.to_string(), n);
                } else if let Some(s) = value.as_str() {
                    args.set(name.to_string(), s.to_string());
                }
            }
            localizer
                .message(lang, key, attr, Some(&args))
                .ok_or_else(missing)
        },
    );
}
