//! Setups, clients and connector profiles: read and written through core's
//! state model, persisted by the state repository. Commands that write are
//! async so the file write (with fsync) never runs on the window's thread.

use crate::errors::OrIpc;
use onramp_core::profile::ConnectorProfile;
use onramp_core::profile::{AuthMethod, Erp};

use onramp_core::state::{
    all_secret_names, Client, Environment, FieldChange, NewSetup, Setup, SetupSummary, StepStatus,
};
use onramp_core::steps::steps_for;
use onramp_core::{IpcError, SecretKey};
use onramp_sim::Scenario;
use serde::Deserialize;
use specta::Type;

use crate::ctx::AppCtx;
use crate::{method_rule, practice};

pub(super) fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .expect("RFC 3339 formatting of a UTC timestamp cannot fail")
}

pub fn list_setups(ctx: &AppCtx) -> Result<Vec<SetupSummary>, IpcError> {
    Ok(ctx
        .state
        .read()?
        .setups
        .iter()
        .map(Setup::summary)
        .collect())
}

pub fn get_setup(ctx: &AppCtx, id: String) -> Result<Setup, IpcError> {
    ctx.state.setup(&id)
}

pub async fn create_setup(ctx: &AppCtx, mut input: NewSetup) -> Result<Setup, IpcError> {
    let practice = match input.practice_scenario.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => {
            let full = practice::full_name(input.erp, name);
            let scenario = practice::load(input.erp, &full)?;
            input.practice_scenario = Some(full);
            Some(scenario)
        }
        _ => None,
    };
    let setup = match practice {
        Some(scenario) => practice_setup(input, &scenario)?,
        None => new_setup(input)?,
    };
    ctx.state.update(|s| {
        s.setups.push(setup.clone());
        Ok(setup)
    })
}

/// One narrow change to a setup, made on the stored setup itself: whatever
/// else changed meanwhile (an OAuth refresh writing token expiry dates, a run
/// recording its summary) stays.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SetupChange {
    /// Opens another step of the wizard.
    GoTo {
        step: String,
    },
    /// The user says the step is done: it is marked so and the wizard moves
    /// to the next step of the flow.
    MarkDone {
        step: String,
    },
    /// A step's status as its own check found it.
    MarkStep {
        step: String,
        status: StepStatus,
    },
    /// Sets one value the person chose (a name, a choice); other fields stay.
    SetField {
        field: FieldChange,
    },
    /// Ticks (or unticks) one item of a step's checklist; other ticks stay.
    TickChecklist {
        step: String,
        item: String,
        done: bool,
    },
    SetProfile {
        profile_id: Option<String>,
    },
    SetEntity {
        entity_id: Option<String>,
    },
    SetClient {
        client_id: Option<String>,
    },
    /// Renames the setup (trimmed; a name is required).
    Rename {
        label: String,
    },
    /// Archives the setup (hidden from the home list, nothing removed) or brings it back.
    Archive {
        archived: bool,
    },
}

/// The longest setup name: a label, not a note.
const MAX_LABEL_CHARS: usize = 120;

fn apply(setup: &mut Setup, change: SetupChange) {
    match change {
        SetupChange::GoTo { step } => setup.current_step = step,
        SetupChange::MarkDone { step } => {
            let flow = steps_for(setup.erp, setup.auth_method);
            let next = flow
                .iter()
                .skip_while(|s| s.id != step)
                .nth(1)
                .map_or(step.as_str(), |s| s.id)
                .to_owned();
            setup.set_step(&step, StepStatus::Done);
            setup.current_step = next;
        }
        SetupChange::MarkStep { step, status } => setup.set_step(&step, status),
        SetupChange::SetField { field } => setup.fields.apply(field),
        SetupChange::TickChecklist { step, item, done } => setup.fields.tick(&step, &item, done),
        SetupChange::SetProfile { profile_id } => setup.profile_id = profile_id,
        SetupChange::SetEntity { entity_id } => setup.entity_id = entity_id,
        SetupChange::SetClient { client_id } => setup.client_id = client_id,
        SetupChange::Rename { label } => setup.label = label.trim().to_owned(),
        SetupChange::Archive { archived } => setup.archived_at = archived.then(now),
    }
}

/// Refuses a change that would leave the setup unusable, before anything is applied.
fn check(change: &SetupChange) -> Result<(), IpcError> {
    let invalid = |m: &str| {
        Err(IpcError::new(
            onramp_core::ErrorKind::InvalidInput,
            m.to_owned(),
        ))
    };
    match change {
        SetupChange::Rename { label } if label.trim().is_empty() => {
            invalid("type a name for the setup")
        }
        SetupChange::Rename { label } if label.trim().chars().count() > MAX_LABEL_CHARS => {
            invalid("that name is too long; keep it under 120 characters")
        }
        SetupChange::TickChecklist { step, item, .. }
            if step.trim().is_empty() || item.trim().is_empty() =>
        {
            invalid("a checklist tick names its step and item")
        }
        _ => Ok(()),
    }
}

/// Applies `changes` to the stored setup in one write and returns it.
pub async fn change_setup(
    ctx: &AppCtx,
    id: String,
    changes: Vec<SetupChange>,
) -> Result<Setup, IpcError> {
    ctx.state.update_setup(&id, |setup| {
        for change in changes {
            check(&change)?;
            let profile_changed = matches!(change, SetupChange::SetProfile { .. });
            if let SetupChange::MarkDone { step } = &change {
                let profile = method_rule::chosen_profile(&ctx.data_dir, setup)?;
                method_rule::may_leave(setup, step, profile.as_ref())?;
            }
            apply(setup, change);
            if profile_changed {
                let profile = method_rule::chosen_profile(&ctx.data_dir, setup)?;
                method_rule::keep_supported(setup, profile.as_ref());
            }
        }
        setup.touch();
        Ok(setup.clone())
    })
}

/// The keychain entries the setup holds now, by name: what deleting it
/// removes, for the confirmation to name.
pub async fn setup_keychain_items(ctx: &AppCtx, id: String) -> Result<Vec<String>, IpcError> {
    ctx.state.setup(&id)?;
    super::secrets::blocking(ctx, move |store| {
        let mut held = Vec::new();
        for name in all_secret_names() {
            if store.exists(&SecretKey::new(id.as_str(), name))? {
                held.push(name.to_owned());
            }
        }
        Ok(held)
    })
    .await
}

/// Removes the setup and every keychain entry it may hold.
pub async fn delete_setup(ctx: &AppCtx, id: String) -> Result<(), IpcError> {
    if !ctx.state.read()?.setups.iter().any(|s| s.id == id) {
        return Err(super::not_found("setup", &id));
    }
    // Secrets first: a setup whose secrets could not be removed stays listed,
    // so the user can retry instead of leaving orphaned keychain entries.
    let setup_id = id.clone();
    super::secrets::blocking(ctx, move |store| {
        all_secret_names()
            .try_for_each(|name| store.delete(&SecretKey::new(setup_id.as_str(), name)))
    })
    .await?;
    // New credentials waiting to be proven belong to the setup too.
    crate::lifecycle::rotate::discard(ctx, id.clone()).await?;
    crate::admin::intacct_offboard::forget_admin(ctx, id.clone()).await?;
    crate::lifecycle::reconsent::discard(ctx, id.clone()).await?;
    ctx.sims.forget(&id).await;
    // The M2M certificate is public, but it belongs to this setup only.
    // (Ids it refuses to build a path from never had a certificate.)
    if let Ok(certificate) = crate::oauth::m2m::certificate_path(&ctx.data_dir, &id) {
        if let Err(e) = std::fs::remove_file(&certificate) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(error = %e, path = %certificate.display(), "could not remove the certificate file");
            }
        }
    }
    let removed = ctx.state.update(|s| {
        let gone = s.setups.iter().find(|x| x.id == id).cloned();
        s.setups.retain(|x| x.id != id);
        Ok(gone)
    })?;
    crate::api::share::forget_setup(&ctx.data_dir, removed.as_ref());
    Ok(())
}

pub fn list_clients(ctx: &AppCtx) -> Result<Vec<Client>, IpcError> {
    Ok(ctx.state.read()?.clients)
}

/// Adds a client, or replaces the one with the same id. Names are trimmed,
/// required and unique (ignoring case): two "Acme" workspaces would file
/// setups in one and hide them from the other.
pub async fn save_client(ctx: &AppCtx, mut client: Client) -> Result<Client, IpcError> {
    client.name = client.name.trim().to_owned();
    if client.id.trim().is_empty() {
        client.id = uuid::Uuid::new_v4().to_string();
        client.created_at = now();
    }
    ctx.state.update(|s| {
        free_client_name(&s.clients, &client.id, &client.name)?;
        match s.clients.iter_mut().find(|c| c.id == client.id) {
            Some(slot) => *slot = client.clone(),
            None => s.clients.push(client.clone()),
        }
        Ok(client)
    })
}

/// One narrow change to a client, made on the stored client.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientChange {
    /// Renames the client (trimmed, required, unique ignoring case).
    Rename { name: String },
    /// Archives the client (hidden from the home list with its setups,
    /// nothing removed) or brings it back.
    Archive { archived: bool },
}

/// Applies one change to the stored client and returns it.
pub async fn change_client(
    ctx: &AppCtx,
    id: String,
    change: ClientChange,
) -> Result<Client, IpcError> {
    ctx.state.update(|s| {
        if let ClientChange::Rename { name } = &change {
            free_client_name(&s.clients, &id, name.trim())?;
        }
        let client = s
            .clients
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| super::not_found("client", &id))?;
        match change {
            ClientChange::Rename { name } => client.name = name.trim().to_owned(),
            ClientChange::Archive { archived } => client.archived_at = archived.then(now),
        }
        Ok(client.clone())
    })
}

/// Refuses an empty name, or one another client (ignoring case) already has.
fn free_client_name(clients: &[Client], id: &str, name: &str) -> Result<(), IpcError> {
    if name.is_empty() {
        return Err(IpcError::new(
            onramp_core::ErrorKind::InvalidInput,
            "type the client's name",
        ));
    }
    if clients
        .iter()
        .any(|c| c.id != id && c.name.trim().eq_ignore_ascii_case(name))
    {
        return Err(IpcError::new(
            onramp_core::ErrorKind::InvalidInput,
            format!(
                "there is already a client called \"{name}\"; pick it, or give this one another name"
            ),
        ));
    }
    Ok(())
}

/// Removes a client. Its setups are kept, filed under no client: a client is
/// a folder for setups, and deleting a setup (and its keychain entries) is a
/// choice made for each setup.
pub async fn delete_client(ctx: &AppCtx, id: String) -> Result<(), IpcError> {
    ctx.state.update(|s| {
        if !s.clients.iter().any(|c| c.id == id) {
            return Err(super::not_found("client", &id));
        }
        s.clients.retain(|c| c.id != id);
        for setup in s.setups.iter_mut() {
            if setup.client_id.as_deref() == Some(id.as_str()) {
                setup.client_id = None;
            }
        }
        Ok(())
    })
}

/// The built-in connector profiles (profiles/*.toml, embedded in core), then the user's own.
pub async fn list_profiles(ctx: &AppCtx) -> Result<Vec<ConnectorProfile>, IpcError> {
    Ok(crate::connector_profiles::all(&ctx.data_dir))
}

/// Spells the account as the ERP does — for NetSuite the realm (`1234567_SB1`)
/// from whatever was pasted, URLs included — and gives core its environment.
fn new_setup(mut input: NewSetup) -> Result<Setup, IpcError> {
    let environment = match input.erp {
        Erp::Netsuite => {
            let account = onramp_netsuite::Account::parse(&input.account_id).or_ipc()?;
            input.account_id = account.realm().to_owned();
            account.environment()
        }
        Erp::Intacct => Environment::Production,
    };
    Ok(Setup::create(input, environment)?)
}

/// A practice setup takes its account, entity, profile and the wizard's
/// non-secret fields from the scenario, as the user would have typed them.
pub(crate) fn practice_setup(mut input: NewSetup, scenario: &Scenario) -> Result<Setup, IpcError> {
    let (mut role_name, mut user_email) = (None, None);
    let mut profile = None;
    match input.erp {
        Erp::Netsuite => {
            let client = scenario
                .netsuite
                .as_ref()
                .map(|n| n.client.clone())
                .unwrap_or_default();
            input.account_id = client.account_id.unwrap_or_default();
            profile = client.profile;
            (role_name, user_email) = (client.role_name, client.user_email);
        }
        Erp::Intacct => {
            if let Some(p) = scenario.intacct.as_ref().map(|i| &i.practice) {
                input.account_id = p.company_id.clone();
                input.entity_id = p.entity_id.clone();
            }
        }
    }
    let mut setup = new_setup(input)?;
    setup.profile_id = Some(
        profile.unwrap_or_else(|| crate::connector_profiles::default_id(setup.erp).to_owned()),
    );
    if setup.erp == Erp::Netsuite {
        // The method the scenario's profile recommends (its first), as the
        // wizard would suggest it; the user can still pick another.
        let recommended = setup
            .profile_id
            .as_deref()
            .and_then(onramp_core::profile::builtin_by_id)
            .and_then(|p| p.netsuite.and_then(|n| n.auth_methods.first().copied()));
        setup.auth_method = Some(recommended.unwrap_or(AuthMethod::Tba));
    }
    setup.fields.role_name = role_name;
    setup.fields.user_email = user_email;
    Ok(setup)
}
