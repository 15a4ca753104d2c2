//! Pure logic: no yew, no web-sys, no gloo. Everything here is tested
//! natively with `cargo test`.

pub mod details;
#[cfg(test)]
mod fixture;
pub mod matrix;
pub mod radar;
pub mod schema;
pub mod score;
pub mod state;
pub mod view;

pub use matrix::MATRIX;

/// The rendered "Why?" text (see [`details`]), for the native `sw-dist`
/// tool that writes it into `dist/`; the wasm loads it from there instead.
#[cfg(not(target_arch = "wasm32"))]
pub const DETAILS_PAYLOAD: &str = include_str!(concat!(env!("OUT_DIR"), "/details.txt"));
