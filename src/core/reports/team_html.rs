//! "Compare with your team" as HTML: the problems with what was pasted,
//! and the team view. The reports worker draws it and the page shows it as
//! is beside its own form, so its code and words cost the page's first
//! load nothing. Every text is written by the HTML renderer of
//! [`Text`](super::text::Text) (names in `<bdi>`), and the markup carries
//! classes only (the page's CSP forbids inline styles).

use std::fmt::Write;

use super::team::{Spread, TeamView, LEAVE_ONE_OUT_HEADING, PEOPLE_HEADING, TEAM_HEADING};
use super::text::{escape, Text};

/// The read-only report: what went wrong with the paste, then the team.
pub fn report(problems: &[Text], team: Option<&TeamView>) -> String {
    let mut out = String::new();
    if !problems.is_empty() {
        out.push_str("<div class=\"sw-team-problems\" role=\"alert\">");
        for problem in problems {
            let _ = write!(out, "<p>{}</p>", problem.html());
        }
        out.push_str("</div>");
    }
    if let Some(view) = team {
        let _ = write!(
            out,
            "<section class=\"sw-team-view\" aria-label=\"Team comparison\">{}</section>",
            render(view)
        );
    }
    out
}

/// The id of the team's verdict, which the page's region is labelled by.
pub const VERDICT_ID: &str = "sw-team-verdict";

pub fn render(view: &TeamView) -> String {
    let mut out = String::new();
    combined(view, &mut out);
    people(view, &mut out);
    disagreements(view, &mut out);
    if let Some(loo) = &view.leave_one_out {
        let _ = write!(
            out,
            "<h3>{}</h3><p>{}</p><ul>",
            LEAVE_ONE_OUT_HEADING,
            loo.summary.html()
        );
        for line in &loo.without {
            let _ = write!(out, "<li>{}</li>", line.html());
        }
        out.push_str("</ul>");
    }
    out
}

fn combined(view: &TeamView, out: &mut String) {
    let combined = &view.combined;
    let _ = write!(
        out,
        "<h3>{TEAM_HEADING}</h3><p class=\"sw-team-verdict\" id=\"{VERDICT_ID}\">{}</p><p>{}</p>",
        escape(&combined.recommendation.headline),
        combined.method.html()
    );
    if let Some((_, median)) = &combined.median {
        let _ = write!(out, "<p>{}</p>", median.html());
    }
}

fn people(view: &TeamView, out: &mut String) {
    let _ = write!(
        out,
        "<h3 id=\"sw-team-people\">{PEOPLE_HEADING}</h3><table class=\"sw-team-table\" aria-labelledby=\"sw-team-people\"><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Started from</th><th scope=\"col\">Verdict</th></tr></thead><tbody>"
    );
    for person in &view.people {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
            Text::new().theirs(person.name.as_str()).html(),
            escape(person.start),
            escape(&person.headline)
        );
    }
    out.push_str("</tbody></table>");
}

/// Chart geometry: a label column, then the 0–10 weight scale.
const LABEL_WIDTH: u32 = 150;
const STEP: u32 = 16;
const ROW: u32 = 22;

fn disagreements(view: &TeamView, out: &mut String) {
    let _ = write!(
        out,
        "<h3 id=\"sw-team-spread\">{}</h3><p>{}</p>",
        escape(&view.disagreement_heading),
        escape(&view.disagreement_note)
    );
    if view.disagreements.is_empty() {
        out.push_str("<p>Everyone gives every criterion the same weight.</p>");
        return;
    }
    spread_chart(&view.disagreements, out);
    out.push_str("<table class=\"sw-team-table\" aria-labelledby=\"sw-team-spread\"><thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Spread</th><th scope=\"col\">Weights</th></tr></thead><tbody>");
    for spread in &view.disagreements {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
            escape(spread.name),
            spread.range,
            spread.text.html()
        );
    }
    out.push_str("</tbody></table>");
}

/// One row per criterion: its name, a bar from the lowest weight to the
/// highest, and a dot per person. The table after it says the same in
/// words, so the chart is hidden from screen readers.
fn spread_chart(spreads: &[Spread], out: &mut String) {
    let width = LABEL_WIDTH + 10 * STEP + 8;
    let height = ROW * spreads.len() as u32 + 4;
    let _ = write!(
        out,
        "<svg class=\"sw-team-chart\" viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\" focusable=\"false\">"
    );
    let x = |weight: u8| LABEL_WIDTH + 4 + u32::from(weight) * STEP;
    for (row, spread) in spreads.iter().enumerate() {
        let y = ROW * row as u32 + ROW / 2 + 2;
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text><line class=\"sw-team-track\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/><line class=\"sw-team-range\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>",
            y + 4,
            escape(spread.name),
            x(0),
            x(10),
            x(spread.lowest),
            x(spread.highest)
        );
        for weight in &spread.weights {
            let _ = write!(
                out,
                "<circle class=\"sw-team-dot\" cx=\"{}\" cy=\"{y}\" r=\"3.5\"/>",
                x(*weight)
            );
        }
    }
    out.push_str("</svg>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::fixture::TEST_MATRIX as M;
    use crate::core::engine::share::{Member, Shared};
    use crate::core::reports::team::team_view;

    fn member(name: &str, weights: &[u8]) -> Member {
        Member {
            name: name.into(),
            shared: Shared::with_weights(weights.to_vec()),
        }
    }

    #[test]
    fn names_are_escaped_and_isolated_everywhere_they_appear() {
        let name = "<b>&\"x'";
        let team = [member(name, &[9, 0, 10]), member("Ben", &[1, 5, 9])];
        let html = render(&team_view(&M, &team).unwrap());
        assert!(!html.contains("<b>"));
        let isolated = "<bdi>&lt;b&gt;&amp;&quot;x&#39;</bdi>";
        // The table's row, the spreads, leave-one-out's line: each isolated.
        let shown = html.matches("&lt;b&gt;").count();
        assert!(shown >= 3, "{html}");
        assert_eq!(html.matches(isolated).count(), shown, "{html}");
    }

    #[test]
    fn draws_verdict_people_spread_and_leave_one_out() {
        let team = [member("Ana", &[9, 0, 9]), member("Ben", &[1, 5, 9])];
        let view = team_view(&M, &team).unwrap();
        let html = render(&view);
        assert!(html.contains(&view.combined.recommendation.headline));
        for person in &view.people {
            let row = format!("<th scope=\"row\"><bdi>{}</bdi></th>", person.name);
            assert!(html.contains(&row), "{row}");
        }
        // Two criteria differ, the third does not: two rows, two dots each.
        assert_eq!(html.matches("sw-team-range").count(), 2);
        assert_eq!(html.matches("<circle").count(), 4);
        assert!(html.contains(LEAVE_ONE_OUT_HEADING));
        assert!(!html.contains("style="));
    }

    #[test]
    fn problems_are_an_alert_and_escaped() {
        let problem = Text::new().ours("Line 1 was not added: ").theirs("<i>");
        let html = report(&[problem], None);
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("&lt;i&gt;") && !html.contains("<i>"));
        assert!(!html.contains("Team comparison"), "no team, no view");
    }

    #[test]
    fn a_team_that_agrees_has_no_chart() {
        let team = [member("Ana", &[5, 5, 5]), member("Ben", &[5, 5, 5])];
        let html = render(&team_view(&M, &team).unwrap());
        assert!(!html.contains("<svg"));
        assert!(html.contains("the same weight"));
    }
}
