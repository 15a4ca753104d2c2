//! Golden files for the decision record (`core::reports::adr`): two presets,
//! one team, and two teams of hostile names, compared byte for byte with
//! `tests/golden/*.md`; the hostile ones are also rendered as GitHub
//! Flavored Markdown, where every name must stay text.
//!
//! After an intended change to the record, re-bless them with
//! `STACKWEIGH_BLESS=1 cargo test --test golden` and review the diff.

use stackweigh::core::engine::questionnaire::QUESTIONS;
use stackweigh::core::engine::radar::Scale;
use stackweigh::core::engine::share::{decode_link, Link, Member, Shared};
use stackweigh::core::reports::adr::{record, Evidence, Subject};
use stackweigh::core::{DETAILS_PAYLOAD, MATRIX};
use std::path::PathBuf;

const PAGE: &str = "https://example.org/stackweigh/";

fn from_preset(id: &str) -> Shared {
    Shared {
        preset: MATRIX.presets.iter().position(|p| p.id == id),
        ..Shared::with_weights(MATRIX.preset(id).expect("preset").weights.to_vec())
    }
}

fn check(file: &str, text: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    if std::env::var_os("STACKWEIGH_BLESS").is_some() {
        std::fs::write(&path, text).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("{file} is missing: run `STACKWEIGH_BLESS=1 cargo test --test golden` to create it")
    });
    if expected != text {
        let line = expected.lines().zip(text.lines()).position(|(a, b)| a != b);
        panic!(
            "{file} differs (first at line {}); if the change is intended, re-bless with `STACKWEIGH_BLESS=1 cargo test --test golden`\n--- new ---\n{text}",
            line.map_or(expected.lines().count().min(text.lines().count()) + 1, |l| l + 1)
        );
    }
}

fn evidence() -> Evidence {
    Evidence::parse(&MATRIX, DETAILS_PAYLOAD).expect("the payload matches the matrix")
}

#[test]
fn real_time_chat_record() {
    let shared = from_preset("realtime_chat");
    let text = record(&MATRIX, Subject::Person(&shared), PAGE, Some(&evidence()));
    check("realtime_chat.md", &text);
}

#[test]
fn ml_ai_record() {
    let shared = from_preset("ml_ai");
    let text = record(&MATRIX, Subject::Person(&shared), PAGE, Some(&evidence()));
    check("ml_ai.md", &text);
}

#[test]
fn team_record() {
    // A JavaScript team that wants live updates, answering the questionnaire.
    let mut answers = vec![None; QUESTIONS.len()];
    answers[0] = Some(0);
    answers[1] = Some(0);
    answers[5] = Some(0);
    let chloe = Shared {
        weights: stackweigh::core::engine::questionnaire::weights(&MATRIX, &answers),
        preset: None,
        answers,
        open: None,
        scale: Scale::Weighted,
        panels: None,
    };
    let team = [
        Member {
            name: "Ana".into(),
            shared: from_preset("realtime_chat"),
        },
        Member {
            name: "Ben".into(),
            shared: from_preset("ml_ai"),
        },
        Member {
            name: "Chloé".into(),
            shared: chloe,
        },
    ];
    let text = record(&MATRIX, Subject::Team(&team), PAGE, Some(&evidence()));
    check("team.md", &text);
}

/// The team link of issue 22: two names that made one HTML tag in the record.
const ISSUE_LINK: &str = "#t=1&n=%3Cimg%20src%3Dx&w=095201094a75a793aaa&n=onerror%3Dalert%28%29%3E&w=6a2a7a8495967587612";

/// Names that are Markdown, HTML, links, autolinks or entities.
const HOSTILE: [&str; 12] = [
    "<img src=x",
    "onerror=alert()>",
    "\"><b>",
    "[a](//x.co)",
    "https://x.co",
    "www.x.co",
    "a@x.co",
    "~~s~~",
    "`tick`",
    "&#8238;",
    "&amp;",
    "*Ana* | x",
];

/// The record as GitHub would show it, raw HTML passed through (the worst case).
fn rendered(markdown: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options.extension.math_dollars = true;
    options.render.r#unsafe = true;
    comrak::markdown_to_html(markdown, &options)
}

/// Every name shows as its own text, and the only markup is the record's own.
fn assert_names_stay_text(record: &str, names: &[&str]) {
    let html = rendered(record);
    for name in names {
        let text = name
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        assert!(html.contains(&text), "{name} as text in:\n{html}");
    }
    for tag in [
        "<img",
        "<b>",
        "<del>",
        "<code>",
        "<em>",
        "<strong>onerror",
        "<span class=\"math",
    ] {
        assert!(!html.contains(tag), "{tag} in:\n{html}");
    }
    let sources = evidence().sources;
    for (at, _) in html.match_indices("<a href=\"") {
        let href = &html[at + 9..];
        let href = &href[..href.find('"').unwrap_or(0)];
        let ours = href.starts_with(&format!("{PAGE}#t=1&amp;n="))
            || sources.iter().any(|s| {
                s.url.as_deref().map(|u| u.replace('&', "&amp;")).as_deref() == Some(href)
            });
        assert!(ours, "a link that is not the record's own: {href}");
    }
}

fn team_of(link: &str) -> Vec<Member> {
    match decode_link(&MATRIX, link) {
        Ok(Some(Link::Team(members))) => members,
        other => panic!("not a team: {other:?}"),
    }
}

#[test]
fn the_issue_s_hostile_pair_record() {
    let team = team_of(ISSUE_LINK);
    let text = record(&MATRIX, Subject::Team(&team), PAGE, Some(&evidence()));
    assert!(
        text.contains("Not robust: leaving out \\<img src\\=x or onerror\\=alert\\(\\)\\> changes the team's answer."),
        "{text}"
    );
    assert_names_stay_text(&text, &["<img src=x", "onerror=alert()>"]);
    check("hostile_pair.md", &text);
}

#[test]
fn a_team_of_hostile_names_record() {
    let team: Vec<Member> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let preset = &MATRIX.presets[i % MATRIX.presets.len()];
            Member {
                name: name.to_string(),
                shared: from_preset(preset.id),
            }
        })
        .collect();
    let text = record(&MATRIX, Subject::Team(&team), PAGE, Some(&evidence()));
    assert_names_stay_text(&text, &HOSTILE);
    check("hostile_team.md", &text);
}
