//! The rules for presets (weights, what the articles say, where we part
//! from them) and for the facts the review could not confirm.

use super::report::{check_side, is_iso_date, unique_ids, Ids, Report};
use super::{RawPreset, RawUnverified, MAX_WEIGHT};
use std::collections::BTreeSet;

pub(super) fn check_preset<'a>(
    report: &mut Report,
    ids: &Ids,
    preset: &'a RawPreset,
    cited: &mut BTreeSet<&'a str>,
) {
    let entry = format!("preset {:?}", preset.id);
    if preset.name.trim().is_empty() || preset.summary.trim().is_empty() {
        report.err(&entry, "needs a name and a summary".into());
    }
    for (criterion, weight) in &preset.weights {
        if !ids.criteria.contains(criterion.as_str()) {
            report.err(&entry, format!("names unknown criterion {criterion:?}"));
        }
        if !(0..=MAX_WEIGHT).contains(weight) {
            let problem = format!("weight {weight} for {criterion:?} is outside 0..={MAX_WEIGHT}");
            report.err(&entry, problem);
        }
    }
    for criterion in &ids.criteria {
        if !preset.weights.contains_key(*criterion) {
            let problem = format!("sets no weight for criterion {criterion:?}");
            report.err(&entry, problem);
        }
    }
    if preset.weights.values().all(|w| *w == 0) {
        report.err(&entry, "sets every weight to zero".into());
    }
    if preset
        .departure
        .as_deref()
        .is_some_and(|d| d.trim().is_empty())
    {
        report.err(&entry, "has an empty departure".into());
    }
    for (index, saying) in preset.sayings.iter().enumerate() {
        let entry = format!("{entry}, saying {} ({:?})", index + 1, saying.source);
        cited.insert(&saying.source);
        if !ids.articles.contains(saying.source.as_str()) {
            let problem = format!("source {:?} is not a known article", saying.source);
            report.err(&entry, problem);
        }
        if saying.quote.trim().is_empty() {
            report.err(&entry, "needs a quote".into());
        }
        check_side(report, ids, &entry, "favours", &saying.favours);
    }
}

pub(super) fn check_unverified(report: &mut Report, ids: &Ids, facts: &[RawUnverified]) {
    unique_ids(report, "unverified", facts.iter().map(|f| f.id.as_str()));
    for fact in facts {
        let entry = format!("unverified {:?}", fact.id);
        if !ids.criteria.contains(fact.criterion.as_str()) {
            report.err(&entry, format!("unknown criterion {:?}", fact.criterion));
        }
        if !is_iso_date(&fact.checked) {
            let problem = format!("checked = {:?} is not a YYYY-MM-DD date", fact.checked);
            report.err(&entry, problem);
        }
        if fact.fact.trim().is_empty() || fact.searched.trim().is_empty() {
            report.err(&entry, "needs the fact and how it was looked for".into());
        }
    }
}
