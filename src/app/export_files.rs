//! Downloads of the radar chart as SVG or PNG, made from the chart on the
//! page (`core::export::standalone_svg` makes it a file of its own).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};
use yew::Callback;

use crate::core::engine::radar::{layout, Scale};
use crate::core::page::export::standalone_svg;
use crate::core::MATRIX;

const FILE_STEM: &str = "stackweigh-node-vs-python";
/// Exported pixel size: twice the chart's view box, for sharp images.
const SCALE: f64 = 2.0;

/// The page's chart as a standalone SVG file, in a blob URL.
fn svg_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let chart = document.query_selector(".sw-radar-svg").ok()??;
    // The view box depends only on the labels, not on the weights.
    let (_, _, width, height) = layout(&MATRIX, &[], Scale::Weighted).view_box;
    let svg = standalone_svg(
        &chart.outer_html(),
        (width * SCALE) as u32,
        (height * SCALE) as u32,
    )?;
    blob_url(&svg, "image/svg+xml")
}

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

/// Downloads `text` as a Markdown file named `file`.
pub fn save_text(file: &str, text: &str) -> bool {
    let Some(url) = blob_url(text, "text/markdown;charset=utf-8") else {
        return false;
    };
    let ok = click_download(&url, file).is_some();
    let _ = Url::revoke_object_url(&url);
    ok
}

pub fn download_svg() -> bool {
    let Some(url) = svg_url() else { return false };
    let ok = click_download(&url, &format!("{FILE_STEM}.svg")).is_some();
    let _ = Url::revoke_object_url(&url);
    ok
}

/// Draws the chart on a canvas and downloads it as PNG; reports once the
/// image has loaded (or failed to).
pub fn download_png(done: Callback<bool>) {
    let (Some(url), Ok(image)) = (svg_url(), HtmlImageElement::new()) else {
        done.emit(false);
        return;
    };
    let on_load = {
        let (image, url, done) = (image.clone(), url.clone(), done.clone());
        Closure::once_into_js(move || {
            let drawn =
                draw(&image).and_then(|data| click_download(&data, &format!("{FILE_STEM}.png")));
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
