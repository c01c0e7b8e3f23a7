//! TBA login over real HTTP: every failure mode answers the documented 401 body
//! and records its own Detail in the Login Audit Trail.

mod common;

use common::*;
use onramp_sim::{Scenario, SimOptions};

const SERVER_TIME: &str = "/services/rest/system/v1/serverTime";

fn happy() -> Scenario {
    Scenario::builtin("netsuite/happy").unwrap()
}

#[tokio::test]
async fn valid_login_returns_server_time_and_success_row() {
    let s = happy();
    let sim = start(&s, SimOptions::default()).await;
    let r = get(&sim, &Signer::from_scenario(&s), PROD_HOST, SERVER_TIME).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let t = r.body["serverTime"].as_str().unwrap();
    assert!(t.ends_with('Z') && t.len() == 24, "{t}");
    let row = &audit(&sim).await[0];
    assert_eq!(row["status"], "Success");
    assert_eq!(row["email"], "integration@wolfe.example");
    assert_eq!(row["role"], "Onramp Integration");
    assert_eq!(row["application"], "Onramp Connector");
}

async fn expect_detail(sim: &onramp_sim::SimHandle, signer: &Signer, host: &str, detail: &str) {
    let r = get(sim, signer, host, SERVER_TIME).await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(sim).await, detail);
}

#[tokio::test]
async fn realm_must_be_the_exact_account_id_of_the_host() {
    let s = happy();
    let sim = start(&s, SimOptions::default()).await;
    let mut signer = Signer::from_scenario(&s);
    signer.realm = "1234567_sb1".into();
    expect_detail(&sim, &signer, SB_HOST, "InvalidSignature").await;
    // Right spelling, but the sandbox realm sent to the production host.
    signer.realm = "1234567_SB1".into();
    expect_detail(&sim, &signer, PROD_HOST, "InvalidSignature").await;
    // The sandbox with its own token and the exact realm works.
    let c = &s.netsuite.as_ref().unwrap().accounts[1].tokens[0];
    signer.token = c.id.clone();
    signer.token_secret = c.secret.clone();
    assert_eq!(get(&sim, &signer, SB_HOST, SERVER_TIME).await.status, 200);
}

#[tokio::test]
async fn protocol_errors_have_their_own_details() {
    let s = happy();
    let sim = start(&s, SimOptions::default()).await;
    let good = Signer::from_scenario(&s);

    let mut sha1 = good.clone();
    sha1.method = "HMAC-SHA1".into();
    expect_detail(&sim, &sha1, PROD_HOST, "UnknownAlgorithm").await;

    let mut v2 = good.clone();
    v2.version = Some("2.0".into());
    expect_detail(&sim, &v2, PROD_HOST, "VersionRejected").await;

    let mut short = good.clone();
    short.nonce = "abc12".into();
    let r = send(
        &sim,
        "GET",
        PROD_HOST,
        SERVER_TIME,
        Some(short.header("GET", PROD_HOST, SERVER_TIME)),
        None,
    )
    .await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "parameter_rejected");

    let mut wrong_secret = good.clone();
    wrong_secret.token_secret = "not-the-secret".into();
    expect_detail(&sim, &wrong_secret, PROD_HOST, "InvalidSignature").await;

    let mut unknown = good.clone();
    unknown.consumer_key = "0".repeat(64);
    expect_detail(&sim, &unknown, PROD_HOST, "consumer_key_unknown").await;

    let mut other_token = good.clone();
    other_token.token = "f".repeat(64);
    expect_detail(&sim, &other_token, PROD_HOST, "token_rejected").await;
}

#[tokio::test]
async fn duplicated_or_empty_parameters_are_rejected() {
    let s = happy();
    let sim = start(&s, SimOptions::default()).await;
    let header = Signer::from_scenario(&s).header("GET", PROD_HOST, SERVER_TIME);
    let duplicated = format!("{header}, oauth_nonce=\"another1\"");
    let r = send(&sim, "GET", PROD_HOST, SERVER_TIME, Some(duplicated), None).await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "parameter_rejected");
    let empty = header.replacen("oauth_version=\"1.0\"", "oauth_version=\"\"", 1);
    let r = send(&sim, "GET", PROD_HOST, SERVER_TIME, Some(empty), None).await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "parameter_rejected");
}

#[tokio::test]
async fn a_nonce_is_accepted_once_per_token_and_timestamp() {
    let s = happy();
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
    let header = signer.header("GET", PROD_HOST, SERVER_TIME);
    let first = send(
        &sim,
        "GET",
        PROD_HOST,
        SERVER_TIME,
        Some(header.clone()),
        None,
    )
    .await;
    assert_eq!(first.status, 200);
    let replay = send(&sim, "GET", PROD_HOST, SERVER_TIME, Some(header), None).await;
    assert_invalid_login(&replay);
    assert_eq!(last_detail(&sim).await, "NonceUsed");
    // The same nonce with another timestamp is a different request.
    let mut later = signer.clone();
    later.timestamp += 1;
    let r = send(
        &sim,
        "GET",
        PROD_HOST,
        SERVER_TIME,
        Some(later.header("GET", PROD_HOST, SERVER_TIME)),
        None,
    )
    .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn timestamps_are_accepted_within_300_seconds_of_the_sim_clock() {
    let s = happy();
    let now = time::OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
    let sim = start(
        &s,
        SimOptions {
            fixed_now: Some(now),
            ..Default::default()
        },
    )
    .await;
    let mut signer = Signer::from_scenario(&s);
    for (delta, ok) in [(300, true), (-300, true), (301, false), (-301, false)] {
        signer.timestamp = now.unix_timestamp() + delta;
        let r = get(&sim, &signer, PROD_HOST, SERVER_TIME).await;
        assert_eq!(r.status == 200, ok, "delta {delta}: {}", r.body);
        if !ok {
            assert_eq!(last_detail(&sim).await, "InvalidTimestamp");
        }
    }
    // serverTime and the Date header both come from the simulated clock.
    signer.timestamp = now.unix_timestamp();
    let r = get(&sim, &signer, PROD_HOST, SERVER_TIME).await;
    assert_eq!(r.body["serverTime"], "2027-01-15T08:00:00.000Z");
    assert_eq!(r.headers["date"], "Fri, 15 Jan 2027 08:00:00 GMT");
}

#[tokio::test]
async fn date_header_carries_the_clock_offset_even_on_401() {
    let s = Scenario::builtin("netsuite/clock-skew").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let r = get(&sim, &Signer::from_scenario(&s), PROD_HOST, SERVER_TIME).await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "InvalidTimestamp");
    let date = r.headers["date"].to_str().unwrap();
    let fmt = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let served = time::PrimitiveDateTime::parse(date, fmt)
        .unwrap()
        .assume_utc();
    let skew = (served - time::OffsetDateTime::now_utc()).whole_seconds();
    assert!((595..=605).contains(&skew), "skew {skew}");
}

#[tokio::test]
async fn missing_or_foreign_authorization_is_refused_without_detail() {
    let s = happy();
    let sim = start(&s, SimOptions::default()).await;
    let r = send(&sim, "GET", PROD_HOST, SERVER_TIME, None, None).await;
    assert_invalid_login(&r);
    let r = send(
        &sim,
        "GET",
        PROD_HOST,
        SERVER_TIME,
        Some("Basic dXNlcjpwYXNz".into()),
        None,
    )
    .await;
    assert_invalid_login(&r);
    assert!(audit(&sim).await.is_empty());
}

#[tokio::test]
async fn integration_without_tba_refuses_the_consumer_key() {
    let text = "extends = \"netsuite/happy\"\ntitle = \"t\"\ndescription = \"d\"\n[[netsuite.accounts]]\nid = \"1234567\"\n[[netsuite.accounts.integrations]]\nid = \"A1B2C3D4-0000-4000-8000-0000000000AA\"\ntba = false";
    let s = Scenario::from_toml_str("patched", text).unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
    expect_detail(&sim, &signer, PROD_HOST, "consumer_key_refused").await;
    assert_eq!(audit(&sim).await[0]["application"], "Onramp Connector");
}
