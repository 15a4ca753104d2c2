//! The one rule naming the document that answers a use case: `embed.html`
//! and `ml_ai` give `embed-ml_ai.html`, `index.html` gives `index-ml_ai.html`.
//! The post-build writes those documents and routes to them (`_redirects`,
//! the service worker); `build.rs` writes the loader's table of them, which
//! the pinned loader's name and integrity hash. Standard library only, so
//! that `build.rs` can include this file as it is.

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

/// The line of `embed/embed.js` that the build fills in with the table.
pub const LOADER_TABLE: &str = "var DOCUMENTS = {};";

/// The loader as shipped: `source` with its table of each preset's document
/// of `embed_file` (a JS object from preset id to file name).
pub fn loader(source: &str, embed_file: &str, presets: &[&str]) -> Result<String, String> {
    if source.matches(LOADER_TABLE).count() != 1 {
        return Err(format!("needs the line `{LOADER_TABLE}` exactly once"));
    }
    let mut entries = Vec::new();
    for id in presets {
        if !is_plain_id(id) {
            return Err(format!(
                "preset id {id:?} cannot name a file: use [a-z0-9_-], at most {MAX_ID} characters"
            ));
        }
        entries.push(format!("\"{id}\": \"{}\"", document(embed_file, id)));
    }
    let table = format!("var DOCUMENTS = {{{}}};", entries.join(", "));
    Ok(source.replace(LOADER_TABLE, &table))
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
    fn the_loader_gets_one_table_of_every_preset() {
        let source = "(function(){\n  var DOCUMENTS = {};\n  go(DOCUMENTS);\n})();\n";
        let filled = loader(source, "embed.html", &["ml_ai", "iot"]).expect("filled");
        assert!(filled.contains(
            r#"var DOCUMENTS = {"ml_ai": "embed-ml_ai.html", "iot": "embed-iot.html"};"#
        ));
        assert_eq!(loader(source, "embed.html", &[]).as_deref(), Ok(source));
        assert!(loader(source, "embed.html", &["a\"b"]).is_err_and(|e| e.contains("cannot name")));
        assert!(loader("no table", "embed.html", &[]).is_err_and(|e| e.contains("exactly once")));
    }
}
