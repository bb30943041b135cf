//! The command line speaks the user's language: the same problem, at the same file and
//! line, in English and in Vietnamese.

mod common;

use std::process::Command;

use common::*;

fn run(env: &[(&str, &str)], args: &[&str]) -> (bool, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loa"));
    cmd.env_remove("LOA_LANG")
        .env_remove("LC_ALL")
        .env("LANG", "C");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.args(args).output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn broken_site(tmp: &std::path::Path) -> std::path::PathBuf {
    let site = copy_fixture("basic", tmp);
    std::fs::write(
        site.join("content/vi/chung/a.md"),
        "---\nsummary: x\naudiences: [nguoi-dann]\n---\n## Q\n",
    )
    .unwrap();
    site
}

#[test]
fn the_same_error_in_english_and_vietnamese() {
    let tmp = tempfile::tempdir().unwrap();
    let site = broken_site(tmp.path());
    let s = site.to_str().unwrap();
    let (ok, _, en) = run(&[], &["build", "--source", s]);
    assert!(!ok);
    assert!(en.contains("content/vi/chung/a.md:3: error: unknown audience `nguoi-dann` (did you mean `nguoi-dan`?)"), "{en}");
    assert!(en.contains("Build failed with 2 errors"), "{en}");

    let (ok, _, vi) = run(&[], &["--lang", "vi", "build", "--source", s]);
    assert!(!ok);
    assert!(vi.contains("content/vi/chung/a.md:3: lỗi: không có đối tượng `nguoi-dann` (có phải ý bạn là `nguoi-dan`?)"), "{vi}");
    assert!(
        vi.contains("content/vi/chung/a.md:2: lỗi: phần đầu trang thiếu `title`"),
        "{vi}"
    );
    assert!(vi.contains("Không tạo được trang: có 2 lỗi"), "{vi}");
}

#[test]
fn language_comes_from_flag_then_loa_lang_then_lang() {
    let tmp = tempfile::tempdir().unwrap();
    let site = broken_site(tmp.path());
    let s = site.to_str().unwrap();
    let (_, _, from_lang) = run(&[("LANG", "vi_VN.UTF-8")], &["build", "--source", s]);
    assert!(from_lang.contains(": lỗi: "), "{from_lang}");
    let (_, _, from_loa_lang) = run(
        &[("LANG", "vi_VN.UTF-8"), ("LOA_LANG", "en")],
        &["build", "--source", s],
    );
    assert!(from_loa_lang.contains(": error: "), "{from_loa_lang}");
    let (_, _, from_flag) = run(
        &[("LOA_LANG", "en")],
        &["build", "--lang=vi", "--source", s],
    );
    assert!(from_flag.contains(": lỗi: "), "{from_flag}");
}

#[test]
fn help_and_progress_are_translated() {
    let (ok, help, _) = run(&[], &["--lang", "vi", "build", "--help"]);
    assert!(ok);
    assert!(help.contains("Cách dùng: loa build"), "{help}");
    assert!(
        help.contains("để trang mở được từ USB qua file://"),
        "{help}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    let (ok, said, _) = run(
        &[("LOA_LANG", "vi")],
        &[
            "build",
            "--source",
            fixture("basic").to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok);
    assert!(said.starts_with("Đã tạo 24 trang"), "{said}");
}

#[test]
fn every_command_and_option_is_described_in_both_languages() {
    for lang in ["en", "vi"] {
        let (ok, help, _) = run(&[], &["--lang", lang, "--help"]);
        assert!(ok);
        let commands = [
            "build",
            "watch",
            "serve",
            "check",
            "init",
            "translations",
            "new",
        ];
        for command in commands {
            let line = help
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{command} ")))
                .unwrap_or_else(|| panic!("{command} missing from\n{help}"));
            assert!(
                line.split_whitespace().count() > 2,
                "{command} has no description: {line}"
            );
            let (ok, sub, _) = run(&[], &["--lang", lang, command, "--help"]);
            assert!(ok);
            for option in sub.lines().filter(|l| l.trim_start().starts_with('-')) {
                assert!(
                    option.split("  ").filter(|p| !p.trim().is_empty()).count() >= 2,
                    "{command}: {option}"
                );
            }
        }
    }
}
