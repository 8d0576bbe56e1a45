//! A small static file server for `dist/` (development and tests only; production is any
//! static host).

use crate::util::root;
use anyhow::{anyhow, Result};
use std::path::{Component, Path, PathBuf};
use tiny_http::{Header, Response, Server};

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path to a file in `dir`, refusing anything that leaves it.
fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let full = dir.join(rel);
    let full = if full.is_dir() { full.join("index.html") } else { full };
    full.is_file().then_some(full)
}

/// Starts serving `dir` on 127.0.0.1:`port` in background threads; returns the bound port.
pub fn start(dir: PathBuf, port: u16) -> Result<u16> {
    let server = Server::http(("127.0.0.1", port)).map_err(|e| anyhow!("cannot listen on {port}: {e}"))?;
    let bound = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(port);
    // A thread per request, as Python's ThreadingHTTPServer does: a response to a client
    // that reads slowly (the service worker fetching the engine and word list while the page
    // loads) blocks its thread until it is read. A fixed pool of 16 workers was seen to stall
    // with every worker so blocked (the offline e2e test waited for ever).
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let response = match resolve(&dir, req.url()).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
                    Some((path, bytes)) => {
                        let mut r = Response::from_data(bytes).with_header(
                            Header::from_bytes("Content-Type", content_type(&path)).expect("valid header"),
                        );
                        // Always revalidate: the service worker does the caching.
                        r.add_header(Header::from_bytes("Cache-Control", "no-cache").expect("valid header"));
                        r.boxed()
                    }
                    None => Response::from_string("not found").with_status_code(404).boxed(),
                };
                let _ = req.respond(response);
            });
        }
    });
    Ok(bound)
}

pub fn serve_forever(port: u16) -> Result<()> {
    let dir = root().join("dist");
    let port = start(dir, port)?;
    eprintln!("\nProngsai is served on http://127.0.0.1:{port}/  (Ctrl-C to stop)");
    loop {
        std::thread::park();
    }
}
