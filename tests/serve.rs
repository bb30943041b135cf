//! `loa serve` as an author uses it: the real binary on a free loopback port, a browser's
//! requests and event stream imitated over TCP, files edited the ways editors save them.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

/// The server process, stopped when the test ends however it ends.
struct Server {
    child: Child,
    port: u16,
    stderr: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Path, port: u16) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args([
            "serve",
            "--source",
            site.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .env("LANG", "C")
        .env_remove("LOA_LANG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let (etx, erx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = etx.send(line);
        }
    });
    // Built first, so that whatever happens next, dropping it stops the process.
    let mut server = Server {
        child,
        port: 0,
        stderr: erx,
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.port == 0 {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("loa serve printed no URL");
        if let Some(rest) = line.strip_prefix("Preview at http://127.0.0.1:") {
            server.port = rest.split('/').next().unwrap().parse().unwrap();
        }
    }
    server
}

struct Response {
    status: u16,
    headers: String,
    body: String,
}

fn get(port: u16, path: &str) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (headers, body) = raw.split_once("\r\n\r\n").unwrap();
    Response {
        status: headers[9..12].parse().unwrap(),
        headers: headers.to_string(),
        body: body.to_string(),
    }
}

/// An open page's event stream.
struct Events {
    lines: mpsc::Receiver<String>,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET /__loa/events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(s).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let e = Events { lines: rx };
        e.expect("event: hello");
        e
    }

    /// Lets the events of earlier saves arrive: returns after 500 ms without any.
    fn settle(&self) {
        while self.lines.recv_timeout(Duration::from_millis(500)).is_ok() {}
    }

    /// Waits (bounded) for a line starting with `prefix`, returning the data line after it.
    fn expect(&self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        loop {
            let Ok(line) = self
                .lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            else {
                panic!("no `{prefix}` within 10 s; saw {seen:?}");
            };
            if line.starts_with(prefix) {
                return self
                    .lines
                    .recv_timeout(Duration::from_secs(5))
                    .unwrap_or_default();
            }
            seen.push(line);
        }
    }
}

/// Waits (bounded) until a path answers with `status`.
fn wait_for_status(port: u16, path: &str, status: u16) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while get(port, path).status != status {
        assert!(Instant::now() < deadline, "{path} never answered {status}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn site_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = copy_fixture("basic", tmp.path());
    (tmp, site)
}

#[test]
fn serves_pages_with_types_and_404_and_nothing_outside_the_output() {
    let (_tmp, site) = site_copy();
    let server = serve(&site, 0);
    let p = server.port;
    let page = get(p, "/cds/chung/a/");
    assert_eq!(page.status, 200);
    assert!(
        page.headers
            .contains("Content-Type: text/html; charset=utf-8")
    );
    assert!(
        page.body.contains("/__loa/events"),
        "live reload script injected"
    );
    assert!(
        !read(&site.join("public/chung/a/index.html")).contains("__loa"),
        "never in built files"
    );
    assert_eq!(
        get(p, "/chung/a/").body,
        page.body,
        "served at the root too"
    );
    assert!(
        get(p, "/style.css")
            .headers
            .contains("Content-Type: text/css")
    );
    assert!(
        get(p, "/chung/a/qr.svg")
            .headers
            .contains("Content-Type: image/svg+xml")
    );
    assert!(
        get(p, "/sitemap.xml")
            .headers
            .contains("Content-Type: application/xml")
    );
    let folder = get(p, "/cds/chung");
    assert_eq!(folder.status, 301);
    assert!(folder.headers.contains("Location: /cds/chung/"));
    let missing = get(p, "/cds/khong-co/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Không tìm thấy trang"));
    for evil in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/cds/..%2f..%2fsite.yaml",
        "/..\\site.yaml",
        "/%5c..%5csite.yaml",
    ] {
        let r = get(p, evil);
        assert!(r.status == 400 || r.status == 404, "{evil}: {}", r.status);
        assert!(!r.body.contains("base_url"), "{evil} leaked site.yaml");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&site, site.join("public/out")).unwrap();
        assert_eq!(get(p, "/out/site.yaml").status, 404);
    }
}

#[test]
fn edits_reload_open_pages_and_errors_show_until_fixed() {
    let (tmp, site) = site_copy();
    let server = serve(&site, 0);
    let p = server.port;
    let events = Events::open(p);
    let a = site.join("content/vi/chung/a.md");

    // A plain save.
    std::fs::write(
        &a,
        read(&a).replace("Là dùng công nghệ số.", "Là dùng công nghệ số hôm nay."),
    )
    .unwrap();
    events.expect("event: reload");
    assert!(get(p, "/chung/a/").body.contains("công nghệ số hôm nay"));

    // A broken save: the problem reaches the page, the last good page keeps being served.
    let good = read(&a);
    std::fs::write(
        &a,
        good.replace("title: Chuyển đổi số là gì?\n", "title: [\n"),
    )
    .unwrap();
    let problem = events.expect("event: problem");
    assert!(problem.contains("content/vi/chung/a.md:2"), "{problem}");
    assert!(get(p, "/chung/a/").body.contains("công nghệ số hôm nay"));
    // A page opened now shows it too.
    let late = Events::open(p);
    late.expect("event: problem");

    // Fixed by an editor that writes a temporary file and renames it over the original.
    let tmp_file = site.join("content/vi/chung/.a.md.tmp");
    std::fs::write(&tmp_file, good.replace("hôm nay", "ngày mai")).unwrap();
    std::fs::rename(&tmp_file, &a).unwrap();
    events.expect("event: reload");
    assert!(get(p, "/chung/a/").body.contains("công nghệ số ngày mai"));

    // A stylesheet change swaps styles without a reload.
    events.settle();
    std::fs::create_dir_all(site.join("static")).unwrap();
    std::fs::write(site.join("static/extra.css"), "body{color:#111}").unwrap();
    events.expect("event: css");

    // A folder moved in, then out again.
    events.settle();
    let incoming = tmp.path().join("incoming");
    std::fs::create_dir_all(&incoming).unwrap();
    std::fs::write(
        incoming.join("moi.md"),
        "---\ntitle: New\n---\n## Q?\n\nA.\n",
    )
    .unwrap();
    let moved = site.join("content/en/kinh-te-so");
    std::fs::rename(&incoming, &moved).unwrap();
    events.expect("event: reload");
    wait_for_status(p, "/en/kinh-te-so/moi/", 200);
    events.settle();
    std::fs::rename(&moved, &incoming).unwrap();
    events.expect("event: reload");
    wait_for_status(p, "/en/kinh-te-so/moi/", 404);

    // A deleted explainer disappears. (Its links go first: deleting a linked page is an
    // error the author must see.)
    let en = site.join("content/en/chung/a.md");
    let unlink = |path: &Path, link: &str| {
        std::fs::write(path, read(path).replace(link, "")).unwrap();
    };
    unlink(&en, "See [the benefits](../kinh-te-so/b.md#loi-ich).");
    unlink(&a, "Xem [lợi ích](../kinh-te-so/b.md#loi-ich).");
    events.expect("event: reload");
    events.settle();
    std::fs::remove_file(site.join("content/vi/kinh-te-so/b.md")).unwrap();
    events.expect("event: reload");
    wait_for_status(p, "/kinh-te-so/b/", 404);

    // After all that, the output equals a clean build of the same files.
    let clean = tmp.path().join("clean");
    build(&site, &clean, &[]);
    assert_same_files(&site.join("public"), &clean);
}

#[test]
fn a_taken_port_is_reported_and_the_next_one_used() {
    let (_tmp, site) = site_copy();
    let blocker = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let taken = blocker.local_addr().unwrap().port();
    let server = serve(&site, taken);
    assert_ne!(server.port, taken);
    let said = server.stderr.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(said, format!("Port {taken} is taken; trying the next one."));
    assert_eq!(get(server.port, "/cds/").status, 200);
}
