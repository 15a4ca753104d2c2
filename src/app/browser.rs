//! Every touch of the browser outside the DOM tree Yew owns: the URL,
//! storage, clipboard, the theme attribute and the embed's height messages.
//! Each call is guarded: a blocked API degrades, it never breaks the widget.
//! Natively (the build-time prerender) none of this runs: start-up reads
//! come only from `Booted::from_browser`, which exists on wasm alone.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use yew::Callback;

use super::dispatch::Dispatcher;
use super::{details_text, export_files};
use crate::core::adopt::{Prerendered, PICKED_ATTRIBUTE};
use crate::core::startup::Stored;
use crate::core::update::{ChartFormat, Effect, Event};

const STORAGE_KEY: &str = "stackweigh:v1:state";
/// The reader's own settings, set aside when a shared link replaced them.
const DISPLACED_KEY: &str = "stackweigh:v1:before-link";
/// How long the address bar and storage wait for the weights to settle
/// before they are written (browsers throttle rapid history updates, and a
/// storage write can stall a slider move).
const WRITE_DELAY_MS: i32 = 200;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without query or hash.
pub fn page_address() -> String {
    window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    // Throws in sandboxed iframes and some privacy modes: treat as absent.
    window()?.local_storage().ok().flatten()
}

pub fn read_stored() -> Stored {
    let Some(storage) = storage() else {
        return Stored::Unavailable;
    };
    match storage.get_item(STORAGE_KEY) {
        Ok(Some(value)) => Stored::Value(value),
        Ok(None) => Stored::Empty,
        Err(_) => Stored::Unavailable,
    }
}

fn keep_displaced(value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(DISPLACED_KEY, value);
    }
}

/// What an earlier shared link displaced, if the reader has not chosen yet.
pub fn read_displaced() -> Option<String> {
    storage()?.get_item(DISPLACED_KEY).ok().flatten()
}

fn forget_displaced() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DISPLACED_KEY);
    }
}

/// What waits to be written once the weights settle.
#[derive(Default)]
struct Pending {
    address: Option<String>,
    stored: Option<String>,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
    static WAITING: Cell<bool> = const { Cell::new(false) };
    static FLUSH_ON_HIDE: Cell<bool> = const { Cell::new(false) };
}

/// Writes `change` into the pending writes, then flushes them once the
/// weights have settled for [`WRITE_DELAY_MS`], and at the latest when the
/// page is hidden or left.
fn write_soon(change: impl FnOnce(&mut Pending)) {
    PENDING.with(|pending| change(&mut pending.borrow_mut()));
    if WAITING.replace(true) {
        return;
    }
    let Some(window) = window() else { return };
    if !FLUSH_ON_HIDE.replace(true) {
        let flush = Closure::<dyn Fn()>::new(flush_state);
        for event in ["pagehide", "visibilitychange"] {
            let _ = window.add_event_listener_with_callback(event, flush.as_ref().unchecked_ref());
        }
        flush.forget();
    }
    let write = Closure::once_into_js(flush_state);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        write.unchecked_ref(),
        WRITE_DELAY_MS,
    );
}

/// Writes what is pending, if anything.
fn flush_state() {
    WAITING.set(false);
    let Pending { address, stored } = PENDING.with(|pending| pending.take());
    if let (Some(state), Some(history)) = (address, window().and_then(|w| w.history().ok())) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{state}")));
    }
    if let (Some(state), Some(storage)) = (stored, storage()) {
        let _ = storage.set_item(STORAGE_KEY, &state);
    }
}

/// Runs one of the core's effects (all but `Render`, which the dispatcher
/// handles); answers come back to `dispatcher` as events.
pub fn run(effect: Effect, dispatcher: &Dispatcher) {
    let answer = |make: fn(bool) -> Event| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |ok: bool| dispatcher.send(make(ok)))
    };
    match effect {
        Effect::Render => {}
        Effect::ReplaceAddress(state) => write_soon(|p| p.address = Some(state)),
        Effect::Persist(state) => write_soon(|p| p.stored = Some(state)),
        Effect::KeepDisplaced(own) => keep_displaced(&own),
        Effect::ForgetDisplaced => forget_displaced(),
        Effect::CopyText { text, what } => {
            let dispatcher = dispatcher.clone();
            copy_text(
                &text,
                Callback::from(move |ok| dispatcher.send(Event::Copied { what, ok })),
            );
        }
        Effect::LoadDetailsText => {
            let dispatcher = dispatcher.clone();
            details_text::load(Callback::from(move |text| {
                dispatcher.send(Event::DetailsArrived(text))
            }));
        }
        Effect::DownloadChart(ChartFormat::Svg) => {
            let ok = export_files::download_svg();
            dispatcher.send(Event::Downloaded {
                format: ChartFormat::Svg,
                ok,
            });
        }
        Effect::DownloadChart(ChartFormat::Png) => {
            export_files::download_png(answer(|ok| Event::Downloaded {
                format: ChartFormat::Png,
                ok,
            }))
        }
        Effect::ShowEmbedDialog => show_dialog(EMBED_DIALOG_ID),
        Effect::ReportHeight { id } => report_height(id),
    }
}

/// The embed dialog's element id.
pub const EMBED_DIALOG_ID: &str = "sw-embed-dialog";

fn show_dialog(id: &str) {
    let dialog = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok());
    if let Some(dialog) = dialog {
        let _ = dialog.show_modal();
    }
}

/// Runs `work` in a task of its own (a zero-delay timer), so start-up is
/// several short tasks the browser can answer input between, not one long
/// one. Without a window (never in a page) it runs at once.
pub fn next_task(work: impl FnOnce() + 'static) {
    match window() {
        Some(window) => {
            let work = Closure::once_into_js(work);
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(work.unchecked_ref(), 0);
        }
        None => work(),
    }
}

/// Copies `text`; `done` gets `true` once the browser confirms, `false`
/// if it refuses (no permission in an iframe, insecure page…).
fn copy_text(text: &str, done: Callback<bool>) {
    let Some(window) = window() else {
        done.emit(false);
        return;
    };
    let on_ok = {
        let done = done.clone();
        Closure::once(move |_: JsValue| done.emit(true))
    };
    let on_err = Closure::once(move |_: JsValue| done.emit(false));
    let _ = window
        .navigator()
        .clipboard()
        .write_text(text)
        .then2(&on_ok, &on_err);
    // The promise settles once; the closures live until then.
    on_ok.forget();
    on_err.forget();
}

/// In an embed: tells the parent page our height whenever it changes, so
/// the loader can size the iframe. Posts only to `window.parent`.
fn report_height(id: Option<String>) {
    let Some(window) = window() else { return };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return; // Not in a frame.
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let post = {
        let root = root.clone();
        let last = RefCell::new(0i32);
        move || {
            // The document's own height (not the frame's): it can shrink too.
            let height = root.get_bounding_client_rect().height().ceil() as i32;
            if height == *last.borrow() {
                return;
            }
            *last.borrow_mut() = height;
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"stackweigh:height".into());
            let _ = js_sys::Reflect::set(
                &message,
                &"id".into(),
                &id.clone().unwrap_or_default().into(),
            );
            let _ = js_sys::Reflect::set(&message, &"height".into(), &f64::from(height).into());
            let _ = parent.post_message(&message, "*");
        }
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        if let Some(body) = window.document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    callback.forget();
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
    let element = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
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
