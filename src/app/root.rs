use std::rc::Rc;

use yew::prelude::*;

use super::components::layout::widget;
use super::dispatch::Dispatcher;
use crate::core::page::effect::Effect;
use crate::core::page::model::Model;
use crate::core::page::update::boot;
use crate::core::page::view_model::view;
use crate::core::MATRIX;

/// The first model, and what the page must do once it is drawn.
#[derive(Debug, Clone)]
pub struct Booted {
    pub model: Model,
    pub effects: Vec<Effect>,
}

impl Booted {
    /// The default view (no query, no link, nothing saved): what the build
    /// prerenders into index.html, and what a first visit starts from.
    pub fn default_view() -> Self {
        Self::from_query("", false)
    }

    /// The same in embed mode: what the build prerenders into embed.html.
    pub fn embed_view() -> Self {
        Self::from_query("", true)
    }

    /// A use case's first view, as `?preset=<id>` opens it: what the build
    /// prerenders into that preset's page (`embed`: its embed's document).
    pub fn preset_view(preset: &str, embed: bool) -> Self {
        Self::from_query(&format!("?preset={preset}"), embed)
    }

    fn from_query(query: &str, embed_document: bool) -> Self {
        use crate::core::page::query::{full_page_address, parse_marked};
        let options = parse_marked(&MATRIX, query, embed_document);
        let page_address = full_page_address(options.embed, "");
        let (model, effects) = boot(&MATRIX, options, "", page_address, || {
            (crate::core::page::startup::Stored::Empty, None)
        });
        Booted { model, effects }
    }
}

#[derive(Properties)]
pub struct AppProps {
    pub boot: Rc<Booted>,
}

/// The same boot, not an equal one: a deep comparison of the model would
/// cost wasm bytes and is never needed (the root's props never change).
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.boot, &other.boot)
    }
}

/// Wiring only: one model behind a dispatcher, the view drawn from it, and
/// the start-up effects run once.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let redraw = use_force_update();
    let dispatcher = use_memo((), {
        let model = props.boot.model.clone();
        move |_| Dispatcher::new(model, redraw)
    });
    {
        let (dispatcher, effects) = (dispatcher.clone(), props.boot.effects.clone());
        use_effect_with((), move |_| dispatcher.run(effects));
    }
    // One callback for the page's life: components that take it compare
    // their props equal and skip a redraw when nothing else changed.
    let on = use_memo((), {
        let dispatcher = dispatcher.clone();
        move |_| dispatcher.callback()
    });
    let vm = view(&MATRIX, &dispatcher.model());
    let previous = dispatcher.drawn(&vm.share.link);
    super::panic::crash_test_trigger(previous, &vm.share.link);
    widget(&vm, &on)
}
