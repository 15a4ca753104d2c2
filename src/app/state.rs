//! `impl Reducible` for the core's state: the one place state changes.

use std::rc::Rc;
use yew::Reducible;

use crate::core::state::{Action, State};
use crate::core::MATRIX;

#[derive(Debug, Clone, PartialEq)]
pub struct AppState(pub State);

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(&MATRIX, action);
        if next == self.0 {
            // Same Rc: Yew 0.23 skips the re-render.
            self
        } else {
            Rc::new(AppState(next))
        }
    }
}
