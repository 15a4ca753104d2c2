use super::*;
use crate::core::engine::state::Action;
use crate::core::page::event::Event;
use crate::core::page::query::parse;
use crate::core::page::startup::Stored;
use crate::core::page::update::{boot, update};
use crate::core::MATRIX;

fn page() -> Model {
    boot(&MATRIX, parse(&MATRIX, ""), "", String::new(), || {
        (Stored::Empty, None)
    })
    .0
}

#[test]
fn an_edited_preset_says_so_and_lists_what_changed() {
    let mut model = page();
    assert!(view(&MATRIX, &model)
        .presets
        .status
        .starts_with("Pick the use case"));
    update(&MATRIX, &mut model, Event::State(Action::ApplyPreset(0)));
    let chosen = view(&MATRIX, &model).presets;
    assert!(chosen.chips[0].pressed && chosen.diff.is_none());
    let was = MATRIX.presets[0].weights[0];
    let now = if was == 10 { 9 } else { was + 1 };
    update(
        &MATRIX,
        &mut model,
        Event::State(Action::SetWeight {
            criterion: 0,
            weight: now,
        }),
    );
    let edited = view(&MATRIX, &model).presets;
    assert!(!edited.chips[0].pressed);
    assert!(edited.status.starts_with(&format!(
        "Started from “{}”, then edited.",
        MATRIX.presets[0].name
    )));
    let (heading, lines, reset) = edited.diff.expect("a diff");
    assert_eq!(
        heading,
        format!("Compared with “{}”:", MATRIX.presets[0].name)
    );
    assert_eq!(
        lines,
        vec![format!("{}: {was} → {now}", MATRIX.criteria[0].name)]
    );
    assert_eq!(reset, format!("Reset to “{}”", MATRIX.presets[0].name));
}

#[test]
fn the_quiz_counts_answers_and_marks_the_chosen_one() {
    let mut model = page();
    update(
        &MATRIX,
        &mut model,
        Event::State(Action::Answer {
            question: 0,
            answer: Some(1),
        }),
    );
    assert!(
        view(&MATRIX, &model).quiz.questions.is_empty(),
        "closed: nothing worded"
    );
    update(&MATRIX, &mut model, Event::ToggleQuiz);
    let quiz = view(&MATRIX, &model).quiz;
    assert!(quiz
        .hint
        .ends_with(&format!("1 of {} answered.", quiz.questions.len())));
    assert!(quiz.questions[0].answered && quiz.questions[0].answers[1].2);
    assert!(!quiz.questions[1].answered);
}

#[test]
fn a_subset_shows_only_its_sliders_and_an_open_why_carries_its_text() {
    let mut model = boot(
        &MATRIX,
        parse(&MATRIX, "criteria=ai_ml,realtime"),
        "",
        String::new(),
        || (Stored::Empty, None),
    )
    .0;
    update(
        &MATRIX,
        &mut model,
        Event::ToggleDetails(MATRIX.criterion_index("ai_ml").unwrap()),
    );
    let rows: Vec<SliderRow> = view(&MATRIX, &model)
        .sliders
        .into_iter()
        .flat_map(|g| g.rows)
        .collect();
    assert_eq!(rows.len(), 2);
    let open: Vec<_> = rows
        .iter()
        .filter(|r| r.details.is_some())
        .map(|r| r.id)
        .collect();
    assert_eq!(open, vec!["ai_ml"]);
}

#[test]
fn the_answers_standing_is_none_without_weights_and_close_when_too_close() {
    let mut model = page();
    let close = model.analysis.insight.too_close;
    assert_eq!(view(&MATRIX, &model).standing, close.then_some("close"));
    for criterion in 0..MATRIX.criteria.len() {
        let zero = Action::SetWeight {
            criterion,
            weight: 0,
        };
        update(&MATRIX, &mut model, Event::State(zero));
    }
    assert_eq!(view(&MATRIX, &model).standing, Some("none"));
}

#[test]
fn an_ignored_criterion_and_a_tipping_point_are_drawn_as_attribute_text() {
    let mut model = page();
    let zero = Action::SetWeight {
        criterion: 0,
        weight: 0,
    };
    update(&MATRIX, &mut model, Event::State(zero));
    let rows: Vec<SliderRow> = (view(&MATRIX, &model).sliders.into_iter())
        .flat_map(|g| g.rows)
        .collect();
    let first = rows.iter().find(|r| r.criterion == 0).expect("row 0");
    assert!(first.off && rows.iter().filter(|r| r.off).count() == 1);
    let tipping = &model.analysis.insight.tipping;
    for row in &rows {
        let expected = tipping[row.criterion]
            .as_ref()
            .map(|(at, _)| at.to_string());
        assert_eq!(row.tip.as_ref().map(|(at, _)| at.to_string()), expected);
    }
}

#[test]
fn a_why_that_failed_to_load_says_so_in_words() {
    use crate::core::page::details_text::{DetailsText, LoadFailure};
    let mut model = page();
    update(&MATRIX, &mut model, Event::ToggleDetails(0));
    let open = |model: &Model| {
        (view(&MATRIX, model).sliders.into_iter())
            .flat_map(|g| g.rows)
            .find_map(|r| r.details)
    };
    assert!(
        matches!(open(&model), Some(DetailsView::Loading(words)) if words.starts_with("Loading"))
    );
    let failed = DetailsText::Failed(LoadFailure::Status(404));
    update(&MATRIX, &mut model, Event::DetailsArrived(failed));
    assert_eq!(
        open(&model),
        Some(DetailsView::Failed(LoadFailure::Status(404).message()))
    );
    assert!(LoadFailure::Status(404).message().contains("status 404"));
}

#[test]
fn a_preset_where_we_part_from_the_articles_says_so() {
    let mut model = page();
    assert_eq!(view(&MATRIX, &model).presets.departure, None);
    let rest = MATRIX.presets.iter().position(|p| p.id == "rest_api");
    update(
        &MATRIX,
        &mut model,
        Event::State(Action::ApplyPreset(rest.expect("rest_api"))),
    );
    let departure = view(&MATRIX, &model)
        .presets
        .departure
        .expect("REST parts from the articles");
    assert!(departure.contains("too close to call"), "{departure}");
    let chat = MATRIX.presets.iter().position(|p| p.id == "realtime_chat");
    update(
        &MATRIX,
        &mut model,
        Event::State(Action::ApplyPreset(chat.expect("chat"))),
    );
    assert_eq!(
        view(&MATRIX, &model).presets.departure,
        None,
        "chat follows the articles"
    );
}

#[test]
fn the_page_names_every_audited_article_in_one_sentence() {
    let footer = view(&MATRIX, &page()).footer;
    let line: String = (footer.articles.iter())
        .map(|a| format!("{}{}", a.publisher, a.after))
        .collect();
    assert_eq!(
        footer.articles.len(),
        crate::core::engine::matrix::ARTICLE_LINKS.len()
    );
    assert!(line.starts_with("Simform, "), "{line}");
    assert!(line.ends_with('.') && line.contains(" and "), "{line}");
    let options = parse(&MATRIX, "embed=1");
    let (embed, _) = boot(&MATRIX, options, "", String::new(), || {
        (Stored::Empty, None)
    });
    assert!(view(&MATRIX, &embed).footer.articles.is_empty());
}
