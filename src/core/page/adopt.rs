//! The prerendered page is a live form: what a reader did to it before the
//! app took over becomes events, so nothing they did is lost or reset.

use super::event::Event;
use super::model::{Model, Panel};
use crate::core::engine::matrix::Matrix;
use crate::core::engine::state::Action;

/// Set on the widget's root by the prerendered page's script when a use
/// case is picked before the app is live (its value: the preset id).
pub const PICKED_ATTRIBUTE: &str = "data-picked";

/// What the reader did to the prerendered page, as the shell found it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prerendered {
    /// The use case picked (preset id).
    pub picked: Option<String>,
    /// (criterion id, value) of each range input moved from its default.
    pub moved: Vec<(String, u8)>,
    /// (panel id, open) of each disclosure as found.
    pub panels: Vec<(String, bool)>,
}

/// The events that carry `found` into the live app: the use case first,
/// then the sliders moved (they were moved on top of it), then panels.
pub fn adopt(matrix: &Matrix, model: &Model, found: &Prerendered) -> Vec<Event> {
    let mut events = Vec::new();
    if let Some(index) =
        (found.picked.as_deref()).and_then(|id| matrix.presets.iter().position(|p| p.id == id))
    {
        events.push(Event::State(Action::ApplyPreset(index)));
    }
    for (id, weight) in &found.moved {
        if let Some(criterion) = matrix.criterion_index(id) {
            events.push(Event::State(Action::SetWeight {
                criterion,
                weight: *weight,
            }));
        }
    }
    for (id, open) in &found.panels {
        let panel = Panel::ALL.into_iter().find(|p| p.id() == id);
        if let Some(panel) = panel.filter(|&p| model.panel_open(p) != *open) {
            events.push(Event::PanelToggled { panel, open: *open });
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::PICKED_ATTRIBUTE;

    #[test]
    fn the_boot_script_records_a_pick_where_adopt_reads_it() {
        let boot = include_str!("../../../assets/boot.js");
        assert!(boot.contains(&format!("'{PICKED_ATTRIBUTE}'")));
        assert!(boot.contains("details[data-panel]"));
    }
}
