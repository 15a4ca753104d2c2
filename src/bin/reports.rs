//! The reports worker (`reports`): a Web Worker the page starts on first
//! use of the team view, a decision record, print or "How we score", so
//! their code is never part of the page's first load. Each message is a
//! `core::protocol::Request` as a JS array of strings, answered by
//! `core::reports::answer` with an `Answer`. Once its handler is installed
//! it posts `Answer::Ready`: a message sent before the wasm has started
//! would find no handler, so the page waits for that.

// Talc, as in the page's binary: 2.6 kB gzip smaller here than the default
// dlmalloc (docs/performance-notes.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    use stackweigh::core::protocol::{Answer, Request};
    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    stackweigh::core::engine::share::team_link::fold_names_with(fold_name);
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = match Request::decode(&strings(&event.data())) {
            Ok(request) => stackweigh::core::reports::answer(&stackweigh::core::MATRIX, &request),
            Err(error) => Answer::Unreadable(error),
        };
        // Posting an array of strings cannot fail to clone; nothing to report.
        let _ = replies.post_message(&array(&answer.encode()));
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    let _ = scope.post_message(&array(&Answer::Ready.encode()));
}

/// A name as team names are compared: the browser's NFKC and case mapping
/// (see `team_link::Fold`).
#[cfg(target_arch = "wasm32")]
fn fold_name(name: &str) -> String {
    let name = js_sys::JsString::from(name).normalize("NFKC");
    String::from(name.to_upper_case().to_lower_case().normalize("NFKC"))
}

/// A request's strings: anything but an array is an empty request (answered
/// as unreadable), anything but a string in it an empty field.
#[cfg(target_arch = "wasm32")]
fn strings(data: &wasm_bindgen::JsValue) -> Vec<String> {
    if !js_sys::Array::is_array(data) {
        return Vec::new();
    }
    js_sys::Array::from(data)
        .iter()
        .map(|value| value.as_string().unwrap_or_default())
        .collect()
}

#[cfg(target_arch = "wasm32")]
fn array(strings: &[String]) -> js_sys::Array {
    strings
        .iter()
        .map(|text| wasm_bindgen::JsValue::from_str(text))
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("reports is the page's reports worker: `trunk build --release` builds it.");
}
