//! `dist/_headers`: the response headers for Netlify and Cloudflare Pages,
//! written from the files really in the bundle.
//!
//! Every file gets `Access-Control-Allow-Origin: *` (a sandboxed embed has an
//! opaque origin, so its module script and wasm are CORS requests). Files
//! whose name carries a content hash never change under that name and are
//! cached for a year; every other file (the page, the service worker, the
//! loader, the manifest, the icons, the single file) is revalidated on each
//! use. Each path gets one `Cache-Control` rule only: both hosts join the
//! values of a header set by two matching rules.

use std::path::Path;

pub const FILE_NAME: &str = "_headers";
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";

/// Trunk's (and `build.rs`'s) content hash: 16 lowercase hex digits after
/// the last `-` of the name, before the extension (and before the `_bg` of
/// wasm-bindgen's module), e.g. `stackweigh-d96dd6fbb67765ff_bg.wasm`.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(base, hash)| {
        !base.is_empty()
            && hash.len() == 16
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The `_headers` text for the bundle's files (paths relative to its root,
/// with `/`). The folder URL `/` serves `index.html`, so it is revalidated too.
pub fn headers(files: &[String]) -> String {
    let mut out = String::from(
        "# Written by postbuild (src/postbuild/headers.rs) from the files in this folder.\n\
         /*\n  Access-Control-Allow-Origin: *\n",
    );
    let mut paths: Vec<&str> = files
        .iter()
        .map(String::as_str)
        .filter(|path| *path != FILE_NAME)
        .collect();
    paths.sort_unstable();
    if paths.contains(&super::PAGE_NAME) {
        out.push_str(&rule("", REVALIDATE));
    }
    for path in paths {
        let policy = if is_hashed(path) {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        out.push_str(&rule(path, policy));
    }
    out
}

fn rule(path: &str, cache_control: &str) -> String {
    format!("/{path}\n  Cache-Control: {cache_control}\n")
}

/// The post-build step: lists `dir` and writes its `_headers`.
pub fn write(dir: &Path) -> Result<(), String> {
    let files: Vec<String> = (super::relative_files(dir)?.into_iter())
        .filter(|f| !f.rsplit('/').next().unwrap_or(f).starts_with('.'))
        .collect();
    if !files.iter().any(|f| f == super::PAGE_NAME) {
        return Err(format!("no {} in {}", super::PAGE_NAME, dir.display()));
    }
    std::fs::write(dir.join(FILE_NAME), headers(&files))
        .map_err(|error| format!("cannot write {FILE_NAME}: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        for hashed in [
            "stackweigh-d96dd6fbb67765ff_bg.wasm",
            "stackweigh-d96dd6fbb67765ff.js",
            "main-ec988fcf3b85f63a.css",
            "details-9f926b3a4397cbb6.txt",
            "sw-register-6ee32f6dda9ad54c.js",
            "favicon-c854895dcf50e784.svg",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "index.html",
            "sw.js",
            "embed.js",
            "manifest.webmanifest",
            "stackweigh.html",
            "icon-192.png",
            "icon-512.png",
            "app-ABCDEF0123456789.js",
            "app-0123456789abcde.js",
            "-0123456789abcdef.js",
            "0123456789abcdef.js",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }

    fn rules(text: &str) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            match line.strip_prefix("  ") {
                Some(header) => out
                    .last_mut()
                    .expect("a header under a path")
                    .1
                    .push(header.to_string()),
                None => out.push((line.to_string(), Vec::new())),
            }
        }
        out
    }

    #[test]
    fn every_file_gets_one_cache_rule_and_every_request_cors() {
        let files: Vec<String> = [
            "index.html",
            "sw.js",
            "embed.js",
            "manifest.webmanifest",
            "main-ec988fcf3b85f63a.css",
            "stackweigh-d96dd6fbb67765ff_bg.wasm",
            "_headers",
        ]
        .map(String::from)
        .to_vec();
        let rules = rules(&headers(&files));
        assert_eq!(
            rules[0],
            ("/*".into(), vec!["Access-Control-Allow-Origin: *".into()])
        );
        let policy = |path: &str| {
            let found: Vec<_> = rules.iter().filter(|(p, _)| p == path).collect();
            assert_eq!(found.len(), 1, "one rule for {path}");
            found[0].1.join("\n")
        };
        for revalidated in [
            "/",
            "/index.html",
            "/sw.js",
            "/embed.js",
            "/manifest.webmanifest",
        ] {
            assert_eq!(
                policy(revalidated),
                "Cache-Control: no-cache",
                "{revalidated}"
            );
        }
        for immutable in [
            "/main-ec988fcf3b85f63a.css",
            "/stackweigh-d96dd6fbb67765ff_bg.wasm",
        ] {
            assert_eq!(policy(immutable), format!("Cache-Control: {IMMUTABLE}"));
        }
        assert!(rules.iter().all(|(p, _)| p != "/_headers"));
        assert_eq!(rules.len(), 1 + 1 + 6, "CORS, the folder URL, one per file");
    }

    #[test]
    fn the_step_lists_the_real_folder() {
        let dir = std::env::temp_dir().join(format!("sw-headers-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("snippets/a-0123456789abcdef")).expect("temp dir");
        std::fs::create_dir_all(dir.join(".stage")).expect("temp dir");
        for name in [
            "index.html",
            "app-0123456789abcdef.js",
            "snippets/a-0123456789abcdef/inline0.js",
            ".stage/left-over",
        ] {
            std::fs::write(dir.join(name), "x").expect("fixture");
        }
        let outcome = write(&dir);
        let text = std::fs::read_to_string(dir.join(FILE_NAME)).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(outcome, Ok(()));
        assert!(text.contains(&format!(
            "/app-0123456789abcdef.js\n  Cache-Control: {IMMUTABLE}"
        )));
        assert!(text.contains("/snippets/a-0123456789abcdef/inline0.js\n  Cache-Control: no-cache"));
        assert!(!text.contains("left-over"));
    }

    #[test]
    fn a_folder_without_the_page_is_refused() {
        let dir = std::env::temp_dir().join(format!("sw-headers-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let outcome = write(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(outcome.is_err_and(|e| e.contains("index.html")));
    }
}
