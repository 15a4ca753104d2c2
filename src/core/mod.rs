//! Pure logic: no yew, no web-sys, no js-sys, no wasm-bindgen (a test in
//! `tests/architecture.rs` checks it). Everything here is tested natively.
//!
//! Three rooms with one-way doors:
//! - [`engine`]: the matrix, scoring, insight, sensitivity, the radar's
//!   layout, the share codec and the state;
//! - [`page`]: the page's model, `update`, `view_model`, start-up, adoption
//!   of early input, the query rule;
//! - [`reports`]: the team analysis, the decision record, the print
//!   appendix and "How we score", run by the reports worker.
//!
//! `page` and `reports` use `engine`, never each other; they talk through
//! [`protocol`] (which uses only `engine`).

pub mod engine;
pub mod page;
pub mod protocol;
pub mod reports;

pub use engine::matrix::MATRIX;

/// The rendered "Why?" text (see [`engine::details`]), for the native
/// `postbuild` tool that writes it into `dist/`; the wasm loads it from there.
#[cfg(not(target_arch = "wasm32"))]
pub const DETAILS_PAYLOAD: &str = include_str!(concat!(env!("OUT_DIR"), "/details.txt"));
