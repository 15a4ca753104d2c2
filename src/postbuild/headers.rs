//! `dist/_headers`: the response headers for Netlify and Cloudflare Pages,
//! written from the files really in the bundle.
//!
//! Every file gets CORS for all (a sandboxed embed has an opaque origin, so
//! its module script and wasm are CORS requests), `nosniff`, a referrer
//! policy and a Permissions-Policy that denies what the widget never uses.
//! Files whose name carries a content hash never change under that name and
//! are cached for a year; every other file is revalidated on each use.
//!
//! Each HTML document sends its own `<meta>` policy again as a header,
//! where a policy can say who may frame it: the pages and the single file
//! only themselves (and they open no window that needs them), the embed's
//! documents anyone (no `frame-ancestors` at all: `*` would not match a
//! blog draft opened from `file:`). The service worker and the reports
//! worker get a minimal policy of their own. Each header comes from one rule
//! per path only: both hosts join the values of two matching rules, and two
//! policies would both be enforced.

use std::collections::BTreeMap;
use std::path::Path;

use super::digest::is_hashed;
use super::{answers, csp, reports, service_worker, trunk};

pub const FILE_NAME: &str = "_headers";
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";

/// Powerful features the widget never uses, denied to it and to anything
/// it frames (it copies with the clipboard, so `clipboard-write` is left).
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), \
     clipboard-read=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), \
     gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), \
     payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), \
     serial=(), usb=(), xr-spatial-tracking=()";

/// What every response carries.
pub const EVERY_FILE: [(&str, &str); 4] = [
    ("Access-Control-Allow-Origin", "*"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
];

/// Who may frame a document other than the embed's.
pub const FRAMED_BY_ITSELF: &str = "frame-ancestors 'self'";

/// The `_headers` text for the bundle's files (paths relative to its root,
/// with `/`) and the `<meta>` policy of each HTML document among them.
pub fn headers(files: &[String], policies: &BTreeMap<String, String>) -> String {
    let mut out = String::from(
        "# Written by postbuild (src/postbuild/headers.rs) from the files in this folder.\n/*\n",
    );
    for (name, value) in EVERY_FILE {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    let mut paths: Vec<&String> = files.iter().filter(|path| *path != FILE_NAME).collect();
    paths.sort_unstable();
    for path in paths {
        let own = own_headers(path, policies.get(path));
        for url in urls(path) {
            out.push_str(&format!("{url}\n"));
            for (name, value) in &own {
                out.push_str(&format!("  {name}: {value}\n"));
            }
        }
    }
    out
}

/// The URLs a host serves `path` under: the page also as the folder, and
/// another document also without `.html` (Cloudflare Pages redirects there).
fn urls(path: &str) -> Vec<String> {
    match path.strip_suffix(".html") {
        _ if path == trunk::PAGE => vec!["/".into(), format!("/{path}")],
        Some(stem) => vec![format!("/{path}"), format!("/{stem}")],
        None => vec![format!("/{path}")],
    }
}

/// The headers of one file beyond [`EVERY_FILE`].
fn own_headers(path: &str, policy: Option<&String>) -> Vec<(&'static str, String)> {
    let cache = if is_hashed(path) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let mut own = vec![("Cache-Control", cache.to_string())];
    let policy_header = "Content-Security-Policy";
    match policy {
        Some(policy) if answers::is_embed_document(path) => {
            own.push((policy_header, policy.clone()))
        }
        Some(policy) => {
            own.push((policy_header, format!("{policy}; {FRAMED_BY_ITSELF}")));
            own.push(("Cross-Origin-Opener-Policy", "same-origin".into()));
        }
        None if path == service_worker::SCRIPT_NAME => {
            own.push((policy_header, csp::SERVICE_WORKER_POLICY.into()));
        }
        None if reports::is_worker_script(path) => {
            own.push((policy_header, csp::REPORTS_WORKER_POLICY.into()));
        }
        None => {}
    }
    own
}

/// The post-build step: lists `dir`, reads its documents' policies and
/// writes its `_headers`.
pub fn write(dir: &Path) -> Result<(), String> {
    let files = super::relative_files(dir)?;
    if !files.iter().any(|f| f == trunk::PAGE) {
        return Err(format!("no {} in {}", trunk::PAGE, dir.display()));
    }
    let mut policies = BTreeMap::new();
    for document in files.iter().filter(|f| f.ends_with(".html")) {
        let text = super::read_text(&dir.join(document))?;
        let policy = csp::meta_policy(&text).ok_or(format!(
            "{document} has no Content-Security-Policy <meta> to send as a header"
        ))?;
        policies.insert(document.clone(), policy);
    }
    super::write(&dir.join(FILE_NAME), headers(&files, &policies))
}

#[cfg(test)]
#[path = "headers_tests.rs"]
mod tests;
