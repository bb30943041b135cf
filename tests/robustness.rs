//! No input makes loa panic: property tests over the pure stages (front matter split, the
//! question-and-answer split, link rewriting, configuration parsing), and huge inputs that
//! must finish.

use loa::markdown::{self, RenderOptions};
use proptest::prelude::*;

/// Text that looks like what authors write, with the characters that break parsers.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n".to_string()),
        Just("## ".to_string()),
        Just("### ".to_string()),
        Just("# ".to_string()),
        Just("{#id}".to_string()),
        Just("[a](b.md#c)".to_string()),
        Just("[x](../p/q.md)".to_string()),
        Just("![i](/a.png)".to_string()),
        Just("<script>".to_string()),
        Just("`code`".to_string()),
        Just("```\n".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("- [x] ".to_string()),
        Just("[^1]".to_string()),
        Just("\n\n".to_string()),
        Just("title: ".to_string()),
        Just("Đăng ký ".to_string()),
        Just("ការផ្លាស់ប្តូរ".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn resolve(path: &str, anchor: Option<&str>) -> Option<String> {
    Some(format!("../{path}#{}", anchor.unwrap_or("")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn splitting_and_rendering_never_panic(text in markdownish()) {
        if let Ok(split) = markdown::split_front_matter(&text) {
            let outline = markdown::outline(split.body);
            let rendered = markdown::render(split.body, &RenderOptions { allow_html: false, resolve: &resolve });
            // The loader and the renderer agree on the questions and their ids.
            let ids: Vec<&str> = outline.questions.iter().map(|q| q.id.as_str()).collect();
            let rendered_ids: Vec<&str> = rendered.questions.iter().map(|q| q.id.as_str()).collect();
            prop_assert_eq!(&ids, &rendered_ids);
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            prop_assert_eq!(unique.len(), ids.len(), "ids are unique");
            prop_assert!(!rendered.intro_html.contains("<script>"));
            let (_, sections) = markdown::source_sections(split.body);
            prop_assert_eq!(sections.len(), ids.len());
        }
    }

    #[test]
    fn config_parsing_never_panics(text in markdownish()) {
        let _ = loa::config::parse(&text);
    }

    #[test]
    fn search_terms_never_panic_and_fold_is_stable(text in "\\PC{0,80}") {
        let folded = loa::search::fold(&text);
        prop_assert_eq!(loa::search::fold(&folded), folded.clone());
        for lang in ["vi", "en", "km"] {
            let _ = loa::search::terms(&text, lang);
        }
    }

    #[test]
    fn slugs_are_always_safe_path_segments(text in "\\PC{0,60}") {
        let slug = markdown::slugify(&text);
        prop_assert!(!slug.contains('/') && !slug.contains('\\') && slug != "..");
    }
}

/// Builds a one-explainer site around `body` and returns whether `loa build` finished
/// (either way) without a panic.
fn build_with_body(body: &str) -> (bool, String) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(site.join("content/vi/p")).unwrap();
    std::fs::write(
        site.join("site.yaml"),
        "title: {vi: T}\nbase_url: https://a.vn/\ndefault_language: vi\nlanguages:\n  - code: vi\n    name: V\npillars:\n  - id: p\n    title: {vi: P}\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/vi/p/a.md"),
        format!("---\ntitle: A\n---\n{body}"),
    )
    .unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--source", site.to_str().unwrap(), "--output"])
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.success(), err)
}

#[test]
fn a_ten_thousand_deep_nested_list_builds() {
    let mut body = String::from("## Q\n\n");
    for depth in 0..10_000 {
        body.push_str(&"  ".repeat(depth.min(400)));
        body.push_str("- item\n");
    }
    let (ok, err) = build_with_body(&body);
    assert!(
        !err.contains("panicked") && !err.contains("overflow"),
        "{err}"
    );
    assert!(ok, "{err}");
}

#[test]
fn a_deeply_nested_quote_and_a_large_file_build() {
    let quote = format!("## Q\n\n{}deep\n", "> ".repeat(5_000));
    let (ok, err) = build_with_body(&quote);
    assert!(ok && !err.contains("panicked"), "{err}");
    // 20 MB of text in one explainer (a 50 MB file behaves the same, more slowly).
    let line = "Chuyển đổi số là việc dùng công nghệ số và dữ liệu để thay đổi cách làm việc.\n\n";
    let big = format!("## Q\n\n{}", line.repeat(20 * 1024 * 1024 / line.len()));
    let (ok, err) = build_with_body(&big);
    assert!(ok && !err.contains("panicked"), "{err}");
}

#[test]
fn binary_garbage_is_a_message_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    std::fs::create_dir_all(site.join("content/vi/p")).unwrap();
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(site.join("site.yaml"), &garbage).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--source"])
        .arg(site)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("site.yaml"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
