use super::*;
use std::collections::HashMap;

#[test]
fn strips_terser_style_export_lists() {
    let (code, exports) =
        strip_exports("let a=1;function Q(){}function R(){}export{R as default,Q as initSync};")
            .expect("parsed");
    assert_eq!(code, "let a=1;function Q(){}function R(){}");
    assert_eq!(
        exports,
        [
            ("default".to_string(), "R".to_string()),
            ("initSync".to_string(), "Q".to_string())
        ]
    );
}

#[test]
fn strips_wasm_bindgen_style_exports() {
    let glue = "export function greet() {}\nfunction initSync() {}\nasync function __wbg_init() {}\nexport { initSync };\nexport default __wbg_init;\n";
    let (code, exports) = strip_exports(glue).expect("parsed");
    assert!(!code.contains("export"), "{code}");
    assert!(code.contains("function greet() {}"));
    assert!(exports.contains(&("default".to_string(), "__wbg_init".to_string())));
    assert!(exports.contains(&("initSync".to_string(), "initSync".to_string())));
}

#[test]
fn words_containing_export_are_left_alone() {
    let (code, exports) =
        strip_exports("const reexported=1;x.exports=2;export{a as default}").expect("parsed");
    assert_eq!(code, "const reexported=1;x.exports=2;");
    assert_eq!(exports.len(), 1);
}

#[test]
fn start_module_calls_the_default_export_with_the_bytes() {
    let module =
        start_module("function I(){}export{I as default};", &[0, 97, 115, 109]).expect("module");
    assert_eq!(
        module,
        "function I(){}\nI({module_or_path:Uint8Array.from(atob(\"AGFzbQ==\"),c=>c.charCodeAt(0))});"
    );
    assert!(start_module("function I(){}export{I as initSync};", &[]).is_err());
}

const BOOT: &str = "(function(){document.documentElement.dataset.boot=1})()";
const WORKER_GLUE: &str = "let wasm_bindgen=(()=>{})();";
const WORKER_WASM: [u8; 5] = [0, 97, 115, 109, 2];

/// The module the single file ends with: the worker's blob, then the app.
fn module() -> String {
    let app =
        start_module("function I(){}export{I as default};", &[0, 97, 115, 109]).expect("module");
    format!("{}{app}", reports_from_blob())
}

fn files() -> HashMap<&'static str, Vec<u8>> {
    HashMap::from([
        ("./main-1.css", b"p{color:red}".to_vec()),
        ("./favicon-1.svg", b"<svg/>".to_vec()),
        ("./boot.js", BOOT.as_bytes().to_vec()),
        (
            "./app-1.js",
            b"function I(){}export{I as default};".to_vec(),
        ),
        ("./app-1_bg.wasm", vec![0, 97, 115, 109]),
        (
            "./reports-1.js",
            reports::script(WORKER_GLUE, "\"reports-1_bg.wasm\"").into_bytes(),
        ),
        ("./reports-1_bg.wasm", WORKER_WASM.to_vec()),
    ])
}

const PAGE: &str = concat!(
    r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>"#,
    r#"<link href=./main-1.css rel=stylesheet><link href=./favicon-1.svg rel=icon>"#,
    r#"<link href=manifest.webmanifest rel=manifest>"#,
    r#"<script>document.documentElement.dataset.x=1</script>"#,
    r#"<script data-reports=./reports-1.js data-glue=./app-1.js data-wasm=./app-1_bg.wasm src=./boot.js></script>"#,
    r#"<script defer src=./sw-register-1.js></script></head>"#,
    r#"<body><main class=sw-root id=stackweigh><noscript>js</noscript></main></body></html>"#
);

#[test]
fn the_glue_and_wasm_are_the_boot_tags_attributes() {
    let tag = r#"<script data-reports=./reports-1.js data-glue=./app-1.js data-wasm=./app-1_bg.wasm src=./boot.js></script>"#;
    let renamed = PAGE.replace(
        tag,
        r#"<script src="./boot.js" data-glue="./g-2.js" data-wasm="./w-2.wasm" data-reports="./reports-1.js"></script>"#,
    );
    let mut files = files();
    files.insert("./g-2.js", b"function J(){}export{J as default};".to_vec());
    files.insert("./w-2.wasm", vec![1, 2]);
    let read = move |url: &str| files.get(url).cloned().ok_or(format!("{url} missing"));
    let out = bundle(&renamed, &read, "x").expect("bundled");
    assert!(out
        .contains(&start_module("function J(){}export{J as default};", &[1, 2]).expect("module")));
    assert!(
        out.contains(&format!("<script data-reports>{BOOT}</script>")),
        "the boot script inlined where its tag was"
    );
}

#[test]
fn a_page_without_exactly_one_boot_tag_is_an_error() {
    let read = |url: &str| Err(format!("{url} missing"));
    let tag = r#"<script data-reports=./reports-1.js data-glue=./app-1.js data-wasm=./app-1_bg.wasm src=./boot.js></script>"#;
    let none = PAGE.replace(tag, "");
    let twice = PAGE.replace(tag, &tag.repeat(2));
    for page in [none, twice] {
        let error = bundle(&page, &read, "x").expect_err("no boot tag");
        assert!(error.contains("pattern_script"), "{error}");
    }
    let no_wasm = PAGE.replace(" data-wasm=./app-1_bg.wasm", "");
    let error = bundle(&no_wasm, &read, "x").expect_err("no wasm");
    assert!(error.contains("data-wasm"), "{error}");
    let no_worker = PAGE.replace(" data-reports=./reports-1.js", "");
    let error = bundle(&no_worker, &read, "x").expect_err("no worker");
    assert!(error.contains("data-reports"), "{error}");
}

fn build(details: &str) -> Result<String, String> {
    let files = files();
    let read = move |url: &str| files.get(url).cloned().ok_or(format!("{url} missing"));
    bundle(PAGE, &read, details)
}

#[test]
fn inlines_everything_and_requests_nothing() {
    let out = build("<p>why</p>").expect("bundled");
    assert!(out.contains("<style>p{color:red}</style>"));
    assert!(
        out.contains("<script>document.documentElement.dataset.x=1</script>"),
        "other inline scripts stay"
    );
    assert!(out.contains(r#"<link rel="icon" href="data:image/svg+xml;base64,PHN2Zy8+">"#));
    assert!(out.contains(r#"<script type="text/plain" id="sw-details"><p>why</p></script>"#));
    assert!(
        out.contains(r#"<main class=sw-root id=stackweigh><noscript>js</noscript></main>"#),
        "main untouched"
    );
    assert!(out.contains("<title>t</title><style>"));
    assert!(
        out.contains(&format!(
            "<script>document.documentElement.dataset.x=1</script><script data-reports>{BOOT}</script></head>"
        )),
        "the boot script inlined in place, before the first paint"
    );
    for gone in [
        "manifest",
        "sw-register",
        "data-glue",
        ".wasm",
        "href=./",
        "src=",
        "reports-1",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.ends_with(&format!(
        "<script type=\"module\">{}</script></body></html>",
        module()
    )));
}

#[test]
fn the_reports_worker_is_inline_with_its_wasm_and_started_from_a_blob() {
    let out = build("x").expect("bundled");
    let worker = reports::script(
        WORKER_GLUE,
        &format!(
            "Uint8Array.from(atob(\"{}\"),c=>c.charCodeAt(0))",
            base64(&WORKER_WASM)
        ),
    );
    assert!(out.contains(&format!(
        r#"<script type="text/plain" id="reports-worker">{worker}</script><script type="module">"#
    )));
    let blob = reports_from_blob();
    assert!(
        blob.contains(r#"querySelector("script[data-reports]")"#)
            && blob.contains(r#"getElementById("reports-worker").textContent"#)
            && blob.contains("URL.createObjectURL(new Blob(")
    );
    assert!(
        out.contains(&format!("<script type=\"module\">{blob}")),
        "set before the app starts"
    );
    // A worker script that does not start its own wasm cannot be rewired.
    let mut files = files();
    files.insert("./reports-1.js", WORKER_GLUE.as_bytes().to_vec());
    let read = move |url: &str| files.get(url).cloned().ok_or(format!("{url} missing"));
    assert!(bundle(PAGE, &read, "x").is_err_and(|e| e.contains("reports-1")));
}

#[test]
fn carries_a_policy_with_the_hashes_of_what_it_inlines() {
    let out = build("x").expect("bundled");
    let elements = html::elements(&out);
    let scripts = csp::inline_script_hashes(&out);
    let style = elements
        .iter()
        .find(|e| e.name == "style")
        .and_then(|e| e.text.clone())
        .expect("style");
    let expected = csp::single_file_policy(&scripts, &[csp_hash(&out[style])]);
    assert!(out.contains(&format!(
        r#"<meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="{}">"#,
        html::escape_attr(&expected)
    )));
    assert_eq!(
        scripts,
        [
            csp_hash("document.documentElement.dataset.x=1"),
            csp_hash(BOOT),
            csp_hash(&module())
        ],
        "the page's own inline script, the boot script and the app's"
    );
    assert!(expected.contains("'wasm-unsafe-eval'") && expected.starts_with("default-src 'none'"));
    assert!(
        expected.contains("; worker-src blob:;"),
        "the worker from its blob"
    );
}

#[test]
fn refuses_text_that_would_end_its_element_early() {
    assert!(build("<p></SCRIPT></p>").is_err());
    assert!(build("<!-- x -->").is_err());
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let read = |url: &str| Err(format!("{url} missing"));
    let error = bundle(PAGE, &read, "x").expect_err("fails");
    assert!(error.contains("main-1.css"), "{error}");
}
