//! The translator's workflow: missing, stale and mismatched translations, stamping, and
//! the skeletons `loa new` writes.

mod common;

use std::fs;

use common::*;

fn json_report(site: &std::path::Path) -> serde_json::Value {
    let o = loa(&[
        "translations",
        "--source",
        site.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON report")
}

fn language<'a>(report: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    report["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["language"] == code)
        .unwrap()
}

fn paths(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn reports_missing_then_stale_after_the_source_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    let s = site.to_str().unwrap();

    let r = json_report(&site);
    assert_eq!(r["source_language"], "vi");
    let en = language(&r, "en");
    assert_eq!(
        (en["explainers"].as_u64(), en["translated"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(paths(&en["missing"]), ["content/vi/kinh-te-so/b.md"]);
    assert_eq!(paths(&en["unstamped"]), ["content/en/chung/a.md"]);
    assert_eq!(language(&r, "km")["translated"].as_u64(), Some(0));

    let o = loa(&[
        "translations",
        "--source",
        s,
        "--mark",
        "content/en/chung/a.md",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = read(&site.join("content/en/chung/a.md"));
    assert!(text.contains("\ntranslated_from: "), "{text}");
    let en = language(&json_report(&site), "en").clone();
    assert!(paths(&en["unstamped"]).is_empty());
    assert!(paths(&en["stale"]).is_empty());

    // The Vietnamese source changes: the English translation is now stale.
    let src = site.join("content/vi/chung/a.md");
    fs::write(
        &src,
        read(&src).replace("Là dùng công nghệ số.", "Là dùng công nghệ số và dữ liệu."),
    )
    .unwrap();
    let en = language(&json_report(&site), "en").clone();
    assert_eq!(paths(&en["stale"]), ["content/en/chung/a.md"]);

    let o = loa(&["translations", "--source", s]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("en: 1/2 explainers translated, 3/5 questions"),
        "{out}"
    );
    assert!(
        out.contains("stale, the source changed after it was translated: content/en/chung/a.md"),
        "{out}"
    );
}

#[test]
fn a_different_number_of_questions_names_both_files() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    let t = site.join("content/en/chung/a.md");
    fs::write(
        &t,
        read(&t).replace("## Does it cost anything? {#co-mat-phi-khong}\n\nNo.\n", ""),
    )
    .unwrap();
    let o = loa(&[
        "translations",
        "--source",
        site.to_str().unwrap(),
        "--lang",
        "vi",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("content/en/chung/a.md có 2 câu hỏi nhưng bản gốc content/vi/chung/a.md có 3"),
        "{out}"
    );
}

#[test]
fn new_translation_skeleton_is_stamped_and_keeps_question_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    let s = site.to_str().unwrap();
    let o = loa(&[
        "new",
        "--source",
        s,
        "--translate",
        "content/vi/kinh-te-so/b.md",
        "en",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let skeleton = read(&site.join("content/en/kinh-te-so/b.md"));
    assert!(skeleton.contains("draft: true\n"));
    assert!(skeleton.contains("## Lợi ích là gì? {#loi-ich}\n"));
    assert!(
        skeleton
            .contains("## Bắt đầu từ đâu? {#bat-dau-tu-dau}\n\nTừ [bài chung](../chung/a.md).\n")
    );
    // Freshly made from the current source: stamped, so not stale and not unstamped.
    let en = language(&json_report(&site), "en").clone();
    assert_eq!(paths(&en["drafts"]), ["content/en/kinh-te-so/b.md"]);
    assert!(paths(&en["missing"]).is_empty() && paths(&en["stale"]).is_empty());
    // It builds (as a draft, only with --drafts) and its links resolve.
    let out = tmp.path().join("out");
    build(&site, &out, &["--drafts"]);
    assert!(
        read(&out.join("en/kinh-te-so/b/index.html"))
            .contains("href=\"../../../en/chung/what-is/\"")
    );
    // Never over an existing file.
    let again = loa(&[
        "new",
        "--source",
        s,
        "--translate",
        "content/vi/kinh-te-so/b.md",
        "en",
    ]);
    assert!(!again.status.success());
}

#[test]
fn new_explainer_is_created_where_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    let s = site.to_str().unwrap();
    let o = loa(&["new", "--source", s, "vi/kinh-te-so/ban-hang-online"]);
    assert!(o.status.success());
    let text = read(&site.join("content/vi/kinh-te-so/ban-hang-online.md"));
    assert!(text.starts_with("---\ntitle: ban hang online\n"));
    let bad = loa(&["new", "--source", s, "vi/khong-co/x"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("<language>/<pillar>/<name>"));
}
