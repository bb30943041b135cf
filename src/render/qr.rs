//! QR codes of page addresses, as small SVGs made at build time (no network), for posters
//! at commune service centres and for the printed booklet.

use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};

/// An SVG QR code of `text`, or `None` if it is too long for a QR code. Dark modules are
/// drawn as one stroked path of horizontal runs, which keeps a typical page URL's code
/// around 3 KB.
pub fn svg(text: &str, label: &str) -> Option<String> {
    // A fixed mask: choosing the best of eight costs eight times the work for a code that
    // scans just as well (any mask is valid; the choice only evens out the pattern).
    let segments = QrSegment::make_segments(text);
    let qr = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        Some(Mask::new(2)),
        true,
    )
    .ok()?;
    let size = qr.size();
    let border = 4;
    let mut path = String::with_capacity(4096);
    let mut number = itoa::Buffer::new();
    for y in 0..size {
        // Each module read once (a call into the encoder each): runs end at a light
        // module or at the edge.
        let mut run_start = None;
        for x in 0..=size {
            let dark = x < size && qr.get_module(x, y);
            match (dark, run_start) {
                (true, None) => run_start = Some(x),
                (false, Some(start)) => {
                    // `M<x> <y>.5h<run>`, without the formatting machinery: a large site
                    // has millions of these runs.
                    path.push('M');
                    path.push_str(number.format(start + border));
                    path.push(' ');
                    path.push_str(number.format(y + border));
                    path.push_str(".5h");
                    path.push_str(number.format(x - start));
                    run_start = None;
                }
                _ => {}
            }
        }
    }
    let full = size + 2 * border;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{}\"><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path d=\"{path}\" stroke=\"#000\"/></svg>",
        super::feeds::escape_xml(label)
    ))
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
}
