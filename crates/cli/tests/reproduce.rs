//! "Reproduce in Practice mode" end to end: check a built-in scenario with the
//! CLI, export the setup profile, build a scenario from it, serve that on a
//! NEW simulator, check again with its own practice credentials, and get the
//! same failures.

mod common;

use common::*;
use onramp_core::observed::{ChangeArea, IntegrationState, Observed};
use onramp_sim::Scenario;

#[tokio::test(flavor = "multi_thread")]
async fn netsuite_missing_currency_is_reproduced_from_the_profile() {
    let dir = workdir("ns-currency");
    let original = Scenario::builtin("netsuite/missing-currency-permission").unwrap();
    let sim = start(original.clone()).await;
    let (first, _) = netsuite_check(&original, &sim.base_url(), &dir.join("run1.json"), None).await;
    assert_eq!(failing(&first), sorted(original.expect_failing.clone()));
    assert!(short_permissions(&first)
        .contains(&("netsuite.permissions".into(), "LIST_CURRENCY".into())));

    let profile = export_profile(&dir.join("run1.json"), &dir.join("profile.json")).await;
    let Observed::Netsuite(ns) = &profile.observed else {
        panic!("not a NetSuite profile")
    };
    // The integration role may not read roles (Manage Roles): what the
    // probes proved stands in, and the refused read proves Currency is None.
    assert_eq!(ns.role.source.as_deref(), Some("per-record probes"));
    assert_eq!(
        ns.role.permissions.get("LIST_CURRENCY"),
        Some(&onramp_core::profile::NsLevel::None)
    );

    let reproduced = Scenario::from_setup_profile(&profile).unwrap();
    assert_eq!(sorted(reproduced.expect_failing.clone()), failing(&first));
    let client = &reproduced.netsuite.as_ref().unwrap().client;
    assert_ne!(
        client.token_secret,
        original.netsuite.as_ref().unwrap().client.token_secret
    );
    let sim2 = start(reproduced.clone()).await;
    let (second, _) =
        netsuite_check(&reproduced, &sim2.base_url(), &dir.join("run2.json"), None).await;
    assert_eq!(failing(&second), failing(&first));
    assert_eq!(short_permissions(&second), short_permissions(&first));

    // The same setup twice: nothing about checks or permissions changed.
    let out = cli(
        ["profile", "diff", "--json"]
            .into_iter()
            .map(String::from)
            .chain([dir.join("run1.json"), dir.join("run2.json")].map(|p| p.display().to_string()))
            .collect(),
        Vec::new(),
    )
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let areas: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["area"].as_str())
        .collect();
    assert!(
        !areas.contains(&"check") && !areas.contains(&"permission"),
        "{doc}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn profile_diff_shows_what_changed_since_the_customers_attempt() {
    let dir = workdir("ns-diff");
    let broken = Scenario::builtin("netsuite/missing-currency-permission").unwrap();
    let fixed = Scenario::builtin("netsuite/happy").unwrap();
    let (sim_a, sim_b) = (start(broken.clone()).await, start(fixed.clone()).await);
    netsuite_check(&broken, &sim_a.base_url(), &dir.join("before.json"), None).await;
    netsuite_check(&fixed, &sim_b.base_url(), &dir.join("after.json"), None).await;
    let a = onramp_core::observed::parse_any(
        &std::fs::read_to_string(dir.join("before.json")).unwrap(),
    )
    .unwrap();
    let b =
        onramp_core::observed::parse_any(&std::fs::read_to_string(dir.join("after.json")).unwrap())
            .unwrap();
    let changes = onramp_core::observed::diff(&a, &b);
    let currency = changes
        .iter()
        .find(|c| c.area == ChangeArea::Permission && c.key == "LIST_CURRENCY");
    // Refused before; now readable, which proves View but not the Full the
    // profile asks for, so the level is no longer observed and the check only
    // warns (reading the role would show Full).
    assert_eq!(
        currency.map(|c| (c.before.as_deref(), c.after.as_deref())),
        Some((Some("none"), None)),
        "{changes:?}"
    );
    let check = changes
        .iter()
        .find(|c| c.area == ChangeArea::Check && c.key == "netsuite.permissions")
        .unwrap();
    assert_eq!(
        (check.before.as_deref(), check.after.as_deref()),
        (Some("fail"), Some("warn"))
    );
}

/// Reads the Detail column of the latest failed login, as a user reads the Login Audit Trail.
async fn audit_detail(base_url: &str) -> String {
    let client = onramp_core::http::client(std::time::Duration::from_secs(10)).unwrap();
    let doc: serde_json::Value = client
        .get(format!("{base_url}/__sim/netsuite/login-audit-trail"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let rows = doc["rows"].as_array().unwrap();
    let failed = rows
        .iter()
        .rev()
        .find(|r| r["status"] != "Success")
        .expect("a failed login");
    failed["detail"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn netsuite_blocked_integration_is_reproduced_from_the_profile() {
    let dir = workdir("ns-blocked");
    let original = Scenario::builtin("netsuite/blocked-integration").unwrap();
    let sim = start(original.clone()).await;
    netsuite_check(&original, &sim.base_url(), &dir.join("probe1.json"), None).await;
    let detail = audit_detail(&sim.base_url()).await;
    assert_eq!(detail, "consumer_key_refused");
    let (first, _) = netsuite_check(
        &original,
        &sim.base_url(),
        &dir.join("run1.json"),
        Some(&detail),
    )
    .await;
    assert!(failing(&first).contains(&"netsuite.auth".to_string()));

    let profile = export_profile(&dir.join("run1.json"), &dir.join("profile.json")).await;
    let Observed::Netsuite(ns) = &profile.observed else {
        panic!("not a NetSuite profile")
    };
    assert_eq!(ns.integration.state, Some(IntegrationState::Blocked));

    let reproduced = Scenario::from_setup_profile(&profile).unwrap();
    let sim2 = start(reproduced.clone()).await;
    netsuite_check(
        &reproduced,
        &sim2.base_url(),
        &dir.join("probe2.json"),
        None,
    )
    .await;
    let detail2 = audit_detail(&sim2.base_url()).await;
    assert_eq!(
        detail2, detail,
        "the new simulator refuses for the same reason"
    );
    let (second, _) = netsuite_check(
        &reproduced,
        &sim2.base_url(),
        &dir.join("run2.json"),
        Some(&detail2),
    )
    .await;
    assert_eq!(failing(&second), failing(&first));
}

#[tokio::test(flavor = "multi_thread")]
async fn intacct_missing_ar_permission_is_reproduced_from_the_profile() {
    let dir = workdir("ia-ar");
    let original = Scenario::builtin("intacct/missing-ar-permission").unwrap();
    let sim = start(original.clone()).await;
    let (first, _) = intacct_check(&original, &sim.base_url(), &dir.join("run1.json")).await;
    assert_eq!(failing(&first), sorted(original.expect_failing.clone()));
    let missing = short_permissions(&first);
    assert!(
        missing.contains(&("intacct.permissions".into(), "ARINVOICE".into())),
        "{missing:?}"
    );

    let profile = export_profile(&dir.join("run1.json"), &dir.join("profile.json")).await;
    let reproduced = Scenario::from_setup_profile(&profile).unwrap();
    let practice = &reproduced.intacct.as_ref().unwrap().practice;
    assert_ne!(
        practice.user_password,
        original.intacct.as_ref().unwrap().practice.user_password
    );
    let sim2 = start(reproduced.clone()).await;
    let (second, _) = intacct_check(&reproduced, &sim2.base_url(), &dir.join("run2.json")).await;
    assert_eq!(failing(&second), failing(&first));
    assert_eq!(short_permissions(&second), missing);
}

#[tokio::test(flavor = "multi_thread")]
async fn intacct_sign_in_user_and_entity_failures_are_reproduced() {
    for name in [
        "intacct/sender-not-authorized",
        "intacct/user-not-business",
        "intacct/entity-not-permitted",
    ] {
        let dir = workdir("ia-more");
        let original = Scenario::builtin(name).unwrap();
        let sim = start(original.clone()).await;
        let (first, _) = intacct_check(&original, &sim.base_url(), &dir.join("run1.json")).await;
        assert_eq!(
            failing(&first),
            sorted(original.expect_failing.clone()),
            "{name}"
        );
        let profile = export_profile(&dir.join("run1.json"), &dir.join("profile.json")).await;
        let reproduced = Scenario::from_setup_profile(&profile).unwrap();
        let sim2 = start(reproduced.clone()).await;
        let (second, _) =
            intacct_check(&reproduced, &sim2.base_url(), &dir.join("run2.json")).await;
        assert_eq!(failing(&second), failing(&first), "{name}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn netsuite_revoked_token_is_reproduced_from_the_audit_detail() {
    let dir = workdir("ns-revoked");
    let original = Scenario::builtin("netsuite/revoked-token").unwrap();
    let sim = start(original.clone()).await;
    netsuite_check(&original, &sim.base_url(), &dir.join("probe1.json"), None).await;
    let detail = audit_detail(&sim.base_url()).await;
    let (first, _) = netsuite_check(
        &original,
        &sim.base_url(),
        &dir.join("run1.json"),
        Some(&detail),
    )
    .await;
    let profile = export_profile(&dir.join("run1.json"), &dir.join("profile.json")).await;
    let Observed::Netsuite(ns) = &profile.observed else {
        panic!("not a NetSuite profile")
    };
    assert_eq!(
        ns.token.state,
        Some(onramp_core::observed::TokenState::Revoked),
        "detail {detail}"
    );
    let reproduced = Scenario::from_setup_profile(&profile).unwrap();
    let sim2 = start(reproduced.clone()).await;
    netsuite_check(
        &reproduced,
        &sim2.base_url(),
        &dir.join("probe2.json"),
        None,
    )
    .await;
    assert_eq!(audit_detail(&sim2.base_url()).await, detail);
    let (second, _) = netsuite_check(
        &reproduced,
        &sim2.base_url(),
        &dir.join("run2.json"),
        Some(&detail),
    )
    .await;
    assert_eq!(failing(&second), failing(&first));
}

/// `sim serve --from-profile`: the CLI serves the reproduction itself, and
/// writes the scenario (with its practice credentials) for support to use.
#[tokio::test(flavor = "multi_thread")]
async fn sim_serve_from_profile_reproduces_over_the_cli() {
    use std::io::BufRead;
    let dir = workdir("ia-serve");
    let original = Scenario::builtin("intacct/missing-ar-permission").unwrap();
    let sim = start(original.clone()).await;
    let (first, _) = intacct_check(&original, &sim.base_url(), &dir.join("run1.json")).await;
    export_profile(&dir.join("run1.json"), &dir.join("profile.json")).await;

    let written = dir.join("reproduced.toml");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_onramp-cli"))
        .args(["sim", "--from-profile"])
        .arg(dir.join("profile.json"))
        .arg("--write-scenario")
        .arg(&written)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let base_url = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap();
        line.trim().to_string()
    })
    .await
    .unwrap();
    assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url:?}");
    let text = std::fs::read_to_string(&written).unwrap();
    let reproduced = Scenario::from_toml_str("written", &text).unwrap();
    let (second, _) = intacct_check(&reproduced, &base_url, &dir.join("run2.json")).await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(failing(&second), failing(&first));
    assert_eq!(sorted(reproduced.expect_failing), failing(&first));
}
