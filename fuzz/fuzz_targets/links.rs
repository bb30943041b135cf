//! Link rewriting: every `.md` link is resolved without panicking, whatever its path.
#![no_main]
use libfuzzer_sys::fuzz_target;
use loa::markdown::{RenderOptions, render};

fuzz_target!(|body: &str| {
    let resolve = |path: &str, anchor: Option<&str>| Some(format!("{path}#{}", anchor.unwrap_or("")));
    let r = render(body, &RenderOptions { allow_html: false, resolve: &resolve });
    assert!(!r.intro_html.contains("<script"));
});
