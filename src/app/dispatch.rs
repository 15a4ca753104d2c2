//! Sends events to the core and has the runtime run the effects it returns.

use std::cell::RefCell;
use std::rc::Rc;

use yew::{Callback, UseForceUpdateHandle};

use super::browser::{dom, Runtime};
use crate::core::page::effect::Effect;
use crate::core::page::event::Event;
use crate::core::page::model::Model;
use crate::core::page::update::update;
use crate::core::MATRIX;

/// The User Timing measure of one `update` (state change and the
/// recomputation of scores, insight and robustness), read by the benchmark.
pub const UPDATE_MEASURE: &str = "stackweigh:recompute";

/// The one model, the way to draw it again, and the runtime.
#[derive(Clone)]
pub struct Dispatcher(Rc<Inner>);

struct Inner {
    model: RefCell<Model>,
    redraw: UseForceUpdateHandle,
    runtime: Runtime,
}

impl PartialEq for Dispatcher {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Dispatcher {
    pub fn new(model: Model, redraw: UseForceUpdateHandle) -> Self {
        Dispatcher(Rc::new(Inner {
            model: RefCell::new(model),
            redraw,
            runtime: Runtime::new(),
        }))
    }

    pub fn model(&self) -> std::cell::Ref<'_, Model> {
        self.0.model.borrow()
    }

    pub fn send(&self, event: Event) {
        let effects = dom::timed(UPDATE_MEASURE, || {
            update(&MATRIX, &mut self.0.model.borrow_mut(), event)
        });
        self.run(effects);
    }

    pub fn run(&self, effects: Vec<Effect>) {
        let send = self.callback();
        for effect in effects {
            match effect {
                Effect::Render => self.0.redraw.force_update(),
                other => self.0.runtime.run(other, &send),
            }
        }
    }

    /// Keeps the share link just drawn (the crash notice offers it); the
    /// one drawn before, if it was another.
    pub fn drawn(&self, link: &str) -> Option<String> {
        self.0.runtime.remember_link(link)
    }

    pub fn callback(&self) -> Callback<Event> {
        let this = self.clone();
        Callback::from(move |event| this.send(event))
    }
}
