//! Helpers shared by the integration tests: run the real `loa` binary on a fixture site
//! and read what it wrote.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of a fixture in a temporary folder, so a test can change it.
pub fn copy_fixture(name: &str, into: &Path) -> PathBuf {
    let dest = into.join(name);
    copy_dir(&fixture(name), &dest);
    dest
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Adds `count` small Vietnamese explainers (`bai-000` …) to the basic fixture's digital
/// economy pillar: enough of them take a site past the home page's limit.
pub fn add_numbered_explainers(site: &Path, count: usize) {
    for i in 0..count {
        fs::write(
            site.join(format!("content/vi/kinh-te-so/bai-{i:03}.md")),
            format!("---\ntitle: Bài {i:03}\n---\n## Câu hỏi số {i:03}?\n\nTrả lời.\n"),
        )
        .unwrap();
    }
}

/// Appends `lines` to the site's `site.yaml`; returns its path, for later edits.
pub fn add_to_config(site: &Path, lines: &str) -> PathBuf {
    let config = site.join("site.yaml");
    fs::write(&config, read(&config) + lines).unwrap();
    config
}

pub fn loa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LOA_LANG")
        .output()
        .expect("run loa")
}

/// Builds `site` into `out`, failing the test with loa's output if it fails.
pub fn build(site: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--source",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = loa(&args);
    assert!(
        o.status.success(),
        "loa build failed:\n{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every file under `dir`, relative path → bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    v.sort();
    v
}

/// Values of `attr="…"` in order of appearance (HTML-escaped `&amp;` undone).
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.push(rest[..end].replace("&amp;", "&").replace("&#x2F;", "/"));
        rest = &rest[end..];
    }
    out
}

/// `(hreflang, href)` of every `<link rel="alternate" hreflang=…>` in a page.
pub fn alternates(html: &str) -> Vec<(String, String)> {
    html.lines()
        .filter(|l| l.starts_with("<link rel=\"alternate\" hreflang="))
        .map(|l| {
            (
                attr_values(l, "hreflang")[0].clone(),
                attr_values(l, "href")[0].clone(),
            )
        })
        .collect()
}

/// The text of the first `<script type="application/ld+json">`.
pub fn json_ld(html: &str) -> Option<serde_json::Value> {
    let start = html.find("<script type=\"application/ld+json\">")?;
    let rest = &html[start..];
    let body = &rest[rest.find('>')? + 1..rest.find("</script>")?];
    Some(serde_json::from_str(body).expect("JSON-LD parses"))
}

/// Runs a build that must fail: no output written where there was none, no panic.
/// Returns what it said on stderr.
pub fn build_fails(site: &Path, out: &Path) -> String {
    let o = loa(&[
        "build",
        "--source",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!o.status.success(), "the build should have failed:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Two folders hold the same files with the same bytes.
pub fn assert_same_files(got: &Path, want: &Path) {
    let (got, want) = (snapshot(got), snapshot(want));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "different files"
    );
    for (k, v) in &want {
        assert!(&got[k] == v, "{k} differs");
    }
}
