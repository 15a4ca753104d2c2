//! The embed's own files beside the page.
//!
//! `embed.html` is the widget as a document of its own, so that its response
//! headers can differ from the page's (any site may frame it, none may frame
//! the page). It is the page Trunk wrote, marked `<html data-embed>` (so it
//! is an embed whatever its query), with the embed view prerendered and the
//! boot script as its only script: no service-worker registration and no
//! manifest, which an embed never uses. Each use case's embed document
//! (`answers.rs`) is made the same way.
//!
//! `embed-<hash>.js` is the loader under a name whose content never changes,
//! which a blog can pin with Subresource Integrity. `build.rs` hashes
//! `embed/embed.js` into the name and integrity the embed snippets carry;
//! this step checks the copy Trunk made is those very bytes, and that it
//! frames each use case's document (`answers.rs`).

use super::{digest, html, prerender, preset_names, trunk};
use crate::core::page::query::EMBED_ATTRIBUTE;
pub use crate::core::page::query::EMBED_FILE as DOCUMENT;
pub use crate::core::reports::export::{LOADER_INTEGRITY, PINNED_LOADER};
use crate::core::MATRIX;

/// An embed's document from the page as Trunk wrote it (before the page's
/// own prerender) and the embed view's markup.
pub fn document(page: &str, rendered: &str) -> Result<String, String> {
    let boot = trunk::boot_tag(page)?;
    let mut edits = Vec::new();
    let mut roots = 0;
    for element in html::elements(page) {
        let drop = (element.span.clone(), String::new());
        match element.name.as_str() {
            "html" if element.has_attr(EMBED_ATTRIBUTE) => {
                return Err(format!("the page's <html> has a {EMBED_ATTRIBUTE} already"));
            }
            "html" => {
                roots += 1;
                let at = element.span.start + "<html".len();
                edits.push((at..at, format!(" {EMBED_ATTRIBUTE}")));
            }
            "script" if element.has_attr("src") && element.span != boot.span => edits.push(drop),
            "link" if element.attr_has_token("rel", "manifest") => edits.push(drop),
            _ => {}
        }
    }
    if roots != 1 {
        return Err(format!(
            "the page needs one <html> start tag, found {roots}"
        ));
    }
    prerender::into_page(&html::splice(page, edits), rendered)
}

/// Checks that `loader`, the bundle's embed.js, is what the snippets pin,
/// and that it frames the document of each preset of the data.
pub fn check_pinned(loader: &[u8]) -> Result<(), String> {
    let ids: Vec<&str> = MATRIX.presets.iter().map(|p| p.id).collect();
    let text = String::from_utf8_lossy(loader);
    preset_names::check_loader(&text, DOCUMENT, &ids)
        .map_err(|problem| format!("{}: {problem}", trunk::EMBED_LOADER))?;
    let integrity = digest::integrity(loader);
    let name = format!("embed-{}.js", digest::short_hash(loader));
    if integrity != LOADER_INTEGRITY || name != PINNED_LOADER {
        return Err(format!(
            "{} is not the embed/embed.js build.rs hashed ({name}, {integrity}; the snippets pin \
             {PINNED_LOADER}, {LOADER_INTEGRITY}): a loader must be copied as is, never minified",
            trunk::EMBED_LOADER
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = concat!(
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<link href=./main-1.css rel=stylesheet><link href=manifest.webmanifest rel=manifest>",
        "<script data-reports=./reports-1.js src=./boot.js data-glue=./g-1.js data-wasm=./w-1.wasm></script>",
        "<script defer src=./sw-register-1.js></script></head>",
        "<body><main class=sw-root id=stackweigh><noscript>n</noscript></main></body></html>"
    );

    #[test]
    fn the_embed_document_is_marked_and_carries_only_the_boot_script() {
        let embed = document(PAGE, "<div>E</div>").expect("embed.html");
        assert!(
            embed.starts_with("<!doctype html><html data-embed lang=en><head>"),
            "{embed}"
        );
        assert!(embed.contains("<script data-reports=./reports-1.js src=./boot.js "));
        assert!(embed.contains("<link href=./main-1.css rel=stylesheet>"));
        for gone in ["sw-register", "manifest"] {
            assert!(!embed.contains(gone), "{gone} in {embed}");
        }
        assert!(
            embed.contains(" data-prerendered><div>E</div><noscript>"),
            "{embed}"
        );
        assert!(document(&embed, "x").is_err(), "marked twice");
        assert!(document(
            "<head><script src=b.js data-glue=g data-wasm=w></script>",
            "x"
        )
        .is_err());
    }

    #[test]
    fn the_pinned_loader_is_the_one_source_hashed_and_frames_every_use_case() {
        let source = include_bytes!("../../embed/embed.js");
        assert_eq!(check_pinned(source), Ok(()));
        assert!(
            PINNED_LOADER.starts_with("embed-") && super::super::digest::is_hashed(PINNED_LOADER)
        );
        assert!(LOADER_INTEGRITY.starts_with("sha384-"));
        let changed = [source.as_slice(), b"\n"].concat();
        assert!(check_pinned(&changed).is_err_and(|e| e.contains("never minified")));
        let text = std::str::from_utf8(source).expect("UTF-8");
        let unlisted = text.replacen(" ml_ai ", " ", 1);
        assert!(check_pinned(unlisted.as_bytes()).is_err_and(|e| e.contains("var PRESETS")));
    }

    #[test]
    fn the_embed_waits_for_view_within_the_loaders_margin() {
        let margin = |source: &str| {
            let at = source
                .find("rootMargin: '")
                .map(|i| i + "rootMargin: '".len());
            at.and_then(|at| source[at..].split('\'').next())
                .map(str::to_string)
        };
        let loader = margin(include_str!("../../embed/embed.js"));
        let boot = margin(include_str!("../../assets/boot.js"));
        assert!(loader.is_some(), "the loader observes with a margin");
        assert_eq!(
            boot, loader,
            "boot.js starts a framed embed within the loader's margin"
        );
    }
}
