//! Archiving hides a setup or a client from the home list and deletes
//! nothing: the keychain items and the setup itself stay, and unarchiving
//! brings it back as it was. Clients are renamed one field at a time, with
//! the same duplicate rule as creating one.

use std::sync::Arc;

use onramp_application::api::setups::{
    change_client, change_setup, create_setup, get_setup, list_clients, list_setups, save_client,
    ClientChange, SetupChange,
};
use onramp_application::ctx::AppCtx;
use onramp_core::profile::Erp;
use onramp_core::secret::MemorySecretStore;
use onramp_core::state::{all_secret_names, Client, NewSetup};
use onramp_core::{ErrorKind, Secret, SecretKey};

fn ctx(dir: &tempfile::TempDir) -> AppCtx {
    AppCtx::open(
        dir.path().to_path_buf(),
        Arc::new(MemorySecretStore::default()),
    )
    .unwrap()
}

async fn client(ctx: &AppCtx, name: &str) -> Client {
    save_client(
        ctx,
        Client {
            id: String::new(),
            name: name.into(),
            notes: String::new(),
            created_at: String::new(),
            archived_at: None,
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn an_archived_setup_keeps_its_keychain_items_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(&dir);
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp: Erp::Intacct,
            label: "Acme".into(),
            client_id: None,
            account_id: "acme".into(),
            entity_id: None,
            practice_scenario: None,
        },
    )
    .await
    .unwrap();
    let name = all_secret_names().next().unwrap();
    let key = SecretKey::new(setup.id.as_str(), name);
    ctx.secrets.set(&key, &Secret::new("kept".into())).unwrap();

    let archive = |archived| vec![SetupChange::Archive { archived }];
    let archived = change_setup(&ctx, setup.id.clone(), archive(true))
        .await
        .unwrap();
    assert!(archived.archived_at.is_some());
    let listed = list_setups(&ctx).unwrap();
    assert_eq!(listed.len(), 1, "archived setups are still listed, marked");
    assert!(listed[0].archived_at.is_some());
    assert!(
        ctx.secrets.exists(&key).unwrap(),
        "archiving deletes no keychain item"
    );

    // The mark survives a restart of the app.
    drop(ctx);
    let ctx = self::ctx(&dir);
    assert!(get_setup(&ctx, setup.id.clone())
        .unwrap()
        .archived_at
        .is_some());
    let back = change_setup(&ctx, setup.id.clone(), archive(false))
        .await
        .unwrap();
    assert_eq!(back.archived_at, None);
    assert_eq!(back.label, "Acme");
}

#[tokio::test]
async fn a_client_is_renamed_unless_another_has_the_name_and_archived_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(&dir);
    let acme = client(&ctx, "Acme").await;
    client(&ctx, "Globex").await;
    let rename = |name: &str| ClientChange::Rename { name: name.into() };

    let renamed = change_client(&ctx, acme.id.clone(), rename("  Acme Corp "))
        .await
        .unwrap();
    assert_eq!(renamed.name, "Acme Corp");
    for bad in ["globex", "   "] {
        let err = change_client(&ctx, acme.id.clone(), rename(bad))
            .await
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidInput, "{bad:?}");
    }
    let err = change_client(&ctx, "nope".into(), rename("X"))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);

    let archived = change_client(
        &ctx,
        acme.id.clone(),
        ClientChange::Archive { archived: true },
    )
    .await
    .unwrap();
    assert!(archived.archived_at.is_some());
    // A rename leaves the archive mark, and the client's name stays taken.
    let again = change_client(&ctx, acme.id.clone(), rename("ACME CORP"))
        .await
        .unwrap();
    assert!(again.archived_at.is_some());
    let clients = list_clients(&ctx).unwrap();
    assert_eq!(clients.len(), 2);
    let back = change_client(&ctx, acme.id, ClientChange::Archive { archived: false })
        .await
        .unwrap();
    assert_eq!(back.archived_at, None);
    assert_eq!(back.name, "ACME CORP");
}
