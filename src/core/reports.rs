//! What the reports worker answers: the team view, the decision record,
//! the print appendix and "How we score".
//!
//! Their code (team analysis, team links, the record's writing) is about
//! 11 kB gzip of wasm, so it lives in a second binary, `reports`, run as a
//! Web Worker that the page starts on first use: the page's first load
//! carries none of it. The page and the worker exchange arrays of strings.
//!
//! | request | answer |
//! |---|---|
//! | `["team", team hash, lines to add, name to remove, paste box, name box, page address]` | `["team", team hash, panel HTML]` |
//! | `["record", person or team hash, page address, "Why?" payload]` | `["record", Markdown]` |
//! | `["print", person or team hash, "Why?" payload]` | `["print", print appendix HTML]` |
//! | `["methodology"]` | `["methodology", "How we score" HTML]` |
//! | anything else | `["error", why]` |
//!
//! An empty team hash means nobody yet; an empty payload, a record without
//! rationales and sources. The panel keeps what the reader typed in the
//! paste box, unless it was what was added and every line of it was.

use super::adr::{record, Evidence, Subject};
use super::matrix::Matrix;
use super::methodology::methodology_html;
use super::share::{decode_link, decode_team, encode_team, Link, Member, Shared};
use super::state::State;
use super::team::{add_pasted, paste_problem, team_view};
use super::{print_html, team_html};

pub const TEAM: &str = "team";
pub const RECORD: &str = "record";
pub const PRINT: &str = "print";
pub const METHODOLOGY: &str = "methodology";
pub const ERROR: &str = "error";
/// The worker's first message, once it can answer (a request sent before
/// its wasm runs would be lost).
pub const READY: &str = "ready";
/// The boot script tag's attribute that names the worker's script.
pub const ATTRIBUTE: &str = "data-reports";

/// The worker's whole job: one answer per request.
pub fn answer(matrix: &Matrix, request: &[String]) -> Vec<String> {
    let field = |i: usize| request.get(i).map(String::as_str).unwrap_or("");
    match field(0) {
        TEAM => team(
            matrix,
            field(1),
            field(2),
            field(3),
            (field(4), field(5)),
            field(6),
        ),
        RECORD => vec![
            RECORD.to_string(),
            decision_record(matrix, field(1), field(2), field(3)),
        ],
        PRINT => vec![
            PRINT.to_string(),
            print_html::appendix(matrix, field(1), field(2)),
        ],
        METHODOLOGY => vec![METHODOLOGY.into(), methodology_html(matrix)],
        other => vec![
            ERROR.to_string(),
            format!("the reports worker has no “{other}” request"),
        ],
    }
}

/// The team after an addition (and an optional removal), re-encoded and
/// drawn with the form as the reader left it.
fn team(
    matrix: &Matrix,
    hash: &str,
    add: &str,
    remove: &str,
    (paste, name): (&str, &str),
    address: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut members: Vec<Member> = if hash.is_empty() {
        Vec::new()
    } else {
        decode_team(matrix, hash.trim_start_matches('#')).unwrap_or_else(|error| {
            problems.push(format!(
                "The team link could not be read: {}.",
                error.reason()
            ));
            Vec::new()
        })
    };
    members.retain(|m| m.name != remove);
    for (line, error) in add_pasted(matrix, &mut members, add) {
        problems.push(paste_problem(line, &error));
    }
    let link = if members.is_empty() {
        String::new()
    } else {
        encode_team(matrix, &members)
    };
    let added_all = problems.is_empty() && !add.is_empty() && add.trim() == paste.trim();
    let team = team_view(matrix, &members).map(|view| {
        let address = address.split('#').next().unwrap_or(address);
        (format!("{address}#{link}"), view)
    });
    let html = team_html::panel(&team_html::Panel {
        paste: if added_all { "" } else { paste },
        name,
        problems: &problems,
        team,
    });
    vec![TEAM.to_string(), link, html]
}

/// Whose decision a record or a print is about: the team a team link
/// holds, or one person; a hash that cannot be read gives the default
/// weights, as the page would show them.
pub fn subject_of(matrix: &Matrix, hash: &str) -> Link {
    match decode_link(matrix, hash) {
        Ok(Some(Link::Team(members))) if !members.is_empty() => Link::Team(members),
        Ok(Some(Link::Single(shared))) => Link::Single(shared),
        _ => Link::Single(Shared::of(&State::new(matrix))),
    }
}

fn decision_record(matrix: &Matrix, hash: &str, address: &str, payload: &str) -> String {
    let evidence = Evidence::parse(matrix, payload);
    let subject = subject_of(matrix, hash);
    let subject = match &subject {
        Link::Team(members) => Subject::Team(members),
        Link::Single(shared) => Subject::Person(shared),
    };
    record(matrix, subject, address, evidence.as_ref())
}

#[cfg(test)]
#[path = "reports_tests.rs"]
mod tests;
