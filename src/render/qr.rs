//! QR codes of page addresses, as small SVGs made at build time (no network), for posters
//! at commune service centres and for the printed booklet.

use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};

/// An SVG QR code of `text`, or `None` if it is too long for a QR code. Dark modules are
/// drawn as one stroked path of horizontal runs, which keeps a typical page URL's code
/// around 3 KB.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let qr = encode(text)?;
    let size = qr.size();
    let border = 4;
    let mut path = String::with_capacity(4096);
    // `M<x> <y>.5h<run>` a character at a time: a large site has millions of these runs.
    let mut push_run = |x: i32, y: i32, run: i32| {
        use crate::output::push_decimal;
        path.push('M');
        push_decimal(&mut path, (x + border).unsigned_abs());
        path.push(' ');
        push_decimal(&mut path, (y + border).unsigned_abs());
        path.push_str(".5h");
        push_decimal(&mut path, run.unsigned_abs());
    };
    for y in 0..size {
        if size < 128 {
            // The row as bits, then its runs found by counting zeros: a test of each module
            // in turn mispredicted at most of them (modules are as good as random). `x`
            // stays within the row, so the shifts stay below 128.
            let mut row = 0u128;
            for x in 0..size {
                row |= u128::from(qr.get_module(x, y)) << x;
            }
            let mut x = 0;
            while row >> x != 0 {
                x += (row >> x).trailing_zeros() as i32;
                // Bits above the row are light, so a run ends at the edge at the latest.
                let run = (!(row >> x)).trailing_zeros() as i32;
                push_run(x, y, run);
                x += run;
            }
        } else {
            let mut run_start = None;
            for x in 0..=size {
                let dark = x < size && qr.get_module(x, y);
                match (dark, run_start) {
                    (true, None) => run_start = Some(x),
                    (false, Some(start)) => {
                        push_run(start, y, x - start);
                        run_start = None;
                    }
                    _ => {}
                }
            }
        }
    }
    let full = size + 2 * border;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{}\"><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path d=\"{path}\" stroke=\"#000\"/></svg>",
        super::feeds::escape_xml(label)
    ))
}

/// The QR code of `text`, `None` if it does not fit in one.
fn encode(text: &str) -> Option<QrCode> {
    // A fixed mask: choosing the best of eight costs eight times the work for a code that
    // scans just as well (any mask is valid; the choice only evens out the pattern).
    let segments = QrSegment::make_segments(text);
    QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        Some(Mask::new(2)),
        true,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_a_url_into_a_small_svg() {
        let url = "https://tuyentruyen.example.gov.vn/chuyen-doi-so/kinh-te-so/thanh-toan-khong-dung-tien-mat/";
        let svg = super::svg(url, "QR <x>").unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("aria-label=\"QR &lt;x&gt;\""));
        assert!(svg.len() < 5000, "{} bytes", svg.len());
        assert_eq!(super::svg(&"x".repeat(5000), ""), None);
    }

    /// The runs of dark modules, found one module at a time.
    fn runs_one_by_one(text: &str) -> (i32, Vec<(i32, i32, i32)>) {
        let qr = super::encode(text).unwrap();
        let mut runs = Vec::new();
        for y in 0..qr.size() {
            let mut x = 0;
            while x < qr.size() {
                let start = x;
                while x < qr.size() && qr.get_module(x, y) {
                    x += 1;
                }
                if x > start {
                    runs.push((start, y, x - start));
                }
                x += 1;
            }
        }
        (qr.size(), runs)
    }

    #[test]
    fn every_dark_module_is_drawn_once_at_every_size() {
        // From the smallest code to the largest, on both sides of 128 modules (up to there
        // the rows are held as bits).
        let mut sizes = Vec::new();
        for len in [1, 20, 90, 300, 900, 1100, 1150, 2300] {
            let text =
                "https://tuyentruyen.example.gov.vn/?q=".repeat(len / 38 + 1)[..len].to_string();
            let svg = super::svg(&text, "").unwrap();
            let (size, runs) = runs_one_by_one(&text);
            sizes.push(size);
            let path: String = runs
                .iter()
                .map(|(x, y, run)| format!("M{} {}.5h{run}", x + 4, y + 4))
                .collect();
            assert!(
                svg.contains(&format!("<path d=\"{path}\" ")),
                "{len} characters, {size} modules"
            );
            assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", size + 8)));
        }
        // The widest code whose rows fit the bits, and the narrowest that does not.
        assert!(sizes.contains(&125) && sizes.contains(&129), "{sizes:?}");
    }
}
