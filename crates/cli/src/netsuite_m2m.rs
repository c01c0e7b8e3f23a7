//! `onramp-cli netsuite m2m …`: generate the key pair and certificate for
//! OAuth 2.0 client credentials, and request a token to prove the mapping works.
//! The private key goes to the keychain (or, headless, to a 0600 file); the
//! access token is never printed unless asked for.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context};
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::{Secret, SecretKey, SecretStore};
use onramp_netsuite::oauth2::diagnose::{self, Stage};
use onramp_netsuite::oauth2::keygen::{generate, KeyAlgorithm, MAX_VALIDITY_DAYS};
use onramp_netsuite::oauth2::m2m::{M2mConfig, DEFAULT_ASSERTION_LIFETIME};
use onramp_netsuite::oauth2::secret_names::M2M_PRIVATE_KEY as KEY_SECRET;
use onramp_netsuite::oauth2::{format_time, M2mClient, OffsetDateTime, Scope};
use onramp_netsuite::Account;

use crate::secrets;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Alg {
    /// ECDSA P-256 (default).
    Es256,
    /// RSA-PSS over a 3072-bit key.
    Ps256,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Generate a key pair and a self-signed certificate to upload at Setup > Integration >
    /// Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup.
    Keygen {
        #[arg(long, value_enum, default_value = "es256")]
        alg: Alg,
        /// Where to write the certificate (PEM).
        #[arg(long)]
        out: PathBuf,
        /// Write the private key to this new file (mode 0600) instead of the keychain.
        #[arg(long)]
        key_out: Option<PathBuf>,
        /// Setup whose keychain entry receives the private key (without --key-out).
        #[arg(long = "setup")]
        setup_id: Option<String>,
        /// Certificate validity in days (NetSuite allows at most two years).
        #[arg(long, default_value_t = MAX_VALIDITY_DAYS)]
        days: i64,
        #[arg(long, default_value = "Onramp NetSuite M2M")]
        common_name: String,
    },
    /// Request an access token with a signed client assertion and report what it grants.
    Token {
        #[arg(long)]
        account: String,
        #[arg(long)]
        client_id: String,
        /// The Certificate ID NetSuite shows for the mapping.
        #[arg(long)]
        certificate_id: String,
        /// Private key file; otherwise ONRAMP_NETSUITE_M2M_PRIVATE_KEY or the keychain of --setup.
        #[arg(long)]
        key: Option<PathBuf>,
        #[arg(long = "setup")]
        setup_id: Option<String>,
        /// Scopes, space- or comma-separated.
        #[arg(long, default_value = "rest_webservices")]
        scope: String,
        /// Send requests to this base URL (the simulator) instead of NetSuite.
        #[arg(long)]
        base_url: Option<String>,
        /// Print the access token itself on stdout.
        #[arg(long)]
        show_token: bool,
    },
}

pub async fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Keygen {
            alg,
            out,
            key_out,
            setup_id,
            days,
            common_name,
        } => keygen(
            alg,
            &out,
            key_out.as_deref(),
            setup_id.as_deref(),
            days,
            &common_name,
        ),
        Command::Token {
            account,
            client_id,
            certificate_id,
            key,
            setup_id,
            scope,
            base_url,
            show_token,
        } => {
            let key = private_key(key.as_deref(), setup_id.as_deref())?;
            token(
                &account,
                &client_id,
                &certificate_id,
                key,
                &scope,
                base_url.as_deref(),
                show_token,
            )
            .await
        }
    }
}

fn keygen(
    alg: Alg,
    out: &Path,
    key_out: Option<&Path>,
    setup_id: Option<&str>,
    days: i64,
    cn: &str,
) -> anyhow::Result<ExitCode> {
    if key_out.is_none() && setup_id.is_none() {
        bail!("say where the private key goes: --setup <id> (keychain) or --key-out <file>");
    }
    let algorithm = match alg {
        Alg::Es256 => KeyAlgorithm::Es256,
        Alg::Ps256 => KeyAlgorithm::Ps256,
    };
    let g = generate(algorithm, cn, days, OffsetDateTime::now_utc())?;
    match (key_out, setup_id) {
        (Some(path), _) => write_private(path, g.private_key_pem.expose())?,
        (None, Some(id)) => secrets::store()
            .set(&SecretKey::new(id, KEY_SECRET), &g.private_key_pem)
            .context("storing the private key in the keychain")?,
        (None, None) => unreachable!("checked above"),
    }
    std::fs::write(out, &g.certificate_pem)
        .with_context(|| format!("writing {}", out.display()))?;
    println!("Certificate: {}", out.display());
    println!("Algorithm:   {}", g.info.algorithm.as_str());
    println!("Valid until: {}", format_time(g.info.not_after));
    println!("SHA-256:     {}", g.info.fingerprint_sha256);
    match key_out {
        Some(p) => println!("Private key: {} (readable only by you)", p.display()),
        None => println!(
            "Private key: keychain, setup {}",
            setup_id.unwrap_or_default()
        ),
    }
    println!("Upload the certificate at Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup, then use the Certificate ID NetSuite shows.");
    Ok(ExitCode::SUCCESS)
}

/// Creates the key file for the owner only, and never overwrites one.
fn write_private(path: &Path, pem: &str) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {} (it must not exist yet)", path.display()))?;
    file.write_all(pem.as_bytes())?;
    Ok(())
}

/// The M2M private key: from `--key <file>`, else the environment or the keychain of `--setup`.
pub(crate) fn private_key(
    file: Option<&Path>,
    setup_id: Option<&str>,
) -> anyhow::Result<Secret<String>> {
    match file {
        Some(path) => Ok(Secret::new(onramp_core::files::read_text_capped(
            path,
            onramp_core::files::MAX_KEY_BYTES,
            "a private key",
        )?)),
        None => secrets::from_env_or_keychain(KEY_SECRET, setup_id),
    }
}

/// A client-credentials client for the mapping named by client and certificate ID,
/// and the algorithm its key signs with.
pub(crate) fn m2m_client(
    account: Account,
    client_id: &str,
    certificate_id: &str,
    key: Secret<String>,
    scope: &str,
    endpoints: Endpoints,
) -> anyhow::Result<(M2mClient, KeyAlgorithm)> {
    let scopes = scope
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(Scope::parse)
        .collect::<Result<Vec<_>, _>>()?;
    let Some(algorithm) = KeyAlgorithm::detect(key.expose()) else {
        bail!("the private key is not an EC (ES256) or RSA (PS256) key in PKCS#8 PEM form");
    };
    let client = M2mClient::new(M2mConfig {
        account,
        client_id: client_id.trim().to_string(),
        certificate_id: certificate_id.trim().to_string(),
        algorithm,
        private_key_pem: key,
        scopes,
        assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
        endpoints,
        timeout: Duration::from_secs(30),
    })?;
    Ok((client, algorithm))
}

async fn token(
    account: &str,
    client_id: &str,
    certificate_id: &str,
    key: Secret<String>,
    scope: &str,
    base_url: Option<&str>,
    show: bool,
) -> anyhow::Result<ExitCode> {
    let endpoints = Endpoints {
        override_base: base_url.map(EndpointOverride::new).transpose()?,
    };
    let (client, algorithm) = m2m_client(
        Account::parse(account)?,
        client_id,
        certificate_id,
        key,
        scope,
        endpoints,
    )?;
    match client.token(OffsetDateTime::now_utc()).await {
        Ok(t) => {
            println!("NetSuite issued an access token ({}).", algorithm.as_str());
            println!("Expires:  {}", format_time(t.expires_at));
            if let Some(who) = &t.identity {
                println!("Acts as:  role {}, entity {}", who.role, who.entity);
                println!("Scopes:   {}", who.scopes.join(" "));
            }
            if show {
                println!("{}", t.access_token.expose());
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let d = diagnose::diagnose(Stage::ClientCredentials, &e);
            eprintln!("error: {e}");
            eprintln!("cause: {}\nfix:   {}\nwhere: {}", d.cause, d.fix, d.where_);
            Ok(ExitCode::FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_key_file_is_owner_only_and_never_overwritten() {
        let path = std::env::temp_dir().join(format!("onramp-m2m-key-{}.pem", std::process::id()));
        let _ = std::fs::remove_file(&path);
        write_private(&path, "-----BEGIN PRIVATE KEY-----\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(write_private(&path, "other").is_err());
        std::fs::remove_file(&path).unwrap();
    }
}
