//! The data file's rules: one function per table, each adding one message
//! per problem that names the file and the entry, so a person editing the
//! data can fix it without reading code.

use super::presets::{check_preset, check_unverified};
use super::report::{check_side, is_iso_date, unique_ids, Ids, Report};
use super::{
    RawClaim, RawCriterion, RawData, RawMeta, RawScore, RawSource, MAX_SCORE, MAX_SHORT_LABEL,
    MIN_SCORE, SOURCE_KINDS, VERDICTS,
};
use std::collections::BTreeSet;

/// Checks every rule the product relies on and returns one message per
/// problem, each naming the file and the entry.
pub fn validate(file: &str, data: &RawData) -> Result<(), Vec<String>> {
    let mut report = Report {
        file,
        errors: Vec::new(),
    };
    check_meta(&mut report, &data.meta);
    let ids = check_ids(&mut report, data);
    let mut cited: BTreeSet<&str> = BTreeSet::new();
    for source in &data.sources {
        check_source(&mut report, source);
    }
    for criterion in &data.criteria {
        check_criterion(&mut report, &ids, criterion, &mut cited);
    }
    for preset in &data.presets {
        check_preset(&mut report, &ids, preset, &mut cited);
    }
    check_unverified(&mut report, &ids, &data.unverified);
    for source in &data.sources {
        if !cited.contains(source.id.as_str()) {
            report.err(&format!("source {:?}", source.id), "is never cited".into());
        }
    }
    if report.errors.is_empty() {
        Ok(())
    } else {
        Err(report.errors)
    }
}

fn check_meta(report: &mut Report, meta: &RawMeta) {
    if !is_iso_date(&meta.reviewed) {
        let problem = format!("reviewed = {:?} is not a YYYY-MM-DD date", meta.reviewed);
        report.err("[meta]", problem);
    }
    for (field, text) in [
        ("scale", &meta.scale),
        ("presets_method", &meta.presets_method),
        ("contribute", &meta.contribute),
    ] {
        if text.trim().is_empty() {
            report.err("[meta]", format!("{field} is empty"));
        }
    }
}

fn check_ids<'a>(report: &mut Report, data: &'a RawData) -> Ids<'a> {
    if data.options.len() < 2 {
        let problem = format!("needs at least two options, found {}", data.options.len());
        report.err("[[option]]", problem);
    }
    let options = unique_ids(report, "option", data.options.iter().map(|o| o.id.as_str()));
    let groups = unique_ids(report, "group", data.groups.iter().map(|g| g.id.as_str()));
    let sources = unique_ids(report, "source", data.sources.iter().map(|s| s.id.as_str()));
    let criteria = unique_ids(
        report,
        "criterion",
        data.criteria.iter().map(|c| c.id.as_str()),
    );
    unique_ids(report, "preset", data.presets.iter().map(|p| p.id.as_str()));
    unique_ids(
        report,
        "criterion short label",
        data.criteria.iter().map(|c| c.short.as_str()),
    );
    let articles = data
        .sources
        .iter()
        .filter(|s| s.kind == "article")
        .map(|s| s.id.as_str())
        .collect();
    Ids {
        options,
        groups,
        sources,
        articles,
        criteria,
    }
}

fn check_source(report: &mut Report, source: &RawSource) {
    let entry = format!("source {:?}", source.id);
    if !SOURCE_KINDS.contains(&source.kind.as_str()) {
        let problem = format!("kind {:?} is not one of {SOURCE_KINDS:?}", source.kind);
        report.err(&entry, problem);
    }
    let is_article = source.kind == "article";
    let problem = match (is_article, &source.file, &source.checked) {
        (true, None, _) => Some("an article needs `file` (its seed file name)".into()),
        (true, _, Some(_)) => Some("an article takes no `checked` date".into()),
        (false, Some(_), _) => Some("only articles take a seed `file`".into()),
        (false, _, None) => Some("a primary source needs `checked` (YYYY-MM-DD)".into()),
        (false, _, Some(date)) if !is_iso_date(date) => {
            Some(format!("checked = {date:?} is not a YYYY-MM-DD date"))
        }
        _ => None,
    };
    if let Some(problem) = problem {
        report.err(&entry, problem);
    }
    if let Some(url) = source.url.as_deref().filter(|u| !u.starts_with("https://")) {
        report.err(&entry, format!("url {url:?} must start with https://"));
    }
    if source.publisher.trim().is_empty() || source.title.trim().is_empty() {
        report.err(&entry, "needs a publisher and a title".into());
    }
    if source.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
        report.err(&entry, "has an empty note".into());
    }
}

fn check_criterion<'a>(
    report: &mut Report,
    ids: &Ids,
    criterion: &'a RawCriterion,
    cited: &mut BTreeSet<&'a str>,
) {
    let entry = format!("criterion {:?}", criterion.id);
    if !ids.groups.contains(criterion.group.as_str()) {
        report.err(&entry, format!("unknown group {:?}", criterion.group));
    }
    if criterion.short.chars().count() > MAX_SHORT_LABEL {
        let problem = format!(
            "short label {:?} is longer than {MAX_SHORT_LABEL} characters",
            criterion.short
        );
        report.err(&entry, problem);
    }
    if criterion.name.trim().is_empty() || criterion.description.trim().is_empty() {
        report.err(&entry, "needs a name and a description".into());
    }
    for option in &ids.options {
        if !criterion.scores.contains_key(*option) {
            report.err(&entry, format!("missing score for option {option:?}"));
        }
    }
    for (option, score) in &criterion.scores {
        let entry = format!("{entry}, score for {option:?}");
        check_score(report, ids, &entry, option, score, cited);
    }
    for (index, claim) in criterion.claims.iter().enumerate() {
        let entry = format!("{entry}, claim {} ({:?})", index + 1, claim.source);
        check_claim(report, ids, &entry, claim, cited);
    }
    check_positions(report, ids, &entry, criterion);
}

fn check_score<'a>(
    report: &mut Report,
    ids: &Ids,
    entry: &str,
    option: &str,
    score: &'a RawScore,
    cited: &mut BTreeSet<&'a str>,
) {
    if !ids.options.contains(option) {
        report.err(entry, "unknown option".into());
    }
    if !(MIN_SCORE..=MAX_SCORE).contains(&score.score) {
        let problem = format!("score {} is outside {MIN_SCORE}..={MAX_SCORE}", score.score);
        report.err(entry, problem);
    }
    if score.rationale.trim().is_empty() {
        report.err(entry, "needs a rationale".into());
    }
    if score.sources.is_empty() {
        report.err(entry, "needs at least one source".into());
    }
    for id in &score.sources {
        cited.insert(id);
        if !ids.sources.contains(id.as_str()) {
            report.err(entry, format!("unknown source {id:?}"));
        }
    }
}

fn check_claim<'a>(
    report: &mut Report,
    ids: &Ids,
    entry: &str,
    claim: &'a RawClaim,
    cited: &mut BTreeSet<&'a str>,
) {
    cited.insert(&claim.source);
    if !ids.articles.contains(claim.source.as_str()) {
        let problem = format!("source {:?} is not a known article", claim.source);
        report.err(entry, problem);
    }
    if claim.quote.trim().is_empty() {
        report.err(entry, "needs a quote".into());
    }
    check_side(report, ids, entry, "favours", &claim.favours);
    if !VERDICTS.contains(&claim.verdict.as_str()) {
        let problem = format!("verdict {:?} is not one of {VERDICTS:?}", claim.verdict);
        report.err(entry, problem);
    }
    let has_text = claim
        .correction
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    let needs_sources = !matches!(claim.verdict.as_str(), "accurate" | "unverified");
    if claim.verdict == "unverified" && !has_text {
        let problem = "an unverified claim needs a correction saying what was looked for";
        report.err(entry, problem.into());
    } else if needs_sources && (!has_text || claim.correction_sources.is_empty()) {
        let problem = format!(
            "a {:?} claim needs a correction and correction_sources",
            claim.verdict
        );
        report.err(entry, problem);
    }
    if claim.verdict == "contested" && claim.correction_sources.len() < 2 {
        let problem = "a contested claim cites the primary sources that disagree (at least two)";
        report.err(entry, problem.into());
    }
    for id in &claim.correction_sources {
        cited.insert(id);
        if !ids.sources.contains(id.as_str()) {
            report.err(entry, format!("unknown correction source {id:?}"));
        } else if ids.articles.contains(id.as_str()) {
            let problem =
                format!("correction source {id:?} must be a primary source, not an article");
            report.err(entry, problem);
        }
    }
}

/// A recorded position belongs to an article that speaks to the criterion.
fn check_positions(report: &mut Report, ids: &Ids, entry: &str, criterion: &RawCriterion) {
    for (article, side) in &criterion.positions {
        let entry = format!("{entry}, position of {article:?}");
        if !criterion.claims.iter().any(|c| &c.source == article) {
            let problem = "is recorded, but that article makes no claim on this criterion";
            report.err(&entry, problem.into());
        }
        check_side(report, ids, &entry, "position", side);
    }
}
