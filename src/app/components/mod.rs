pub mod contributions;
pub mod details;
pub mod notice;
pub mod presets;
pub mod questionnaire;
pub mod radar;
pub mod recommendation;
pub mod sliders;
