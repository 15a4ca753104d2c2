//! The page's DOM outside the tree Yew owns: the prerendered form's state,
//! focus, the dialog, tasks and timing. (The embed's height messages are
//! the boot script's: it posts them before and after the app starts.)

use wasm_bindgen::JsCast;

use crate::core::page::adopt::{Prerendered, PICKED_ATTRIBUTE};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The embed dialog's element id.
pub const EMBED_DIALOG_ID: &str = "sw-embed-dialog";

/// The element with `id`, as the type it should be.
pub(super) fn by_id<T: JsCast>(id: &str) -> Option<T> {
    window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

pub fn show_dialog(id: &str) {
    if let Some(dialog) = by_id::<web_sys::HtmlDialogElement>(id) {
        let _ = dialog.show_modal();
    }
}

/// Runs `work` in a task of its own (a zero-delay timer), so start-up is
/// several short tasks the browser can answer input between, not one long
/// one.
pub fn next_task(work: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, work).forget();
}

/// What the reader did to the prerendered page before the app was live:
/// moved range inputs, a picked use case, opened or closed disclosures.
pub fn prerendered_input(root: &web_sys::Element) -> Prerendered {
    let mut found = Prerendered {
        picked: root.get_attribute(PICKED_ATTRIBUTE),
        ..Prerendered::default()
    };
    let each = |selector: &str, mut visit: Box<dyn FnMut(web_sys::Element) + '_>| {
        if let Ok(list) = root.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(element) = list.get(i).and_then(|n| n.dyn_into().ok()) {
                    visit(element);
                }
            }
        }
    };
    each(
        "input[type=range][data-criterion]",
        Box::new(|element| {
            let Ok(input) = element.dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if input.value() != input.default_value() {
                let id = input.get_attribute("data-criterion").unwrap_or_default();
                found.moved.push((id, input.value().parse().unwrap_or(0)));
            }
        }),
    );
    each(
        "details[data-panel]",
        Box::new(|element| {
            let id = element.get_attribute("data-panel").unwrap_or_default();
            found.panels.push((id, element.has_attribute("open")));
        }),
    );
    found
}

/// The id of the focused element, to focus it again after a re-render.
pub fn focused_id() -> Option<String> {
    let id = window()?.document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

pub fn focus(id: &str) {
    if let Some(element) = by_id::<web_sys::HtmlElement>(id) {
        let _ = element.focus();
    }
}

/// Runs `work` between User Timing marks and leaves one `performance`
/// measure named `name`: the latest run's, so nothing piles up over a long
/// session. The benchmark reads it to time the recomputation per slider
/// move apart from rendering.
#[cfg(target_arch = "wasm32")]
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        p.clear_measures_with_measure_name(name);
        let _ = p.mark(name);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, name);
        p.clear_marks_with_mark_name(name);
    }
    out
}

/// Natively (the build-time prerender) there is no page to time.
#[cfg(not(target_arch = "wasm32"))]
pub fn timed<T>(_name: &str, work: impl FnOnce() -> T) -> T {
    work()
}
