//! `stackweigh.html`: the whole product in one file that works opened from
//! disk. The page's stylesheet becomes a `<style>`, the favicon a data URL,
//! the "Why?" text an inline `<script type="text/plain" id="sw-details">`
//! (which `app::details_text` reads before trying the network), the boot
//! script an inline script (its pre-paint part: theme and embed mode), and
//! the wasm-bindgen glue plus the wasm (base64) one inline module that starts
//! the app from the embedded bytes. Everything that would make a request
//! (the manifest, the service worker registration) is left out, and the file
//! carries its own Content-Security-Policy with the hashes of exactly what it
//! inlines.

use super::csp;
use super::digest::{base64, csp_hash};
use super::html::{self, Element};

/// Reads a file of the bundle by its URL as the page names it (`./x.css`).
pub type Reader<'a> = &'a dyn Fn(&str) -> Result<Vec<u8>, String>;

/// The boot script's tag, as Trunk.toml's pattern_script writes it: the
/// script's own URL and the app's JS glue and wasm.
struct Boot {
    span: std::ops::Range<usize>,
    src: String,
    glue: String,
    wasm: String,
}

fn boot_script(elements: &[Element]) -> Result<Boot, String> {
    let mut tags = elements
        .iter()
        .filter(|e| e.name == "script" && e.has_attr("data-glue"));
    let (Some(tag), None) = (tags.next(), tags.next()) else {
        return Err(
            "index.html needs exactly one <script src data-glue data-wasm> (Trunk.toml's pattern_script)"
                .into(),
        );
    };
    let named = |attribute: &str| {
        tag.attr(attribute)
            .filter(|url| !url.is_empty())
            .map(str::to_string)
            .ok_or(format!("the boot script's tag has no {attribute}"))
    };
    Ok(Boot {
        span: tag.span.clone(),
        src: named("src")?,
        glue: named("data-glue")?,
        wasm: named("data-wasm")?,
    })
}

/// Builds the single file from the page's final HTML (prerendered, before
/// the page's own CSP is added), the bundle's files and the "Why?" text.
pub fn bundle(document: &str, read: Reader, details: &str) -> Result<String, String> {
    let elements = html::elements(document);
    let boot = boot_script(&elements)?;
    let mut edits = Vec::new();
    let mut styles = Vec::new();
    for element in &elements {
        let drop = (element.span.clone(), String::new());
        match element.name.as_str() {
            "link" => {
                let href = element.attr("href").unwrap_or("");
                if element.attr_has_token("rel", "stylesheet") {
                    let css = text_file(read, href)?;
                    raw_text_safe(&css, "style", href)?;
                    edits.push((element.span.clone(), format!("<style>{css}</style>")));
                    styles.push(css);
                } else if element.attr_has_token("rel", "icon") {
                    edits.push((element.span.clone(), icon_as_data_url(element, read)?));
                } else if element.has_attr("href") {
                    // The manifest, preloads: nothing lies beside the file.
                    edits.push(drop);
                }
            }
            // Other external scripts (the service worker registration) have
            // nothing to load.
            "script" if element.has_attr("src") && element.span != boot.span => edits.push(drop),
            "meta"
                if element
                    .attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")) =>
            {
                edits.push(drop)
            }
            _ => {}
        }
    }
    // Without data-glue the boot script only marks <html> (theme, embed);
    // the module added at the end starts the app.
    let boot_text = text_file(read, &boot.src)?;
    raw_text_safe(&boot_text, "script", &boot.src)?;
    edits.push((boot.span.clone(), format!("<script>{boot_text}</script>")));
    let glue = text_file(read, &boot.glue)?;
    let wasm = read(&boot.wasm)?;
    let module = start_module(&glue, &wasm)?;
    raw_text_safe(&module, "script", &boot.glue)?;
    raw_text_safe(details, "script", "the Why? text")?;

    let end = html::body_end(document);
    edits.push((
        end..end,
        format!(
            r#"<script type="text/plain" id="sw-details">{details}</script><script type="module">{module}</script>"#
        ),
    ));
    let bundled = html::splice(document, edits);
    let style_hashes: Vec<String> = styles.iter().map(|css| csp_hash(css)).collect();
    let policy = csp::single_file_policy(&csp::inline_script_hashes(&bundled), &style_hashes);
    csp::insert_policy(&bundled, &policy)
}

fn text_file(read: Reader, url: &str) -> Result<String, String> {
    String::from_utf8(read(url)?).map_err(|_| format!("{url} is not UTF-8"))
}

fn icon_as_data_url(element: &Element, read: Reader) -> Result<String, String> {
    let href = element.attr("href").unwrap_or("");
    let mime = if href.ends_with(".svg") {
        "image/svg+xml"
    } else if href.ends_with(".png") {
        "image/png"
    } else {
        return Err(format!(
            "icon {href}: only SVG and PNG icons can be inlined"
        ));
    };
    Ok(format!(
        r#"<link rel="icon" href="data:{mime};base64,{}">"#,
        base64(&read(href)?)
    ))
}

/// Raw text ends at the first `</script` / `</style`, and `<!--` can make
/// the parser skip an end tag: text holding either cannot be inlined as is.
fn raw_text_safe(text: &str, element: &str, what: &str) -> Result<(), String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains(&format!("</{element}")) || lower.contains("<!--") {
        return Err(format!(
            "{what} contains `</{element}` or `<!--` and cannot be inlined in a <{element}>"
        ));
    }
    Ok(())
}

/// The glue as an inline module, started from the embedded wasm bytes: its
/// `export`s are turned into plain declarations (an inline module cannot
/// import itself) and its default export, wasm-bindgen's async `init`, is
/// called with the bytes (`initSync` would compile on the main thread,
/// which browsers limit for large modules).
pub fn start_module(glue: &str, wasm: &[u8]) -> Result<String, String> {
    let (code, exports) = strip_exports(glue)?;
    let init = exports
        .iter()
        .find(|(exported, _)| exported == "default")
        .map(|(_, local)| local.clone())
        .ok_or("the JS glue has no default export (wasm-bindgen's init)")?;
    Ok(format!(
        "{code}\n{init}({{module_or_path:Uint8Array.from(atob(\"{}\"),c=>c.charCodeAt(0))}});",
        base64(wasm)
    ))
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// Removes the module's export syntax; returns the code and the list of
/// (exported name, local name). Handles what wasm-bindgen and terser write:
/// `export{a as default,b as initSync}`, `export { initSync }`,
/// `export default name;`, `export function|class|const|let|var …`.
pub fn strip_exports(glue: &str) -> Result<(String, Vec<(String, String)>), String> {
    let bytes = glue.as_bytes();
    let mut exports = Vec::new();
    let mut edits = Vec::new();
    let mut from = 0;
    while let Some(offset) = glue[from..].find("export") {
        let start = from + offset;
        from = start + "export".len();
        let before_ok = start == 0 || b";}){\n\r\t ".contains(&bytes[start - 1]);
        if !before_ok {
            continue;
        }
        let rest = glue[from..].trim_start();
        let rest_at = glue.len() - rest.len();
        if let Some(list) = rest.strip_prefix('{') {
            let close = list
                .find('}')
                .ok_or("unterminated export list in the JS glue")?;
            for entry in list[..close]
                .split(',')
                .map(str::trim)
                .filter(|e| !e.is_empty())
            {
                let (local, exported) = match entry.split_once(" as ") {
                    Some((local, exported)) => (local.trim(), exported.trim()),
                    None => (entry, entry),
                };
                if !is_identifier(local) {
                    return Err(format!("unexpected export `{entry}` in the JS glue"));
                }
                exports.push((exported.to_string(), local.to_string()));
            }
            let mut end = rest_at + 1 + close + 1;
            if bytes.get(end) == Some(&b';') {
                end += 1;
            }
            edits.push((start..end, String::new()));
        } else if let Some(value) = rest.strip_prefix("default") {
            let value_at = glue.len() - value.trim_start().len();
            let name_len = value
                .trim_start()
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(value.trim_start().len());
            let name = &glue[value_at..value_at + name_len];
            if name == "function" || name == "async" || name == "class" {
                return Err("`export default function` in the JS glue: name it first".into());
            }
            if !is_identifier(name) {
                return Err("the JS glue's default export is not a plain name".into());
            }
            exports.push(("default".to_string(), name.to_string()));
            let mut end = value_at + name_len;
            if bytes.get(end) == Some(&b';') {
                end += 1;
            }
            edits.push((start..end, String::new()));
        } else if ["function", "class", "const", "let", "var", "async"]
            .iter()
            .any(|keyword| rest.starts_with(keyword))
        {
            let name = rest
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
                .filter(|w| !w.is_empty())
                .find(|w| !["function", "class", "const", "let", "var", "async"].contains(w))
                .unwrap_or_default();
            exports.push((name.to_string(), name.to_string()));
            edits.push((start..rest_at, String::new()));
        }
    }
    Ok((html::splice(glue, edits), exports))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn strips_terser_style_export_lists() {
        let (code, exports) = strip_exports(
            "let a=1;function Q(){}function R(){}export{R as default,Q as initSync};",
        )
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
        let module = start_module("function I(){}export{I as default};", &[0, 97, 115, 109])
            .expect("module");
        assert_eq!(
            module,
            "function I(){}\nI({module_or_path:Uint8Array.from(atob(\"AGFzbQ==\"),c=>c.charCodeAt(0))});"
        );
        assert!(start_module("function I(){}export{I as initSync};", &[]).is_err());
    }

    const BOOT: &str = "(function(){document.documentElement.dataset.boot=1})()";

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
        ])
    }

    const PAGE: &str = concat!(
        r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>"#,
        r#"<link href=./main-1.css rel=stylesheet><link href=./favicon-1.svg rel=icon>"#,
        r#"<link href=manifest.webmanifest rel=manifest>"#,
        r#"<script>document.documentElement.dataset.x=1</script>"#,
        r#"<script data-glue=./app-1.js data-wasm=./app-1_bg.wasm src=./boot.js></script>"#,
        r#"<script defer src=./sw-register-1.js></script></head>"#,
        r#"<body><main class=sw-root id=stackweigh><noscript>js</noscript></main></body></html>"#
    );

    #[test]
    fn the_glue_and_wasm_are_the_boot_tags_attributes() {
        let tag =
            r#"<script data-glue=./app-1.js data-wasm=./app-1_bg.wasm src=./boot.js></script>"#;
        let renamed = PAGE.replace(
            tag,
            r#"<script src="./boot.js" data-glue="./g-2.js" data-wasm="./w-2.wasm"></script>"#,
        );
        let mut files = files();
        files.insert("./g-2.js", b"function J(){}export{J as default};".to_vec());
        files.insert("./w-2.wasm", vec![1, 2]);
        let read = move |url: &str| files.get(url).cloned().ok_or(format!("{url} missing"));
        let out = bundle(&renamed, &read, "x").expect("bundled");
        assert!(out.contains(
            &start_module("function J(){}export{J as default};", &[1, 2]).expect("module")
        ));
        assert!(
            out.contains(&format!("<script>{BOOT}</script>")),
            "the boot script inlined where its tag was"
        );
    }

    #[test]
    fn a_page_without_exactly_one_boot_tag_is_an_error() {
        let read = |url: &str| Err(format!("{url} missing"));
        let tag =
            r#"<script data-glue=./app-1.js data-wasm=./app-1_bg.wasm src=./boot.js></script>"#;
        let none = PAGE.replace(tag, "");
        let twice = PAGE.replace(tag, &tag.repeat(2));
        for page in [none, twice] {
            let error = bundle(&page, &read, "x").expect_err("no boot tag");
            assert!(error.contains("pattern_script"), "{error}");
        }
        let no_wasm = PAGE.replace(" data-wasm=./app-1_bg.wasm", "");
        let error = bundle(&no_wasm, &read, "x").expect_err("no wasm");
        assert!(error.contains("data-wasm"), "{error}");
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
                "<script>document.documentElement.dataset.x=1</script><script>{BOOT}</script></head>"
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
        ] {
            assert!(!out.contains(gone), "{gone} left in {out}");
        }
        let module = start_module("function I(){}export{I as default};", &[0, 97, 115, 109])
            .expect("module");
        assert!(out.ends_with(&format!(
            "<script type=\"module\">{module}</script></body></html>"
        )));
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
                csp_hash(
                    &start_module("function I(){}export{I as default};", &[0, 97, 115, 109])
                        .expect("module")
                )
            ],
            "the page's own inline script, the boot script and the app's"
        );
        assert!(
            expected.contains("'wasm-unsafe-eval'") && expected.starts_with("default-src 'none'")
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
}
