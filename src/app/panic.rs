//! What a reader sees when the app panics. The release build aborts on a
//! panic: the hook installed here runs, then the wasm traps and the Yew app
//! is dead. So the hook does everything itself, with plain DOM calls: it
//! marks the widget failed (as the boot script marks a failed start),
//! freezes the controls and shows an alert with the reader's state link, a
//! "Reload" that needs no wasm, and error details to copy. Nothing is sent.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

/// Test builds only (`--features crash-test`): the first change of the
/// weights after start-up (a slider move, say) panics, once its link has
/// been kept. Opening a panel changes the link too, but not the weights.
#[cfg(feature = "crash-test")]
pub fn crash_test_trigger(previous: Option<String>, link: &str) {
    use crate::core::page::crash::weights_differ;
    if previous.is_some_and(|before| !before.is_empty() && weights_differ(&before, link)) {
        panic!("crash-test trigger: the first change after start panics in this test build");
    }
}

/// The release build has no trigger.
#[cfg(not(feature = "crash-test"))]
pub fn crash_test_trigger(_previous: Option<String>, _link: &str) {}

#[cfg(target_arch = "wasm32")]
pub use hook::install;

#[cfg(target_arch = "wasm32")]
mod hook {
    use gloo_events::EventListener;
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Document, Element, HtmlElement};
    use yew::Callback;

    use super::super::browser;
    use crate::core::page::crash::{error_details, hash_of, CopyOutcome, NOTICE};

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
        let remembered = Some(browser::last_link()).filter(|l| !l.is_empty());
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
        browser::flush_pending();
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
        let _ = wire_reload(&reload, link);
        wire_copy(&copy, details, &alert)?;
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
    fn wire_copy(button: &Element, details: &str, alert: &Element) -> Option<()> {
        let status = find(alert, "[role=status]")?;
        let (more, area) = (find(alert, "details")?, find(alert, "textarea")?);
        let details = details.to_owned();
        let on_click = move |_: &web_sys::Event| {
            let (status, more, area) = (status.clone(), more.clone(), area.clone());
            status.set_text_content(Some(""));
            browser::copy_text(
                &details,
                Callback::from(move |copied: bool| {
                    if !copied {
                        let _ = more.set_attribute("open", "");
                        let select = bound(&area, "select", &Array::new());
                        let _ = select.map(|select| select.call0(&area));
                    }
                    say(
                        &status,
                        if copied {
                            CopyOutcome::Copied
                        } else {
                            CopyOutcome::Refused
                        },
                    );
                }),
            );
        };
        EventListener::new(button, "click", on_click).forget();
        Some(())
    }

    fn say(status: &Element, outcome: CopyOutcome) {
        status.set_text_content(Some(outcome.sentence()));
    }
}
