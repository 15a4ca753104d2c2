//! What every table's rules share: the report they add problems to, the
//! ids they may refer to, and the small checks more than one table makes.

use std::collections::BTreeSet;

/// The problems found so far, each as "file: entry: problem".
pub(super) struct Report<'a> {
    pub(super) file: &'a str,
    pub(super) errors: Vec<String>,
}

impl Report<'_> {
    pub(super) fn err(&mut self, entry: &str, problem: String) {
        self.errors
            .push(format!("{}: {entry}: {problem}", self.file));
    }
}

/// The ids every table may refer to, gathered once.
pub(super) struct Ids<'a> {
    pub(super) options: BTreeSet<&'a str>,
    pub(super) groups: BTreeSet<&'a str>,
    pub(super) sources: BTreeSet<&'a str>,
    pub(super) articles: BTreeSet<&'a str>,
    pub(super) criteria: BTreeSet<&'a str>,
}

pub(super) fn check_side(report: &mut Report, ids: &Ids, entry: &str, field: &str, side: &str) {
    if side != "tie" && !ids.options.contains(side) {
        let problem = format!("{field} {side:?} is neither an option id nor \"tie\"");
        report.err(entry, problem);
    }
}

pub(super) fn unique_ids<'a>(
    report: &mut Report,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            report.err(&format!("{what} {id:?}"), "has an empty id".into());
        } else if !seen.insert(id) {
            report.err(&format!("{what} {id:?}"), "is a duplicate id".into());
        }
    }
    seen
}

pub(super) fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}
