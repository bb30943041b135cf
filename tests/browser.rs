//! Runs the browser suite in `tests/browser/` (Node's test runner, playwright-core driving
//! Debian's chromium, nginx serving the site from a sub-folder) on freshly built copies of
//! the bundled site (three explainers to a listing page). A machine without those tools fails here with what to install, rather
//! than passing without having looked.

mod common;

use std::path::Path;
use std::process::Command;

fn missing_tools(browser_dir: &Path) -> Vec<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut missing = Vec::new();
    if !Path::new(&chromium).exists() {
        missing.push(format!("chromium at {chromium} (apt-get install chromium)"));
    }
    for (tool, package) in [("nginx", "nginx"), ("node", "nodejs")] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            missing.push(format!("{tool} (apt-get install {package})"));
        }
    }
    for module in ["playwright-core", "axe-core"] {
        if !browser_dir.join("node_modules").join(module).exists() {
            missing.push(format!("{module} (cd tests/browser && npm ci)"));
        }
    }
    missing
}

#[test]
fn readers_get_a_working_site_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = root.join("tests/browser");
    let missing = missing_tools(&browser_dir);
    assert!(
        missing.is_empty(),
        "the browser tests need: {}.\n.ci/run installs all of them on a fresh Debian machine.",
        missing.join(", ")
    );
    let tmp = tempfile::tempdir().unwrap();
    // The bundled site with three explainers to a listing page, so that readers meet a
    // pillar of two pages, an audience of three and pillars of one.
    let source = tmp.path().join("source");
    for folder in ["content", "themes"] {
        common::copy_dir(&root.join(folder), &source.join(folder));
    }
    let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(
        source.join("site.yaml"),
        config + "\nexplainers_per_page: 3\n",
    )
    .unwrap();
    let (site, portable) = (tmp.path().join("site"), tmp.path().join("portable"));
    common::build(&source, &site, &[]);
    common::build(&source, &portable, &["--portable"]);

    let mut suites: Vec<String> = std::fs::read_dir(&browser_dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".test.mjs"))
        .collect();
    suites.sort();
    assert!(!suites.is_empty());
    let output = Command::new("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .args(&suites)
        .current_dir(&browser_dir)
        .env("LOA_SITE", &site)
        .env("LOA_PORTABLE", &portable)
        .env("LOA_BIN", env!("CARGO_BIN_EXE_loa"))
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "browser tests failed:\n{report}");
    assert!(report.contains("pass"), "no browser test ran");
}
