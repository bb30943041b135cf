//! `loa init`: writes the starter site embedded in the binary into a new folder.

use std::io;
use std::path::Path;

use include_dir::{Dir, include_dir};

static STARTER: Dir = include_dir!("$CARGO_MANIFEST_DIR/starter");

/// Writes the starter site into `dir`, which must not exist or be empty, so that an
/// author's existing work is never overwritten.
pub fn run(dir: &Path) -> io::Result<usize> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists and is not empty", dir.display()),
        ));
    }
    let mut written = 0;
    let mut stack = vec![&STARTER];
    while let Some(d) = stack.pop() {
        for f in d.files() {
            let path = dir.join(f.path());
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, f.contents())?;
            written += 1;
        }
        stack.extend(d.dirs());
    }
    Ok(written)
}

/// Today's date in UTC, from the system clock (only for new files' front matter; builds
/// never read the clock).
pub fn today() -> crate::content::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> crate::content::Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    crate::content::Date { year, month, day }
}

/// The text of a new explainer: front matter to fill in and one question to start from.
/// It is a draft until the author removes `draft: true`.
pub fn new_explainer(slug: &str, today: crate::content::Date) -> String {
    let title: String = slug.replace(['-', '_'], " ");
    format!(
        "---\ntitle: {title}\nsummary: \nweight: 100\naudiences: []\ndate: {d}\nupdated: {d}\ndraft: true\n---\nMột hai câu giới thiệu bài.\n\n## Câu hỏi đầu tiên người đọc hay hỏi?\n\nCâu trả lời.\n",
        d = today.iso()
    )
}

/// Writes `text` to a new file, never over an existing one.
pub fn create_new(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        let d = civil_from_days(0);
        assert_eq!(d.iso(), "1970-01-01");
        assert_eq!(civil_from_days(20_416).iso(), "2025-11-24");
        assert_eq!(civil_from_days(19_782).iso(), "2024-02-29");
    }

    #[test]
    fn new_explainer_is_a_valid_draft() {
        let d = crate::content::Date {
            year: 2026,
            month: 11,
            day: 24,
        };
        let text = new_explainer("ban-hang-online", d);
        let split = crate::markdown::split_front_matter(&text).unwrap();
        assert!(split.front_matter.unwrap().contains("draft: true"));
        assert!(split.front_matter.unwrap().contains("date: 2026-11-24"));
        assert_eq!(crate::markdown::outline(split.body).questions.len(), 1);
    }
}
