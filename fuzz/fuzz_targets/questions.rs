//! The question-and-answer split: loader and renderer must agree on the questions.
#![no_main]
use libfuzzer_sys::fuzz_target;
use loa::markdown::{RenderOptions, outline, render};

fuzz_target!(|body: &str| {
    let o = outline(body);
    let r = render(body, &RenderOptions { allow_html: false, resolve: &|_, _| None });
    assert_eq!(o.questions.len(), r.questions.len());
});
