//! The data file's format (`data/*.toml`); its validation is in `validate.rs`.
//!
//! This module is shared by `build.rs` (which turns a valid file into Rust
//! statics, so the product ships no TOML parser) and by the native tests
//! (which check that each kind of bad data is rejected). It depends only on
//! `serde` and `std`, so it compiles in both places.

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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPreset {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub weights: BTreeMap<String, i64>,
}

pub const SOURCE_KINDS: &[&str] = &[
    "article",
    "docs",
    "pep",
    "release-notes",
    "survey",
    "benchmark",
    "book",
];
pub const VERDICTS: &[&str] = &[
    "accurate",
    "false",
    "outdated",
    "oversimplified",
    "contested",
];
pub const MIN_SCORE: i64 = 1;
pub const MAX_SCORE: i64 = 10;
pub const MAX_WEIGHT: i64 = 10;
pub const MAX_SHORT_LABEL: usize = 11;

/// Collapses every run of whitespace to one space, as the quote check does:
/// nothing else is normalised, so a quote must match the article's characters.
pub fn normalise_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
