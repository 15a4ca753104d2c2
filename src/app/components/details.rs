use yew::prelude::*;

use crate::core::matrix::{Favours, Verdict};
use crate::core::view::{citation, source_kind_label};
use crate::core::MATRIX;

#[derive(PartialEq, Properties)]
pub struct CriterionDetailsProps {
    pub id: String,
    pub criterion: usize,
}

/// A criterion's scores with their rationale and sources, and what the
/// articles claim about it (with corrections where they are wrong).
#[function_component]
pub fn CriterionDetails(props: &CriterionDetailsProps) -> Html {
    let c = &MATRIX.criteria[props.criterion];
    html! {
        <div class="sw-details" id={props.id.clone()}>
            <p class="sw-details-description">{ c.description }</p>
            <dl class="sw-scores">
                { for MATRIX.options.iter().zip(c.scores).map(|(option, score)| html! {
                    <>
                        <dt>{ format!("{}: {} / 10", option.name, score.value) }</dt>
                        <dd>
                            <p>{ score.rationale }</p>
                            <ul class="sw-sources" aria-label={format!("Sources for {}", option.name)}>
                                { for score.sources.iter().map(|&s| source_item(s)) }
                            </ul>
                        </dd>
                    </>
                }) }
            </dl>
            if !c.claims.is_empty() {
                <h4 class="sw-claims-heading">{ "What the articles say" }</h4>
                <ul class="sw-claims">
                    { for c.claims.iter().map(|claim| {
                        let article = &MATRIX.sources[claim.source];
                        let favours = match claim.favours {
                            Favours::Option(o) => format!("favours {}", MATRIX.options[o].name),
                            Favours::Tie => "calls it even".to_string(),
                        };
                        html! {
                            <li class={classes!("sw-claim", format!("is-{}", claim.verdict.label()))}>
                                <p>
                                    <cite>{ article.publisher }</cite>
                                    { format!(" ({favours}): ") }
                                    <q>{ claim.quote }</q>
                                </p>
                                <p class="sw-verdict">
                                    <strong>{ verdict_text(claim.verdict) }</strong>
                                    if let Some(correction) = claim.correction {
                                        { " " }{ correction }
                                    }
                                </p>
                                if !claim.correction_sources.is_empty() {
                                    <ul class="sw-sources" aria-label="Sources for the correction">
                                        { for claim.correction_sources.iter().map(|&s| source_item(s)) }
                                    </ul>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}

fn verdict_text(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Accurate => "Accurate.",
        Verdict::False => "False.",
        Verdict::Outdated => "Outdated.",
        Verdict::Oversimplified => "Oversimplified.",
        Verdict::Contested => "Contested.",
    }
}

fn source_item(index: usize) -> Html {
    let source = &MATRIX.sources[index];
    let text = citation(source);
    let kind = source_kind_label(source.kind);
    html! {
        <li>
            if let Some(url) = source.url {
                <a href={url} rel="noopener noreferrer" target="_blank">{ text }</a>
            } else {
                { text }
            }
            <span class="sw-source-kind">{ format!(" · {kind}") }</span>
            if let Some(checked) = source.checked {
                <span class="sw-source-checked">{ format!(", checked {checked}") }</span>
            }
        </li>
    }
}
