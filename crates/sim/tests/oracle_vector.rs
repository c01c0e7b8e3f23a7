//! Oracle's own worked example (NetSuite help, section 1534941088, vector V1):
//! the exact header from the documentation, sent at the documented time, is
//! accepted; any change to it is not.

mod common;

use common::*;
use onramp_sim::{Scenario, SimOptions};

const SCENARIO: &str = r#"
title = "Oracle's TBA example account"
description = "Account 123456 with the consumer and token of Oracle's worked example."

[netsuite]
[[netsuite.accounts]]
id = "123456"
features = ["REST_WEB_SERVICES", "TOKEN_BASED_AUTHENTICATION"]
roles = [{ id = 1001, name = "Integration", permissions = { ADMI_LOGIN_OAUTH = 4, ADMI_RESTWEBSERVICES = 4, LIST_EMPLOYEE = 1 } }]
employees = [{ id = 40, email = "jdoe@example.com", roles = [1001] }]
[[netsuite.accounts.integrations]]
id = "ORACLE-EXAMPLE"
name = "Oracle example"
consumer_key = "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4"
consumer_secret = "d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5"
[[netsuite.accounts.tokens]]
id = "2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc"
secret = "c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295"
employee = 40
role = 1001
integration = "ORACLE-EXAMPLE"
[netsuite.accounts.records]
employee = [{ id = "40", entityId = "John Doe" }]
"#;

const HOST: &str = "123456.suitetalk.api.netsuite.com";
const PATH: &str = "/services/rest/record/v1/employee/40";

fn header(signature: &str) -> String {
    format!(
        "OAuth realm=\"123456\", oauth_token=\"2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc\", oauth_consumer_key=\"ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4\", oauth_nonce=\"fjaLirsIcCGVZWzBX0pg\", oauth_timestamp=\"1508242306\", oauth_signature_method=\"HMAC-SHA256\", oauth_version=\"1.0\", oauth_signature=\"{signature}\""
    )
}

async fn sim_at_example_time() -> onramp_sim::SimHandle {
    let s = Scenario::from_toml_str("oracle", SCENARIO).unwrap();
    let at = time::OffsetDateTime::from_unix_timestamp(1_508_242_306 + 42).unwrap();
    start(
        &s,
        SimOptions {
            fixed_now: Some(at),
            ..Default::default()
        },
    )
    .await
}

#[tokio::test]
async fn oracle_v1_header_is_accepted() {
    let sim = sim_at_example_time().await;
    let sig = "B5OIWznZ2YP0OB7VrJrGkYsTh%2B8H%2B5T9Hag%2Bo92q0zY%3D";
    let r = send(&sim, "GET", HOST, PATH, Some(header(sig)), None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["entityId"], "John Doe");
    assert_eq!(audit(&sim).await[0]["status"], "Success");
}

#[tokio::test]
async fn oracle_v1_header_on_another_path_or_host_is_refused() {
    let sim = sim_at_example_time().await;
    let sig = "B5OIWznZ2YP0OB7VrJrGkYsTh%2B8H%2B5T9Hag%2Bo92q0zY%3D";
    let r = send(
        &sim,
        "GET",
        HOST,
        "/services/rest/record/v1/employee/41",
        Some(header(sig)),
        None,
    )
    .await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "InvalidSignature");
    // A query parameter must be part of the signature.
    let r = send(
        &sim,
        "GET",
        HOST,
        &format!("{PATH}?expandSubResources=true"),
        Some(header(sig)),
        None,
    )
    .await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "InvalidSignature");
}
