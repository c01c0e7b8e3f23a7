//! The report as one HTML file: inline CSS (print styles, light and dark via
//! `prefers-color-scheme`), no scripts, no external resources, every value
//! escaped, so it opens anywhere offline and prints to PDF as it looks.

use std::fmt::Write as _;

use serde_json::Value;

use super::RunRecord;
use crate::check::{CheckResult, CheckStatus, DiffStatus};

const CSS: &str = r#"
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--skip:#6e7781;--card:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--pass:#3fb950;--fail:#f85149;--warn:#d29922;--skip:#8b949e;--card:#161b22}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg);max-width:960px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--card)}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:var(--muted)}dd{margin:0}
.check{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}
.badge{font-weight:700;font-size:.8rem;padding:.1rem .45rem;border-radius:4px;color:#fff}
.pass{background:var(--pass)}.fail{background:var(--fail)}.warn{background:var(--warn)}.skip{background:var(--skip)}
.env{font-weight:700;text-transform:uppercase}.env-production{color:var(--fail)}.muted{color:var(--muted)}code{font-size:.9em}
@media print{body{margin:0;max-width:none;font-size:11pt;background:#fff;color:#000}.check{border-color:#999}a{color:#000}h2{break-after:avoid}}
.simulation{border:3px dashed var(--warn);border-radius:6px;padding:.5rem 1rem;margin:0 0 1rem;font-weight:700}
.sim-tag{font-size:.75rem;font-weight:700;text-transform:uppercase;color:var(--warn);margin-left:.5rem}
.sim-page{display:none}
@media print{.simulation{border-color:#000}.sim-tag{color:#000}
.sim-page{display:block;position:fixed;top:0;left:0;right:0;padding:.1rem;font-size:8pt;font-weight:700;text-align:center;background:#fff;border-bottom:1px solid #000}
body.simulated{padding-top:1.6rem}}
"#;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}

pub fn render_html(r: &RunRecord) -> String {
    let s = &r.setup;
    let erp = match s.erp {
        crate::profile::Erp::Netsuite => "NetSuite",
        crate::profile::Erp::Intacct => "Sage Intacct",
    };
    let sim = s.simulation.as_ref();
    // A simulated account is never shown as production (or any real environment).
    let env = if sim.is_some() {
        "simulation".to_owned()
    } else {
        s.environment
            .map(|e| text(&serde_json::to_value(e).unwrap_or(Value::Null)))
            .unwrap_or_else(|| {
                if s.entity_id.is_some() {
                    "entity".into()
                } else {
                    "company".into()
                }
            })
    };
    let kind = if sim.is_some() {
        "Practice report (simulation)"
    } else {
        "Setup report"
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <title>Onramp {} — {}</title><style>{CSS}</style></head><body{}>\n",
        escape(&kind.to_lowercase()),
        escape(&s.account_id),
        if sim.is_some() {
            " class=\"simulated\""
        } else {
            ""
        },
    );
    if let Some(sim) = sim {
        simulation_banner(&mut h, erp, &sim.scenario);
    }
    let _ = write!(
        h,
        "<h1>{}: {} {}</h1><p class=\"muted\">Generated {} by Onramp {}</p>\n<dl>",
        escape(kind),
        escape(erp),
        escape(&s.account_id),
        escape(&r.generated_at),
        escape(&r.app_version),
    );
    let rows: [(&str, String); 5] = [
        ("Account / company", s.account_id.clone()),
        ("Type", env.clone()),
        ("Entity", s.entity_id.clone().unwrap_or_else(|| "—".into())),
        (
            "Connector profile",
            s.connector_profile_id.clone().unwrap_or_else(|| "—".into()),
        ),
        (
            "Sign-in method",
            s.auth_method.clone().unwrap_or_else(|| "—".into()),
        ),
    ];
    for (k, v) in rows {
        let cls = if k == "Type" {
            format!(" class=\"env env-{}\"", escape(&v))
        } else {
            String::new()
        };
        let _ = write!(h, "<dt>{}</dt><dd{cls}>{}</dd>", escape(k), escape(&v));
    }
    if let Some(sim) = sim {
        let _ = write!(
            h,
            "<dt>Practice scenario</dt><dd><code>{}</code></dd>",
            escape(&sim.scenario)
        );
    }
    h.push_str("</dl>\n");
    summary(&mut h, r);
    steps(&mut h, r);
    expiries(&mut h, r);
    changes(&mut h, r);
    key_handoff(&mut h, r);
    let _ = writeln!(h, "<h2>Checks{}</h2>", sim_tag(r));
    for c in &r.checks {
        check(&mut h, c, r);
    }
    observed(&mut h, r);
    h.push_str(
        "<p class=\"muted\">This report holds no password, token or key.</p></body></html>\n",
    );
    h
}

/// Says at the top, and on every printed page (a fixed print header, which
/// print engines repeat on each page), that no real account was checked.
fn simulation_banner(h: &mut String, erp: &str, scenario: &str) {
    let scenario = escape(scenario);
    let _ = write!(
        h,
        "<div class=\"sim-page\" aria-hidden=\"true\">PRACTICE — SIMULATION · scenario {scenario} · \
         not a real {erp} account</div>\n\
         <p class=\"simulation\" role=\"note\">Practice mode — simulation. These checks ran against \
         Onramp's simulator playing the practice scenario <code>{scenario}</code>, not a real {erp} \
         account. Nothing in this report proves a real setup.</p>\n"
    );
}

/// The marker every section and check heading carries in a simulated report,
/// so any printed page says so even where a fixed header is not repeated.
fn sim_tag(r: &RunRecord) -> &'static str {
    if r.setup.simulation.is_some() {
        "<span class=\"sim-tag\">Practice — simulation</span>"
    } else {
        ""
    }
}

fn summary(h: &mut String, r: &RunRecord) {
    let n = |st: CheckStatus| r.checks.iter().filter(|c| c.status == st).count();
    let _ = write!(
        h,
        "<p><span class=\"badge pass\">{} passed</span> <span class=\"badge fail\">{} failed</span> \
         <span class=\"badge warn\">{} warnings</span> <span class=\"badge skip\">{} skipped</span>",
        n(CheckStatus::Pass),
        n(CheckStatus::Fail),
        n(CheckStatus::Warn),
        n(CheckStatus::Skip)
    );
    if let Some(sum) = &r.summary {
        let _ = write!(
            h,
            " <span class=\"muted\">run {} from {} to {}</span>",
            escape(&sum.run_id),
            escape(&sum.started_at),
            escape(&sum.finished_at)
        );
    }
    if let Some(t) = &r.traffic {
        let _ = write!(
            h,
            " <span class=\"muted\">{} requests to the account, at most {} at once</span>",
            t.requests, t.peak_concurrency
        );
    }
    h.push_str("</p>\n");
}

fn steps(h: &mut String, r: &RunRecord) {
    if r.steps.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>Steps{}</h2><table><tr><th>Step</th><th>Status</th><th>By</th><th>When</th></tr>",
        sim_tag(r)
    );
    for s in &r.steps {
        let status = text(&serde_json::to_value(s.status).unwrap_or(Value::Null));
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&s.title),
            escape(&status.replace('_', " ")),
            escape(s.by.as_deref().unwrap_or("—")),
            escape(&s.updated_at)
        );
    }
    h.push_str("</table>\n");
}

fn changes(h: &mut String, r: &RunRecord) {
    if r.changes.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>Changes Onramp made{}</h2><table><tr><th>Change</th><th>Consented by</th><th>When</th><th>Result</th></tr>",
        sim_tag(r)
    );
    for c in &r.changes {
        let items: String = c
            .changes
            .iter()
            .map(|x| format!("<li>{}</li>", escape(x)))
            .collect();
        let _ = write!(
            h,
            "<tr><td>{}<ul>{items}</ul></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&c.action),
            escape(&c.consented_by),
            escape(&c.at),
            escape(&c.outcome)
        );
    }
    h.push_str("</table>\n");
}

fn key_handoff(h: &mut String, r: &RunRecord) {
    if let Some(k) = &r.key_handoff {
        let _ = writeln!(
            h,
            "<h2>Private key handed over{}</h2><p>The M2M private key left the keychain once, on {}, written to <code>{}</code> for the connector. Delete that file once the connector holds the key; anyone with it can sign in as the integration user until the certificate is revoked.</p>",
            sim_tag(r),
            escape(&k.at),
            escape(&k.file)
        );
    }
}

fn expiries(h: &mut String, r: &RunRecord) {
    if r.expiries.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>Expiry dates{}</h2><table><tr><th>What</th><th>Expires</th></tr>",
        sim_tag(r)
    );
    for e in &r.expiries {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td></tr>",
            escape(&e.what),
            escape(&e.expires_at)
        );
    }
    h.push_str("</table>\n");
}

fn badge(st: CheckStatus) -> (&'static str, &'static str) {
    match st {
        CheckStatus::Pass => ("pass", "PASS"),
        CheckStatus::Fail => ("fail", "FAIL"),
        CheckStatus::Warn => ("warn", "WARN"),
        CheckStatus::Skip => ("skip", "SKIP"),
    }
}

fn check(h: &mut String, c: &CheckResult, r: &RunRecord) {
    let (cls, label) = badge(c.status);
    let _ = write!(
        h,
        "<section class=\"check\" id=\"{}\"><h3><span class=\"badge {cls}\">{label}</span> {} \
         <code class=\"muted\">{}</code>{}</h3><p>{}</p>",
        escape(&c.id),
        escape(&c.title),
        escape(&c.id),
        sim_tag(r),
        escape(&c.summary)
    );
    if let Some(d) = c
        .diagnosis
        .as_ref()
        .filter(|_| c.status != CheckStatus::Pass)
    {
        let _ = write!(
            h,
            "<dl><dt>Cause</dt><dd>{}</dd><dt>Fix</dt><dd>{}</dd><dt>Where</dt><dd>{}</dd></dl>",
            escape(&d.cause),
            escape(&d.fix),
            escape(&d.where_)
        );
    }
    if !c.evidence.is_empty() {
        h.push_str("<table><tr><th>Evidence</th><th>Value</th></tr>");
        for e in &c.evidence {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&e.label),
                escape(&e.value)
            );
        }
        h.push_str("</table>");
    }
    if let Some(diff) = &c.diff {
        let _ = write!(
            h,
            "<p class=\"muted\">Permissions, required against actual ({}):</p><table><tr><th>Group</th>\
             <th>Permission</th><th>ID</th><th>Required</th><th>Actual</th><th>Status</th><th>How it was learnt</th></tr>",
            escape(&diff.source)
        );
        for row in &diff.rows {
            let status = match row.status {
                DiffStatus::Ok => "ok",
                DiffStatus::Missing => "missing",
                DiffStatus::Insufficient => "insufficient",
                DiffStatus::Extra => "extra",
                DiffStatus::Unknown => "unknown",
            };
            let _ = write!(
                h,
                "<tr class=\"diff-{status}\"><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{status}</td><td>{}</td></tr>",
                escape(&row.group),
                escape(&row.name),
                escape(&row.id),
                escape(row.required.as_deref().unwrap_or("—")),
                escape(row.actual.as_deref().unwrap_or("—")),
                escape(row.proof.as_ref().map_or("—", |p| p.detail.as_str())),
            );
        }
        h.push_str("</table>");
    }
    h.push_str("</section>\n");
}

/// What was observed, as path → value rows (features, role, user, integration…).
fn observed(h: &mut String, r: &RunRecord) {
    let v = serde_json::to_value(&r.observed).unwrap_or(Value::Null);
    let mut rows = Vec::new();
    leaves("", &v, &mut rows);
    let _ = write!(
        h,
        "<h2>Configuration as observed{}</h2><table><tr><th>Item</th><th>Value</th></tr>",
        sim_tag(r)
    );
    for (k, v) in rows {
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td></tr>",
            escape(&k),
            escape(&v)
        );
    }
    h.push_str("</table>\n");
}

pub(super) fn leaves(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Null => {}
        Value::Object(m) => {
            for (k, child) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                leaves(&p, child, out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for (i, item) in items.iter().enumerate() {
                leaves(&format!("{prefix}[{i}]"), item, out);
            }
        }
        Value::Array(items) => out.push((
            prefix.into(),
            items.iter().map(text).collect::<Vec<_>>().join(", "),
        )),
        other => out.push((prefix.into(), text(other))),
    }
}
