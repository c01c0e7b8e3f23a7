//! `netsuite check --auth oauth2-m2m|oauth2-code`: the real binary gets its
//! OAuth 2.0 token from the simulator, runs the whole suite with it, and
//! reports a refused token as a failing `netsuite.auth`, never printing a secret.

mod common;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use common::*;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::Secret;
use onramp_netsuite::oauth2::{
    ClientKind, CodeClient, CodeClientConfig, OffsetDateTime, RedirectUri, Scope, TokenSet,
};
use onramp_netsuite::Account;
use onramp_sim::netsuite::oauth2::OAuth2ClientConfig;
use onramp_sim::{Scenario, SimHandle};
use serde_json::{json, Value};

const SCENARIO: &str = "netsuite/oauth-happy";
const PRINCIPAL: &str = "13:1001";

fn s(v: &str) -> String {
    v.to_string()
}

fn oauth(scenario: &Scenario) -> &OAuth2ClientConfig {
    &scenario.netsuite.as_ref().unwrap().oauth2.client
}

/// `netsuite check --json` against the simulator with the scenario's account, role and profile.
fn check_args(scenario: &Scenario, base: &str, auth: &str, more: &[String]) -> Vec<String> {
    let c = &scenario.netsuite.as_ref().unwrap().client;
    let mut args = vec![
        s("netsuite"),
        s("check"),
        s("--auth"),
        s(auth),
        s("--account"),
        c.account_id.clone().unwrap(),
        s("--role-name"),
        c.role_name.clone().unwrap(),
        s("--profile"),
        c.profile.clone().unwrap(),
        s("--base-url"),
        s(base),
        s("--json"),
    ];
    args.extend_from_slice(more);
    args
}

/// The `checks` array of the JSON on stdout, as (id, status, whole entry).
fn checks(out: &Output) -> Vec<(String, String, Value)> {
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    doc["checks"]
        .as_array()
        .expect("a checks array")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
                c.clone(),
            )
        })
        .collect()
}

/// Every check passes, except that the permission check may warn: the
/// integration role cannot read its own permission list (that needs Manage
/// Roles), so levels above what a request proves stay unconfirmed.
fn assert_all_pass(out: &Output) -> Vec<String> {
    let results = checks(out);
    let not_passing: Vec<_> = results
        .iter()
        .filter(|(id, status, _)| {
            status != "pass" && !(id == "netsuite.permissions" && status == "warn")
        })
        .map(|(id, status, c)| format!("{id}: {status} {}", c["summary"]))
        .collect();
    assert!(not_passing.is_empty(), "{not_passing:#?}");
    assert_eq!(out.status.code(), Some(0));
    results.into_iter().map(|(id, ..)| id).collect()
}

/// No secret appears in anything the CLI printed; JWT access tokens start with `eyJ`.
fn assert_nothing_leaked(out: &Output, secrets: &[&str]) {
    for stream in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(stream);
        assert!(!text.contains("eyJ"), "a JWT was printed:\n{text}");
        for secret in secrets {
            assert!(!text.contains(secret), "a secret was printed:\n{text}");
        }
    }
}

/// Generates the key pair with the CLI and uploads the certificate to the
/// simulated M2M setup page, as an administrator would; returns the Certificate ID.
async fn mapped_certificate(sim: &SimHandle, scenario: &Scenario, dir: &Path) -> String {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let out = cli(
        vec![
            s("netsuite"),
            s("m2m"),
            s("keygen"),
            s("--alg"),
            s("es256"),
            s("--out"),
            cert.display().to_string(),
            s("--key-out"),
            key.display().to_string(),
        ],
        Vec::new(),
    )
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = oauth(scenario);
    let resp: Value = reqwest::Client::new()
        .post(format!(
            "{}/__sim/netsuite/m2m/certificates",
            sim.base_url()
        ))
        .json(&json!({
            "account": "1234567",
            "client_id": c.client_id,
            "role": c.m2m_role,
            "entity": c.m2m_entity,
            "certificate_pem": std::fs::read_to_string(&cert).unwrap(),
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    resp["certificate_id"]
        .as_str()
        .unwrap_or_else(|| panic!("upload refused: {resp}"))
        .to_string()
}

fn m2m_args(scenario: &Scenario, dir: &Path, certificate_id: &str) -> Vec<String> {
    vec![
        s("--client-id"),
        oauth(scenario).client_id.clone().unwrap(),
        s("--certificate-id"),
        s(certificate_id),
        s("--key"),
        dir.join("key.pem").display().to_string(),
        s("--certificate"),
        dir.join("cert.pem").display().to_string(),
    ]
}

fn private_key_body(dir: &Path) -> String {
    let pem = std::fs::read_to_string(dir.join("key.pem")).unwrap();
    pem.lines().nth(1).expect("a PEM body line").to_string()
}

#[tokio::test]
async fn m2m_check_passes_with_an_uploaded_certificate() {
    let scenario = Scenario::builtin(SCENARIO).unwrap();
    let sim = start(scenario.clone()).await;
    let dir = workdir("m2m-pass");
    let cert_id = mapped_certificate(&sim, &scenario, &dir).await;

    let save = dir.join("run.json");
    let mut more = m2m_args(&scenario, &dir, &cert_id);
    more.extend([s("--save"), save.display().to_string()]);
    let args = check_args(&scenario, &sim.base_url(), "oauth2-m2m", &more);
    let out = cli(args, Vec::new()).await;
    let ids = assert_all_pass(&out);
    // The saved run names the method, so a support engineer reproduces an M2M setup.
    let record =
        onramp_core::report::parse_run_record(&std::fs::read_to_string(&save).unwrap()).unwrap();
    assert_eq!(record.setup.auth_method.as_deref(), Some("oauth2-m2m"));
    // The certificate check counts in the run's summary like every other check.
    let summary = record.summary.as_ref().expect("a summary");
    assert_eq!(
        (summary.passed + summary.warned) as usize,
        ids.len(),
        "{summary:?} vs {ids:?}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(!saved.contains("eyJ") && !saved.contains(&private_key_body(&dir)));
    for id in [
        "netsuite.auth",
        "netsuite.permissions",
        "netsuite.m2m_certificate",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    let auth = checks(&out)
        .into_iter()
        .find(|(id, ..)| id == "netsuite.auth");
    let evidence = auth.unwrap().2["evidence"].to_string();
    assert!(evidence.contains("client credentials, M2M"), "{evidence}");
    assert_nothing_leaked(&out, &[&private_key_body(&dir)]);
}

#[tokio::test]
async fn m2m_check_with_a_wrong_certificate_id_fails_auth() {
    let scenario = Scenario::builtin(SCENARIO).unwrap();
    let sim = start(scenario.clone()).await;
    let dir = workdir("m2m-wrong-id");
    mapped_certificate(&sim, &scenario, &dir).await;

    let args = check_args(
        &scenario,
        &sim.base_url(),
        "oauth2-m2m",
        &m2m_args(&scenario, &dir, "not-the-certificate-id"),
    );
    let out = cli(args, Vec::new()).await;
    assert_eq!(out.status.code(), Some(1));
    let results = checks(&out);
    let (_, status, auth) = results
        .iter()
        .find(|(id, ..)| id == "netsuite.auth")
        .expect("netsuite.auth reported");
    assert_eq!(status, "fail");
    let cause = auth["cause"].as_str().unwrap();
    assert!(
        cause.contains("Certificate ID 'not-the-certificate-id'"),
        "{cause}"
    );
    assert!(!auth["fix"].as_str().unwrap().is_empty());
    assert!(!auth["where"].as_str().unwrap().is_empty());
    // The certificate itself is fine: only the ID is wrong.
    assert!(results
        .iter()
        .any(|(id, status, _)| id == "netsuite.m2m_certificate" && status == "pass"));
    assert_nothing_leaked(&out, &[&private_key_body(&dir)]);
}

// --- authorization code ---------------------------------------------------

fn endpoints(sim: &SimHandle) -> Endpoints {
    Endpoints {
        override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
    }
}

/// Signs in through the simulated consent page with the library's code flow.
async fn consent(client: &CodeClient) -> TokenSet {
    consent_as(client, PRINCIPAL).await
}

/// Signs in on the consent page as `principal` ("employee:role").
async fn consent_as(client: &CodeClient, principal: &str) -> TokenSet {
    let req = client.authorization_request().unwrap();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = http.get(req.browser_url.clone()).send().await.unwrap();
    let page_url = page.url().clone();
    let html = page.text().await.unwrap();
    let form = html.find("<form").expect("a consent form");
    let action = attr(&html[form..], "action");
    let mut fields: Vec<(String, String)> = html[form..]
        .split("<input")
        .skip(1)
        .map(|tag| (attr(tag, "name"), attr(tag, "value")))
        .collect();
    fields.push((s("principal"), s(principal)));
    fields.push((s("decision"), s("allow")));
    let resp = http
        .post(page_url.join(&action).unwrap())
        .form(&fields)
        .send()
        .await
        .unwrap();
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    let answer = client.parse_redirect(&location, &req.state).unwrap();
    client
        .exchange_code(&answer, req.pkce.verifier(), OffsetDateTime::now_utc())
        .await
        .unwrap()
}

/// An attribute of the first tag in `html`, HTML entities decoded.
fn attr(html: &str, name: &str) -> String {
    let tag = &html[..html.find('>').unwrap()];
    let key = format!("{name}=\"");
    let Some(at) = tag.find(&key).map(|i| i + key.len()) else {
        return String::new();
    };
    let raw = &tag[at..at + tag[at..].find('"').unwrap()];
    raw.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn code_client(sim: &SimHandle, client_id: &str, secret: Option<&str>) -> CodeClient {
    CodeClient::new(CodeClientConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: client_id.into(),
        client_secret: secret.map(|v| Secret::new(v.to_string())),
        redirect_uri: RedirectUri::parse("com.onramp.app://oauth/callback").unwrap(),
        scopes: vec![Scope::RestWebServices],
        kind: match secret {
            Some(_) => ClientKind::Confidential,
            None => ClientKind::public_default(),
        },
        endpoints: endpoints(sim),
        timeout: Duration::from_secs(10),
    })
    .unwrap()
}

#[tokio::test]
async fn code_check_passes_with_a_refresh_token_from_the_environment() {
    let scenario = Scenario::builtin(SCENARIO).unwrap();
    let sim = start(scenario.clone()).await;
    let c = oauth(&scenario);
    let (id, secret) = (
        c.client_id.clone().unwrap(),
        c.client_secret.clone().unwrap(),
    );
    let tokens = consent(&code_client(&sim, &id, Some(&secret))).await;
    let refresh = tokens.refresh_token.clone().unwrap();

    let args = check_args(
        &scenario,
        &sim.base_url(),
        "oauth2-code",
        &[s("--client-id"), id],
    );
    let env = vec![
        (
            s("ONRAMP_NETSUITE_OAUTH2_REFRESH_TOKEN"),
            refresh.expose().clone(),
        ),
        (s("ONRAMP_NETSUITE_OAUTH2_CLIENT_SECRET"), secret.clone()),
    ];
    let out = cli(args, env).await;
    assert_all_pass(&out);
    // A confidential client keeps its refresh token: no rotation note.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("rotated"));
    assert_nothing_leaked(
        &out,
        &[tokens.access_token.expose(), refresh.expose(), &secret],
    );
}

/// `--admin-reader`: an administrator's access token, from the environment
/// only, reads the integration role's permission list, which the role itself
/// may not (Manage Roles); every row then says so and the check passes.
#[tokio::test]
async fn an_administrators_token_from_the_environment_reads_the_role() {
    let scenario = Scenario::builtin(SCENARIO).unwrap();
    let sim = start(scenario.clone()).await;
    let c = oauth(&scenario);
    let (id, secret) = (
        c.client_id.clone().unwrap(),
        c.client_secret.clone().unwrap(),
    );
    let client = code_client(&sim, &id, Some(&secret));
    let tokens = consent(&client).await;
    let admin = consent_as(&client, "7:3").await;
    let refresh = tokens.refresh_token.clone().unwrap();
    let args = check_args(
        &scenario,
        &sim.base_url(),
        "oauth2-code",
        &[s("--client-id"), id, s("--admin-reader")],
    );
    let env = vec![
        (
            s("ONRAMP_NETSUITE_OAUTH2_REFRESH_TOKEN"),
            refresh.expose().clone(),
        ),
        (s("ONRAMP_NETSUITE_OAUTH2_CLIENT_SECRET"), secret.clone()),
        (
            s("ONRAMP_NETSUITE_ADMIN_ACCESS_TOKEN"),
            admin.access_token.expose().clone(),
        ),
    ];
    let out = cli(args, env).await;
    let (_, status, perms) = checks(&out)
        .into_iter()
        .find(|(id, ..)| id == "netsuite.permissions")
        .unwrap();
    assert_eq!(status, "pass", "{perms}");
    let rows = perms["diff"]["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        assert_eq!(row["proof"]["method"], "admin_role_list", "{row}");
    }
    assert_nothing_leaked(&out, &[admin.access_token.expose(), &secret]);
}

#[tokio::test]
async fn public_client_refresh_tokens_are_spent_by_a_check() {
    let scenario = Scenario::builtin(SCENARIO).unwrap();
    let sim = start(scenario.clone()).await;
    let id = oauth(&scenario).public_client_id.clone().unwrap();
    let tokens = consent(&code_client(&sim, &id, None)).await;
    let refresh = tokens.refresh_token.clone().unwrap();
    let env = vec![(
        s("ONRAMP_NETSUITE_OAUTH2_REFRESH_TOKEN"),
        refresh.expose().clone(),
    )];
    let args = check_args(
        &scenario,
        &sim.base_url(),
        "oauth2-code",
        &[s("--client-id"), id],
    );

    let first = cli(args.clone(), env.clone()).await;
    assert_all_pass(&first);
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("is now spent"), "{stderr}");
    assert_nothing_leaked(&first, &[tokens.access_token.expose(), refresh.expose()]);

    // The same refresh token again: NetSuite refuses it, reported as netsuite.auth.
    let again = cli(args, env).await;
    assert_eq!(again.status.code(), Some(1));
    let results = checks(&again);
    assert_eq!(results.len(), 1, "only the sign-in could be checked");
    let (check_id, status, auth) = &results[0];
    assert_eq!(
        (check_id.as_str(), status.as_str()),
        ("netsuite.auth", "fail")
    );
    assert!(auth["summary"].as_str().unwrap().contains("invalid_grant"));
    assert!(!auth["cause"].as_str().unwrap().is_empty());
    assert_nothing_leaked(&again, &[refresh.expose()]);
}

#[tokio::test]
async fn m2m_without_a_certificate_id_is_a_usage_error() {
    let scenario = Scenario::builtin(SCENARIO).unwrap();
    let dir = workdir("m2m-usage");
    let args = check_args(
        &scenario,
        "http://127.0.0.1:9",
        "oauth2-m2m",
        &[
            s("--client-id"),
            s("abc"),
            s("--key"),
            dir.join("none.pem").display().to_string(),
        ],
    );
    let out = cli(args, Vec::new()).await;
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --certificate-id"));
}
