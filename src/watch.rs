//! Watch mode: keeps the loaded site between builds and, for each batch of changed files,
//! rebuilds only what depends on them.
//!
//! - An explainer whose metadata (front matter, questions, anchors, links) did not change:
//!   its pages in every language and the booklets.
//! - An explainer whose metadata changed (title, summary, weight, audiences, dates,
//!   questions, anchors, links): the model is patched in place (listings re-sorted, its
//!   links and links to anchors it lost checked), then its pages are written again, with
//!   what shows what changed: its neighbours (title), its pillar's and audiences' pages
//!   and the home pages (what the lists show), its language's feed (title, summary, dates),
//!   the sitemap (`updated`), and the booklets.
//! - A pillar or home intro whose metadata changed: the model is made again and every
//!   page written (the intro's title is in every page's navigation).
//! - Anything else (a new, deleted or renamed file, a slug or draft change, `site.yaml`,
//!   templates, UI strings): a whole build, swapped in atomically.
//!
//! Partial rebuilds write in place and skip files whose bytes did not change. Whatever the
//! path, the output equals a clean build of the same input; the tests check exactly that.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::build::{self, Loaded, Options};
use crate::content::{SourceKind, SourcePage};
use crate::error::Diagnostic;
use crate::output::InPlace;
use crate::render::Renderer;
use crate::site::{BuildOptions, PageKind, Site};

/// What one rebuild did, for the one line watch mode prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuild {
    pub kind: RebuildKind,
    /// Pages rendered (written only where their bytes changed).
    pub pages: usize,
    pub millis: u128,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RebuildKind {
    /// Nothing that the site is made from changed (a new empty folder, say).
    Nothing,
    /// Only stylesheets changed: a browser can swap them without reloading the page.
    Styles,
    Static,
    Pages,
    Full,
}

pub struct Session {
    opts: Options,
    loaded: Option<Loaded>,
    /// Content files changed since the last good rebuild: while a rebuild fails they are
    /// all tried again with every later change, so that no change is lost and an error
    /// stays on screen until it is fixed.
    pending: BTreeSet<PathBuf>,
    /// A whole build failed: the next change rebuilds everything.
    needs_full: bool,
    /// Languages whose search index is behind their pages: written by
    /// [`Session::finish`], after the pages are out and the browser told.
    search_behind: BTreeSet<usize>,
}

/// The folders of a site whose changes rebuild it (with `site.yaml`).
const WATCHED_FOLDERS: [&str; 4] = ["content", "themes", "locales", "static"];

/// Editors' temporary and backup files, and hidden files, never trigger a rebuild.
pub fn is_ignored(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return true;
    };
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || path.components().any(|c| match c {
            std::path::Component::Normal(n) => n.to_string_lossy().starts_with('.'),
            _ => false,
        })
}

/// A page's links, without their lines (moving a link down a line changes nothing).
fn links(s: &SourcePage) -> Vec<(&str, Option<&str>)> {
    s.outline
        .links
        .iter()
        .map(|l| (l.path.as_str(), l.anchor.as_deref()))
        .collect()
}

fn same_metadata(a: &SourcePage, b: &SourcePage) -> bool {
    a.kind == b.kind
        && a.key == b.key
        && a.lang == b.lang
        && a.front == b.front
        && a.outline.questions == b.outline.questions
        && a.outline.anchors == b.outline.anchors
        && links(a) == links(b)
}

impl Session {
    /// Builds everything once; the session is usable even if that build failed.
    pub fn start(opts: Options) -> (Session, Result<Rebuild, Vec<Diagnostic>>) {
        let mut session = Session {
            opts,
            loaded: None,
            pending: BTreeSet::new(),
            needs_full: true,
            search_behind: BTreeSet::new(),
        };
        let result = session.full(Instant::now());
        (session, result)
    }

    pub fn output(&self) -> Option<&Path> {
        self.loaded.as_ref().map(|l| l.output.as_path())
    }

    /// The folders to ignore changes in: the output and its staging neighbours.
    pub fn output_dir(&self) -> PathBuf {
        match (&self.loaded, &self.opts.output) {
            (Some(l), _) => l.output.clone(),
            (None, Some(o)) => o.clone(),
            (None, None) => self.opts.source.join("public"),
        }
    }

    /// Whether `path` was a folder holding some of the site's files.
    pub fn had_folder(&self, path: &Path) -> bool {
        let rel = crate::error::relative(&self.opts.source, path);
        self.loaded.as_ref().is_some_and(|l| {
            l.site()
                .sources
                .iter()
                .any(|s| s.path.starts_with(&rel) && s.path != rel)
        })
    }

    /// Brings the search index up to date with the pages. Watch mode calls it after each
    /// rebuild has been reported, so that a page shows before its index is rewritten, and
    /// stops it when another save arrives (`stop`): the next quiet moment finishes it.
    pub fn finish(&mut self, stop: &(dyn Fn() -> bool + Sync)) -> Result<(), Vec<Diagnostic>> {
        let Some(loaded) = self.loaded.as_ref() else {
            return Ok(());
        };
        if self.search_behind.is_empty() {
            return Ok(());
        }
        let languages: Vec<usize> = std::mem::take(&mut self.search_behind)
            .into_iter()
            .collect();
        let out = InPlace {
            dir: loaded.output.clone(),
        };
        let (problems, unfinished) = loaded.renderer.render_search_for(&languages, &out, stop);
        self.search_behind.extend(unfinished);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Builds everything again, for when what changed is not known.
    pub fn rebuild_all(&mut self) -> Result<Rebuild, Vec<Diagnostic>> {
        self.needs_full = true;
        self.full(Instant::now())
    }

    pub fn loaded(&self) -> Option<&Loaded> {
        self.loaded.as_ref()
    }

    fn full(&mut self, started: Instant) -> Result<Rebuild, Vec<Diagnostic>> {
        let mut loaded = build::load(&self.opts)?;
        loaded.renderer.keep_entries();
        build::write_all(&loaded)?;
        let pages = loaded.site().pages.len();
        self.loaded = Some(loaded);
        self.needs_full = false;
        self.pending.clear();
        self.search_behind.clear();
        Ok(Rebuild {
            kind: RebuildKind::Full,
            pages,
            millis: started.elapsed().as_millis(),
        })
    }

    /// Rebuilds what `changed` (paths under the site folder) affects.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Result<Rebuild, Vec<Diagnostic>> {
        let started = Instant::now();
        let root = self.opts.source.clone();
        let output = self.output_dir();
        let mut content = BTreeSet::new();
        let mut statics: Vec<PathBuf> = Vec::new();
        let mut whole = self.needs_full || self.loaded.is_none();
        for path in changed {
            let rel = crate::error::relative(&root, path);
            // A folder alone changes nothing: its files' own events follow.
            if is_ignored(&rel) || path.starts_with(&output) || path.is_dir() {
                continue;
            }
            if !path.is_file() && self.had_folder(path) {
                // A folder of content moved out or deleted: every file in it is gone.
                whole = true;
                continue;
            }
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            match first.as_deref() {
                Some("content") if rel.extension().is_some_and(|e| e == "md") => {
                    content.insert(rel);
                }
                _ if is_static(&rel) => statics.push(rel),
                // The rest of a theme, UI strings, the configuration.
                Some("themes" | "locales" | crate::config::CONFIG_FILE) => whole = true,
                _ => {}
            }
        }
        if whole {
            self.needs_full = true;
            return self.full(started);
        }
        let mut kind = None;
        // A file gone before it was ever copied (an editor's temporary file) changes nothing.
        statics.retain(|p| root.join(p).exists() || output.join(static_output(p)).exists());
        if !statics.is_empty() {
            if statics.iter().any(|p| !root.join(p).exists()) {
                // A deleted file must disappear from the output too.
                self.needs_full = true;
                return self.full(started);
            }
            self.copy_statics()?;
            let styles = statics
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"));
            kind = Some(if styles {
                RebuildKind::Styles
            } else {
                RebuildKind::Static
            });
        }
        content.extend(self.pending.iter().cloned());
        if content.is_empty() {
            return Ok(Rebuild {
                kind: kind.unwrap_or(RebuildKind::Nothing),
                pages: 0,
                millis: started.elapsed().as_millis(),
            });
        }
        let pages = match self.apply_content(&content)? {
            Some(pages) => pages,
            None => {
                self.needs_full = true;
                return self.full(started);
            }
        };
        Ok(Rebuild {
            kind: RebuildKind::Pages,
            pages,
            millis: started.elapsed().as_millis(),
        })
    }

    fn copy_statics(&mut self) -> Result<(), Vec<Diagnostic>> {
        let Some(loaded) = self.loaded.as_mut() else {
            return Ok(());
        };
        let theme = crate::theme::load(&self.opts.source, &loaded.site().config.theme)
            .map_err(|d| vec![d])?;
        loaded.theme.statics = theme.statics;
        let out = InPlace {
            dir: loaded.output.clone(),
        };
        build::copy_static(&self.opts.source, &loaded.theme.statics, &out).map_err(|d| vec![d])
    }

    /// `Ok(None)` when the change is structural and needs a whole build.
    fn apply_content(
        &mut self,
        changed: &BTreeSet<PathBuf>,
    ) -> Result<Option<usize>, Vec<Diagnostic>> {
        let Some(loaded) = self.loaded.as_ref() else {
            return Ok(None);
        };
        let site = loaded.site().clone();
        let root = &self.opts.source;
        let mut replaced: Vec<(usize, SourcePage)> = Vec::new();
        let mut problems = Vec::new();
        for rel in changed {
            if !root.join(rel).is_file() {
                return Ok(None);
            }
            let Some(index) = site.source_index(rel) else {
                return Ok(None);
            };
            match crate::content::load_file(root, rel, &site.config) {
                Ok((page, _warnings)) => {
                    let old = &site.sources[index];
                    if page.front.slug != old.front.slug || page.front.draft != old.front.draft {
                        return Ok(None);
                    }
                    replaced.push((index, page));
                }
                Err(d) => problems.extend(d),
            }
        }
        if !problems.is_empty() {
            self.pending = changed.clone();
            crate::error::sort(&mut problems);
            return Err(problems);
        }
        self.pending.clear();
        let metadata_changed = replaced
            .iter()
            .any(|(i, page)| !same_metadata(&site.sources[*i], page));
        let out = InPlace {
            dir: loaded.output.clone(),
        };
        if !metadata_changed {
            // The model is unchanged; only bodies differ, and bodies are read at render time.
            let indices: BTreeSet<usize> = replaced.iter().map(|(i, _)| *i).collect();
            let mut pages: Vec<usize> = site.pages_of(&indices).into_iter().collect();
            pages.extend(booklets(&site));
            let problems = loaded.renderer.render_pages(&pages, &out);
            self.search_behind
                .extend(pages.iter().map(|&p| site.pages[p].lang));
            if !problems.is_empty() {
                self.pending = changed.clone();
                return Err(problems);
            }
            return Ok(Some(pages.len()));
        }

        // Explainers edited without moving (title, weight, audiences, questions, links):
        // the model is patched in place and only the listings showing them are written.
        let explainers_only = replaced.iter().all(|(i, page)| {
            site.sources[*i].kind == SourceKind::Explainer && page.kind == SourceKind::Explainer
        });
        drop(site);
        if explainers_only && let Some(result) = self.replace_in_place(changed, replaced.clone()) {
            return result.map(Some);
        }
        // A pillar or home intro's title is in every page's navigation: the model is made
        // again and every page rendered. (So is an explainer's edit if the model is shared
        // at this moment, which watch mode does not do.)
        let Some(loaded) = self.loaded.as_ref() else {
            return Ok(None);
        };
        let site = loaded.site().clone();
        let out = InPlace {
            dir: loaded.output.clone(),
        };
        let mut sources = site.sources.clone();
        for (i, page) in &replaced {
            sources[*i] = page.clone();
        }
        let new_site = Site::build(
            site.config.clone(),
            site.root.clone(),
            sources,
            BuildOptions {
                portable: site.portable,
            },
        )
        .inspect_err(|_| self.pending = changed.clone())?;
        if new_site.pages.len() != site.pages.len() {
            return Ok(None);
        }
        let renderer = Renderer::succeed(&loaded.renderer, Arc::new(new_site));
        let pages: Vec<usize> = (0..renderer.site().pages.len()).collect();
        let mut problems = renderer.render_pages(&pages, &out);
        problems.extend(renderer.render_extras(&out));
        self.search_behind
            .extend(0..renderer.site().languages.len());
        if !problems.is_empty() {
            self.pending = changed.clone();
            return Err(problems);
        }
        if let Some(l) = self.loaded.as_mut() {
            l.renderer = renderer;
        }
        Ok(Some(pages.len()))
    }
}

impl Session {
    /// Puts edited explainers into the model in place and writes what shows them; `None`
    /// when the model is shared and cannot be changed in place.
    fn replace_in_place(
        &mut self,
        changed: &BTreeSet<PathBuf>,
        replaced: Vec<(usize, SourcePage)>,
    ) -> Option<Result<usize, Vec<Diagnostic>>> {
        let loaded = self.loaded.as_mut()?;
        let before = loaded.renderer.neighbours().to_vec();
        let old = match loaded.renderer.replace_explainers(replaced)? {
            Ok(old) => old,
            Err(problems) => {
                self.pending = changed.clone();
                return Some(Err(problems));
            }
        };
        let renderer = &loaded.renderer;
        let site = renderer.site();
        let pages = affected(site, &before, renderer.neighbours(), &old);
        let out = InPlace {
            dir: loaded.output.clone(),
        };
        let feed_changed = |a: &SourcePage, b: &SourcePage| {
            a.front.title != b.front.title
                || a.front.summary != b.front.summary
                || a.front.date != b.front.date
                || a.front.updated != b.front.updated
        };
        let feeds: Vec<usize> = old
            .iter()
            .filter(|(i, before)| feed_changed(before, &site.sources[*i]))
            .map(|(_, before)| before.lang)
            .collect::<BTreeSet<usize>>()
            .into_iter()
            .collect();
        let sitemap = old
            .iter()
            .any(|(i, before)| before.front.updated != site.sources[*i].front.updated);
        // Side by side: a feed that lists every explainer takes as long as the pages.
        let (mut problems, feed_problems) = rayon::join(
            || renderer.render_pages(&pages, &out),
            || {
                if feeds.is_empty() && !sitemap {
                    Vec::new()
                } else {
                    renderer.render_feeds(&feeds, sitemap, &out)
                }
            },
        );
        problems.extend(feed_problems);
        self.search_behind
            .extend(pages.iter().map(|&p| site.pages[p].lang));
        if !problems.is_empty() {
            // The model already holds the edit, so a retry would find nothing changed and
            // skip the listings that were not written: the next change builds everything.
            self.pending = changed.clone();
            self.needs_full = true;
            return Some(Err(problems));
        }
        Some(Ok(pages.len()))
    }
}

/// Where a file of `static/` or of a theme's `static/` is copied to, relative to the output.
fn static_output(rel: &Path) -> PathBuf {
    let skip = match rel.components().next() {
        Some(c) if c.as_os_str() == "themes" => 3,
        _ => 1,
    };
    rel.components().skip(skip).collect()
}

fn booklets(site: &Site) -> Vec<usize> {
    (0..site.pages.len())
        .filter(|&p| site.pages[p].kind == PageKind::Booklet)
        .collect()
}

/// Whether a pillar or audience list shows an explainer differently after an edit, or in
/// another place.
fn listed_differently(a: &SourcePage, b: &SourcePage) -> bool {
    a.front.title != b.front.title
        || a.front.summary != b.front.summary
        || a.front.weight != b.front.weight
        || a.front.audiences != b.front.audiences
        || a.front.updated != b.front.updated
        || a.outline.questions.len() != b.outline.questions.len()
}

/// The pages whose output can differ after explainers were edited in place (`old`: their
/// versions before, `before`/`after`: each page's neighbours): their own pages in every
/// language, the booklets, and, as far as what they show of the explainers changed, the
/// explainers beside them, their pillar's and audiences' pages and the home pages.
/// An over-approximation, never an under-one.
fn affected(
    site: &Site,
    before: &[(Option<usize>, Option<usize>)],
    after: &[(Option<usize>, Option<usize>)],
    old: &[(usize, SourcePage)],
) -> Vec<usize> {
    let mut pillars = BTreeSet::new();
    let mut audiences: BTreeSet<usize> = BTreeSet::new();
    // Sources whose title changed: the pages beside theirs show it.
    let mut retitled = BTreeSet::new();
    for (i, was) in old {
        let now = &site.sources[*i];
        if listed_differently(was, now) {
            pillars.extend(now.pillar);
            audiences.extend(
                was.front
                    .audiences
                    .iter()
                    .chain(&now.front.audiences)
                    .copied(),
            );
        }
        if was.front.title != now.front.title {
            retitled.insert(*i);
        }
    }
    let edited = site.pages_of(&old.iter().map(|(i, _)| *i).collect());
    let retitled = site.pages_of(&retitled);
    // A home page lists some explainers with their questions: it changes when a list's
    // order or entries did, or when a listed explainer's questions did.
    let home = !pillars.is_empty() || edited.iter().any(|&p| crate::render::on_home(site, p));
    (0..site.pages.len())
        .filter(|&p| match site.pages[p].kind {
            PageKind::Home => home,
            PageKind::Booklet => true,
            PageKind::Pillar(pi) => pillars.contains(&pi),
            PageKind::Audience(a) => audiences.contains(&a),
            PageKind::Explainer(_) => {
                edited.contains(&p)
                    || before[p] != after[p]
                    || [after[p].0, after[p].1]
                        .into_iter()
                        .flatten()
                        .any(|q| retitled.contains(&q))
            }
        })
        .collect()
}

/// Whether a path of the site is in `static/` or a theme's `static/`.
fn is_static(rel: &Path) -> bool {
    let mut parts = rel.components().map(|c| c.as_os_str());
    match parts.next() {
        Some(first) if first == "static" => true,
        Some(first) if first == "themes" => parts.nth(1).is_some_and(|s| s == "static"),
        _ => false,
    }
}

/// What an event says of the save of the files it names.
#[derive(Debug, PartialEq)]
enum SaveStep {
    /// More may follow: a truncation comes before the text, a removal before the new
    /// file an editor renames in.
    Going,
    /// The writer closed the file, or it was renamed into place (an editor's atomic save).
    Done,
}

/// The changes taken into one rebuild.
#[derive(Default)]
struct Batch {
    paths: BTreeSet<PathBuf>,
    /// Files of the site whose save may not be finished: until each is closed, the batch
    /// waits for the quiet period.
    saving: BTreeSet<PathBuf>,
    /// The system lost events (Linux's queue overflowed): what changed is unknown.
    rescan: bool,
}

impl Batch {
    fn take(&mut self, event: notify::Event, root: &Path, output: &Path) {
        self.rescan |= event.need_rescan();
        let counts = |p: &&PathBuf| counts(p, root, output);
        match save_step(&event.kind) {
            Some(SaveStep::Going) => self
                .saving
                .extend(event.paths.iter().filter(counts).cloned()),
            Some(SaveStep::Done) => {
                for p in &event.paths {
                    self.saving.remove(p);
                }
            }
            None => {}
        }
        // A temporary file renamed over a page of the site (sed, IDEs) is not coming back;
        // a page renamed to a backup (vim) is, and is still being saved.
        use notify::event::{ModifyKind, RenameMode};
        if let (notify::EventKind::Modify(ModifyKind::Name(RenameMode::Both)), [from, to]) =
            (&event.kind, event.paths.as_slice())
            && counts(&to)
        {
            self.saving.remove(from);
        }
        if !event.kind.is_access() {
            self.paths.extend(event.paths);
        }
    }
}

/// Whether a change to `path` is one of the site's: not in the output, not an editor's
/// dropping.
fn counts(path: &Path, root: &Path, output: &Path) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    !path.starts_with(output) && !is_ignored(rel) && is_of_the_site(rel)
}

/// Whether a path relative to the site folder is one a build reads: `site.yaml` and what
/// is under the watched folders, not notes or logs beside them.
fn is_of_the_site(rel: &Path) -> bool {
    rel == Path::new(crate::config::CONFIG_FILE)
        || WATCHED_FOLDERS.iter().any(|f| rel.starts_with(f))
}

/// Whether an event means a save may be coming, so that a search index being written
/// stops for it: not a read (loa's own reads of the files it renders are events too),
/// not loa's own writes, not an editor's swap file being written as the author types.
fn may_be_a_save(event: &notify::Event, root: &Path, output: &Path) -> bool {
    !event.kind.is_access()
        && (event.paths.is_empty() || event.paths.iter().any(|p| counts(p, root, output)))
}

/// Where the OS reports when a writer closes a file (Linux), a save is built as soon as it
/// is finished, not a quiet period later; elsewhere every save waits for the quiet period.
fn save_step(kind: &notify::EventKind) -> Option<SaveStep> {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Modify(ModifyKind::Name(RenameMode::To)) => Some(SaveStep::Done),
        // Named again by the `To` event beside it; a `chmod` or `touch` is not a write.
        EventKind::Modify(ModifyKind::Name(RenameMode::Both))
        | EventKind::Modify(ModifyKind::Metadata(_))
        | EventKind::Access(_) => None,
        _ => Some(SaveStep::Going),
    }
}

/// Watches the site folder, calls `on_ready` once it is watching, then `on_rebuild` after
/// each debounced batch of changes, until the watcher fails. Bursts (an editor's write-rename-delete) become one rebuild.
pub fn watch(
    session: &mut Session,
    on_ready: impl FnOnce(),
    mut on_rebuild: impl FnMut(&[PathBuf], &Result<Rebuild, Vec<Diagnostic>>, &Session),
) -> notify::Result<()> {
    use notify::{RecursiveMode, Watcher};
    use std::sync::mpsc;
    use std::time::Duration;

    // Each event with the moment it happened: a save that arrives while the search index
    // is being written has already been quiet for a while when the loop takes it.
    let (tx, rx) = mpsc::channel::<(Instant, notify::Result<notify::Event>)>();
    // Set by every event, cleared when a batch is taken: tells the search index writer
    // that a save is waiting.
    let waiting = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = waiting.clone();
    let output_now = |session: &Session| {
        let output = session.output_dir();
        output.canonicalize().unwrap_or(output)
    };
    // Where loa writes: its own writes (the index itself, if the output is inside a watched
    // folder) must not stop the index.
    let written = std::sync::Arc::new(std::sync::RwLock::new(output_now(session)));
    let output_of_watcher = written.clone();
    let root = session
        .opts
        .source
        .canonicalize()
        .unwrap_or_else(|_| session.opts.source.clone());
    let root_of_watcher = root.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let wanted = match &event {
            Ok(e) => output_of_watcher
                .read()
                .map_or(true, |out| may_be_a_save(e, &root_of_watcher, &out)),
            Err(_) => true,
        };
        if wanted {
            flag.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let _ = tx.send((Instant::now(), event));
    })?;
    // Only what a site is made of: not the output, not `target/` or anything else that
    // may share the folder (and eat the system's limit of watches).
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    let mut watched = BTreeSet::new();
    // `again`: watch the folders already watched once more, which watches every sub-folder
    // again (after lost events, those made meanwhile were never watched).
    let mut watch_folders =
        |watcher: &mut notify::RecommendedWatcher, again: bool| -> notify::Result<()> {
            for folder in WATCHED_FOLDERS {
                let dir = root.join(folder);
                if dir.is_dir() && (again || !watched.contains(folder)) {
                    watcher.watch(&dir, RecursiveMode::Recursive)?;
                    watched.insert(folder);
                }
            }
            Ok(())
        };
    watch_folders(&mut watcher, false)?;
    // Only now is no save missed: say so (print the URL) no earlier.
    on_ready();
    let quiet = Duration::from_millis(30);
    // Once every file written has been closed: long enough to take a burst of saves whose
    // files follow each other within a few milliseconds (a `git checkout`, a save-all, a
    // script) as one batch, where a page and the new page it links to come together.
    let settled = Duration::from_millis(10);
    let longest = Duration::from_millis(300);
    let stop = || waiting.load(std::sync::atomic::Ordering::Relaxed);
    loop {
        // A search index left unfinished by a save is finished once the files are quiet.
        let first = if session.search_behind.is_empty() {
            rx.recv().ok()
        } else {
            match rx.recv_timeout(quiet) {
                Ok(event) => Some(event),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Err(problems) = session.finish(&stop) {
                        on_rebuild(&[], &Err(problems), session);
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            }
        };
        let Some((began, first)) = first else {
            return Ok(());
        };
        let output = output_now(session);
        let mut batch = Batch::default();
        let take = |batch: &mut Batch, event: notify::Result<notify::Event>| {
            event.map(|event| batch.take(event, &root, &output))
        };
        take(&mut batch, first)?;
        // Until `quiet` has passed since the last event (a save seen late, after a search
        // index write stopped for it, has been quiet for a while already), or `longest`
        // since the loop took the first.
        let (mut last, taken) = (began, Instant::now());
        loop {
            let now = Instant::now();
            let Some(left) = (taken + longest).checked_duration_since(now) else {
                break;
            };
            let wait_for = if batch.saving.is_empty() {
                settled
            } else {
                quiet
            };
            let wait = (last + wait_for).saturating_duration_since(now).min(left);
            let next = if wait.is_zero() {
                rx.try_recv().ok()
            } else {
                rx.recv_timeout(wait).ok()
            };
            let Some((at, event)) = next else { break };
            take(&mut batch, event)?;
            last = last.max(at);
        }
        waiting.store(false, std::sync::atomic::Ordering::Relaxed);
        // A watched folder created since the start (a first `static/`, say).
        watch_folders(&mut watcher, batch.rescan)?;
        if let Ok(mut w) = written.write() {
            w.clone_from(&output);
        }
        if batch.rescan {
            // Some changes were lost: only a whole build is sure to show them all.
            let result = session.rebuild_all();
            on_rebuild(&[], &result, session);
            continue;
        }
        let mut paths = batch.paths;
        // A folder created or moved in: its files may have landed before the watcher
        // could watch it, so look inside.
        let inside: Vec<PathBuf> = paths
            .iter()
            .filter(|p| p.is_dir())
            .flat_map(|d| walkdir::WalkDir::new(d).into_iter().filter_map(Result::ok))
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        paths.extend(inside);
        let changed: Vec<PathBuf> = paths
            .into_iter()
            .filter(|p| !p.starts_with(&output))
            .filter(|p| is_of_the_site(p.strip_prefix(&root).unwrap_or(p)))
            .filter_map(|p| {
                p.strip_prefix(&root)
                    .ok()
                    .map(|r| session.opts.source.join(r))
            })
            .filter(|p| !is_ignored(&crate::error::relative(&session.opts.source, p)))
            // Gone and nameless: an editor's or tool's temporary file (sed, some IDEs),
            // unless it was a folder of the site (moved out or deleted), or a static file,
            // which may have been copied to the output while it existed.
            .filter(|p| {
                p.exists()
                    || p.extension().is_some()
                    || session.had_folder(p)
                    || is_static(&crate::error::relative(&session.opts.source, p))
            })
            .collect();
        if changed.is_empty() {
            continue;
        }
        let result = session.apply(&changed);
        on_rebuild(&changed, &result, session);
        if let Err(problems) = session.finish(&stop) {
            on_rebuild(&changed, &Err(problems), session);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Batch, is_ignored};
    use notify::event::{
        AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, ModifyKind, RemoveKind,
        RenameMode,
    };
    use notify::{Event, EventKind};
    use std::path::Path;

    /// The batch after these events, each on one file of a site at `/site`.
    fn batch_after(events: &[(EventKind, &str)]) -> Batch {
        let mut batch = Batch::default();
        for (kind, paths) in events {
            // `from>to` for the two paths of a rename.
            let event = paths.split('>').fold(Event::new(*kind), |e, p| {
                e.add_path(Path::new("/site").join(p))
            });
            batch.take(event, Path::new("/site"), Path::new("/site/public"));
        }
        batch
    }

    #[test]
    fn lost_events_ask_for_a_whole_build() {
        let (root, output) = (Path::new("/site"), Path::new("/site/public"));
        let mut batch = Batch::default();
        batch.take(
            Event::new(WRITE).add_path(root.join("content/vi/a.md")),
            root,
            output,
        );
        assert!(!batch.rescan);
        let lost = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(super::may_be_a_save(&lost, root, output));
        batch.take(lost, root, output);
        assert!(batch.rescan);
    }

    #[test]
    fn only_the_sites_own_files_stop_a_search_index() {
        let (root, output) = (Path::new("/site"), Path::new("/site/public"));
        let event = |kind: EventKind, path: &str| Event::new(kind).add_path(root.join(path));
        let may_be = |e: &Event| super::may_be_a_save(e, root, output);
        assert!(may_be(&event(WRITE, "content/vi/a.md")));
        assert!(may_be(&event(CREATE, "static/app.js")));
        // Vim writes its swap file as the author types; loa writes the output; loa reads
        // the pages it renders.
        assert!(!may_be(&event(WRITE, "content/vi/.a.md.swp")));
        assert!(!may_be(&event(WRITE, "content/vi/a.md~")));
        assert!(!may_be(&event(WRITE, "public/search/vi/index.js")));
        // A file beside the site's own (notes, a log) is not built.
        assert!(!may_be(&event(WRITE, "notes.txt")));
        assert!(may_be(&event(WRITE, "site.yaml")));
        assert!(!may_be(&event(
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            "content/vi/a.md"
        )));
        // A page renamed over its backup: one of the two counts.
        let both = Event::new(BOTH)
            .add_path(root.join("content/vi/a.md~"))
            .add_path(root.join("content/vi/a.md"));
        assert!(may_be(&both));
    }

    const WRITE: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Any));
    const CLOSE: EventKind = EventKind::Access(AccessKind::Close(AccessMode::Write));
    const FROM: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::From));
    const TO: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::To));
    const BOTH: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
    const CREATE: EventKind = EventKind::Create(CreateKind::File);
    const REMOVE: EventKind = EventKind::Remove(RemoveKind::File);

    #[test]
    fn a_save_is_finished_when_its_file_is_closed_or_renamed_into_place() {
        let a = "content/vi/a.md";
        // A truncation and a write, then the close.
        let written = batch_after(&[(WRITE, a), (WRITE, a)]);
        assert_eq!(written.saving.len(), 1);
        let closed = batch_after(&[(WRITE, a), (WRITE, a), (CLOSE, a)]);
        assert!(closed.saving.is_empty());
        assert_eq!(closed.paths.len(), 1);
        // Written again after the close: not finished.
        assert_eq!(
            batch_after(&[(WRITE, a), (CLOSE, a), (WRITE, a)])
                .saving
                .len(),
            1
        );
        // An atomic save: a temporary file renamed over the page.
        let tmp = "content/vi/a.md.tmp";
        let atomic = batch_after(&[
            (CREATE, tmp),
            (WRITE, tmp),
            (CLOSE, tmp),
            (FROM, tmp),
            (TO, a),
        ]);
        assert!(atomic.saving.is_empty());
        assert!(atomic.paths.contains(Path::new("/site/content/vi/a.md")));
        // Vim: the page renamed to a backup, a new one written, its mode set, the backup
        // removed. Until the new page is closed, the page is gone.
        let (backup, probe) = ("content/vi/a.md~", "content/vi/4913");
        let vim = [
            (CREATE, probe),
            (REMOVE, probe),
            (FROM, a),
            (TO, backup),
            (CREATE, a),
            (WRITE, a),
        ];
        assert_eq!(batch_after(&vim).saving.len(), 1);
        let mut saved = vim.to_vec();
        saved.extend([
            (CLOSE, a),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
                a,
            ),
            (REMOVE, backup),
        ]);
        assert!(batch_after(&saved).saving.is_empty());
        // sed: a temporary file with no telling name, renamed over the page. The page
        // saved by rename, the temporary name is gone for good.
        let sed = "content/vi/sedAb12Cd";
        let renamed = [
            (CREATE, sed),
            (WRITE, sed),
            (CLOSE, sed),
            (FROM, sed),
            (TO, a),
        ];
        assert_eq!(batch_after(&renamed).saving.len(), 1);
        let mut both = renamed.to_vec();
        both.push((BOTH, "content/vi/sedAb12Cd>content/vi/a.md"));
        assert!(batch_after(&both).saving.is_empty());
        // Renamed to a backup, the page is not saved yet (vim, as above).
        let to_backup = [
            (FROM, a),
            (TO, backup),
            (BOTH, "content/vi/a.md>content/vi/a.md~"),
        ];
        assert_eq!(batch_after(&to_backup).saving.len(), 1);
        // A removal may be followed by a new file: wait.
        assert_eq!(batch_after(&[(REMOVE, a)]).saving.len(), 1);
        // loa's own writes into its output are not saves of the site.
        assert!(
            batch_after(&[(WRITE, "public/index.html")])
                .saving
                .is_empty()
        );
    }

    #[test]
    fn editor_droppings_are_ignored() {
        for p in [
            "content/vi/.a.md.swp",
            "content/vi/a.md~",
            "content/vi/4913",
            "content/.#a.md",
            ".git/index",
            "content/vi/a.md.tmp",
        ] {
            assert!(is_ignored(Path::new(p)), "{p}");
        }
        for p in [
            "content/vi/a.md",
            "./site.yaml",
            "themes/default/static/style.css",
        ] {
            assert!(!is_ignored(Path::new(p)), "{p}");
        }
    }
}
