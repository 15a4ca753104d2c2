//! Downloads: text as a file, and the chart's SVG drawn on a canvas for a
//! PNG. What a file holds and what it is called are the core's.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};
use yew::Callback;

pub const SVG: &str = "image/svg+xml";
pub const MARKDOWN: &str = "text/markdown;charset=utf-8";

/// `text` as a file of type `mime`, in a blob URL.
fn blob_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

fn click_download(url: &str, file: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(url);
    anchor.set_download(file);
    anchor.click();
    Some(())
}

/// Downloads `text` as a file named `file`; whether the browser took it.
pub fn save(text: &str, mime: &str, file: &str) -> bool {
    let Some(url) = blob_url(text, mime) else {
        return false;
    };
    let ok = click_download(&url, file).is_some();
    let _ = Url::revoke_object_url(&url);
    ok
}

/// Draws `svg` on a canvas and downloads it as the PNG `file`; `done`
/// hears once the image has loaded and been saved, or failed to.
pub fn save_png(svg: &str, file: &'static str, done: Callback<bool>) {
    let (Some(url), Ok(image)) = (blob_url(svg, SVG), HtmlImageElement::new()) else {
        return done.emit(false);
    };
    let on_load = {
        let (image, url, done) = (image.clone(), url.clone(), done.clone());
        Closure::once_into_js(move || {
            let drawn = draw(&image).and_then(|data| click_download(&data, file));
            let _ = Url::revoke_object_url(&url);
            done.emit(drawn.is_some());
        })
    };
    let on_error = Closure::once_into_js(move || done.emit(false));
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
}

fn draw(image: &HtmlImageElement) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(image.natural_width());
    canvas.set_height(image.natural_height());
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element(image, 0.0, 0.0)
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
