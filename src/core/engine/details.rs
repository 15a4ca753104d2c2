//! The "Why?" text of each criterion, rendered to HTML at build time.
//!
//! Rationales, citations and the audit of the articles are most of the
//! product's words but are read one criterion at a time, so they are not
//! compiled into the wasm: `build.rs` renders them here, once, into a
//! payload file the page loads the first time a reader asks "Why?". Static
//! text rendered statically; only the interactive parts live in the app.
//!
//! Shared by `build.rs` and the native tests, like `schema.rs`.

use super::schema::{leader, RawClaim, RawCriterion, RawData, RawSource, LEAD_GAP};
use std::fmt::Write as _;

/// Separates one criterion's fragment from the next in the payload file.
pub const SEPARATOR: char = '\u{1e}';

/// One article's position on a criterion, when the articles disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub publisher: String,
    /// An option id or `"tie"`.
    pub favours: String,
}

/// The positions the articles take on a criterion (see [`position`]), one
/// per article in the order they first speak to it, when at least two take
/// different ones; empty when they agree or fewer than two speak to it.
pub fn disagreement(data: &RawData, criterion: &RawCriterion) -> Vec<Position> {
    let mut positions: Vec<Position> = Vec::new();
    for claim in &criterion.claims {
        let publisher = &source(data, &claim.source).publisher;
        if positions.iter().all(|p| &p.publisher != publisher) {
            positions.push(Position {
                publisher: publisher.clone(),
                favours: position(criterion, &claim.source),
            });
        }
    }
    let first = positions.first().map(|p| p.favours.clone());
    if positions.iter().any(|p| Some(&p.favours) != first.as_ref()) {
        positions
    } else {
        Vec::new()
    }
}

/// An article's overall verdict on a criterion: the one recorded in the data
/// (where the article states it and its claims alone do not say it, e.g. a
/// "Winner: Tie" after claims that lean one way); otherwise the side most of
/// its claims here favour (a claim calling it even counts for neither side),
/// and a tie when as many favour each.
pub fn position(criterion: &RawCriterion, article: &str) -> String {
    if let Some(recorded) = criterion.positions.get(article) {
        return recorded.clone();
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for claim in criterion.claims.iter().filter(|c| c.source == article) {
        if claim.favours == "tie" {
            continue;
        }
        match counts.iter_mut().find(|(side, _)| *side == claim.favours) {
            Some((_, count)) => *count += 1,
            None => counts.push((&claim.favours, 1)),
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let leaders: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(side, _)| *side)
        .collect();
    match leaders.as_slice() {
        [side] => (*side).to_string(),
        _ => "tie".to_string(),
    }
}

/// How many of a criterion's claims the audit corrects (false, outdated,
/// oversimplified or contested: not accurate, and not merely unverifiable).
pub fn corrections(criterion: &RawCriterion) -> usize {
    criterion
        .claims
        .iter()
        .filter(|c| !matches!(c.verdict.as_str(), "accurate" | "unverified"))
        .count()
}

/// How many of a criterion's claims nobody can check (verdict "unverified").
pub fn unverified(criterion: &RawCriterion) -> usize {
    criterion
        .claims
        .iter()
        .filter(|c| c.verdict == "unverified")
        .count()
}

/// Every criterion's fragment, in data order, joined by [`SEPARATOR`].
pub fn payload(data: &RawData) -> String {
    let fragments: Vec<String> = data.criteria.iter().map(|c| render(data, c)).collect();
    fragments.join(&SEPARATOR.to_string())
}

/// The HTML shown when a reader opens one criterion's "Why?".
pub fn render(data: &RawData, criterion: &RawCriterion) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<p class=\"sw-details-description\">{}</p>",
        escape(&criterion.description)
    );

    disagreement_box(&mut out, data, criterion);
    out.push_str("<dl class=\"sw-scores\">");
    for option in &data.options {
        let Some(score) = criterion.scores.get(&option.id) else {
            continue;
        };
        let _ = write!(
            out,
            "<dt>{}: {} / 10</dt><dd><p>{}</p>",
            escape(&option.name),
            score.score,
            escape(&score.rationale)
        );
        sources_list(
            &mut out,
            data,
            &score.sources,
            &format!("Sources for {}", option.name),
        );
        out.push_str("</dd>");
    }
    out.push_str("</dl>");
    let _ = write!(
        out,
        "<p class=\"sw-lead\">{}</p>",
        escape(&lead_text(data, criterion))
    );
    unconfirmed(&mut out, data, criterion);
    claims_box(&mut out, data, criterion);
    out
}

/// "Sources disagree", when the articles take different sides here.
fn disagreement_box(out: &mut String, data: &RawData, criterion: &RawCriterion) {
    let positions = disagreement(data, criterion);
    if positions.is_empty() {
        return;
    }
    out.push_str("<div class=\"sw-disagree-box\"><h3>Sources disagree</h3><ul>");
    for position in &positions {
        let _ = write!(
            out,
            "<li><cite>{}</cite> {}</li>",
            escape(&position.publisher),
            escape(&favours_text(data, &position.favours))
        );
    }
    out.push_str("</ul></div>");
}

/// "What the articles say": every audited claim and our verdict.
fn claims_box(out: &mut String, data: &RawData, criterion: &RawCriterion) {
    if !criterion.claims.is_empty() {
        let corrected = corrections(criterion);
        let unchecked = match unverified(criterion) {
            0 => String::new(),
            n => format!(", {n} unverified"),
        };
        let _ = write!(
            out,
            "<details class=\"sw-claims-box\"><summary>What the articles say: {} {}, {} corrected{unchecked}</summary><ul class=\"sw-claims\">",
            criterion.claims.len(),
            if criterion.claims.len() == 1 { "claim" } else { "claims" },
            corrected
        );
        for claim in &criterion.claims {
            render_claim(out, data, claim);
        }
        out.push_str("</ul></details>");
    }
}

/// The lead threshold applied to this criterion, in words.
pub fn lead_text(data: &RawData, criterion: &RawCriterion) -> String {
    let mut scores: Vec<(i64, &str)> = (data.options.iter())
        .filter_map(|o| Some((criterion.scores.get(&o.id)?.score, o.name.as_str())))
        .collect();
    scores.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    match (leader(criterion), scores.as_slice()) {
        (Some(_), [(a, first), (b, _), ..]) => format!(
            "{first} leads here, {a} to {b} (a lead is a gap of {LEAD_GAP} points or more)."
        ),
        (None, [(a, _), (b, _), ..]) if a != b => format!(
            "Even here: {a} to {b} is within one point, which this scale does not count as a lead."
        ),
        (_, [(a, _), ..]) => format!("Even here: both score {a}."),
        _ => String::new(),
    }
}

/// The facts this criterion needed that the review could not confirm.
fn unconfirmed(out: &mut String, data: &RawData, criterion: &RawCriterion) {
    for fact in data
        .unverified
        .iter()
        .filter(|f| f.criterion == criterion.id)
    {
        let _ = write!(
            out,
            "<p class=\"sw-unverified\"><strong>Not confirmed.</strong> {} Looked for on {}: {}</p>",
            escape(&fact.fact),
            escape(&fact.checked),
            escape(&fact.searched)
        );
    }
}

fn render_claim(out: &mut String, data: &RawData, claim: &RawClaim) {
    let article = source(data, &claim.source);
    let _ = write!(
        out,
        "<li class=\"sw-claim\" data-verdict=\"{}\"><p><cite>{}</cite> ({}): <q>{}</q></p><p class=\"sw-verdict\"><strong>{}</strong>",
        escape(&claim.verdict),
        escape(&article.publisher),
        escape(&favours_text(data, &claim.favours)),
        escape(&claim.quote),
        verdict_label(&claim.verdict)
    );
    if let Some(correction) = &claim.correction {
        let _ = write!(out, " {}", escape(correction));
    }
    out.push_str("</p>");
    if !claim.correction_sources.is_empty() {
        sources_list(
            out,
            data,
            &claim.correction_sources,
            "Sources for the correction",
        );
    }
    out.push_str("</li>");
}

fn sources_list(out: &mut String, data: &RawData, ids: &[String], label: &str) {
    let _ = write!(
        out,
        "<ul class=\"sw-sources\" aria-label=\"{}\">",
        escape(label)
    );
    for id in ids {
        out.push_str("<li>");
        citation(out, source(data, id));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// "Publisher, “Title” (Year)", linked where the source has a URL, then its
/// kind and, for primary sources, when it was checked.
fn citation(out: &mut String, source: &RawSource) {
    let text = format!("{}, “{}” ({})", source.publisher, source.title, source.year);
    match &source.url {
        Some(url) => {
            let _ = write!(
                out,
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                escape(url),
                escape(&text)
            );
        }
        None => out.push_str(&escape(&text)),
    }
    let _ = write!(
        out,
        "<span class=\"sw-source-kind\"> · {}",
        kind_label(&source.kind)
    );
    if let Some(checked) = &source.checked {
        let _ = write!(out, ", checked {}", escape(checked));
    }
    out.push_str("</span>");
}

fn source<'a>(data: &'a RawData, id: &str) -> &'a RawSource {
    data.sources
        .iter()
        .find(|s| s.id == id)
        .expect("validation guarantees every source reference resolves")
}

fn favours_text(data: &RawData, favours: &str) -> String {
    match data.options.iter().find(|o| o.id == favours) {
        Some(option) => format!("favours {}", option.name),
        None => "calls it even".to_string(),
    }
}

fn verdict_label(verdict: &str) -> &'static str {
    match verdict {
        "accurate" => "Accurate.",
        "false" => "False.",
        "outdated" => "Outdated.",
        "oversimplified" => "Oversimplified.",
        "unverified" => "Unverified.",
        _ => "Contested.",
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "article" => "article",
        "docs" => "official documentation",
        "pep" => "Python Enhancement Proposal",
        "release-notes" => "release notes",
        "survey" => "survey",
        "benchmark" => "benchmark",
        "advisory" => "security advisory or incident report",
        "issue" => "the maintainers' own report in the project's tracker",
        _ => "book",
    }
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A short, stable fingerprint of the payload (FNV-1a, 64 bits), so its file
/// name changes whenever its content does and caches never serve stale text.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}
