//! Freshness of the data: every primary source and every unconfirmed fact
//! must have been checked within 12 months of the data's review date (CI
//! fails otherwise), and every statement about "the latest" or "current"
//! something is printed for the reviewer to look at again (it never fails).
//! README's "How scoring works" says how to re-check and re-date.

use stackweigh::core::engine::schema::RawData;
use std::io::Write as _;

const DATA_FILE: &str = "data/node-vs-python.toml";

/// Words that make a statement go stale by itself.
const DATED_WORDS: &[&str] = &[
    "latest",
    "current",
    "currently",
    "newest",
    "most recent",
    "now",
    "today",
    "as of",
];

fn load() -> RawData {
    let text = std::fs::read_to_string(DATA_FILE).expect("the data file");
    toml::from_str(&text).expect("valid data")
}

/// (year, month, day) of a validated YYYY-MM-DD date.
fn ymd(date: &str) -> (u32, u32, u32) {
    let part = |range: std::ops::Range<usize>| date[range].parse().expect("validated date");
    (part(0..4), part(5..7), part(8..10))
}

/// More than 12 months before `reviewed`: earlier than the same day a year before.
fn is_stale(checked: &str, reviewed: &str) -> bool {
    let (y, m, d) = ymd(reviewed);
    ymd(checked) < (y - 1, m, d)
}

/// Every dated entry (sources, unconfirmed facts) checked too long ago.
fn stale_entries(data: &RawData) -> Vec<String> {
    let reviewed = &data.meta.reviewed;
    let sources = (data.sources.iter())
        .filter_map(|s| Some((format!("source {:?}", s.id), s.checked.as_deref()?)));
    let facts =
        (data.unverified.iter()).map(|f| (format!("unverified {:?}", f.id), f.checked.as_str()));
    sources
        .chain(facts)
        .filter(|(_, checked)| is_stale(checked, reviewed))
        .map(|(entry, checked)| {
            format!(
                "{entry}: checked {checked}, more than 12 months before the review of {reviewed}"
            )
        })
        .collect()
}

/// Every statement whose truth depends on when it is read, for review.
fn dated_statements(data: &RawData) -> Vec<String> {
    let mut found = Vec::new();
    let mut look = |entry: String, text: &str| {
        // Whole words only ("current", not "concurrent"), and a short excerpt.
        let words: String = text
            .to_lowercase()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '.' {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        let padded = format!(" {} ", words.replace('.', " "));
        if let Some(word) = DATED_WORDS
            .iter()
            .find(|w| padded.contains(&format!(" {w} ")))
        {
            let at = padded.find(&format!(" {word} ")).unwrap_or(0);
            let excerpt: String = text.chars().skip(at.saturating_sub(60)).take(140).collect();
            found.push(format!("{entry} ({word:?}): …{excerpt}…"));
        }
    };
    for criterion in &data.criteria {
        for (option, score) in &criterion.scores {
            look(
                format!("criterion {:?}, score for {option:?}", criterion.id),
                &score.rationale,
            );
        }
        for (index, claim) in criterion.claims.iter().enumerate() {
            let entry = format!(
                "criterion {:?}, claim {} ({:?})",
                criterion.id,
                index + 1,
                claim.source
            );
            look(format!("{entry}, quote"), &claim.quote);
            if let Some(correction) = &claim.correction {
                look(format!("{entry}, correction"), correction);
            }
        }
    }
    for preset in &data.presets {
        look(format!("preset {:?}, summary", preset.id), &preset.summary);
    }
    found
}

#[test]
fn every_source_was_checked_within_twelve_months_of_the_review() {
    let stale = stale_entries(&load());
    assert!(
        stale.is_empty(),
        "re-check these against their primary source, then update `checked` (see README, \"Data and its review\"):\n{}",
        stale.join("\n")
    );
}

#[test]
fn statements_about_the_latest_or_current_are_listed_for_review() {
    let data = load();
    let found = dated_statements(&data);
    assert!(
        !found.is_empty(),
        "the data has dated statements; the scan found none, so it is broken"
    );
    // Past the harness's capture, so a plain `cargo test` shows the list.
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "freshness: {} statements depend on when they are read; re-check them at each review:",
        found.len()
    );
    for line in &found {
        let _ = writeln!(err, "  {line}");
    }
}

#[test]
fn staleness_is_measured_in_whole_months_from_the_review_date() {
    assert!(
        !is_stale("2025-12-04", "2026-12-04"),
        "exactly 12 months is still fresh"
    );
    assert!(is_stale("2025-12-03", "2026-12-04"));
    assert!(!is_stale("2026-11-22", "2026-12-04"));
    let mut data = load();
    data.sources
        .iter_mut()
        .find(|s| s.checked.is_some())
        .expect("a primary source")
        .checked = Some("2024-01-01".into());
    data.unverified[0].checked = "2025-01-01".into();
    let stale = stale_entries(&data);
    assert_eq!(stale.len(), 2, "{stale:#?}");
    assert!(stale[0].starts_with("source ") && stale[1].starts_with("unverified "));
}
