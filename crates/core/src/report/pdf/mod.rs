//! The report as a PDF, written directly (no browser's print dialog), from the
//! same `RunRecord` as the HTML page but ordered as an auditor reads it: a
//! one-paragraph attestation first, then the setup by its human names, the
//! wizard's steps in order, the checks, and the raw details (ids, evidence,
//! configuration as observed) in an appendix. Times are the reader's local
//! time to the second, with the zone named. A practice report carries the
//! simulation mark and its scenario on every page.

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use super::{html, RunRecord};
use crate::check::{CheckResult, CheckStatus, DiffStatus};
use crate::observed::Observed;
use crate::profile::{AuthMethod, Erp};
use crate::verdict::RunVerdict;

mod font;
mod layout;
#[cfg(test)]
mod tests;
mod write;

use layout::{Cell, Layout, Rgb, CONTENT_W, MUTED};

/// What the record alone does not say: where the reader is, and the
/// connector profile's name.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// The reader's time zone as the system names it (`Europe/Berlin`).
    pub zone_name: String,
    /// Its offset from UTC in minutes, east positive.
    pub utc_offset_minutes: i32,
    pub profile_name: Option<String>,
}

const BODY: f32 = 10.0;
const PASS: Rgb = (0.10, 0.50, 0.22);
const FAIL: Rgb = (0.81, 0.13, 0.18);
const WARN: Rgb = (0.55, 0.38, 0.0);

pub fn render_pdf(r: &RunRecord, opts: &PdfOptions) -> Vec<u8> {
    let doc = build(r, opts);
    write::write(
        &doc.pages,
        &doc.header,
        &write::Meta {
            title: &doc.title,
            footer: &doc.footer,
        },
    )
}

/// The report laid out on pages, before it becomes PDF bytes.
struct Document {
    pages: Vec<layout::Page>,
    header: Vec<String>,
    title: String,
    footer: String,
}

fn build(r: &RunRecord, opts: &PdfOptions) -> Document {
    let erp = erp_name(r.setup.erp);
    let header = r.setup.simulation.as_ref().map_or_else(Vec::new, |sim| {
        write::header_lines(&format!(
            "PRACTICE — SIMULATION · scenario {} · not a real {erp} account; nothing in this report proves a real setup",
            sim.scenario
        ))
    });
    let mut l = Layout::new(write::header_height(header.len()));
    let z = Zone::new(opts);
    let title = if r.setup.simulation.is_some() {
        "Practice report (simulation)"
    } else {
        "Setup report"
    };
    l.paragraph(Cell::bold(title), 18.0);
    l.paragraph(
        Cell::plain(format!(
            "{erp} {} {}",
            place(r.setup.erp),
            r.setup.account_id
        ))
        .colored(MUTED),
        12.0,
    );
    l.heading("Attestation", 13.0);
    l.paragraph(Cell::plain(attestation(r, opts, &z)), BODY);
    tally(&mut l, r);
    setup(&mut l, r, opts, &z);
    steps(&mut l, r, &z);
    l.heading("Checks", 13.0);
    for c in &r.checks {
        check(&mut l, c);
    }
    expiries_and_changes(&mut l, r, &z);
    appendix(&mut l, r, &z);
    Document {
        pages: l.pages,
        header,
        title: format!("Onramp {} — {}", title.to_lowercase(), r.setup.account_id),
        footer: format!(
            "Onramp {} — {erp} {}",
            title.to_lowercase(),
            r.setup.account_id
        ),
    }
}

fn erp_name(erp: Erp) -> &'static str {
    match erp {
        Erp::Netsuite => "NetSuite",
        Erp::Intacct => "Sage Intacct",
    }
}

fn place(erp: Erp) -> &'static str {
    match erp {
        Erp::Netsuite => "account",
        Erp::Intacct => "company",
    }
}

/// Local time: the offset the reader's system gave, named with its zone.
struct Zone {
    offset: Option<UtcOffset>,
    label: String,
}

impl Zone {
    fn new(opts: &PdfOptions) -> Self {
        let offset = UtcOffset::from_whole_seconds(opts.utc_offset_minutes * 60).ok();
        let sign = if opts.utc_offset_minutes < 0 {
            '-'
        } else {
            '+'
        };
        let m = opts.utc_offset_minutes.unsigned_abs();
        let utc = format!("UTC{sign}{:02}:{:02}", m / 60, m % 60);
        let name = opts.zone_name.trim();
        let label = if name.is_empty() {
            utc
        } else {
            format!("{name}, {utc}")
        };
        Self { offset, label }
    }

    /// `2026-12-05 12:54:11`; an unreadable time is shown as written.
    fn time(&self, rfc3339: &str) -> String {
        let format =
            time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
        match (OffsetDateTime::parse(rfc3339, &Rfc3339), self.offset) {
            (Ok(t), Some(o)) => t
                .to_offset(o)
                .format(&format)
                .unwrap_or_else(|_| rfc3339.into()),
            _ => rfc3339.into(),
        }
    }

    fn time_with_zone(&self, rfc3339: &str) -> String {
        format!("{} ({})", self.time(rfc3339), self.label)
    }
}

fn method_name(id: &str) -> String {
    let method = serde_json::from_value::<AuthMethod>(Value::String(id.into()));
    match (method, id) {
        (Ok(m), _) => m.label().into(),
        (_, "intacct-web-services") => "Sage Intacct Web Services (sender and user)".into(),
        (_, other) => other.into(),
    }
}

fn profile_name(r: &RunRecord, opts: &PdfOptions) -> Option<String> {
    opts.profile_name
        .clone()
        .or_else(|| r.setup.connector_profile_id.clone())
}

fn counts(r: &RunRecord) -> [usize; 4] {
    let n = |st: CheckStatus| r.checks.iter().filter(|c| c.status == st).count();
    [
        n(CheckStatus::Pass),
        n(CheckStatus::Fail),
        n(CheckStatus::Warn),
        n(CheckStatus::Skip),
    ]
}

fn verdict(r: &RunRecord) -> String {
    let incomplete = r
        .summary
        .as_ref()
        .is_some_and(|s| s.timed_out || s.cancelled);
    let [pass, fail, warn, _] = counts(r);
    let total = r.checks.len();
    match RunVerdict::of_results(&r.checks, incomplete) {
        RunVerdict::AllPassed if warn > 0 => {
            format!(
                "{pass} of {total} checks passed and none failed, with {warn} warning(s) to read"
            )
        }
        RunVerdict::AllPassed => format!("all {pass} checks that ran passed"),
        RunVerdict::SomeFailed => {
            format!("{fail} of {total} checks failed; the setup needs fixing before it is used")
        }
        RunVerdict::CouldNotCheck | RunVerdict::Usage => {
            "not proven: the run did not check enough to say the setup works".into()
        }
    }
}

fn named(name: Option<&str>, id: Option<String>) -> Option<String> {
    match (name, id) {
        (Some(n), Some(id)) => Some(format!("“{n}” (id {id})")),
        (Some(n), None) => Some(format!("“{n}”")),
        (None, Some(id)) => Some(format!("id {id}")),
        (None, None) => None,
    }
}

/// Who the credentials acted as, in the ERP's own terms.
fn identity(r: &RunRecord) -> String {
    const UNSEEN: &str = "not observed";
    match &r.observed {
        Observed::Netsuite(o) => {
            let role = named(o.role.name.as_deref(), o.role.id.map(|i| i.to_string()));
            let integration = o.integration.name.as_ref().map(|n| {
                let state = match o.integration.state {
                    Some(crate::observed::IntegrationState::Enabled) => " (enabled)",
                    Some(crate::observed::IntegrationState::Blocked) => " (blocked)",
                    None => "",
                };
                format!("“{n}”{state}")
            });
            format!(
                "The credentials acted as user {}, with role {}, through the integration record {}.",
                o.user.email.as_deref().unwrap_or(UNSEEN),
                role.as_deref().unwrap_or(UNSEEN),
                integration.as_deref().unwrap_or(UNSEEN),
            )
        }
        Observed::Intacct(o) => format!(
            "The credentials acted as user {}{} through the Web Services sender {}.",
            o.user.id.as_deref().unwrap_or(UNSEEN),
            o.user
                .user_type
                .as_ref()
                .map(|t| format!(" (user type {t})"))
                .unwrap_or_default(),
            o.sender.id.as_deref().unwrap_or(UNSEEN),
        ),
    }
}

fn attestation(r: &RunRecord, opts: &PdfOptions, z: &Zone) -> String {
    let s = &r.setup;
    let when = r
        .summary
        .as_ref()
        .map_or(r.generated_at.as_str(), |s| s.finished_at.as_str());
    let who = r
        .steps
        .iter()
        .find_map(|st| st.by.clone())
        .unwrap_or_else(|| "a user who gave no name (“Prepared by” on the Report step)".into());
    let simulated = s.simulation.as_ref().map_or(String::new(), |sim| {
        format!(
            "In Practice mode, against Onramp's simulator playing the scenario {} (not a real account): ",
            sim.scenario
        )
    });
    let env = if s.simulation.is_some() {
        " (simulation)".to_owned()
    } else {
        s.environment
            .map(|e| format!(" ({})", json_word(&e)))
            .unwrap_or_default()
    };
    let entity = s
        .entity_id
        .as_ref()
        .map(|e| format!(", entity {e}"))
        .unwrap_or_default();
    let profile = profile_name(r, opts)
        .map(|p| format!(" for the connector profile “{p}”"))
        .unwrap_or_default();
    let method = s
        .auth_method
        .as_deref()
        .map(|m| format!(", signed in with {}", method_name(m)))
        .unwrap_or_default();
    format!(
        "{simulated}On {}, {who} ran Onramp {}'s checks of {} {} {}{env}{entity}{profile}{method}. {} Verdict: {}.",
        z.time_with_zone(when),
        r.app_version,
        erp_name(s.erp),
        place(s.erp),
        s.account_id,
        identity(r),
        verdict(r),
    )
}

fn json_word<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s.replace('_', " "),
        _ => "—".into(),
    }
}

/// The counts, in colour only where they say something: a red "failed" only
/// when a check failed.
fn tally(l: &mut Layout, r: &RunRecord) {
    let [pass, fail, warn, skip] = counts(r);
    let w = CONTENT_W / 4.0;
    let tone = |n: usize, c: Rgb| if n > 0 { c } else { layout::BLACK };
    l.space(4.0);
    l.row(
        &[
            (
                Cell::bold(format!("{pass} passed")).colored(tone(pass, PASS)),
                w,
            ),
            (
                Cell::bold(format!("{fail} failed")).colored(tone(fail, FAIL)),
                w,
            ),
            (
                Cell::bold(format!("{warn} warnings")).colored(tone(warn, WARN)),
                w,
            ),
            (Cell::bold(format!("{skip} skipped")), w),
        ],
        BODY + 1.0,
    );
}

fn setup(l: &mut Layout, r: &RunRecord, opts: &PdfOptions, z: &Zone) {
    let s = &r.setup;
    l.heading("Setup", 13.0);
    let mut rows: Vec<(&str, String)> = vec![
        (
            if s.erp == Erp::Netsuite {
                "Account"
            } else {
                "Company"
            },
            s.account_id.clone(),
        ),
        (
            "Type",
            if s.simulation.is_some() {
                "Simulation (Practice mode)".into()
            } else {
                s.environment.map_or("—".into(), |e| json_word(&e))
            },
        ),
    ];
    if let Some(sim) = &s.simulation {
        rows.push(("Practice scenario", sim.scenario.clone()));
    }
    if let Some(e) = &s.entity_id {
        rows.push(("Entity", e.clone()));
    }
    rows.push((
        "Connector profile",
        profile_name(r, opts).unwrap_or("—".into()),
    ));
    rows.push((
        "Sign-in method",
        s.auth_method.as_deref().map_or("—".into(), method_name),
    ));
    if let Some(sum) = &r.summary {
        rows.push((
            "Checks ran",
            format!(
                "{} to {}",
                z.time(&sum.started_at),
                z.time(&sum.finished_at)
            ),
        ));
    }
    rows.push(("Report made", z.time(&r.generated_at)));
    rows.push(("Times shown in", z.label.clone()));
    l.pairs(&rows, BODY);
}

fn steps(l: &mut Layout, r: &RunRecord, z: &Zone) {
    if r.steps.is_empty() {
        return;
    }
    l.heading("Steps, in the wizard's order", 13.0);
    let w = [
        CONTENT_W * 0.42,
        CONTENT_W * 0.16,
        CONTENT_W * 0.17,
        CONTENT_W * 0.25,
    ];
    let head = ["Step", "Status", "By", "When"].map(|h| Cell::bold(h).colored(MUTED));
    l.row(&head.into_iter().zip(w).collect::<Vec<_>>(), BODY);
    for s in &r.steps {
        let cells = [
            Cell::plain(&s.title),
            Cell::plain(json_word(&s.status)),
            Cell::plain(s.by.as_deref().unwrap_or("—")),
            Cell::plain(z.time(&s.updated_at)),
        ];
        l.row(&cells.into_iter().zip(w).collect::<Vec<_>>(), BODY);
    }
}

fn status(st: CheckStatus) -> Cell {
    let (word, color) = match st {
        CheckStatus::Pass => ("PASS", PASS),
        CheckStatus::Fail => ("FAIL", FAIL),
        CheckStatus::Warn => ("WARN", WARN),
        CheckStatus::Skip => ("SKIP", MUTED),
    };
    Cell::bold(word).colored(color)
}

fn check(l: &mut Layout, c: &CheckResult) {
    l.space(3.0);
    l.row(
        &[
            (status(c.status), 48.0),
            (Cell::bold(&c.title), CONTENT_W - 48.0),
        ],
        BODY + 1.0,
    );
    l.row(
        &[
            (Cell::plain(""), 48.0),
            (Cell::plain(&c.summary), CONTENT_W - 48.0),
        ],
        BODY,
    );
    if let Some(d) = c
        .diagnosis
        .as_ref()
        .filter(|_| c.status != CheckStatus::Pass)
    {
        for (k, v) in [("Cause", &d.cause), ("Fix", &d.fix), ("Where", &d.where_)] {
            l.row(
                &[
                    (Cell::plain(""), 48.0),
                    (Cell::plain(k).colored(MUTED), 50.0),
                    (Cell::plain(v), CONTENT_W - 98.0),
                ],
                BODY,
            );
        }
    }
}

fn expiries_and_changes(l: &mut Layout, r: &RunRecord, z: &Zone) {
    if !r.expiries.is_empty() {
        l.heading("Expiry dates", 13.0);
        let rows: Vec<(&str, String)> = r
            .expiries
            .iter()
            .map(|e| (e.what.as_str(), z.time(&e.expires_at)))
            .collect();
        l.pairs(&rows, BODY);
    }
    if !r.changes.is_empty() {
        l.heading("Changes Onramp made", 13.0);
        for c in &r.changes {
            l.paragraph(
                Cell::bold(format!(
                    "{} — consented by {} on {}: {}",
                    c.action,
                    c.consented_by,
                    z.time(&c.at),
                    c.outcome
                )),
                BODY,
            );
            for item in &c.changes {
                l.paragraph(Cell::plain(format!("• {item}")), BODY);
            }
        }
    }
    if let Some(k) = &r.key_handoff {
        l.heading("Private key handed over", 13.0);
        l.paragraph(
            Cell::plain(format!(
                "The M2M private key left the keychain once, on {}, written to {} for the connector. \
                 Delete that file once the connector holds the key.",
                z.time(&k.at),
                k.file
            )),
            BODY,
        );
    }
}

/// Everything an engineer may need and an auditor may skip.
fn appendix(l: &mut Layout, r: &RunRecord, z: &Zone) {
    l.new_page();
    l.heading("Appendix: raw details", 13.0);
    let s = &r.setup;
    let mut rows: Vec<(&str, String)> = vec![
        ("Generated (UTC)", r.generated_at.clone()),
        ("Onramp version", r.app_version.clone()),
        (
            "Connector profile id",
            s.connector_profile_id.clone().unwrap_or("—".into()),
        ),
        (
            "Sign-in method id",
            s.auth_method.clone().unwrap_or("—".into()),
        ),
    ];
    if let Some(sum) = &r.summary {
        rows.push(("Run id", sum.run_id.clone()));
        rows.push(("Started (UTC)", sum.started_at.clone()));
        rows.push(("Finished (UTC)", sum.finished_at.clone()));
    }
    if let Some(t) = &r.traffic {
        rows.push((
            "Requests to the account",
            format!("{}, at most {} at once", t.requests, t.peak_concurrency),
        ));
    }
    l.pairs(&rows, BODY);
    l.heading("Check ids and evidence", 12.0);
    for c in &r.checks {
        l.row(
            &[
                (status(c.status), 48.0),
                (Cell::bold(&c.id), CONTENT_W - 48.0),
            ],
            BODY,
        );
        let evidence: Vec<(&str, String)> = c
            .evidence
            .iter()
            .map(|e| (e.label.as_str(), e.value.clone()))
            .collect();
        l.pairs(&evidence, BODY - 1.0);
        if let Some(diff) = &c.diff {
            l.paragraph(
                Cell::plain(format!(
                    "Permissions, required against actual ({}):",
                    diff.source
                ))
                .colored(MUTED),
                BODY - 1.0,
            );
            for row in &diff.rows {
                let state = match row.status {
                    DiffStatus::Ok => "ok",
                    DiffStatus::Missing => "missing",
                    DiffStatus::Insufficient => "insufficient",
                    DiffStatus::Extra => "extra",
                    DiffStatus::Unknown => "unknown",
                };
                l.paragraph(
                    Cell::plain(format!(
                        "{} / {} ({}): required {}, actual {} — {state}{}",
                        row.group,
                        row.name,
                        row.id,
                        row.required.as_deref().unwrap_or("—"),
                        row.actual.as_deref().unwrap_or("—"),
                        row.proof
                            .as_ref()
                            .map(|p| format!("; {}", p.detail))
                            .unwrap_or_default(),
                    )),
                    BODY - 1.0,
                );
            }
        }
    }
    l.heading("Configuration as observed", 12.0);
    let mut leaves = Vec::new();
    html::leaves(
        "",
        &serde_json::to_value(&r.observed).unwrap_or(Value::Null),
        &mut leaves,
    );
    let rows: Vec<(&str, String)> = leaves
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    l.pairs(&rows, BODY - 1.0);
    l.space(8.0);
    l.paragraph(
        Cell::plain(format!(
            "This report holds no password, token or key. Times above are local ({}) unless marked UTC.",
            z.label
        ))
        .colored(MUTED),
        BODY - 1.0,
    );
    if l.spelled {
        l.paragraph(
            Cell::plain(
                "Characters the PDF's standard fonts cannot show are written as their Unicode code point, \
                 such as [U+738B]; the HTML and JSON reports hold the exact text.",
            )
            .colored(MUTED),
            BODY - 1.0,
        );
    }
}
