use yew::prelude::*;

use super::send;

use crate::core::engine::state::Action;
use crate::core::page::event::Event;
use crate::core::page::view_model::{QuestionView, QuizView};

/// "Not sure how to weigh?": a few questions whose answers set the weights,
/// each answer's effect shown beside it. The sliders stay editable.
pub fn questionnaire(view: &QuizView, on: &Callback<Event>) -> Html {
    html! {
        <section class="sw-quiz" aria-labelledby="sw-quiz-toggle">
            <button type="button" id="sw-quiz-toggle" class="sw-button"
                    aria-expanded={if view.open { "true" } else { "false" }} aria-controls="sw-quiz-panel"
                    onclick={send(on, Event::ToggleQuiz)}>
                { "Not sure how to weigh? Answer a few questions" }
            </button>
            if view.open {
                <div id="sw-quiz-panel" class="sw-quiz-panel">
                    <p class="sw-hint">{ &view.hint }</p>
                    { for view.questions.iter().map(|question| question_set(question, on)) }
                </div>
            }
        </section>
    }
}

fn question_set(question: &QuestionView, on: &Callback<Event>) -> Html {
    let q = question.index;
    let answer = move |answer: Option<u8>| {
        Event::State(Action::Answer {
            question: q,
            answer,
        })
    };
    html! {
        <fieldset class="sw-question">
            <legend>{ question.text }</legend>
            { for question.answers.iter().enumerate().map(|(a, (text, effect, checked))| {
                let id = format!("sw-q-{}-{a}", question.id);
                html! {
                    <div class="sw-answer">
                        <input type="radio" id={id.clone()} name={format!("sw-q-{}", question.id)} checked={*checked}
                               onchange={send(on, answer(Some(a as u8)))} />
                        <label for={id}>
                            { *text }
                            <span class="sw-effect">{ effect }</span>
                        </label>
                    </div>
                }
            }) }
            if question.answered {
                <button type="button" class="sw-button sw-button--quiet sw-button--small"
                        onclick={send(on, answer(None))}>
                    { "Clear this answer" }<span class="sw-visually-hidden">{ format!(": {}", question.text) }</span>
                </button>
            }
        </fieldset>
    }
}
