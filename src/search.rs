//! Search: a per-language index of every question, made at build time and searched in the
//! reader's browser with no server.
//!
//! Words are folded so that `chuyen doi so` finds `chuyển đổi số` (Unicode NFD, Latin
//! accents dropped, `đ` → `d`, lower case); English words lose simple plural and verb
//! endings; Khmer, written without spaces, is indexed as overlapping character pairs, so no
//! word dictionary is needed. Postings keep word positions (question words first, answer
//! words from [`ANSWER_OFFSET`]) so that the browser can rank phrases and near words first.
//!
//! The index is written as script files that call `loaSearch(name, data)`: a `<script>` can
//! load them from any sub-folder and through `file://`, where `fetch` of JSON cannot.
//! Small indexes are one file; large ones are split by the first two letters of each term,
//! plus chunks of question data, so a first query loads only what it needs.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Where answer words start in a question's positions.
pub const ANSWER_OFFSET: u32 = 1000;
/// Indexes whose terms take more than this many bytes are split into shards.
const SINGLE_FILE_LIMIT: usize = 200 * 1024;
const DOCS_PER_CHUNK: usize = 500;
const EXCERPT_CHARS: usize = 180;

/// Lower case without Latin accents: what readers type on a phone keyboard.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .nfc()
        .collect()
}

fn is_khmer(c: char) -> bool {
    ('\u{1780}'..='\u{17ff}').contains(&c) || ('\u{19e0}'..='\u{19ff}').contains(&c)
}

/// English plurals and verb endings, so `payments` finds `payment` and `registering`
/// finds `register`.
fn stem_en(word: &str) -> String {
    let w = word;
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    for suffix in ["ing", "ed"] {
        if n > suffix.len() + 3 && w.ends_with(suffix) {
            return w[..n - suffix.len()].to_string();
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// The terms of a text in order: folded words, Khmer character pairs.
pub fn terms(text: &str, lang: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out = Vec::new();
    let mut word = String::new();
    let mut khmer: Vec<char> = Vec::new();
    let flush_word = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(if lang == "en" {
                stem_en(word)
            } else {
                word.clone()
            });
            word.clear();
        }
    };
    let flush_khmer = |run: &mut Vec<char>, out: &mut Vec<String>| {
        match run.len() {
            0 => {}
            1 => out.push(run[0].to_string()),
            _ => out.extend(run.windows(2).map(|w| w.iter().collect::<String>())),
        }
        run.clear();
    };
    for c in folded.chars() {
        if is_khmer(c) {
            flush_word(&mut word, &mut out);
            // Signs that are not letters (coeng, vowel signs) stay inside the pairs.
            if c != '\u{17d4}' && c != '\u{17d5}' && c != '\u{17d6}' {
                khmer.push(c);
            } else {
                flush_khmer(&mut khmer, &mut out);
            }
        } else if c.is_alphanumeric() {
            flush_khmer(&mut khmer, &mut out);
            word.push(c);
        } else {
            flush_word(&mut word, &mut out);
            flush_khmer(&mut khmer, &mut out);
        }
    }
    flush_word(&mut word, &mut out);
    flush_khmer(&mut khmer, &mut out);
    out
}

/// One question as the index knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub question: String,
    /// Relative to the site root, with the question's anchor.
    pub url: String,
    pub explainer: String,
    pub excerpt: String,
    /// term → positions (question words first, then answer words from ANSWER_OFFSET).
    pub terms: Vec<(String, Vec<u32>)>,
}

impl Doc {
    pub fn new(lang: &str, question: &str, answer: &str, url: String, explainer: &str) -> Doc {
        let mut positions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, t) in terms(question, lang).into_iter().enumerate() {
            positions.entry(t).or_default().push(i as u32);
        }
        for (i, t) in terms(answer, lang).into_iter().enumerate() {
            positions
                .entry(t)
                .or_default()
                .push(ANSWER_OFFSET + i as u32);
        }
        let excerpt: String = answer.chars().take(EXCERPT_CHARS).collect();
        let excerpt = if excerpt.len() < answer.len() {
            format!("{}…", excerpt.trim_end())
        } else {
            excerpt
        };
        Doc {
            question: question.to_string(),
            url,
            explainer: explainer.to_string(),
            excerpt,
            terms: positions.into_iter().collect(),
        }
    }
}

#[derive(Serialize)]
struct Header<'a> {
    lang: &'a str,
    count: usize,
    /// Shard names when split; empty when everything is in this file.
    shards: Vec<String>,
    chunk: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    terms: Option<&'a BTreeMap<String, Vec<u32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    docs: Option<&'a [[&'a str; 4]]>,
}

/// The shard a term lives in: its first two letters, or a bucket for other scripts.
pub fn shard_of(term: &str) -> String {
    let mut chars = term.chars();
    let first: String = chars.by_ref().take(2).collect();
    if first.chars().all(|c| c.is_ascii_alphanumeric()) {
        first
    } else {
        let sum: u32 = term.chars().take(2).map(u32::from).sum();
        format!("x{}", sum % 32)
    }
}

fn script(name: &str, data: &impl Serialize) -> String {
    let json = serde_json::to_string(data).unwrap_or_else(|_| "null".into());
    format!(
        "loaSearch({},{});\n",
        serde_json::to_string(name).unwrap_or_default(),
        json.replace("</", "<\\/")
    )
}

/// The files of one language's index, as `(path under search/<lang>/, text)`.
/// Postings are flat arrays: doc, count, position gaps…, doc, count, position gaps…
pub fn index_files(lang: &str, docs: &[Doc]) -> Vec<(String, String)> {
    let mut postings: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (term, positions) in &doc.terms {
            let list = postings.entry(term.clone()).or_default();
            list.push(d as u32);
            list.push(positions.len() as u32);
            // Gaps instead of positions: smaller numbers, smaller files.
            let mut last = 0;
            for &p in positions {
                list.push(p - last);
                last = p;
            }
        }
    }
    let rows: Vec<[&str; 4]> = docs
        .iter()
        .map(|d| {
            [
                d.question.as_str(),
                d.url.as_str(),
                d.explainer.as_str(),
                d.excerpt.as_str(),
            ]
        })
        .collect();
    let size: usize = postings.iter().map(|(k, v)| k.len() + v.len() * 3).sum();
    if size <= SINGLE_FILE_LIMIT {
        let header = Header {
            lang,
            count: docs.len(),
            shards: Vec::new(),
            chunk: docs.len().max(1),
            terms: Some(&postings),
            docs: Some(&rows),
        };
        return vec![("index.js".into(), script("index", &header))];
    }
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    for (term, list) in postings {
        shards
            .entry(shard_of(&term))
            .or_default()
            .insert(term, list);
    }
    let mut files = Vec::new();
    let header = Header {
        lang,
        count: docs.len(),
        shards: shards.keys().cloned().collect(),
        chunk: DOCS_PER_CHUNK,
        terms: None,
        docs: None,
    };
    files.push(("index.js".into(), script("index", &header)));
    for (name, terms) in &shards {
        files.push((format!("t-{name}.js"), script(&format!("t-{name}"), terms)));
    }
    for (i, chunk) in rows.chunks(DOCS_PER_CHUNK).enumerate() {
        files.push((format!("d-{i}.js"), script(&format!("d-{i}"), &chunk)));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_folds_in_nfc_and_nfd() {
        assert_eq!(fold("Chuyển Đổi Số"), "chuyen doi so");
        let nfd: String = "đăng ký".nfd().collect();
        assert_eq!(fold(&nfd), "dang ky");
        assert_eq!(
            terms("Đăng ký kinh doanh?", "vi"),
            ["dang", "ky", "kinh", "doanh"]
        );
    }

    #[test]
    fn english_is_case_insensitive_with_simple_stems() {
        assert_eq!(
            terms("Payments and Registering", "en"),
            ["payment", "and", "register"]
        );
        assert_eq!(terms("Cities", "en"), ["city"]);
        assert_eq!(terms("business", "en"), ["business"]);
    }

    #[test]
    fn khmer_becomes_character_pairs() {
        let t = terms("ការផ្លាស់ប្តូរ ឌីជីថល", "km");
        assert_eq!(t[0], "កា");
        assert_eq!(t[1], "ារ");
        assert!(t.contains(&"ឌី".to_string()));
        // A query is a run of the same pairs, so it matches inside longer text.
        let doc: Vec<String> = terms("អំពីការផ្លាស់ប្តូរឌីជីថលនៅខេត្ត", "km");
        let q = terms("ផ្លាស់ប្តូរ", "km");
        assert!(doc.windows(q.len()).any(|w| w == q.as_slice()));
    }

    #[test]
    fn small_indexes_are_one_script_and_large_ones_are_sharded() {
        let doc = Doc::new(
            "vi",
            "Chuyển đổi số là gì?",
            "Là dùng công nghệ số.",
            "a/#q".into(),
            "A",
        );
        assert_eq!(
            doc.terms.iter().find(|(t, _)| t == "so").unwrap().1,
            vec![2, ANSWER_OFFSET + 4]
        );
        let files = index_files("vi", std::slice::from_ref(&doc));
        assert_eq!(files.len(), 1);
        assert!(
            files[0]
                .1
                .starts_with("loaSearch(\"index\",{\"lang\":\"vi\"")
        );
        let many: Vec<Doc> = (0..3000)
            .map(|i| {
                Doc::new(
                    "vi",
                    &format!("Câu hỏi {i}"),
                    &format!("từ{i} và thêm chữ{i} nữa"),
                    format!("p{i}/"),
                    "E",
                )
            })
            .collect();
        let files = index_files("vi", &many);
        assert!(files.len() > 10);
        assert!(files.iter().any(|(n, _)| n == "t-ca.js"));
        assert!(files.iter().any(|(n, _)| n == "d-5.js"));
    }
}
