//! Puts the app's prerendered default view (`crate::app::prerender`) into
//! the built index.html, the embed view (`prerender_embed`) into embed.html,
//! and each use case's (`prerender_preset`) into its own documents.

use super::html;
use crate::app::PRERENDERED_ATTRIBUTE;

/// What a prerendered view says in its verdict's place while the app draws
/// an answer the build could not (a shared state, a subset): shown only
/// under `<html data-pending>`, which the boot script sets.
pub const LOADING_NOTE: &str = "Loading this comparison…";

/// `rendered` (a view from `crate::app`) with [`LOADING_NOTE`] after the
/// verdict's heading, as a `<p class="sw-pending-note">` that the
/// stylesheet hides unless the boot script marks the view pending.
pub fn with_loading_note(rendered: &str) -> Result<String, String> {
    let heading = (html::elements(rendered).into_iter())
        .find(|e| e.name == "h2" && e.attr("id") == Some("sw-rec-heading"))
        .ok_or("the view has no verdict heading (<h2 id=\"sw-rec-heading\">)")?;
    let close = (rendered[heading.span.end..].find("</h2>"))
        .map(|offset| heading.span.end + offset + "</h2>".len())
        .ok_or("the verdict heading is never closed")?;
    let note = format!(r#"<p class="sw-pending-note">{LOADING_NOTE}</p>"#);
    Ok(html::splice(rendered, vec![(close..close, note)]))
}

/// Puts `rendered` at the start of `<main id="stackweigh">` (before its
/// `<noscript>` note) and marks the element [`PRERENDERED_ATTRIBUTE`], which
/// the wasm's `mount` looks for; an error names what is missing.
pub fn into_page(page: &str, rendered: &str) -> Result<String, String> {
    let roots: Vec<html::Element> = html::elements(page)
        .into_iter()
        .filter(|e| e.name == "main" && e.attr("id") == Some("stackweigh"))
        .collect();
    let [root] = roots.as_slice() else {
        return Err(format!(
            "expected one <main id=\"stackweigh\"> to prerender into, found {}",
            roots.len()
        ));
    };
    if root.has_attr(PRERENDERED_ATTRIBUTE) {
        return Err("<main id=\"stackweigh\"> is prerendered already".into());
    }
    // The span ends just past the start tag's `>`.
    let close = root.span.end - 1;
    Ok(html::splice(
        page,
        vec![
            (close..close, format!(" {PRERENDERED_ATTRIBUTE}")),
            (root.span.end..root.span.end, rendered.to_string()),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::into_page;

    #[test]
    fn the_prerender_goes_first_in_the_app_root_quoted_or_not() {
        for page in [
            r#"<body><main id="stackweigh" class="sw-root"><noscript>n</noscript></main>"#,
            "<body><main class=sw-root id=stackweigh><noscript>n</noscript></main>",
        ] {
            let out = into_page(page, "<div>V</div>").unwrap();
            assert!(
                out.contains(" data-prerendered><div>V</div><noscript>n</noscript></main>"),
                "{out}"
            );
        }
    }

    #[test]
    fn the_loading_note_follows_the_verdicts_heading() {
        use super::{with_loading_note, LOADING_NOTE};
        let view = r#"<div class="sw-verdict"><h2 id="sw-rec-heading">Recommendation</h2><p class="sw-headline">P</p></div>"#;
        let noted = with_loading_note(view).expect("a verdict");
        let note = format!(
            r#"Recommendation</h2><p class="sw-pending-note">{LOADING_NOTE}</p><p class="sw-headline">"#
        );
        assert!(noted.contains(&note), "{noted}");
        assert!(with_loading_note("<div>no verdict</div>").is_err());
        assert!(with_loading_note(r#"<h2 id="sw-rec-heading">open"#).is_err());
    }

    #[test]
    fn every_prerendered_view_has_the_note_once() {
        for view in [
            crate::app::prerender(),
            crate::app::prerender_embed(),
            crate::app::prerender_preset("ml_ai", true),
        ] {
            let noted = super::with_loading_note(&view).expect("the app's verdict heading");
            assert_eq!(noted.matches(super::LOADING_NOTE).count(), 1);
        }
    }

    #[test]
    fn prerendering_needs_the_app_root_once() {
        let other = "<main id=elsewhere></main>";
        assert!(into_page(other, "x").unwrap_err().contains("found 0"));
        let twice = into_page("<main id=stackweigh></main>", "x").unwrap();
        assert!(into_page(&twice, "x").unwrap_err().contains("already"));
    }
}
