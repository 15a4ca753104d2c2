//! The Yew shell: renders the core's view model and sends `Action`s back.

mod browser;
mod components;
mod details_text;
mod export_files;
mod root;
mod state;

pub use root::App;

/// Mounts the app into `#stackweigh` (falls back to `<body>`).
pub fn mount() {
    let root = root_element();
    match root {
        Some(element) => yew::Renderer::<App>::with_root(element).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id("stackweigh")
}
