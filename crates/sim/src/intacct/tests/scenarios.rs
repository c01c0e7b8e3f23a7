//! The built-in Intacct scenarios: each parses, holds practice credentials,
//! and its sign-in behaves as its description says.

use super::*;
use crate::scenario::Scenario;

fn intacct_builtins() -> Vec<(String, Scenario)> {
    Scenario::builtin_names()
        .filter(|n| n.starts_with("intacct/"))
        .map(|n| {
            (
                n.to_string(),
                Scenario::builtin(n).unwrap_or_else(|e| panic!("{e}")),
            )
        })
        .collect()
}

fn practice_request(sc: &IntacctScenario) -> String {
    let p = &sc.practice;
    let entity = p.entity_id.as_deref().unwrap_or("");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<request>
 <control><senderid>{}</senderid><password>{}</password><controlid>practice</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>
 <operation>
  <authentication><login><userid>{}</userid><companyid>{}</companyid><password>{}</password><locationid>{entity}</locationid></login></authentication>
  <content><function controlid="s"><getAPISession/></function><function controlid="q"><query><object>ARINVOICE</object><select><field>RECORDNO</field></select><pagesize>1</pagesize></query></function></content>
 </operation>
</request>"#,
        p.sender_id, p.sender_password, p.user_id, p.company_id, p.user_password
    )
}

#[tokio::test]
async fn builtin_scenarios_answer_as_described() {
    let all = intacct_builtins();
    let expected = [
        (
            "intacct/happy",
            "<result><status>success</status><function>query</function>",
        ),
        (
            "intacct/sender-not-authorized",
            "Invalid Web Services Authorization",
        ),
        (
            "intacct/wrong-sender-password",
            "Incorrect Intacct XML Partner ID or password.",
        ),
        (
            "intacct/not-subscribed",
            "Please subscribe to the XML Gateway.",
        ),
        ("intacct/wrong-company", "GW-0011"),
        (
            "intacct/user-not-business",
            "READ_BY_QUERY on objects of type arinvoice",
        ),
        (
            "intacct/missing-ar-permission",
            "READ_BY_QUERY on objects of type arinvoice",
        ),
        (
            "intacct/entity-not-permitted",
            "does not have permission to access entity 'US'",
        ),
    ];
    assert!(
        all.len() >= 9,
        "{:?}",
        all.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for (name, s) in &all {
        let sc = s
            .intacct
            .clone()
            .unwrap_or_else(|| panic!("{name} has no [intacct]"));
        assert!(
            !sc.practice.sender_id.is_empty() && !sc.practice.user_id.is_empty(),
            "{name}"
        );
        let happy = name == "intacct/happy";
        // A rate limit the checks recover from fails none of them.
        let clean = happy || name == "intacct/rate-limited-recovers";
        assert_eq!(
            s.expect_failing.is_empty(),
            clean,
            "{name}: {:?}",
            s.expect_failing
        );
        if name.starts_with("intacct/rate-limited") {
            // The scenario's request count over a window no busy machine can
            // outlast (its own window is a second: under load the requests
            // could straddle two windows and all pass).
            let mut sc = sc.clone();
            let rate = sc.rate_limit.as_mut().expect("rate-limited has a limit");
            rate.window_ms = 600_000;
            let limit = rate.requests;
            let sim = start(sc.clone()).await;
            let body = practice_request(&sc);
            for _ in 0..limit {
                assert_eq!(sim.xml("api.intacct.com", &body).await.status, 200);
            }
            assert_eq!(sim.xml("api.intacct.com", &body).await.status, 429);
            continue;
        }
        let sim = start(sc.clone()).await;
        let body = practice_request(&sc);
        let r = sim.xml("api.intacct.com", &body).await;
        let want = expected
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, w)| *w)
            .unwrap_or_else(|| panic!("no expectation for {name}"));
        assert!(r.body.contains(want), "{name}: {}", r.body);
        if happy {
            assert!(!r.body.contains("failure"), "{}", r.body);
        }
    }
}

#[tokio::test]
async fn serves_beside_netsuite_in_one_simulator() {
    let mut both = Scenario::builtin("netsuite/happy").expect("netsuite/happy exists");
    both.intacct = Some(happy());
    let handle = crate::server::Simulator::start(both, crate::options::SimOptions::default())
        .await
        .expect("both routers merge");
    let body = as_practice_user(r#"<function controlid="a"><get_applications/></function>"#);
    assert_schema_valid(&body);
    let r = reqwest::Client::new()
        .post(format!(
            "{}/api.intacct.com/ia/xml/xmlgw.phtml",
            handle.base_url()
        ))
        .header("Content-Type", "application/xml")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("<result><status>success</status>"));
    handle.shutdown().await;
}
