//! The REST API client against the simulator over real HTTP on loopback.

use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::Secret;
use onramp_intacct::rest::{RestApp, RestClient, RestError};
use onramp_sim::{Scenario, SimOptions, Simulator};

async fn setup(
    secret_override: Option<&str>,
) -> (
    onramp_sim::SimHandle,
    RestClient,
    onramp_sim::intacct::PracticeCredentials,
) {
    let scenario = Scenario::builtin("intacct/happy").unwrap();
    let p = scenario.intacct.as_ref().unwrap().practice.clone();
    let sim = Simulator::start(scenario, SimOptions::default())
        .await
        .unwrap();
    let app = RestApp {
        client_id: p.client_id.clone().unwrap(),
        client_secret: Secret::new(
            secret_override
                .map(str::to_string)
                .unwrap_or_else(|| p.client_secret.clone().unwrap()),
        ),
    };
    let endpoints = Endpoints {
        override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
    };
    let client = RestClient::new(app, endpoints, Duration::from_secs(10)).unwrap();
    (sim, client, p)
}

#[tokio::test]
async fn client_credentials_token_then_one_probe_per_object() {
    let (_sim, client, p) = setup(None).await;
    let token = client
        .client_credentials(&p.user_id, &p.company_id, p.entity_id.as_deref())
        .await
        .unwrap();
    assert!(!token.access_token.expose().is_empty());
    assert_eq!(client.probe(&token, "ARINVOICE").await.unwrap(), 2);
    assert_eq!(client.probe(&token, "GLACCOUNT").await.unwrap(), 3);
}

#[tokio::test]
async fn wrong_client_secret_is_an_oauth_error() {
    let (_sim, client, p) = setup(Some("not-the-secret")).await;
    match client
        .client_credentials(&p.user_id, &p.company_id, None)
        .await
    {
        Err(RestError::OAuth { error, .. }) => assert_eq!(error, "invalid_client"),
        other => panic!("expected invalid_client, got {other:?}"),
    }
}

mod in_the_suite {
    use std::sync::Arc;

    use onramp_core::profile::ConnectorProfile;
    use onramp_core::runner::{run_suite, RunOptions};
    use onramp_core::{CheckResult, CheckStatus};
    use onramp_intacct::checks::{suite, IntacctCtx};
    use onramp_intacct::{ClientOptions, IntacctCredentials};

    use super::*;

    async fn rest_result(secret: Option<&str>, scenario_extra: &str) -> CheckResult {
        let text = format!(
            "title = \"t\"\ndescription = \"d\"\nextends = \"intacct/happy\"\n{scenario_extra}"
        );
        let scenario = Scenario::from_toml_str("rest", &text).unwrap();
        let p = scenario.intacct.as_ref().unwrap().practice.clone();
        let sim = Simulator::start(scenario, SimOptions::default())
            .await
            .unwrap();
        let endpoints = Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
        };
        let app = RestApp {
            client_id: p.client_id.clone().unwrap(),
            client_secret: Secret::new(
                secret
                    .map(str::to_string)
                    .unwrap_or_else(|| p.client_secret.clone().unwrap()),
            ),
        };
        let creds = IntacctCredentials {
            sender_id: p.sender_id,
            sender_password: Secret::new(p.sender_password),
            user_id: p.user_id,
            user_password: Secret::new(p.user_password),
            company_id: p.company_id,
            entity_id: p.entity_id,
        };
        let opts = ClientOptions {
            endpoints: endpoints.clone(),
            ..ClientOptions::default()
        };
        let ctx = IntacctCtx::new(creds, opts)
            .unwrap()
            .with_rest(RestClient::new(app, endpoints, Duration::from_secs(10)).unwrap());
        let text = include_str!("../../../profiles/intacct-accounting-sync.toml")
            .replace("rest = false", "rest = true");
        let profile: ConnectorProfile = toml::from_str(&text).unwrap();
        let (_, results) = run_suite(
            suite(Arc::new(ctx), &profile),
            RunOptions::default(),
            |_| {},
        )
        .await;
        results
            .into_iter()
            .find(|r| r.id == "intacct.rest")
            .expect("the REST check is in the suite")
    }

    #[tokio::test]
    async fn rest_check_passes_with_a_registered_app() {
        let r = rest_result(None, "").await;
        assert_eq!(r.status, CheckStatus::Pass, "{r:#?}");
        assert_eq!(r.diff.unwrap().rows.len(), 12);
    }

    #[tokio::test]
    async fn rest_check_explains_a_wrong_client_secret() {
        let r = rest_result(Some("nope"), "").await;
        assert_eq!(r.status, CheckStatus::Fail);
        assert!(r
            .diagnosis
            .unwrap()
            .cause
            .contains("client ID or client secret is wrong"));
    }

    #[tokio::test]
    async fn rest_check_names_objects_the_role_cannot_list() {
        let role = "[[intacct.roles]]\nid = \"Accounting Sync\"\npolicies = [\n\
            { application = \"General Ledger\", policy = \"Accounts\", rights = [\"List\", \"View\"] },\n\
            { application = \"Company\", policy = \"Users\", rights = [\"List\", \"View\"] },\n]\n";
        let r = rest_result(None, role).await;
        assert_eq!(r.status, CheckStatus::Fail, "{r:#?}");
        let diff = r.diff.unwrap();
        assert!(diff
            .rows
            .iter()
            .any(|row| row.id == "GLACCOUNT" && row.status == onramp_core::DiffStatus::Ok));
        assert!(diff
            .rows
            .iter()
            .any(|row| row.id == "ARINVOICE" && row.status == onramp_core::DiffStatus::Missing));
    }
}

/// Whether Sage sends `expires_in` as a number or a string is not in the
/// stored Sage docs; the client reads both the same (the simulator can send either).
#[tokio::test]
async fn expires_in_is_read_as_a_number_or_a_numeric_string() {
    for as_text in [false, true] {
        let mut scenario = Scenario::builtin("intacct/happy").unwrap();
        let intacct = scenario.intacct.as_mut().unwrap();
        intacct.rest.expires_in_as_text = as_text;
        intacct.rest.token_lifetime_secs = 1800;
        let p = intacct.practice.clone();
        let sim = Simulator::start(scenario, SimOptions::default())
            .await
            .unwrap();
        let app = RestApp {
            client_id: p.client_id.clone().unwrap(),
            client_secret: Secret::new(p.client_secret.clone().unwrap()),
        };
        let endpoints = Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
        };
        let client = RestClient::new(app, endpoints, Duration::from_secs(10)).unwrap();
        let token = client
            .client_credentials(&p.user_id, &p.company_id, None)
            .await
            .unwrap();
        assert_eq!(token.expires_in, Some(1800), "as text: {as_text}");
    }
}
