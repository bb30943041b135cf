//! Incremental rebuilds: after any sequence of changes, the output equals a clean build
//! of the same input, and a broken change leaves the last good output in place.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use loa::build::Options;
use loa::watch::{RebuildKind, Session};

struct Fixture {
    _tmp: tempfile::TempDir,
    site: PathBuf,
    out: PathBuf,
    clean: PathBuf,
}

fn fixture_session() -> (Fixture, Session) {
    fixture_session_with(|_| {})
}

/// The basic fixture, changed by `prepare` before the session starts.
fn fixture_session_with(prepare: impl Fn(&Path)) -> (Fixture, Session) {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    prepare(&site);
    let out = tmp.path().join("out");
    let clean = tmp.path().join("clean");
    let (session, first) = Session::start(Options {
        source: site.clone(),
        output: Some(out.clone()),
        ..Options::default()
    });
    assert_eq!(first.unwrap().kind, RebuildKind::Full);
    (
        Fixture {
            _tmp: tmp,
            site,
            out,
            clean,
        },
        session,
    )
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The incremental output must equal a clean build of the same files (once the session
/// has finished the search index, as watch mode does after every rebuild).
fn assert_equals_clean_build(f: &Fixture, s: &mut Session) {
    s.finish(&|| false).unwrap();
    if f.clean.exists() {
        fs::remove_dir_all(&f.clean).unwrap();
    }
    build(&f.site, &f.clean, &[]);
    assert_same_files(&f.out, &f.clean);
}

#[test]
fn every_kind_of_change_ends_equal_to_a_clean_build() {
    let (f, mut s) = fixture_session();
    let a = f.site.join("content/vi/chung/a.md");
    let b = f.site.join("content/vi/kinh-te-so/b.md");

    // An answer's text: only that explainer's pages (vi, and its km fallback) and booklets.
    edit(
        &a,
        "Là dùng công nghệ số.",
        "Là dùng công nghệ số và dữ liệu.",
    );
    let r = s.apply(std::slice::from_ref(&a)).unwrap();
    assert_eq!(r.kind, RebuildKind::Pages);
    assert!(r.pages <= 5, "{} pages re-rendered", r.pages);
    assert!(read(&f.out.join("chung/a/index.html")).contains("công nghệ số và dữ liệu"));
    assert_equals_clean_build(&f, &mut s);

    // A title, a weight that reorders the pillar's pages, and a new question.
    edit(
        &b,
        "title: Bán hàng trực tuyến",
        "title: Bán nông sản trực tuyến",
    );
    edit(&b, "weight: 20", "weight: 1");
    edit(
        &b,
        "## Bắt đầu từ đâu?",
        "## Cần chuẩn bị gì?\n\nĐiện thoại.\n\n## Bắt đầu từ đâu?",
    );
    let r = s.apply(std::slice::from_ref(&b)).unwrap();
    assert_eq!(r.kind, RebuildKind::Pages);
    assert_equals_clean_build(&f, &mut s);

    // Audiences change: both the old and the new audience pages change.
    edit(&b, "audiences: [doanh-nghiep]", "audiences: [nguoi-dan]");
    s.apply(std::slice::from_ref(&b)).unwrap();
    assert_equals_clean_build(&f, &mut s);

    // A new explainer, then a deleted one.
    let c = f.site.join("content/en/kinh-te-so/c.md");
    fs::create_dir_all(c.parent().unwrap()).unwrap();
    fs::write(&c, "---\ntitle: C\n---\n## Q?\n\nA.\n").unwrap();
    assert_eq!(
        s.apply(std::slice::from_ref(&c)).unwrap().kind,
        RebuildKind::Full
    );
    assert_equals_clean_build(&f, &mut s);
    fs::remove_file(&c).unwrap();
    s.apply(&[c]).unwrap();
    assert!(!f.out.join("en/kinh-te-so/c").exists());
    assert_equals_clean_build(&f, &mut s);

    // A pillar intro's title shows in every page's navigation.
    let intro = f.site.join("content/vi/chung/_index.md");
    edit(&intro, "title: Những điều chung", "title: Điều chung");
    s.apply(&[intro]).unwrap();
    assert_equals_clean_build(&f, &mut s);

    // The configuration and the site's UI strings rebuild everything.
    let config = f.site.join("site.yaml");
    edit(&config, "en: Test Q&A", "en: Test questions");
    assert_eq!(s.apply(&[config]).unwrap().kind, RebuildKind::Full);
    let ftl = f.site.join("locales/en/site.ftl");
    edit(&ftl, "Site feed", "News feed");
    s.apply(&[ftl]).unwrap();
    assert_equals_clean_build(&f, &mut s);

    // A stylesheet of the site's own: copied without touching pages.
    fs::create_dir_all(f.site.join("static")).unwrap();
    let css = f.site.join("static/extra.css");
    fs::write(&css, "body { color: red; }\n").unwrap();
    assert_eq!(
        s.apply(std::slice::from_ref(&css)).unwrap().kind,
        RebuildKind::Styles
    );
    assert_equals_clean_build(&f, &mut s);

    // An editor's backup beside it is never published.
    fs::write(f.site.join("static/extra.css~"), "old").unwrap();
    fs::write(&css, "body { color: blue; }\n").unwrap();
    assert_eq!(
        s.apply(std::slice::from_ref(&css)).unwrap().kind,
        RebuildKind::Styles
    );
    assert!(!f.out.join("extra.css~").exists());
    assert_equals_clean_build(&f, &mut s);

    // A tool's temporary file with no telling name, copied while it was there, then
    // renamed over a file (sed -i): gone from the output too.
    let temp = f.site.join("static/sedAb12Cd");
    fs::write(&temp, "{}").unwrap();
    assert_eq!(
        s.apply(std::slice::from_ref(&temp)).unwrap().kind,
        RebuildKind::Static
    );
    assert!(f.out.join("sedAb12Cd").exists());
    let data = f.site.join("static/data.json");
    fs::rename(&temp, &data).unwrap();
    s.apply(&[temp.clone(), data]).unwrap();
    assert!(!f.out.join("sedAb12Cd").exists());
    assert_equals_clean_build(&f, &mut s);
    // Gone before it was ever copied: nothing to do.
    let never = f.site.join("static/sedXy34Zw");
    assert_eq!(s.apply(&[never]).unwrap().kind, RebuildKind::Nothing);
}

#[test]
fn a_broken_change_keeps_the_last_good_page_until_it_is_fixed() {
    let (f, mut s) = fixture_session();
    let a = f.site.join("content/vi/chung/a.md");
    let b = f.site.join("content/vi/kinh-te-so/b.md");
    let page = f.out.join("chung/a/index.html");
    let before = read(&page);

    edit(&a, "title: Chuyển đổi số là gì?\n", "title: [unclosed\n");
    let errors = s.apply(std::slice::from_ref(&a)).unwrap_err();
    assert!(
        errors[0].to_string().starts_with("content/vi/chung/a.md:2"),
        "{}",
        errors[0]
    );
    assert_eq!(read(&page), before, "the last good page stays");

    // Another file's good change does not hide the error that is still there.
    edit(&b, "Bán được nhiều hơn.", "Bán được nhiều hơn nữa.");
    assert!(s.apply(std::slice::from_ref(&b)).is_err());

    // A link to a page that does not exist is an error too, with its line.
    edit(&a, "title: [unclosed\n", "title: Chuyển đổi số là gì?\n");
    edit(
        &a,
        "Quay lại [câu đầu](a.md#chuyen-doi-so-la-gi).",
        "Xem [bài mất](khong-co.md).",
    );
    let errors = s.apply(std::slice::from_ref(&a)).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.severity == loa::error::Severity::Error
                && e.to_string().contains("khong-co.md")),
        "{errors:?}"
    );

    edit(
        &a,
        "Xem [bài mất](khong-co.md).",
        "Quay lại [câu đầu](a.md#chuyen-doi-so-la-gi).",
    );
    s.apply(&[a]).unwrap();
    assert!(read(&f.out.join("kinh-te-so/b/index.html")).contains("nhiều hơn nữa"));
    assert_equals_clean_build(&f, &mut s);
}

/// On a site past the home page's limit, renaming questions of an explainer the home page
/// does not list re-renders only that explainer's pages; a rename that breaks another
/// page's link to the question is refused like any broken link.
#[test]
fn renamed_questions_on_a_large_site_touch_only_their_explainer() {
    let (f, mut s) = fixture_session_with(|site| add_numbered_explainers(site, 301));
    let far = f.site.join("content/vi/kinh-te-so/bai-200.md");
    edit(&far, "## Câu hỏi số 200?", "## Câu hỏi hai trăm?");
    let r = s.apply(std::slice::from_ref(&far)).unwrap();
    assert_eq!(r.kind, RebuildKind::Pages);
    // The Vietnamese page and its English and Khmer fallbacks.
    assert_eq!(r.pages, 3);
    assert!(read(&f.out.join("kinh-te-so/bai-200/index.html")).contains("id=\"cau-hoi-hai-tram\""));
    assert_equals_clean_build(&f, &mut s);

    // `a.md` links to `b.md#loi-ich`: renaming that question without its `{#id}` breaks it.
    let b = f.site.join("content/vi/kinh-te-so/b.md");
    let page = f.out.join("kinh-te-so/b/index.html");
    let before = read(&page);
    edit(&b, "## Lợi ích là gì? {#loi-ich}", "## Được lợi gì?");
    let problems = s.apply(std::slice::from_ref(&b)).unwrap_err();
    assert!(
        problems.iter().any(|d| d.path.ends_with("a.md")),
        "the broken link is reported where it is written"
    );
    assert_eq!(read(&page), before, "the last good page stays");
    edit(&b, "## Được lợi gì?", "## Được lợi gì? {#loi-ich}");
    s.apply(std::slice::from_ref(&b)).unwrap();
    assert!(read(&page).contains("Được lợi gì?"));
    assert_equals_clean_build(&f, &mut s);
}

/// On a site past the home page's limit, an explainer's title, date and audiences change
/// only the files that show them, and the output still equals a clean build.
#[test]
fn metadata_edits_on_a_large_site_write_only_what_shows_them() {
    let (f, mut s) = fixture_session_with(|site| add_numbered_explainers(site, 301));
    let total = s.loaded().unwrap().site().pages.len();
    let far = f.site.join("content/vi/kinh-te-so/bai-200.md");

    edit(&far, "title: Bài 200", "title: Bài hai trăm");
    let r = s.apply(std::slice::from_ref(&far)).unwrap();
    assert_eq!(r.kind, RebuildKind::Pages);
    // Its pages in three languages, the pages beside it before and after (it moved), the
    // pillar pages and the home pages: not the other explainers.
    assert!(
        r.pages <= 24 && r.pages * 10 < total,
        "{} of {total}",
        r.pages
    );
    // Its pillar's 302 explainers are on seven pages of 50; by its title it is now last.
    assert!(read(&f.out.join("kinh-te-so/7.html")).contains("Bài hai trăm"));
    assert_equals_clean_build(&f, &mut s);

    edit(
        &far,
        "title: Bài hai trăm\n",
        "title: Bài hai trăm\nupdated: 2026-01-02\n",
    );
    s.apply(std::slice::from_ref(&far)).unwrap();
    assert!(read(&f.out.join("sitemap.xml")).contains("<lastmod>2026-01-02</lastmod>"));
    // Now among the most recently updated: in the feed, under its new title.
    assert!(read(&f.out.join("feed.xml")).contains("Bài hai trăm"));
    assert_equals_clean_build(&f, &mut s);

    edit(
        &far,
        "updated: 2026-01-02\n",
        "updated: 2026-01-02\naudiences: [nguoi-dan]\n",
    );
    let r = s.apply(std::slice::from_ref(&far)).unwrap();
    assert!(r.pages * 10 < total, "{} of {total}", r.pages);
    assert!(read(&f.out.join("doi-tuong/nguoi-dan/index.html")).contains("Bài hai trăm"));
    assert_equals_clean_build(&f, &mut s);

    // Two explainers of one list saved together, each moving past the other.
    let (x, y) = (
        f.site.join("content/vi/kinh-te-so/bai-010.md"),
        f.site.join("content/vi/kinh-te-so/bai-011.md"),
    );
    edit(&x, "title: Bài 010\n", "title: Bài 010\nweight: 3\n");
    edit(&y, "title: Bài 011\n", "title: Bài 011\nweight: -3\n");
    s.apply(&[x, y]).unwrap();
    assert_equals_clean_build(&f, &mut s);
}

/// An edit whose listings could not all be written (here a folder in the way of the pillar
/// page; a full disk in life) is written in full by the next save, not just its own page.
#[test]
fn a_metadata_edit_that_failed_to_write_is_redone_in_full() {
    let (f, mut s) = fixture_session();
    let b = f.site.join("content/vi/kinh-te-so/b.md");
    let pillar = f.out.join("kinh-te-so/index.html");
    fs::remove_file(&pillar).unwrap();
    fs::create_dir(&pillar).unwrap();
    edit(&b, "title: Bán hàng trực tuyến", "title: Bán nông sản");
    assert!(s.apply(std::slice::from_ref(&b)).is_err());
    fs::remove_dir(&pillar).unwrap();
    edit(&b, "Bán được nhiều hơn.", "Bán được nhiều hơn nữa.");
    s.apply(std::slice::from_ref(&b)).unwrap();
    assert!(read(&pillar).contains("Bán nông sản"));
    assert_equals_clean_build(&f, &mut s);
}

/// A listing that gets shorter loses its last page in place, and one that gets longer
/// gains one, without a whole build.
#[test]
fn an_audience_edit_moves_pages_between_split_listings() {
    let (f, mut s) = fixture_session_with(|site| {
        add_to_config(site, "explainers_per_page: 1\n");
    });
    let business = f.out.join("doi-tuong/doanh-nghiep");
    let citizens = f.out.join("doi-tuong/nguoi-dan");
    assert!(business.join("2.html").is_file());
    assert!(!citizens.join("2.html").exists());

    let b = f.site.join("content/vi/kinh-te-so/b.md");
    edit(&b, "audiences: [doanh-nghiep]", "audiences: [nguoi-dan]");
    let r = s.apply(std::slice::from_ref(&b)).unwrap();
    assert_eq!(r.kind, RebuildKind::Pages);
    assert!(
        !business.join("2.html").exists(),
        "one explainer left: one page"
    );
    assert!(read(&citizens.join("2.html")).contains("Bán hàng trực tuyến"));
    assert_equals_clean_build(&f, &mut s);
}

/// The intro of a split listing is on its first page: an edit of it alone reaches that
/// page, though no explainer of the list changed.
#[test]
fn an_intro_edit_reaches_the_first_page_of_a_split_listing() {
    let (f, mut s) = fixture_session_with(|site| {
        add_to_config(site, "explainers_per_page: 1\n");
        add_numbered_explainers(site, 2);
    });
    let intro = f.site.join("content/vi/chung/_index.md");
    let text = read(&intro);
    fs::write(&intro, format!("{text}\nMột câu giới thiệu mới.\n")).unwrap();
    s.apply(std::slice::from_ref(&intro)).unwrap();
    assert!(read(&f.out.join("chung/index.html")).contains("Một câu giới thiệu mới."));
    assert_equals_clean_build(&f, &mut s);
}
