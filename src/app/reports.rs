//! The page's side of the reports worker (`core::reports`, binary
//! `reports`): started on the first request, from the URL the build puts in
//! the boot script's `data-reports`. Requests wait until the worker says it
//! is ready (a message sent before its wasm is running would be lost);
//! answers and failures come back as events.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Worker;

use crate::core::page::event::Event;
use crate::core::page::reporting::ReportError;
use crate::core::protocol::{Answer, Request, ATTRIBUTE};
use yew::Callback;

/// How long a worker may take to start before the reader is told.
const START_TIMEOUT_MS: u32 = 15_000;

struct Client {
    worker: Worker,
    ready: bool,
    queue: Vec<Array>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Sends `request` to the worker, starting it if need be.
pub fn ask(request: Request, send: &Callback<Event>) {
    let message: Array = request
        .encode()
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    if CLIENT.with(|c| c.borrow().is_none()) {
        match start(send) {
            Ok(client) => CLIENT.with(|c| *c.borrow_mut() = Some(client)),
            Err(error) => return fail(send, error),
        }
    }
    let sent = CLIENT.with(|client| match client.borrow_mut().as_mut() {
        Some(client) if client.ready => client.worker.post_message(&message).is_ok(),
        Some(client) => {
            client.queue.push(message);
            true
        }
        None => false,
    });
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

fn start(send: &Callback<Event>) -> Result<Client, ReportError> {
    let url = worker_url().ok_or(ReportError::Missing)?;
    let worker = Worker::new(&url).map_err(|_| ReportError::Refused)?;
    let on_message = {
        let send = send.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let message: Vec<String> = Array::from(&event.data())
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect();
            match Answer::decode(&message) {
                Ok(Answer::Ready) => became_ready(),
                Ok(answer) => send.emit(Event::Reports(Ok(answer))),
                Err(error) => fail(&send, ReportError::Unreadable(error)),
            }
        })
    };
    let on_error = {
        let send = send.clone();
        Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
            forget_worker();
            fail(&send, ReportError::Failed(event.message()));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the page.
    on_message.forget();
    on_error.forget();
    watch_start(send);
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
    })
}

fn became_ready() {
    CLIENT.with(|client| {
        if let Some(client) = client.borrow_mut().as_mut() {
            client.ready = true;
            for message in client.queue.drain(..) {
                let _ = client.worker.post_message(&message);
            }
        }
    });
}

/// A worker that never says it is ready (blocked, or offline before its
/// files were cached) is dropped, so the next request tries again.
fn watch_start(send: &Callback<Event>) {
    let send = send.clone();
    gloo_timers::callback::Timeout::new(START_TIMEOUT_MS, move || {
        let stuck = CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| !c.ready));
        if stuck {
            forget_worker();
            fail(&send, ReportError::Slow);
        }
    })
    .forget();
}

fn forget_worker() {
    if let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) {
        client.worker.terminate();
    }
}
