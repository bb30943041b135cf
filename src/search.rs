//! Search: a per-language index of every question, made at build time and searched in the
//! reader's browser with no server.
//!
//! Words are folded so that `chuyen doi so` finds `chuyển đổi số` (Unicode NFD, Latin
//! accents dropped, `đ` → `d`, lower case); English words lose simple plural and verb
//! endings; Khmer, written without spaces, is indexed as overlapping character pairs, so no
//! word dictionary is needed. Postings keep the positions of question words, so that the
//! browser can rank phrases and near words in questions first, and how often the answer has
//! the term.
//!
//! The index is written as script files that call `loaSearch(name, data)`: a `<script>` can
//! load them from any sub-folder and through `file://`, where `fetch` of JSON cannot.
//! Small indexes are one file; large ones are split by the first three letters of each term
//! (a hash bucket for other scripts),
//! plus chunks of question data, so a first query loads only what it needs.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Indexes whose terms take more than this many bytes are split into shards.
const SINGLE_FILE_LIMIT: usize = 200 * 1024;
const DOCS_PER_CHUNK: usize = 500;
const EXCERPT_CHARS: usize = 180;
/// How many questions' postings are gathered between two asks whether to stop: a few
/// hundred microseconds, so a save that arrives meanwhile is not kept waiting.
const STOP_EVERY_DOCS: usize = 256;

/// Lower case without Latin accents: what readers type on a phone keyboard.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a buffer (cleared first) that the caller reuses.
fn fold_into(text: &str, out: &mut String) {
    let table = fold_table();
    out.clear();
    out.reserve(text.len());
    // Whether the result may not be in NFC and needs the full check. Tracked here as the
    // standard quick check would (a mark of a lower class after a higher one, a character
    // that is not plainly NFC): checking all of a Khmer answer again took a third of
    // folding.
    let mut check = false;
    let mut last_class = 0;
    let bytes = text.as_bytes();
    // Characters that fold to themselves (ASCII but for its case, most of Khmer) are copied
    // a run at a time, and ASCII is lower-cased at the end in one pass: pushing each
    // character (decoding it, then encoding it again) was most of the cost of folding,
    // which runs over every answer of a site.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            last_class = 0;
            i += ascii_prefix(&bytes[i..]);
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let m = table.get(c as usize).copied().unwrap_or(SLOW);
        if m != DROP && m != SLOW && m & CHAR_BITS == c as u32 && m & NOT_PLAIN == 0 {
            let class = (m >> CLASS_SHIFT) & 0xff;
            check |= class != 0 && last_class > class;
            last_class = class;
            i += len;
            continue;
        }
        out.push_str(&text[run..i]);
        match m {
            DROP => {}
            SLOW => {
                check = true;
                fold_char(c, out);
            }
            m => {
                let class = (m >> CLASS_SHIFT) & 0xff;
                check |= m & NOT_PLAIN != 0 || (class != 0 && last_class > class);
                last_class = class;
                out.push(char::from_u32(m & CHAR_BITS).unwrap_or(c));
            }
        }
        i += len;
        run = i;
    }
    out.push_str(&text[run..]);
    out.make_ascii_lowercase();
    if check
        && unicode_normalization::is_nfc_quick(out.chars())
            != unicode_normalization::IsNormalized::Yes
    {
        *out = out.nfc().collect();
    }
}

/// How many bytes at the start of `bytes` are ASCII, found eight at a time (a run of
/// Vietnamese between two accented letters is a few bytes; of English, whole sentences).
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(word) = bytes.get(n..n + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        let high = u64::from_le_bytes(eight) & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + high.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

// A fold table entry: the character folded to, its canonical combining class, and whether
// NFC's quick check says anything but yes for it.
const SLOW: u32 = 0;
const DROP: u32 = u32::MAX;
const CHAR_BITS: u32 = 0x1f_ffff;
const CLASS_SHIFT: u32 = 21;
const NOT_PLAIN: u32 = 1 << 29;

/// Folds one character the long way: canonical decomposition, combining accents dropped,
/// `đ` → `d`, lower case.
fn fold_char(c: char, out: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !('\u{0300}'..='\u{036f}').contains(&d) {
            match d {
                'đ' | 'Đ' => out.push('d'),
                d => out.extend(d.to_lowercase()),
            }
        }
    });
}

/// What [`fold_char`] makes of each character below U+2000 (Latin with every Vietnamese
/// letter, combining marks, Khmer), when that is one character or none: folding runs over
/// every word of every answer of a site, and the decomposition tables are slow.
fn fold_table() -> &'static [u32] {
    static TABLE: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x2000u32)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return SLOW;
                };
                let mut folded = String::new();
                fold_char(c, &mut folded);
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => DROP,
                    (Some(one), None) => {
                        let class = unicode_normalization::char::canonical_combining_class(one);
                        let plain = unicode_normalization::is_nfc_quick(std::iter::once(one))
                            == unicode_normalization::IsNormalized::Yes;
                        one as u32
                            | u32::from(class) << CLASS_SHIFT
                            | if plain { 0 } else { NOT_PLAIN }
                    }
                    _ => SLOW,
                }
            })
            .collect()
    })
}

fn is_khmer(c: char) -> bool {
    ('\u{1780}'..='\u{17ff}').contains(&c) || ('\u{19e0}'..='\u{19ff}').contains(&c)
}

/// English plurals and verb endings, so `payments` finds `payment` and `registering`
/// finds `register`.
fn stem_en(w: &str) -> std::borrow::Cow<'_, str> {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]).into();
    }
    for suffix in ["ing", "ed"] {
        if n > suffix.len() + 3 && w.ends_with(suffix) {
            let stem = &w[..n - suffix.len()];
            // `scammed` → `scam`, `planning` → `plan` (but `calling` → `call`).
            let b = stem.as_bytes();
            let doubled = b.len() >= 2
                && b[b.len() - 1] == b[b.len() - 2]
                && !b"aeioulsz".contains(&b[b.len() - 1]);
            return if doubled {
                &stem[..stem.len() - 1]
            } else {
                stem
            }
            .into();
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..n - 1].into();
    }
    w.into()
}

/// Calls `each` with the terms of an already folded text, in order: words, and Khmer
/// character pairs. Terms are slices of `folded` wherever possible: this runs over every
/// word of every answer of the site, so ASCII (all of folded Vietnamese and English) is
/// read a byte at a time and only other letters are decoded.
fn each_term<'a>(folded: &'a str, lang: &str, mut each: impl FnMut(std::borrow::Cow<'a, str>)) {
    let english = lang == "en";
    let mut word_start: Option<usize> = None;
    // Byte offsets of the chars of the current Khmer run.
    let mut run: Vec<usize> = Vec::new();
    let emit_run = |run: &mut Vec<usize>, end: usize, each: &mut dyn FnMut(_)| {
        match run.len() {
            0 => return,
            1 => each(folded[run[0]..end].into()),
            n => {
                for i in 0..n - 1 {
                    let stop = if i + 2 < n { run[i + 2] } else { end };
                    each(folded[run[i]..stop].into());
                }
            }
        }
        run.clear();
    };
    let emit_word = |start: &mut Option<usize>, end: usize, each: &mut dyn FnMut(_)| {
        if let Some(s) = start.take() {
            let w = &folded[s..end];
            each(if english { stem_en(w) } else { w.into() });
        }
    };
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // The branch below, for ASCII, without decoding (folding one classifying branch
        // into both cost 12% more instructions here).
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                if !run.is_empty() {
                    emit_run(&mut run, i, &mut each);
                }
                word_start.get_or_insert(i);
            } else {
                if word_start.is_some() {
                    emit_word(&mut word_start, i, &mut each);
                }
                if !run.is_empty() {
                    emit_run(&mut run, i, &mut each);
                }
            }
            i += 1;
            continue;
        }
        let Some(c) = folded[i..].chars().next() else {
            break;
        };
        if is_khmer(c) {
            emit_word(&mut word_start, i, &mut each);
            // Khmer punctuation ends a run; coeng and vowel signs stay inside the pairs.
            if matches!(c, '\u{17d4}'..='\u{17d6}') {
                emit_run(&mut run, i, &mut each);
            } else {
                run.push(i);
            }
        } else if c.is_alphanumeric() {
            emit_run(&mut run, i, &mut each);
            word_start.get_or_insert(i);
        } else {
            emit_word(&mut word_start, i, &mut each);
            emit_run(&mut run, i, &mut each);
        }
        i += c.len_utf8();
    }
    emit_word(&mut word_start, folded.len(), &mut each);
    emit_run(&mut run, folded.len(), &mut each);
}

/// The terms of a text in order: folded words, Khmer character pairs.
pub fn terms(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_term(&fold(text), lang, |t| out.push(t.into_owned()));
    out
}

/// Term maps are hashed millions of times a build and need no defence against crafted
/// keys: Fx hashes a word in a few instructions where the default SipHash takes many.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Terms as numbers, shared by every page of a build, so that thousands of questions do
/// not each keep their own copy of common words.
pub struct Vocabulary {
    /// Tells the per-thread caches of [`Doc::new`] which vocabulary they hold ids of.
    serial: u64,
    inner: std::sync::Mutex<(FastMap<String, u32>, Vec<String>)>,
}

impl Default for Vocabulary {
    fn default() -> Vocabulary {
        static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Vocabulary {
            serial: SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            inner: Default::default(),
        }
    }
}

impl Vocabulary {
    fn id(&self, term: &str) -> u32 {
        let mut guard = match self.inner.lock() {
            Ok(guard) => guard,
            // A panic elsewhere cannot leave the maps half-changed: one insert at a time.
            Err(poisoned) => poisoned.into_inner(),
        };
        let (map, names) = &mut *guard;
        if let Some(id) = map.get(term) {
            return *id;
        }
        let id = names.len() as u32;
        names.push(term.to_string());
        map.insert(term.to_string(), id);
        id
    }

    fn names(&self) -> Vec<String> {
        self.inner.lock().map(|g| g.1.clone()).unwrap_or_default()
    }
}

/// What [`Doc::new`] reuses from one question to the next on a thread: it runs for every
/// question of a site, and allocating its maps each time was a large part of the build.
#[derive(Default)]
struct Scratch {
    /// The [`Vocabulary::serial`] that `known` holds ids of; 0, which no vocabulary has,
    /// until the thread's first question (so the caches are made then).
    vocabulary: u64,
    /// Terms this thread has met, with their ids: most lookups need no lock.
    known: FastMap<String, u32>,
    /// The same for terms of up to eight bytes (most words, every Khmer pair), packed into
    /// a number: no string to hash or compare.
    known_short: FastMap<u64, u32>,
    /// In front of `known_short`: the last id seen in each of a few thousand slots (the key
    /// [`EMPTY_SLOT`] is no term), so that most words cost a multiplication and a comparison.
    recent: Vec<(u64, u32)>,
    /// By term id: 1 + the term's index in `tallies` for the question being indexed, or 0.
    slot: Vec<u32>,
    /// The question's terms in the order met, with their counts in the answer.
    tallies: Vec<(u32, u32)>,
    /// (term id, position) of each word of the question.
    positions: Vec<(u32, u32)>,
    /// By index in `tallies`: where the term's positions are in `positions` (end 0: none).
    ranges: Vec<(u32, u32)>,
    /// Indexes of `tallies` in term id order (the id in the high half).
    order: Vec<u64>,
    question: String,
    answer: String,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

const RECENT_BITS: u32 = 12;
/// No short key: it would take eight bytes 0xFF, which UTF-8 never has.
const EMPTY_SLOT: u64 = u64::MAX;

/// Where [`Scratch::recent`] keeps a short term's id: the high bits of a multiplicative
/// hash.
fn recent_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - RECENT_BITS)) as usize
}

/// A term of up to eight bytes as one number, zero-padded: terms are letters and digits,
/// never a zero byte, so no two terms share a key.
fn short_key(term: &str) -> Option<u64> {
    let bytes = term.as_bytes();
    if bytes.len() > 8 {
        return None;
    }
    // Byte by byte: a copy of a few bytes into an array was a call to `memcpy` per term.
    let mut key = 0;
    for (i, &b) in bytes.iter().enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    Some(key)
}

/// One question as the index knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub question: String,
    /// Relative to the site root, with the question's anchor.
    pub url: String,
    /// Shared by the questions of one explainer.
    pub explainer: std::sync::Arc<str>,
    pub excerpt: String,
    /// Flat varints, for memory (a large site keeps hundreds of thousands of these until the
    /// index is written, and they were its largest part): for each term, in id order, the
    /// gap from the previous id (two bytes where most ids take three), then its
    /// occurrences in the answer (at most 2³¹ − 1) times two, plus one if the question has
    /// it; if so, the number of question positions and the positions. A term only in the
    /// answer, most of them, takes three bytes. Answer positions are not kept: they would
    /// double the index for a small gain in ranking. Read with [`Doc::entries`].
    terms: Vec<u8>,
}

/// The terms of a [`Doc`], one [`Entries::next_term`] at a time.
struct Entries<'a> {
    numbers: Varints<'a>,
    term: u32,
}

impl<'a> Entries<'a> {
    /// A term's id, its question positions and its occurrences in the answer.
    fn next_term(&mut self) -> Option<(u32, Varints<'a>, u32)> {
        let gap = self.numbers.next()?;
        let packed = self.numbers.next()?;
        self.term = self.term.checked_add(gap)?;
        let count = if packed & 1 == 1 {
            self.numbers.next()?
        } else {
            0
        };
        // The positions' bytes: `count` varints, each ending at a byte below 0x80.
        let bytes = self.numbers.0;
        let mut len = 0;
        for _ in 0..count {
            len += bytes[len..].iter().position(|&b| b < 0x80)? + 1;
        }
        let (positions, rest) = bytes.split_at(len);
        self.numbers = Varints(rest);
        Some((self.term, Varints(positions), packed >> 1))
    }
}

impl Doc {
    /// About how much of the index this question makes: its terms' bytes.
    pub fn index_bytes(&self) -> usize {
        self.terms.len()
    }

    fn entries(&self) -> Entries<'_> {
        Entries {
            numbers: Varints(&self.terms),
            term: 0,
        }
    }

    pub fn new(
        vocabulary: &Vocabulary,
        lang: &str,
        question: &str,
        answer: &str,
        url: String,
        explainer: std::sync::Arc<str>,
    ) -> Doc {
        let terms = SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            let Scratch {
                vocabulary: serial,
                known,
                known_short,
                recent,
                slot,
                tallies,
                positions,
                ranges,
                order,
                question: question_folded,
                answer: answer_folded,
            } = &mut *scratch;
            if *serial != vocabulary.serial {
                known.clear();
                known_short.clear();
                recent.clear();
                recent.resize(1 << RECENT_BITS, (EMPTY_SLOT, 0));
                *serial = vocabulary.serial;
            }
            fold_into(question, question_folded);
            fold_into(answer, answer_folded);
            tallies.clear();
            positions.clear();
            // The tally of a term (created on first sight), counting it if it is in the answer.
            let mut tally = |term: &str, in_answer: bool| -> usize {
                let id = match short_key(term) {
                    Some(key) => {
                        let entry = &mut recent[recent_slot(key)];
                        if entry.0 != key {
                            let id = *known_short
                                .entry(key)
                                .or_insert_with(|| vocabulary.id(term));
                            *entry = (key, id);
                        }
                        entry.1
                    }
                    None => match known.get(term) {
                        Some(&id) => id,
                        None => {
                            let id = vocabulary.id(term);
                            known.insert(term.to_string(), id);
                            id
                        }
                    },
                };
                let i = id as usize;
                if slot.len() <= i {
                    slot.resize(i + 1, 0);
                }
                if slot[i] == 0 {
                    tallies.push((id, 0));
                    slot[i] = tallies.len() as u32;
                }
                let k = slot[i] as usize - 1;
                tallies[k].1 += u32::from(in_answer);
                k
            };
            let mut n = 0;
            each_term(question_folded, lang, |t| {
                let k = tally(&t, false);
                positions.push((k as u32, n));
                n += 1;
            });
            each_term(answer_folded, lang, |t| {
                tally(&t, true);
            });
            // Positions grouped by term, ascending within each (the sort is stable).
            positions.sort_by_key(|&(k, _)| k);
            // Where each term's positions are, then the terms in id order (see
            // `Doc::terms`).
            ranges.clear();
            ranges.resize(tallies.len(), (0, 0));
            for (at, &(k, _)) in positions.iter().enumerate() {
                let range = &mut ranges[k as usize];
                if range.1 == 0 {
                    range.0 = at as u32;
                }
                range.1 = at as u32 + 1;
            }
            // Sorted as plain numbers, id above index: no lookup while sorting.
            order.clear();
            order.extend(
                tallies
                    .iter()
                    .enumerate()
                    .map(|(k, &(id, _))| u64::from(id) << 32 | k as u64),
            );
            order.sort_unstable();
            let mut terms = Vec::with_capacity(tallies.len() * 4);
            let mut previous = 0;
            for &key in order.iter() {
                let k = key as u32;
                let (id, in_answer) = tallies[k as usize];
                let (start, end) = ranges[k as usize];
                let at = &positions[start as usize..end as usize];
                push_varint(&mut terms, id - previous);
                previous = id;
                push_varint(
                    &mut terms,
                    in_answer.min(u32::MAX >> 1) << 1 | u32::from(!at.is_empty()),
                );
                if !at.is_empty() {
                    push_varint(&mut terms, at.len() as u32);
                    for &(_, p) in at {
                        push_varint(&mut terms, p);
                    }
                }
                slot[id as usize] = 0;
            }
            terms.shrink_to_fit();
            terms
        });
        let excerpt = excerpt(answer);
        Doc {
            question: question.to_string(),
            url,
            explainer,
            excerpt,
            terms,
        }
    }
}

/// The first [`EXCERPT_CHARS`] characters of an answer, `…` where it was cut. Exactly
/// as long as it needs to be: a large site keeps hundreds of thousands until the index is
/// written.
fn excerpt(answer: &str) -> String {
    match answer.char_indices().nth(EXCERPT_CHARS) {
        None => answer.to_string(),
        Some((cut, _)) => {
            let kept = answer[..cut].trim_end();
            let mut excerpt = String::with_capacity(kept.len() + '…'.len_utf8());
            excerpt.push_str(kept);
            excerpt.push('…');
            excerpt
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
    terms: Option<&'a BTreeMap<&'a str, Vec<u32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    docs: Option<&'a [[&'a str; 4]]>,
}

/// The shard a term lives in: its first three letters for Latin terms (so that the word
/// being typed can be completed from one shard), a hash bucket for other scripts (Khmer
/// pairs would otherwise crowd a few shards). `search.js` computes the same.
pub fn shard_of(term: &str) -> String {
    if term.chars().all(|c| c.is_ascii_alphanumeric()) {
        return term.chars().take(3).collect();
    }
    let mut h: u32 = 0x811c_9dc5;
    for c in term.chars() {
        h ^= u32::from(c);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("x{}", h % 256)
}

fn script(name: &str, data: &impl Serialize) -> String {
    format!(
        "loaSearch({},{});\n",
        crate::output::script_json(&name),
        crate::output::script_json(data)
    )
}

/// A chunk of question data as a script: what [`script`] would make of `rows`, written
/// by hand (the chunks hold every question and excerpt of the site).
fn docs_script(name: &str, rows: &[[&str; 4]]) -> String {
    let bytes: usize = rows.iter().flatten().map(|s| s.len() + 3).sum();
    let mut out = String::with_capacity(bytes + name.len() + 32);
    out.push_str("loaSearch(");
    crate::output::push_json_str(&mut out, name);
    out.push_str(",[");
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        for (j, field) in row.iter().enumerate() {
            out.push(if j == 0 { '[' } else { ',' });
            crate::output::push_json_str(&mut out, field);
        }
        out.push(']');
    }
    out.push_str("]);\n");
    out
}

/// The files of one language's index, handed to `emit` (name under `search/<lang>/`, text)
/// a few at a time as they are made, in order, so a large index is never all in memory as
/// text. Postings are flat arrays of numbers; for each question that has the term: the gap
/// from the previous such question, the number of question positions, their gaps, and the
/// number of times the answer has the term.
///
/// `stop` is asked now and then (watch mode: has another save arrived?); when it says yes,
/// the function returns `false` as soon as the files being made have stopped (each asks
/// before every term), having handed over the first files of a full run only.
pub fn index_files(
    lang: &str,
    docs: &[&Doc],
    vocabulary: &Vocabulary,
    stop: &(dyn Fn() -> bool + Sync),
    emit: &mut dyn FnMut(&str, String),
) -> bool {
    let names = vocabulary.names();
    // Indexed by term id: ids are dense, and a vector needs no string comparisons. Lists
    // are varints too until a shard is written: all of a large site's lists are in memory
    // at once here.
    let mut by_id: Vec<(u32, Vec<u8>)> = vec![(0, Vec::new()); names.len()];
    for (d, doc) in docs.iter().enumerate() {
        if d % STOP_EVERY_DOCS == STOP_EVERY_DOCS - 1 && stop() {
            return false;
        }
        let d = d as u32;
        let mut entries = doc.entries();
        while let Some((term, positions, in_answer)) = entries.next_term() {
            let Some((last, list)) = by_id.get_mut(term as usize) else {
                break;
            };
            push_varint(list, d - *last);
            *last = d;
            push_varint(list, positions.clone().count() as u32);
            let mut previous = 0;
            for p in positions {
                push_varint(list, p - previous);
                previous = p;
            }
            push_varint(list, in_answer);
        }
    }
    // Term → its list, in name order.
    let mut terms: Vec<(&str, Vec<u8>)> = names
        .iter()
        .zip(by_id)
        .filter(|(_, (_, list))| !list.is_empty())
        .map(|(name, (_, list))| (name.as_str(), list))
        .collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let rows: Vec<[&str; 4]> = docs
        .iter()
        .map(|d| {
            [
                d.question.as_str(),
                d.url.as_str(),
                &*d.explainer,
                d.excerpt.as_str(),
            ]
        })
        .collect();
    // Bytes of varints are about the size of the JSON numbers they become.
    let size: usize = terms.iter().map(|(k, v)| k.len() + v.len() * 2).sum();
    if size <= SINGLE_FILE_LIMIT {
        let postings = decoded(&terms);
        let header = Header {
            lang,
            count: docs.len(),
            shards: Vec::new(),
            chunk: docs.len().max(1),
            terms: Some(&postings),
            docs: Some(&rows),
        };
        emit("index.js", script("index", &header));
        return true;
    }
    let mut shards: BTreeMap<String, Vec<(&str, Vec<u8>)>> = BTreeMap::new();
    for (term, list) in terms {
        shards.entry(shard_of(term)).or_default().push((term, list));
    }
    let header = Header {
        lang,
        count: docs.len(),
        shards: shards.keys().cloned().collect(),
        chunk: DOCS_PER_CHUNK,
        terms: None,
        docs: None,
    };
    // A few files at a time made on every core, then handed over in order: the largest
    // language's index is the last work of a build, and alone it kept one core of two idle
    // for a third of the search index's time. In order, so that a stopped run has written
    // the first files of a full one. Twice as many files as cores, so that a core done
    // with a small shard takes another; at most 16, since the batch is in memory at once
    // (a Khmer shard of a large site is a megabyte or two).
    let batch = (2 * rayon::current_num_threads()).min(16);
    let shards: Vec<_> = shards.iter().collect();
    for some in shards.chunks(batch) {
        let texts: Vec<Option<String>> = some
            .par_iter()
            .map(|(name, terms)| postings_script(name, terms, stop))
            .collect();
        for ((name, _), text) in some.iter().zip(texts) {
            let Some(text) = text else {
                return false;
            };
            emit(&format!("t-{name}.js"), text);
        }
    }
    let chunks: Vec<(usize, &[[&str; 4]])> = rows.chunks(DOCS_PER_CHUNK).enumerate().collect();
    for some in chunks.chunks(batch) {
        if stop() {
            return false;
        }
        let texts: Vec<String> = some
            .par_iter()
            .map(|(i, chunk)| docs_script(&format!("d-{i}"), chunk))
            .collect();
        for ((i, _), text) in some.iter().zip(texts) {
            emit(&format!("d-{i}.js"), text);
        }
    }
    // Last: a reader who loads the index while it is being rewritten gets the old shard
    // list until every new shard is there.
    emit("index.js", script("index", &header));
    true
}

/// A shard of term lists as a script: what [`script`] would make of the decoded lists,
/// written straight from the varints (large sites have hundreds of shards and millions of
/// numbers). Terms are letters and digits, so `</` cannot occur in it. `None` when `stop`
/// says so, which it is asked before each term: a common word's list on a large site takes
/// a millisecond to write, a shard a hundred.
fn postings_script(
    shard: &str,
    terms: &[(&str, Vec<u8>)],
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<String> {
    let bytes: usize = terms.iter().map(|(t, l)| t.len() + 4 + l.len() * 3).sum();
    let mut out = String::with_capacity(bytes + 32);
    out.push_str("loaSearch(");
    crate::output::push_json_str(&mut out, &format!("t-{shard}"));
    out.push_str(",{");
    for (i, (term, list)) in terms.iter().enumerate() {
        if stop() {
            return None;
        }
        if i > 0 {
            out.push(',');
        }
        crate::output::push_json_str(&mut out, term);
        out.push_str(":[");
        for (j, n) in Varints(list).enumerate() {
            if j > 0 {
                out.push(',');
            }
            crate::output::push_decimal(&mut out, n);
        }
        out.push(']');
    }
    out.push_str("});\n");
    Some(out)
}

/// A shard's lists as the numbers the browser reads.
fn decoded<'a>(terms: &[(&'a str, Vec<u8>)]) -> BTreeMap<&'a str, Vec<u32>> {
    terms
        .iter()
        .map(|(name, list)| (*name, Varints(list).collect()))
        .collect()
}

/// LEB128: seven bits a byte, the high bit set on all but the last.
fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The numbers of a [`push_varint`] stream.
#[derive(Clone)]
struct Varints<'a>(&'a [u8]);

impl Iterator for Varints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut n = 0u32;
        let mut shift = 0;
        loop {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
        }
    }

    /// Each number ends at a byte below 0x80: counted without decoding (the index counts a
    /// question's positions of every term it writes).
    fn count(self) -> usize {
        self.0.iter().filter(|&&b| b < 0x80).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A question's terms as (id, question positions, occurrences in the answer).
    fn entries(doc: &Doc) -> Vec<(u32, Vec<u32>, u32)> {
        let mut out = Vec::new();
        let mut entries = doc.entries();
        while let Some((term, positions, in_answer)) = entries.next_term() {
            out.push((term, positions.collect(), in_answer));
        }
        out
    }

    #[test]
    fn question_terms_are_kept_in_id_order_with_their_counts() {
        let v = Vocabulary::default();
        // Ids in the order met: later words get the lower ids here.
        for w in ["mot", "hai", "ba"] {
            v.id(w);
        }
        let answer = format!("{} ba", "hai ".repeat(200));
        let doc = Doc::new(
            &v,
            "vi",
            "Ba, mot hay ba?",
            &answer,
            "p/".into(),
            "E".into(),
        );
        assert_eq!(
            entries(&doc),
            [
                (v.id("mot"), vec![1], 0),
                (v.id("hai"), vec![], 200),
                (v.id("ba"), vec![0, 3], 1),
                (v.id("hay"), vec![2], 0),
            ]
        );
    }

    #[test]
    fn excerpts_cut_at_a_character_count_and_keep_no_spare_room() {
        assert_eq!(excerpt("Ngắn."), "Ngắn.");
        // Khmer letters are three bytes each: the cut is by characters, never mid-letter.
        let long = format!("{} {}", "ក".repeat(EXCERPT_CHARS - 1), "ខ".repeat(50));
        let e = excerpt(&long);
        assert_eq!(
            e,
            format!("{}…", "ក".repeat(EXCERPT_CHARS - 1)),
            "the space is trimmed"
        );
        assert_eq!(e.capacity(), e.len());
        let exact = "a".repeat(EXCERPT_CHARS);
        assert_eq!(excerpt(&exact), exact, "nothing cut, no ellipsis");
    }

    #[test]
    fn ascii_prefixes_are_counted_to_the_first_other_byte() {
        for (text, n) in [
            ("", 0),
            ("abc", 3),
            ("abcdefgh", 8),
            ("abcdefghij", 10),
            ("ểabc", 0),
            ("abcdefg ể", 8),
            ("abcdefgh ể", 9),
            ("abcdefghijklmnopq ể", 18),
        ] {
            assert_eq!(super::ascii_prefix(text.as_bytes()), n, "{text:?}");
        }
    }

    /// The table is a cache of the slow path: the two must agree on every character and
    /// on mixed text (NFD marks after letters, Khmer, scripts past the table).
    #[test]
    fn the_fold_table_agrees_with_decomposition() {
        let slow = |text: &str| -> String {
            let mut out = String::new();
            for c in text.chars() {
                fold_char(c, &mut out);
            }
            out.nfc().collect()
        };
        for code in 0..0x2100u32 {
            if let Some(c) = char::from_u32(code) {
                let text = format!("a{c}b");
                assert_eq!(fold(&text), slow(&text), "U+{code:04X}");
            }
        }
        // Marks of every class in every order, where NFC must reorder them.
        let marks: Vec<char> = (0x80..0x2000u32)
            .filter_map(char::from_u32)
            .filter(|&c| unicode_normalization::char::canonical_combining_class(c) != 0)
            .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
            .step_by(5)
            .collect();
        for &first in &marks {
            for &second in &marks {
                let text = format!("x{first}{second}ក{second}{first}");
                assert_eq!(fold(&text), slow(&text), "{text:?}");
            }
        }
        for text in [
            "Chuyển đổi số Ấp Ơ Ư ĐĂNG KÝ",
            "Chuye\u{0302}\u{0309}n",
            "ការផ្លាស់ប្តូរឌីជីថល",
            "ក\u{17dd}\u{17d2}ក",
            // A vowel sign that composes with the one before it (NFC quick check: maybe).
            "\u{0cbf}\u{0cd5}",
            "İstanbul ǅ Ωmega ﬁ 中文",
        ] {
            assert_eq!(fold(text), slow(text), "{text}");
        }
    }

    #[test]
    fn shards_written_from_varints_equal_the_serialized_lists() {
        let list = |numbers: &[u32]| {
            let mut bytes = Vec::new();
            for &n in numbers {
                push_varint(&mut bytes, n);
            }
            bytes
        };
        // In name order, as `index_files` hands them over.
        let terms = vec![
            ("cau", list(&[0, 1, 2, 1, 300, 0, 5])),
            ("x", list(&[])),
            ("ការ", list(&[7, 0, 1])),
        ];
        assert_eq!(
            postings_script("x17", &terms, &|| false),
            Some(script("t-x17", &decoded(&terms)))
        );
    }

    #[test]
    fn question_chunks_written_by_hand_equal_the_serialized_rows() {
        let rows = [
            [
                "Câu hỏi \"một\"?",
                "a/#x",
                "Bài </script>",
                "dòng\nhai\t\u{1}",
            ],
            ["ការ", "b/", "", "\\"],
        ];
        assert_eq!(docs_script("d-3", &rows), script("d-3", &rows));
        assert_eq!(docs_script("d-0", &[]), script("d-0", &[[""; 4]; 0]));
    }

    #[test]
    fn varints_round_trip() {
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut bytes = Vec::new();
        for n in numbers {
            push_varint(&mut bytes, n);
        }
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 5);
        assert_eq!(Varints(&bytes).collect::<Vec<_>>(), numbers);
        assert_eq!(Varints(&bytes).count(), numbers.len());
        assert_eq!(
            Varints(&bytes[..bytes.len() - 1]).count(),
            numbers.len() - 1
        );
    }

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
        assert_eq!(
            terms("scammed scam calling", "en"),
            ["scam", "scam", "call"]
        );
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
    fn terms_split_mixed_scripts_exactly() {
        // Words end at anything but a letter or digit, and at Khmer; Khmer runs end at
        // anything else and at Khmer punctuation.
        let t = terms("Số 1: ការ-ផ្លាស់។ΑΒΓ x២y  e-mail", "vi");
        assert_eq!(
            t,
            [
                "so", "1", "កា", "ារ", "ផ្", "្ល", "លា", "ាស", "ស់", "αβγ", "x", "២", "y", "e", "mail"
            ]
        );
        // One Khmer letter alone is a term; digits and letters together are one word.
        assert_eq!(terms("ក 3g", "km"), ["ក", "3g"]);
        assert_eq!(terms("", "vi"), Vec::<String>::new());
        assert_eq!(terms("  ,. ", "vi"), Vec::<String>::new());
    }

    #[test]
    fn short_terms_get_distinct_keys() {
        let words = ["a", "ab", "abcdefgh", "ba", "ក", "កា", "1", "10"];
        let keys: std::collections::BTreeSet<u64> =
            words.iter().filter_map(|w| short_key(w)).collect();
        assert_eq!(keys.len(), words.len());
        assert_eq!(short_key("abcdefghi"), None);
        // Ids through the short and the long map agree with the vocabulary.
        let v = Vocabulary::default();
        let long = "chuyendoiso";
        let doc = Doc::new(&v, "vi", "a chuyendoiso", "a", "p/".into(), "E".into());
        assert_eq!(entries(&doc)[0], (v.id("a"), vec![0], 1));
        assert!(v.names().iter().any(|n| n == long));
        // More short terms than the cache in front of the map has slots, twice over: each
        // id is still the vocabulary's.
        let words: Vec<String> = (0..10_000).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        for _ in 0..2 {
            let doc = Doc::new(&v, "vi", "", &text, "p/".into(), "E".into());
            // No question positions; once in the answer. (Ids were given in the order the
            // words were first met, and terms are kept in id order.)
            let expected: Vec<_> = words.iter().map(|w| (v.id(w), vec![], 1)).collect();
            assert_eq!(entries(&doc), expected);
        }
    }

    #[test]
    fn small_indexes_are_one_script_and_large_ones_are_sharded() {
        let v = Vocabulary::default();
        let doc = Doc::new(
            &v,
            "vi",
            "Chuyển đổi số là gì?",
            "Là dùng công nghệ số.",
            "a/#q".into(),
            "A".into(),
        );
        let so = v.id("so");
        // `so`: once in the question, at position 2, once in the answer.
        assert!(entries(&doc).contains(&(so, vec![2], 1)), "{doc:?}");
        let mut files = Vec::new();
        index_files("vi", &[&doc], &v, &|| false, &mut |n, t| {
            files.push((n.to_string(), t))
        });
        assert_eq!(files.len(), 1);
        assert!(
            files[0]
                .1
                .starts_with("loaSearch(\"index\",{\"lang\":\"vi\"")
        );
        assert!(files[0].1.contains("\"so\":[0,1,2,1]"), "{}", files[0].1);
        let many: Vec<Doc> = (0..6000)
            .map(|i| {
                Doc::new(
                    &v,
                    "vi",
                    &format!("Câu hỏi {i}"),
                    &format!("từ{i} và thêm chữ{i} nữa"),
                    format!("p{i}/"),
                    "E".into(),
                )
            })
            .collect();
        let refs: Vec<&Doc> = many.iter().collect();
        let mut files = Vec::new();
        index_files("vi", &refs, &v, &|| false, &mut |n, t| {
            files.push((n.to_string(), t))
        });
        assert!(files.len() > 10);
        assert!(files.iter().any(|(n, _)| n == "t-cau.js"));
        assert!(files.iter().any(|(n, _)| n == "d-5.js"));
        assert_eq!(files.last().map(|(n, _)| n.as_str()), Some("index.js"));
        // Stopped at any point, it has written the first files of a full run, and the
        // header, which names the shards, only when every shard is out.
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        // How often a full run asks: stops near its end fall among the question chunks.
        let asks = AtomicUsize::new(0);
        index_files(
            "vi",
            &refs,
            &v,
            &|| {
                asks.fetch_add(1, Ordering::Relaxed);
                false
            },
            &mut |_, _| {},
        );
        let asks = asks.load(Ordering::Relaxed);
        let mut stopped_in_shards = 0;
        let mut stopped_in_chunks = 0;
        for after in (0..6000 / STOP_EVERY_DOCS + 40).chain(asks - 8..asks + 1) {
            let asked = AtomicUsize::new(0);
            let stop = || asked.fetch_add(1, Ordering::Relaxed) + 1 > after;
            let mut partial = Vec::new();
            let done = index_files("vi", &refs, &v, &stop, &mut |n, _| {
                partial.push(n.to_string())
            });
            assert_eq!(partial, names[..partial.len()], "stopped after {after}");
            assert_eq!(done, partial.len() == names.len(), "stopped after {after}");
            stopped_in_shards += usize::from(!done && !partial.is_empty());
            stopped_in_chunks += usize::from(!done && partial.iter().any(|n| n == "d-0.js"));
        }
        assert!(stopped_in_shards > 0);
        assert!(stopped_in_chunks > 0);
        // Asked before every term, not only between shards (a shard can take 100 ms).
        let asked = AtomicUsize::new(0);
        let stop = || {
            asked.fetch_add(1, Ordering::Relaxed);
            false
        };
        index_files("vi", &refs, &v, &stop, &mut |_, _| {});
        let terms: usize = files.iter().map(|(_, t)| t.matches(":[").count()).sum();
        let asked = asked.load(Ordering::Relaxed);
        assert!(asked >= terms, "{asked} < {terms}");
    }
}
