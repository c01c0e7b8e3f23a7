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
