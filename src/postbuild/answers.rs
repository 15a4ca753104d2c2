//! Every use case's answer, prerendered: for each preset of the data, a
//! page (`index-<id>.html`) and an embed's document (`embed-<id>.html`),
//! rendered by the same components as the default ones from `?preset=<id>`,
//! so that an embed or a page asking for a use case shows its own verdict
//! at first paint. Each is marked `<html data-answers="<id>">`: the boot
//! script compares the mark with what the address asks for and hides the
//! prerendered verdict until the app runs when they differ.
//!
//! Which file answers which preset is [`preset_names::document`]'s rule over
//! the data's presets, read here for every consumer in the bundle: the files
//! written, `_redirects` (Netlify's rewrite of `?preset=<id>`), the service
//! worker's table, the Content-Security-Policy and `_headers`. The loader
//! (`embed/embed.js`) lists the presets and names their documents by the same
//! rule, which `build.rs` and `embed.rs` check.

use super::{html, preset_names};
use crate::core::page::query::{ANSWER_ATTRIBUTE, EMBED_FILE, PAGE_FILE};
use crate::core::MATRIX;

/// One use case's two documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub preset: &'static str,
    pub page: String,
    pub embed: String,
}

/// Every preset's documents, in the data's order.
pub fn answers() -> Vec<Answer> {
    (MATRIX.presets.iter())
        .map(|preset| Answer {
            preset: preset.id,
            page: preset_names::document(PAGE_FILE, preset.id),
            embed: preset_names::document(EMBED_FILE, preset.id),
        })
        .collect()
}

/// Whether `path` is a document in the embed's layout that any site may frame.
pub fn is_embed_document(path: &str) -> bool {
    path == EMBED_FILE || answers().iter().any(|answer| answer.embed == path)
}

/// Whether `path` is a use case's page (the service worker keeps it on use).
pub fn is_preset_page(path: &str) -> bool {
    answers().iter().any(|answer| answer.page == path)
}

/// Every prerendered document of the bundle: the page, the embed's, and
/// each use case's two.
pub fn documents() -> Vec<String> {
    let mut all = vec![PAGE_FILE.to_string(), EMBED_FILE.to_string()];
    for answer in answers() {
        all.push(answer.page);
        all.push(answer.embed);
    }
    all
}

/// `document` with its `<html>` marked as answering `preset`.
pub fn mark(document: &str, preset: &str) -> Result<String, String> {
    if !preset_names::is_plain_id(preset) {
        return Err(format!("{preset:?} is not a plain preset id"));
    }
    let roots: Vec<html::Element> = (html::elements(document).into_iter())
        .filter(|e| e.name == "html")
        .collect();
    let [root] = roots.as_slice() else {
        return Err(format!(
            "expected one <html> start tag, found {}",
            roots.len()
        ));
    };
    if root.has_attr(ANSWER_ATTRIBUTE) {
        return Err(format!("<html> has a {ANSWER_ATTRIBUTE} already"));
    }
    let at = root.span.start + "<html".len();
    let attribute = format!(" {ANSWER_ATTRIBUTE}=\"{preset}\"");
    Ok(html::splice(document, vec![(at..at, attribute)]))
}

pub const REDIRECTS_FILE: &str = "_redirects";

/// `_redirects` in Netlify's syntax: `?preset=<id>` on the page (its folder
/// URL or index.html) and on embed.html rewritten (200, the address stays)
/// to the document that answers it; `!` because the page's file exists.
/// Cloudflare Pages skips these lines (it matches no query: four fields).
pub fn redirects() -> String {
    let mut out = String::from(
        "# Written by postbuild (src/postbuild/answers.rs): ?preset=<id> gets the document \
         prerendered with that use case's answer (README, Deploy).\n",
    );
    for answer in answers() {
        let preset = answer.preset;
        for (from, to) in [
            ("/".to_string(), &answer.page),
            (format!("/{PAGE_FILE}"), &answer.page),
            (format!("/{EMBED_FILE}"), &answer.embed),
        ] {
            out.push_str(&format!("{from} preset={preset} /{to} 200!\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_a_page_and_an_embed_named_by_the_one_rule() {
        let all = answers();
        assert_eq!(all.len(), MATRIX.presets.len());
        let ml = all
            .iter()
            .find(|a| a.preset == "ml_ai")
            .expect("the ML / AI preset");
        assert_eq!(
            (ml.page.as_str(), ml.embed.as_str()),
            ("index-ml_ai.html", "embed-ml_ai.html")
        );
        for answer in &all {
            assert!(
                preset_names::is_plain_id(answer.preset),
                "{}",
                answer.preset
            );
            assert!(is_embed_document(&answer.embed) && !is_embed_document(&answer.page));
            assert!(is_preset_page(&answer.page) && !is_preset_page(&answer.embed));
        }
        assert!(is_embed_document(EMBED_FILE) && !is_embed_document(PAGE_FILE));
        assert!(!is_preset_page(PAGE_FILE));
        let documents = documents();
        assert_eq!(documents.len(), 2 + 2 * all.len());
        let unique: std::collections::BTreeSet<_> = documents.iter().collect();
        assert_eq!(
            unique.len(),
            documents.len(),
            "no two documents share a name"
        );
    }

    #[test]
    fn a_document_is_marked_with_its_answer_once() {
        let marked = mark("<!doctype html><html lang=en><p>x", "ml_ai").expect("marked");
        assert_eq!(
            marked,
            r#"<!doctype html><html data-answers="ml_ai" lang=en><p>x"#
        );
        assert!(mark(&marked, "ml_ai").is_err_and(|e| e.contains("already")));
        assert!(mark("<p>no root", "ml_ai").is_err_and(|e| e.contains("found 0")));
        assert!(mark("<html>", "a\"b").is_err());
    }

    #[test]
    fn redirects_route_each_preset_of_the_page_and_the_embed_to_its_document() {
        let text = redirects();
        let rules: Vec<Vec<&str>> = (text.lines())
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split_whitespace().collect())
            .collect();
        assert_eq!(rules.len(), 3 * MATRIX.presets.len());
        assert!(rules
            .iter()
            .all(|fields| fields.len() == 4 && fields[3] == "200!"));
        for answer in answers() {
            let query = format!("preset={}", answer.preset);
            for (from, to) in [
                ("/", &answer.page),
                ("/index.html", &answer.page),
                ("/embed.html", &answer.embed),
            ] {
                let rule = [from, query.as_str(), &format!("/{to}"), "200!"];
                assert!(rules.iter().any(|r| r == &rule), "{rule:?}");
            }
        }
    }
}
