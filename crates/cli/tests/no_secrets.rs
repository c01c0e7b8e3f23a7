//! Planted credentials never reach an exported file: run both checks against
//! scenarios whose credentials are distinctive strings, produce every export
//! (run record, report JSON and HTML, setup profile, reproduced profile) and
//! search each one, and the CLI's own output, for every planted value.

mod common;

use std::path::Path;

use common::*;
use onramp_sim::Scenario;

const NS_PLANTED: [&str; 4] = [
    "PLANTED-SECRET-consumer-key-7d1e",
    "PLANTED-SECRET-consumer-secret-93ab",
    "PLANTED-SECRET-token-id-4c20",
    "PLANTED-SECRET-token-secret-b8f5",
];
const IA_PLANTED: [&str; 2] = [
    "PLANTED-SECRET-sender-password-61c9",
    "PLANTED-SECRET-user-password-0e42",
];

fn netsuite_scenario() -> Scenario {
    let [ck, cs, tid, ts] = NS_PLANTED;
    // The happy setup, with the integration and a token carrying planted values.
    let text = format!(
        r#"extends = "netsuite/happy"
title = "planted"
description = "planted credentials"
[netsuite.client]
consumer_key = "{ck}"
consumer_secret = "{cs}"
token_id = "{tid}"
token_secret = "{ts}"
[[netsuite.accounts]]
id = "1234567"
[[netsuite.accounts.roles]]
id = 1001
permissions = {{ LIST_CURRENCY = 0 }}
[[netsuite.accounts.integrations]]
id = "A1B2C3D4-0000-4000-8000-0000000000AA"
consumer_key = "{ck}"
consumer_secret = "{cs}"
[[netsuite.accounts.tokens]]
id = "{tid}"
secret = "{ts}"
employee = 13
role = 1001
integration = "A1B2C3D4-0000-4000-8000-0000000000AA"
"#
    );
    Scenario::from_toml_str("planted-netsuite", &text).unwrap()
}

fn intacct_scenario() -> Scenario {
    let [sp, up] = IA_PLANTED;
    let text = format!(
        r#"extends = "intacct/missing-ar-permission"
title = "planted"
description = "planted credentials"
[intacct.practice]
sender_password = "{sp}"
user_password = "{up}"
[[intacct.senders]]
id = "onramp_practice"
password = "{sp}"
[[intacct.users]]
id = "xml_onramp"
password = "{up}"
"#
    );
    Scenario::from_toml_str("planted-intacct", &text).unwrap()
}

/// Every export of one saved run, written by the CLI.
async fn exports(dir: &Path, run: &Path) -> Vec<std::path::PathBuf> {
    let html = dir.join("report.html");
    let json = dir.join("report.json");
    let out = cli(
        vec![
            "report".into(),
            "--from".into(),
            run.display().to_string(),
            "--html".into(),
            html.display().to_string(),
            "--out-json".into(),
            json.display().to_string(),
        ],
        Vec::new(),
    )
    .await;
    assert_eq!(
        out.status.code(),
        Some(1),
        "a check fails in these scenarios"
    );
    let record =
        onramp_core::report::parse_run_record(&std::fs::read_to_string(run).unwrap()).unwrap();
    let page = std::fs::read_to_string(&html).unwrap();
    for c in &record.checks {
        assert!(
            page.contains(&format!("id=\"{}\"", c.id)),
            "{} not in the report",
            c.id
        );
    }
    let json_text = std::fs::read_to_string(&json).unwrap();
    assert_eq!(
        onramp_core::report::parse_run_record(&json_text).unwrap(),
        record
    );
    let profile = dir.join("profile.json");
    let p = export_profile(run, &profile).await;
    // The reproduced scenario's own file is support's to keep, but it must
    // hold fresh practice values, never the customer's.
    let scenario = dir.join("reproduced.toml");
    std::fs::write(&scenario, onramp_sim::reproduce::scenario_toml(&p).unwrap()).unwrap();
    vec![run.to_path_buf(), html, json, profile, scenario]
}

fn assert_clean(files: &[std::path::PathBuf], planted: &[&str], outputs: &[&std::process::Output]) {
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(text.len() > 200, "{} is suspiciously empty", f.display());
        for p in planted {
            assert!(!text.contains(p), "{} contains planted {p}", f.display());
        }
    }
    for o in outputs {
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        for p in planted {
            assert!(!all.contains(p), "CLI output contains planted {p}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_planted_netsuite_credential_appears_in_any_export() {
    let dir = workdir("planted-ns");
    let scenario = netsuite_scenario();
    let sim = start(scenario.clone()).await;
    let run = dir.join("run.json");
    let (record, out) = netsuite_check(&scenario, &sim.base_url(), &run, None).await;
    // The planted credentials really were used: NetSuite accepted them.
    assert!(record
        .checks
        .iter()
        .any(|c| c.id == "netsuite.auth" && c.status == onramp_core::CheckStatus::Pass));
    assert_eq!(
        failing(&record),
        vec![
            "netsuite.permissions".to_string(),
            "netsuite.records".to_string()
        ]
    );
    assert_clean(&exports(&dir, &run).await, &NS_PLANTED, &[&out]);
}

#[tokio::test(flavor = "multi_thread")]
async fn no_planted_intacct_credential_appears_in_any_export() {
    let dir = workdir("planted-ia");
    let scenario = intacct_scenario();
    let sim = start(scenario.clone()).await;
    let run = dir.join("run.json");
    let (record, out) = intacct_check(&scenario, &sim.base_url(), &run).await;
    assert!(record
        .checks
        .iter()
        .any(|c| c.id == "intacct.login" && c.status == onramp_core::CheckStatus::Pass));
    assert_clean(&exports(&dir, &run).await, &IA_PLANTED, &[&out]);
}
