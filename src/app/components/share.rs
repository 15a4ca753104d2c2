use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::app::browser;
use crate::app::export_files;
use crate::core::export::{embed_snippets, markdown};
use crate::core::MATRIX;

pub struct ShareBarProps {
    /// The last outcome of a copy or download, announced to the reader.
    pub status: UseStateHandle<String>,
    /// The embed dialog.
    pub dialog: NodeRef,
    /// Whether the embed dialog is open: its live preview (a whole second
    /// instance of the app) exists only then, instead of reloading in the
    /// background on every slider move.
    pub dialog_open: UseStateHandle<bool>,
    /// The page's address with the current state in its hash.
    pub link: String,
    /// The state as hash text (for the embed snippets).
    pub state_text: String,
    pub weights: Vec<u8>,
    pub visible: Option<Vec<usize>>,
    pub preset: Option<usize>,
    pub embed: bool,
}

/// Copy link, embed, and export: what a reader or blog author takes away.
pub fn share_bar(props: &ShareBarProps) -> Html {
    let status = props.status.clone();
    let dialog = props.dialog.clone();

    // What to copy is worked out only when the button is pressed.
    let copy = |make: Rc<dyn Fn() -> String>, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            browser::copy_text(
                &make(),
                Callback::from(move |ok: bool| {
                    status.set(if ok {
                        format!("Copied the {what}.")
                    } else {
                        format!("Your browser did not allow copying here; select the {what} and copy it yourself.")
                    })
                }),
            );
        })
    };
    let text = |value: String| -> Rc<dyn Fn() -> String> { Rc::new(move || value.clone()) };
    let on_copy_link = copy(text(props.link.clone()), "link");
    let on_markdown = {
        let (weights, visible) = (props.weights.clone(), props.visible.clone());
        copy(
            Rc::new(move || markdown(&MATRIX, &weights, visible.as_deref())),
            "Markdown table",
        )
    };
    let on_svg = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(if export_files::download_svg() {
                "Chart downloaded as SVG.".into()
            } else {
                "The chart could not be downloaded here.".into()
            });
        })
    };
    let on_png = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            export_files::download_png(Callback::from(move |ok: bool| {
                status.set(if ok {
                    "Chart downloaded as PNG.".into()
                } else {
                    "The chart could not be turned into a PNG here.".into()
                })
            }));
        })
    };
    let open_dialog = {
        let (dialog, open) = (dialog.clone(), props.dialog_open.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                if d.show_modal().is_ok() {
                    open.set(true);
                }
            }
        })
    };
    // Escape, the Close button and the form all end in the `close` event.
    let on_closed = {
        let open = props.dialog_open.clone();
        Callback::from(move |_: Event| open.set(false))
    };
    let close_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            target.select();
        }
    });

    let page = props.link.split('#').next().unwrap_or_default().to_string();
    let preset_id = props
        .preset
        .and_then(|p| MATRIX.presets.get(p))
        .map(|p| p.id);
    let (loader, iframe) = embed_snippets(&page, &props.state_text, preset_id);
    let preview = props
        .dialog_open
        .then(|| format!("{page}?embed=1#{}", props.state_text));

    html! {
        <section class="sw-share" aria-labelledby="sw-share-heading">
            <h2 id="sw-share-heading">{ if props.embed { "Share" } else { "Share, embed, export" } }</h2>
            <div class="sw-share-row">
                <label for="sw-link" class="sw-visually-hidden">{ "Link to these settings" }</label>
                <input id="sw-link" class="sw-link" type="text" readonly=true value={props.link.clone()} onfocus={select_all} />
                <button type="button" class="sw-button" onclick={on_copy_link}>{ "Copy link" }</button>
            </div>
            if !props.embed {
                <div class="sw-share-row">
                    <button type="button" class="sw-button" onclick={open_dialog}>{ "Embed this" }</button>
                    <button type="button" class="sw-button" onclick={on_markdown}>{ "Copy as Markdown table" }</button>
                    <button type="button" class="sw-button" onclick={on_svg}>{ "Download chart (SVG)" }</button>
                    <button type="button" class="sw-button" onclick={on_png}>{ "Download chart (PNG)" }</button>
                </div>
            }
            <p class="sw-share-status" role="status">{ (*status).clone() }</p>
            if !props.embed {
                <dialog ref={dialog} class="sw-dialog" aria-labelledby="sw-embed-heading" onclose={on_closed}>
                    <h2 id="sw-embed-heading">{ "Embed this comparison" }</h2>
                    <p>{ "Paste one of these into your post. The first sizes itself to its content and loads only when a reader scrolls to it; the second is a plain iframe for platforms that strip scripts." }</p>
                    <label for="sw-snippet-loader">{ "Auto-sizing widget (recommended)" }</label>
                    <textarea id="sw-snippet-loader" class="sw-snippet" readonly=true rows="4" value={loader.clone()} />
                    <button type="button" class="sw-button" onclick={copy(text(loader), "widget snippet")}>{ "Copy widget snippet" }</button>
                    <label for="sw-snippet-iframe">{ "Plain iframe" }</label>
                    <textarea id="sw-snippet-iframe" class="sw-snippet" readonly=true rows="3" value={iframe.clone()} />
                    <button type="button" class="sw-button" onclick={copy(text(iframe), "iframe snippet")}>{ "Copy iframe snippet" }</button>
                    // A picture of the embed, not a second widget to operate:
                    // inert, so Tab stays among the dialog's own controls
                    // (the preview alone has dozens of stops) and Escape
                    // always closes the dialog.
                    <p class="sw-dialog-preview-label" aria-hidden="true">{ "Preview" }</p>
                    if let Some(src) = preview {
                        <iframe class="sw-dialog-preview" title="Preview of the embedded widget" {src} inert=true></iframe>
                    }
                    <form method="dialog">
                        <button type="submit" class="sw-button" onclick={close_dialog}>{ "Close" }</button>
                    </form>
                </dialog>
            }
        </section>
    }
}
