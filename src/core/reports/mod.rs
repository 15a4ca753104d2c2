//! The reports worker: the team view, the decision record, the print
//! appendix, "How we score" and the exports (Markdown table, chart file,
//! embed snippets).
//!
//! Their code (team analysis, team links, the record's writing) is about
//! 11 kB gzip of wasm, so it lives in a second binary, `reports`, run as a
//! Web Worker that the page starts on first use: the page's first load
//! carries none of it. The messages are [`crate::core::protocol`]'s.
//!
//! An empty team hash means nobody yet; an empty payload, a record without
//! rationales and sources. The panel keeps what the reader typed in the
//! paste box, unless it was what was added and every line of it was.

pub mod adr;
pub mod export;
pub mod methodology;
pub mod print_html;
pub mod team;
pub mod team_html;
pub mod text;

use crate::core::engine::matrix::Matrix;
use crate::core::engine::share::{
    decode_link, encode_team, paste_too_long, Link, Member, Reason, MAX_PASTE_BYTES,
};
use crate::core::protocol::{Answer, Request, TeamReport};
use adr::{record, subject_of, Evidence, Subject};
use methodology::methodology_html;
use team::{add_pasted, paste_problem, team_view};
use text::Text;

/// The worker's whole job: one answer per request.
pub fn answer(matrix: &Matrix, request: &Request) -> Answer {
    match request {
        Request::Team {
            team: link,
            add,
            remove,
        } => Answer::Team(team(matrix, link, add, remove.as_deref())),
        Request::Record {
            subject,
            address,
            details,
        } => Answer::Record(decision_record(matrix, subject, address, details)),
        Request::Print { subject, details } => {
            Answer::Print(print_html::appendix(matrix, subject, details))
        }
        Request::Methodology => Answer::Methodology(methodology_html(matrix)),
        Request::Export {
            what,
            subject,
            address,
            criteria,
        } => export::export(matrix, *what, subject, address, criteria),
    }
}

/// At most this many problems are listed; "and N more" says the rest.
pub const PROBLEMS_SHOWN: usize = 10;

/// The team a link holds, read as any team link is (its length limit
/// included), then the pasted lines added and one person removed. A paste
/// over [`MAX_PASTE_BYTES`] is refused unread.
fn team(matrix: &Matrix, link: &str, add: &str, remove: Option<&str>) -> TeamReport {
    let mut problems = Vec::new();
    let mut members: Vec<Member> = match decode_link(matrix, link) {
        Ok(Some(Link::Team(members))) => members,
        Ok(None) => Vec::new(),
        Ok(Some(Link::Single(_))) => {
            problems.push(Text::new().ours("The address holds one person's link, not a team's."));
            Vec::new()
        }
        Err(error) => {
            let mut problem = Text::new().ours("The team link could not be read: ");
            error.write_reason(&mut problem);
            problems.push(problem.ours("."));
            Vec::new()
        }
    };
    members.retain(|m| Some(m.name.as_str()) != remove);
    if add.len() > MAX_PASTE_BYTES {
        problems.push(Text::new().ours(paste_too_long(add.len())));
    } else {
        let pasted = add_pasted(matrix, &mut members, add);
        problems.extend(
            pasted
                .iter()
                .map(|(line, error)| paste_problem(*line, error)),
        );
    }
    let link = if members.is_empty() {
        String::new()
    } else {
        encode_team(matrix, &members)
    };
    let view = team_view(matrix, &members);
    TeamReport {
        added_all: problems.is_empty() && !add.trim().is_empty(),
        people: members.into_iter().map(|m| m.name).collect(),
        html: team_html::report(&capped(problems), view.as_ref()),
        link,
    }
}

/// The first [`PROBLEMS_SHOWN`] problems, then how many more there are.
fn capped(mut problems: Vec<Text>) -> Vec<Text> {
    if problems.len() > PROBLEMS_SHOWN {
        let more = problems.len() - PROBLEMS_SHOWN;
        problems.truncate(PROBLEMS_SHOWN);
        let lines = if more == 1 { "problem" } else { "problems" };
        problems.push(Text::new().ours(format!("And {} more {lines}.", grouped(more))));
    }
    problems
}

/// `12345` → `"12,345"`.
fn grouped(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
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
#[path = "answer_tests.rs"]
mod tests;
