//! An administrator's writes to employee records over REST, and the
//! `loginaudit` SuiteQL table, against `netsuite/oauth-admin-setup`.

mod common;

use common::*;
use onramp_sim::{Scenario, SimHandle, SimOptions};
use serde_json::{json, Value};

const EMPLOYEE: &str = "/services/rest/record/v1/employee";
const KEY: &str = "9b21d1785e11cf998e0a12bb47a87e15f3a7d4d51589272db109fd6e147784f2";
const SECRET: &str = "811585bc60095a2a777cf97beb74ec2ed1ed1c4190c91fcb5bb535df718d2d56";

fn signer(token: &str, secret: &str) -> Signer {
    Signer {
        realm: "1234567".into(),
        consumer_key: KEY.into(),
        consumer_secret: SECRET.into(),
        token: token.into(),
        token_secret: secret.into(),
        method: "HMAC-SHA256".into(),
        version: Some("1.0".into()),
        timestamp: time::OffsetDateTime::now_utc().unix_timestamp(),
        nonce: fresh_nonce(),
    }
}

fn admin() -> Signer {
    signer(
        "5d2f0c9e7b3a41c8a6e9f1d3b5c7e9a1f3d5b7c9e1a3c5e7f9b1d3f5a7c9e1b3",
        "a8c6e4f2d0b9a7c5e3f1d9b7a5c3e1f9d7b5a3c1e9f7d5b3a1c9e7f5d3b1a9c7",
    )
}

fn accountant() -> Signer {
    signer(
        "6e3a1d0f8c4b52d9b7fa02e4c6d8fab2a4e6c8d0f2b4d6e8a0c2e4f6b8d0f2c4",
        "b9d7f5a3e1c0b8d6f4a2e0c8b6d4f2a0e8c6b4d2f0a8e6c4b2d0f8e6c4a2b0d8",
    )
}

async fn sim() -> SimHandle {
    start(
        &Scenario::builtin("netsuite/oauth-admin-setup").unwrap(),
        SimOptions::default(),
    )
    .await
}

async fn write(sim: &SimHandle, who: &Signer, method: &str, path: &str, body: Value) -> Reply {
    let mut s = who.clone();
    s.nonce = fresh_nonce();
    let auth = s.header(method, PROD_HOST, path);
    send(
        sim,
        method,
        PROD_HOST,
        path,
        Some(auth),
        Some(("", &body.to_string())),
    )
    .await
}

fn new_employee(email: &str) -> Value {
    json!({
        "firstName": "Onramp", "lastName": "Integration", "email": email,
        "subsidiary": {"id": "1"}, "giveAccess": true,
        "roles": {"items": [{"selectedRole": {"id": "1001"}}]}
    })
}

fn detail(r: &Reply) -> String {
    r.body["o:errorDetails"][0]["detail"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn create_answers_204_with_location_and_the_record_reads_back() {
    let sim = sim().await;
    let r = write(
        &sim,
        &admin(),
        "POST",
        EMPLOYEE,
        new_employee("integration@wolfe.example"),
    )
    .await;
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(r.body, Value::String(String::new()), "no body on 204");
    let location = r.headers["location"].to_str().unwrap().to_string();
    let prefix = format!("https://{PROD_HOST}{EMPLOYEE}/");
    let id = location
        .strip_prefix(&prefix)
        .expect("Location names the record");
    let back = get(&sim, &admin(), PROD_HOST, &format!("{EMPLOYEE}/{id}")).await;
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(back.body["email"], "integration@wolfe.example");
    assert_eq!(back.body["giveAccess"], true);
    assert_eq!(back.body["isInactive"], false);
    assert_eq!(back.body["subsidiary"]["id"], "1");
    assert_eq!(back.body["roles"]["items"][0]["selectedRole"]["id"], "1001");
}

#[tokio::test]
async fn oneworld_requires_a_subsidiary() {
    let sim = sim().await;
    let mut body = new_employee("integration@wolfe.example");
    body.as_object_mut().unwrap().remove("subsidiary");
    let r = write(&sim, &admin(), "POST", EMPLOYEE, body).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["o:errorDetails"][0]["o:errorCode"], "USER_ERROR");
    assert_eq!(detail(&r), "Please enter value(s) for: Subsidiary");
}

#[tokio::test]
async fn a_taken_email_is_refused_even_by_an_inactive_employee() {
    let sim = sim().await;
    let r = write(
        &sim,
        &admin(),
        "POST",
        EMPLOYEE,
        new_employee("Old-Integration@wolfe.example"),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["o:errorDetails"][0]["o:errorCode"], "USER_ERROR");
    assert!(detail(&r).contains("already in use"), "{}", r.body);
}

#[tokio::test]
async fn a_role_without_employee_create_permission_is_refused() {
    let sim = sim().await;
    let r = write(
        &sim,
        &accountant(),
        "POST",
        EMPLOYEE,
        new_employee("integration@wolfe.example"),
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        r.body["o:errorDetails"][0]["o:errorCode"],
        "INSUFFICIENT_PERMISSION"
    );
    assert!(detail(&r).contains("'Lists -> Employees'"), "{}", r.body);
    let p = write(
        &sim,
        &accountant(),
        "PATCH",
        &format!("{EMPLOYEE}/7"),
        json!({"isInactive": true}),
    )
    .await;
    assert_eq!(
        p.status, 403,
        "viewing employees does not allow editing them"
    );
}

#[tokio::test]
async fn deactivating_blocks_the_users_tokens_at_once() {
    let sim = sim().await;
    // The accountant signs in fine before the change.
    assert_eq!(
        get(
            &sim,
            &accountant(),
            PROD_HOST,
            "/services/rest/record/v1/subsidiary/1"
        )
        .await
        .status,
        200
    );
    let p = write(
        &sim,
        &admin(),
        "PATCH",
        &format!("{EMPLOYEE}/9"),
        json!({"isInactive": true, "giveAccess": false}),
    )
    .await;
    assert_eq!(p.status, 204, "{}", p.body);
    let back = get(&sim, &admin(), PROD_HOST, &format!("{EMPLOYEE}/9")).await;
    assert_eq!(
        (
            back.body["isInactive"].clone(),
            back.body["giveAccess"].clone()
        ),
        (json!(true), json!(false))
    );
    let refused = get(
        &sim,
        &accountant(),
        PROD_HOST,
        "/services/rest/record/v1/subsidiary/1",
    )
    .await;
    assert_invalid_login(&refused);
    assert_eq!(last_detail(&sim).await, "permission_denied");
}

#[tokio::test]
async fn give_access_off_alone_blocks_login() {
    let sim = sim().await;
    let p = write(
        &sim,
        &admin(),
        "PATCH",
        &format!("{EMPLOYEE}/9"),
        json!({"giveAccess": false}),
    )
    .await;
    assert_eq!(p.status, 204);
    assert_invalid_login(
        &get(
            &sim,
            &accountant(),
            PROD_HOST,
            "/services/rest/record/v1/subsidiary/1",
        )
        .await,
    );
}

#[tokio::test]
async fn patching_a_missing_employee_is_nonexistent_id() {
    let sim = sim().await;
    let p = write(
        &sim,
        &admin(),
        "PATCH",
        &format!("{EMPLOYEE}/999"),
        json!({"isInactive": true}),
    )
    .await;
    assert_eq!(p.status, 404);
    assert_eq!(p.body["o:errorDetails"][0]["o:errorCode"], "NONEXISTENT_ID");
}

async fn suiteql(sim: &SimHandle, who: &Signer, q: &str) -> Reply {
    write_prefer(sim, who, "/services/rest/query/v1/suiteql", json!({"q": q})).await
}

async fn write_prefer(sim: &SimHandle, who: &Signer, path: &str, body: Value) -> Reply {
    let mut s = who.clone();
    s.nonce = fresh_nonce();
    let auth = s.header("POST", PROD_HOST, path);
    send(
        sim,
        "POST",
        PROD_HOST,
        path,
        Some(auth),
        Some(("transient", &body.to_string())),
    )
    .await
}

#[tokio::test]
async fn loginaudit_lists_the_failures_the_simulator_logged() {
    let sim = sim().await;
    let mut wrong = accountant();
    wrong.token_secret = "not-the-secret".into();
    assert_invalid_login(
        &get(
            &sim,
            &wrong,
            PROD_HOST,
            "/services/rest/record/v1/subsidiary/1",
        )
        .await,
    );
    let r = suiteql(
        &sim,
        &admin(),
        "SELECT date, detail, emailaddress, status, oauthaccesstokenname, user, role FROM loginaudit WHERE status = 'Failure' ORDER BY date DESC",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let row = &r.body["items"][0];
    assert_eq!(row["detail"], "InvalidSignature");
    assert_eq!(row["emailaddress"], "accountant@wolfe.example");
    assert_eq!(row["user"], "9");
    assert_eq!(row["role"], "1002");
    assert_eq!(
        row["oauthaccesstokenname"],
        "Onramp Connector - Sam Accountant"
    );
    // Without View Login Audit Trail the table is unknown, as SuiteQL answers.
    let denied = suiteql(&sim, &accountant(), "SELECT detail FROM loginaudit").await;
    assert_eq!(denied.status, 400);
    assert!(
        detail(&denied).contains("Unknown identifier 'loginaudit'"),
        "{}",
        denied.body
    );
}
