//! Changing a practice TBA setup's token owner (scenario `netsuite/maintain`,
//! where a second integration user holds the role and has a token): a token
//! that signs in but belongs to the old user is refused as the new owner's;
//! the new user's own token is proven to act as them (the simulated Login
//! Audit Trail records the run's logins under them) and only then replaces
//! the old one, and the setup now expects the new user.

mod common;

use std::sync::Arc;

use onramp_application::api::lifecycle::{
    maintain_practice, owner_begin, owner_prove, rotation_stage,
};
use onramp_application::api::practice::practice_credentials;
use onramp_application::run::{EventSink, RunOptions};
use onramp_core::profile::Erp;
use onramp_core::{Secret, SecretKey, SecretStore};

const TOKEN_ID: &str = "netsuite.token_id";
const TOKEN_SECRET: &str = "netsuite.token_secret";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_new_owners_token_replaces_the_old_once_it_acts_as_them() {
    let (_dir, store, ctx, setup) =
        common::practice_setup(Erp::Netsuite, "Wolfe", "netsuite/maintain").await;
    let id = setup.id.clone();
    for v in practice_credentials(&ctx, id.clone()).await.unwrap() {
        let key = SecretKey::new(id.as_str(), v.name.as_str());
        store.set(&key, &Secret::new(v.value)).unwrap();
    }
    let old_user = setup.fields.user_email.clone().unwrap();
    let practice = maintain_practice(&ctx, id.clone()).await.unwrap();
    let new_user = practice.new_owner_email.clone().unwrap();
    let token_id = SecretKey::new(id.as_str(), TOKEN_ID);
    let old_token = store.get(&token_id).unwrap().unwrap().expose().clone();
    let sink: EventSink = Arc::new(|_| {});
    let options = RunOptions::default();

    let err = owner_begin(&ctx, id.clone(), old_user.to_uppercase())
        .await
        .unwrap_err();
    assert!(err.message.contains("already owns"), "{}", err.message);
    assert!(owner_begin(&ctx, id.clone(), "not an address".into())
        .await
        .is_err());
    let begun = owner_begin(&ctx, id.clone(), new_user.clone())
        .await
        .unwrap();
    assert_eq!(
        begun.fields.netsuite.owner_change.map(|c| c.to),
        Some(new_user.clone())
    );

    // A working token, but the old user's (the rotation one): not the new owner's.
    for v in &practice.rotation {
        rotation_stage(&ctx, id.clone(), v.name.clone(), v.value.clone())
            .await
            .unwrap();
    }
    let wrong = owner_prove(&ctx, id.clone(), options, sink.clone())
        .await
        .unwrap();
    assert!(!wrong.rotation.proven);
    let owner = wrong.owner.unwrap();
    assert_eq!(owner.acting_as.as_deref(), Some(old_user.as_str()));
    assert_eq!(owner.matches, Some(false));
    assert!(wrong.rotation.next_steps[0].contains("wrong user"));
    assert_eq!(store.get(&token_id).unwrap().unwrap().expose(), &old_token);

    // The new user's own token.
    for v in &practice.new_owner_token {
        rotation_stage(&ctx, id.clone(), v.name.clone(), v.value.clone())
            .await
            .unwrap();
    }
    let done = owner_prove(&ctx, id.clone(), options, sink).await.unwrap();
    assert!(done.rotation.proven, "{:#?}", done.rotation.checks);
    let owner = done.owner.unwrap();
    assert_eq!(owner.acting_as.as_deref(), Some(new_user.as_str()));
    assert_eq!(owner.matches, Some(true));
    let new_token = practice
        .new_owner_token
        .iter()
        .find(|v| v.name == TOKEN_ID)
        .unwrap();
    assert_eq!(
        store.get(&token_id).unwrap().unwrap().expose(),
        &new_token.value
    );
    let secret = store
        .get(&SecretKey::new(id.as_str(), TOKEN_SECRET))
        .unwrap()
        .unwrap();
    assert_ne!(secret.expose().len(), 0);
    let after = ctx.state.setup(&id).unwrap();
    assert_eq!(after.fields.user_email, Some(new_user.clone()));
    assert_eq!(after.fields.previous_owner.as_ref(), Some(&old_user));
    assert_eq!(after.fields.netsuite.owner_change, None);
    let steps = done.rotation.next_steps.join("\n");
    assert!(
        steps.contains(&format!("revoke {old_user}'s token")),
        "{steps}"
    );
    assert!(steps.contains(&format!("Retire {old_user}")), "{steps}");
}
