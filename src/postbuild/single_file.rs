//! `stackweigh.html`: the whole product in one file that works opened from
//! disk. The page's stylesheet becomes a `<style>`, the favicon a data URL,
//! the "Why?" text an inline `<script type="text/plain" id="sw-details">`
//! (which `app::details_text` reads before trying the network), the boot
//! script an inline script (its pre-paint part: theme and embed mode), and
//! the wasm-bindgen glue plus the wasm (base64) one inline module that starts
//! the app from the embedded bytes. The reports worker's script, its wasm
//! inlined the same way, is a `<script type="text/plain" id="reports-worker">`
//! that the module turns into a `blob:` URL in the boot tag's `data-reports`
//! before it starts the app. Everything that would make a request
//! (the manifest, the service worker registration) is left out, and the file
//! carries its own Content-Security-Policy with the hashes of exactly what it
//! inlines.

use super::csp;
use super::digest::{base64, csp_hash};
use super::html::{self, Element};
use super::reports;
use super::trunk::{self, BootTag};

/// Reads a file of the bundle by its URL as the page names it (`./x.css`).
pub type Reader<'a> = &'a dyn Fn(&str) -> Result<Vec<u8>, String>;

/// The id of the reports worker's inline source.
pub const WORKER_SOURCE_ID: &str = "reports-worker";

/// Builds the single file from the page's final HTML (prerendered, before
/// the page's own CSP is added), the bundle's files and the "Why?" text.
pub fn bundle(document: &str, read: Reader, details: &str) -> Result<String, String> {
    let elements = html::elements(document);
    let boot = trunk::boot_tag(document)?;
    let worker = (boot.reports.as_deref()).ok_or(format!(
        "the boot script's tag has no {} (the reports worker step writes it)",
        reports::ATTRIBUTE
    ))?;
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
    // Where the app's shell finds the reports worker (a blob: URL, below).
    edits.push((
        boot.span.clone(),
        format!("<script {}>{boot_text}</script>", reports::ATTRIBUTE),
    ));
    let end = html::body_end(document);
    edits.push((end..end, body_end_scripts(read, &boot, worker, details)?));
    let bundled = html::splice(document, edits);
    let style_hashes: Vec<String> = styles.iter().map(|css| csp_hash(css)).collect();
    let policy = csp::single_file_policy(&csp::inline_script_hashes(&bundled), &style_hashes);
    csp::insert_policy(&bundled, &policy)
}

/// The scripts at the end of the body: the Why? text and the reports
/// worker's source (data blocks), then the module that starts the app.
fn body_end_scripts(
    read: Reader,
    boot: &BootTag,
    worker_url: &str,
    details: &str,
) -> Result<String, String> {
    let glue = text_file(read, &boot.glue)?;
    let wasm = read(&boot.wasm)?;
    let module = format!("{}{}", reports_from_blob(), start_module(&glue, &wasm)?);
    raw_text_safe(&module, "script", &boot.glue)?;
    raw_text_safe(details, "script", "the Why? text")?;
    let worker = reports_worker(read, worker_url)?;
    raw_text_safe(&worker, "script", worker_url)?;
    Ok(format!(
        r#"<script type="text/plain" id="sw-details">{details}</script><script type="text/plain" id="{WORKER_SOURCE_ID}">{worker}</script><script type="module">{module}</script>"#
    ))
}

/// The reports worker's script with its wasm inline: a blob: worker
/// fetches nothing.
fn reports_worker(read: Reader, script_url: &str) -> Result<String, String> {
    let script = text_file(read, script_url)?;
    let wasm = read(&reports::wasm_url(script_url)?)?;
    Ok(reports::script(
        reports::glue(&script, script_url)?,
        &bytes_expression(&wasm),
    ))
}

/// The start module's first statement: the worker's inline source as a
/// blob: URL in the boot tag's `data-reports`, before the app can read it.
fn reports_from_blob() -> String {
    format!(
        "{{const d=document,s=d.querySelector(\"script[{a}]\");s&&s.setAttribute(\"{a}\",\
         URL.createObjectURL(new Blob([d.getElementById(\"{WORKER_SOURCE_ID}\").textContent],\
         {{type:\"text/javascript\"}})))}}\n",
        a = reports::ATTRIBUTE
    )
}

/// JS that makes a wasm's bytes from their base64.
fn bytes_expression(wasm: &[u8]) -> String {
    format!(
        "Uint8Array.from(atob(\"{}\"),c=>c.charCodeAt(0))",
        base64(wasm)
    )
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
        "{code}\n{init}({{module_or_path:{}}});",
        bytes_expression(wasm)
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
            let close = export_list(list, &mut exports)?;
            let mut end = rest_at + 1 + close + 1;
            if bytes.get(end) == Some(&b';') {
                end += 1;
            }
            edits.push((start..end, String::new()));
        } else if let Some(value) = rest.strip_prefix("default") {
            let value_at = glue.len() - value.trim_start().len();
            let name = default_export(value.trim_start())?;
            exports.push(("default".to_string(), name.to_string()));
            let mut end = value_at + name.len();
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

/// `{a as default, b}`: adds (exported, local) pairs; returns where `}` is.
fn export_list(list: &str, exports: &mut Vec<(String, String)>) -> Result<usize, String> {
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
    Ok(close)
}

/// The plain name after `export default`.
fn default_export(value: &str) -> Result<&str, String> {
    let name_len = value
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(value.len());
    let name = &value[..name_len];
    if name == "function" || name == "async" || name == "class" {
        return Err("`export default function` in the JS glue: name it first".into());
    }
    if !is_identifier(name) {
        return Err("the JS glue's default export is not a plain name".into());
    }
    Ok(name)
}

#[cfg(test)]
#[path = "single_file_tests.rs"]
mod tests;
