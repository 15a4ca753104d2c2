//! stackweigh: Node.js vs Python, weighed honestly.
//!
//! `core` is pure Rust (no web dependencies) and holds every rule; `app` is
//! the thin Yew shell that renders the core's view model in the browser (and,
//! natively, to HTML at build time for the prerendered first paint).

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod postbuild;

pub mod app;
