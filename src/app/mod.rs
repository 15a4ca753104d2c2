//! The Yew shell: renders the core's view model and sends `Event`s back.
//! It also compiles natively, where `prerender` renders the default view to
//! HTML at build time.

mod browser;
mod components;
mod dispatch;
pub mod panic;
mod root;

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
    use crate::core::page::{query, update::boot};
    use crate::core::MATRIX;
    use browser::{dom, storage};

    dom::next_task(|| {
        let options = query::parse_marked(&MATRIX, &browser::query(), marked_embed());
        let page_address = query::full_page_address(options.embed, &browser::page_address());
        let (model, effects) = boot(&MATRIX, options, &browser::hash(), page_address, || {
            (storage::read_stored(), storage::read_displaced())
        });
        dom::next_task(move || render(Booted { model, effects }));
    });
}

/// Not hydration: a shared link or saved weights may differ from the
/// default view the build prerendered, so the live app replaces it, after
/// taking in whatever the reader already did to it. Yew renders in a
/// microtask, before the next paint, so the reader never sees an empty box.
#[cfg(target_arch = "wasm32")]
fn render(mut booted: Booted) {
    use crate::core::page::{adopt::adopt, update::update};
    use crate::core::MATRIX;
    use browser::dom;

    let Some(element) = root_element() else {
        yew::Renderer::<App>::with_props(AppProps {
            boot: std::rc::Rc::new(booted),
        })
        .render();
        return;
    };
    let focused = dom::focused_id();
    if element.has_attribute(PRERENDERED_ATTRIBUTE) {
        let found = dom::prerendered_input(&element);
        for event in adopt(&MATRIX, &booted.model, &found) {
            booted
                .effects
                .extend(update(&MATRIX, &mut booted.model, event));
        }
        booted
            .effects
            .retain(|e| !matches!(e, crate::core::page::effect::Effect::Render));
        element.set_inner_html("");
        let _ = element.remove_attribute(PRERENDERED_ATTRIBUTE);
    }
    let props = AppProps {
        boot: std::rc::Rc::new(booted),
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render();
    if let Some(id) = focused {
        dom::next_task(move || dom::focus(&id));
    }
}

/// `<html data-embed>`: in embed.html's markup, or set by boot.js from the query.
#[cfg(target_arch = "wasm32")]
fn marked_embed() -> bool {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    html.is_some_and(|html| html.has_attribute(crate::core::page::query::EMBED_ATTRIBUTE))
}

#[cfg(target_arch = "wasm32")]
fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id("stackweigh")
}

/// The default view (no query, no link, nothing saved) as HTML: the same
/// components the browser runs, rendered by Yew's server renderer, with
/// real, enabled controls (the boot script keeps what a reader does to them
/// before the app is live).
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    render_to_string(Booted::default_view)
}

/// The same view in embed mode, for embed.html: its panels closed, its
/// footer linking to the full page beside it.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender_embed() -> String {
    render_to_string(Booted::embed_view)
}

/// A use case's first view (`?preset=<id>`), for that preset's page or, with
/// `embed`, its embed's document: so each answers at first paint.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender_preset(preset: &str, embed: bool) -> String {
    let preset = preset.to_string();
    render_to_string(move || Booted::preset_view(&preset, embed))
}

#[cfg(not(target_arch = "wasm32"))]
fn render_to_string(first_view: impl FnOnce() -> Booted + Send + 'static) -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(move || AppProps {
        boot: std::rc::Rc::new(first_view()),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::prerender;
    use crate::core::engine::recommendation::recommendation;
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
        for article in crate::core::engine::matrix::ARTICLE_LINKS {
            assert!(
                html.contains(article.publisher),
                "names {}",
                article.publisher
            );
        }
    }

    #[test]
    fn the_prerendered_page_is_a_live_form() {
        let html = prerender();
        assert!(!html.contains("disabled"), "no control waits for the app");
        assert!(html.contains(r#"data-panel="weights""#));
    }

    #[test]
    fn the_prerender_has_no_inline_style_for_the_strict_csp() {
        assert!(!prerender().contains(" style="));
        assert!(!super::prerender_embed().contains(" style="));
    }

    #[test]
    fn a_presets_prerender_is_that_use_case_in_either_layout() {
        let preset = &MATRIX.presets[0];
        let answer = recommendation(&MATRIX, preset.weights);
        for embed in [false, true] {
            let html = super::prerender_preset(preset.id, embed);
            assert!(html.contains(&answer.headline), "{}", answer.headline);
            assert!(
                html.contains(r#"aria-pressed="true""#),
                "its use case picked"
            );
            assert_eq!(html.contains(r#"href="index.html#"#), embed);
        }
    }

    #[test]
    fn the_embed_prerender_is_the_embed_layout() {
        let html = super::prerender_embed();
        assert!(
            html.contains(r#"href="index.html#"#),
            "the full page beside it"
        );
        assert!(!html.contains("<details open"), "every panel closed");
        assert_ne!(html, prerender());
    }
}
