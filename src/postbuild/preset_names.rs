//! The one rule naming the document that answers a use case: `embed.html`
//! and `ml_ai` give `embed-ml_ai.html`, `index.html` gives `index-ml_ai.html`.
//! The post-build writes those documents and routes to them (`_redirects`,
//! the service worker); `build.rs` and the post-build check that the loader
//! (`embed/embed.js`) lists the data's presets and names their documents by
//! this rule. Standard library only, so that `build.rs` can include it.

/// The longest preset id a file may be named after (as long as a notice quotes).
pub const MAX_ID: usize = 30;

/// Whether `id` can name a file and a query value as it is: `[a-z0-9_-]`,
/// at most [`MAX_ID`] characters (the boot script reads no other as a preset).
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && (id.bytes())
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// The document of `base` (a `.html` file name) that answers `preset`.
pub fn document(base: &str, preset: &str) -> String {
    let stem = base.strip_suffix(".html").unwrap_or(base);
    format!("{stem}-{preset}.html")
}

/// The line of `embed/embed.js` listing the use cases that have a document
/// of their own, for `presets` (the data's, in order).
pub fn loader_table(presets: &[&str]) -> String {
    format!("  var PRESETS = ' {} ';", presets.join(" "))
}

/// Checks that the loader `source` lists exactly `presets` and names each
/// one's document by [`document`]'s rule over `embed_file`; the error says
/// what to write. The loader is a file blogs pin by its hash, so it is
/// checked rather than generated: it ships as it is in the repository.
pub fn check_loader(source: &str, embed_file: &str, presets: &[&str]) -> Result<(), String> {
    if let Some(id) = presets.iter().find(|id| !is_plain_id(id)) {
        return Err(format!(
            "preset id {id:?} cannot name a file: use [a-z0-9_-], at most {MAX_ID} characters"
        ));
    }
    let table = loader_table(presets);
    if !source.lines().any(|line| line == table) {
        return Err(format!(
            "the loader must list the data's presets in one line:\n{table}"
        ));
    }
    // The rule applied to the JS variable gives the loader's expression for it.
    let naming = format!("'{}'", document(embed_file, "' + preset + '"));
    if !source.contains(&naming) {
        return Err(format!(
            "the loader must name a use case's document {naming}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_use_cases_document_is_named_after_its_base_and_id() {
        assert_eq!(document("embed.html", "ml_ai"), "embed-ml_ai.html");
        assert_eq!(document("index.html", "rest-api"), "index-rest-api.html");
    }

    #[test]
    fn only_plain_ids_name_files() {
        for id in ["ml_ai", "iot", "a-b_9", &"x".repeat(MAX_ID)] {
            assert!(is_plain_id(id), "{id}");
        }
        for id in [
            "",
            "ML",
            "a.b",
            "a/b",
            "../x",
            "a b",
            "é",
            &"x".repeat(MAX_ID + 1),
        ] {
            assert!(!is_plain_id(id), "{id}");
        }
    }

    #[test]
    fn the_loader_must_list_every_preset_and_name_documents_by_the_rule() {
        let source = "(function(){\n  var PRESETS = ' ml_ai iot ';\n  go('embed-' + preset + '.html');\n})();\n";
        assert_eq!(
            check_loader(source, "embed.html", &["ml_ai", "iot"]),
            Ok(())
        );
        let missing = check_loader(source, "embed.html", &["ml_ai", "iot", "mvp"]);
        assert!(missing.is_err_and(|e| e.contains("  var PRESETS = ' ml_ai iot mvp ';")));
        let renamed = check_loader(source, "widget.html", &["ml_ai", "iot"]);
        assert!(renamed.is_err_and(|e| e.contains("'widget-' + preset + '.html'")));
        assert!(
            check_loader(source, "embed.html", &["a b"]).is_err_and(|e| e.contains("cannot name"))
        );
    }
}
