//! Render functions, one per view-model slice. Classes are static
//! literals; what changes is drawn as attributes (`aria-pressed`,
//! `data-option`, `data-verdict`…) that the stylesheet selects on.

pub mod contributions;
pub mod details;
pub mod layout;
pub mod methodology;
pub mod notice;
pub mod panel;
pub mod presets;
pub mod questionnaire;
pub mod radar;
pub mod recommendation;
pub mod share;
pub mod sliders;
pub mod team;

use yew::Callback;

use crate::core::page::event::Event;

/// An action button (`sw-button`) with its label: one function for them
/// all, so the wasm carries one copy of the element's construction, not one
/// a button.
#[inline(never)]
pub fn button(label: &'static str, onclick: Callback<yew::MouseEvent>) -> yew::Html {
    yew::html! { <button type="button" class="sw-button" {onclick}>{ label }</button> }
}

/// A control that sends one event, whatever the DOM event was (a click, a
/// change, a dialog's close). Every such control shares this one closure
/// type, so the wasm carries one copy of it instead of one a button.
pub fn send<E: 'static>(on: &Callback<Event>, event: Event) -> Callback<E> {
    on.reform(move |_: E| event.clone())
}

#[cfg(test)]
mod tests {
    const CSS: &str = include_str!("../../../styles/main.css");

    /// Each state attribute a component draws, as the prerendered page has
    /// it, and the stylesheet's selector for it.
    #[test]
    fn the_stylesheet_selects_the_state_the_components_draw() {
        let html = super::super::prerender();
        for (drawn, selector) in [
            (
                r#"aria-pressed="true" class="sw-toggle""#,
                r#".sw-toggle[aria-pressed="true"]"#,
            ),
            (
                r#"aria-pressed="false" class="sw-preset""#,
                r#".sw-preset[aria-pressed="true"]"#,
            ),
            (
                r#"data-panel="share" open="open" class="sw-panel""#,
                r#".sw-panel[data-panel="share"]"#,
            ),
            (
                r#"data-option="node" class="sw-total""#,
                r#".sw-total[data-option="node"]"#,
            ),
            (
                r#"<li data-option="python">"#,
                r#".sw-legend [data-option="python"]"#,
            ),
            (r#"<span data-at=""#, r#".sw-tip[data-at="10"]"#),
        ] {
            assert!(html.contains(drawn), "the prerender draws {drawn}");
            assert!(CSS.contains(selector), "main.css selects {selector}");
        }
        for selector in [
            r#".sw-recommendation[data-verdict="none"]"#,
            r#".sw-recommendation[data-verdict="close"]"#,
            ".sw-slider[data-off]",
        ] {
            assert!(CSS.contains(selector), "main.css selects {selector}");
        }
    }
}
