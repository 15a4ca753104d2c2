//! What a reader sees when the app panics. The release build aborts on a
//! panic: the hook installed here runs, then the wasm traps and the Yew app
//! is dead. So the hook does everything itself, with plain DOM calls: it
//! marks the widget failed (as the boot script marks a failed start),
//! freezes the controls and shows an alert with the reader's state link, a
//! "Reload" that needs no wasm, and error details to copy. Nothing is sent.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::cell::RefCell;

thread_local! {
    /// The share link of the state the app rendered last.
    static STATE_LINK: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Called where the app produces its share link, on every render: the
/// hook offers this link, since the address bar is written only after a
/// delay and can lag behind.
pub fn remember_state_link(link: &str) {
    let previous = STATE_LINK.with(|cell| match cell.try_borrow_mut() {
        Ok(mut last) if *last != link => Some(std::mem::replace(&mut *last, link.to_owned())),
        _ => None,
    });
    #[cfg(feature = "crash-test")]
    crash_test_trigger(previous, link);
    #[cfg(not(feature = "crash-test"))]
    drop(previous);
}

/// Test builds only (`--features crash-test`): the first change of the
/// weights after start-up (a slider move, say) panics, after it has been
/// remembered. Opening a panel changes the link too, but not the weights.
#[cfg(feature = "crash-test")]
fn crash_test_trigger(previous: Option<String>, link: &str) {
    let weights = |link: &str| {
        let hash = link.split_once('#').map_or("", |(_, hash)| hash);
        hash.split('&')
            .find(|pair| pair.starts_with("w="))
            .map(str::to_owned)
    };
    if previous.is_some_and(|before| !before.is_empty() && weights(&before) != weights(link)) {
        panic!("crash-test trigger: the first change after start panics in this test build");
    }
}

/// What "Copy error details" copies: enough for a bug report, nothing more.
fn error_details(message: &str, location: &str, link: &str) -> String {
    format!(
        "stackweigh {} stopped with an error.\nError: {message}\nAt: {location}\nState link: {link}\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The hash text of a state link (`page#v=1&w=…` → `v=1&w=…`), if any.
fn hash_of(link: &str) -> Option<&str> {
    link.split_once('#')
        .map(|(_, hash)| hash)
        .filter(|h| !h.is_empty())
}

#[cfg(target_arch = "wasm32")]
pub use hook::install;

#[cfg(target_arch = "wasm32")]
mod hook {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Document, Element, HtmlElement};

    use super::{error_details, hash_of, STATE_LINK};

    /// Installs the hook; call once, before the app renders. Through Yew:
    /// its renderer replaces any other hook with its console logger.
    pub fn install() {
        yew::set_custom_panic_hook(Box::new(|info| {
            let message = info.payload_as_str().unwrap_or("(no message)");
            let location = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            let _ = show_failure(message, &location);
        }));
    }

    /// The details in the console too, as Yew's own hook would have logged.
    fn log(details: &str) -> Option<()> {
        let console = Reflect::get(&js_sys::global(), &"console".into()).ok()?;
        let error: Function = Reflect::get(&console, &"error".into())
            .ok()?
            .dyn_into()
            .ok()?;
        error.call1(&console, &details.into()).ok().map(drop)
    }

    /// Turns the widget into the failure notice; `None` if the page lacks
    /// what it needs (then there is nothing more a dead app can do).
    fn show_failure(message: &str, location: &str) -> Option<()> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let html = document.document_element()?;
        // Before the app's first render there is no state of its own yet:
        // then the address the reader opened is the link.
        let remembered = STATE_LINK
            .try_with(|cell| cell.try_borrow().map(|l| l.clone()).unwrap_or_default())
            .ok()
            .filter(|l| !l.is_empty());
        let link = remembered
            .clone()
            .or_else(|| window.location().href().ok())?;
        let _ = html.set_attribute("data-failed", "");
        let root = match document.get_element_by_id("stackweigh") {
            Some(root) => root,
            None => document.body()?.into(),
        };
        freeze(&root);
        let details = error_details(message, location, &link);
        let _ = log(&details);
        let alert = build_alert(&document, &link, &details)?;
        root.prepend_with_node_1(&alert).ok()?;
        let _ = alert.focus();
        // Put the state in the address bar now, not after the app's delay,
        // and write now whatever the core had asked to keep.
        let hash = hash_of(remembered.as_deref()?)?;
        let history = window.history().ok()?;
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{hash}")));
        super::super::browser::flush_pending();
        Some(())
    }

    /// Nothing left in the widget answers: make every control say so.
    fn freeze(root: &Element) {
        if let Some(dialog) = root.query_selector("dialog[open]").ok().flatten() {
            if let Ok(dialog) = dialog.dyn_into::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        }
        let mut child = root.first_element_child();
        while let Some(element) = child {
            let _ = element.set_attribute("inert", "");
            child = element.next_element_sibling();
        }
    }

    /// The notice's markup: fixed text only; the link and the details are
    /// set as text afterwards.
    const NOTICE: &str = concat!(
        r#"<p id="sw-crash-message" class="sw-boot-error" role="alert">"#,
        "Sorry: the comparator hit an error and has stopped. Reload it to carry on with the same weights.",
        r#"</p><p class="sw-crash-actions"><button type="button" class="sw-button">Reload</button>"#,
        r#"<button type="button" class="sw-button">Copy error details</button></p>"#,
        r#"<p class="sw-crash-link">Your weights: <a target="_blank" rel="noopener"></a></p>"#,
        r#"<p class="sw-crash-status" role="status"></p><details class="sw-crash-details">"#,
        r#"<summary>Error details</summary><textarea readonly rows="5" aria-label="Error details"></textarea></details>"#,
    );

    fn find(root: &Element, selector: &str) -> Option<Element> {
        root.query_selector(selector).ok().flatten()
    }

    /// The notice: one sentence, Reload, the state link, the error details.
    fn build_alert(document: &Document, link: &str, details: &str) -> Option<HtmlElement> {
        let alert = document.create_element("section").ok()?;
        for (name, value) in [
            ("class", "sw-crash"),
            ("aria-labelledby", "sw-crash-message"),
            ("tabindex", "-1"),
        ] {
            alert.set_attribute(name, value).ok()?;
        }
        alert.set_inner_html(NOTICE);
        let anchor = find(&alert, "a")?;
        anchor.set_attribute("href", link).ok()?;
        anchor.set_text_content(Some(link));
        let area = find(&alert, "textarea")?;
        area.set_text_content(Some(details));
        let reload = find(&alert, "button")?;
        let copy = reload.next_element_sibling()?;
        let status = find(&alert, "[role=status]")?;
        let _ = wire_reload(&reload, link);
        wire_copy(&copy, details, &status, &find(&alert, "details")?, &area);
        alert.dyn_into().ok()
    }

    /// `target.method.bind(target, …args)`: a plain JavaScript function,
    /// which still runs once the wasm has trapped.
    fn bound(target: &JsValue, method: &str, args: &Array) -> Option<Function> {
        let method: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
        let bind: Function = Reflect::get(&method, &"bind".into())
            .ok()?
            .dyn_into()
            .ok()?;
        args.unshift(target);
        bind.apply(&method, args).ok()?.dyn_into().ok()
    }

    /// Reload is two JavaScript calls bound now, no wasm: put the state
    /// link's hash in the address (a link that differs only in its hash
    /// would not reload the page), then reload.
    fn wire_reload(button: &Element, link: &str) -> Option<()> {
        let window = web_sys::window()?;
        if let Some(hash) = hash_of(link) {
            let args = Array::of3(&JsValue::NULL, &"".into(), &format!("#{hash}").into());
            let set_hash = bound(&window.history().ok()?.into(), "replaceState", &args)?;
            button
                .add_event_listener_with_callback("click", &set_hash)
                .ok()?;
        }
        let reload = bound(&window.location().into(), "reload", &Array::new())?;
        button
            .add_event_listener_with_callback("click", &reload)
            .ok()
    }

    /// Copying needs the clipboard's answer, so it runs wasm (a closure
    /// that touches no app state); the details stay selectable either way.
    fn wire_copy(
        button: &Element,
        details: &str,
        status: &Element,
        more: &Element,
        area: &Element,
    ) {
        let (details, status, more, area) = (
            details.to_owned(),
            status.clone(),
            more.clone(),
            area.clone(),
        );
        let on_click = Closure::<dyn Fn()>::new(move || {
            let say = |text: &str| status.set_text_content(Some(text));
            let (fallback_status, more, area) = (status.clone(), more.clone(), area.clone());
            let fallback = move || {
                let _ = more.set_attribute("open", "");
                let _ = bound(&area, "select", &Array::new()).map(|select| select.call0(&area));
                fallback_status.set_text_content(Some(
                    "Your browser did not allow copying here: the details are selected below; copy them yourself.",
                ));
            };
            let clipboard = web_sys::window()
                .map(|w| w.navigator())
                .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
                .filter(|c| !c.is_undefined());
            let Some(clipboard) = clipboard else {
                return fallback();
            };
            say("");
            let status = status.clone();
            let on_ok = Closure::once(move |_: JsValue| {
                status.set_text_content(Some("Copied the error details."))
            });
            let on_err = Closure::once(move |_: JsValue| fallback());
            let _ = clipboard
                .unchecked_into::<web_sys::Clipboard>()
                .write_text(&details)
                .then2(&on_ok, &on_err);
            on_ok.forget();
            on_err.forget();
        });
        let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_details_carry_the_message_location_version_and_link() {
        let text = error_details("boom", "src/x.rs:1:2", "https://h/p/#v=1&w=55");
        assert!(text.contains("Error: boom"));
        assert!(text.contains("At: src/x.rs:1:2"));
        assert!(text.contains(env!("CARGO_PKG_VERSION")));
        assert!(text.contains("State link: https://h/p/#v=1&w=55"));
    }

    #[test]
    fn the_hash_of_a_state_link_is_what_follows_the_first_hash_sign() {
        assert_eq!(hash_of("https://h/p/#v=1&w=55"), Some("v=1&w=55"));
        assert_eq!(hash_of("https://h/p/"), None);
        assert_eq!(hash_of("https://h/p/#"), None);
    }

    #[test]
    fn the_last_rendered_link_is_remembered() {
        remember_state_link("https://h/#v=1&w=1");
        remember_state_link("https://h/#v=1&w=1");
        STATE_LINK.with(|l| assert_eq!(*l.borrow(), "https://h/#v=1&w=1"));
    }
}
