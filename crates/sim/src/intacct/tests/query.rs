//! Result layer: permissions before rows, user-type caps, inspect/lookup,
//! getUserPermissions, paging and transactions.

use super::*;
use crate::intacct::Policy;

const API: &str = "api.intacct.com";

fn probe(object: &str) -> String {
    format!(
        r#"<function controlid="probe-{object}"><query><object>{object}</object><select><field>RECORDNO</field></select><pagesize>1</pagesize></query></function>"#
    )
}

fn without_ar() -> IntacctScenario {
    let mut sc = happy();
    for role in &mut sc.roles {
        role.policies
            .retain(|p| p.application != "Accounts Receivable");
    }
    sc
}

#[tokio::test]
async fn permission_is_checked_before_rows() {
    let mut sc = without_ar();
    // Even an object with no rows at all is refused.
    sc.records.insert("ARINVOICE".into(), Vec::new());
    let sim = start(sc).await;
    let fns = format!(
        "{}{}{}",
        probe("ARINVOICE"),
        probe("GLACCOUNT"),
        probe("BADOBJECT")
    );
    let r = sim.xml(API, &as_practice_user(&fns)).await;
    let b = &r.body;
    assert_eq!(r.status, 200);
    let results: Vec<&str> = b.split("<result>").skip(1).collect();
    assert_eq!(results.len(), 3, "{b}");
    assert!(results[0].starts_with("<status>failure</status><function>query</function><controlid>probe-ARINVOICE</controlid>"), "{b}");
    assert_eq!(text_of(results[0], "errorno"), Some("PL04000005"));
    assert!(
        text_of(results[0], "description2")
            .unwrap()
            .starts_with("You do not have permission for API operation READ_BY_QUERY on objects of type arinvoice"),
        "{b}"
    );
    // Other functions still run.
    assert!(results[1].contains(r#"<data listtype="GLACCOUNT" totalcount="3" offset="0" count="1" numremaining="2"><GLACCOUNT><RECORDNO>1</RECORDNO></GLACCOUNT></data>"#), "{b}");
    assert_eq!(text_of(results[2], "errorno"), Some("Query Failed"));
    assert_eq!(
        text_of(results[2], "description2"),
        Some("Object definition BADOBJECT not found")
    );
}

#[tokio::test]
async fn inspect_and_lookup_ignore_permissions() {
    let sim = start(without_ar()).await;
    let fns = r#"<function controlid="i"><inspect><object>ARINVOICE</object></inspect></function><function controlid="l"><lookup><object>ARINVOICE</object></lookup></function><function controlid="all"><inspect><object>*</object></inspect></function>"#;
    let r = sim.xml(API, &as_practice_user(fns)).await;
    assert!(!r.body.contains("<status>failure</status>"), "{}", r.body);
    assert!(
        r.body
            .contains(r#"<Type Name="ARINVOICE"><Fields><Field>RECORDNO</Field>"#),
        "{}",
        r.body
    );
    assert!(r.body.contains("<Field><ID>CUSTOMERID</ID>"), "{}", r.body);
    assert!(
        r.body.contains(r#"<type typename="ARINVOICE">"#),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn employee_users_only_list_customers() {
    let mut sc = happy();
    sc.users[0].user_type = "employee user".into();
    let sim = start(sc).await;
    let fns = format!(
        "{}{}{}",
        probe("CUSTOMER"),
        probe("VENDOR"),
        r#"<function controlid="p"><getUserPermissions><userId>xml_onramp</userId></getUserPermissions></function>"#
    );
    let r = sim.xml(API, &as_practice_user(&fns)).await;
    let results: Vec<&str> = r.body.split("<result>").skip(1).collect();
    assert!(
        results[0].starts_with("<status>success</status>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(results[1], "errorno"), Some("PL04000005"));
    // The cap also removes Users/View, which getUserPermissions needs.
    assert_eq!(text_of(results[2], "errorno"), Some("PL04000005"));
}

#[tokio::test]
async fn user_permissions_shape_and_unknown_login() {
    let mut sc = happy();
    sc.roles[0].policies = vec![
        Policy {
            application: "Company".into(),
            policy: "Users".into(),
            rights: vec!["List".into(), "View".into()],
        },
        Policy {
            application: "Accounts Receivable".into(),
            policy: "Invoices".into(),
            rights: vec!["List".into(), "View".into(), "Add".into()],
        },
        // Not subscribed: left out of the effective permissions.
        Policy {
            application: "Order Entry".into(),
            policy: "Sales Orders".into(),
            rights: vec!["List".into()],
        },
    ];
    let sim = start(sc).await;
    let fns = r#"<function controlid="p"><getUserPermissions><userId>xml_onramp</userId></getUserPermissions></function><function controlid="q"><getUserPermissions><userId>unittest</userId></getUserPermissions></function>"#;
    let r = sim.xml(API, &as_practice_user(fns)).await;
    assert!(r.body.contains("<data><permissions><appSubscription><applicationName>Company</applicationName><policies><policy><policyName>Users</policyName><rights>List|View</rights></policy></policies></appSubscription><appSubscription><applicationName>Accounts Receivable</applicationName><policies><policy><policyName>Invoices</policyName><rights>List|View|Add</rights></policy></policies></appSubscription></permissions></data>"), "{}", r.body);
    assert!(!r.body.contains("Sales Orders"), "{}", r.body);
    assert_eq!(text_of(&r.body, "errorno"), Some("BL03000025"));
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("Login ID unittest does not exist.")
    );
    assert_eq!(
        text_of(&r.body, "correction"),
        Some("Provide a valid USER.LOGINID value.")
    );
}

#[tokio::test]
async fn userinfo_filter_and_read_by_query_paging() {
    let sim = start(happy()).await;
    let q = r#"<function controlid="u"><query><object>USERINFO</object><select><field>LOGINID</field><field>USERTYPE</field><field>ADMIN</field><field>LOGINDISABLED</field><field>STATUS</field></select><filter><equalto><field>LOGINID</field><value>xml_onramp</value></equalto></filter></query></function>"#;
    let r = sim.xml(API, &as_practice_user(q)).await;
    assert!(r.body.contains(r#"<data listtype="USERINFO" totalcount="1" offset="0" count="1" numremaining="0"><USERINFO><LOGINID>xml_onramp</LOGINID><USERTYPE>business user</USERTYPE><ADMIN>Full</ADMIN><LOGINDISABLED>true</LOGINDISABLED><STATUS>active</STATUS></USERINFO></data>"#), "{}", r.body);

    let rbq = r#"<function controlid="r"><readByQuery><object>GLACCOUNT</object><fields>RECORDNO,TITLE</fields><query></query><pagesize>2</pagesize></readByQuery></function>"#;
    let r = sim.xml(API, &as_practice_user(rbq)).await;
    assert!(
        r.body.contains(
            r#"<data listtype="glaccount" count="2" totalcount="3" numremaining="1" resultId=""#
        ),
        "{}",
        r.body
    );
    let start_at = r.body.find("resultId=\"").unwrap() + 10;
    let result_id = &r.body[start_at..start_at + r.body[start_at..].find('"').unwrap()];
    let more = format!(
        r#"<function controlid="m"><readMore><resultId>{result_id}</resultId></readMore></function>"#
    );
    let r = sim.xml(API, &as_practice_user(&more)).await;
    assert!(r.body.contains(r#"<data listtype="glaccount" count="1" totalcount="3" numremaining="0" resultId=""><glaccount><RECORDNO>3</RECORDNO><TITLE>Revenue</TITLE></glaccount></data>"#), "{}", r.body);

    let too_big = r#"<function controlid="r"><readByQuery><object>GLACCOUNT</object><query></query><pagesize>1001</pagesize></readByQuery></function>"#;
    let r = sim.xml(API, &as_practice_user(too_big)).await;
    assert!(
        r.body.contains("<result><status>failure</status>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(&r.body, "errorno"), Some("XL03000003"));
}

#[tokio::test]
async fn failed_transaction_is_rolled_back() {
    let sim = start(without_ar()).await;
    let body = as_practice_user(&format!("{}{}", probe("GLACCOUNT"), probe("ARINVOICE")))
        .replace(r#"transaction="false""#, r#"transaction="true""#);
    let r = sim.xml(API, &body).await;
    let results: Vec<&str> = r.body.split("<result>").skip(1).collect();
    assert_eq!(results.len(), 2);
    for res in &results {
        assert!(res.starts_with("<status>aborted</status>"), "{}", r.body);
        assert!(res.contains("<errorno>XL03000009</errorno><description></description><description2>The entire transaction in this operation has been rolled back due to an error.</description2>"), "{}", r.body);
        assert!(!res.contains("<data"), "{}", r.body);
    }
    // The root cause stays first on the failing function.
    assert_eq!(text_of(results[1], "errorno"), Some("PL04000005"));
}

#[tokio::test]
async fn role_objects_and_admin_only_restrictions() {
    let mut sc = happy();
    sc.users[0].admin = crate::intacct::AdminPrivilege::Off;
    let sim = start(sc).await;
    let fns = r#"<function controlid="rp"><query><object>ROLEPOLICYASSIGNMENT</object><select><field>ROLENAME</field><field>POLICYNAME</field><field>RIGHTS</field></select><filter><equalto><field>POLICYNAME</field><value>Invoices</value></equalto></filter></query></function><function controlid="ur"><query><object>USERRESTRICTION</object><select><field>LOGINID</field></select></query></function>"#;
    let r = sim.xml(API, &as_practice_user(fns)).await;
    let results: Vec<&str> = r.body.split("<result>").skip(1).collect();
    assert!(
        results[0].contains("<ROLEPOLICYASSIGNMENT><ROLENAME>Accounting Sync</ROLENAME><POLICYNAME>Invoices</POLICYNAME><RIGHTS>List|View|Add|Edit</RIGHTS></ROLEPOLICYASSIGNMENT>"),
        "{}",
        r.body
    );
    assert_eq!(text_of(results[1], "errorno"), Some("PL04000005"));
}
