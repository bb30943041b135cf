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
