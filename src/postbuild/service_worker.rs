//! `sw.js`: precaches the bundle's files so the page and the embed open
//! with the network gone after one visit; the reports worker's, which most
//! visits never load, it caches the first time the page fetches them
//! instead. The lists and the cache's version
//! (a hash of every listed file's name and bytes) are generated here from
//! the files really in the staging folder, so a release that changes any
//! byte installs as a new version, and the old cache is deleted when it
//! takes over. URLs are relative to sw.js, so the bundle works under any path.
//! The page is fetched once, under the URL its tab loaded it from; embeds
//! never register the worker (assets/sw-register.js). The page asked for a
//! use case (`?preset=<id>`) is answered with that use case's own page
//! (`answers.rs`), kept the first time it is used: so every host serves it
//! from the second visit on, and offline the page answers instead (its
//! boot script hides the default's verdict until the app draws the use
//! case's). To take a deployment down, `assets/sw-retire.js` goes in this
//! file's place (README, Deploy).

use super::answers;
use super::digest::short_hash;
use super::trunk;
use crate::core::page::query::MAX_QUERY;

/// A file of the bundle: its path relative to the bundle root, with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

pub const SCRIPT_NAME: &str = "sw.js";

/// Whether the service worker caches `path`, at install or, for
/// [`is_cached_on_use`] files, on first use: everything the page loads, but
/// not itself, the single-file download (it duplicates the whole bundle and
/// the page never loads it), what only other sites load (the loader, pinned
/// or not, and the embed's document: a blog's iframe has its own, partitioned
/// storage, which this worker never serves), nor the PNG app icons (fetched
/// by the browser only when installing, which needs the network anyway;
/// together 13 kB gzip the first visit would otherwise download), nor the
/// redirect rules.
pub fn is_precached(path: &str) -> bool {
    let app_icon = path.starts_with("icon-") && path.ends_with(".png") && !path.contains('/');
    let not_for_the_page = [
        SCRIPT_NAME,
        super::SINGLE_FILE_NAME,
        trunk::EMBED_LOADER,
        super::embed::PINNED_LOADER,
        answers::REDIRECTS_FILE,
    ];
    !not_for_the_page.contains(&path) && !app_icon && !answers::is_embed_document(path)
}

/// Whether the service worker caches `path` only once the page fetches it:
/// the reports worker's script and wasm (`reports-<hash>…`), which only
/// the team view and the decision record start, each use case's page
/// (about 6 kB gzip each: a first visit downloads none of them), and the
/// "Why?" text (30.8 kB gzip), which the page fetches when a "Why?" is
/// opened or once the reader has stayed 20 seconds
/// (`core::page::effect::DETAILS_AFTER_MS`): a short first visit does not
/// pay for it, one that lasts keeps it for offline use.
pub fn is_cached_on_use(path: &str) -> bool {
    super::reports::is_worker_file(path)
        || answers::is_preset_page(path)
        || path == crate::core::MATRIX.details_file
}

/// The cache version: changes whenever a listed file's name or bytes do.
pub fn version(files: &[BundleFile]) -> String {
    let mut sorted: Vec<&BundleFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut input = Vec::new();
    for file in sorted {
        // Name, length, bytes: no two different lists give the same input.
        input.extend_from_slice(file.path.as_bytes());
        input.push(0);
        input.extend_from_slice(&(file.bytes.len() as u64).to_be_bytes());
        input.extend_from_slice(&file.bytes);
    }
    short_hash(&input)
}

/// A path as a relative URL: bytes outside the unreserved set and `/` are
/// percent-encoded, which also makes it safe inside a JS string literal.
pub fn relative_url(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The worker's source, with `__FILES__`, `__ON_USE__`, `__PAGE__`,
/// `__PRESET_PAGES__`, `__MAX_QUERY__` and `__VERSION__` to fill in.
const TEMPLATE: &str = include_str!("sw-template.js");

/// A JS object from each preset's id to the relative URL of its page, for
/// the use cases whose page is among `files`.
fn preset_pages(files: &[BundleFile]) -> String {
    let entries: Vec<String> = (answers::answers().into_iter())
        .filter(|answer| files.iter().any(|file| file.path == answer.page))
        .map(|answer| format!("\"{}\":\"{}\"", answer.preset, relative_url(&answer.page)))
        .collect();
    format!("{{{}}}", entries.join(","))
}

/// A JS array of the relative URLs of those `files` whose
/// [`is_cached_on_use`] is `want`.
fn url_list(files: &[BundleFile], want: bool) -> String {
    let list: Vec<String> = (files.iter())
        .filter(|file| is_cached_on_use(&file.path) == want)
        .map(|file| format!("\"{}\"", relative_url(&file.path)))
        .collect();
    format!("[{}]", list.join(","))
}

/// The service worker's source for these files (already filtered): the
/// version covers them all, those cached on use included.
pub fn script(files: &[BundleFile]) -> String {
    TEMPLATE
        .replace("__FILES__", &url_list(files, false))
        .replace("__ON_USE__", &url_list(files, true))
        .replace("__PAGE__", trunk::PAGE)
        .replace("__PRESET_PAGES__", &preset_pages(files))
        .replace("__MAX_QUERY__", &MAX_QUERY.to_string())
        .replace("__VERSION__", &version(files))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &[u8]) -> BundleFile {
        BundleFile {
            path: path.to_string(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn precaches_what_the_page_loads_and_nothing_else() {
        for path in [
            "index.html",
            "stackweigh-1_bg.wasm",
            "snippets/x/a.js",
            "favicon-1.svg",
            "manifest.webmanifest",
        ] {
            assert!(is_precached(path), "{path}");
        }
        for path in [
            "sw.js",
            "stackweigh.html",
            "embed.js",
            super::super::embed::PINNED_LOADER,
            "embed.html",
            "embed-ml_ai.html",
            "icon-192.png",
            "icon-512.png",
            "_redirects",
        ] {
            assert!(!is_precached(path), "{path}");
        }
    }

    #[test]
    fn a_use_cases_page_is_kept_on_use_and_found_by_its_preset() {
        assert!(is_precached("index-ml_ai.html") && is_cached_on_use("index-ml_ai.html"));
        assert!(!is_cached_on_use("index.html") && !is_cached_on_use("index-nope.html"));
        let files = [file("index.html", b"x"), file("index-ml_ai.html", b"y")];
        let source = script(&files);
        assert!(
            source.contains(r#"const PRESET_PAGES = {"ml_ai":"index-ml_ai.html"};"#),
            "{source}"
        );
        assert!(
            source.contains(r#"const ON_USE = ["index-ml_ai.html"];"#),
            "{source}"
        );
        assert!(
            source.contains(&format!("const MAX_QUERY = {MAX_QUERY};")),
            "{source}"
        );
        assert!(script(&files[..1]).contains("const PRESET_PAGES = {};"));
    }

    #[test]
    fn only_the_reports_workers_files_wait_for_their_first_use() {
        for path in [
            "reports-0123456789abcdef.js",
            "reports-0123456789abcdef_bg.wasm",
        ] {
            assert!(is_precached(path) && is_cached_on_use(path), "{path}");
        }
        for path in [
            "sw.js",
            "sw-register-1.js",
            "reports.js",
            "x/reports-1.js",
            "index.html",
        ] {
            assert!(!is_cached_on_use(path), "{path}");
        }
    }

    #[test]
    fn script_caches_the_reports_worker_on_use_under_the_same_version() {
        let page = [file("index.html", b"x")];
        let files = [
            file("index.html", b"x"),
            file("reports-1.js", b"y"),
            file("reports-1_bg.wasm", b"z"),
        ];
        let source = script(&files);
        assert!(
            source.contains(r#"const FILES = ["index.html"];"#),
            "{source}"
        );
        assert!(
            source.contains(r#"const ON_USE = ["reports-1.js","reports-1_bg.wasm"];"#),
            "{source}"
        );
        assert!(source.contains(&format!("const CACHE = PREFIX + \"{}\";", version(&files))));
        assert_ne!(
            version(&files),
            version(&page),
            "a new worker is a new version"
        );
        assert!(script(&page).contains("const ON_USE = [];"));
    }

    #[test]
    fn version_follows_names_and_bytes_not_order() {
        let a = [file("a.js", b"1"), file("b.css", b"2")];
        let reordered = [file("b.css", b"2"), file("a.js", b"1")];
        let changed = [file("a.js", b"1"), file("b.css", b"3")];
        let renamed = [file("a.js", b"1"), file("c.css", b"2")];
        let shifted = [file("a.js", b"12"), file("b.css", b"")];
        assert_eq!(version(&a), version(&reordered));
        for other in [&changed, &renamed, &shifted] {
            assert_ne!(version(&a), version(other));
        }
        assert_eq!(version(&a).len(), 16);
    }

    #[test]
    fn script_lists_every_file_relative_and_encoded() {
        let files = [file("index.html", b"x"), file("a b\"c.js", b"y")];
        let source = script(&files);
        assert!(
            source.contains(r#"const FILES = ["index.html","a%20b%22c.js"];"#),
            "{source}"
        );
        assert!(source.contains("const ON_USE = [];"), "{source}");
        assert!(source.contains(&format!("const CACHE = PREFIX + \"{}\";", version(&files))));
        assert!(source.contains(r#"const PAGE = "index.html";"#), "{source}");
        assert!(!source.contains("__"), "every placeholder filled");
    }

    #[test]
    fn the_template_names_the_page_only_through_its_constant() {
        assert_eq!(TEMPLATE.matches("\"index.html\"").count(), 0);
        assert!(script(&[file("index.html", b"x")]).contains("new URL(PAGE, url)"));
    }

    #[test]
    fn the_retiring_worker_deletes_exactly_this_workers_caches() {
        let retiring = include_str!("../../assets/sw-retire.js");
        let prefix = |source: &str| {
            let line = source.lines().find(|l| l.starts_with("const PREFIX = "));
            line.expect("a PREFIX line").to_string()
        };
        assert_eq!(prefix(retiring), prefix(TEMPLATE));
        for needed in [
            "caches.delete",
            "registration.unregister()",
            "skipWaiting()",
        ] {
            assert!(retiring.contains(needed), "{needed}");
        }
        assert!(
            !retiring.contains("\"fetch\""),
            "no fetch handler: the network answers"
        );
    }

    #[test]
    fn relative_urls_keep_folders_and_plain_names() {
        assert_eq!(
            relative_url("snippets/x-1/inline0.js"),
            "snippets/x-1/inline0.js"
        );
        assert_eq!(relative_url("é.txt"), "%C3%A9.txt");
    }
}
