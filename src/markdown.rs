//! Markdown: front matter split, the question-and-answer split, heading ids, link
//! rewriting and HTML.
//!
//! An explainer's questions are its level-2 headings; the answer is everything up to the
//! next level-2 heading. The same event pass serves the loader (which needs only the
//! outline: questions, anchors, links) and the renderer, so ids can never disagree.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// A file split into its front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines, if any.
    pub front_matter: Option<&'a str>,
    /// 1-based line of the first front matter line in the file.
    pub front_matter_line: usize,
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

/// The front matter's opening `---` has no closing line.
#[derive(Debug, PartialEq, Eq)]
pub struct Unclosed;

/// Splits `---\nyaml\n---\nbody`.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, Unclosed> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok(Split {
            front_matter: None,
            front_matter_line: 1,
            body: text,
            body_line: 1,
        });
    }
    let mut offset = first_line_end;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let l = text[offset..end].trim_end();
        if l == "---" || l == "..." {
            return Ok(Split {
                front_matter: Some(&text[first_line_end..offset]),
                front_matter_line: 2,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        offset = end;
        line += 1;
    }
    Err(Unclosed)
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A question as the site model keeps it: no answer, only what listings need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionMeta {
    pub id: String,
    pub title: String,
}

/// A link to another Markdown file, as written, with its place in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLink {
    pub path: String,
    pub anchor: Option<String>,
    /// 1-based line in the body.
    pub line: usize,
}

/// What the loader learns from a body without rendering it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub questions: Vec<QuestionMeta>,
    /// Every heading id on the page, for checking `#anchor` links.
    pub anchors: Vec<String>,
    pub links: Vec<FileLink>,
}

/// A body's events with their byte ranges.
pub type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// The body's events as written (headings keep only the ids their authors gave).
pub fn parse(body: &str) -> Events<'_> {
    // Sized from the text: the parser tells no length, and growing the vector copies every
    // event again. Explainers have an event every 33–47 bytes on average, rarely fewer
    // than 24 (bench/gen.py's sites and the bundled appendix).
    let mut events = Vec::with_capacity(body.len() / EVENT_BYTES + 16);
    events.extend(Parser::new_ext(body, options()).into_offset_iter());
    events
}

/// About the fewest bytes of Markdown per event of a body, for sizing [`parse`]'s vector.
const EVENT_BYTES: usize = 24;

/// Parses the body once and assigns every heading its final id.
fn events(body: &str) -> Events<'_> {
    let mut events = parse(body);
    assign_ids(&mut events);
    events
}

/// Every heading gets an id: its own `{#id}`, or one made from its text, made unique.
fn assign_ids(events: &mut Events) {
    let mut used: Vec<String> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i].0 {
            let explicit = id.as_ref().map(|s| s.to_string());
            let end = (i..events.len())
                .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
                .unwrap_or(events.len());
            let base = explicit.unwrap_or_else(|| {
                let s = slugify(&plain_text(events[i + 1..end].iter().map(|(e, _)| e)));
                if s.is_empty() { "q".to_string() } else { s }
            });
            let mut unique = base.clone();
            let mut n = 1;
            while used.contains(&unique) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            used.push(unique.clone());
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                *id = Some(CowStr::from(unique));
            }
            i = end;
        }
        i += 1;
    }
}

/// The text of some events, for plain-text uses (ids, search, JSON-LD).
fn plain_text<'a, 'e: 'a>(events: impl IntoIterator<Item = &'a Event<'e>>) -> String {
    let mut out = String::new();
    push_plain_text(events, &mut out);
    out
}

/// [`plain_text`] appended to `out` (sized by a caller that knows the source's length).
fn push_plain_text<'a, 'e: 'a>(events: impl IntoIterator<Item = &'a Event<'e>>, out: &mut String) {
    // Runs of whitespace, inside a text or between blocks, become one space; written in one
    // pass (this runs over every answer of the site).
    let mut gap = false;
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => push_collapsed(t, out, &mut gap),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_),
            ) => gap = true,
            _ => {}
        }
    }
}

/// Appends the words of `text` to `out` one space apart, as `split_whitespace` would part
/// them, with a space first if `gap` (whitespace before) and `out` has text. Words already
/// one ASCII space apart are copied as one piece: most of an answer is.
fn push_collapsed(text: &str, out: &mut String, gap: &mut bool) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let space = space_len(bytes, i);
        if space > 0 {
            *gap = true;
            i += space;
            continue;
        }
        let start = i;
        loop {
            while i < n {
                let b = bytes[i];
                if !MAY_BE_SPACE[usize::from(b)] {
                    i += 1;
                } else if b == 0xe1 && bytes.get(i + 1) != Some(&0x9a) {
                    // Vietnamese letters with two marks (U+1EA0–U+1EF9) and all of Khmer
                    // begin with 0xe1, as U+1680 does; its second byte tells them apart.
                    // A lead byte of three is followed by two in valid UTF-8.
                    i += 3;
                } else {
                    break;
                }
            }
            // One ASCII space between two words stays in the piece; any other whitespace
            // ends it. Lead bytes that are not whitespace are letters.
            // (A byte that cannot begin a space needs no closer look.)
            let single = i + 1 < n
                && bytes[i] == b' '
                && (!MAY_BE_SPACE[usize::from(bytes[i + 1])] || space_len(bytes, i + 1) == 0);
            if i < n && (single || space_len(bytes, i) == 0) {
                i += 1;
                continue;
            }
            break;
        }
        if *gap && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..i]);
        *gap = false;
    }
}

/// The bytes that begin a whitespace character: ASCII spaces, and the lead bytes of the
/// others (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
static MAY_BE_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b' ' | b'\t'..=b'\r' | 0xc2 | 0xe1 | 0xe2 | 0xe3);
        b += 1;
    }
    table
};

/// The length in bytes of the whitespace character starting at byte `i` of a UTF-8 text,
/// or 0 (also inside a character: continuation bytes begin nothing). Read from the bytes:
/// `ệ` and the other letters of Vietnamese share a lead byte with U+1680.
fn space_len(bytes: &[u8], i: usize) -> usize {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match (bytes[i], next(1), next(2)) {
        (b' ' | b'\t'..=b'\r', _, _) => 1,
        (0xc2, 0x85 | 0xa0, _) => 2,
        (0xe1, 0x9a, 0x80)
        | (0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)
        | (0xe2, 0x81, 0x9f)
        | (0xe3, 0x80, 0x80) => 3,
        _ => 0,
    }
}

/// A Markdown link destination that names another `.md` file of the site.
fn file_link(dest: &str) -> Option<(String, Option<String>)> {
    if dest.contains("://") || dest.starts_with('/') || dest.starts_with("mailto:") {
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    path.ends_with(".md").then(|| (path.to_string(), anchor))
}

pub fn outline(body: &str) -> Outline {
    outline_of(body, parse(body))
}

/// [`outline`] from the events of [`parse`], for a loader that has parsed the body already.
pub fn outline_of<'a>(body: &'a str, mut events: Events<'a>) -> Outline {
    assign_ids(&mut events);
    let mut out = Outline::default();
    let mut lines = crate::error::Lines::new(body);
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let id = id.as_deref().unwrap_or_default().to_string();
                if *level == HeadingLevel::H2 {
                    let end = (i..events.len())
                        .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
                        .unwrap_or(events.len());
                    out.questions.push(QuestionMeta {
                        id: id.clone(),
                        title: plain_text(events[i + 1..end].iter().map(|(e, _)| e)),
                    });
                }
                out.anchors.push(id);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some((path, anchor)) = file_link(dest_url) {
                    out.links.push(FileLink {
                        path,
                        anchor,
                        line: lines.line_of(events[i].1.start),
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The Markdown source of the intro and of each answer, as written (for translation
/// skeletons, which must keep the author's formatting).
pub fn source_sections(body: &str) -> (&str, Vec<(QuestionMeta, &str)>) {
    let events = events(body);
    let mut headings = Vec::new();
    for (i, (e, range)) in events.iter().enumerate() {
        if let Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            id,
            ..
        }) = e
        {
            let end = (i..events.len())
                .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
                .unwrap_or(events.len());
            let meta = QuestionMeta {
                id: id.as_deref().unwrap_or_default().to_string(),
                title: plain_text(events[i + 1..end].iter().map(|(e, _)| e)),
            };
            headings.push((meta, range.clone()));
        }
    }
    let intro_end = headings.first().map_or(body.len(), |(_, r)| r.start);
    let mut sections = Vec::new();
    for (i, (meta, range)) in headings.iter().enumerate() {
        let next = headings.get(i + 1).map_or(body.len(), |(_, r)| r.start);
        sections.push((meta.clone(), body[range.end.min(next)..next].trim()));
    }
    (&body[..intro_end], sections)
}

/// A question with its rendered answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedQuestion {
    pub id: String,
    pub title_html: String,
    pub title_text: String,
    pub answer_html: String,
    pub answer_text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub intro_html: String,
    pub questions: Vec<RenderedQuestion>,
}

pub struct RenderOptions<'r> {
    pub allow_html: bool,
    /// Maps a `.md` link (path as written, anchor) to the href to write, or `None` to
    /// leave it as it is (the loader has already reported it).
    pub resolve: &'r (dyn Fn(&str, Option<&str>) -> Option<String> + Sync),
}

pub fn render(body: &str, opts: &RenderOptions) -> Rendered {
    // Ranges kept to size what is written from each part (the same vector, rewritten in place).
    let events: Events = events(body)
        .into_iter()
        .map(|(e, range)| (rewrite(e, opts), range))
        .collect();
    let mut out = Rendered::default();
    let mut i = 0;
    let mut section_start = 0;
    let mut current: Option<(String, String, String)> = None;
    let flush = |out: &mut Rendered, current: Option<(String, String, String)>, part: &[_]| {
        // HTML is about as long as its Markdown (1.05–1.08 times on the benchmark sites and
        // the bundled appendix) and plain text no longer: sized once, not grown by copying.
        let span = source_span(part);
        let mut html = String::with_capacity(span + span / 8 + 64);
        pulldown_cmark::html::push_html(&mut html, part.iter().map(|(e, _)| e.clone()));
        match current {
            None => out.intro_html = html,
            Some((id, title_html, title_text)) => {
                let mut answer_text = String::with_capacity(span);
                push_plain_text(part.iter().map(|(e, _)| e), &mut answer_text);
                out.questions.push(RenderedQuestion {
                    id,
                    title_html,
                    title_text,
                    answer_html: html,
                    answer_text,
                });
            }
        }
    };
    while i < events.len() {
        if let Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            id,
            ..
        }) = &events[i].0
        {
            let id = id.as_deref().unwrap_or_default().to_string();
            flush(&mut out, current.take(), &events[section_start..i]);
            let end = (i..events.len())
                .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
                .unwrap_or(events.len());
            let inner = &events[i + 1..end];
            let mut title_html = String::new();
            pulldown_cmark::html::push_html(&mut title_html, inner.iter().map(|(e, _)| e.clone()));
            current = Some((id, title_html, plain_text(inner.iter().map(|(e, _)| e))));
            i = end + 1;
            section_start = i;
            continue;
        }
        i += 1;
    }
    flush(
        &mut out,
        current,
        &events[section_start.min(events.len())..],
    );
    out
}

/// The bytes of Markdown that some consecutive events were made from (a part begins with
/// a block's start and ends with an end, whose range is its whole block).
fn source_span(part: &[(Event, Range<usize>)]) -> usize {
    match (part.first(), part.last()) {
        (Some((_, first)), Some((_, last))) => last.end.saturating_sub(first.start),
        _ => 0,
    }
}

fn rewrite<'a>(event: Event<'a>, opts: &RenderOptions) -> Event<'a> {
    match event {
        Event::Html(s) | Event::InlineHtml(s) if !opts.allow_html => Event::Text(s),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rewrite_dest(link_type, dest_url, opts),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        e => e,
    }
}

fn rewrite_dest<'a>(link_type: LinkType, dest: CowStr<'a>, opts: &RenderOptions) -> CowStr<'a> {
    if matches!(link_type, LinkType::Email) {
        return dest;
    }
    if let Some((path, anchor)) = file_link(&dest)
        && let Some(href) = (opts.resolve)(&path, anchor.as_deref())
    {
        return CowStr::from(href);
    }
    safe_url(dest)
}

/// Contributors are not all trusted: a `javascript:` link would run in readers' browsers.
fn safe_url(dest: CowStr<'_>) -> CowStr<'_> {
    let lower = dest.trim_start().to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        CowStr::from("#")
    } else {
        dest
    }
}

/// An id or URL segment from a heading: Vietnamese folded to ASCII (`Đăng ký` →
/// `dang-ky`), other scripts kept, everything else a single `-`.
pub fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.nfd() {
        // Only the Latin combining accents: Khmer vowel signs are marks too, and needed.
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() || is_khmer_sign(c) {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out.nfc().collect()
}

fn is_khmer_sign(c: char) -> bool {
    ('\u{17b4}'..='\u{17d3}').contains(&c) || c == '\u{17dd}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_links(_: &str, _: Option<&str>) -> Option<String> {
        None
    }

    fn opts() -> RenderOptions<'static> {
        RenderOptions {
            allow_html: false,
            resolve: &no_links,
        }
    }

    #[test]
    fn plain_text_joins_inline_runs_and_collapses_whitespace() {
        let text = |md: &str| plain_text(parse(md).iter().map(|(e, _)| e));
        assert_eq!(text("**Đăng**ký  `mã`   số\nhai"), "Đăngký mã số hai");
        assert_eq!(
            text("- một\n- hai\n\n|a|b|\n|-|-|\n|c|d|\n"),
            "một hai a b c d"
        );
        assert_eq!(text("  \n\nđầu *giữa* cuối  \n"), "đầu giữa cuối");
        assert_eq!(text(""), "");
    }

    #[test]
    fn whitespace_is_read_from_bytes_as_the_standard_library_sees_it() {
        for c in '\0'..='\u{10ffff}' {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let expected = if c.is_whitespace() { bytes.len() } else { 0 };
            assert_eq!(space_len(bytes, 0), expected, "U+{:04X}", c as u32);
            for k in 1..bytes.len() {
                assert_eq!(space_len(bytes, k), 0, "inside U+{:04X}", c as u32);
            }
            assert!(MAY_BE_SPACE[usize::from(bytes[0])] || expected == 0);
        }
    }

    /// Against the standard library's idea of whitespace, on every kind of space.
    #[test]
    fn collapsing_whitespace_agrees_with_split_whitespace() {
        let spaces = [
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\u{a0}",
            "\u{85}",
            "\u{1680}",
            "\u{2000}",
            "\u{200a}",
            "\u{2028}",
            "\u{2029}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            " \u{2003}",
        ];
        // Letters and marks whose first bytes are those of some spaces (C2, E1 9A, E2 80,
        // E3 80), and a word with a space inside.
        let words = [
            "số",
            "a",
            "ệ",
            "\u{a1}",
            "\u{1681}",
            "—",
            "ក",
            "\u{200b}",
            "\u{3001}",
            "x\u{2003}y",
            // Runs of letters that begin with E1 but not E1 9A (read three bytes at a time).
            "\u{1ea0}\u{1ef9}ở",
            "ការ",
        ];
        let mut cases = Vec::new();
        for s in spaces {
            for w in words {
                cases.push(format!("{w}{s}{w} {w}"));
                cases.push(format!("{s}{w}{s}"));
                cases.push(format!("{w} {w}{s}{s}{w} {w}"));
            }
        }
        for text in cases {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut out = String::new();
            let mut gap = false;
            push_collapsed(&text, &mut out, &mut gap);
            assert_eq!(out, expected, "{text:?}");
            assert_eq!(gap, text.ends_with(char::is_whitespace), "{text:?}");
            // After earlier text: a space first only if this text starts with one.
            let mut out = "before".to_string();
            let mut gap = false;
            push_collapsed(&text, &mut out, &mut gap);
            let sep = if text.starts_with(char::is_whitespace) && !expected.is_empty() {
                " "
            } else {
                ""
            };
            assert_eq!(out, format!("before{sep}{expected}"), "{text:?}");
        }
    }

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = split_front_matter("---\ntitle: A\nweight: 2\n---\nIntro\n").unwrap();
        assert_eq!(s.front_matter, Some("title: A\nweight: 2\n"));
        assert_eq!(s.body, "Intro\n");
        assert_eq!(s.body_line, 5);
        assert!(split_front_matter("---\ntitle: A\n").is_err());
        assert_eq!(
            split_front_matter("no front matter").unwrap().front_matter,
            None
        );
    }

    #[test]
    fn questions_are_level_two_headings_with_stable_ids() {
        let o = outline(
            "Intro\n\n## Chuyển đổi số là gì?\n\nA\n\n### Chi tiết\n\n## Đăng ký thế nào? {#dang-ky}\n\nB\n\n## Chuyển đổi số là gì?\n",
        );
        let ids: Vec<&str> = o.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            ids,
            ["chuyen-doi-so-la-gi", "dang-ky", "chuyen-doi-so-la-gi-1"]
        );
        assert_eq!(o.questions[1].title, "Đăng ký thế nào?");
        assert_eq!(o.anchors.len(), 4);
    }

    #[test]
    fn answers_run_to_the_next_question() {
        let r = render(
            "Intro **x**\n\n## Q1\n\nA1\n\n### Sub\n\nmore\n\n## Q2\n\nA2\n",
            &opts(),
        );
        assert_eq!(r.intro_html, "<p>Intro <strong>x</strong></p>\n");
        assert_eq!(r.questions.len(), 2);
        assert!(
            r.questions[0]
                .answer_html
                .contains("<h3 id=\"sub\">Sub</h3>")
        );
        assert!(r.questions[0].answer_html.contains("more"));
        assert_eq!(r.questions[0].answer_text, "A1 Sub more");
        assert_eq!(r.questions[1].answer_html, "<p>A2</p>\n");
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let body = "<script>alert(1)</script>\n\nHi <b>x</b>\n";
        let r = render(body, &opts());
        assert!(!r.intro_html.contains("<script>"));
        assert!(r.intro_html.contains("&lt;script&gt;"));
        let allowed = RenderOptions {
            allow_html: true,
            resolve: &no_links,
        };
        assert!(render(body, &allowed).intro_html.contains("<script>"));
    }

    #[test]
    fn md_links_are_resolved_and_script_urls_neutralised() {
        let resolve = |p: &str, a: Option<&str>| {
            Some(format!(
                "../{}/#{}",
                p.trim_end_matches(".md"),
                a.unwrap_or("")
            ))
        };
        let o = RenderOptions {
            allow_html: false,
            resolve: &resolve,
        };
        let r = render(
            "[a](x.md#y) [b](javascript:alert(1)) [c](https://e.vn/a.md)",
            &o,
        );
        assert!(
            r.intro_html.contains("href=\"../x/#y\""),
            "{}",
            r.intro_html
        );
        assert!(r.intro_html.contains("href=\"#\""));
        assert!(r.intro_html.contains("href=\"https://e.vn/a.md\""));
        let links = outline("[a](../p/x.md#y)\n\n[b](http://x/y.md)").links;
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].path, "../p/x.md");
        assert_eq!(links[0].anchor.as_deref(), Some("y"));
    }

    #[test]
    fn slugs_fold_vietnamese_and_keep_khmer() {
        assert_eq!(slugify("Đăng ký kinh doanh?"), "dang-ky-kinh-doanh");
        assert_eq!(slugify("  Hello,  World!  "), "hello-world");
        let khmer = slugify("តើការផ្លាស់ប្តូរឌីជីថលជាអ្វី?");
        assert!(khmer.starts_with("តើ"));
        assert!(!khmer.ends_with('-'));
    }
}
