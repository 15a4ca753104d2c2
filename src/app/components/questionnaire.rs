use yew::prelude::*;

use crate::core::questionnaire::{effect_text, QUESTIONS};
use crate::core::MATRIX;

pub struct QuestionnairePanelProps {
    pub answers: Vec<Option<u8>>,
    pub open: bool,
    pub on_toggle: Callback<()>,
    /// (question index, answer index or None to clear)
    pub on_answer: Callback<(usize, Option<u8>)>,
}

/// "Not sure how to weigh?": a few questions whose answers set the weights,
/// each answer's effect shown beside it. The sliders stay editable.
pub fn questionnaire_panel(props: &QuestionnairePanelProps) -> Html {
    let open = props.open;
    let toggle = props.on_toggle.reform(|_: MouseEvent| ());
    let answered = props.answers.iter().flatten().count();
    html! {
        <section class="sw-quiz" aria-labelledby="sw-quiz-toggle">
            <button type="button" id="sw-quiz-toggle" class="sw-button"
                    aria-expanded={if open { "true" } else { "false" }} aria-controls="sw-quiz-panel" onclick={toggle}>
                { "Not sure how to weigh? Answer a few questions" }
            </button>
            if open {
                <div id="sw-quiz-panel" class="sw-quiz-panel">
                    <p class="sw-hint">{ format!("Each answer moves some weights from a neutral {} (shown beside it); the sliders update at once and stay yours to adjust. {answered} of {} answered.", crate::core::questionnaire::BASE_WEIGHT, QUESTIONS.len()) }</p>
                    { for QUESTIONS.iter().enumerate().map(|(q, question)| html! {
                        <fieldset class="sw-question">
                            <legend>{ question.text }</legend>
                            { for question.answers.iter().enumerate().map(|(a, answer)| {
                                let id = format!("sw-q-{}-{a}", question.id);
                                let checked = props.answers.get(q).copied().flatten() == Some(a as u8);
                                let on_change = props.on_answer.reform(move |_: Event| (q, Some(a as u8)));
                                html! {
                                    <div class="sw-answer">
                                        <input type="radio" id={id.clone()} name={format!("sw-q-{}", question.id)} {checked} onchange={on_change} />
                                        <label for={id}>
                                            { answer.text }
                                            <span class="sw-effect">{ effect_text(&MATRIX, answer) }</span>
                                        </label>
                                    </div>
                                }
                            }) }
                            if props.answers.get(q).copied().flatten().is_some() {
                                <button type="button" class="sw-button sw-button--quiet sw-button--small"
                                        onclick={props.on_answer.reform(move |_: MouseEvent| (q, None))}>
                                    { "Clear this answer" }<span class="sw-visually-hidden">{ format!(": {}", question.text) }</span>
                                </button>
                            }
                        </fieldset>
                    }) }
                </div>
            }
        </section>
    }
}
