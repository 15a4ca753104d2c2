use super::*;

#[test]
fn bundle_paths_stay_inside_the_bundle() {
    let dir = Path::new("/b");
    assert_eq!(
        bundle_path(dir, "./main-1.css"),
        Ok(PathBuf::from("/b/main-1.css"))
    );
    assert_eq!(
        bundle_path(dir, "snippets/a/x.js"),
        Ok(PathBuf::from("/b/snippets/a/x.js"))
    );
    for bad in [
        "../x",
        "/etc/passwd",
        "https://cdn.example/x.js",
        "a//b",
        "./",
        "a?v=1",
        "a/../../x",
        "%2e%2e/x",
    ] {
        assert!(bundle_path(dir, bad).is_err(), "{bad}");
    }
}

#[test]
fn the_steps_run_in_dependency_order() {
    let names: Vec<_> = STEPS.iter().map(|step| step.name).collect();
    let at = |name: &str| {
        names
            .iter()
            .position(|n| n.contains(name))
            .unwrap_or(usize::MAX)
    };
    assert!(
        at("Why?") < at("single file"),
        "the single file inlines the Why? text"
    );
    assert!(
        at("reports worker") < at("single file"),
        "the single file inlines the worker the boot tag names"
    );
    assert!(
        at("single file") < at("Content-Security-Policy"),
        "the single file starts from the page without its policy"
    );
    assert_eq!(at("minify"), 0, "every later step reads the final scripts");
    assert!(
        at("reports worker") < at("embed's document") && at("embed's document") < at("prerender"),
        "the embed's document starts from the page Trunk wrote, its worker placed"
    );
    assert!(
        at("embed's document") < at("Content-Security-Policy"),
        "embed.html and each use case's documents get their policy"
    );
    assert!(
        at("_redirects") < at("_headers"),
        "_headers lists _redirects"
    );
    assert_eq!(
        at("service worker"),
        names.len() - 2,
        "the cache version hashes every final file"
    );
    assert_eq!(
        at("_headers"),
        names.len() - 1,
        "_headers names every file, sw.js included"
    );
}

const PAGE: &str = concat!(
    r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>"#,
    r#"<link href=./main-1.css rel=stylesheet><link href=./favicon-1.svg rel=icon><link href=manifest.webmanifest rel=manifest>"#,
    r#"<script>document.documentElement.dataset.x=1</script>"#,
    r#"<script src=./boot.js data-glue=./app-1.js data-wasm=./app-1_bg.wasm></script>"#,
    r#"<script defer src=./sw-register-1.js></script></head><body><main id=stackweigh></main></body></html>"#
);
const LOADER: &[u8] = include_bytes!("../../embed/embed.js");
const WORKER_GLUE: &str = "let wasm_bindgen=1;";
/// A module with no import (its names are shortened, unchanged) and a custom section.
const WORKER_WASM: &[u8] = b"\0asm\x01\0\0\0\0\x02\x01w";

/// What the pipeline left in a small bundle in a temporary folder.
struct Built {
    outcome: Result<(), String>,
    names: Vec<String>,
    files: std::collections::HashMap<String, Vec<u8>>,
}

impl Built {
    fn text(&self, name: &str) -> String {
        let bytes = self.files.get(name).cloned().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// Every step but the one that runs terser (node), whose arguments are
/// trunk.rs's and tested there.
fn build(name: &str) -> Built {
    let dir = std::env::temp_dir().join(format!("postbuild-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, contents) in [
        ("index.html", PAGE.as_bytes()),
        ("main-1.css", b"p{}".as_slice()),
        ("favicon-1.svg", b"<svg/>".as_slice()),
        ("icon-192.png", b"png".as_slice()),
        ("icon-512.png", b"png".as_slice()),
        (
            "app-1.js",
            b"function I(){}export{I as default};".as_slice(),
        ),
        ("app-1_bg.wasm", b"\0asm\x01\0\0\0".as_slice()),
        ("reports.js", WORKER_GLUE.as_bytes()),
        ("reports_bg.wasm", WORKER_WASM),
        ("boot.js", b"1".as_slice()),
        ("sw-register-1.js", b"0".as_slice()),
        ("embed.js", LOADER),
        (".stage/left-over", b"x".as_slice()),
    ] {
        std::fs::create_dir_all(dir.join(name).parent().expect("a folder")).expect("temp dir");
        std::fs::write(dir.join(name), contents).expect("fixture");
    }
    assert_eq!(STEPS[0].name, steps::MINIFY);
    let outcome = run_steps(&dir, &STEPS[1..]);
    let names = relative_files(&dir).unwrap_or_default();
    let files = (names.iter())
        .map(|name| {
            (
                name.clone(),
                std::fs::read(dir.join(name)).unwrap_or_default(),
            )
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    Built {
        outcome,
        names,
        files,
    }
}

#[test]
fn the_reports_worker_is_named_by_content_pointed_at_and_cached_on_use() {
    let built = build("worker");
    assert_eq!(built.outcome, Ok(()));
    let (index, worker, headers) = (
        built.text("index.html"),
        built.text("sw.js"),
        built.text(headers::FILE_NAME),
    );
    let reports_files = reports::files(WORKER_GLUE, WORKER_WASM);
    assert!(index.contains(&format!(
        "<script data-reports=./{} ",
        reports_files.script_name
    )));
    let single = built.text(SINGLE_FILE_NAME);
    assert!(single.contains(r#"<script type="text/plain" id="reports-worker">let wasm_bindgen=1;"#));
    for name in [&reports_files.script_name, &reports_files.wasm_name] {
        assert!(built.names.contains(name), "{name} in {:?}", built.names);
        let listed = |list: &str| {
            let line = worker.lines().find(|l| l.starts_with(list));
            line.is_some_and(|l| l.contains(&format!("\"{name}\"")))
        };
        assert!(listed("const ON_USE = "), "{name} cached on use");
        assert!(!listed("const FILES = "), "{name} not precached");
        let rule = format!("/{name}\n  Cache-Control: {}", headers::IMMUTABLE);
        assert!(headers.contains(&rule), "{name} immutable");
    }
    for trunk_name in [trunk::WORKER_GLUE, trunk::WORKER_WASM] {
        assert!(
            !built.names.iter().any(|n| n == trunk_name),
            "{trunk_name} renamed"
        );
    }
}

#[test]
fn the_page_is_secured_bundled_and_precached_with_what_it_loads() {
    let built = build("page");
    assert_eq!(built.outcome, Ok(()));
    let (index, single, worker) = (
        built.text("index.html"),
        built.text(SINGLE_FILE_NAME),
        built.text("sw.js"),
    );
    assert!(
        index.contains("Content-Security-Policy")
            && index.contains(&csp::inline_script_hashes(PAGE)[0])
    );
    assert!(single.contains(r#"id="sw-details""#) && !single.contains("sw-register"));
    for listed in [
        "index.html",
        "manifest.webmanifest",
        "app-1_bg.wasm",
        "favicon-1.svg",
    ] {
        assert!(
            worker.contains(&format!("\"{listed}\"")),
            "{listed} in the cache list"
        );
    }
    let left_out = [
        "stackweigh.html",
        "sw.js",
        "icon-512.png",
        "embed.html",
        "embed.js",
        embed::PINNED_LOADER,
    ];
    for name in left_out {
        assert!(
            !worker.contains(&format!("\"{name}\"")),
            "{name} not precached"
        );
    }
    let headers = built.text(headers::FILE_NAME);
    assert!(
        !headers.contains("left-over") && !worker.contains("left-over"),
        "hidden files are not the bundle's"
    );
}

#[test]
fn the_embed_gets_its_document_and_the_pinned_loader_the_snippets_name() {
    let built = build("embed");
    assert_eq!(built.outcome, Ok(()));
    let pinned = built
        .files
        .get(embed::PINNED_LOADER)
        .expect("the pinned loader is written");
    assert_eq!(pinned.as_slice(), LOADER);
    assert_eq!(digest::integrity(pinned), embed::LOADER_INTEGRITY);
    assert_eq!(
        embed::PINNED_LOADER,
        format!("embed-{}.js", digest::short_hash(pinned))
    );
    let document = built.text(embed::DOCUMENT);
    assert!(document.contains("<html data-embed lang=en>"), "{document}");
    assert!(document.contains("data-prerendered") && document.contains("Content-Security-Policy"));
    for gone in ["sw-register", "rel=manifest"] {
        assert!(!document.contains(gone), "{gone} in {document}");
    }
    let headers = built.text(headers::FILE_NAME);
    assert!(headers.contains("/embed.html\n  Cache-Control: no-cache\n  Content-Security-Policy: "));
}

#[test]
fn each_use_case_gets_its_page_and_embed_routed_kept_on_use_and_secured() {
    let built = build("answers");
    assert_eq!(built.outcome, Ok(()));
    let (worker, headers, redirects) = (
        built.text("sw.js"),
        built.text(headers::FILE_NAME),
        built.text(answers::REDIRECTS_FILE),
    );
    assert_eq!(redirects, answers::redirects());
    for answer in answers::answers() {
        let mark = format!(r#"<html data-answers="{}" lang=en>"#, answer.preset);
        let page = built.text(&answer.page);
        assert!(
            page.contains(&mark) && page.contains("Content-Security-Policy"),
            "{}",
            answer.page
        );
        assert!(page.contains(prerender::LOADING_NOTE), "{}", answer.page);
        let own = built.text(&answer.embed);
        let embed_mark = format!(
            r#"<html data-answers="{}" data-embed lang=en>"#,
            answer.preset
        );
        assert!(
            own.contains(&embed_mark) && own.contains(prerender::LOADING_NOTE),
            "{own}"
        );
        let kept = format!("\"{}\":\"{}\"", answer.preset, answer.page);
        assert!(worker.contains(&kept), "{kept} in sw.js");
        assert!(
            !worker.contains(&format!("\"{}\"", answer.embed)),
            "{} not cached",
            answer.embed
        );
        let rule = format!(
            "/{}\n  Cache-Control: no-cache\n  Content-Security-Policy: ",
            answer.embed
        );
        assert!(headers.contains(&rule), "{rule}");
    }
    assert!(built.text("index.html").contains(prerender::LOADING_NOTE));
}
