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

/// The whole pipeline over a small bundle in a temporary folder.
#[test]
fn run_writes_every_product_file() {
    let dir = std::env::temp_dir().join(format!("postbuild-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = concat!(
        r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>"#,
        r#"<link href=./main-1.css rel=stylesheet><link href=./favicon-1.svg rel=icon><link href=manifest.webmanifest rel=manifest>"#,
        r#"<script>document.documentElement.dataset.x=1</script>"#,
        r#"<script src=./boot.js data-glue=./app-1.js data-wasm=./app-1_bg.wasm></script>"#,
        r#"<script defer src=./sw-register-1.js></script></head><body><main id=stackweigh></main></body></html>"#
    );
    for (name, contents) in [
        ("index.html", page.as_bytes()),
        ("main-1.css", b"p{}".as_slice()),
        ("favicon-1.svg", b"<svg/>".as_slice()),
        ("icon-192.png", b"png".as_slice()),
        ("icon-512.png", b"png".as_slice()),
        (
            "app-1.js",
            b"function I(){}export{I as default};".as_slice(),
        ),
        ("app-1_bg.wasm", b"\0asm".as_slice()),
        ("reports.js", b"let wasm_bindgen=1;".as_slice()),
        ("reports_bg.wasm", b"\0asm2".as_slice()),
        ("boot.js", b"1".as_slice()),
        ("sw-register-1.js", b"0".as_slice()),
    ] {
        std::fs::write(dir.join(name), contents).expect("fixture");
    }
    let outcome = run(&dir);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let (index, single, worker) = (read("index.html"), read(SINGLE_FILE_NAME), read("sw.js"));
    let names = relative_files(&dir).unwrap_or_default();
    let headers = read(headers::FILE_NAME);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(outcome, Ok(()));
    let reports_files = reports::files("let wasm_bindgen=1;", b"\0asm2");
    assert!(index.contains(&format!(
        "<script data-reports=./{} ",
        reports_files.script_name
    )));
    assert!(single.contains(r#"<script type="text/plain" id="reports-worker">let wasm_bindgen=1;"#));
    for name in [&reports_files.script_name, &reports_files.wasm_name] {
        assert!(names.contains(name), "{name} in {names:?}");
        let listed = |list: &str| {
            let line = worker.lines().find(|l| l.starts_with(list));
            line.is_some_and(|l| l.contains(&format!("\"{name}\"")))
        };
        assert!(listed("const ON_USE = "), "{name} cached on use");
        assert!(!listed("const FILES = "), "{name} not precached");
        let rule = format!("/{name}\n  Cache-Control: {}", headers::IMMUTABLE);
        assert!(headers.contains(&rule), "{name} immutable");
    }
    for trunk_name in [reports::TRUNK_GLUE, reports::TRUNK_WASM] {
        assert!(
            !names.iter().any(|n| n == trunk_name),
            "{trunk_name} renamed"
        );
    }
    assert!(
        index.contains("Content-Security-Policy")
            && index.contains(&csp::inline_script_hashes(page)[0])
    );
    assert!(single.contains(r#"id="sw-details""#) && !single.contains("sw-register"));
    for listed in [
        "\"index.html\"",
        "\"manifest.webmanifest\"",
        "\"app-1_bg.wasm\"",
        "\"favicon-1.svg\"",
    ] {
        assert!(worker.contains(listed), "{listed} in the cache list");
    }
    for left_out in ["stackweigh.html", "sw.js", "icon-512.png"] {
        assert!(
            !worker.contains(&format!("\"{left_out}\"")),
            "{left_out} not precached"
        );
    }
}
