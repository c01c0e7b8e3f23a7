//! `netsuite.restlet` against the simulator's RESTlet scenarios over real
//! HTTP: registered for a profile that names a RESTlet, and each refusal
//! explained as cause -> fix -> where.

mod common;

use common::*;
use onramp_core::CheckStatus;
use onramp_sim::SimOptions;

const RESTLET_PROFILE: &str = "netsuite-restlet-connector";

async fn restlet(name: &str) -> Outcome {
    run(name, SimOptions::default(), None, RESTLET_PROFILE).await
}

#[tokio::test]
async fn a_released_deployment_in_the_roles_audience_passes() {
    let o = restlet("restlet-happy").await;
    o.assert_expected_failures();
    let r = o.get("netsuite.restlet");
    assert_eq!(
        r.status,
        CheckStatus::Pass,
        "{}",
        o.text("netsuite.restlet")
    );
    let called = r.evidence.iter().find(|e| e.label == "Called").unwrap();
    assert_eq!(
        called.value,
        "GET https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=customscript_onramp_connector&deploy=customdeploy_onramp_connector"
    );
}

#[tokio::test]
async fn a_deployment_on_testing_is_diagnosed_as_invalid_scriptlet() {
    let o = restlet("restlet-not-released").await;
    o.assert_expected_failures();
    let t = o.text("netsuite.restlet");
    assert!(t.contains("SSS_INVALID_SCRIPTLET_ID"), "{t}");
    let d = o.get("netsuite.restlet").diagnosis.clone().unwrap();
    assert!(
        d.fix.contains("Released") && d.fix.contains("Audience"),
        "{d:?}"
    );
    assert!(
        d.where_
            .starts_with("Customization > Scripting > Script Deployments"),
        "{d:?}"
    );
}

#[tokio::test]
async fn a_web_services_only_role_is_named() {
    let o = restlet("restlet-web-services-only-role").await;
    o.assert_expected_failures();
    assert_eq!(o.get("netsuite.auth").status, CheckStatus::Pass);
    let d = o.get("netsuite.restlet").diagnosis.clone().unwrap();
    assert!(d.cause.contains("INVALID_LOGIN_CREDENTIALS"), "{d:?}");
    assert!(d.fix.contains("Web Services Only"), "{d:?}");
    assert!(
        d.where_.starts_with("Setup > Users/Roles > Manage Roles"),
        "{d:?}"
    );
}

/// The suite with the administrator's sign-in reading roles.
async fn restlet_admin(name: &str) -> Outcome {
    let scenario = onramp_sim::Scenario::builtin(&format!("netsuite/{name}")).unwrap();
    let extras = Extras {
        admin: true,
        role_id: None,
    };
    run_scenario(
        scenario,
        SimOptions::default(),
        None,
        RESTLET_PROFILE,
        None,
        extras,
    )
    .await
}

#[tokio::test]
async fn the_role_the_bundle_installed_is_found_by_its_script_id() {
    let o = restlet_admin("restlet-happy").await;
    o.assert_expected_failures();
    let r = o.get("netsuite.installed_role");
    assert_eq!(
        r.status,
        CheckStatus::Pass,
        "{}",
        o.text("netsuite.installed_role")
    );
    assert!(
        r.summary.contains("Onramp Integration (internal ID 1001)"),
        "{}",
        r.summary
    );
    assert!(
        r.summary.contains("instead of building one"),
        "{}",
        r.summary
    );
}

#[tokio::test]
async fn a_bundle_not_installed_is_named_with_where_to_install_it() {
    let o = restlet_admin("restlet-bundle-not-installed").await;
    o.assert_expected_failures();
    let r = o.get("netsuite.installed_role");
    assert!(
        r.summary.contains("customrole_onramp_connector"),
        "{}",
        r.summary
    );
    let d = r.diagnosis.clone().unwrap();
    assert!(d.fix.contains("Install the connector's bundle"), "{d:?}");
    assert!(
        d.where_.starts_with("Customization > SuiteBundler"),
        "{d:?}"
    );
}

#[tokio::test]
async fn without_an_administrator_the_role_search_says_what_it_needs() {
    // The integration role may not read roles: a warning, never a pass or a fail.
    let o = restlet("restlet-happy").await;
    let r = o.get("netsuite.installed_role");
    assert_eq!(
        r.status,
        CheckStatus::Warn,
        "{}",
        o.text("netsuite.installed_role")
    );
    assert!(r.diagnosis.as_ref().unwrap().fix.contains("administrator"));
}

#[tokio::test]
async fn profiles_without_a_restlet_do_not_run_the_check() {
    let o = run("restlet-happy", SimOptions::default(), None, PROFILE).await;
    assert!(o.results.iter().all(|r| r.id != "netsuite.restlet"));
}

fn client_for(base: &str) -> onramp_netsuite::NetSuiteClient {
    use onramp_core::http::{EndpointOverride, Endpoints};
    use onramp_netsuite::{Account, ClientOptions, Credentials, TbaCredentials};
    onramp_netsuite::NetSuiteClient::new(
        Account::parse("1234567_SB1").unwrap(),
        Credentials::Tba(TbaCredentials {
            consumer_key: "ck".into(),
            consumer_secret: "cs".into(),
            token_id: "tk".into(),
            token_secret: "ts".into(),
        }),
        ClientOptions {
            endpoints: Endpoints {
                override_base: Some(EndpointOverride::new(base).unwrap()),
            },
            ..ClientOptions::default()
        },
    )
    .unwrap()
}

#[tokio::test]
async fn the_client_calls_the_restlets_domain_and_refuses_ids_that_change_the_url() {
    use onramp_netsuite::NetSuiteError;
    use onramp_sim::standin;
    let server = standin::answering(|_| standin::reply(200, "text/plain", "ran")).await;
    let client = client_for(&server.base);
    let e = client
        .restlet_get("customscript_a", "customdeploy_a")
        .await
        .unwrap_err();
    assert!(
        matches!(e, NetSuiteError::NotJson { status: 200, .. }),
        "{e:?}"
    );
    let seen = server.seen.requests();
    assert_eq!(
        seen[0].0,
        "/1234567-sb1.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=customscript_a&deploy=customdeploy_a"
    );
    let e = client
        .restlet_get("customscript_a&deploy=2", "customdeploy_a")
        .await
        .unwrap_err();
    assert!(matches!(e, NetSuiteError::Refused(_)), "{e:?}");
    assert_eq!(server.seen.requests().len(), 1);
}
