//! What can go wrong because of the user's input, said so that an author can act on it.
//!
//! Every stage reports problems as [`Diagnostic`]s (file, line, column, typed [`Problem`])
//! into a shared list instead of stopping at the first one, so that a build names every
//! mistake of a run at once. Errors stop the build before anything is written; warnings
//! are printed and the build goes on.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Accepted silently by a build; `loa check` mentions it.
    Note,
    Warning,
    Error,
}

/// A mistake in the site's input, typed so that tests can match on it and so that its
/// message can be said in the author's language (see [`crate::messages`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Unreadable(String),
    NotUtf8 {
        byte: u8,
    },
    MissingConfig,
    /// The YAML parser's own words (English) about site.yaml.
    ConfigYaml(String),
    ConfigUnknownKey {
        key: String,
        hint: Hint,
    },
    NoLanguages,
    BadLanguageCode(String),
    DuplicateLanguage(String),
    UnknownFallback {
        fallback: String,
        language: String,
    },
    DefaultLanguageNotListed {
        code: String,
        listed: String,
    },
    NoSiteTitle,
    BadBaseUrl(String),
    DuplicateId(String),
    NoPillars,
    AudiencePathClash,
    FrontMatterYaml(String),
    FrontMatterUnclosed,
    FrontMatterNotMapping,
    FrontMatterUnknownKey {
        key: String,
        hint: Hint,
    },
    MissingTitle,
    BadDate {
        field: &'static str,
        value: String,
    },
    UnknownAudience {
        name: String,
        hint: Hint,
    },
    UnknownPillar {
        name: String,
        hint: Hint,
    },
    UnknownLanguage(String),
    MisplacedFile,
    BadSlug(String),
    DuplicateUrl {
        url: String,
        other: String,
    },
    BrokenLink(String),
    BrokenAnchor {
        target: String,
        anchor: String,
    },
    /// Tera's own words about a template.
    Template(String),
    MissingTemplate(String),
    /// Listings are split into pages of this many explainers, and no template of the
    /// theme shows `pager`: the pages after the first are linked from nowhere.
    ThemeWithoutPager(usize),
    UnknownTheme(String),
    FluentSyntax(String),
    MissingMessage(String),
    Output(String),
    EmptyExplainer,
    NoQuestions,
    DuplicateQuestionId(String),
    SkippedHeadingLevel {
        from: u8,
        to: u8,
    },
    AbsoluteSelfLink(String),
    MissingImage(String),
    LinkToUntranslated {
        target: String,
        language: String,
    },
    ByteOrderMark,
    CrlfLineEndings,
    SymlinkOutside(String),
    BrokenSymlink,
    TranslationMissing {
        language: String,
    },
    TranslationStale {
        source: String,
    },
    QuestionCountMismatch {
        source: String,
        here: usize,
        there: usize,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::messages::problem(self))
    }
}

/// "Did you mean …?" appended to a message, or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hint(pub Option<String>);

impl Hint {
    /// The closest candidate, if it is close enough to be a likely typo.
    pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Hint {
        let candidates: Vec<&str> = candidates.into_iter().collect();
        let best = candidates
            .iter()
            .map(|c| (edit_distance(word, c), *c))
            .min_by_key(|(d, _)| *d);
        match best {
            Some((d, c)) if d <= 2.max(word.chars().count() / 3) => Hint(Some(c.to_string())),
            // `kinh-te` for `kinh-te-so`: a name cut short is a likely mistake too.
            _ => Hint(
                candidates
                    .iter()
                    .find(|c| word.len() >= 3 && (c.starts_with(word) || word.starts_with(**c)))
                    .map(|c| c.to_string()),
            ),
        }
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// One problem at one place in one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the site folder where possible, as the author sees it.
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub problem: Problem,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, line: Option<usize>, problem: Problem) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line,
            column: None,
            problem,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, line: Option<usize>, problem: Problem) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, problem)
        }
    }

    pub fn note(path: impl Into<PathBuf>, line: Option<usize>, problem: Problem) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(path, line, problem)
        }
    }

    pub fn at_column(mut self, column: Option<usize>) -> Self {
        self.column = column;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let label = match self.severity {
            Severity::Error => crate::messages::text("label-error", &[]),
            Severity::Warning => crate::messages::text("label-warning", &[]),
            Severity::Note => crate::messages::text("label-note", &[]),
        };
        write!(f, ": {label}: {}", self.problem)
    }
}

/// Sorts problems by file and line so that a report reads top to bottom.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.problem.to_string()).cmp(&(
            &b.path,
            b.line,
            b.column,
            &b.problem.to_string(),
        ))
    });
}

pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// The 1-based line of a byte offset in a text.
pub fn line_of(text: &str, offset: usize) -> usize {
    Lines::new(text).line_of(offset)
}

/// The lines of offsets in one text, met mostly in increasing order: each is counted on
/// from the one before (a body's links are met in order, and counting every link's line
/// from the start of its body was 2% of a build).
pub struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// [`line_of`] the text; an offset before the last one asked is counted from the start.
    pub fn line_of(&mut self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        if end < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += self.text[self.offset..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.offset = end;
        self.line
    }
}

/// `path` relative to `root`, for messages; unchanged if it is elsewhere.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_counted_on_agree_with_newlines_counted_from_the_start() {
        let text = "a\nbb\n\nccc\nd";
        let mut lines = Lines::new(text);
        // In order, repeated, backwards, and past the end.
        for offset in [0, 1, 2, 5, 5, 6, 9, 3, 0, 11, 12, 40] {
            let counted = text.as_bytes()[..offset.min(text.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            assert_eq!(lines.line_of(offset), counted + 1, "offset {offset}");
        }
    }

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["title", "summary", "audiences", "author"];
        assert_eq!(Hint::closest("autor", keys).0.as_deref(), Some("author"));
        assert_eq!(
            Hint::closest("audience", keys).0.as_deref(),
            Some("audiences")
        );
        assert_eq!(Hint::closest("colour", keys).0, None);
    }

    #[test]
    fn line_counts_from_one() {
        let text = "a\nb\nc";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 100), 3);
    }

    #[test]
    fn displays_file_line_and_column() {
        let d =
            Diagnostic::error("content/vi/a.md", Some(3), Problem::MissingTitle).at_column(Some(5));
        assert_eq!(
            d.to_string(),
            "content/vi/a.md:3:5: error: `title` is missing from the front matter"
        );
    }
}
