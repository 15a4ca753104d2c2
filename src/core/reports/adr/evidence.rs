//! The rationales and sources behind each score, read back from the "Why?"
//! payload (`core::details`), which the page loads on demand anyway: the
//! record needs them, but the wasm does not carry them.

use crate::core::engine::details::SEPARATOR;
use crate::core::engine::matrix::Matrix;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// `Publisher, “Title” (Year)`.
    pub citation: String,
    pub url: Option<String>,
    /// e.g. `"official documentation, checked 2026-11-20"`.
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreEvidence {
    pub rationale: String,
    /// Indices into [`Evidence::sources`].
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Per criterion, per option (matrix order).
    pub scores: Vec<Vec<ScoreEvidence>>,
    /// Every distinct source, in order of first mention.
    pub sources: Vec<Source>,
}

impl Evidence {
    /// Reads the payload; `None` when it does not match `matrix` (a stale
    /// or truncated file), so the record falls back to scores alone.
    pub fn parse(matrix: &Matrix, payload: &str) -> Option<Evidence> {
        let mut evidence = Evidence {
            scores: Vec::new(),
            sources: Vec::new(),
        };
        for fragment in payload.split(SEPARATOR) {
            let list = between(fragment, "<dl class=\"sw-scores\">", "</dl>")?.0;
            let mut per_option = Vec::new();
            let mut rest = list;
            while let Some((entry, after)) = between(rest, "<dd>", "</dd>") {
                per_option.push(evidence.read_score(entry)?);
                rest = after;
            }
            if per_option.len() != matrix.options.len() {
                return None;
            }
            evidence.scores.push(per_option);
        }
        (evidence.scores.len() == matrix.criteria.len()).then_some(evidence)
    }

    pub fn score(&self, criterion: usize, option: usize) -> Option<&ScoreEvidence> {
        self.scores.get(criterion)?.get(option)
    }

    fn read_score(&mut self, entry: &str) -> Option<ScoreEvidence> {
        let (rationale, rest) = between(entry, "<p>", "</p>")?;
        let mut sources = Vec::new();
        let mut rest = rest;
        while let Some((item, after)) = between(rest, "<li>", "</li>") {
            let source = source(item)?;
            let index = match self.sources.iter().position(|s| *s == source) {
                Some(index) => index,
                None => {
                    self.sources.push(source);
                    self.sources.len() - 1
                }
            };
            sources.push(index);
            rest = after;
        }
        Some(ScoreEvidence {
            rationale: unescape(rationale),
            sources,
        })
    }
}

/// One `<li>` of a sources list: an optional link, then the kind's span.
fn source(item: &str) -> Option<Source> {
    let (cited, kind) = item.split_once("<span class=\"sw-source-kind\"> · ")?;
    let kind = kind.strip_suffix("</span>")?;
    let (citation, url) = match cited.strip_prefix("<a href=\"") {
        Some(link) => {
            let (url, rest) = link.split_once('"')?;
            let text = between(rest, ">", "</a>")?.0;
            (text, Some(unescape(url)))
        }
        None => (cited, None),
    };
    Some(Source {
        citation: unescape(citation),
        url,
        kind: unescape(kind),
    })
}

/// The text between the first `start` and the next `end`, and what follows.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
    let from = text.find(start)? + start.len();
    let length = text[from..].find(end)?;
    Some((
        &text[from..from + length],
        &text[from + length + end.len()..],
    ))
}

/// Undoes `details::escape`.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::schema::RawData;
    use crate::core::{DETAILS_PAYLOAD, MATRIX};

    fn data() -> RawData {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/node-vs-python.toml"
        ))
        .expect("the data file");
        toml::from_str(&text).expect("valid data")
    }

    #[test]
    fn every_rationale_and_source_is_read_back_exactly() {
        let evidence = Evidence::parse(&MATRIX, DETAILS_PAYLOAD).expect("the payload parses");
        let data = data();
        for (c, criterion) in data.criteria.iter().enumerate() {
            for (o, option) in data.options.iter().enumerate() {
                let raw = &criterion.scores[&option.id];
                let read = evidence.score(c, o).expect("a score");
                assert_eq!(read.rationale, raw.rationale, "{}", criterion.id);
                let cited: Vec<&Source> =
                    read.sources.iter().map(|&s| &evidence.sources[s]).collect();
                assert_eq!(cited.len(), raw.sources.len(), "{}", criterion.id);
                for (source, id) in cited.iter().zip(&raw.sources) {
                    let raw = data.sources.iter().find(|s| &s.id == id).expect("known");
                    let citation = format!("{}, “{}” ({})", raw.publisher, raw.title, raw.year);
                    assert_eq!(source.citation, citation);
                    assert_eq!(source.url, raw.url);
                    assert!(raw
                        .checked
                        .as_ref()
                        .is_none_or(|d| source.kind.ends_with(d.as_str())));
                }
            }
        }
    }

    #[test]
    fn a_payload_that_does_not_match_the_matrix_is_refused() {
        assert_eq!(Evidence::parse(&MATRIX, ""), None);
        let first = DETAILS_PAYLOAD.find(SEPARATOR).expect("several criteria");
        let cut = &DETAILS_PAYLOAD[..first];
        assert_eq!(Evidence::parse(&MATRIX, cut), None);
        assert_eq!(unescape("a &amp;lt; b &lt; c"), "a &lt; b < c");
    }
}
