//! The preview server of `loa serve`: serves the output folder over HTTP on loopback, at
//! the root and under the `base_url` path, and tells open pages to reload (or swap their
//! stylesheet, or show the build error) through server-sent events.
//!
//! It is a small HTTP/1.1 server on `std::net`, a thread per connection: it only ever
//! serves one author's browser tabs. The live-reload script is added to HTML responses
//! here, never to the built files.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

const EVENTS: &str = "/__loa/events";
const LIVE_RELOAD: &str = include_str!("serve/live-reload.js");

/// What the server shares with the watcher.
pub struct Preview {
    output: RwLock<PathBuf>,
    base_path: RwLock<String>,
    clients: Mutex<Vec<Sender<String>>>,
    /// The current build error as lines of text, shown on every page until fixed.
    problem: Mutex<Option<Vec<String>>>,
    /// Changes with every good rebuild and every server start, so a reconnecting page
    /// knows whether it is out of date.
    build: AtomicU64,
}

/// What a rebuild means for open pages.
pub enum Notice {
    Reload,
    Styles,
    Problem(Vec<String>),
}

impl Preview {
    pub fn new(output: PathBuf, base_path: String) -> Arc<Preview> {
        let start = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        Arc::new(Preview {
            output: RwLock::new(output),
            base_path: RwLock::new(base_path),
            clients: Mutex::new(Vec::new()),
            problem: Mutex::new(None),
            build: AtomicU64::new(start),
        })
    }

    pub fn set_base_path(&self, base: String) {
        if let Ok(mut b) = self.base_path.write() {
            *b = base;
        }
    }

    pub fn notify(&self, notice: Notice) {
        let message = match notice {
            Notice::Reload | Notice::Styles => {
                if let Ok(mut p) = self.problem.lock() {
                    *p = None;
                }
                let build = self.build.fetch_add(1, Ordering::SeqCst) + 1;
                let event = if matches!(notice, Notice::Styles) {
                    "css"
                } else {
                    "reload"
                };
                format!("event: {event}\ndata: {build}\n\n")
            }
            Notice::Problem(lines) => {
                let message = problem_event(&lines);
                if let Ok(mut p) = self.problem.lock() {
                    *p = Some(lines);
                }
                message
            }
        };
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(message.clone()).is_ok());
        }
    }
}

fn problem_event(lines: &[String]) -> String {
    let json = serde_json::to_string(lines).unwrap_or_else(|_| "[]".into());
    format!("event: problem\ndata: {json}\n\n")
}

/// Binds `bind:port`, or the next free port of the ten after it. Returns the listener and
/// the ports that were taken, for the caller to report.
pub fn bind(bind: &str, port: u16) -> std::io::Result<(TcpListener, Vec<u16>)> {
    let mut taken = Vec::new();
    let mut last = None;
    for p in port..port.saturating_add(10) {
        match TcpListener::bind((bind, p)) {
            Ok(l) => return Ok((l, taken)),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                taken.push(p);
                last = Some(e);
            }
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no port")))
}

/// Accepts connections forever, each on its own thread.
pub fn run(listener: TcpListener, preview: Arc<Preview>) {
    for stream in listener.incoming().flatten() {
        let preview = preview.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &preview);
        });
    }
}

struct Request {
    method: String,
    path: String,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.take(16 * 1024));
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    // The headers are not needed; read them so the client sees a clean exchange.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    Some(Request { method, path })
}

fn handle(mut stream: TcpStream, preview: &Preview) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let Some(request) = read_request(&stream) else {
        return respond_body(
            &mut stream,
            400,
            "text/plain; charset=utf-8",
            b"bad request",
            false,
        );
    };
    if request.method != "GET" && request.method != "HEAD" {
        return respond_body(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed",
            false,
        );
    }
    let head = request.method == "HEAD";
    if request.path == EVENTS {
        return events(stream, preview);
    }
    let output = preview.output.read().map(|o| o.clone()).unwrap_or_default();
    let base = preview
        .base_path
        .read()
        .map(|b| b.clone())
        .unwrap_or_else(|_| "/".into());
    match resolve(&output, &base, &request.path) {
        Resolved::File(path) => {
            let bytes = std::fs::read(&path)?;
            let kind = content_type(&path);
            let body = if kind.starts_with("text/html") {
                inject(bytes)
            } else {
                bytes
            };
            respond_body(&mut stream, 200, kind, &body, head)
        }
        Resolved::Redirect(to) => {
            let header = format!(
                "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            stream.write_all(header.as_bytes())
        }
        Resolved::BadRequest => respond_body(
            &mut stream,
            400,
            "text/plain; charset=utf-8",
            b"bad request",
            head,
        ),
        Resolved::NotFound => {
            let page = output.join("404.html");
            match std::fs::read(&page) {
                Ok(bytes) => respond_body(
                    &mut stream,
                    404,
                    "text/html; charset=utf-8",
                    &inject(bytes),
                    head,
                ),
                Err(_) => respond_body(
                    &mut stream,
                    404,
                    "text/plain; charset=utf-8",
                    b"not found",
                    head,
                ),
            }
        }
    }
}

fn respond_body(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Keeps the connection open and forwards notices to it until the page goes away.
fn events(mut stream: TcpStream, preview: &Preview) -> std::io::Result<()> {
    let (tx, rx): (Sender<String>, Receiver<String>) = mpsc::channel();
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n",
    )?;
    let build = preview.build.load(Ordering::SeqCst);
    stream.write_all(format!("retry: 500\nevent: hello\ndata: {build}\n\n").as_bytes())?;
    if let Some(lines) = preview.problem.lock().ok().and_then(|p| p.clone()) {
        stream.write_all(problem_event(&lines).as_bytes())?;
    }
    stream.flush()?;
    if let Ok(mut clients) = preview.clients.lock() {
        clients.push(tx);
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            // A comment keeps proxies from closing the stream and finds closed tabs.
            Err(mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        stream.write_all(message.as_bytes())?;
        stream.flush()?;
    }
}

/// Adds the live-reload script before `</body>` (or at the end).
fn inject(mut html: Vec<u8>) -> Vec<u8> {
    let script = format!("<script>{LIVE_RELOAD}</script>");
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, script.into_bytes());
    html
}

#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(PathBuf),
    Redirect(String),
    BadRequest,
    NotFound,
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a URL path to a file of the output, refusing anything that could leave it:
/// `..` (plain or encoded), backslashes, NUL, and symlinks that point outside.
fn resolve(output: &Path, base: &str, raw: &str) -> Resolved {
    let Some(decoded) = percent_decode(raw) else {
        return Resolved::BadRequest;
    };
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Resolved::BadRequest;
    }
    let within = decoded
        .strip_prefix(base)
        .map(|r| format!("/{r}"))
        .unwrap_or_else(|| decoded.clone());
    let segments: Vec<&str> = within
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    if segments.iter().any(|s| *s == ".." || s.contains(':')) {
        return Resolved::BadRequest;
    }
    let mut path = output.to_path_buf();
    path.extend(&segments);
    let Ok(real) = path.canonicalize() else {
        return Resolved::NotFound;
    };
    let Ok(root) = output.canonicalize() else {
        return Resolved::NotFound;
    };
    if !real.starts_with(&root) {
        return Resolved::NotFound;
    }
    if real.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::Redirect(format!("{raw}/"));
        }
        let index = real.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if real.is_file() {
        Resolved::File(real)
    } else {
        Resolved::NotFound
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Opens the URL in the desktop's browser, if there is one; a headless machine just has
/// the printed URL.
pub fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/index.html"), "x").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        let r = |p: &str| resolve(&out, "/sub/", p);
        assert_eq!(
            r("/a/"),
            Resolved::File(out.join("a/index.html").canonicalize().unwrap())
        );
        assert_eq!(r("/sub/a/"), r("/a/"));
        assert_eq!(r("/a"), Resolved::Redirect("/a/".into()));
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/a/..%2f..%2fsecret.txt",
            "/a\\..\\..\\secret.txt",
            "/%5c..%5csecret.txt",
            "/%ff",
            "/c:/x",
        ] {
            assert_eq!(r(bad), Resolved::BadRequest, "{bad}");
        }
        assert_eq!(r("//etc/passwd"), Resolved::NotFound);
        assert_eq!(r("/"), Resolved::NotFound, "no index, no listing");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path(), out.join("link")).unwrap();
            assert_eq!(r("/link/secret.txt"), Resolved::NotFound);
        }
    }

    #[test]
    fn the_script_goes_before_the_body_end() {
        let html = inject(b"<html><body><p>x</p></body></html>".to_vec());
        let html = String::from_utf8(html).unwrap();
        assert!(html.ends_with("</script></body></html>"));
        assert!(html.contains(EVENTS));
    }
}
