//! Every request the client can build validates against Sage's official
//! dtdversion 3.0 schema, checked with xmllint (libxml2-utils).

use std::path::PathBuf;
use std::process::Command;

use onramp_intacct::xml::request::{
    build, Auth, Control, Filter, Function, Query, SessionLocation, UserUpdate,
};

fn schema() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../reference/intacct/api.xsd");
    assert!(
        p.exists(),
        "the Intacct schema is missing at {}",
        p.display()
    );
    p
}

fn xmllint_validate(xml: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("request.xml");
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(&file)
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint could not run ({e}). Install it: sudo apt-get install libxml2-utils")
        });
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(xml)
        ))
    }
}

fn control() -> Control<'static> {
    Control {
        sender_id: "Sender<&>",
        sender_password: "p&ss\"word'<",
        control_id: "c-1",
        unique_id: false,
    }
}

fn login(location: Option<&'static str>) -> Auth<'static> {
    Auth::Login {
        user_id: "ws_user",
        company_id: "acme|E1",
        password: "pw<>&",
        location_id: location,
    }
}

fn all_functions() -> Vec<Function> {
    let q = |filter| {
        Function::Query(Query {
            object: "ARINVOICE".into(),
            fields: vec!["RECORDNO".into(), "STATE".into()],
            filter,
            page_size: 1,
        })
    };
    vec![
        Function::GetApiSession(SessionLocation::Default),
        Function::GetApiSession(SessionLocation::TopLevel),
        Function::GetApiSession(SessionLocation::Entity("E1".into())),
        q(None),
        q(Some(Filter::EqualTo(
            "LOGINID".into(),
            "o'brien & co".into(),
        ))),
        q(Some(Filter::Like("NAME".into(), "A%".into()))),
        q(Some(Filter::In(
            "STATUS".into(),
            vec!["active".into(), "lockedout".into()],
        ))),
        q(Some(Filter::IsNotNull("RECORDNO".into()))),
        q(Some(Filter::And(vec![
            Filter::EqualTo("A".into(), "1".into()),
            Filter::Or(vec![
                Filter::Like("B".into(), "x%".into()),
                Filter::IsNotNull("C".into()),
            ]),
        ]))),
        Function::ReadByQuery {
            object: "USERINFO".into(),
            query: "LOGINID = 'ws_user'".into(),
            fields: "*".into(),
            page_size: 100,
        },
        Function::ReadByName {
            object: "USERINFO".into(),
            keys: "ws_user".into(),
            fields: "LOGINID,USERTYPE".into(),
        },
        Function::GetUserPermissions {
            user_id: "ws_user".into(),
        },
        Function::GetApplications,
        Function::UpdateUser(UserUpdate {
            record_no: "121".into(),
            status: "inactive".into(),
            locations: vec!["San Jose".into(), "Dallas".into()],
        }),
    ]
}

#[test]
fn every_function_validates_with_login_and_with_session() {
    for f in all_functions() {
        for auth in [login(None), login(Some("E1")), Auth::Session("sess..id")] {
            let xml = build(&control(), &auth, &[("f1".into(), f.clone())]).unwrap();
            if let Err(e) = xmllint_validate(&xml) {
                panic!("{} does not validate: {e}", f.name());
            }
        }
    }
}

#[test]
fn many_functions_in_one_operation_validate() {
    let named: Vec<(String, Function)> = all_functions()
        .into_iter()
        .enumerate()
        .map(|(i, f)| (format!("f{i}"), f))
        .collect();
    let xml = build(&control(), &Auth::Session("s"), &named).unwrap();
    xmllint_validate(&xml).unwrap();
}

#[test]
fn the_schema_check_itself_catches_a_wrong_request() {
    // Guards against a validator that accepts anything: a function-less
    // <function> element is not allowed by the schema.
    let xml = br#"<?xml version="1.0" encoding="UTF-8"?><request><control><senderid>s</senderid><controlid>c</controlid></control><operation><authentication><sessionid>x</sessionid></authentication><content><function controlid="f"/></content></operation></request>"#;
    assert!(xmllint_validate(xml).is_err());
}
