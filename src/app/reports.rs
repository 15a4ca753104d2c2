//! The page's side of the reports worker (`core::reports`, binary
//! `reports`): started on the first request, from the URL the build puts
//! in the boot script's `data-reports`. Requests wait until the worker says
//! it is ready (a message sent before its wasm is running would be lost);
//! answers and failures come back to the dispatcher as events.

use std::cell::RefCell;

use js_sys::Array;
use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Worker;

use super::dispatch::Dispatcher;
use super::dom;
use crate::core::reports::{ATTRIBUTE, READY};
use crate::core::team_html::{ID_PREFIX, PASTE_ID};
use crate::core::teamwork::TeamEvent;
use crate::core::update::Event;

/// How long a worker may take to start before the reader is told.
const START_TIMEOUT_MS: i32 = 15_000;

struct Client {
    worker: Worker,
    ready: bool,
    queue: Vec<Array>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Sends `request` to the worker, starting it if need be.
pub fn ask(request: Vec<String>, dispatcher: &Dispatcher) {
    let message: Array = request.iter().map(|s| JsValue::from_str(s)).collect();
    if CLIENT.with(|c| c.borrow().is_none()) {
        match start(dispatcher) {
            Ok(client) => CLIENT.with(|c| *c.borrow_mut() = Some(client)),
            Err(why) => return fail(dispatcher, why),
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
        fail(dispatcher, "the request could not be sent".into());
    }
}

fn fail(dispatcher: &Dispatcher, why: String) {
    dispatcher.send(Event::Team(TeamEvent::Failed(why)));
}

fn worker_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("script[{ATTRIBUTE}]"))
        .ok()??
        .get_attribute(ATTRIBUTE)
}

fn start(dispatcher: &Dispatcher) -> Result<Client, String> {
    let url =
        worker_url().ok_or_else(|| "this copy of the page has no reports worker".to_string())?;
    let worker = Worker::new(&url).map_err(|_| "this browser would not start it".to_string())?;
    let on_message = {
        let dispatcher = dispatcher.clone();
        Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let data = Reflect::get(&event, &"data".into()).unwrap_or_default();
            let answer: Vec<String> = Array::from(&data)
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect();
            if answer.first().map(String::as_str) == Some(READY) {
                became_ready();
            } else {
                // The panel is drawn anew: focus returns to the control the
                // reader used (or the paste box, if that control is gone).
                let focused = dom::focused_id().filter(|id| id.starts_with(ID_PREFIX));
                dispatcher.send(Event::Team(TeamEvent::Answered(answer)));
                if let Some(id) = focused {
                    dom::next_task(move || dom::focus_first(&[&id, PASTE_ID]));
                }
            }
        })
    };
    let on_error = {
        let dispatcher = dispatcher.clone();
        Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            forget_worker();
            // An ErrorEvent's message, if the browser gives one.
            let message = Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            let why = if message.is_empty() {
                "it could not be loaded".into()
            } else {
                message
            };
            fail(&dispatcher, why);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the page.
    on_message.forget();
    on_error.forget();
    watch_start(dispatcher);
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
fn watch_start(dispatcher: &Dispatcher) {
    let dispatcher = dispatcher.clone();
    let check = Closure::once_into_js(move || {
        let stuck = CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| !c.ready));
        if stuck {
            forget_worker();
            fail(&dispatcher, "it did not start in time".into());
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            check.unchecked_ref(),
            START_TIMEOUT_MS,
        );
    }
}

fn forget_worker() {
    if let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) {
        client.worker.terminate();
    }
}
