//! The Yew shell: renders the core's view model and sends `Action`s back.
//! It also compiles natively, where `prerender` renders the default view to
//! HTML at build time.

mod browser;
mod components;
mod details_text;
mod export_files;
pub mod panic;
mod root;
mod state;

pub use root::{App, AppProps, Booted};

/// Marks `<main id="stackweigh">` when it holds the build's prerendered
/// default view (see `prerender`), which `mount` then replaces.
pub const PRERENDERED_ATTRIBUTE: &str = "data-prerendered";

/// Mounts the app into `#stackweigh` (falls back to `<body>`), in three
/// tasks rather than one long one: loading the wasm, reading the address and
/// storage (the first storage access of a visit can take a while), then
/// rendering. Until the last, the prerendered page stays as it is.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    use std::rc::Rc;

    browser::next_task(|| {
        let boot = Rc::new(Booted::from_browser());
        browser::next_task(move || render(AppProps { boot }));
    });
}

#[cfg(target_arch = "wasm32")]
fn render(props: AppProps) {
    match root_element() {
        Some(element) => {
            // Not hydration: a shared link or saved weights may differ from
            // the default view the build prerendered, so the live app
            // replaces it. Yew renders in a microtask, before the next
            // paint, so the reader never sees an empty box; for the usual
            // first visit the markup is identical and nothing moves.
            if element.has_attribute(PRERENDERED_ATTRIBUTE) {
                element.set_inner_html("");
                let _ = element.remove_attribute(PRERENDERED_ATTRIBUTE);
            }
            yew::Renderer::<App>::with_root_and_props(element, props).render()
        }
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}

#[cfg(target_arch = "wasm32")]
fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id("stackweigh")
}

/// The default view (no query, no link, nothing saved) as HTML: the same
/// components the browser runs, rendered by Yew's server renderer.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    use std::rc::Rc;

    let renderer = yew::ServerRenderer::<App>::with_props(|| AppProps {
        boot: Rc::new(Booted::default_view()),
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    // Until the wasm takes over, the controls cannot do anything: say so by
    // disabling them, rather than let a reader's early slider move or click
    // be silently lost when the live app replaces this markup.
    html.replace("<input ", "<input disabled ")
        .replace("<button ", "<button disabled ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::prerender;
    use crate::core::view::recommendation;
    use crate::core::MATRIX;

    #[test]
    fn the_prerender_is_the_default_view_with_every_control() {
        let html = prerender();
        let defaults = recommendation(&MATRIX, &MATRIX.default_weights());
        assert!(html.contains(&defaults.headline), "{}", defaults.headline);
        assert!(html.contains(r#"aria-labelledby="sw-rec-heading""#));
        assert_eq!(
            html.matches(r#"type="range""#).count(),
            MATRIX.criteria.len()
        );
        for preset in MATRIX.presets {
            assert!(html.contains(preset.name), "{}", preset.name);
        }
        assert!(html.contains("<svg"), "the radar chart");
    }

    #[test]
    fn the_prerendered_controls_are_inert_until_the_app_takes_over() {
        let html = prerender();
        assert!(html.contains("<input disabled "));
        assert!(!html.contains("<input type"), "every input is disabled");
        assert!(!html.contains("<button type"), "every button is disabled");
    }

    #[test]
    fn the_prerender_has_no_inline_style_for_the_strict_csp() {
        assert!(!prerender().contains(" style="));
    }
}
