//! The page's side of the reports worker (`core::reports`, binary
//! `reports`): started on the first request, from the URL the build puts in
//! the boot script's `data-reports`. Requests wait until the worker says it
//! is ready (a message sent before its wasm is running would be lost);
//! answers and failures come back as events.

use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Worker;
use yew::Callback;

use super::Inner;
use crate::core::page::event::Event;
use crate::core::page::reporting::ReportError;
use crate::core::protocol::{Answer, Request, ATTRIBUTE};

/// How long a worker may take to start before the reader is told.
const START_TIMEOUT_MS: u32 = 15_000;

/// The running worker, what waits for it to be ready, and its listeners,
/// which live as long as it does.
pub struct Client {
    worker: Worker,
    ready: bool,
    queue: Vec<Array>,
    _listeners: [EventListener; 2],
    _start: Timeout,
}

/// Sends `request` to the worker, starting it if need be.
pub fn ask(inner: &Rc<Inner>, request: Request, send: &Callback<Event>) {
    let message: Array = (request.encode().iter())
        .map(|s| JsValue::from_str(s))
        .collect();
    let Ok(mut client) = inner.reports.try_borrow_mut() else {
        return fail(send, ReportError::NotSent);
    };
    if client.is_none() {
        match start(Rc::downgrade(inner), send) {
            Ok(started) => *client = Some(started),
            Err(error) => {
                drop(client);
                return fail(send, error);
            }
        }
    }
    let sent = match client.as_mut() {
        Some(client) if client.ready => client.worker.post_message(&message).is_ok(),
        Some(client) => {
            client.queue.push(message);
            true
        }
        None => false,
    };
    drop(client);
    if !sent {
        fail(send, ReportError::NotSent);
    }
}

fn fail(send: &Callback<Event>, error: ReportError) {
    send.emit(Event::Reports(Err(error)));
}

fn worker_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("script[{ATTRIBUTE}]"))
        .ok()??
        .get_attribute(ATTRIBUTE)
}

fn start(inner: Weak<Inner>, send: &Callback<Event>) -> Result<Client, ReportError> {
    let url = worker_url().ok_or(ReportError::Missing)?;
    let worker = Worker::new(&url).map_err(|_| ReportError::Refused)?;
    let on_message = {
        let (inner, send) = (inner.clone(), send.clone());
        EventListener::new(&worker, "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let message: Vec<String> = (Array::from(&event.data()).iter())
                .map(|v| v.as_string().unwrap_or_default())
                .collect();
            match Answer::decode(&message) {
                Ok(Answer::Ready) => became_ready(&inner),
                Ok(answer) => send.emit(Event::Reports(Ok(answer))),
                Err(error) => fail(&send, ReportError::Unreadable(error)),
            }
        })
    };
    let on_error = {
        let (inner, send) = (inner.clone(), send.clone());
        EventListener::new(&worker, "error", move |event| {
            let message = (event.dyn_ref::<web_sys::ErrorEvent>())
                .map(|e| e.message())
                .unwrap_or_default();
            forget_worker(&inner);
            fail(&send, ReportError::Failed(message));
        })
    };
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        _listeners: [on_message, on_error],
        _start: watch_start(inner, send),
    })
}

fn became_ready(inner: &Weak<Inner>) {
    let Some(inner) = inner.upgrade() else { return };
    let Ok(mut client) = inner.reports.try_borrow_mut() else {
        return;
    };
    if let Some(client) = client.as_mut() {
        client.ready = true;
        for message in client.queue.drain(..) {
            let _ = client.worker.post_message(&message);
        }
    }
}

/// A worker that never says it is ready (blocked, or offline before its
/// files were cached) is dropped, so the next request tries again.
fn watch_start(inner: Weak<Inner>, send: &Callback<Event>) -> Timeout {
    let send = send.clone();
    Timeout::new(START_TIMEOUT_MS, move || {
        let stuck = (inner.upgrade())
            .and_then(|i| Some(i.reports.try_borrow().ok()?.as_ref()?.ready))
            == Some(false);
        if stuck {
            forget_worker(&inner);
            fail(&send, ReportError::Slow);
        }
    })
}

/// Stops the worker; its listeners and timer go with it.
fn forget_worker(inner: &Weak<Inner>) {
    let Some(inner) = inner.upgrade() else { return };
    let taken = inner
        .reports
        .try_borrow_mut()
        .ok()
        .and_then(|mut c| c.take());
    if let Some(client) = taken {
        client.worker.terminate();
    }
}
