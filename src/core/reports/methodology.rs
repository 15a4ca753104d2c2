//! "How we score": the methodology note the page shows, worded here from
//! the data and the engine's own constants so it can never drift from them.
//! The reports worker draws it (`reports`): a note read by few costs the
//! page's first load nothing.

use std::fmt::Write;

use super::text::{escape, Text};
use crate::core::engine::insight::close_call_rule;
use crate::core::engine::matrix::{Matrix, NOTES};
use crate::core::engine::sensitivity::{NEARBY_SPREAD, SAMPLES};

/// One titled paragraph of the note, and the sources it lists (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    pub text: Text,
    pub links: Vec<Link>,
}

/// One listed source: its citation, linked where it has an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub url: Option<&'static str>,
}

/// An article whose claims the data audits (generated from the data file).
pub struct AuditedArticle {
    pub publisher: &'static str,
    pub title: &'static str,
    pub year: u16,
    pub url: Option<&'static str>,
    /// e.g. how an original of a republished copy was looked for.
    pub note: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/audited_articles.rs"));

fn section(heading: &'static str, text: Text) -> Section {
    Section {
        heading,
        text,
        links: Vec::new(),
    }
}

/// "The articles": which ones were audited, each linked where it has an address.
fn audited(articles: &[AuditedArticle]) -> Section {
    let links = articles
        .iter()
        .map(|a| Link {
            text: match a.note {
                Some(note) => format!("{}, “{}” ({}). {note}", a.publisher, a.title, a.year),
                None => format!("{}, “{}” ({})", a.publisher, a.title, a.year),
            },
            url: a.url,
        })
        .collect();
    Section {
        heading: "The articles",
        text: Text::new().ours(format!(
            "This tool audits the claims of these {} articles on Node.js versus Python; each criterion's “Why?” quotes what they say there and our verdict.",
            articles.len()
        )),
        links,
    }
}

pub fn methodology(matrix: &Matrix) -> Vec<Section> {
    let claims: usize = matrix.criteria.iter().map(|c| usize::from(c.claims)).sum();
    let corrected: usize = matrix
        .criteria
        .iter()
        .map(|c| usize::from(c.corrections))
        .sum();
    let disputed = matrix.criteria.iter().filter(|c| c.disputed).count();
    vec![
        section("The scale", Text::new().data(NOTES.scale)),
        section(
            "The totals",
            Text::new().ours(format!(
                "An option's total is the weighted mean of its scores on 0–100: 100 × Σ(weight × score) ÷ (10 × Σ weight). Each bar under “Why: what each criterion adds” is one criterion's share of the margin. Robustness is the share of {},{:03} nearby weightings (each weight moved independently by up to ±{}%) in which the winner stays the same. {}",
                SAMPLES / 1000,
                SAMPLES % 1000,
                (NEARBY_SPREAD * 100.0 + 0.5) as u32,
                close_call_rule()
            )),
        ),
        section("The presets", Text::new().data(NOTES.presets_method)),
        audited(AUDITED_ARTICLES),
        section(
            "Sources and corrections",
            Text::new().ours(format!(
                "{} sources: the {} articles this tool checks, and primary sources (official documentation, PEPs, release notes, named surveys and benchmarks), each dated when it was last checked. {claims} claims from the articles are quoted and audited; {corrected} of them are marked false, outdated, oversimplified or contested, with the correct statement, and {} are marked unverified because nobody can check them. {disputed} criteria carry a “sources disagree” mark.",
                matrix.source_count,
                AUDITED_ARTICLES.len(),
                NOTES.unverified_claims
            )),
        ),
        section(
            "Reviewed",
            Text::new()
                .ours("The whole matrix was last reviewed on ")
                .data(matrix.reviewed)
                .ours("."),
        ),
        section("Propose a change", Text::new().data(NOTES.contribute)),
    ]
}

/// The note as escaped HTML, drawn inside the page's "How we score".
pub fn methodology_html(matrix: &Matrix) -> String {
    let mut out = String::from("<dl>");
    for section in methodology(matrix) {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}",
            section.heading,
            section.text.html()
        );
        if !section.links.is_empty() {
            out.push_str("<ul class=\"sw-method-links\">");
            for link in &section.links {
                let text = escape(&link.text);
                let _ = match link.url {
                    Some(url) => write!(
                        out,
                        "<li><a href=\"{}\" rel=\"noopener noreferrer\">{text}</a></li>",
                        escape(url)
                    ),
                    None => write!(out, "<li>{text}</li>"),
                };
            }
            out.push_str("</ul>");
        }
        out.push_str("</dd>");
    }
    out.push_str("</dl>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::MATRIX;

    #[test]
    fn the_note_states_the_review_date_and_the_real_counts() {
        let note = methodology(&MATRIX);
        let all: String = note.iter().map(|s| s.text.plain()).collect();
        assert!(all.contains(MATRIX.reviewed));
        assert!(all.contains(&format!("{} sources", MATRIX.source_count)));
        let claims: usize = MATRIX.criteria.iter().map(|c| c.claims as usize).sum();
        assert!(claims > 0 && all.contains(&format!("{claims} claims")));
    }

    #[test]
    fn the_note_quotes_the_engine_s_own_thresholds() {
        let note = methodology(&MATRIX);
        let totals = &note
            .iter()
            .find(|s| s.heading == "The totals")
            .unwrap()
            .text
            .plain();
        assert!(totals.contains("2,000 nearby weightings"), "{totals}");
        assert!(totals.contains("±30%"), "{totals}");
        assert!(totals.contains(&close_call_rule()), "{totals}");
    }

    #[test]
    fn the_note_names_the_five_audited_articles_with_their_links() {
        let note = methodology(&MATRIX);
        let articles = note
            .iter()
            .find(|s| s.heading == "The articles")
            .expect("an articles section");
        let text = articles.text.plain();
        assert!(text.contains("these 5 articles"), "{text}");
        let texts: Vec<&str> = articles.links.iter().map(|l| l.text.as_str()).collect();
        for publisher in [
            "Simform",
            "Your Team in India",
            "Clarion Technologies",
            "Kinsta",
        ] {
            let link = articles
                .links
                .iter()
                .find(|l| l.text.starts_with(publisher))
                .unwrap_or_else(|| panic!("{publisher} in {texts:?}"));
            assert!(
                link.url.is_some_and(|u| u.starts_with("https://")),
                "{publisher}"
            );
        }
        assert_eq!(articles.links.len(), 5, "{texts:?}");
        let sources = note
            .iter()
            .position(|s| s.heading == "Sources and corrections");
        let at = note.iter().position(|s| s.heading == "The articles");
        assert!(at < sources, "named before the counts that refer to them");
    }

    #[test]
    fn the_html_holds_every_section_and_link_escaped() {
        let html = methodology_html(&MATRIX);
        let note = methodology(&MATRIX);
        assert_eq!(html.matches("<dt>").count(), note.len());
        for section in &note {
            assert!(
                html.contains(&escape(&section.text.plain())),
                "{}",
                section.heading
            );
            for link in section.links.iter().filter_map(|l| l.url) {
                assert!(html.contains(&format!("href=\"{}\"", escape(link))));
            }
        }
        assert!(!html.contains("style="));
    }

    #[test]
    fn every_section_says_something() {
        for section in methodology(&MATRIX) {
            assert!(
                !section.text.plain().trim().is_empty(),
                "{}",
                section.heading
            );
        }
    }
}
