//! The address bar and storage, written once the weights settle: browsers
//! throttle rapid history updates, and a storage write can stall a slider
//! move. What waits is written after [`WRITE_DELAY_MS`], and at the latest
//! when the page is hidden or left.

use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;

use super::{replace_address, storage, Inner};

const WRITE_DELAY_MS: u32 = 200;

/// What waits to be written, and what will write it.
#[derive(Default)]
pub struct Writes {
    pub address: Option<String>,
    pub stored: Option<String>,
    /// A write is due (the timer is running).
    due: bool,
    /// The latest timer; replaced, never dropped from its own callback.
    timer: Option<Timeout>,
    /// `pagehide` and `visibilitychange`, from the first write on.
    on_hide: Vec<EventListener>,
}

/// Applies `change` to what waits, and makes sure a write is due.
pub fn soon(inner: &Rc<Inner>, change: impl FnOnce(&mut Writes)) {
    let Ok(mut writes) = inner.writes.try_borrow_mut() else {
        return;
    };
    change(&mut writes);
    if std::mem::replace(&mut writes.due, true) {
        return;
    }
    let flusher = |weak: Weak<Inner>| {
        move || {
            if let Some(inner) = weak.upgrade() {
                flush(&inner);
            }
        }
    };
    if writes.on_hide.is_empty() {
        if let Some(window) = web_sys::window() {
            for event in ["pagehide", "visibilitychange"] {
                let flush = flusher(Rc::downgrade(inner));
                let listener = EventListener::new(&window, event, move |_| flush());
                writes.on_hide.push(listener);
            }
        }
    }
    writes.timer = Some(Timeout::new(WRITE_DELAY_MS, flusher(Rc::downgrade(inner))));
}

/// Writes what waits, if anything.
pub fn flush(inner: &Inner) {
    let Ok(mut writes) = inner.writes.try_borrow_mut() else {
        return;
    };
    writes.due = false;
    let (address, stored) = (writes.address.take(), writes.stored.take());
    drop(writes);
    if let Some(state) = address {
        replace_address(&state);
    }
    if let Some(state) = stored {
        storage::store(&state);
    }
}
