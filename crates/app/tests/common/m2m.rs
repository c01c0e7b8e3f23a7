//! An M2M practice setup with the simulated Client ID entered, and one ready to
//! validate, as a user leaves the Certificate step: a key pair generated in the
//! app, its certificate mapped in the simulated NetSuite and the Certificate ID
//! entered. Included (`#[path]`) by the tests that need it.

use std::sync::Arc;

use onramp_application::api::oauth::{
    m2m_generate, m2m_practice_upload, oauth_set_field, oauth_set_method, OAuthField,
};
use onramp_application::api::practice::practice_credentials;
use onramp_application::ctx::AppCtx;
use onramp_application::oauth::m2m::{M2mAlgorithm, PracticeUpload};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::secret::MemorySecretStore;
use tempfile::TempDir;

/// The setup of `scenario` and the first mapping the simulator made.
#[allow(
    dead_code,
    reason = "the vendor-certificate test maps its own certificate"
)]
pub async fn mapped_setup(
    scenario: &str,
) -> (
    TempDir,
    Arc<MemorySecretStore>,
    AppCtx,
    String,
    PracticeUpload,
) {
    let (dir, store, ctx, id) = client_id_entered(scenario).await;
    m2m_generate(&ctx, id.clone(), M2mAlgorithm::ES256)
        .await
        .unwrap();
    let mapped = m2m_practice_upload(&ctx, id.clone()).await.unwrap();
    let certificate_id = mapped.certificate_id.clone();
    oauth_set_field(&ctx, id.clone(), OAuthField::CertificateId, certificate_id)
        .await
        .unwrap();
    (dir, store, ctx, id, mapped)
}

/// An M2M setup of `scenario` with the simulated Client ID entered.
pub async fn client_id_entered(
    scenario: &str,
) -> (TempDir, Arc<MemorySecretStore>, AppCtx, String) {
    let (dir, store, ctx, setup) =
        super::common::practice_setup(Erp::Netsuite, "Wolfe", scenario).await;
    let id = setup.id.clone();
    oauth_set_method(&ctx, id.clone(), AuthMethod::Oauth2M2m)
        .await
        .unwrap();
    let values = practice_credentials(&ctx, id.clone()).await.unwrap();
    let client_id = values.iter().find(|v| v.label == "Client ID").unwrap();
    oauth_set_field(
        &ctx,
        id.clone(),
        OAuthField::ClientId,
        client_id.value.clone(),
    )
    .await
    .unwrap();
    (dir, store, ctx, id)
}
