//! The reports worker's files. Trunk builds `reports` as a worker
//! (index.html) with wasm-bindgen's classic, no-modules glue, under the
//! binary's own unhashed names. This step makes one worker script of the glue
//! and its start, names it and the wasm by their content (so `_headers` makes
//! them immutable and a new release never meets an old cached copy), and
//! writes the script's URL into the boot script tag's `data-reports`, where
//! the page's shell reads it to start the worker on first use.

use super::digest::short_hash;
use super::html;
use super::trunk;
/// The boot script tag's attribute naming the worker script.
pub use crate::core::protocol::ATTRIBUTE;

/// The worker's files as the bundle ships them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Files {
    pub script_name: String,
    pub script: String,
    pub wasm_name: String,
}

/// The statement that starts the worker after its glue: wasm-bindgen's
/// no-modules `init` given `source`, a JS expression (a URL or the bytes).
pub fn start(source: &str) -> String {
    format!("\nwasm_bindgen({{module_or_path:{source}}});")
}

/// The worker's one classic script: its glue, then its start.
pub fn script(glue: &str, source: &str) -> String {
    format!("{glue}{}", start(source))
}

/// The worker's files from Trunk's glue and wasm: one content hash (of
/// both) in both names; the script fetches the wasm beside itself (a
/// worker's relative URLs resolve against the worker script's own).
pub fn files(glue: &str, wasm: &[u8]) -> Files {
    let mut input = Vec::with_capacity(glue.len() + wasm.len() + 1);
    input.extend_from_slice(glue.as_bytes());
    input.push(0);
    input.extend_from_slice(wasm);
    let stem = format!("{}-{}", trunk::WORKER_BIN, short_hash(&input));
    let wasm_name = format!("{stem}_bg.wasm");
    Files {
        script: script(glue, &format!("\"{wasm_name}\"")),
        script_name: format!("{stem}.js"),
        wasm_name,
    }
}

/// Whether `path` is one of the files [`files`] names (`reports-<hash>…`).
pub fn is_worker_file(path: &str) -> bool {
    (path.strip_prefix(trunk::WORKER_BIN))
        .is_some_and(|rest| rest.starts_with('-') && !rest.contains('/'))
}

/// Whether `path` is the worker's script [`files`] names.
pub fn is_worker_script(path: &str) -> bool {
    is_worker_file(path) && path.ends_with(".js")
}

/// The wasm beside a worker script `files` named: `x.js` → `x_bg.wasm`.
pub fn wasm_url(script_url: &str) -> Result<String, String> {
    script_url
        .strip_suffix(".js")
        .map(|stem| format!("{stem}_bg.wasm"))
        .ok_or(format!(
            "the reports worker's script {script_url:?} is not a .js file"
        ))
}

/// The glue of a worker script `files` wrote, for the single file to start
/// it from other bytes.
pub fn glue<'a>(script: &'a str, script_url: &str) -> Result<&'a str, String> {
    let wasm = wasm_url(script_url)?;
    let name = wasm.rsplit('/').next().unwrap_or(&wasm);
    script
        .strip_suffix(&start(&format!("\"{name}\"")))
        .ok_or(format!(
            "{script_url} does not end by starting {name} (written by postbuild?)"
        ))
}

/// The page with `data-reports={url}` on its boot script tag, unquoted
/// like the tag's other URLs after Trunk's minifier.
pub fn point_boot_tag(page: &str, url: &str) -> Result<String, String> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "./_-".contains(c);
    if url.is_empty() || !url.chars().all(plain) {
        return Err(format!("{url:?} is not a plain relative URL"));
    }
    let tag = trunk::boot_tag(page)?;
    if tag.reports.is_some() {
        return Err(format!("the boot script tag has a {ATTRIBUTE} already"));
    }
    // The span starts at `<script`: the attribute goes right after the name.
    let at = tag.span.start + "<script".len();
    Ok(html::splice(
        page,
        vec![(at..at, format!(" {ATTRIBUTE}={url}"))],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm_bindgen=(()=>{})();";

    #[test]
    fn both_files_are_named_by_the_content_of_both() {
        let one = files(GLUE, b"\0asm1");
        assert!(one.script_name.starts_with("reports-") && one.script_name.ends_with(".js"));
        assert_eq!(wasm_url(&one.script_name), Ok(one.wasm_name.clone()));
        assert!(crate::postbuild::digest::is_hashed(&one.script_name));
        assert!(crate::postbuild::digest::is_hashed(&one.wasm_name));
        assert_ne!(one.script_name, files(GLUE, b"\0asm2").script_name);
        assert_ne!(one.script_name, files("let x;", b"\0asm1").script_name);
        assert_eq!(one, files(GLUE, b"\0asm1"));
    }

    #[test]
    fn the_script_starts_the_wasm_beside_it_and_gives_its_glue_back() {
        let made = files(GLUE, b"\0asm");
        assert_eq!(
            made.script,
            format!(
                "{GLUE}\nwasm_bindgen({{module_or_path:\"{}\"}});",
                made.wasm_name
            )
        );
        let url = format!("./{}", made.script_name);
        assert_eq!(glue(&made.script, &url), Ok(GLUE));
        assert!(glue(GLUE, &url).is_err(), "a script without the start");
        assert!(wasm_url("./reports.wasm").is_err());
    }

    #[test]
    fn the_boot_tag_gets_the_url_once() {
        let page = "<head><script src=./x.js></script><script data-glue=./g.js data-wasm=./w.wasm src=./boot.js></script>";
        let pointed = point_boot_tag(page, "./reports-1.js").expect("pointed");
        assert!(pointed.contains(
            r#"<script data-reports=./reports-1.js data-glue=./g.js data-wasm=./w.wasm src=./boot.js>"#
        ));
        assert!(pointed.starts_with("<head><script src=./x.js></script>"));
        assert!(point_boot_tag(&pointed, "./y.js").is_err(), "twice");
        assert!(point_boot_tag("<script src=./boot.js></script>", "./y.js").is_err());
        for unsafe_url in ["", "./a b.js", "./a\".js", "./a>.js"] {
            assert!(point_boot_tag(page, unsafe_url).is_err(), "{unsafe_url}");
        }
    }
}
