//! An M2M practice setup (scenario `netsuite/oauth-maintain`) rotates its
//! certificate and then moves to a new owner: each new key pair waits beside
//! the working one, is mapped in the simulated NetSuite, and replaces it only
//! after a full run passed with a token for the expected user. A mapping for
//! the wrong user replaces nothing.

mod common;
#[path = "common/m2m.rs"]
mod m2m_common;

use std::sync::Arc;

use onramp_application::lifecycle::m2m;
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::oauth::m2m::{certificate_path, M2mAlgorithm};
use onramp_application::run::{EventSink, RunOptions};
use onramp_core::{RunVerdict, SecretKey, SecretStore};

const KEY: &str = "netsuite.m2m_private_key";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_certificate_replaces_the_old_only_once_proven_for_the_right_user() {
    let (_dir, store, ctx, id, first) = m2m_common::mapped_setup("netsuite/oauth-maintain").await;
    let options = RunOptions::default();
    let ran = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), options).await;
    assert_eq!(ran.verdict, RunVerdict::AllPassed, "{:?}", ran.error);
    let key = || {
        store
            .get(&SecretKey::new(id.as_str(), KEY))
            .unwrap()
            .unwrap()
            .expose()
            .clone()
    };
    let cert_file = certificate_path(&ctx.data_dir, &id).unwrap();
    let (old_key, old_pem) = (key(), std::fs::read_to_string(&cert_file).unwrap());
    let sink: EventSink = Arc::new(|_| {});

    // Rotation for the same user.
    let new_pem = m2m::generate(&ctx, id.clone(), M2mAlgorithm::ES256)
        .await
        .unwrap();
    assert_eq!(
        key(),
        old_key,
        "the working key stays while the new one is unproven"
    );
    let mapped = m2m::practice_upload(&ctx, id.clone()).await.unwrap();
    let rotated = m2m::prove(&ctx, id.clone(), options, sink.clone())
        .await
        .unwrap();
    assert!(rotated.rotation.proven, "{:#?}", rotated.rotation.checks);
    assert_eq!(rotated.owner.as_ref().unwrap().matches, Some(true));
    assert_ne!(key(), old_key);
    assert_eq!(std::fs::read_to_string(&cert_file).unwrap(), new_pem);
    assert_ne!(new_pem, old_pem);
    let after = ctx.state.setup(&id).unwrap();
    assert_eq!(
        after.fields.netsuite.certificate_id,
        Some(mapped.certificate_id.clone())
    );
    assert_eq!(after.fields.netsuite.certificate_id_pending, None);
    assert!(
        rotated.rotation.next_steps[0].contains(&first.certificate_id),
        "names the old mapping to revoke"
    );

    // A change of owner whose new mapping is for the old user: refused, nothing replaced.
    let owner = "integration2@wolfe.example";
    m2m::begin_owner_change(&ctx, id.clone(), owner.into(), "14".into())
        .await
        .unwrap();
    let working_key = key();
    let pem = m2m::generate(&ctx, id.clone(), M2mAlgorithm::ES256)
        .await
        .unwrap();
    let setup_now = ctx.state.setup(&id).unwrap();
    let wrong = onramp_application::oauth::m2m::practice_map(&ctx, &setup_now, pem, None)
        .await
        .unwrap();
    m2m::set_certificate_id(&ctx, id.clone(), wrong.certificate_id)
        .await
        .unwrap();
    let refused = m2m::prove(&ctx, id.clone(), options, sink.clone())
        .await
        .unwrap();
    assert!(!refused.rotation.proven);
    assert_eq!(refused.owner.unwrap().matches, Some(false));
    assert_eq!(key(), working_key);

    // Mapped for the new owner: proven, and the setup now expects them.
    m2m::generate(&ctx, id.clone(), M2mAlgorithm::ES256)
        .await
        .unwrap();
    m2m::practice_upload(&ctx, id.clone()).await.unwrap();
    let moved = m2m::prove(&ctx, id.clone(), options, sink).await.unwrap();
    assert!(moved.rotation.proven, "{:#?}", moved.rotation.next_steps);
    let proof = moved.owner.unwrap();
    assert_eq!(proof.matches, Some(true));
    assert_eq!(proof.acting_as.as_deref(), Some("internal ID 14"));
    let after = ctx.state.setup(&id).unwrap();
    assert_eq!(after.fields.user_email.as_deref(), Some(owner));
    assert_eq!(
        after.fields.previous_owner.as_deref(),
        Some("integration@wolfe.example")
    );
    assert_eq!(after.fields.netsuite.owner_change, None);
    assert!(moved
        .rotation
        .next_steps
        .iter()
        .any(|s| s.contains("Retire integration@wolfe.example")));
    let again = revalidate(&ctx, &after, options).await;
    assert_eq!(again.verdict, RunVerdict::AllPassed, "{:?}", again.error);
}
