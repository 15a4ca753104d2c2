//! stackweigh: Node.js vs Python, weighed honestly.
//!
//! `core` is pure Rust (no web dependencies) and holds every rule; `app` is
//! the thin Yew shell that renders the core's view model in the browser.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod dist;

#[cfg(target_arch = "wasm32")]
pub mod app;
