//! Control and authentication layers, sessions and the pod endpoint.

use super::*;
use crate::intacct::{CredentialErrors, UserStatus};

const API: &str = "api.intacct.com";
const SESSION_FN: &str = r#"<function controlid="f1"><getAPISession/></function>"#;
const APPS_FN: &str = r#"<function controlid="apps"><get_applications/></function>"#;

#[tokio::test]
async fn session_on_pod_endpoint_then_expiry() {
    let sim = start(happy()).await;
    let r = sim.xml(API, &as_practice_user(SESSION_FN)).await;
    assert_eq!(r.status, 200);
    assert!(r.content_type.contains("xml"), "{}", r.content_type);
    let b = &r.body;
    // Control block echoes what was sent.
    assert!(b.contains("<control><status>success</status><senderid>onramp_practice</senderid><controlid>unittest</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>"), "{b}");
    assert!(b.contains("<authentication><status>success</status><userid>xml_onramp</userid><companyid>onramp-practice</companyid><locationid>US</locationid><sessiontimestamp>"), "{b}");
    assert!(
        text_of(b, "sessiontimeout").is_some_and(|t| t.len() == 25),
        "{b}"
    );
    assert_eq!(text_of(b, "function"), Some("getAPISession"));
    assert_eq!(
        text_of(b, "endpoint"),
        Some("https://na12.intacct.com/ia/xml/xmlgw.phtml")
    );
    let session = text_of(b, "sessionid").unwrap().to_string();

    let r = sim
        .xml("na12.intacct.com", &session_request(&session, APPS_FN))
        .await;
    assert!(
        r.body
            .contains("<authentication><status>success</status><userid>xml_onramp</userid>"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("<data><application>CO</application><application>GL</application>"),
        "{}",
        r.body
    );

    let expired: serde_json::Value = sim
        .http
        .post(format!("{}/__sim/intacct/sessions/expire", sim.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(expired["expired"], 1);
    let r = sim
        .xml("na12.intacct.com", &session_request(&session, APPS_FN))
        .await;
    assert!(
        r.body.contains(
            "<authentication><status>failure</status><userid></userid><companyid></companyid>"
        ),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "description2"), Some("Invalid session"));
    assert!(
        !r.body.contains("<result>"),
        "no function may run: {}",
        r.body
    );
}

#[tokio::test]
async fn entity_and_top_level_sessions() {
    let sim = start(happy()).await;
    let top = r#"<function controlid="s"><getAPISession><locationid></locationid></getAPISession></function>"#;
    let r = sim.xml(API, &as_practice_user(top)).await;
    assert!(
        r.body.contains("<locationid></locationid></api>"),
        "{}",
        r.body
    );
    let eu = r#"<function controlid="s"><getAPISession><locationid>EU</locationid></getAPISession></function>"#;
    let r = sim.xml(API, &as_practice_user(eu)).await;
    assert!(
        r.body.contains("<locationid>EU</locationid></api>"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn unknown_session_is_refused() {
    let sim = start(happy()).await;
    let r = sim
        .xml(API, &session_request("nOtAsEsSiOn..", APPS_FN))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(text_of(&r.body, "errorno"), Some("XL03000006"));
    assert_eq!(text_of(&r.body, "description2"), Some("Invalid session"));
}

#[tokio::test]
async fn wrong_sender_password_fails_at_control_layer() {
    let sim = start(happy()).await;
    let r = sim
        .xml(
            API,
            &login_request("Wrong-Password", &practice_login(), APPS_FN),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body
            .contains("<control><status>failure</status><senderid>onramp_practice</senderid>"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("<operation>"), "{}", r.body);
    assert_eq!(text_of(&r.body, "errorno"), Some("XL03000006"));
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("Incorrect Intacct XML Partner ID or password.")
    );
    let log = sim.sim_get("/__sim/intacct/log").await;
    let last = log["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["outcome"], "control");
    assert!(
        last["detail"]
            .as_str()
            .unwrap()
            .contains("wrong password for sender"),
        "{last}"
    );
    assert!(
        !log.to_string().contains("Wrong-Password"),
        "the log never holds secrets"
    );
}

#[tokio::test]
async fn sender_ids_are_case_sensitive() {
    let sim = start(happy()).await;
    let body = as_practice_user(APPS_FN)
        .replace("<senderid>onramp_practice<", "<senderid>ONRAMP_PRACTICE<");
    let r = sim.xml(API, &body).await;
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("Incorrect Intacct XML Partner ID or password.")
    );
}

#[tokio::test]
async fn sender_not_authorised_for_company() {
    let mut sc = happy();
    sc.company.authorized_senders.clear();
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert_eq!(r.status, 200);
    let b = &r.body;
    assert!(b.contains("<control><status>success</status>"), "{b}");
    assert!(b.contains("<authentication><status>failure</status><userid>xml_onramp</userid><companyid>onramp-practice</companyid>"), "{b}");
    assert_eq!(text_of(b, "errorno"), Some("XL03000006"));
    assert_eq!(
        text_of(b, "description"),
        Some("Invalid Web Services Authorization")
    );
    assert_eq!(
        text_of(b, "description2"),
        Some("The sender ID 'onramp_practice' is not authorized to make Web Services requests to company ID 'onramp-practice'.")
    );
    assert_eq!(
        text_of(b, "correction"),
        Some("Contact the company administrator to grant Web Services authorization to this sender ID.")
    );
    assert!(!b.contains("<result>"), "{b}");
}

#[tokio::test]
async fn inactive_authorisation_and_subscription_texts_are_configurable() {
    let mut sc = happy();
    sc.company.authorized_senders[0].active = false;
    sc.texts.sender_inactive.description2 = "Sender {sender} is inactive for {company}".into();
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("Sender onramp_practice is inactive for onramp-practice")
    );

    let mut sc = happy();
    sc.company.web_services = false;
    sc.texts.not_subscribed.errorno = "XL03000099".into();
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>failure</status>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "errorno"), Some("XL03000099"));
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("This company is not authorized for XML transactions. Please subscribe to the XML Gateway.")
    );
}

fn login_with(user: &str, company: &str, password: &str) -> String {
    let login = format!(
        "<login><userid>{user}</userid><companyid>{company}</companyid><password>{password}</password></login>"
    );
    login_request(SENDER_PW, &login, APPS_FN)
}

#[tokio::test]
async fn wrong_user_password_classic_and_gateway_forms() {
    let sim = start(happy()).await;
    let r = sim.xml(API, &login_with(USER, COMPANY, "nope")).await;
    assert_eq!(r.status, 200);
    assert!(
        r.body
            .contains("<authentication><status>failure</status><userid>xml_onramp</userid>"),
        "{}",
        r.body
    );
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("Sign-in information is incorrect")
    );

    let mut sc = happy();
    sc.credential_errors = CredentialErrors::Gateway401;
    let sim = start(sc).await;
    let r = sim.xml(API, &login_with("nobody", COMPANY, USER_PW)).await;
    assert_eq!(r.status, 401);
    // The SDKs' 401 fixture: a control block with nothing but its status.
    assert!(
        r.body
            .contains("<response><control><status>failure</status></control><errormessage>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "errorno"), Some("XMLGW_JPP0002"));
    assert_eq!(
        text_of(&r.body, "description"),
        Some("Sign-in information is incorrect. Please check your request.")
    );
}

#[tokio::test]
async fn unknown_company_is_an_invalid_request() {
    let sim = start(happy()).await;
    let r = sim
        .xml(API, &login_with(USER, "onramp-practise", USER_PW))
        .await;
    assert_eq!(r.status, 400);
    assert!(
        r.body
            .contains("<response><control><status>failure</status></control>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "errorno"), Some("GW-0011"));
    assert!(
        text_of(&r.body, "description")
            .unwrap()
            .starts_with("Invalid Request [Request ID: "),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn locked_out_user_and_denied_entity() {
    let mut sc = happy();
    sc.users[0].status = UserStatus::Lockedout;
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>failure</status>"),
        "{}",
        r.body
    );
    assert!(
        text_of(&r.body, "description2")
            .unwrap()
            .contains("locked out"),
        "{}",
        r.body
    );

    let mut sc = happy();
    sc.users[0].entities = vec!["EU".into()];
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>failure</status>"),
        "{}",
        r.body
    );
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("The user 'xml_onramp' does not have permission to access entity 'US'.")
    );
    // company|entity form names the same entity.
    let r = sim
        .xml(API, &login_with(USER, "onramp-practice|US", USER_PW))
        .await;
    assert!(
        r.body
            .contains("does not have permission to access entity 'US'"),
        "{}",
        r.body
    );
    let r = sim
        .xml(API, &login_with(USER, "onramp-practice|EU", USER_PW))
        .await;
    assert!(
        r.body.contains("<authentication><status>success</status>"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn expired_demo_company() {
    let mut sc = happy();
    sc.company.demo_expired = true;
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(r.body.contains("<control><status>failure</status><senderid></senderid><controlid></controlid><dtdversion>"), "{}", r.body);
    assert!(!r.body.contains("<uniqueid>"), "{}", r.body);
    assert_eq!(text_of(&r.body, "errorno"), Some("PL04000055"));
}

#[tokio::test]
async fn malformed_xml_and_wrong_content_type() {
    let sim = start(happy()).await;
    let broken = as_practice_user(APPS_FN).replace("</control>", "</contrl>");
    let r = sim.raw(API, &broken, "application/xml").await;
    assert_eq!(r.status, 200);
    assert!(
        r.body
            .contains("<control><status>failure</status></control><errormessage>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "errorno"), Some("XL03000003"));
    assert!(
        text_of(&r.body, "description2")
            .unwrap()
            .starts_with("XML Parse schema error: "),
        "{}",
        r.body
    );

    let r = sim.raw(API, "{\"request\": {}}", "application/json").await;
    assert_eq!(text_of(&r.body, "errorno"), Some("XL03000003"));
    let log = sim.sim_get("/__sim/intacct/log").await;
    assert!(log.to_string().contains("is not XML"), "{log}");
}

#[tokio::test]
async fn unknown_host_is_not_served() {
    let sim = start(happy()).await;
    let r = sim.xml("api.example.com", &as_practice_user(APPS_FN)).await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn state_summary_holds_no_secrets() {
    let sim = start(happy()).await;
    sim.xml(API, &as_practice_user(SESSION_FN)).await;
    let state = sim.sim_get("/__sim/intacct/state").await;
    assert_eq!(state["company_id"], "onramp-practice");
    assert_eq!(state["active_sessions"], 1);
    assert_eq!(state["users"][0]["login_id"], "xml_onramp");
    let text = state.to_string();
    for secret in [SENDER_PW, USER_PW, "practice-client-secret"] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
}
