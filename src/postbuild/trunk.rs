//! What Trunk writes into the staging folder, known here and nowhere else:
//! the page (Trunk.toml's `target`); the boot script tag that Trunk.toml's
//! `pattern_script` puts in place of the app's rust link, naming the boot
//! script, the app's JS glue and its wasm; the reports worker's files (a
//! `data-type="worker"` rust link, under the binary's own unhashed names);
//! the loader it copies as is; and which scripts it leaves unminified.

use std::ops::Range;

use super::html;
use crate::core::protocol::ATTRIBUTE as REPORTS_ATTRIBUTE;

/// Trunk.toml's `target`, and so the page Trunk writes.
pub use crate::core::page::query::PAGE_FILE as PAGE;

/// The reports worker's binary (index.html's `data-bin`), and the names
/// Trunk gives its glue and wasm.
pub const WORKER_BIN: &str = "reports";
pub const WORKER_GLUE: &str = "reports.js";
pub const WORKER_WASM: &str = "reports_bg.wasm";

/// `embed/embed.js`, copied as is by index.html's `rel="copy-file"` link.
pub const EMBED_LOADER: &str = "embed.js";

/// The boot script's tag: `<script src data-glue data-wasm>` as
/// pattern_script writes it, and the reports worker's script once the
/// post-build has named it (`data-reports`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootTag {
    pub span: Range<usize>,
    pub src: String,
    pub glue: String,
    pub wasm: String,
    pub reports: Option<String>,
}

/// The one boot script tag of `page`; an error names what is missing.
pub fn boot_tag(page: &str) -> Result<BootTag, String> {
    let elements = html::elements(page);
    let mut tags = elements
        .iter()
        .filter(|e| e.name == "script" && e.has_attr("data-glue"));
    let (Some(tag), None) = (tags.next(), tags.next()) else {
        return Err(
            "the page needs exactly one <script src data-glue data-wasm> (Trunk.toml's pattern_script)"
                .into(),
        );
    };
    let named = |attribute: &str| {
        tag.attr(attribute)
            .filter(|url| !url.is_empty())
            .map(str::to_string)
            .ok_or(format!("the boot script's tag has no {attribute}"))
    };
    Ok(BootTag {
        span: tag.span.clone(),
        src: named("src")?,
        glue: named("data-glue")?,
        wasm: named("data-wasm")?,
        reports: named(REPORTS_ATTRIBUTE).ok(),
    })
}

/// How terser must read a script: the app's glue is an ES module; the boot
/// script and the worker's glue are classic scripts (a sandboxed frame
/// runs no module boot script; the worker keeps its top-level wasm_bindgen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptKind {
    Module,
    Classic,
}

/// The scripts Trunk 0.21 copies unminified, as URLs relative to the page.
pub fn unminified_scripts(page: &str) -> Result<Vec<(String, ScriptKind)>, String> {
    let boot = boot_tag(page)?;
    Ok(vec![
        (boot.glue, ScriptKind::Module),
        (boot.src, ScriptKind::Classic),
        (WORKER_GLUE.to_string(), ScriptKind::Classic),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_file(path: &str) -> String {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
    }

    fn trunk_setting(key: &str) -> String {
        let config: toml::Table = toml::from_str(&repo_file("Trunk.toml")).expect("Trunk.toml");
        let build = config.get("build").and_then(|b| b.as_table());
        let value = build.and_then(|b| b.get(key)).and_then(|v| v.as_str());
        value
            .unwrap_or_else(|| panic!("Trunk.toml has no build.{key}"))
            .to_string()
    }

    #[test]
    fn the_boot_tag_trunk_writes_is_the_one_read_here() {
        let written = trunk_setting("pattern_script")
            .replace("{base}", "./")
            .replace("{js}", "stackweigh-0123456789abcdef.js")
            .replace("{wasm}", "stackweigh-0123456789abcdef_bg.wasm");
        let tag = boot_tag(&format!("<head>{written}</head>")).expect("the boot tag");
        assert_eq!(tag.src, "./boot.js");
        assert_eq!(tag.glue, "./stackweigh-0123456789abcdef.js");
        assert_eq!(tag.wasm, "./stackweigh-0123456789abcdef_bg.wasm");
        assert_eq!(tag.reports, None);
        assert_eq!(trunk_setting("target"), PAGE);
    }

    #[test]
    fn the_page_declares_the_worker_and_the_loader_named_here() {
        let page = repo_file(PAGE);
        let worker = format!(r#"data-bin="{WORKER_BIN}" data-type="worker""#);
        assert!(page.contains(&worker), "index.html: {worker}");
        assert_eq!(WORKER_GLUE, format!("{WORKER_BIN}.js"));
        assert_eq!(WORKER_WASM, format!("{WORKER_BIN}_bg.wasm"));
        let loader = format!(r#"rel="copy-file" href="embed/{EMBED_LOADER}""#);
        assert!(page.contains(&loader), "index.html: {loader}");
    }

    #[test]
    fn a_page_without_exactly_one_full_boot_tag_is_an_error() {
        let tag = "<script src=./boot.js data-glue=./g.js data-wasm=./w.wasm></script>";
        assert!(boot_tag("<p>").is_err_and(|e| e.contains("pattern_script")));
        assert!(boot_tag(&tag.repeat(2)).is_err_and(|e| e.contains("exactly one")));
        let no_wasm = tag.replace(" data-wasm=./w.wasm", "");
        assert!(boot_tag(&no_wasm).is_err_and(|e| e.contains("data-wasm")));
        let pointed = tag.replace("<script", "<script data-reports=./reports-1.js");
        assert_eq!(
            boot_tag(&pointed).map(|t| t.reports),
            Ok(Some("./reports-1.js".into()))
        );
    }

    #[test]
    fn the_glue_is_minified_as_a_module_the_rest_as_classic_scripts() {
        let page = "<script src=./boot.js data-glue=./g-1.js data-wasm=./w.wasm></script>";
        assert_eq!(
            unminified_scripts(page),
            Ok(vec![
                ("./g-1.js".to_string(), ScriptKind::Module),
                ("./boot.js".to_string(), ScriptKind::Classic),
                ("reports.js".to_string(), ScriptKind::Classic),
            ])
        );
    }
}
