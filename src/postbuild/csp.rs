//! The Content-Security-Policy shipped inside the bundle's HTML as a
//! `<meta http-equiv>`: a static host may not let the author set headers,
//! and the single file has no server at all. The page's scripts are all
//! files of the bundle (the boot script and the service-worker registration);
//! any inline script is allowed by hash, computed from the final text of the
//! document, so the policy is the last thing written into it.

use super::digest::csp_hash;
use super::html::{self, Element};

/// The page and the embed: everything comes from the bundle's own origin.
/// `img-src data: blob:` is for the chart's SVG/PNG export, which draws a
/// blob URL into a canvas and downloads a data URL.
pub fn page_policy(script_hashes: &[String]) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'; \
         img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
         frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
        sources(script_hashes)
    )
}

/// The single file: nothing may load at all except what it carries inline
/// (by hash), images it makes itself (export), itself in a frame (the
/// embed dialog's preview) and the reports worker it makes from its own
/// inline source (a blob: worker inherits this policy).
pub fn single_file_policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval'{}; style-src{}; img-src data: blob:; \
         worker-src blob:; frame-src 'self'; object-src 'none'; base-uri 'none'",
        sources(script_hashes),
        sources(style_hashes)
    )
}

/// The service worker's: it fetches the bundle's own files, runs nothing.
pub const SERVICE_WORKER_POLICY: &str = "default-src 'none'; connect-src 'self'";

/// The reports worker's: its glue fetches and compiles the wasm beside it.
pub const REPORTS_WORKER_POLICY: &str =
    "default-src 'none'; script-src 'wasm-unsafe-eval'; connect-src 'self'";

/// The policy a document carries in its `<meta http-equiv>`, if any.
pub fn meta_policy(document: &str) -> Option<String> {
    let elements = html::elements(document);
    let meta = elements.iter().find(|e| is_csp_meta(e))?;
    meta.attr("content").map(html::unescape_attr)
}

fn sources(hashes: &[String]) -> String {
    let mut out = String::new();
    for hash in hashes {
        out.push(' ');
        out.push_str(hash);
    }
    out
}

/// The `'sha256-…'` source of every inline script the browser would run,
/// in document order, without repeats.
pub fn inline_script_hashes(document: &str) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    for element in html::elements(document) {
        if !element.is_inline_executable_script() {
            continue;
        }
        let text = element.text.map_or("", |range| &document[range]);
        let hash = csp_hash(text);
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
    hashes
}

fn is_csp_meta(element: &Element) -> bool {
    element.name == "meta"
        && element
            .attr("http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
}

/// What the page's policy would block, found before a browser does: inline
/// styles (`style-src 'self'`), event-handler attributes (no
/// `'unsafe-inline'`), a `<base>` (`base-uri 'none'`; Trunk writes one for
/// `<base data-trunk-public-url/>`, which this bundle does not use).
pub fn page_violations(document: &str) -> Vec<String> {
    let mut found = Vec::new();
    for element in html::elements(document) {
        match element.name.as_str() {
            "style" => found.push("an inline <style> element (style-src 'self')".to_string()),
            "base" => found.push(
                "a <base> element (base-uri 'none'): drop <base data-trunk-public-url/>, the bundle uses relative URLs".to_string(),
            ),
            _ => {}
        }
        for attribute in &element.attributes {
            if attribute.name == "style" {
                found.push(format!(
                    "a style attribute on <{}> (style-src 'self')",
                    element.name
                ));
            } else if attribute.name.starts_with("on") && attribute.name.len() > 2 {
                found.push(format!(
                    "an event-handler attribute {} on <{}> (no 'unsafe-inline')",
                    attribute.name, element.name
                ));
            }
        }
    }
    found
}

/// Writes `policy` into the document as its first `<meta>` after the
/// charset declaration (a policy only governs what comes after it), in
/// place of any earlier one so the step can run twice.
pub fn insert_policy(document: &str, policy: &str) -> Result<String, String> {
    let elements = html::elements(document);
    let mut edits: Vec<_> = elements
        .iter()
        .filter(|e| is_csp_meta(e))
        .map(|e| (e.span.clone(), String::new()))
        .collect();
    let anchor = elements
        .iter()
        .find(|e| e.name == "meta" && e.has_attr("charset"))
        .or_else(|| elements.iter().find(|e| e.name == "head"))
        .ok_or("no <meta charset> or <head> to put the Content-Security-Policy after")?;
    edits.push((
        anchor.span.end..anchor.span.end,
        format!(
            r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
            html::escape_attr(policy)
        ),
    ));
    Ok(html::splice(document, edits))
}

/// The page's final HTML: checked, then given a policy that allows exactly
/// its inline scripts.
pub fn secure_page(document: &str) -> Result<String, String> {
    let violations = page_violations(document);
    if !violations.is_empty() {
        return Err(format!(
            "index.html has what its Content-Security-Policy would block: {}",
            violations.join("; ")
        ));
    }
    let policy = page_policy(&inline_script_hashes(document));
    insert_policy(document, &policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_LIKE: &str = r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title><link href=./main-1.css rel=stylesheet><script src=./boot.js data-glue=./app-1.js data-wasm=./app-1_bg.wasm></script><script defer src=./sw-register-1.js></script></head><body><main id=stackweigh></main><script id=sw-details type=text/plain>not code</script></body></html>"#;

    #[test]
    fn hashes_only_inline_executable_scripts() {
        assert_eq!(inline_script_hashes(TRUNK_LIKE), Vec::<String>::new());
        let with_inline = TRUNK_LIKE.replace(
            "<title>t</title>",
            "<title>t</title><script type=module>go()</script>",
        );
        assert_eq!(inline_script_hashes(&with_inline), [csp_hash("go()")]);
    }

    #[test]
    fn a_page_of_script_files_only_allows_no_inline_script() {
        let secured = secure_page(TRUNK_LIKE).expect("secured");
        assert!(
            secured.contains("script-src 'self' 'wasm-unsafe-eval'; "),
            "{secured}"
        );
        assert!(!secured.contains("'sha256-"), "{secured}");
    }

    #[test]
    fn identical_scripts_are_listed_once() {
        let hashes =
            inline_script_hashes("<script>a()</script><script>a()</script><script>b()</script>");
        assert_eq!(hashes, [csp_hash("a()"), csp_hash("b()")]);
    }

    #[test]
    fn page_policy_is_strict() {
        let policy = page_policy(&["'sha256-x'".to_string()]);
        assert!(policy
            .starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-x';"));
        for needed in [
            "style-src 'self';",
            "object-src 'none'",
            "base-uri 'none'",
            "img-src 'self' data: blob:",
            "manifest-src 'self'",
            "worker-src 'self'",
        ] {
            assert!(policy.contains(needed), "{needed} in {policy}");
        }
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        // A <meta> policy must not carry directives browsers ignore there
        // (they log an error for each).
        for ignored in ["frame-ancestors", "report-uri", "sandbox"] {
            assert!(!policy.contains(ignored), "{ignored}");
        }
    }

    #[test]
    fn policy_goes_right_after_the_charset_and_replaces_an_old_one() {
        let once = secure_page(TRUNK_LIKE).expect("secured");
        assert!(once.contains(r#"<meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="default-src 'self';"#));
        let twice = secure_page(&once).expect("secured again");
        assert_eq!(once, twice);
    }

    #[test]
    fn inline_styles_handlers_and_base_fail_the_build() {
        for (document, what) in [
            (
                "<head><meta charset=utf-8></head><p style=color:red>x",
                "style attribute",
            ),
            ("<head><meta charset=utf-8><style>p{}</style>", "<style>"),
            (
                r#"<head><meta charset=utf-8><base href="./"></head>"#,
                "<base>",
            ),
            (
                "<head><meta charset=utf-8></head><img onerror=x()>",
                "onerror",
            ),
        ] {
            let error = secure_page(document).expect_err(what);
            assert!(error.contains(what), "{error}");
        }
    }

    #[test]
    fn the_policy_written_is_the_policy_read() {
        let secured = secure_page(TRUNK_LIKE).expect("secured");
        assert_eq!(meta_policy(&secured), Some(page_policy(&[])));
        assert_eq!(meta_policy(TRUNK_LIKE), None);
    }

    #[test]
    fn a_document_without_head_or_charset_is_an_error() {
        assert!(insert_policy("<p>x</p>", "default-src 'none'").is_err());
    }
}
