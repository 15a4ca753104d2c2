//! The data file's format (`data/*.toml`) and its validation.
//!
//! This module is shared by `build.rs` (which turns a valid file into Rust
//! statics, so the product ships no TOML parser) and by the native tests
//! (which check that each kind of bad data is rejected). It depends only on
//! `serde` and `std`, so it compiles in both places.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

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

/// Checks every rule the product relies on and returns one message per
/// problem, each naming the file and the entry, so a person editing the data
/// can fix it without reading code.
pub fn validate(file: &str, data: &RawData) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    let mut err =
        |entry: String, problem: String| errors.push(format!("{file}: {entry}: {problem}"));

    if !is_iso_date(&data.meta.reviewed) {
        err(
            "[meta]".into(),
            format!(
                "reviewed = {:?} is not a YYYY-MM-DD date",
                data.meta.reviewed
            ),
        );
    }
    for (field, text) in [
        ("scale", &data.meta.scale),
        ("presets_method", &data.meta.presets_method),
        ("contribute", &data.meta.contribute),
    ] {
        if text.trim().is_empty() {
            err("[meta]".into(), format!("{field} is empty"));
        }
    }
    if data.options.len() < 2 {
        err(
            "[[option]]".into(),
            format!("needs at least two options, found {}", data.options.len()),
        );
    }
    let option_ids = unique_ids(
        "option",
        data.options.iter().map(|o| o.id.as_str()),
        &mut err,
    );
    let group_ids = unique_ids("group", data.groups.iter().map(|g| g.id.as_str()), &mut err);
    let source_ids = unique_ids(
        "source",
        data.sources.iter().map(|s| s.id.as_str()),
        &mut err,
    );
    let criterion_ids = unique_ids(
        "criterion",
        data.criteria.iter().map(|c| c.id.as_str()),
        &mut err,
    );
    unique_ids(
        "preset",
        data.presets.iter().map(|p| p.id.as_str()),
        &mut err,
    );
    unique_ids(
        "criterion short label",
        data.criteria.iter().map(|c| c.short.as_str()),
        &mut err,
    );

    for source in &data.sources {
        let entry = format!("source {:?}", source.id);
        if !SOURCE_KINDS.contains(&source.kind.as_str()) {
            err(
                entry.clone(),
                format!("kind {:?} is not one of {SOURCE_KINDS:?}", source.kind),
            );
        }
        let is_article = source.kind == "article";
        match (is_article, &source.file, &source.checked) {
            (true, None, _) => err(
                entry.clone(),
                "an article needs `file` (its seed file name)".into(),
            ),
            (true, _, Some(_)) => err(entry.clone(), "an article takes no `checked` date".into()),
            (false, Some(_), _) => err(entry.clone(), "only articles take a seed `file`".into()),
            (false, _, None) => err(
                entry.clone(),
                "a primary source needs `checked` (YYYY-MM-DD)".into(),
            ),
            (false, _, Some(date)) if !is_iso_date(date) => err(
                entry.clone(),
                format!("checked = {date:?} is not a YYYY-MM-DD date"),
            ),
            _ => {}
        }
        if let Some(url) = &source.url {
            if !url.starts_with("https://") {
                err(
                    entry.clone(),
                    format!("url {url:?} must start with https://"),
                );
            }
        }
        if source.publisher.trim().is_empty() || source.title.trim().is_empty() {
            err(entry, "needs a publisher and a title".into());
        }
    }

    let article_ids: BTreeSet<&str> = data
        .sources
        .iter()
        .filter(|s| s.kind == "article")
        .map(|s| s.id.as_str())
        .collect();
    let mut referenced: BTreeSet<&str> = BTreeSet::new();

    for criterion in &data.criteria {
        let entry = format!("criterion {:?}", criterion.id);
        if !group_ids.contains(criterion.group.as_str()) {
            err(
                entry.clone(),
                format!("unknown group {:?}", criterion.group),
            );
        }
        if criterion.short.chars().count() > MAX_SHORT_LABEL {
            err(
                entry.clone(),
                format!(
                    "short label {:?} is longer than {MAX_SHORT_LABEL} characters",
                    criterion.short
                ),
            );
        }
        if criterion.name.trim().is_empty() || criterion.description.trim().is_empty() {
            err(entry.clone(), "needs a name and a description".into());
        }
        for option in &option_ids {
            if !criterion.scores.contains_key(*option) {
                err(
                    entry.clone(),
                    format!("missing score for option {option:?}"),
                );
            }
        }
        for (option, score) in &criterion.scores {
            let entry = format!("{entry}, score for {option:?}");
            if !option_ids.contains(option.as_str()) {
                err(entry.clone(), "unknown option".into());
            }
            if !(MIN_SCORE..=MAX_SCORE).contains(&score.score) {
                err(
                    entry.clone(),
                    format!("score {} is outside {MIN_SCORE}..={MAX_SCORE}", score.score),
                );
            }
            if score.rationale.trim().is_empty() {
                err(entry.clone(), "needs a rationale".into());
            }
            if score.sources.is_empty() {
                err(entry.clone(), "needs at least one source".into());
            }
            for id in &score.sources {
                referenced.insert(id);
                if !source_ids.contains(id.as_str()) {
                    err(entry.clone(), format!("unknown source {id:?}"));
                }
            }
        }
        for (index, claim) in criterion.claims.iter().enumerate() {
            let entry = format!("{entry}, claim {} ({:?})", index + 1, claim.source);
            referenced.insert(&claim.source);
            if !article_ids.contains(claim.source.as_str()) {
                err(
                    entry.clone(),
                    format!("source {:?} is not a known article", claim.source),
                );
            }
            if claim.quote.trim().is_empty() {
                err(entry.clone(), "needs a quote".into());
            }
            if claim.favours != "tie" && !option_ids.contains(claim.favours.as_str()) {
                err(
                    entry.clone(),
                    format!(
                        "favours {:?} is neither an option id nor \"tie\"",
                        claim.favours
                    ),
                );
            }
            if !VERDICTS.contains(&claim.verdict.as_str()) {
                err(
                    entry.clone(),
                    format!("verdict {:?} is not one of {VERDICTS:?}", claim.verdict),
                );
            }
            let corrected = claim.verdict != "accurate";
            let has_text = claim
                .correction
                .as_deref()
                .is_some_and(|c| !c.trim().is_empty());
            if corrected && (!has_text || claim.correction_sources.is_empty()) {
                err(
                    entry.clone(),
                    format!(
                        "a {:?} claim needs a correction and correction_sources",
                        claim.verdict
                    ),
                );
            }
            for id in &claim.correction_sources {
                referenced.insert(id);
                if !source_ids.contains(id.as_str()) {
                    err(entry.clone(), format!("unknown correction source {id:?}"));
                } else if article_ids.contains(id.as_str()) {
                    err(
                        entry.clone(),
                        format!(
                            "correction source {id:?} must be a primary source, not an article"
                        ),
                    );
                }
            }
        }
    }

    for preset in &data.presets {
        let entry = format!("preset {:?}", preset.id);
        if preset.name.trim().is_empty() || preset.summary.trim().is_empty() {
            err(entry.clone(), "needs a name and a summary".into());
        }
        for (criterion, weight) in &preset.weights {
            if !criterion_ids.contains(criterion.as_str()) {
                err(
                    entry.clone(),
                    format!("names unknown criterion {criterion:?}"),
                );
            }
            if !(0..=MAX_WEIGHT).contains(weight) {
                err(
                    entry.clone(),
                    format!("weight {weight} for {criterion:?} is outside 0..={MAX_WEIGHT}"),
                );
            }
        }
        for criterion in &criterion_ids {
            if !preset.weights.contains_key(*criterion) {
                err(
                    entry.clone(),
                    format!("sets no weight for criterion {criterion:?}"),
                );
            }
        }
        if preset.weights.values().all(|w| *w == 0) {
            err(entry, "sets every weight to zero".into());
        }
    }

    for source in &data.sources {
        if !referenced.contains(source.id.as_str()) {
            err(format!("source {:?}", source.id), "is never cited".into());
        }
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn unique_ids<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a str>,
    err: &mut impl FnMut(String, String),
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            err(format!("{what} {id:?}"), "has an empty id".into());
        } else if !seen.insert(id) {
            err(format!("{what} {id:?}"), "is a duplicate id".into());
        }
    }
    seen
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

/// Collapses every run of whitespace to one space, as the quote check does:
/// nothing else is normalised, so a quote must match the article's characters.
pub fn normalise_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
