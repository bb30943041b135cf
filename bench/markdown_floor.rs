//! A floor beside the copy floor (bench/RESULTS.md): the least any generator of this
//! site must do. Reads every Markdown file under a folder, turns it into HTML with
//! pulldown-cmark on every core, and writes each to its own `index.html`, nothing else:
//! no templates, search index, QR codes, feeds or sitemap.
//!
//! `cargo run --release --example markdown_floor -- SITE/content OUTPUT`; `bench/run.sh`
//! times it beside the copy (bench/README.md).

use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[cfg(not(windows))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, source, output] = args.as_slice() else {
        eprintln!("usage: markdown_floor SOURCE OUTPUT");
        std::process::exit(2);
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(source)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let bytes: usize = files
        .par_iter()
        .map(|file| -> std::io::Result<usize> {
            let text = std::fs::read_to_string(file)?;
            let html = page(&text);
            let relative = file.strip_prefix(source).unwrap_or(file);
            let dir = Path::new(output).join(relative.with_extension(""));
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("index.html"), &html)?;
            Ok(html.len())
        })
        .collect::<std::io::Result<Vec<usize>>>()?
        .into_iter()
        .sum();
    println!("{} files, {bytes} bytes of HTML", files.len());
    Ok(())
}

/// The body after the front matter, as HTML.
fn page(text: &str) -> String {
    let body = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(text);
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_FOOTNOTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES;
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(body, options));
    html
}
