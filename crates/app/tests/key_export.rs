//! The M2M private key handed to a connector: only after the warning is
//! confirmed, once per key, into a new owner-only file, recorded on the setup.

use std::sync::Arc;

use onramp_application::api::oauth::{m2m_export_key, m2m_generate};
use onramp_application::api::setups::create_setup;
use onramp_application::ctx::AppCtx;
use onramp_application::oauth::m2m::M2mAlgorithm;
use onramp_application::runs;
use onramp_core::observed::{NsObserved, Observed, SetupFacts};
use onramp_core::profile::Erp;
use onramp_core::report::RunRecord;
use onramp_core::secret::MemorySecretStore;
use onramp_core::state::NewSetup;

async fn setup(ctx: &AppCtx, practice: Option<&str>) -> String {
    let new = NewSetup {
        erp: Erp::Netsuite,
        label: "Acme Billing".into(),
        client_id: None,
        account_id: "1234567".into(),
        entity_id: None,
        practice_scenario: practice.map(str::to_owned),
    };
    let id = create_setup(ctx, new).await.unwrap().id;
    m2m_generate(ctx, id.clone(), M2mAlgorithm::ES256)
        .await
        .unwrap();
    id
}

fn ctx(dir: &tempfile::TempDir) -> AppCtx {
    AppCtx::open(
        dir.path().join("data"),
        Arc::new(MemorySecretStore::default()),
    )
    .unwrap()
}

#[tokio::test]
async fn the_key_is_written_once_after_the_warning_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(&dir);
    let id = setup(&ctx, None).await;
    let out = dir.path().join("handoff");
    let folder = out.display().to_string();

    let e = m2m_export_key(&ctx, id.clone(), folder.clone(), false)
        .await
        .unwrap_err();
    assert!(e.message.contains("Confirm the warning"), "{}", e.message);
    assert!(
        !out.exists(),
        "nothing is written before the warning is confirmed"
    );

    let done = m2m_export_key(&ctx, id.clone(), folder.clone(), true)
        .await
        .unwrap();
    let path = std::path::Path::new(&done.path);
    assert_eq!(
        path.file_name().unwrap(),
        "onramp-acme-billing-m2m-private-key.pem"
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("-----BEGIN PRIVATE KEY-----"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let stored = ctx.state.setup(&id).unwrap();
    let handed = stored.fields.netsuite.key_export.clone().unwrap();
    assert_eq!(handed.at, done.exported_at);
    assert_eq!(handed.to, done.path);
    // The setup's report says when and where the key went.
    let facts = SetupFacts {
        erp: Erp::Netsuite,
        account_id: "1234567".into(),
        environment: None,
        entity_id: None,
        connector_profile_id: None,
        auth_method: None,
        simulation: None,
    };
    let record = runs::refresh(
        RunRecord::new(
            facts,
            Observed::Netsuite(NsObserved::default()),
            vec![],
            None,
        ),
        &stored,
    );
    let handoff = record.key_handoff.clone().unwrap();
    assert_eq!(
        (handoff.at.as_str(), handoff.file.as_str()),
        (done.exported_at.as_str(), done.path.as_str())
    );
    let html = record.to_html();
    assert!(
        html.contains("Private key handed over") && html.contains(&done.path),
        "{html}"
    );

    // Once per key: a second export is refused and names the first.
    let other = dir.path().join("again").display().to_string();
    let e = m2m_export_key(&ctx, id.clone(), other, true)
        .await
        .unwrap_err();
    assert!(e.message.contains("already exported"), "{}", e.message);
    assert!(e.message.contains(&done.path), "{}", e.message);

    // A new key pair may be handed over again, but never over an existing file.
    m2m_generate(&ctx, id.clone(), M2mAlgorithm::ES256)
        .await
        .unwrap();
    let regenerated = ctx.state.setup(&id).unwrap();
    assert_eq!(regenerated.fields.netsuite.key_export, None);
    let e = m2m_export_key(&ctx, id.clone(), folder, true)
        .await
        .unwrap_err();
    assert!(e.message.contains("does not overwrite"), "{}", e.message);
    assert_eq!(std::fs::read_to_string(path).unwrap(), text);
}

#[tokio::test]
async fn a_practice_key_says_it_is_simulated() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(&dir);
    let id = setup(&ctx, Some("netsuite/oauth-happy")).await;
    let done = m2m_export_key(&ctx, id, dir.path().display().to_string(), true)
        .await
        .unwrap();
    assert!(done
        .path
        .ends_with("onramp-practice-acme-billing-m2m-private-key.pem"));
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert!(text.starts_with("Onramp Practice mode"), "{text}");
    assert!(text.contains("-----BEGIN PRIVATE KEY-----"), "{text}");
}
