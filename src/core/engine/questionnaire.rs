//! "Not sure how to weigh? Answer a few questions": each answer moves some
//! weights up or down from a neutral base; the result stays editable.

use super::matrix::{Matrix, MAX_WEIGHT};

/// Every weight starts here before the answers move it.
pub const BASE_WEIGHT: i8 = 4;

pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    pub answers: &'static [Answer],
}

pub struct Answer {
    pub text: &'static str,
    /// (criterion id, change to its weight).
    pub effects: &'static [(&'static str, i8)],
}

pub static QUESTIONS: &[Question] = &[
    Question {
        id: "team",
        text: "What does your team already know best?",
        answers: &[
            Answer { text: "JavaScript / TypeScript", effects: &[("full_stack", 4), ("dev_speed", 1), ("learning_curve", -2)] },
            Answer { text: "Python", effects: &[("automation", 2), ("extensibility", 1), ("full_stack", -2), ("learning_curve", -2)] },
            Answer { text: "Both equally", effects: &[("learning_curve", -2)] },
            Answer { text: "Neither: we are new to backend work", effects: &[("learning_curve", 4), ("error_handling", 2), ("community_hiring", 2)] },
        ],
    },
    Question {
        id: "realtime",
        text: "Does the product need live updates (chat, notifications, collaboration, live dashboards)?",
        answers: &[
            Answer { text: "Yes, it is central", effects: &[("realtime", 5), ("io_performance", 3), ("concurrency", 2)] },
            Answer { text: "A little", effects: &[("realtime", 2), ("io_performance", 1)] },
            Answer { text: "No", effects: &[("realtime", -3)] },
        ],
    },
    Question {
        id: "ml",
        text: "Will you train, serve or orchestrate ML models, or do heavy data work?",
        answers: &[
            Answer { text: "Yes, it is the core of the product", effects: &[("ai_ml", 6), ("cpu_performance", 2), ("extensibility", 2)] },
            Answer { text: "Some, beside the main product", effects: &[("ai_ml", 3)] },
            Answer { text: "No", effects: &[("ai_ml", -4)] },
        ],
    },
    Question {
        id: "cpu",
        text: "Is there CPU-heavy work in the request path (image or video processing, number crunching)?",
        answers: &[
            Answer { text: "Yes", effects: &[("cpu_performance", 4), ("extensibility", 2)] },
            Answer { text: "No, it is mostly I/O", effects: &[("cpu_performance", -2), ("io_performance", 2)] },
        ],
    },
    Question {
        id: "load",
        text: "How many concurrent users or connections do you expect?",
        answers: &[
            Answer { text: "Thousands or more", effects: &[("concurrency", 3), ("scalability", 3), ("resource_efficiency", 2)] },
            Answer { text: "Hundreds", effects: &[("scalability", 1)] },
            Answer { text: "A few (an internal tool)", effects: &[("scalability", -2), ("resource_efficiency", -2), ("concurrency", -1)] },
        ],
    },
    Question {
        id: "time",
        text: "How soon must the first version ship?",
        answers: &[
            Answer { text: "Within weeks", effects: &[("dev_speed", 4), ("web_frameworks", 2), ("package_ecosystem", 2)] },
            Answer { text: "Within a few months", effects: &[("dev_speed", 1)] },
            Answer { text: "No rush: it is a long-lived platform", effects: &[("maintainability", 3), ("error_handling", 1)] },
        ],
    },
    Question {
        id: "hiring",
        text: "Will you need to hire backend developers soon?",
        answers: &[
            Answer { text: "Yes, several", effects: &[("community_hiring", 4)] },
            Answer { text: "One or two", effects: &[("community_hiring", 1)] },
            Answer { text: "No", effects: &[("community_hiring", -2)] },
        ],
    },
    Question {
        id: "deploy",
        text: "Where will it run?",
        answers: &[
            Answer { text: "Serverless functions", effects: &[("serverless", 5), ("resource_efficiency", 1)] },
            Answer { text: "Containers or servers", effects: &[("serverless", -2)] },
            Answer { text: "Also on devices or desktops", effects: &[("platform_reach", 4)] },
        ],
    },
];

/// The weights the answers give: every weight starts at [`BASE_WEIGHT`] and
/// each chosen answer moves some of them; results are clamped to 0..=10.
/// `answers[q]` is the chosen answer index of question `q`, if any; unknown
/// indices and criterion ids are ignored.
pub fn weights(matrix: &Matrix, answers: &[Option<u8>]) -> Vec<u8> {
    let mut weights = vec![i16::from(BASE_WEIGHT); matrix.criteria.len()];
    for (question, answer) in QUESTIONS.iter().zip(answers) {
        let Some(answer) = answer.and_then(|a| question.answers.get(usize::from(a))) else {
            continue;
        };
        for &(id, change) in answer.effects {
            if let Some(c) = matrix.criterion_index(id) {
                weights[c] += i16::from(change);
            }
        }
    }
    weights
        .into_iter()
        .map(|w| w.clamp(0, i16::from(MAX_WEIGHT)) as u8)
        .collect()
}

/// An answer's effect in words, e.g. `"Real-time features +5, I/O-bound performance +3"`.
pub fn effect_text(matrix: &Matrix, answer: &Answer) -> String {
    let parts: Vec<String> = answer
        .effects
        .iter()
        .filter_map(|&(id, change)| {
            let c = matrix.criterion_index(id)?;
            let sign = if change > 0 { "+" } else { "−" };
            Some(format!(
                "{} {sign}{}",
                matrix.criteria[c].name,
                change.unsigned_abs()
            ))
        })
        .collect();
    if parts.is_empty() {
        "no change".to_string()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::score::{evaluate, Outcome};
    use crate::core::MATRIX;

    #[test]
    fn every_effect_names_a_real_criterion() {
        for question in QUESTIONS {
            assert!((2..=4).contains(&question.answers.len()), "{}", question.id);
            for answer in question.answers {
                for (id, _) in answer.effects {
                    assert!(
                        MATRIX.criterion_index(id).is_some(),
                        "{}: unknown criterion {id}",
                        question.id
                    );
                }
            }
        }
        assert!((6..=8).contains(&QUESTIONS.len()));
    }

    #[test]
    fn no_answers_give_the_neutral_base() {
        assert_eq!(
            weights(&MATRIX, &[]),
            vec![BASE_WEIGHT as u8; MATRIX.criteria.len()]
        );
    }

    #[test]
    fn a_scripted_set_of_answers_gives_the_expected_weights() {
        // JS team, real-time central, no ML, mostly I/O, thousands of users,
        // ship in weeks, hire several, containers.
        let answers = [
            Some(0),
            Some(0),
            Some(2),
            Some(1),
            Some(0),
            Some(0),
            Some(0),
            Some(1),
        ];
        let w = weights(&MATRIX, &answers);
        let at = |id: &str| w[MATRIX.criterion_index(id).unwrap()];
        assert_eq!(at("full_stack"), 8);
        assert_eq!(at("realtime"), 9);
        assert_eq!(at("io_performance"), 9); // 4 + 3 + 2
        assert_eq!(at("ai_ml"), 0);
        assert_eq!(at("concurrency"), 9);
        assert_eq!(at("dev_speed"), 9); // 4 + 1 + 4
        assert_eq!(at("learning_curve"), 2);
        assert_eq!(at("serverless"), 2);
        assert!(matches!(
            evaluate(&MATRIX, &w).outcome,
            Outcome::Winner { winner: 0, .. }
        ));
    }

    #[test]
    fn a_data_science_team_gets_python() {
        let answers = [
            Some(1),
            Some(2),
            Some(0),
            Some(0),
            Some(1),
            Some(1),
            Some(1),
            Some(1),
        ];
        let w = weights(&MATRIX, &answers);
        assert!(matches!(
            evaluate(&MATRIX, &w).outcome,
            Outcome::Winner { winner: 1, .. }
        ));
    }

    #[test]
    fn weights_stay_in_range_and_bad_answers_are_ignored() {
        let all_max = [Some(0); 8];
        assert!(weights(&MATRIX, &all_max).iter().all(|&w| w <= MAX_WEIGHT));
        assert_eq!(weights(&MATRIX, &[Some(200), None]), weights(&MATRIX, &[]));
    }

    #[test]
    fn effects_read_as_words() {
        let answer = &QUESTIONS[1].answers[0];
        assert_eq!(
            effect_text(&MATRIX, answer),
            "Real-time features +5, I/O-bound performance +3, Concurrency model +2"
        );
        assert_eq!(
            effect_text(&MATRIX, &QUESTIONS[2].answers[2]),
            "AI/ML and data ecosystem −4"
        );
    }
}
