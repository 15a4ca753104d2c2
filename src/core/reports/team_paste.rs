//! Adding people to a team: pasted links, one a line, all or nothing each.

use super::*;
use crate::core::engine::share::Reason;

/// Adds what one pasted link holds: one person, called `name`, or every
/// person of a team link (whose names it carries; `name` is then unused).
/// All or nothing: on an error the team is unchanged. Returns how many
/// people were added.
pub fn add_link(
    matrix: &Matrix,
    members: &mut Vec<Member>,
    name: &str,
    text: &str,
) -> Result<usize, TeamError> {
    let incoming = match read_link(matrix, text)? {
        Link::Single(shared) => {
            let name = check_name(name)?;
            vec![Member { name, shared }]
        }
        Link::Team(team) => team,
    };
    let mut grown = members.clone();
    grown.extend(incoming);
    check_team(&grown)?;
    let added = grown.len() - members.len();
    *members = grown;
    Ok(added)
}

/// Adds every line of a paste: `Name link`, `Name: link`, or a team link
/// alone. Good lines are added even when others are not; each bad line is
/// returned with its 1-based number and why.
pub fn add_pasted(
    matrix: &Matrix,
    members: &mut Vec<Member>,
    text: &str,
) -> Vec<(usize, TeamError)> {
    let mut problems = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (name, link) = match line.rsplit_once(char::is_whitespace) {
            Some((name, link)) => (name.trim_end().trim_end_matches([':', '-', '–']), link),
            None => ("", line),
        };
        if let Err(error) = add_link(matrix, members, name, link) {
            problems.push((number + 1, error));
        }
    }
    problems
}

/// A paste's problem as the team view shows it.
pub fn paste_problem(line: usize, error: &TeamError) -> Text {
    let mut text = Text::new().ours(format!("Line {line} was not added: "));
    error.write_reason(&mut text);
    text.ours(".")
}
