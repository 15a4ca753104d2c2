//! A small hand-made matrix for unit tests, independent of the real data
//! so the rules are tested on numbers a reader can check by hand.

use super::matrix::*;

pub static TEST_MATRIX: Matrix = Matrix {
    title: "A vs B",
    reviewed: "2026-11-22",
    options: &[
        OptionInfo {
            id: "a",
            name: "Alpha",
        },
        OptionInfo {
            id: "b",
            name: "Beta",
        },
    ],
    groups: &[Group {
        id: "g",
        name: "Group",
    }],
    criteria: &[
        Criterion {
            id: "speed",
            name: "Speed",
            short: "Speed",
            group: 0,
            scores: &[9, 5],
            claims: 0,
            corrections: 0,
            disputed: false,
            workload: true,
        },
        Criterion {
            id: "ease",
            name: "Ease",
            short: "Ease",
            group: 0,
            scores: &[4, 8],
            claims: 0,
            corrections: 0,
            disputed: false,
            workload: true,
        },
        Criterion {
            id: "libs",
            name: "Libraries",
            short: "Libraries",
            group: 0,
            scores: &[7, 7],
            claims: 0,
            corrections: 0,
            disputed: false,
            workload: true,
        },
    ],
    presets: &[
        Preset {
            id: "fast",
            name: "Fast",
            summary: "Speed first.",
            weights: &[10, 2, 5],
            departure: None,
        },
        Preset {
            id: "easy",
            name: "Easy",
            summary: "Ease first.",
            weights: &[1, 10, 5],
            departure: None,
        },
    ],
    details_file: "details-test.txt",
    source_count: 1,
};
