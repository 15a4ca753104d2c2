//! Every touch of the browser outside the DOM tree Yew owns: the URL,
//! storage, clipboard, the theme attribute and the embed's height messages.
//! Each call is guarded: a blocked API degrades, it never breaks the widget.
//! Natively (the build-time prerender) none of this runs: start-up reads
//! come only from `Booted::from_browser`, which exists on wasm alone.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::startup::Stored;

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

pub fn keep_displaced(value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(DISPLACED_KEY, value);
    }
}

/// What an earlier shared link displaced, if the reader has not chosen yet.
pub fn read_displaced() -> Option<String> {
    storage()?.get_item(DISPLACED_KEY).ok().flatten()
}

pub fn forget_displaced() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DISPLACED_KEY);
    }
}

/// A state waiting to be written: the text, and whether to save it too
/// (an embed never touches storage).
struct Pending {
    state: String,
    save: bool,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    static FLUSH_ON_HIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Puts `state` in the address bar (replacing, not adding, a history
/// entry) and, if `save`, in storage: once the weights have settled for
/// [`WRITE_DELAY_MS`], and at the latest when the page is hidden or left.
pub fn write_state_soon(state: String, save: bool) {
    let already_waiting = PENDING
        .with(|pending| pending.borrow_mut().replace(Pending { state, save }))
        .is_some();
    if already_waiting {
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

/// Writes the pending state, if any.
fn flush_state() {
    let Some(Pending { state, save }) = PENDING.with(|pending| pending.borrow_mut().take()) else {
        return;
    };
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{state}")));
    }
    if save {
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, &state);
        }
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
pub fn copy_text(text: &str, done: yew::Callback<bool>) {
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

/// Sets `data-theme` on `<html>` (the CSS reads it); `auto` removes it.
pub fn set_theme(theme: &str) {
    let root = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = if theme == "auto" {
            root.remove_attribute("data-theme")
        } else {
            root.set_attribute("data-theme", theme)
        };
    }
}

/// Marks `<html>` as an embed, for the compact layout.
pub fn mark_embed() {
    let root = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("data-embed", "");
    }
}

/// In an embed: tells the parent page our height whenever it changes, so
/// the loader can size the iframe. Posts only to `window.parent`.
pub fn report_height(id: Option<String>) {
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
