use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::button;

use super::send;

use crate::app::browser::dom::EMBED_DIALOG_ID;
use crate::core::page::effect::{ChartFormat, Copyable};
use crate::core::page::event::Event;
use crate::core::page::view_model::{EmbedDialogView, ShareView};

/// Copy link, embed, and export: what a reader or blog author takes away.
pub fn share_section(view: &ShareView, on: &Callback<Event>) -> Html {
    let copy = |what: Copyable| send(on, Event::Copy(what));
    let download = |format: ChartFormat| send(on, Event::Download(format));
    html! {
        <section class="sw-share" aria-labelledby="sw-share-heading">
            <h2 id="sw-share-heading">{ view.heading }</h2>
            <div class="sw-share-row">
                <label for="sw-link" class="sw-visually-hidden">{ "Link to these settings" }</label>
                <input id="sw-link" class="sw-link" type="text" readonly=true value={view.link.clone()} onfocus={Callback::from(select_all)} />
                { button("Copy link", copy(Copyable::Link)) }
            </div>
            if view.exports {
                <div class="sw-share-row">
                    { button("Embed this", send(on, Event::OpenEmbedDialog)) }
                    { button("Copy as Markdown table", copy(Copyable::Markdown)) }
                    { button("Download chart (SVG)", download(ChartFormat::Svg)) }
                    { button("Download chart (PNG)", download(ChartFormat::Png)) }
                </div>
            }
            <p class="sw-share-status" role="status">{ &view.status }</p>
            if let Some(dialog) = &view.dialog {
                { embed_dialog(dialog, on) }
            }
        </section>
    }
}

fn select_all(event: FocusEvent) {
    if let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        target.select();
    }
}

fn embed_dialog(view: &EmbedDialogView, on: &Callback<Event>) -> Html {
    let copy = |what: Copyable| send(on, Event::Copy(what));
    // Escape, the Close button and the form all end in the `close` event.
    let on_closed = send(on, Event::EmbedDialogClosed);
    html! {
        <dialog id={EMBED_DIALOG_ID} class="sw-dialog" aria-labelledby="sw-embed-heading" onclose={on_closed}>
            <h2 id="sw-embed-heading">{ "Embed this comparison" }</h2>
            <p>{ "Paste one of these into your post. The first sizes itself to its content and loads only when a reader scrolls to it; the second is a plain iframe for platforms that strip scripts." }</p>
            <label for="sw-snippet-loader">{ "Auto-sizing widget (recommended)" }</label>
            <textarea id="sw-snippet-loader" class="sw-snippet" readonly=true rows="4" value={view.loader.clone()} />
            { button("Copy widget snippet", copy(Copyable::LoaderSnippet)) }
            <label for="sw-snippet-iframe">{ "Plain iframe" }</label>
            <textarea id="sw-snippet-iframe" class="sw-snippet" readonly=true rows="3" value={view.iframe.clone()} />
            { button("Copy iframe snippet", copy(Copyable::IframeSnippet)) }
            <p class="sw-share-status" role="status">{ &view.status }</p>
            // A picture of the embed, not a second widget to operate: inert,
            // so Tab stays among the dialog's own controls.
            <p class="sw-dialog-preview-label" aria-hidden="true">{ "Preview" }</p>
            if let Some(src) = view.preview.clone() {
                <iframe class="sw-dialog-preview" title="Preview of the embedded widget" {src} inert=true></iframe>
            }
            <form method="dialog">
                <button type="submit" class="sw-button">{ "Close" }</button>
            </form>
        </dialog>
    }
}
