//! An administrator sets the Web Services user inactive against the simulator:
//! the user is read, updated by RECORDNO with its restrictions kept, read back
//! inactive, and its own sign-in is refused from then on.

use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::Secret;
use onramp_intacct::users::{deactivate_user, read_user};
use onramp_intacct::{ClientOptions, IntacctClient, IntacctCredentials, IntacctError};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};

async fn sim(extra: &str) -> (SimHandle, IntacctCredentials, ClientOptions) {
    let text = format!("title = \"t\"\ndescription = \"d\"\nextends = \"intacct/happy\"\n{extra}");
    let scenario = Scenario::from_toml_str("test", &text).unwrap();
    let p = scenario.intacct.as_ref().unwrap().practice.clone();
    let sim = Simulator::start(scenario, SimOptions::default())
        .await
        .unwrap();
    let creds = IntacctCredentials {
        sender_id: p.sender_id,
        sender_password: Secret::new(p.sender_password),
        user_id: p.user_id,
        user_password: Secret::new(p.user_password),
        company_id: p.company_id,
        entity_id: p.entity_id,
    };
    let opts = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
        },
        timeout: Duration::from_secs(10),
        ..ClientOptions::default()
    };
    (sim, creds, opts)
}

fn as_admin(own: &IntacctCredentials, opts: &ClientOptions) -> IntacctClient {
    let creds = IntacctCredentials {
        user_id: "admin_jane".into(),
        user_password: Secret::new("Practice-Admin-2026!".into()),
        entity_id: None,
        ..own.clone()
    };
    IntacctClient::new(creds, opts.clone()).unwrap()
}

#[tokio::test]
async fn the_user_reads_back_inactive_and_can_no_longer_sign_in() {
    let restricted = "[[intacct.users]]\nid = \"xml_onramp\"\npassword = \"Practice-User-2026!\"\nadmin = \"Full\"\nlogindisabled = true\nroles = [\"Accounting Sync\"]\nentities = [\"US\"]\n";
    let (_sim, own, opts) = sim(restricted).await;
    let admin = as_admin(&own, &opts);
    let before = read_user(&admin, "xml_onramp").await.unwrap().unwrap();
    assert_eq!(before.status, "active");
    assert_eq!(before.locations, vec!["US".to_string()]);
    assert!(before.web_services_only);

    let after = deactivate_user(&admin, &before).await.unwrap();
    assert_eq!(after.status, "inactive");
    assert_eq!(after.record_no, before.record_no);
    assert_eq!(after.locations, before.locations, "restrictions kept");

    let own = IntacctClient::new(own, opts).unwrap();
    match own.get_api_session().await {
        Err(IntacctError::Authentication { errors, .. }) => {
            assert!(
                errors.iter().any(|e| e.description2.contains("inactive")),
                "{errors:?}"
            )
        }
        other => panic!("expected an authentication failure, got {other:?}"),
    }
}

#[tokio::test]
async fn a_user_without_admin_privileges_is_refused_and_nothing_changes() {
    let (_sim, own, opts) = sim("[[intacct.users]]\nid = \"admin_jane\"\npassword = \"Practice-Admin-2026!\"\nadmin = \"Off\"\nroles = [\"Accounting Sync\"]\n").await;
    let admin = as_admin(&own, &opts);
    let before = read_user(&admin, "xml_onramp").await.unwrap().unwrap();
    let e = deactivate_user(&admin, &before).await.unwrap_err();
    assert!(matches!(e, IntacctError::Function { .. }), "{e:?}");
    let now = read_user(&admin, "xml_onramp").await.unwrap().unwrap();
    assert_eq!(now.status, "active");
    assert!(read_user(&admin, "nobody").await.unwrap().is_none());
}
