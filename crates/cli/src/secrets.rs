//! Credentials for the CLI. Never from arguments (they show up in `ps` and shell
//! history): first an environment variable named after the secret
//! (`netsuite.token_secret` → `ONRAMP_NETSUITE_TOKEN_SECRET`), else the OS
//! keychain entry the app stored for the setup given with `--setup <id>`.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{bail, Context};
use onramp_core::keychain::{KeyringStore, DEFAULT_SERVICE};
use onramp_core::{Secret, SecretKey, SecretStore};

/// Lets test runs and several installs keep their keychain entries apart.
const SERVICE_ENV: &str = "ONRAMP_KEYCHAIN_SERVICE";

/// The environment variable that may hold the secret `name`.
pub fn env_var_name(name: &str) -> String {
    let mut var = String::from("ONRAMP_");
    var.extend(name.chars().map(|c| {
        if c.is_ascii_alphanumeric() {
            c.to_ascii_uppercase()
        } else {
            '_'
        }
    }));
    var
}

/// The secret `name`, from its environment variable or the keychain of `setup_id`.
pub fn from_env_or_keychain(name: &str, setup_id: Option<&str>) -> anyhow::Result<Secret<String>> {
    match optional_from_env_or_keychain(name, setup_id)? {
        Some(secret) => Ok(secret),
        None => {
            let var = env_var_name(name);
            match setup_id {
                Some(id) => bail!(
                    "no {name} found: set {var}, or store it for setup {id} with `onramp-cli secret set --setup {id} {name}`"
                ),
                None => bail!("no {name} found: set {var}, or pass --setup <id> to read it from the keychain"),
            }
        }
    }
}

/// Like `from_env_or_keychain`, for secrets a flow can do without.
pub fn optional_from_env_or_keychain(
    name: &str,
    setup_id: Option<&str>,
) -> anyhow::Result<Option<Secret<String>>> {
    let var = env_var_name(name);
    if let Some(value) = std::env::var_os(&var) {
        let Some(value) = value.to_str() else {
            bail!("{var} is not valid UTF-8");
        };
        let value = value.trim();
        if value.is_empty() {
            bail!("{var} is set but empty");
        }
        return Ok(Some(Secret::new(value.to_owned())));
    }
    let Some(setup_id) = setup_id else {
        return Ok(None);
    };
    let key = SecretKey::new(setup_id, name);
    let secret = store()
        .get(&key)
        .with_context(|| format!("reading {name} of setup {setup_id} from the keychain"))?;
    // Values pasted into the app can carry whitespace from the source page.
    Ok(secret.map(|s| Secret::new(s.expose().trim().to_owned())))
}

/// The keychain the app uses (or the service named by `ONRAMP_KEYCHAIN_SERVICE`).
pub(crate) fn store() -> KeyringStore {
    KeyringStore::new(std::env::var(SERVICE_ENV).unwrap_or_else(|_| DEFAULT_SERVICE.to_owned()))
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Store a secret in the keychain; the value is read from standard input.
    Set {
        #[arg(long = "setup")]
        setup_id: String,
        /// Secret name, e.g. netsuite.token_secret.
        name: String,
    },
    /// Say whether the secret is available (environment or keychain), without showing it.
    Status {
        #[arg(long = "setup")]
        setup_id: Option<String>,
        name: String,
    },
    /// Remove a secret from the keychain.
    Delete {
        #[arg(long = "setup")]
        setup_id: String,
        name: String,
    },
}

pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Set { setup_id, name } => {
            let value = read_value(&name)?;
            store()
                .set(&SecretKey::new(&setup_id, &name), &value)
                .context("storing the secret in the keychain")?;
            eprintln!("Stored {name} for setup {setup_id} in the keychain.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Status { setup_id, name } => {
            let found = optional_from_env_or_keychain(&name, setup_id.as_deref())?.is_some();
            println!("{name}: {}", if found { "available" } else { "missing" });
            Ok(if found {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Delete { setup_id, name } => {
            store()
                .delete(&SecretKey::new(&setup_id, &name))
                .context("deleting the secret from the keychain")?;
            eprintln!("Deleted {name} for setup {setup_id} from the keychain.");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One line from stdin, trimmed; refuses an empty value rather than storing it.
fn read_value(name: &str) -> anyhow::Result<Secret<String>> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Paste {name} and press Enter (the input is shown as you type):");
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the secret from standard input")?;
    let value = line.trim();
    if value.is_empty() {
        bail!("no value was given on standard input");
    }
    Ok(Secret::new(value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_names_are_derived_from_secret_names() {
        assert_eq!(
            env_var_name("netsuite.token_secret"),
            "ONRAMP_NETSUITE_TOKEN_SECRET"
        );
        assert_eq!(
            env_var_name("intacct.sender-password"),
            "ONRAMP_INTACCT_SENDER_PASSWORD"
        );
    }

    #[test]
    fn env_values_are_trimmed_and_empty_ones_refused() {
        // Names unique to this test: the process environment is shared by all tests.
        std::env::set_var("ONRAMP_TEST_TRIMMED", "  s3cret\n");
        let got = optional_from_env_or_keychain("test.trimmed", None).unwrap();
        assert_eq!(got.unwrap().expose(), "s3cret");

        std::env::set_var("ONRAMP_TEST_BLANK", "  \t");
        let err = optional_from_env_or_keychain("test.blank", None).unwrap_err();
        assert!(err
            .to_string()
            .contains("ONRAMP_TEST_BLANK is set but empty"));
    }

    #[test]
    fn missing_secret_without_setup_names_the_variable() {
        let err = from_env_or_keychain("test.absent", None).unwrap_err();
        assert!(err.to_string().contains("set ONRAMP_TEST_ABSENT"), "{err}");
    }
}
