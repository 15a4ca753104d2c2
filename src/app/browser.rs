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

use super::{details_text, dom, export_files, reports};
use crate::core::page::effect::{ChartFormat, Effect};
use crate::core::page::event::Event;
use crate::core::page::reporting::TeamEvent;
use crate::core::page::startup::Stored;

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

/// Writes at once what waits to be written (after a crash, say).
pub fn flush_pending() {
    flush_state();
}

/// Writes what is pending, if anything.
fn flush_state() {
    WAITING.set(false);
    let taken = PENDING.try_with(|pending| {
        pending
            .try_borrow_mut()
            .map(|mut p| std::mem::take(&mut *p))
    });
    let Ok(Ok(Pending { address, stored })) = taken else {
        return;
    };
    if let (Some(state), Some(history)) = (address, window().and_then(|w| w.history().ok())) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{state}")));
    }
    if let (Some(state), Some(storage)) = (stored, storage()) {
        let _ = storage.set_item(STORAGE_KEY, &state);
    }
}

/// Runs one of the core's effects (all but `Render`, which the dispatcher
/// handles); answers come back through `send` as events.
pub fn run(effect: Effect, send: &Callback<Event>) {
    let answer = |make: fn(bool) -> Event| {
        let send = send.clone();
        Callback::from(move |ok: bool| send.emit(make(ok)))
    };
    match effect {
        Effect::Render => {}
        Effect::ReplaceAddress(state) => write_soon(|p| p.address = Some(state)),
        Effect::Persist(state) => write_soon(|p| p.stored = Some(state)),
        Effect::KeepDisplaced(own) => keep_displaced(&own),
        Effect::ForgetDisplaced => forget_displaced(),
        Effect::CopyText { text, what } => {
            let send = send.clone();
            copy_text(
                &text,
                Callback::from(move |ok| send.emit(Event::Copied { what, ok })),
            );
        }
        Effect::LoadDetailsText => {
            let send = send.clone();
            details_text::load(Callback::from(move |text| {
                send.emit(Event::DetailsArrived(text))
            }));
        }
        Effect::DownloadChart(ChartFormat::Svg) => {
            let ok = export_files::download_svg();
            send.emit(Event::Downloaded {
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
        Effect::ShowEmbedDialog => dom::show_dialog(dom::EMBED_DIALOG_ID),
        Effect::Ask(request) => reports::ask(request, send),
        Effect::SaveText { file, text } => {
            let ok = export_files::save_text(file, &text);
            send.emit(Event::Team(TeamEvent::Saved(ok)));
        }
        // After this turn's render, so the print appendix is on the page.
        Effect::Print => dom::next_task(|| {
            if let Some(window) = window() {
                let _ = window.print();
            }
        }),
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
