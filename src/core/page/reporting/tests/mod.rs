//! The page's side of the reports worker, tested as the page uses it: events
//! in, effects and the view model out.

use super::view::{MethodologyView, TeamworkView};
use super::*;
use crate::core::engine::details::SEPARATOR;
use crate::core::engine::state::Action;
use crate::core::page::details_text::DetailsText;
use crate::core::page::effect::{Copyable, Effect};
use crate::core::page::event::Event;
use crate::core::page::model::Model;
use crate::core::page::query::parse;
use crate::core::page::startup::Stored;
use crate::core::page::update::{boot, update};
use crate::core::page::view_model::view;
use crate::core::protocol::{Answer, Request, TeamReport, WireError};
use crate::core::MATRIX;

pub(super) const ADDRESS: &str = "https://example.test/sw/";
pub(super) const TEAM_LINK: &str = "t=1&n=Ana&w=a";

pub(super) fn booted(query: &str, hash: &str) -> (Model, Vec<Effect>) {
    boot(&MATRIX, parse(&MATRIX, query), hash, ADDRESS.into(), || {
        (Stored::Empty, None)
    })
}

pub(super) fn team(model: &mut Model, event: TeamEvent) -> Vec<Effect> {
    update(&MATRIX, model, Event::Team(event))
}

pub(super) fn answer(model: &mut Model, answer: Answer) -> Vec<Effect> {
    update(&MATRIX, model, Event::Reports(Ok(answer)))
}

pub(super) fn asks(effects: &[Effect]) -> Vec<Request> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Ask(request) => Some(request.clone()),
            _ => None,
        })
        .collect()
}

pub(super) fn team_request(team: &str, add: &str, remove: Option<&str>) -> Request {
    Request::Team {
        team: team.into(),
        add: add.into(),
        remove: remove.map(String::from),
    }
}

pub(super) fn report(link: &str, added_all: bool, people: &[&str]) -> Answer {
    Answer::Team(TeamReport {
        link: link.into(),
        added_all,
        people: people.iter().map(|p| p.to_string()).collect(),
        html: "<p>view</p>".into(),
    })
}

/// A "Why?" payload with one short fragment per criterion.
pub(super) fn payload() -> String {
    let fragments: Vec<String> = (0..MATRIX.criteria.len())
        .map(|c| format!("<p>{c}</p>"))
        .collect();
    fragments.join(&SEPARATOR.to_string())
}

pub(super) fn loaded() -> DetailsText {
    DetailsText::from_payload(payload(), MATRIX.criteria.len())
}

pub(super) fn teamwork(model: &Model) -> TeamworkView {
    view(&MATRIX, model)
        .teamwork
        .expect("the page has a team view")
}

mod form;
mod outputs;
