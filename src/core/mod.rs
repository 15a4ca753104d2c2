//! Pure logic: no yew, no web-sys, no gloo. Everything here is tested
//! natively with `cargo test`.

#[cfg(test)]
mod fixture;
pub mod matrix;
pub mod radar;
pub mod schema;
pub mod score;
pub mod state;
pub mod view;

pub use matrix::MATRIX;
