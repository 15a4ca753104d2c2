use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::send;

use super::details::criterion_details;
use crate::core::engine::matrix::MAX_WEIGHT;
use crate::core::engine::state::Action;
use crate::core::page::event::Event;
use crate::core::page::view_model::{SliderGroup, SliderRow};

/// One labelled range input per criterion, grouped under fieldsets.
pub fn weight_sliders(groups: &[SliderGroup], on: &Callback<Event>) -> Html {
    html! {
        <section class="sw-weights" aria-labelledby="sw-weights-heading">
            <div class="sw-weights-head">
                <h2 id="sw-weights-heading">{ "How much does each criterion matter?" }</h2>
                <button type="button" class="sw-button sw-button--quiet" onclick={send(on, Event::State(Action::ResetToDefaults))}>
                    { "Equal weights" }
                </button>
            </div>
            <p class="sw-hint">{ "0 = ignore, 10 = decisive. Use the arrow keys on a focused slider for fine steps." }</p>
            { for groups.iter().map(|group| html! {
                <fieldset class="sw-group">
                    <legend>{ group.name }</legend>
                    { for group.rows.iter().map(|row| html! { <Row row={row.clone()} on={on.clone()} /> }) }
                </fieldset>
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: SliderRow,
    on: Callback<Event>,
}

/// One criterion's row as a component of its own: a slider move draws the
/// rows whose view changed (the moved one, and those whose tipping point
/// moved), and Yew skips the rest by comparing their props. The callback is
/// the one the root keeps for the page's life, so it compares equal.
#[function_component]
fn Row(props: &RowProps) -> Html {
    slider_row(&props.row, &props.on)
}

fn slider_row(row: &SliderRow, on: &Callback<Event>) -> Html {
    let criterion = row.criterion;
    let input_id = format!("sw-w-{}", row.id);
    let details_id = format!("sw-d-{}", row.id);
    let tip_id = format!("sw-t-{}", row.id);
    let on_input = on.reform(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        let weight = input.value().parse::<u8>().unwrap_or(0).min(MAX_WEIGHT);
        Event::State(Action::SetWeight { criterion, weight })
    });
    html! {
        <div class="sw-slider" data-off={row.off.then_some("")}>
            <div class="sw-slider-top">
                <label for={input_id.clone()}>{ row.name }</label>
                if row.disputed {
                    <span class="sw-badge sw-badge--disputed">{ "sources disagree" }</span>
                }
                <output for={input_id.clone()} class="sw-slider-value">{ row.weight }</output>
            </div>
            <div class="sw-slider-bottom">
                <div class="sw-track">
                <input
                    type="range"
                    id={input_id}
                    data-criterion={row.id}
                    aria-describedby={row.tip.as_ref().map(|_| tip_id.clone())}
                    min="0"
                    max={MAX_WEIGHT.to_string()}
                    step="1"
                    value={row.weight.to_string()}
                    oninput={on_input}
                />
                if let Some((at, _)) = &row.tip {
                    <span class="sw-tip" data-at={*at} aria-hidden="true"></span>
                }
                </div>
                <button
                    type="button"
                    class="sw-why"
                    aria-expanded={if row.details.is_some() { "true" } else { "false" }}
                    aria-controls={details_id.clone()}
                    onclick={send(on, Event::ToggleDetails(criterion))}
                >
                    { "Why?" }<span class="sw-visually-hidden">{ format!(" {}", row.name) }</span>
                </button>
            </div>
            if let Some((_, words)) = &row.tip {
                <p id={tip_id} class="sw-tip-text">{ words }</p>
            }
            if let Some(text) = &row.details {
                { criterion_details(&details_id, text) }
            }
        </div>
    }
}
