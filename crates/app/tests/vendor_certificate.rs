//! M2M with the vendor's certificate (the vendor keeps the key): a file
//! NetSuite would refuse is refused with why and changes nothing; a good one
//! becomes the setup's certificate, is mapped in the simulated NetSuite, and a
//! run then says the sign-in is not proven instead of calling the setup valid.
//! The certificates are made by openssl at test time, as a vendor would.

mod common;
#[path = "common/m2m.rs"]
mod m2m_common;

use std::path::{Path, PathBuf};
use std::process::Command;

use onramp_application::api::oauth::{
    m2m_export_key, m2m_forget_vendor_certificate, m2m_generate, m2m_import_vendor_certificate,
    m2m_practice_upload, m2m_vendor_certificate, oauth_set_field, OAuthField,
};
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::oauth::m2m::M2mAlgorithm;
use onramp_application::oauth::vendor;
use onramp_application::run::RunOptions;
use onramp_core::state::SetupStatus;
use onramp_core::{CheckStatus, RunVerdict};

/// `openssl req -x509` with `key_args`, valid for `days`; returns (certificate, key).
fn openssl_cert(dir: &Path, name: &str, key_args: &[&str], days: u32) -> (PathBuf, PathBuf) {
    let (cert, key) = (
        dir.join(format!("{name}.crt")),
        dir.join(format!("{name}.key")),
    );
    let days = days.to_string();
    let mut args = vec![
        "req",
        "-x509",
        "-nodes",
        "-subj",
        "/CN=connector.vendor.example",
    ];
    args.extend_from_slice(key_args);
    args.extend_from_slice(&["-days", &days, "-keyout"]);
    let status = Command::new("openssl")
        .args(&args)
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    (cert, key)
}

const P384: &[&str] = &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vendor_certificate_is_checked_mapped_and_never_called_proven() {
    let (dir, _store, ctx, id) = m2m_common::client_id_entered("netsuite/oauth-happy").await;
    let path = |p: &Path| p.display().to_string();
    let import = |file: String, alg: Option<&str>| {
        m2m_import_vendor_certificate(&ctx, id.clone(), file, alg.map(Into::into))
    };

    // What a vendor may send by mistake, each refused with its reason.
    let (good, key) = openssl_cert(dir.path(), "vendor", P384, 365);
    let (_, _) = openssl_cert(dir.path(), "rsa2048", &["-newkey", "rsa:2048"], 365);
    let (long, _) = openssl_cert(dir.path(), "long", P384, 5 * 365);
    let refused = [
        (path(&key), None, "private key"),
        (
            path(&dir.path().join("rsa2048.crt")),
            None,
            "3072 or 4096 bits",
        ),
        (path(&long), None, "at most two years"),
        (path(&good), Some("RS256"), "RS256 is not accepted"),
        (path(&good), Some("ES256"), "use ES384"),
        (path(&dir.path().join("missing.crt")), None, "could not"),
        ("certificate.pem".to_owned(), None, "not a full path"),
    ];
    for (file, alg, why) in refused {
        let e = import(file.clone(), alg).await.unwrap_err();
        assert!(e.message.contains(why), "{file}: {}", e.message);
        assert!(!vendor::holds_key(&ctx.state.setup(&id).unwrap()), "{file}");
    }

    let cert = import(path(&good), Some("es384")).await.unwrap();
    assert_eq!(
        (cert.key.as_str(), cert.algorithm.as_str()),
        ("EC P-384", "ES384")
    );
    assert!(
        cert.subject.contains("connector.vendor.example"),
        "{}",
        cert.subject
    );
    assert_eq!(
        m2m_vendor_certificate(&ctx, id.clone()).await.unwrap(),
        Some(cert.clone())
    );
    // A bad file later changes nothing: the imported certificate stays.
    import(path(&key), None).await.unwrap_err();
    assert_eq!(
        m2m_vendor_certificate(&ctx, id.clone()).await.unwrap(),
        Some(cert)
    );

    // No key to hand over, and Onramp says whose it is.
    let out = tempfile::tempdir().unwrap();
    let e = m2m_export_key(&ctx, id.clone(), path(out.path()), true)
        .await
        .unwrap_err();
    assert!(e.message.contains("vendor keeps"), "{}", e.message);

    let mapped = m2m_practice_upload(&ctx, id.clone()).await.unwrap();
    oauth_set_field(
        &ctx,
        id.clone(),
        OAuthField::CertificateId,
        mapped.certificate_id.clone(),
    )
    .await
    .unwrap();
    let ran = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), RunOptions::default()).await;
    assert_eq!(ran.verdict, RunVerdict::CouldNotCheck, "{ran:?}");
    let record = onramp_application::runs::store(&ctx.data_dir)
        .get(&id, &ran.summary.unwrap().run_id)
        .unwrap()
        .unwrap();
    let auth = record
        .checks
        .iter()
        .find(|c| c.id == "netsuite.auth")
        .unwrap();
    assert_eq!(auth.status, CheckStatus::Skip);
    assert!(auth.summary.starts_with("Not proven"), "{}", auth.summary);
    let evidence: Vec<_> = auth
        .evidence
        .iter()
        .map(|e| (e.label.as_str(), e.value.as_str()))
        .collect();
    assert!(
        evidence.contains(&("Certificate ID", mapped.certificate_id.as_str())),
        "{evidence:?}"
    );
    assert!(
        record.checks.iter().all(|c| c.status != CheckStatus::Pass),
        "{:#?}",
        record.checks
    );
    assert_eq!(
        ctx.state.setup(&id).unwrap().status(),
        SetupStatus::InProgress
    );

    // Back to a key pair Onramp makes.
    m2m_forget_vendor_certificate(&ctx, id.clone())
        .await
        .unwrap();
    let now = ctx.state.setup(&id).unwrap();
    assert!(!vendor::holds_key(&now));
    assert_eq!(
        m2m_vendor_certificate(&ctx, id.clone()).await.unwrap(),
        None
    );
    assert!(!vendor::path(&ctx.data_dir, &id).unwrap().exists());
    m2m_generate(&ctx, id.clone(), M2mAlgorithm::ES256)
        .await
        .unwrap();
}
