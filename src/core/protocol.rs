//! The door between the page and the reports worker: what the page asks
//! ([`Request`]), what the worker answers ([`Answer`]), and their one codec.
//! Both ends are built from this crate; nothing else knows the wire, which
//! is a list of strings (what a worker message clones cheaply):
//!
//! | message | wire |
//! |---|---|
//! | `Request::Team` | `["team", team link, lines to add]` + `[name to remove]` |
//! | `Request::Record` | `["record", person or team link, page address, "Why?" payload]` |
//! | `Request::Print` | `["print", person or team link, "Why?" payload]` |
//! | `Request::Methodology` | `["methodology"]` |
//! | `Request::Export` | `["export", "markdown" or "chart" or "snippets", link, page address, criteria shown]` |
//! | `Answer::Ready` | `["ready"]`, the worker's first message |
//! | `Answer::Team` | `["team", team link, "1" or "0" (all added), report HTML, name…]` |
//! | `Answer::Record` / `Print` / `Methodology` | `[kind, Markdown or HTML]` |
//! | `Answer::Markdown` / `Chart` | `[kind, Markdown table or SVG document]` |
//! | `Answer::Snippets` | `["snippets", loader snippet, iframe snippet]` |
//! | `Answer::Unreadable` | `["unreadable", what, detail]` |

/// The boot script tag's attribute that names the worker's script.
pub const ATTRIBUTE: &str = "data-reports";

/// What the page asks the reports worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The team a team link holds (empty: nobody yet), after adding the
    /// pasted lines `add` and removing the person called `remove`.
    Team {
        team: String,
        add: String,
        remove: Option<String>,
    },
    /// The decision record of the person or team a link holds.
    Record {
        subject: String,
        address: String,
        /// The "Why?" payload; empty while it is not loaded.
        details: String,
    },
    /// The print appendix of the person or team a link holds.
    Print { subject: String, details: String },
    /// "How we score".
    Methodology,
    /// What a blog author takes away, of the state a one-person link holds
    /// (the page's own): a Markdown table of the criteria `criteria` lists
    /// (indices, comma-separated; empty: all), the chart as an SVG document,
    /// or the embed snippets pointing at the page at `address`.
    Export {
        what: Export,
        subject: String,
        address: String,
        criteria: String,
    },
}

/// What an [`Request::Export`] asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Markdown,
    Chart,
    Snippets,
}

impl Export {
    const ALL: [(Export, &'static str); 3] = [
        (Export::Markdown, "markdown"),
        (Export::Chart, "chart"),
        (Export::Snippets, "snippets"),
    ];

    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(e, _)| *e == self)
            .map_or("", |(_, n)| n)
    }

    fn named(name: &str) -> Option<Export> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(e, _)| *e)
    }
}

/// What the reports worker answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The worker can take requests (a request sent before would be lost).
    Ready,
    Team(TeamReport),
    /// The decision record, in Markdown.
    Record(String),
    /// The print appendix, in HTML.
    Print(String),
    /// "How we score", in HTML.
    Methodology(String),
    /// The Markdown table.
    Markdown(String),
    /// The chart, a standalone SVG document.
    Chart(String),
    /// The embed snippets: the auto-sizing loader's, and a plain iframe's.
    Snippets {
        loader: String,
        iframe: String,
    },
    /// The worker could not read a request.
    Unreadable(WireError),
}

/// The team as the worker read it: what the page needs to keep its own form
/// (the link, whether the paste went in, who can be removed) and the
/// read-only report, escaped by the reports' HTML renderer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamReport {
    /// The team link's text (`t=1&…`); empty for nobody.
    pub link: String,
    /// Every pasted line was added (and there was one).
    pub added_all: bool,
    /// Everyone's name, in team order.
    pub people: Vec<String>,
    /// The problems, the team's verdict and its analysis, as HTML.
    pub html: String,
}

/// Why a message could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireError {
    /// No kind: an empty list (or not a list at all).
    Empty,
    /// A kind this version does not know.
    UnknownKind(String),
    /// A known kind with too few or too many fields.
    WrongLength { kind: String, found: usize },
    /// A field that must be "1" or "0".
    NotAFlag(String),
}

const TEAM: &str = "team";
const RECORD: &str = "record";
const PRINT: &str = "print";
const METHODOLOGY: &str = "methodology";
const EXPORT: &str = "export";
const MARKDOWN: &str = "markdown";
const CHART: &str = "chart";
const SNIPPETS: &str = "snippets";
const READY: &str = "ready";
const UNREADABLE: &str = "unreadable";

fn wire<const N: usize>(fields: [&str; N]) -> Vec<String> {
    fields.iter().map(|f| f.to_string()).collect()
}

/// The fields after the kind, if there are exactly `count` of them.
fn fields(message: &[String], count: usize) -> Result<&[String], WireError> {
    match message.split_first() {
        Some((_, rest)) if rest.len() == count => Ok(rest),
        Some((kind, rest)) => Err(WireError::WrongLength {
            kind: kind.clone(),
            found: rest.len(),
        }),
        None => Err(WireError::Empty),
    }
}

impl Request {
    pub fn encode(&self) -> Vec<String> {
        match self {
            Request::Team { team, add, remove } => {
                let mut message = wire([TEAM, team, add]);
                message.extend(remove.clone());
                message
            }
            Request::Record {
                subject,
                address,
                details,
            } => wire([RECORD, subject, address, details]),
            Request::Print { subject, details } => wire([PRINT, subject, details]),
            Request::Methodology => wire([METHODOLOGY]),
            Request::Export {
                what,
                subject,
                address,
                criteria,
            } => wire([EXPORT, what.name(), subject, address, criteria]),
        }
    }

    pub fn decode(message: &[String]) -> Result<Request, WireError> {
        let kind = message.first().ok_or(WireError::Empty)?;
        Ok(match kind.as_str() {
            TEAM => {
                let with_removal = message.len() == 4;
                let f = fields(message, if with_removal { 3 } else { 2 })?;
                Request::Team {
                    team: f[0].clone(),
                    add: f[1].clone(),
                    remove: f.get(2).cloned(),
                }
            }
            RECORD => {
                let f = fields(message, 3)?;
                Request::Record {
                    subject: f[0].clone(),
                    address: f[1].clone(),
                    details: f[2].clone(),
                }
            }
            PRINT => {
                let f = fields(message, 2)?;
                Request::Print {
                    subject: f[0].clone(),
                    details: f[1].clone(),
                }
            }
            METHODOLOGY => fields(message, 0).map(|_| Request::Methodology)?,
            EXPORT => {
                let f = fields(message, 4)?;
                Request::Export {
                    what: Export::named(&f[0])
                        .ok_or_else(|| WireError::UnknownKind(format!("{EXPORT} {}", f[0])))?,
                    subject: f[1].clone(),
                    address: f[2].clone(),
                    criteria: f[3].clone(),
                }
            }
            other => return Err(WireError::UnknownKind(other.to_string())),
        })
    }
}

impl Answer {
    pub fn encode(&self) -> Vec<String> {
        match self {
            Answer::Ready => wire([READY]),
            Answer::Team(report) => {
                let flag = if report.added_all { "1" } else { "0" };
                let mut message = wire([TEAM, &report.link, flag, &report.html]);
                message.extend(report.people.iter().cloned());
                message
            }
            Answer::Record(text) => wire([RECORD, text]),
            Answer::Print(html) => wire([PRINT, html]),
            Answer::Methodology(html) => wire([METHODOLOGY, html]),
            Answer::Markdown(text) => wire([MARKDOWN, text]),
            Answer::Chart(svg) => wire([CHART, svg]),
            Answer::Snippets { loader, iframe } => wire([SNIPPETS, loader, iframe]),
            Answer::Unreadable(error) => {
                let mut message = vec![UNREADABLE.to_string()];
                message.extend(error.encode());
                message
            }
        }
    }

    pub fn decode(message: &[String]) -> Result<Answer, WireError> {
        let kind = message.first().ok_or(WireError::Empty)?;
        let text = || fields(message, 1).map(|f| f[0].clone());
        Ok(match kind.as_str() {
            READY => fields(message, 0).map(|_| Answer::Ready)?,
            TEAM => Answer::Team(team_report(message)?),
            RECORD => Answer::Record(text()?),
            PRINT => Answer::Print(text()?),
            METHODOLOGY => Answer::Methodology(text()?),
            MARKDOWN => Answer::Markdown(text()?),
            CHART => Answer::Chart(text()?),
            SNIPPETS => {
                let f = fields(message, 2)?;
                Answer::Snippets {
                    loader: f[0].clone(),
                    iframe: f[1].clone(),
                }
            }
            UNREADABLE => Answer::Unreadable(WireError::decode(&message[1..])?),
            other => return Err(WireError::UnknownKind(other.to_string())),
        })
    }
}

fn team_report(message: &[String]) -> Result<TeamReport, WireError> {
    let found = message.len().saturating_sub(1);
    let [_, link, flag, html, people @ ..] = message else {
        return Err(WireError::WrongLength {
            kind: TEAM.into(),
            found,
        });
    };
    let added_all = match flag.as_str() {
        "1" => true,
        "0" => false,
        other => return Err(WireError::NotAFlag(other.to_string())),
    };
    Ok(TeamReport {
        link: link.clone(),
        added_all,
        people: people.to_vec(),
        html: html.clone(),
    })
}

impl WireError {
    fn encode(&self) -> Vec<String> {
        match self {
            WireError::Empty => wire(["empty", ""]),
            WireError::UnknownKind(kind) => wire(["unknown", kind]),
            WireError::WrongLength { kind, found } => {
                vec!["length".into(), format!("{kind} {found}")]
            }
            WireError::NotAFlag(value) => wire(["flag", value]),
        }
    }

    fn decode(fields: &[String]) -> Result<WireError, WireError> {
        let [what, detail] = fields else {
            return Err(WireError::WrongLength {
                kind: UNREADABLE.into(),
                found: fields.len(),
            });
        };
        Ok(match what.as_str() {
            "empty" => WireError::Empty,
            "unknown" => WireError::UnknownKind(detail.clone()),
            "flag" => WireError::NotAFlag(detail.clone()),
            "length" => {
                let (kind, found) = detail.rsplit_once(' ').unwrap_or((detail, ""));
                WireError::WrongLength {
                    kind: kind.to_string(),
                    found: found.parse().unwrap_or(0),
                }
            }
            other => WireError::UnknownKind(format!("{UNREADABLE} {other}")),
        })
    }
}

#[cfg(test)]
#[path = "protocol_tests.rs"]
mod tests;
