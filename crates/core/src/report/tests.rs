use std::collections::BTreeMap;

use super::*;
use crate::check::{Diagnosis, DiffStatus, PermissionDiff, PermissionDiffRow};
use crate::observed::{FeatureState, NsObserved, NsRole};
use crate::profile::{Erp, NsLevel};
use crate::state::Environment;

pub(crate) fn sample() -> RunRecord {
    let diff = PermissionDiff {
        source: "SuiteQL rolepermissions (role 1001)".into(),
        rows: vec![PermissionDiffRow {
            id: "LIST_CURRENCY".into(),
            name: "Currency".into(),
            group: "Lists".into(),
            required: Some("View".into()),
            actual: None,
            status: DiffStatus::Missing,
            proof: Some(crate::check::Proof::new(
                crate::check::ProofMethod::Probe,
                "GET /record/v1/currency was refused for lack of this permission <b>",
            )),
        }],
    };
    let checks = vec![
        CheckResult::pass(
            "netsuite.auth",
            "Sign-in",
            "NetSuite accepted the credentials.",
        ),
        CheckResult::fail(
            "netsuite.permissions",
            "Role permissions",
            "The role lacks <script>alert('x')</script> Currency & more.",
            Diagnosis::new(
                "Missing \"Currency\".",
                "Add it at View.",
                "Setup > Users/Roles",
            ),
        )
        .with_evidence("Source", "SuiteQL")
        .with_diff(diff),
    ];
    let observed = Observed::Netsuite(NsObserved {
        features: BTreeMap::from([("REST_WEB_SERVICES".into(), FeatureState::On)]),
        role: NsRole {
            id: Some(1001),
            permissions: BTreeMap::from([("LIST_ITEM".into(), NsLevel::Full)]),
            ..NsRole::default()
        },
        ..NsObserved::default()
    });
    let setup = SetupFacts {
        erp: Erp::Netsuite,
        account_id: "1234567_SB1".into(),
        environment: Some(Environment::Sandbox),
        entity_id: None,
        connector_profile_id: Some("netsuite-zuora-billing".into()),
        auth_method: Some("tba".into()),
        simulation: None,
    };
    let mut r = RunRecord::new(setup, observed, checks, None);
    r.expiries.push(Expiry {
        what: "M2M certificate".into(),
        expires_at: "2028-02-29T00:00:00Z".into(),
    });
    r.steps.push(StepRecord {
        id: "role".into(),
        title: "Create the role".into(),
        status: StepStatus::Done,
        by: Some("Dana".into()),
        updated_at: "2026-11-20T10:00:00Z".into(),
    });
    r
}

#[test]
fn run_record_json_round_trips_and_is_strict() {
    let r = sample();
    let back = parse_run_record(&r.to_json()).unwrap();
    assert_eq!(back, r);
    let mut v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    v["surprise"] = 1.into();
    let e = parse_run_record(&v.to_string()).unwrap_err();
    assert!(e.to_string().contains("surprise"), "{e}");
}

#[test]
fn html_is_self_contained_escaped_and_complete() {
    let r = sample();
    let html = r.to_html();
    let lower = html.to_ascii_lowercase();
    for attr in ["src=", "href=", "@import", "url("] {
        assert!(!lower.contains(attr), "external reference via {attr}");
    }
    assert!(!lower.contains("<script"), "planted script survived");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("Currency &amp; more"));
    for c in &r.checks {
        assert!(
            html.contains(&format!("id=\"{}\"", c.id)),
            "{} missing",
            c.id
        );
    }
    assert!(html.contains("<td><code>LIST_CURRENCY</code></td>"));
    assert!(html.contains("diff-missing"));
    assert!(html.contains("refused for lack of this permission &lt;b&gt;"));
    assert!(html.contains("2028-02-29T00:00:00Z"));
    assert!(html.contains("Dana"));
    assert!(html.contains("prefers-color-scheme:dark") && html.contains("@media print"));
    assert!(html.contains("1234567_SB1") && html.contains("env-sandbox"));
    assert!(html.contains(&r.app_version));
}

#[test]
fn html_says_what_the_run_cost_the_account() {
    let mut r = sample();
    assert!(!render_html(&r).contains("requests to the account"));
    r.traffic = Some(crate::http::TrafficStats {
        requests: 12,
        peak_concurrency: 3,
    });
    assert!(render_html(&r).contains("12 requests to the account, at most 3 at once"));
    let json = serde_json::to_string(&r).unwrap();
    let back: RunRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back.traffic, r.traffic);
}

#[test]
fn escape_covers_attribute_breakouts() {
    assert_eq!(html::escape("\"'<>&"), "&quot;&#39;&lt;&gt;&amp;");
}

/// Autoref probe: the inherent method exists only when `T: Serialize`, so
/// method resolution falls back to the trait's `false` otherwise.
struct Probe<T>(std::marker::PhantomData<T>);
trait NotSerialize {
    fn serializable(&self) -> bool {
        false
    }
}
impl<T> NotSerialize for Probe<T> {}
impl<T: serde::Serialize> Probe<T> {
    fn serializable(&self) -> bool {
        true
    }
}

#[test]
fn secrets_cannot_be_serialised_into_any_export() {
    use std::marker::PhantomData;
    assert!(!Probe::<crate::Secret<String>>(PhantomData).serializable());
    assert!(!Probe::<Option<crate::Secret<String>>>(PhantomData).serializable());
    // The probe does detect serialisable types (the exports themselves).
    assert!(Probe::<RunRecord>(PhantomData).serializable());
    assert!(Probe::<crate::observed::SetupProfile>(PhantomData).serializable());
}

#[test]
fn a_simulated_run_says_so_on_every_section_and_is_never_production() {
    let mut r = sample();
    r.setup.account_id = "1234567".into();
    r.setup.environment = Some(Environment::Production);
    let real = r.to_html();
    assert!(real.contains("env-production"));
    assert!(!real.contains("Practice") && !real.contains("<div class=\"sim-page\""));
    assert!(
        !r.to_json().contains("simulation"),
        "a real run carries no simulation field"
    );

    r.setup.simulation = Some(crate::observed::Simulation {
        scenario: "netsuite/<happy>".into(),
    });
    let html = r.to_html();
    let body = &html[html.find("</style>").unwrap()..];
    assert!(
        !body.to_ascii_lowercase().contains("production"),
        "a simulated account is never labelled production"
    );
    assert!(html.contains("<title>Onramp practice report (simulation) — 1234567</title>"));
    assert!(html.contains("<h1>Practice report (simulation): NetSuite 1234567</h1>"));
    assert!(html.contains("class=\"env env-simulation\">simulation</dd>"));
    assert!(html.contains("<dd><code>netsuite/&lt;happy&gt;</code></dd>"));
    // Printed pages: a fixed print header names the scenario, and every
    // section and check heading carries the marker too.
    assert!(html.contains(
        "<div class=\"sim-page\" aria-hidden=\"true\">PRACTICE — SIMULATION · scenario netsuite/&lt;happy&gt;"
    ));
    assert!(html.contains(".sim-page{display:block;position:fixed;top:0"));
    for tag in ["<h2", "<h3"] {
        let headings: Vec<_> = html.split(tag).skip(1).collect();
        assert!(!headings.is_empty(), "no {tag} at all");
        for h in headings {
            let heading = &h[..h.find("</h").unwrap()];
            assert!(
                heading.contains("Practice — simulation"),
                "{tag} without the simulation marker: {heading}"
            );
        }
    }
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["setup"]["simulation"]["scenario"], "netsuite/<happy>");
    assert_eq!(parse_run_record(&r.to_json()).unwrap(), r);
    let profile: serde_json::Value = serde_json::from_str(&r.setup_profile().to_json()).unwrap();
    assert_eq!(
        profile["setup"]["simulation"]["scenario"], "netsuite/<happy>",
        "the setup profile keeps the mark"
    );
}
