use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::details::{criterion_details, CriterionDetailsProps};
use crate::app::details_text::DetailsText;
use crate::core::explain::Insight;
use crate::core::matrix::MAX_WEIGHT;
use crate::core::MATRIX;

pub struct WeightSlidersProps {
    pub weights: Vec<u8>,
    /// Only these criteria are shown (an embed's subset); all when `None`.
    pub visible: Option<Vec<usize>>,
    pub open: Option<usize>,
    /// (criterion index, new weight)
    pub on_weight: Callback<(usize, u8)>,
    pub on_toggle: Callback<usize>,
    pub details: DetailsText,
    /// The analysis of the current weights: per criterion, the weight at
    /// which the answer would change, in words and as a slider value.
    pub insight: Rc<Insight>,
    pub on_reset: Callback<()>,
}

/// One labelled range input per criterion, grouped under fieldsets.
pub fn weight_sliders(props: &WeightSlidersProps) -> Html {
    html! {
        <section class="sw-weights" aria-labelledby="sw-weights-heading">
            <div class="sw-weights-head">
                <h2 id="sw-weights-heading">{ "How much does each criterion matter?" }</h2>
                <button type="button" class="sw-button sw-button--quiet" onclick={props.on_reset.reform(|_: MouseEvent| ())}>
                    { "Equal weights" }
                </button>
            </div>
            <p class="sw-hint">{ "0 = ignore, 10 = decisive. Use the arrow keys on a focused slider for fine steps." }</p>
            { for MATRIX.grouped().into_iter().filter_map(|(group, members)| {
                let shown: Vec<usize> = members
                    .into_iter()
                    .filter(|c| props.visible.as_ref().is_none_or(|v| v.contains(c)))
                    .collect();
                (!shown.is_empty()).then(|| html! {
                    <fieldset class="sw-group">
                        <legend>{ group.name }</legend>
                        { for shown.into_iter().map(|criterion| slider_row(props, criterion)) }
                    </fieldset>
                })
            }) }
        </section>
    }
}

fn slider_row(props: &WeightSlidersProps, criterion: usize) -> Html {
    let c = &MATRIX.criteria[criterion];
    let weight = props.weights.get(criterion).copied().unwrap_or(0);
    let input_id = format!("sw-w-{}", c.id);
    let details_id = format!("sw-d-{}", c.id);
    let tip_id = format!("sw-t-{}", c.id);
    let tip = props.insight.tipping.get(criterion).cloned().flatten();
    let expanded = props.open == Some(criterion);
    let on_input = props.on_weight.reform(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        let weight = input.value().parse::<u8>().unwrap_or(0).min(MAX_WEIGHT);
        (criterion, weight)
    });
    html! {
        <div class={classes!("sw-slider", (weight == 0).then_some("is-off"))}>
            <div class="sw-slider-top">
                <label for={input_id.clone()}>{ c.name }</label>
                if c.disputed {
                    <span class="sw-badge sw-badge--disputed">{ "sources disagree" }</span>
                }
                <output for={input_id.clone()} class="sw-slider-value">{ weight }</output>
            </div>
            <div class="sw-slider-bottom">
                <div class="sw-track">
                <input
                    type="range"
                    id={input_id}
                    aria-describedby={tip.as_ref().map(|_| tip_id.clone())}
                    min="0"
                    max={MAX_WEIGHT.to_string()}
                    step="1"
                    value={weight.to_string()}
                    oninput={on_input}
                />
                if let Some((at, _)) = &tip {
                    <span class={classes!("sw-tip", format!("sw-tip-{at}"))} aria-hidden="true"></span>
                }
                </div>
                <button
                    type="button"
                    class="sw-why"
                    aria-expanded={if expanded { "true" } else { "false" }}
                    aria-controls={details_id.clone()}
                    onclick={props.on_toggle.reform(move |_: MouseEvent| criterion)}
                >
                    { "Why?" }<span class="sw-visually-hidden">{ format!(" {}", c.name) }</span>
                </button>
            </div>
            if let Some((_, words)) = &tip {
                <p id={tip_id} class="sw-tip-text">{ words }</p>
            }
            if expanded {
                { criterion_details(&CriterionDetailsProps { id: details_id, criterion, text: props.details.clone() }) }
            }
        </div>
    }
}
