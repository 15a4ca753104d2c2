//! The shell's one boundary with the browser outside the tree Yew draws,
//! and its one runtime: [`Runtime`] runs the core's effects and owns what
//! they leave running (the writes waiting for the weights to settle, the
//! reports worker). Each call is guarded: a blocked API degrades, it never
//! breaks the widget. Natively (the build-time prerender) none of it runs.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod answer;
pub mod details_text;
pub mod dom;
mod files;
mod reports;
pub mod storage;
mod writes;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::core::page::effect::{ChartFormat, Effect, DETAILS_AFTER_MS};
use crate::core::page::event::Event;
use crate::core::page::reporting::TeamEvent;

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

/// Puts `#state` in the address bar without a new history entry.
fn replace_address(state: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{state}")));
    }
}

/// Runs the core's effects, and owns what they leave running. One a page.
pub struct Runtime(Rc<Inner>);

#[derive(Default)]
struct Inner {
    writes: RefCell<writes::Writes>,
    reports: RefCell<Option<reports::Client>>,
    /// The share link of the state drawn last, which the crash notice offers.
    link: RefCell<String>,
    /// What watches the verdict scroll out of view.
    watch: RefCell<Option<answer::Watch>>,
    /// The wait before the settled answer is announced.
    announce: RefCell<Option<gloo_timers::callback::Timeout>>,
}

thread_local! {
    /// The page's runtime, for the crash notice alone: a panic hook must be
    /// `Send + Sync`, so it cannot hold the runtime itself.
    static CURRENT: RefCell<Weak<Inner>> = const { RefCell::new(Weak::new()) };
}

impl Runtime {
    pub fn new() -> Self {
        let runtime = Runtime(Rc::default());
        CURRENT.with(|current| *current.borrow_mut() = Rc::downgrade(&runtime.0));
        runtime
    }

    /// Keeps the share link of the state just drawn; the one before, if it
    /// was another.
    pub fn remember_link(&self, link: &str) -> Option<String> {
        let mut last = self.0.link.try_borrow_mut().ok()?;
        (*last != link).then(|| std::mem::replace(&mut *last, link.to_owned()))
    }

    /// Runs one effect (all but `Render`, which the dispatcher handles);
    /// answers come back through `send` as events.
    pub fn run(&self, effect: Effect, send: &Callback<Event>) {
        match effect {
            Effect::Render => {}
            Effect::ReplaceAddress(state) => writes::soon(&self.0, |w| w.address = Some(state)),
            Effect::Persist(state) => writes::soon(&self.0, |w| w.stored = Some(state)),
            Effect::KeepDisplaced(own) => storage::keep_displaced(&own),
            Effect::ForgetDisplaced => storage::forget_displaced(),
            Effect::CopyText { text, what } => {
                copy_text(&text, send.reform(move |ok| Event::Copied { what, ok }));
            }
            Effect::LoadDetailsText => {
                details_text::load(send.reform(Event::DetailsArrived));
            }
            Effect::DownloadChart { format, file, svg } => {
                let done = send.reform(move |ok| Event::Downloaded { format, ok });
                match format {
                    ChartFormat::Svg => done.emit(files::save(&svg, files::SVG, file)),
                    ChartFormat::Png => files::save_png(&svg, file, done),
                }
            }
            Effect::ShowEmbedDialog => dom::show_dialog(dom::EMBED_DIALOG_ID),
            Effect::Ask(request) => reports::ask(&self.0, request, send),
            Effect::SaveText { file, text } => {
                let ok = files::save(&text, files::MARKDOWN, file);
                send.emit(Event::Team(TeamEvent::Saved(ok)));
            }
            // After this turn's render, so the print appendix is on the page.
            Effect::Print => dom::next_task(|| {
                if let Some(window) = window() {
                    let _ = window.print();
                }
            }),
            Effect::PrefetchDetailsLater => {
                let due = send.reform(|()| Event::DetailsDue);
                gloo_timers::callback::Timeout::new(DETAILS_AFTER_MS, move || due.emit(()))
                    .forget();
            }
            Effect::WatchVerdict => answer::watch(&self.0, send),
            Effect::RevealVerdict => answer::reveal(),
            Effect::AnnounceSoon => answer::announce_soon(&self.0, send),
        }
    }
}

/// The share link drawn last, for the crash notice (empty before the
/// first render, or if the runtime is mid-change).
pub fn last_link() -> String {
    let link = |inner: Rc<Inner>| inner.link.try_borrow().ok().map(|l| l.clone());
    current().and_then(link).unwrap_or_default()
}

/// Writes at once what waits to be written (after a crash).
pub fn flush_pending() {
    if let Some(inner) = current() {
        writes::flush(&inner);
    }
}

fn current() -> Option<Rc<Inner>> {
    CURRENT
        .try_with(|current| current.try_borrow().ok()?.upgrade())
        .ok()
        .flatten()
}

/// Copies `text`; `done` gets `true` once the browser confirms, `false`
/// if it refuses or has no clipboard here (an insecure page, an iframe
/// without the permission…).
pub fn copy_text(text: &str, done: Callback<bool>) {
    let navigator = window().map(|w| w.navigator());
    let clipboard = (navigator.and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok()))
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return done.emit(false);
    };
    let answer = |ok: bool| {
        let done = done.clone();
        Closure::once(move |_: JsValue| done.emit(ok))
    };
    let (on_ok, on_err) = (answer(true), answer(false));
    let promise = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(text);
    let _ = promise.then2(&on_ok, &on_err);
    // The promise settles once; the closures live until then.
    on_ok.forget();
    on_err.forget();
}
