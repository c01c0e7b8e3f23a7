//! Who a TBA token acts as, by name. The token itself never says; the Login
//! Audit Trail records each sign-in with the token's name, user and role, and
//! an administrator's sign-in may read it. Practice scenario netsuite/oauth-happy
//! holds the integration user's token and the administrator's own.

#[path = "common/admin.rs"]
mod admin;
mod common;

use onramp_application::api::oauth::{netsuite_identity, oauth_set_method};
use onramp_application::ctx::AppCtx;
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::Setup;
use onramp_core::{Secret, SecretKey, SecretStore};
use tempfile::TempDir;

/// The integration record "Onramp Connector" (netsuite/happy).
const CONSUMER: (&str, &str) = (
    "9b21d1785e11cf998e0a12bb47a87e15f3a7d4d51589272db109fd6e147784f2",
    "811585bc60095a2a777cf97beb74ec2ed1ed1c4190c91fcb5bb535df718d2d56",
);
/// The integration user's token ("Onramp Connector - Onramp Integration User").
const INTEGRATION_TOKEN: (&str, &str) = (
    "38549f67703fc6455172327c67d891ab3e76ad3a28a5dc41f035f20052f81f8f",
    "f4c31efd5c17a6ff434adedb894b8cea4573f40fdd8a0f67e344d516e6298984",
);
/// The administrator's own token ("Onramp Connector - Dana Admin").
const ADMIN_TOKEN: (&str, &str) = (
    "5d2f0c9e7b3a41c8a6e9f1d3b5c7e9a1f3d5b7c9e1a3c5e7f9b1d3f5a7c9e1b3",
    "a8c6e4f2d0b9a7c5e3f1d9b7a5c3e1f9d7b5a3c1e9f7d5b3a1c9e7f5d3b1a9c7",
);

/// A TBA practice setup holding `token`. The scenario offers only OAuth 2.0
/// values to paste; its account holds the happy account's TBA integration and
/// tokens too. Each setup has its own simulated account (and trail).
async fn tba_setup(token: (&str, &str)) -> (TempDir, AppCtx, Setup) {
    let (dir, store, ctx, setup) =
        common::practice_setup(Erp::Netsuite, "Wolfe", "netsuite/oauth-happy").await;
    let id = setup.id.clone();
    oauth_set_method(&ctx, id.clone(), AuthMethod::Tba)
        .await
        .unwrap();
    for (name, value) in [
        ("netsuite.consumer_key", CONSUMER.0),
        ("netsuite.consumer_secret", CONSUMER.1),
        ("netsuite.token_id", token.0),
        ("netsuite.token_secret", token.1),
    ] {
        let key = SecretKey::new(id.as_str(), name);
        store.set(&key, &Secret::new(value.to_owned())).unwrap();
    }
    (dir, ctx, setup)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_audit_trail_names_the_tokens_user_for_an_administrator() {
    let (_dir, ctx, setup) = tba_setup(INTEGRATION_TOKEN).await;
    let id = setup.id.clone();
    let expected_user = setup
        .fields
        .user_email
        .clone()
        .expect("the scenario names the user");

    // Without an administrator nothing names the user, and nothing is claimed.
    let unnamed = netsuite_identity(&ctx, id.clone()).await.unwrap();
    assert!(unnamed.audit.is_none());
    assert_eq!(unnamed.user_email, None);
    assert_eq!((unnamed.user_matches, unnamed.role_matches), (None, None));

    admin::admin_signs_in(&ctx, &id).await;
    let named = netsuite_identity(&ctx, id.clone()).await.unwrap();
    let audit = named
        .audit
        .as_ref()
        .expect("read from the Login Audit Trail");
    assert_eq!(audit.token, "Onramp Connector - Onramp Integration User");
    assert_eq!(named.user_email.as_deref(), Some(expected_user.as_str()));
    assert_eq!(named.entity_id.as_deref(), Some("13"));
    assert_eq!(named.role_name.as_deref(), Some("Onramp Integration"));
    assert_eq!(
        (named.user_matches, named.role_matches),
        (Some(true), Some(true))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_administrators_own_token_is_named_as_theirs() {
    let (_dir, ctx, setup) = tba_setup(ADMIN_TOKEN).await;
    admin::admin_signs_in(&ctx, &setup.id).await;
    let wrong = netsuite_identity(&ctx, setup.id.clone()).await.unwrap();
    assert_eq!(wrong.audit.unwrap().token, "Onramp Connector - Dana Admin");
    assert_eq!(wrong.entity_id.as_deref(), Some("7"));
    assert_eq!(wrong.role_name.as_deref(), Some("Administrator"));
    assert_eq!(
        (wrong.user_matches, wrong.role_matches),
        (Some(false), Some(false))
    );
}
