//! `site.yaml` parsing and checking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = loa::config::parse(text);
});
