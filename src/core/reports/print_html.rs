//! The print appendix: what a printed decision needs and the screen shows
//! otherwise (the contributions as a table, the weights as text, the
//! sources with their addresses written out). The reports worker draws it
//! (see `reports`) and the page places it, hidden on screen, before it
//! prints; so every text is escaped here and the markup carries classes
//! only (the page's CSP forbids inline styles).

use std::fmt::Write;

use super::adr::{deciding_sources, subject_of, Evidence, Source};
use super::team::mean_weights;
use super::text::escape;
use crate::core::engine::matrix::Matrix;
use crate::core::engine::score::{evaluate, format_tenths, Evaluation, Outcome};
use crate::core::engine::share::Link;

pub const CONTRIBUTIONS_HEADING: &str = "Contributions: what each criterion adds";
pub const WEIGHTS_HEADING: &str = "The weights, from 0 to 10";
pub const SOURCES_HEADING: &str = "Sources";

/// The appendix for the weights a share hash carries: one person's, or a
/// team's mean (as its record does); an empty or unreadable hash gives the
/// default weights, as the page would show them. `payload` is the "Why?"
/// text; without it the sources are left out and the appendix says where
/// they are.
pub fn appendix(matrix: &Matrix, hash: &str, payload: &str) -> String {
    let weights = match subject_of(matrix, hash) {
        Link::Team(members) => mean_weights(matrix, &members),
        Link::Single(shared) => shared.weights,
    };
    let evidence = Evidence::parse(matrix, payload);
    render(matrix, &weights, evidence.as_ref())
}

pub fn render(matrix: &Matrix, weights: &[u8], evidence: Option<&Evidence>) -> String {
    let evaluation = evaluate(matrix, weights);
    let mut out = String::new();
    contributions(matrix, weights, &evaluation, &mut out);
    weight_list(matrix, weights, &mut out);
    sources(matrix, weights, evidence, &mut out);
    out
}

/// One row per weighted criterion, the largest share of the lead first,
/// then each option's total out of 100 (a last row, not a `<tfoot>`,
/// which a printed table repeats at the foot of every page).
fn contributions(matrix: &Matrix, weights: &[u8], evaluation: &Evaluation, out: &mut String) {
    let _ = write!(out, "<h2>{CONTRIBUTIONS_HEADING}</h2>");
    let shares = evaluation.contributions(matrix, weights);
    if shares.is_empty() {
        out.push_str("<p>No criterion is weighted, so none adds anything.</p>");
        return;
    }
    out.push_str("<table class=\"sw-print-table\"><thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Weight</th>");
    for option in matrix.options {
        let _ = write!(out, "<th scope=\"col\">{} score</th>", escape(option.name));
    }
    out.push_str(
        "<th scope=\"col\">Weighted difference, points out of 100</th></tr></thead><tbody>",
    );
    for share in &shares {
        let criterion = &matrix.criteria[share.criterion];
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            escape(criterion.name),
            weights[share.criterion]
        );
        for score in criterion.scores {
            let _ = write!(out, "<td>{score}</td>");
        }
        let _ = write!(
            out,
            "<td>{}</td></tr>",
            difference(matrix, evaluation, share.tenths)
        );
    }
    out.push_str("<tr class=\"sw-print-total\"><th scope=\"row\">Total, out of 100</th><td></td>");
    for option in 0..matrix.options.len() {
        let _ = write!(
            out,
            "<td>{}</td>",
            format_tenths(evaluation.total_tenths(option))
        );
    }
    let lead = match evaluation.outcome {
        Outcome::Winner { .. } => difference(matrix, evaluation, evaluation.margin_tenths()),
        _ => "a tie".to_string(),
    };
    let _ = write!(out, "<td>{lead}</td></tr></tbody></table>");
}

/// A share of the lead in words: `+2.6 for Node.js`, or `even`.
fn difference(matrix: &Matrix, evaluation: &Evaluation, tenths: i32) -> String {
    let (lead, other) = evaluation.pair();
    let favoured = match tenths.signum() {
        0 => return "even".to_string(),
        1 => lead,
        _ => other,
    };
    format!(
        "+{} for {}",
        format_tenths(tenths.abs()),
        escape(matrix.options[favoured].name)
    )
}

/// Every criterion's weight, group by group, unweighted ones included.
fn weight_list(matrix: &Matrix, weights: &[u8], out: &mut String) {
    let _ = write!(
        out,
        "<h2>{WEIGHTS_HEADING}</h2><dl class=\"sw-print-weights\">"
    );
    for (group, criteria) in matrix.grouped() {
        let items: Vec<String> = criteria
            .iter()
            .map(|&c| {
                let weight = weights.get(c).copied().unwrap_or(0);
                format!("{} {weight}", escape(matrix.criteria[c].name))
            })
            .collect();
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(group.name),
            items.join(", ")
        );
    }
    out.push_str("</dl>");
}

/// The sources behind the deciding criteria, each address written out so
/// that paper keeps it.
fn sources(matrix: &Matrix, weights: &[u8], evidence: Option<&Evidence>, out: &mut String) {
    let _ = write!(out, "<h2>{SOURCES_HEADING}</h2>");
    let cited = evidence.map(|e| deciding_sources(matrix, weights, e));
    let Some(cited) = cited.filter(|c| !c.is_empty()) else {
        out.push_str("<p>The rationale and sources of every score are in stackweigh, under each criterion's “Why?”.</p>");
        return;
    };
    out.push_str("<p>Behind the criteria that decide it; every score's rationale and sources are in stackweigh, under its criterion's “Why?”.</p><ol class=\"sw-print-sources\">");
    for source in cited {
        let _ = write!(out, "<li>{}</li>", source_item(source));
    }
    out.push_str("</ol>");
}

/// `Citation, kind: https://…`; the address is a link only when it is a
/// web address.
fn source_item(source: &Source) -> String {
    let mut item = format!("{}, {}", escape(&source.citation), escape(&source.kind));
    if let Some(url) = &source.url {
        let url = escape(url);
        if url.starts_with("https://") || url.starts_with("http://") {
            let _ = write!(item, ": <a class=\"sw-print-url\" href=\"{url}\">{url}</a>");
        } else {
            let _ = write!(item, ": <span class=\"sw-print-url\">{url}</span>");
        }
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::fixture::TEST_MATRIX as M;
    use crate::core::engine::share::{encode, encode_team, Member, Shared};
    use crate::core::{DETAILS_PAYLOAD, MATRIX};

    fn shared(weights: &[u8]) -> Shared {
        Shared::with_weights(weights.to_vec())
    }

    #[test]
    fn the_table_has_each_weighted_criterion_its_scores_and_its_share() {
        // Alpha 78.2, Beta 59.4: Speed adds 23.5 to Alpha's lead, Ease 4.7 to Beta.
        let html = appendix(&M, &format!("#{}", encode(&M, &shared(&[10, 2, 5]))), "");
        assert!(
            html.contains("<th scope=\"col\">Alpha score</th><th scope=\"col\">Beta score</th>")
        );
        let speed = "<tr><th scope=\"row\">Speed</th><td>10</td><td>9</td><td>5</td><td>+23.5 for Alpha</td></tr>";
        let ease = "<tr><th scope=\"row\">Ease</th><td>2</td><td>4</td><td>8</td><td>+4.7 for Beta</td></tr>";
        let libs =
            "<tr><th scope=\"row\">Libraries</th><td>5</td><td>7</td><td>7</td><td>even</td></tr>";
        let at = |row: &str| html.find(row).unwrap_or_else(|| panic!("{row} in {html}"));
        assert!(
            at(speed) < at(libs) && at(libs) < at(ease),
            "largest share first"
        );
        assert!(
            html.contains("<td>78.2</td><td>59.4</td><td>+18.8 for Alpha</td></tr></tbody>"),
            "{html}"
        );
        assert!(
            !html.contains("<tfoot"),
            "a footer repeats on every printed page"
        );
    }

    #[test]
    fn every_weight_is_written_out_unweighted_ones_too() {
        let html = render(&M, &[10, 0, 5], None);
        assert!(
            html.contains("<dt>Group</dt><dd>Speed 10, Ease 0, Libraries 5</dd>"),
            "{html}"
        );
        assert!(
            !html.contains("<th scope=\"row\">Ease</th>"),
            "not in the table"
        );
    }

    #[test]
    fn a_team_link_prints_the_mean_and_a_bad_hash_the_defaults() {
        let team = [
            Member {
                name: "Ana".into(),
                shared: shared(&[10, 0, 4]),
            },
            Member {
                name: "Ben".into(),
                shared: shared(&[0, 10, 6]),
            },
        ];
        let html = appendix(&M, &encode_team(&M, &team), "");
        assert!(
            html.contains("<dd>Speed 5, Ease 5, Libraries 5</dd>"),
            "{html}"
        );
        let defaults = render(&M, &M.default_weights(), None);
        assert_eq!(appendix(&M, "#v=99&garbage", ""), defaults);
        assert_eq!(appendix(&M, "", ""), defaults);
    }

    #[test]
    fn nothing_weighted_or_a_tie_is_said_not_divided_by_zero() {
        let none = render(&M, &[0, 0, 0], None);
        assert!(none.contains("No criterion is weighted") && !none.contains("<table"));
        let tie = render(&M, &[1, 1, 1], None);
        assert!(tie.contains("<td>a tie</td>"), "{tie}");
    }

    #[test]
    fn without_the_payload_it_says_where_the_sources_are() {
        let html = render(&M, &[10, 2, 5], None);
        assert!(html.contains("under each criterion's “Why?”"), "{html}");
        assert!(!html.contains("sw-print-sources"));
    }

    #[test]
    fn the_deciding_sources_are_listed_with_their_addresses_as_text() {
        let evidence = Evidence::parse(&MATRIX, DETAILS_PAYLOAD).expect("the payload parses");
        let chat = MATRIX.preset("realtime_chat").expect("preset").weights;
        let html = render(&MATRIX, chat, Some(&evidence));
        let cited = deciding_sources(&MATRIX, chat, &evidence);
        assert_eq!(html.matches("<li>").count(), cited.len());
        for source in cited {
            assert!(
                html.contains(&escape(&source.citation)),
                "{}",
                source.citation
            );
            if let Some(url) = &source.url {
                assert!(
                    html.contains(&format!(">{}</a>", escape(url))),
                    "{url} written out"
                );
            }
        }
    }

    #[test]
    fn text_is_escaped_and_only_web_addresses_are_links() {
        let source = Source {
            citation: "<b>A & B</b>".into(),
            url: Some("javascript:alert(\"x\")".into()),
            kind: "blog's post".into(),
        };
        let item = source_item(&source);
        assert_eq!(
            item,
            "&lt;b&gt;A &amp; B&lt;/b&gt;, blog&#39;s post: <span class=\"sw-print-url\">javascript:alert(&quot;x&quot;)</span>"
        );
        let web = Source {
            url: Some("https://x.test/?a=1&b=\"2\"".into()),
            ..source
        };
        assert!(source_item(&web).contains(
            "<a class=\"sw-print-url\" href=\"https://x.test/?a=1&amp;b=&quot;2&quot;\">"
        ));
    }

    #[test]
    fn the_markup_has_classes_and_no_inline_style_or_script() {
        let evidence = Evidence::parse(&MATRIX, DETAILS_PAYLOAD).expect("the payload parses");
        for preset in MATRIX.presets {
            let html = render(&MATRIX, preset.weights, Some(&evidence));
            // Text never holds `="` (quotes are escaped), so each is an attribute.
            for (at, _) in html.match_indices("=\"") {
                let name = html[..at].rsplit(' ').next().unwrap_or("");
                assert!(
                    ["class", "scope", "href"].contains(&name),
                    "{name} in {}",
                    preset.id
                );
            }
            assert!(!html.contains("<script"), "{}", preset.id);
        }
    }
}
