//! `update` of USERINFO: an administrator deactivates the Web Services user,
//! which is refused from then on (at sign-in and in its open sessions).

use super::*;
use crate::intacct::AdminPrivilege;

const API: &str = "api.intacct.com";
const ADMIN: &str = "admin_jane";
const ADMIN_PW: &str = "Practice-Admin-2026!";
const APPS_FN: &str = r#"<function controlid="apps"><get_applications/></function>"#;
const SESSION_FN: &str = r#"<function controlid="s"><getAPISession/></function>"#;

fn as_admin(functions: &str) -> String {
    let login = format!(
        "<login><userid>{ADMIN}</userid><companyid>{COMPANY}</companyid><password>{ADMIN_PW}</password></login>"
    );
    login_request(SENDER_PW, &login, functions)
}

fn deactivate(key: &str, locations: &str) -> String {
    format!(
        r#"<function controlid="off"><update><USERINFO>{key}<STATUS>inactive</STATUS>{locations}</USERINFO></update></function>"#
    )
}

fn user_row(login: &str) -> String {
    format!(
        r#"<function controlid="u"><query><object>USERINFO</object><select><field>RECORDNO</field><field>STATUS</field><field>USERLOCATIONS</field></select><filter><equalto><field>LOGINID</field><value>{login}</value></equalto></filter></query></function>"#
    )
}

#[tokio::test]
async fn an_administrator_deactivates_the_user_and_its_sign_ins_are_refused() {
    let sim = start(happy()).await;
    // The Web Services user holds a session before the change.
    let r = sim.xml(API, &as_practice_user(SESSION_FN)).await;
    let session = text_of(&r.body, "sessionid").unwrap().to_string();

    let r = sim
        .xml(API, &as_admin(&deactivate("<RECORDNO>1</RECORDNO>", "")))
        .await;
    assert!(
        r.body.contains(r#"<result><status>success</status><function>update</function><controlid>off</controlid><data listtype="objects" count="1"><userinfo><RECORDNO>1</RECORDNO><LOGINID>xml_onramp</LOGINID></userinfo></data></result>"#),
        "{}",
        r.body
    );

    let r = sim.xml(API, &as_admin(&user_row(USER))).await;
    assert_eq!(text_of(&r.body, "STATUS"), Some("inactive"), "{}", r.body);

    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>failure</status>"),
        "{}",
        r.body
    );
    assert!(text_of(&r.body, "description2")
        .unwrap()
        .contains("inactive"));

    let r = sim.xml(API, &session_request(&session, APPS_FN)).await;
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("Invalid session"),
        "{}",
        r.body
    );
    let state = sim.sim_get("/__sim/intacct/state").await;
    assert_eq!(state["users"][0]["status"], "inactive");
}

#[tokio::test]
async fn a_user_without_admin_privileges_may_not_update_users() {
    let mut sc = happy();
    sc.users[1].admin = AdminPrivilege::Off;
    sc.texts.update_not_admin.errorno = "XX-NOT-ADMIN".into();
    let sim = start(sc).await;
    let r = sim
        .xml(
            API,
            &as_admin(&deactivate("<LOGINID>xml_onramp</LOGINID>", "")),
        )
        .await;
    assert!(
        r.body
            .contains("<result><status>failure</status><function>update</function>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "errorno"), Some("XX-NOT-ADMIN"));
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>success</status>"),
        "the user is still active: {}",
        r.body
    );
}

#[tokio::test]
async fn restrictions_left_out_of_an_update_are_deleted() {
    let mut sc = happy();
    sc.users[0].entities = vec!["US".into(), "EU".into()];
    let sim = start(sc).await;
    // Sent back (the documented form: one USERLOCATIONS, several LOCATIONID): kept.
    let kept =
        "<USERLOCATIONS><LOCATIONID>US</LOCATIONID><LOCATIONID>EU</LOCATIONID></USERLOCATIONS>";
    let r = sim
        .xml(
            API,
            &as_admin(&deactivate("<LOGINID>xml_onramp</LOGINID>", kept)),
        )
        .await;
    assert!(r
        .body
        .contains("<status>success</status><function>update</function>"));
    let r = sim.xml(API, &as_admin(&user_row(USER))).await;
    assert_eq!(
        text_of(&r.body, "USERLOCATIONS"),
        Some("US,EU"),
        "{}",
        r.body
    );
    // Left out: the user is unrestricted.
    let r = sim
        .xml(API, &as_admin(&deactivate("<RECORDNO>1</RECORDNO>", "")))
        .await;
    assert!(r
        .body
        .contains("<status>success</status><function>update</function>"));
    let r = sim.xml(API, &as_admin(&user_row(USER))).await;
    assert_eq!(text_of(&r.body, "USERLOCATIONS"), Some(""), "{}", r.body);
}

#[tokio::test]
async fn unknown_users_and_statuses_are_refused() {
    let sim = start(happy()).await;
    let r = sim
        .xml(API, &as_admin(&deactivate("<RECORDNO>99</RECORDNO>", "")))
        .await;
    assert!(
        r.body.contains("<result><status>failure</status>"),
        "{}",
        r.body
    );
    assert!(text_of(&r.body, "description2").unwrap().contains("'99'"));
    let wrong = r#"<function controlid="x"><update><USERINFO><LOGINID>xml_onramp</LOGINID><STATUS>asleep</STATUS></USERINFO></update></function>"#;
    let r = sim.xml(API, &as_admin(wrong)).await;
    assert!(
        r.body.contains("<result><status>failure</status>"),
        "{}",
        r.body
    );
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>success</status>"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn a_failed_transaction_rolls_the_update_back() {
    let sim = start(happy()).await;
    let functions = format!(
        "{}{}",
        deactivate("<RECORDNO>1</RECORDNO>", ""),
        r#"<function controlid="bad"><readByQuery><object>BADOBJECT</object><fields>*</fields><query></query></readByQuery></function>"#
    );
    let body = as_admin(&functions).replace(
        r#"<operation transaction="false">"#,
        r#"<operation transaction="true">"#,
    );
    let r = sim.xml(API, &body).await;
    assert!(
        r.body
            .contains("<status>aborted</status><function>update</function>"),
        "{}",
        r.body
    );
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert!(
        r.body.contains("<authentication><status>success</status>"),
        "the user is still active: {}",
        r.body
    );
}
