//! Puts the app's prerendered default view (`crate::app::prerender`) into
//! the built index.html, and the embed view (`prerender_embed`) into embed.html.

use super::html;
use crate::app::PRERENDERED_ATTRIBUTE;

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
    fn prerendering_needs_the_app_root_once() {
        let other = "<main id=elsewhere></main>";
        assert!(into_page(other, "x").unwrap_err().contains("found 0"));
        let twice = into_page("<main id=stackweigh></main>", "x").unwrap();
        assert!(into_page(&twice, "x").unwrap_err().contains("already"));
    }
}
