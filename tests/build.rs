//! `loa build` on small fixture sites: what it writes, how pages link, and what happens
//! when the input is broken.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

fn built_basic() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build(&fixture("basic"), &out, &[]);
    (tmp, out)
}

#[test]
fn writes_every_kind_of_page_in_every_language() {
    let (_tmp, out) = built_basic();
    for path in [
        "index.html",
        "en/index.html",
        "km/index.html",
        "chung/index.html",
        "en/chung/index.html",
        "chung/a/index.html",
        "en/chung/what-is/index.html",
        "km/chung/a/index.html",
        "kinh-te-so/b/index.html",
        "en/kinh-te-so/b/index.html",
        "doi-tuong/nguoi-dan/index.html",
        "en/doi-tuong/doanh-nghiep/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "feed.xml",
        "en/feed.xml",
        "style.css",
    ] {
        assert!(out.join(path).is_file(), "missing {path}");
    }
    assert!(
        !out.join("kinh-te-so/nhap").exists(),
        "drafts are not built"
    );
    // Slug override: the English page lives at its own slug, not the file name.
    assert!(!out.join("en/chung/a").exists());
}

#[test]
fn explainer_page_has_metadata_questions_and_self_links() {
    let (_tmp, out) = built_basic();
    let html = read(&out.join("chung/a/index.html"));
    assert!(html.starts_with("<!doctype html>\n<html lang=\"vi\" dir=\"ltr\">"));
    assert!(html.contains("<title>Chuyển đổi số là gì? | Hỏi đáp thử</title>"));
    assert!(html.contains("<meta name=\"description\" content=\"Bài thử với ba câu hỏi.\">"));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://example.gov.vn/cds/chung/a/\">"));
    assert!(html.contains("<meta property=\"og:title\" content=\"Chuyển đổi số là gì?\">"));
    assert!(html.contains("<meta property=\"og:locale\" content=\"vi_VN\">"));
    for id in ["chuyen-doi-so-la-gi", "dang-ky", "co-mat-phi-khong"] {
        assert!(
            html.contains(&format!("<details class=\"qa\" id=\"{id}\" open>")),
            "{id}"
        );
        assert!(
            html.contains(&format!("<a class=\"self\" href=\"#{id}\"")),
            "{id}"
        );
    }
    // GFM extensions are on.
    assert!(html.contains("<table>"));
    assert!(html.contains("<del>bước cũ</del>"));
    assert!(html.contains("type=\"checkbox\""));
    assert!(html.contains("footnote-definition"));
    // Breadcrumbs lead home and to the pillar, with the pillar's own title.
    assert!(html.contains("<li><a href=\"../../\">Hỏi đáp thử</a></li>"));
    assert!(html.contains("<li><a href=\"../../chung/\">Những điều chung</a></li>"));
    assert!(html.contains("Cập nhật ngày 20 tháng 11 năm 2026"));
}

#[test]
fn json_ld_lists_every_question_with_its_answer() {
    let (_tmp, out) = built_basic();
    let html = read(&out.join("chung/a/index.html"));
    let ld = json_ld(&html).expect("FAQPage JSON-LD");
    assert_eq!(ld["@type"], "FAQPage");
    let names: Vec<&str> = ld["mainEntity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Chuyển đổi số là gì?",
            "Đăng ký thế nào?",
            "Có mất phí không?"
        ]
    );
    let first = ld["mainEntity"][0]["acceptedAnswer"]["text"]
        .as_str()
        .unwrap();
    assert!(first.starts_with("Là dùng công nghệ số."), "{first}");
}

#[test]
fn raw_html_from_contributors_is_escaped() {
    let (_tmp, out) = built_basic();
    let html = read(&out.join("chung/a/index.html"));
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert"));
}

#[test]
fn md_links_become_page_links_in_the_same_language() {
    let (_tmp, out) = built_basic();
    let vi = read(&out.join("chung/a/index.html"));
    assert!(vi.contains("href=\"../../kinh-te-so/b/#loi-ich\""));
    assert!(vi.contains("href=\"../../chung/a/#chuyen-doi-so-la-gi\""));
    let en = read(&out.join("en/chung/what-is/index.html"));
    assert!(en.contains("href=\"../../../en/kinh-te-so/b/#loi-ich\""));
    // The Vietnamese-only page, shown in the English site, links to English pages.
    let fallback = read(&out.join("en/kinh-te-so/b/index.html"));
    assert!(fallback.contains("href=\"../../../en/chung/what-is/\""));
}

#[test]
fn hreflang_alternates_are_reciprocal_and_skip_fallbacks() {
    let (_tmp, out) = built_basic();
    let base = "https://example.gov.vn/cds/";
    let file_of = |url: &str| out.join(url.strip_prefix(base).unwrap()).join("index.html");
    let mut checked = 0;
    for file in html_files(&out) {
        let html = read(&file);
        let alts = alternates(&html);
        for (lang, href) in alts.iter().filter(|(l, _)| l != "x-default") {
            let other = read(&file_of(href));
            assert!(other.contains(&format!("<html lang=\"{lang}\"")), "{href}");
            let back = alternates(&other);
            let me = alts.iter().find(|(_, h)| file_of(h) == file);
            if me.is_none() {
                // Only a fallback copy is not among the translations it lists.
                assert!(
                    html.contains("class=\"notice\""),
                    "{} does not list itself",
                    file.display()
                );
                continue;
            }
            assert!(
                back.contains(me.unwrap()),
                "{href} does not link back to {}",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} alternates checked");
    let en_a = alternates(&read(&out.join("en/chung/what-is/index.html")));
    assert!(en_a.contains(&("x-default".into(), format!("{base}chung/a/"))));
    assert!(
        !en_a.iter().any(|(l, _)| l == "km"),
        "km has only a fallback"
    );
}

#[test]
fn missing_translation_shows_the_default_language_with_a_notice() {
    let (_tmp, out) = built_basic();
    let html = read(&out.join("en/kinh-te-so/b/index.html"));
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\""));
    assert!(html.contains("<article class=\"explainer\" lang=\"vi\""));
    assert!(html.contains(
        "<p class=\"notice\" role=\"note\" lang=\"en\" dir=\"ltr\">This page has not been translated into English yet."
    ));
    assert!(html.contains("<h1>Bán hàng trực tuyến</h1>"));
    // Its canonical address is the original, and the sitemap does not list the copy.
    assert!(
        html.contains("<link rel=\"canonical\" href=\"https://example.gov.vn/cds/kinh-te-so/b/\">")
    );
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.gov.vn/cds/kinh-te-so/b/</loc>"));
    assert!(!sitemap.contains("cds/en/kinh-te-so/b/"));
    // Khmer falls back through its chain; its UI strings come from Khmer where present.
    let km = read(&out.join("km/chung/a/index.html"));
    assert!(km.contains("<article class=\"explainer\" lang=\"vi\""));
    assert!(km.contains("ទំព័រនេះមិនទាន់បានបកប្រែជាភាសាខ្មែរ"));
}

#[test]
fn sitemap_has_alternates_and_feeds_are_per_language() {
    let (_tmp, out) = built_basic();
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/cds/en/chung/what-is/\"/>"
    ));
    let robots = read(&out.join("robots.txt"));
    assert!(robots.contains("Sitemap: https://example.gov.vn/cds/sitemap.xml"));
    let feed = read(&out.join("feed.xml"));
    let a = feed.find("cds/chung/a/").unwrap();
    let b = feed.find("cds/kinh-te-so/b/").unwrap();
    assert!(a < b, "newest first");
    assert!(feed.contains("<updated>2026-11-20T00:00:00Z</updated>"));
    let en_feed = read(&out.join("en/feed.xml"));
    assert!(en_feed.contains("xml:lang=\"en\""));
    assert!(
        !en_feed.contains("kinh-te-so/b/"),
        "fallbacks are not in the feed"
    );
}

#[test]
fn feeds_list_the_newest_explainers_up_to_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    add_numbered_explainers(&site, 3);
    let config = add_to_config(&site, "feed_limit: 2\n");
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    let feed = read(&out.join("feed.xml"));
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");
    // `a.md` is the most recently updated explainer of the fixture.
    assert!(feed.contains("cds/chung/a/"), "{feed}");

    fs::write(
        &config,
        read(&config).replace("feed_limit: 2", "feed_limit: 0"),
    )
    .unwrap();
    build(&site, &out, &[]);
    let feed = read(&out.join("feed.xml"));
    assert_eq!(
        feed.matches("<entry>").count(),
        5,
        "every explainer: {feed}"
    );
}

#[test]
fn listings_show_explainers_by_weight_and_every_question_on_home() {
    let (_tmp, out) = built_basic();
    let home = read(&out.join("index.html"));
    for q in [
        "Chuyển đổi số là gì?",
        "Đăng ký thế nào?",
        "Lợi ích là gì?",
        "Bắt đầu từ đâu?",
    ] {
        assert!(home.contains(q), "home lists {q}");
    }
    assert!(home.contains("href=\"./chung/a/#dang-ky\""));
    let audience = read(&out.join("doi-tuong/doanh-nghiep/index.html"));
    let a = audience.find("Chuyển đổi số là gì?").unwrap();
    let b = audience.find("Bán hàng trực tuyến").unwrap();
    assert!(a < b);
    let citizens = read(&out.join("doi-tuong/nguoi-dan/index.html"));
    assert!(!citizens.contains("Bán hàng trực tuyến"));
    let en_pillar = read(&out.join("en/kinh-te-so/index.html"));
    assert!(en_pillar.contains("lang=\"vi\">Bán hàng trực tuyến</a> <small class=\"untranslated\">not yet translated</small>"));
    // The site's own Fluent file overrides the theme's message.
    assert!(read(&out.join("en/index.html")).contains("Site feed"));
}

/// Follows every relative href of every page on disk: it must reach a file, and an
/// `#anchor` must name an element of that file.
fn assert_links_resolve(out: &Path, portable: bool) {
    let mut followed = 0;
    for file in html_files(out) {
        if file.ends_with("404.html") {
            continue;
        }
        let html = read(&file);
        for href in attr_values(&html, "href") {
            if href.starts_with("http") || href.starts_with("mailto:") {
                continue;
            }
            let (path, anchor) = match href.split_once('#') {
                Some((p, a)) => (p.to_string(), Some(a.to_string())),
                None => (href.clone(), None),
            };
            let target = if path.is_empty() {
                file.clone()
            } else {
                let t = file.parent().unwrap().join(&path);
                if portable && ![".css", ".xml", ".svg"].iter().any(|x| path.ends_with(x)) {
                    // A file, never a folder: `file://` shows no folder's index.
                    assert!(path.ends_with(".html"), "{href} in {}", file.display());
                }
                if path.ends_with('/') {
                    t.join("index.html")
                } else {
                    t
                }
            };
            let target = target
                .canonicalize()
                .unwrap_or_else(|_| panic!("{href} in {} leads nowhere", file.display()));
            assert!(
                target.starts_with(out.canonicalize().unwrap()),
                "{href} leaves the site"
            );
            if let Some(a) = anchor {
                let t = read(&target);
                assert!(
                    t.contains(&format!("id=\"{a}\"")),
                    "#{a} missing in {}",
                    target.display()
                );
            }
            followed += 1;
        }
    }
    assert!(followed > 100, "only {followed} links followed");
}

#[test]
fn every_relative_link_resolves_on_disk() {
    let (_tmp, out) = built_basic();
    assert_links_resolve(&out, false);
}

#[test]
fn portable_build_links_to_explicit_index_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("usb");
    build(&fixture("basic"), &out, &["--portable"]);
    assert_links_resolve(&out, true);
    let html = read(&out.join("chung/a/index.html"));
    assert!(html.contains("href=\"../../kinh-te-so/b/index.html#loi-ich\""));
    assert!(html.contains("href=\"../../index.html\""));
}

#[test]
fn not_found_page_uses_the_sites_path() {
    let (_tmp, out) = built_basic();
    let html = read(&out.join("404.html"));
    assert!(html.contains("Không tìm thấy trang"));
    assert!(html.contains("href=\"/cds/style.css\""));
    assert!(html.contains("href=\"/cds/en/\""));
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&fixture("basic"), &a, &[]);
    build(&fixture("basic"), &b, &[]);
    assert!(snapshot(&a).len() > 20);
    assert_same_files(&a, &b);
}

/// Rebuilding into the same folder: pages that came out the same are the files they were
/// (linked from the last output, keeping their date for rsync and browsers), an edited
/// page is new, and the result is what a build into an empty folder writes.
#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_replaces_edited_ones() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    let out = tmp.path().join("public");
    build(&site, &out, &[]);
    let ino = |rel: &str| fs::metadata(out.join(rel)).unwrap().ino();
    let (kept, edited) = ("kinh-te-so/b/index.html", "chung/a/index.html");
    let (kept_before, edited_before) = (ino(kept), ino(edited));

    let page = site.join("content/vi/chung/a.md");
    fs::write(
        &page,
        read(&page).replace("Là dùng công nghệ số.", "Là dùng dữ liệu số."),
    )
    .unwrap();
    build(&site, &out, &[]);
    assert_eq!(
        ino(kept),
        kept_before,
        "an unchanged page was written again"
    );
    assert_ne!(ino(edited), edited_before);
    assert!(read(&out.join(edited)).contains("Là dùng dữ liệu số."));
    assert_eq!(fs::metadata(out.join(kept)).unwrap().nlink(), 1);

    let fresh = tmp.path().join("fresh");
    build(&site, &fresh, &[]);
    assert_same_files(&out, &fresh);
}

#[test]
fn base_url_option_overrides_the_config() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    build(
        &fixture("basic"),
        &out,
        &[
            "--base-url",
            "https://tuyentruyen.example.gov.vn/chuyen-doi-so/",
        ],
    );
    let html = read(&out.join("chung/a/index.html"));
    assert!(html.contains("href=\"https://tuyentruyen.example.gov.vn/chuyen-doi-so/chung/a/\""));
    assert!(read(&out.join("404.html")).contains("href=\"/chuyen-doi-so/style.css\""));
}

#[test]
fn a_broken_build_leaves_the_last_good_output_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    let out = tmp.path().join("public");
    build(&site, &out, &[]);
    let before = snapshot(&out);

    let page = site.join("content/vi/chung/a.md");
    let text = read(&page).replace("title: Chuyển đổi số là gì?\n", "");
    fs::write(&page, text).unwrap();
    fs::write(
        site.join("content/vi/kinh-te-so/c.md"),
        "---\ntitle: C\naudiences: [nguoi-dan, doanh-nghiepp]\n---\n## Q\n\n[x](khong-co.md)\n",
    )
    .unwrap();
    let err = build_fails(&site, &out);
    // Every error of the run is reported, each with its file and line.
    assert!(
        err.contains("content/vi/chung/a.md:2: error: `title` is missing"),
        "{err}"
    );
    assert!(
        err.contains("content/vi/kinh-te-so/c.md:3: error: unknown audience `doanh-nghiepp` (did you mean `doanh-nghiep`?)"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    assert_eq!(snapshot(&out), before, "the old output was changed");
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !leftovers.iter().any(|n| n.contains("staging")),
        "{leftovers:?}"
    );
}

#[test]
fn errors_point_at_file_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    let out = tmp.path().join("public");
    // A YAML mistake on the 4th line of the file (3rd of the front matter), column 9.
    fs::write(
        site.join("content/vi/chung/a.md"),
        "---\ntitle: A\nsummary: x\nweight: [1\n---\n## Q\n",
    )
    .unwrap();
    fs::write(
        site.join("content/vi/kinh-te-so/b.md"),
        "---\ntitle: B\nautor: me\n---\n## Q\n\nSee [gone](../chung/khong-co.md#x).\n",
    )
    .unwrap();
    fs::write(
        site.join("content/en/chung/a.md"),
        "---\ntitle: A\n---\n\n## Q\n\n[a](../kinh-te-so/b.md#khong-co)\n",
    )
    .unwrap();
    let err = build_fails(&site, &out);
    assert!(
        err.contains("content/vi/chung/a.md:4:9: error: the front matter is not valid YAML"),
        "{err}"
    );
    assert!(
        err.contains("content/vi/kinh-te-so/b.md:3:1: error: unknown front matter key `autor`"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written by a failed first build");

    fs::write(
        site.join("content/vi/kinh-te-so/b.md"),
        "---\ntitle: B\n---\nIntro\n\n## Q\n\nSee [gone](../chung/khong-co.md#x).\n",
    )
    .unwrap();
    fs::write(
        site.join("content/vi/chung/a.md"),
        "---\ntitle: A\n---\n## Q\n",
    )
    .unwrap();
    let err = build_fails(&site, &out);
    assert!(err.contains("content/vi/kinh-te-so/b.md:8: error: link to `../chung/khong-co.md#x`, which does not exist"), "{err}");
    assert!(err.contains("content/en/chung/a.md:7: error: link to `../kinh-te-so/b.md`: that page has no question or heading `#khong-co`"), "{err}");
}

#[test]
fn slugs_that_escape_the_output_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    fs::write(
        site.join("content/vi/chung/x.md"),
        "---\ntitle: X\nslug: ../../etc\n---\n## Q\n",
    )
    .unwrap();
    let out = tmp.path().join("public");
    let err = build_fails(&site, &out);
    assert!(
        err.contains("content/vi/chung/x.md:3: error: the slug `../../etc`"),
        "{err}"
    );
}

#[test]
fn init_writes_a_starter_site_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-site");
    let o = loa(&["init", dir.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(dir.join("site.yaml").is_file());
    let out = tmp.path().join("out");
    build(&dir, &out, &[]);
    let html = read(&out.join("chuyen-doi-so/chuyen-doi-so-la-gi/index.html"));
    assert!(html.contains("<h1>Chuyển đổi số là gì?</h1>"));
    // A second init must not overwrite an author's work.
    let again = loa(&["init", dir.to_str().unwrap()]);
    assert!(!again.status.success());
}

#[test]
fn missing_site_yaml_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let o = loa(&["build", "--source", tmp.path().to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("site.yaml: error: site.yaml is missing"));
}

/// A theme of the site's own, to test what templates and Fluent files can get wrong.
fn site_with_theme(tmp: &Path, home: &str, ftl: &str) -> PathBuf {
    let site = copy_fixture("basic", tmp);
    let theme = site.join("themes/t");
    fs::create_dir_all(theme.join("templates")).unwrap();
    fs::create_dir_all(theme.join("locales/vi")).unwrap();
    for name in [
        "pillar.html",
        "audience.html",
        "explainer.html",
        "404.html",
        "booklet.html",
    ] {
        fs::write(theme.join("templates").join(name), "{{ title }}").unwrap();
    }
    fs::write(theme.join("templates/home.html"), home).unwrap();
    fs::write(theme.join("locales/vi/t.ftl"), ftl).unwrap();
    let config = read(&site.join("site.yaml"));
    fs::write(site.join("site.yaml"), format!("{config}theme: t\n")).unwrap();
    site
}

/// A rebuild that fails while rendering, after unchanged files were linked into its staging
/// folder, leaves the last good output as it was: same bytes, same files, one name each.
#[cfg(unix)]
#[test]
fn a_rebuild_that_fails_while_rendering_leaves_the_last_output_alone() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with_theme(tmp.path(), "HOME", "hello = Xin chào\n");
    let out = tmp.path().join("public");
    build(&site, &out, &[]);
    let before = snapshot(&out);
    let page = out.join("chung/a/index.html");
    let inode = fs::metadata(&page).unwrap().ino();

    let templates = site.join("themes/t/templates");
    fs::write(templates.join("pillar.html"), "{{ t(key=\"khong-co\") }}").unwrap();
    let err = build_fails(&site, &out);
    assert!(err.contains("`khong-co` exists in no language"), "{err}");
    assert_eq!(snapshot(&out), before, "the old output was changed");
    let meta = fs::metadata(&page).unwrap();
    assert_eq!((meta.ino(), meta.nlink()), (inode, 1));
    let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "only the site and its output: {names:?}");
}

#[test]
fn a_message_missing_in_every_language_names_template_and_key() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with_theme(
        tmp.path(),
        "<p>\n{{ t(key=\"hello\") }}\n{{ t(key=\"khong-co\") }}</p>",
        "hello = Xin chào\n",
    );
    let err = build_fails(&site, &tmp.path().join("o"));
    assert!(err.contains("themes/t/templates/home.html:3:"), "{err}");
    assert!(err.contains("`khong-co` exists in no language"), "{err}");
}

#[test]
fn fluent_syntax_errors_have_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with_theme(
        tmp.path(),
        "{{ t(key=\"hello\") }}",
        "hello = Xin chào\nbroken = { $x\n",
    );
    let err = build_fails(&site, &tmp.path().join("o"));
    assert!(err.contains("themes/t/locales/vi/t.ftl:2:"), "{err}");
    assert!(err.contains("Fluent syntax error"), "{err}");
}

#[test]
fn the_site_theme_replaces_the_built_in_one_and_pages_render_through_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with_theme(
        tmp.path(),
        "HOME {{ t(key=\"hello\") }}",
        "hello = Xin chào\n",
    );
    let out = tmp.path().join("o");
    build(&site, &out, &[]);
    assert_eq!(read(&out.join("index.html")), "HOME Xin chào");
    // English has no such message: it falls back along the chain to Vietnamese.
    assert_eq!(read(&out.join("en/index.html")), "HOME Xin chào");
    assert_eq!(
        read(&out.join("chung/a/index.html")),
        "Chuyển đổi số là gì?"
    );
}

/// Past 300 explainers a language's home page shows the first ten of each pillar with their
/// questions and links to the pillar page, whose pages list them all.
#[test]
fn a_large_sites_home_page_stays_small_and_links_every_pillar() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    add_numbered_explainers(&site, 301);
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    let home = read(&out.join("index.html"));
    assert!(home.contains("Câu hỏi số 009?"), "the first ten are listed");
    assert!(!home.contains("Câu hỏi số 010?"), "the eleventh is not");
    assert!(
        home.contains("Chuyển đổi số là gì?"),
        "small pillars are whole"
    );
    assert!(home.contains("<a href=\"./kinh-te-so/\">Xem cả 302 bài hỏi đáp"));
    assert!(
        !home.contains("Tất cả câu hỏi"),
        "the heading no longer says all"
    );
    // The pillar's pages, 50 explainers to a page, list every one of them.
    let pillar = read(&out.join("kinh-te-so/7.html"));
    assert!(pillar.contains("Bài 300"), "{pillar}");
    assert!(!out.join("kinh-te-so/8.html").exists());
    // English shows the Vietnamese explainers as fallbacks, so it is past the limit too.
    let en = read(&out.join("en/index.html"));
    assert!(en.contains("<a href=\"../en/kinh-te-so/\">All 302 explainers on this topic</a>"));
    assert!(!en.contains("All questions"));
}

/// A theme's `entry.html` renders each explainer of pillar and audience lists once; the
/// lists get them joined as `explainers_html`, with links right from both depths. A theme
/// without it loops over `explainers` itself.
#[test]
fn list_entries_render_through_entry_html_or_the_themes_own_loop() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with_theme(tmp.path(), "HOME", "hello = Xin chào\n");
    let templates = site.join("themes/t/templates");
    let list = "{{ kind }}:{{ explainers_html | safe }}";
    fs::write(templates.join("pillar.html"), list).unwrap();
    fs::write(templates.join("audience.html"), list).unwrap();
    fs::write(
        templates.join("entry.html"),
        "[{{ kind }} {{ lang }} <a href=\"{{ root }}{{ e.url }}\">{{ e.title }}</a>]",
    )
    .unwrap();
    let out = tmp.path().join("o");
    build(&site, &out, &[]);
    assert_eq!(
        read(&out.join("chung/index.html")),
        "pillar:[pillar vi <a href=\"../chung/a/\">Chuyển đổi số là gì?</a>]"
    );
    // Audience pages are a folder deeper, and list by pillar, then weight.
    assert_eq!(
        read(&out.join("en/doi-tuong/doanh-nghiep/index.html")),
        "audience:[audience en <a href=\"../../../en/chung/what-is/\">What is digital transformation?</a>]\
         [audience en <a href=\"../../../en/kinh-te-so/b/\">Bán hàng trực tuyến</a>]"
    );

    // Without `entry.html`, `explainers` is still there to loop over.
    fs::remove_file(templates.join("entry.html")).unwrap();
    let list = "{% for e in explainers %}({{ e.title }}){% endfor %}";
    fs::write(templates.join("pillar.html"), list).unwrap();
    build(&site, &out, &[]);
    assert_eq!(
        read(&out.join("kinh-te-so/index.html")),
        "(Bán hàng trực tuyến)"
    );
}

#[test]
fn an_error_in_entry_html_names_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with_theme(tmp.path(), "HOME", "hello = Xin chào\n");
    let templates = site.join("themes/t/templates");
    fs::write(templates.join("pillar.html"), "{{ explainers_html }}").unwrap();
    fs::write(
        templates.join("entry.html"),
        "<li>\n{{ t(key=\"khong-co\") }}</li>",
    )
    .unwrap();
    let err = build_fails(&site, &tmp.path().join("o"));
    assert!(err.contains("themes/t/templates/entry.html:2:"), "{err}");
    assert!(err.contains("`khong-co` exists in no language"), "{err}");
}

/// The explainers a listing page shows, by their links, in order.
fn listed_links(html: &str) -> Vec<String> {
    let start = html.find("<ul class=\"explainers\">").expect("a listing");
    let end = start + html[start..].find("</ul>").unwrap();
    attr_values(&html[start..end], "href")
}

#[test]
fn long_listings_are_split_into_pages_linked_by_a_pager() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    add_numbered_explainers(&site, 4);
    let config = add_to_config(&site, "explainers_per_page: 0\n");
    let whole = tmp.path().join("whole");
    build(&site, &whole, &[]);
    let every = listed_links(&read(&whole.join("kinh-te-so/index.html")));
    assert_eq!(every.len(), 5, "b.md and four more: {every:?}");
    assert!(!whole.join("kinh-te-so/2.html").exists());

    fs::write(
        &config,
        read(&config).replace("explainers_per_page: 0", "explainers_per_page: 2"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    let dir = out.join("kinh-te-so");
    let parts: Vec<String> = ["index.html", "2.html", "3.html"]
        .iter()
        .map(|f| read(&dir.join(f)))
        .collect();
    assert!(
        !dir.join("4.html").exists(),
        "five entries make three pages"
    );
    // Every entry once, in the order of the whole list, two to a page.
    let shown: Vec<Vec<String>> = parts.iter().map(|h| listed_links(h)).collect();
    assert_eq!(shown.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    assert_eq!(shown.concat(), every);

    let first = &parts[0];
    assert!(
        first.contains("<title>Kinh tế số | Hỏi đáp thử</title>"),
        "{first}"
    );
    assert!(
        first.contains("<a rel=\"next\" href=\"2.html\">"),
        "{first}"
    );
    assert!(!first.contains("rel=\"prev\""));
    assert!(first.contains(
        "<span aria-current=\"page\"><span class=\"vh\">Trang 1</span><span aria-hidden=\"true\">1</span></span>"
    ));
    let second = &parts[1];
    assert!(
        second.contains("<title>Kinh tế số, trang 2/3 | Hỏi đáp thử</title>"),
        "{second}"
    );
    assert!(second.contains("<a rel=\"prev\" href=\"./\">"), "{second}");
    assert!(second.contains("<a rel=\"next\" href=\"3.html\">"));
    assert!(second.contains(
        "<link rel=\"canonical\" href=\"https://example.gov.vn/cds/kinh-te-so/2.html\">"
    ));
    // The other languages split their own lists elsewhere: no translations of page 2.
    assert!(alternates(second).is_empty(), "{second}");
    assert!(!alternates(first).is_empty());
    let last = &parts[2];
    assert!(last.contains("<a rel=\"prev\" href=\"2.html\">"));
    assert!(!last.contains("rel=\"next\""));
    // Entries link from the listing's folder, the same on every page of it.
    assert!(
        shown[2].iter().all(|l| l.starts_with("../kinh-te-so/")),
        "{shown:?}"
    );
    // The audience of two explainers fits one page: no pager.
    let audience = read(&out.join("doi-tuong/doanh-nghiep/index.html"));
    assert!(!audience.contains("class=\"pager pages\""), "{audience}");
    assert!(!out.join("doi-tuong/doanh-nghiep/2.html").exists());

    // From a USB stick there is no folder index: the first page is named.
    let portable = tmp.path().join("portable");
    build(&site, &portable, &["--portable"]);
    let second = read(&portable.join("kinh-te-so/2.html"));
    assert!(
        second.contains("<a rel=\"prev\" href=\"index.html\">"),
        "{second}"
    );
    assert_links_resolve(&out, false);
    assert_links_resolve(&portable, true);
    // The later pages start the list where the page before ends, with no intro.
    assert!(!second.contains("class=\"intro\""));

    // A rebuild with the list on one page again leaves no page of the old split.
    fs::write(
        &config,
        read(&config).replace("explainers_per_page: 2", "explainers_per_page: 0"),
    )
    .unwrap();
    build(&site, &out, &[]);
    assert!(!dir.join("2.html").exists());
    assert_eq!(listed_links(&read(&dir.join("index.html"))), every);
}

/// A site's own theme from before listings were split shows only their first page: the
/// build says so, naming the theme's template, and still succeeds.
#[test]
fn a_theme_without_a_pager_is_warned_about_when_listings_are_split() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    add_numbered_explainers(&site, 3);
    let config = add_to_config(&site, "theme: old\nexplainers_per_page: 2\n");
    let theme = site.join("themes/old");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &theme,
    );
    fs::write(
        theme.join("templates/listing.html"),
        "<ul class=\"explainers\">\n{{ explainers_html }}</ul>\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = build(&site, &out, &[]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("themes/old/templates/pillar.html") && said.contains("`pager`"),
        "{said}"
    );
    assert!(out.join("kinh-te-so/2.html").is_file());

    // With the default theme's pager, nothing to say.
    fs::write(&config, read(&config).replace("theme: old\n", "")).unwrap();
    let said = String::from_utf8_lossy(&build(&site, &out, &[]).stderr).into_owned();
    assert!(!said.contains("`pager`"), "{said}");
}
