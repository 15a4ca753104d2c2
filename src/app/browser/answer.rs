//! The answer where the reader is: whether the verdict is above the
//! viewport (an `IntersectionObserver`, told to the core as
//! `Event::VerdictPassed`), bringing it back, and the half-second wait
//! before the live region announces a settled answer.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use super::dom::by_id;
use super::Inner;
use crate::core::page::answer_view::{RECOMMENDATION_ID, VERDICT_ID};
use crate::core::page::event::Event;

/// How long the weights must rest before the answer is announced.
const ANNOUNCE_DELAY_MS: u32 = 500;

/// The observer and its callback, kept as long as the page.
pub struct Watch {
    _observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

/// Starts watching the verdict (once the first render has drawn it).
pub fn watch(inner: &Rc<Inner>, send: &Callback<Event>) {
    let (weak, send) = (Rc::downgrade(inner), send.clone());
    super::dom::next_task(move || {
        let Some(inner) = weak.upgrade() else { return };
        let Some(verdict) = by_id::<web_sys::Element>(VERDICT_ID) else {
            return;
        };
        let mut last = None;
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries
                .pop()
                .dyn_into::<web_sys::IntersectionObserverEntry>()
                .ok()
            else {
                return;
            };
            // Above the viewport, and not whole on screen: the totals may be gone.
            let top = entry.root_bounds().map_or(0.0, |root| root.top());
            let passed =
                entry.intersection_ratio() < 1.0 && entry.bounding_client_rect().top() < top;
            if last.replace(passed) != Some(passed) {
                send.emit(Event::VerdictPassed(passed));
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_threshold(&js_sys::Array::of2(&0.0.into(), &1.0.into()));
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) else {
            return;
        };
        observer.observe(&verdict);
        let kept = Watch {
            _observer: observer,
            _callback: callback,
        };
        if let Ok(mut watch) = inner.watch.try_borrow_mut() {
            *watch = Some(kept);
        };
    });
}

/// Brings the recommendation into view and moves focus to it.
pub fn reveal() {
    if let Some(region) = by_id::<web_sys::HtmlElement>(RECOMMENDATION_ID) {
        region.scroll_into_view();
        let _ = region.focus();
    }
}

/// Restarts the wait before the answer is announced.
pub fn announce_soon(inner: &Inner, send: &Callback<Event>) {
    let send = send.clone();
    let timer = Timeout::new(ANNOUNCE_DELAY_MS, move || send.emit(Event::AnnouncementDue));
    if let Ok(mut pending) = inner.announce.try_borrow_mut() {
        // Replacing the last timer cancels it.
        *pending = Some(timer);
    } else {
        timer.forget();
    }
}
