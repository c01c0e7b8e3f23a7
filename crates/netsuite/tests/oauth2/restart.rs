//! A simulated account keeps what it issued across a restart of its simulator,
//! as a real NetSuite account does: tokens from the code flow still sign in and
//! refresh, a revocation stays, M2M mappings stay — and the file it keeps them
//! in holds no token, code or key.

use std::path::Path;

use onramp_core::Secret;
use onramp_netsuite::NetSuiteError;
use onramp_sim::SimOptions;
use time::OffsetDateTime;

use crate::m2m::{m2m_client, mapped_certificate};
use crate::support::{browse, BrowserOutcome, Sim};

const SCENARIO: &str = "netsuite/oauth-happy";

/// A simulator keeping its accounts' changes in the folder `memory`.
async fn start(memory: &Path) -> Sim {
    let options = SimOptions {
        memory: Some(memory.to_path_buf()),
        ..SimOptions::default()
    };
    Sim::start_with(SCENARIO, options).await
}

fn kept(memory: &Path) -> String {
    std::fs::read_to_string(memory.join("netsuite.json")).unwrap()
}

async fn restart(sim: Sim, memory: &Path) -> Sim {
    sim.handle.shutdown().await;
    start(memory).await
}

fn refused(err: NetSuiteError) {
    assert!(
        matches!(err, NetSuiteError::BearerRejected { ref error, .. } if error == "invalid_token"),
        "{err:?}"
    );
}

#[tokio::test]
async fn code_flow_tokens_sign_in_refresh_and_stay_revoked_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let memory = dir.path().join("practice").join("setup-1");
    let sim = start(&memory).await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(location) = browse(&req.browser_url, "13:1001", true).await
    else {
        panic!("consent did not redirect");
    };
    let answer = client.parse_redirect(&location, &req.state).unwrap();
    let now = OffsetDateTime::now_utc();
    let mut tokens = client
        .exchange_code(&answer, req.pkce.verifier(), now)
        .await
        .unwrap();
    let refresh = tokens.refresh_token.clone().unwrap();

    let sim = restart(sim, &memory).await;
    let file = kept(&memory);
    for value in [tokens.access_token.expose(), refresh.expose(), &answer.code] {
        assert!(
            !file.contains(value.as_str()),
            "a token value is in the memory file"
        );
    }
    // The access token issued before the restart signs in, and refreshing works.
    sim.rest(&tokens.access_token).server_time().await.unwrap();
    let client = sim.code_client();
    client.refresh(&mut tokens, now).await.unwrap();
    sim.rest(&tokens.access_token).server_time().await.unwrap();
    // A code is single use across a restart too.
    let reused = client
        .exchange_code(&answer, req.pkce.verifier(), now)
        .await
        .unwrap_err();
    assert_eq!(reused.error_code(), Some("invalid_grant"));

    client.revoke(&refresh).await.unwrap();
    let sim = restart(sim, &memory).await;
    refused(
        sim.rest(&tokens.access_token)
            .server_time()
            .await
            .unwrap_err(),
    );
    let err = sim
        .code_client()
        .refresh(&mut tokens, now)
        .await
        .unwrap_err();
    assert_eq!(err.error_code(), Some("invalid_grant"));
}

#[tokio::test]
async fn an_m2m_mapping_and_its_token_stay_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let memory = dir.path().to_path_buf();
    let sim = start(&memory).await;
    let (certificate_id, key) = mapped_certificate(&sim).await;
    let before = m2m_client(&sim, &certificate_id, Secret::new(key.expose().clone()))
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap();
    let sim = restart(sim, &memory).await;
    assert!(
        !kept(&memory).contains("PRIVATE KEY"),
        "only the public certificate is kept"
    );
    sim.rest(&before.access_token).server_time().await.unwrap();
    let after = m2m_client(&sim, &certificate_id, key)
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap();
    sim.rest(&after.access_token).server_time().await.unwrap();
}

#[tokio::test]
async fn without_a_memory_file_a_restart_forgets_and_an_unreadable_one_is_moved_aside() {
    let sim = Sim::start(SCENARIO).await;
    let token = crate::support::token_for(&sim, "13:1001").await;
    sim.handle.shutdown().await;
    let sim = Sim::start(SCENARIO).await;
    refused(sim.rest(&token).server_time().await.unwrap_err());

    let dir = tempfile::tempdir().unwrap();
    let memory = dir.path().to_path_buf();
    std::fs::write(
        memory.join("netsuite.json"),
        b"{\"version\": 1, \"kept\": {",
    )
    .unwrap();
    let sim = start(&memory).await;
    // Starts as a fresh account would: a new connection works and is kept.
    let token = crate::support::token_for(&sim, "13:1001").await;
    let sim = restart(sim, &memory).await;
    sim.rest(&token).server_time().await.unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("netsuite.json.corrupt-")),
        "the unreadable file is kept aside: {names:?}"
    );
}
