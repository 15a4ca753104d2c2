//! Loads the rendered "Why?" text on demand: from an inline
//! `<script type="text/plain" id="sw-details">` when the page carries one
//! (the single-file bundle), otherwise from the file beside index.html.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::XmlHttpRequest;
use yew::Callback;

use crate::core::details::SEPARATOR;
use crate::core::MATRIX;

#[derive(Debug, Clone, PartialEq)]
pub enum DetailsText {
    NotLoaded,
    Loading,
    /// One HTML fragment per criterion, in matrix order.
    Loaded(Rc<Vec<String>>),
    Failed(String),
}

impl DetailsText {
    pub fn fragment(&self, criterion: usize) -> Option<&str> {
        match self {
            DetailsText::Loaded(fragments) => fragments.get(criterion).map(String::as_str),
            _ => None,
        }
    }
}

fn split(payload: &str) -> Result<DetailsText, String> {
    let fragments: Vec<String> = payload.split(SEPARATOR).map(str::to_owned).collect();
    if fragments.len() == MATRIX.criteria.len() {
        Ok(DetailsText::Loaded(Rc::new(fragments)))
    } else {
        Err("the sources file does not match this version of the page; reload to update it".into())
    }
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
        done.emit(split(&payload).unwrap_or_else(DetailsText::Failed));
        return;
    }
    let failed = |why: &str| {
        DetailsText::Failed(format!("The rationale and sources could not be loaded ({why}). Check your connection and open “Why?” again."))
    };
    let Ok(request) = XmlHttpRequest::new() else {
        done.emit(failed("this browser cannot make requests"));
        return;
    };
    if request.open("GET", MATRIX.details_file).is_err() {
        done.emit(failed("the request could not be opened"));
        return;
    }
    let on_load = {
        let request = request.clone();
        let done = done.clone();
        Closure::once_into_js(move || {
            let status = request.status().unwrap_or(0);
            let text = request.response_text().ok().flatten();
            let outcome = match text {
                Some(text) if (200..300).contains(&status) || status == 0 => {
                    split(&text).unwrap_or_else(DetailsText::Failed)
                }
                _ => failed(&format!("status {status}")),
            };
            done.emit(outcome);
        })
    };
    let on_error = Closure::once_into_js(move || done.emit(failed("network error")));
    request.set_onload(Some(on_load.unchecked_ref()));
    request.set_onerror(Some(on_error.unchecked_ref()));
    if request.send().is_err() {
        // onerror reports it.
    }
}
