//! The page: its model, `update(model, event) -> effects`, the view model,
//! start-up, adoption of what the reader did before the app was live, and
//! the query rule. Uses the engine; asks the reports worker through
//! [`crate::core::protocol`].

pub mod adopt;
pub mod answer_view;
pub mod choices_view;
pub mod contributions_view;
pub mod crash;
pub mod details_text;
pub mod effect;
pub mod event;
pub mod export;
pub mod model;
pub mod query;
pub mod reporting;
pub mod startup;
pub mod update;
pub mod view_model;
