//! A small hand-made matrix for unit tests, independent of the real data
//! so the rules are tested on numbers a reader can check by hand.

use super::matrix::*;

pub static TEST_MATRIX: Matrix = Matrix {
    title: "A vs B",
    reviewed: "2026-11-22",
    scale: "1 weak, 10 best.",
    options: &[
        OptionInfo { id: "a", name: "Alpha" },
        OptionInfo { id: "b", name: "Beta" },
    ],
    groups: &[Group { id: "g", name: "Group" }],
    sources: &[Source {
        id: "doc",
        kind: SourceKind::Docs,
        publisher: "Publisher",
        title: "Title",
        year: 2026,
        file: None,
        url: None,
        checked: Some("2026-11-22"),
    }],
    criteria: &[
        Criterion {
            id: "speed",
            name: "Speed",
            short: "Speed",
            group: 0,
            description: "A test criterion.",
            scores: &[score(9), score(5)],
            claims: &[],
        },
        Criterion {
            id: "ease",
            name: "Ease",
            short: "Ease",
            group: 0,
            description: "A test criterion.",
            scores: &[score(4), score(8)],
            claims: &[],
        },
        Criterion {
            id: "libs",
            name: "Libraries",
            short: "Libraries",
            group: 0,
            description: "A test criterion.",
            scores: &[score(7), score(7)],
            claims: &[],
        },
    ],
    presets: &[
        Preset { id: "fast", name: "Fast", summary: "Speed first.", weights: &[10, 2, 5] },
        Preset { id: "easy", name: "Easy", summary: "Ease first.", weights: &[1, 10, 5] },
    ],
};

const fn score(value: u8) -> Score {
    Score { value, rationale: "Because.", sources: &[0] }
}
