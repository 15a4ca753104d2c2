//! The data file's format (`data/*.toml`); its validation is in `validate.rs`.
//!
//! This module is shared by `build.rs` (which turns a valid file into Rust
//! statics, so the product ships no TOML parser) and by the native tests
//! (which check that each kind of bad data is rejected). It depends only on
//! `serde` and `std`, so it compiles in both places.

mod presets;
mod report;
mod validate;

pub use validate::validate;

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawData {
    pub meta: RawMeta,
    #[serde(rename = "option")]
    pub options: Vec<RawOption>,
    #[serde(rename = "group")]
    pub groups: Vec<RawGroup>,
    #[serde(rename = "source")]
    pub sources: Vec<RawSource>,
    #[serde(rename = "criterion")]
    pub criteria: Vec<RawCriterion>,
    #[serde(rename = "preset")]
    pub presets: Vec<RawPreset>,
    /// Facts the review looked for and could not confirm (see `RawUnverified`).
    #[serde(rename = "unverified", default)]
    pub unverified: Vec<RawUnverified>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub title: String,
    pub reviewed: String,
    pub scale: String,
    /// How the presets' weights were chosen (the methodology note).
    pub presets_method: String,
    /// How a reader can propose a change to the data.
    pub contribute: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub kind: String,
    pub publisher: String,
    pub title: String,
    pub year: i64,
    pub file: Option<String>,
    pub url: Option<String>,
    pub checked: Option<String>,
    /// One sentence shown with the source, e.g. how an original was looked for.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: String,
    pub name: String,
    pub short: String,
    pub group: String,
    pub description: String,
    /// A kind of work that could run as its own service (real-time I/O, ML,
    /// scripting…): what the hybrid advice may split between the options.
    #[serde(default)]
    pub workload: bool,
    #[serde(default)]
    pub scores: BTreeMap<String, RawScore>,
    #[serde(default)]
    pub claims: Vec<RawClaim>,
    /// An article's overall verdict on this criterion (an option id or
    /// `"tie"`), recorded where its claims here do not say it: see
    /// `details::positions`.
    #[serde(default)]
    pub positions: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScore {
    pub score: i64,
    pub rationale: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub source: String,
    pub quote: String,
    pub favours: String,
    pub verdict: String,
    pub correction: Option<String>,
    #[serde(default)]
    pub correction_sources: Vec<String>,
    /// The claim ranks the options on this criterion as a whole ("Node.js
    /// is more scalable than Python"), so the lead threshold judges it.
    #[serde(default)]
    pub compares: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPreset {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub weights: BTreeMap<String, i64>,
    /// What the audited articles say about this use case, in their words.
    #[serde(default)]
    pub sayings: Vec<RawSaying>,
    /// One sentence: where the matrix's verdict parts from the articles'
    /// and why. Present exactly when the two differ (tested).
    pub departure: Option<String>,
}

/// One article naming a side for a use case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSaying {
    pub source: String,
    pub favours: String,
    /// Verbatim, checked against the article like claims' quotes.
    pub quote: String,
}

/// A fact the review needed and could not confirm from the references it
/// could reach: written as unverified, never stated from memory.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnverified {
    pub id: String,
    /// The criterion whose "Why?" shows it.
    pub criterion: String,
    pub fact: String,
    /// How and where it was looked for.
    pub searched: String,
    /// When it was looked for (YYYY-MM-DD).
    pub checked: String,
}

pub const SOURCE_KINDS: &[&str] = &[
    "article",
    "docs",
    "pep",
    "release-notes",
    "survey",
    "benchmark",
    "book",
    "advisory",
    "issue",
];
pub const VERDICTS: &[&str] = &[
    "accurate",
    "false",
    "outdated",
    "oversimplified",
    "contested",
    "unverified",
];
/// On a criterion, an option leads when it scores at least this many points
/// more; a smaller difference is within a 1–10 judgement's precision: even.
pub const LEAD_GAP: i64 = 2;
pub const MIN_SCORE: i64 = 1;
pub const MAX_SCORE: i64 = 10;
pub const MAX_WEIGHT: i64 = 10;
pub const MAX_SHORT_LABEL: usize = 11;

/// Collapses every run of whitespace to one space, as the quote check does:
/// nothing else is normalised, so a quote must match the article's characters.
/// The option that leads on a criterion by [`LEAD_GAP`] or more, if any.
pub fn leader(criterion: &RawCriterion) -> Option<&str> {
    let mut scores: Vec<(&str, i64)> = criterion
        .scores
        .iter()
        .map(|(option, s)| (option.as_str(), s.score))
        .collect();
    scores.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
    match scores.as_slice() {
        [(first, a), (_, b), ..] if a - b >= LEAD_GAP => Some(first),
        _ => None,
    }
}

pub fn normalise_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
