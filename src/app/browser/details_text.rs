//! Loads the rendered "Why?" text on demand: from an inline
//! `<script type="text/plain" id="sw-details">` when the page carries one
//! (the single-file bundle), otherwise from the file beside index.html.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::XmlHttpRequest;
use yew::Callback;

use crate::core::page::details_text::{DetailsText, LoadFailure};
use crate::core::MATRIX;

fn split(payload: String) -> DetailsText {
    DetailsText::from_payload(payload, MATRIX.criteria.len())
}

fn inline_payload() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id("sw-details")?
        .text_content()
}

/// Starts loading and reports the outcome once through `done`.
pub fn load(done: Callback<DetailsText>) {
    if let Some(payload) = inline_payload() {
        done.emit(split(payload));
        return;
    }
    let Ok(request) = XmlHttpRequest::new() else {
        done.emit(DetailsText::Failed(LoadFailure::NoRequest));
        return;
    };
    if request.open("GET", MATRIX.details_file).is_err() {
        done.emit(DetailsText::Failed(LoadFailure::NoRequest));
        return;
    }
    let on_load = {
        let request = request.clone();
        let done = done.clone();
        Closure::once_into_js(move || {
            let status = request.status().unwrap_or(0);
            let text = request.response_text().ok().flatten();
            let outcome = match text {
                Some(text) if (200..300).contains(&status) || status == 0 => split(text),
                _ => DetailsText::Failed(LoadFailure::Status(status)),
            };
            done.emit(outcome);
        })
    };
    let on_error =
        Closure::once_into_js(move || done.emit(DetailsText::Failed(LoadFailure::Network)));
    request.set_onload(Some(on_load.unchecked_ref()));
    request.set_onerror(Some(on_error.unchecked_ref()));
    if request.send().is_err() {
        // onerror reports it.
    }
}
