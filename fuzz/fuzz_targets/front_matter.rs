//! Front matter + body splitting, on any bytes an author's editor could save.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = loa::content::decode(data.to_vec()) {
        if let Ok(split) = loa::markdown::split_front_matter(&text) {
            assert!(text.ends_with(split.body));
        }
    }
});
