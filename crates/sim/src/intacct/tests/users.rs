//! User status, Web Services-only users and function control-ID uniqueness.

use super::*;
use crate::intacct::UserStatus;

const API: &str = "api.intacct.com";
const APPS_FN: &str = r#"<function controlid="apps"><get_applications/></function>"#;

#[tokio::test]
async fn inactive_user_is_refused_with_configurable_text() {
    let mut sc = happy();
    sc.users[0].status = UserStatus::Inactive;
    sc.texts.user_inactive.errorno = "XL03000042".into();
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>failure</status>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "errorno"), Some("XL03000042"));
    assert!(text_of(&r.body, "description2")
        .unwrap()
        .contains("inactive"));
}

#[tokio::test]
async fn web_services_only_requirement_is_a_switch() {
    let mut sc = happy();
    sc.users[0].logindisabled = false;
    let sim = start(sc.clone()).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>success</status>"),
        "{}",
        r.body
    );

    sc.require_web_services_user = true;
    let sim = start(sc).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("The user 'xml_onramp' is not a Web Services user.")
    );
}

#[tokio::test]
async fn unique_control_ids_cannot_repeat() {
    let sim = start(happy()).await;
    let unique = as_practice_user(APPS_FN)
        .replace("<uniqueid>false</uniqueid>", "<uniqueid>true</uniqueid>");
    let r = sim.xml(API, &unique).await;
    assert!(
        r.body.contains("<result><status>success</status>"),
        "{}",
        r.body
    );
    let r = sim.xml(API, &unique).await;
    assert!(r.body.contains("<result><status>failure</status><function>get_applications</function><controlid>apps</controlid>"), "{}", r.body);
    assert!(text_of(&r.body, "description2")
        .unwrap()
        .contains("'apps' was already processed"));
    // uniqueid=false lets a client reuse its control IDs.
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<result><status>success</status>"),
        "{}",
        r.body
    );
}
