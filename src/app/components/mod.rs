pub mod details;
pub mod notice;
pub mod presets;
pub mod radar;
pub mod recommendation;
pub mod sliders;
