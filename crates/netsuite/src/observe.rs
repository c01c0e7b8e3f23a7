//! What a run of the NetSuite checks observed, as a setup profile's
//! `Observed::Netsuite`: read from the facts the checks cached (login, role
//! permissions, probes) and from what the user entered, never from secrets.

use std::collections::BTreeMap;

use onramp_core::observed::{
    FeatureState, IntegrationState, NsObserved, NsRole, Observed, SetupFacts, TokenState,
};
use onramp_core::profile::{AuthMethod, ConnectorProfile, Erp, NsLevel};
use onramp_core::{CheckResult, DiffStatus, ProofMethod};

use crate::checks::{probed_by_suiteql, Facts, NetSuiteCheckContext, ProbeOutcome, PERMISSIONS};

/// SuiteAnalytics Workbook: what SuiteQL needs at all.
const WORKBOOK: &str = "REPO_ANALYTICS";
use crate::Account;

/// Login Audit Trail details that mean the integration record refuses logins.
const INTEGRATION_BLOCKED: &[&str] = &["consumer_key_refused", "IntegrationBlocked"];
/// TBA details that mean the token itself is refused (revoked, or wiped by a refresh).
const TOKEN_REFUSED: &[&str] = &["token_rejected", "TokenRejected"];

/// Which account was checked, and how.
pub fn setup_facts(ctx: &NetSuiteCheckContext, profile: &ConnectorProfile) -> SetupFacts {
    account_facts(ctx.client.account(), profile, ctx.auth_method())
}

/// The setup as the run knew it before any request: account, profile, method.
pub fn account_facts(
    account: &Account,
    profile: &ConnectorProfile,
    method: AuthMethod,
) -> SetupFacts {
    SetupFacts {
        erp: Erp::Netsuite,
        account_id: account.realm().to_string(),
        environment: Some(account.environment()),
        entity_id: None,
        connector_profile_id: Some(profile.id.clone()),
        auth_method: Some(method_id(method).into()),
        simulation: None,
    }
}

fn method_id(m: AuthMethod) -> &'static str {
    match m {
        AuthMethod::Tba => "tba",
        AuthMethod::Oauth2Code => "oauth2-code",
        AuthMethod::Oauth2M2m => "oauth2-m2m",
    }
}

/// Builds the observed configuration after `results` were produced with `facts`.
pub fn observe(
    facts: &Facts,
    ctx: &NetSuiteCheckContext,
    profile: &ConnectorProfile,
    results: &[CheckResult],
) -> Observed {
    let mut o = NsObserved {
        audit_detail: ctx
            .audit_detail
            .as_deref()
            .map(str::trim)
            .map(str::to_owned),
        ..NsObserved::default()
    };
    let login_ok = facts.seen_login().map(|l| l.is_ok());
    o.login_accepted = login_ok;
    features(&mut o, facts, ctx, profile);
    o.role = role(facts, ctx, results);
    let detail = o.audit_detail.as_deref().unwrap_or_default();
    if login_ok == Some(true) {
        o.user.active = Some(true);
        o.user.give_access = Some(true);
        o.integration.state = Some(IntegrationState::Enabled);
        if ctx.auth_method() == AuthMethod::Tba {
            o.token.state = Some(TokenState::Active);
        }
    } else if INTEGRATION_BLOCKED.contains(&detail) {
        o.integration.state = Some(IntegrationState::Blocked);
    } else if ctx.auth_method() == AuthMethod::Tba && TOKEN_REFUSED.contains(&detail) {
        // With OAuth 2.0 TokenRejected means a refresh token was used to log in.
        o.token.state = Some(TokenState::Revoked);
    }
    Observed::Netsuite(o)
}

fn features(
    o: &mut NsObserved,
    facts: &Facts,
    ctx: &NetSuiteCheckContext,
    profile: &ConnectorProfile,
) {
    let login_feature = match ctx.auth_method() {
        AuthMethod::Tba => "TOKEN_BASED_AUTHENTICATION",
        AuthMethod::Oauth2Code | AuthMethod::Oauth2M2m => "OAUTH2",
    };
    let hints: Vec<String> = facts
        .seen_probes()
        .iter()
        .filter_map(|(_, p)| p.feature_hint().map(str::to_owned))
        .collect();
    let login_ok = facts.seen_login().is_some_and(|l| l.is_ok());
    let disabled_login = ctx.audit_detail.as_deref().map(str::trim) == Some("FeatureDisabled");
    let wanted = profile.netsuite.iter().flat_map(|n| n.features.iter());
    for f in wanted {
        let state = if hints.iter().any(|h| h.contains(&f.name)) {
            FeatureState::Off
        } else if login_ok && (f.id == "REST_WEB_SERVICES" || f.id == login_feature) {
            FeatureState::On
        } else if disabled_login && f.id == login_feature {
            FeatureState::Off
        } else {
            FeatureState::Unknown
        };
        o.features.insert(f.id.clone(), state);
    }
}

fn role(facts: &Facts, ctx: &NetSuiteCheckContext, results: &[CheckResult]) -> NsRole {
    let mut role = NsRole {
        id: facts.seen_role_id(),
        name: ctx.role_name.clone(),
        ..NsRole::default()
    };
    if let Some(Ok(read)) = facts.seen_role_permissions().as_deref() {
        role.source = Some("SuiteQL rolepermissions".into());
        role.permissions = read
            .levels
            .iter()
            .filter_map(|(k, l)| Some((k.clone(), NsLevel::from_permlevel(*l)?)))
            .collect();
        return role;
    }
    // The role could not be read: what the probes proved, per profile permission.
    let rows = results
        .iter()
        .find(|r| r.id == PERMISSIONS)
        .and_then(|r| r.diff.as_ref())
        .map(|d| d.rows.as_slice())
        .unwrap_or_default();
    let mut perms = BTreeMap::new();
    for r in rows {
        let proven = r
            .proof
            .as_ref()
            .is_some_and(|p| p.method == ProofMethod::Probe);
        let level = match r.status {
            DiffStatus::Missing if proven => Some(NsLevel::None),
            // Only a level the probe proved outright; a read that proves View
            // of a Full requirement says nothing about Full.
            DiffStatus::Ok if proven => r.required.as_deref().and_then(level_of),
            _ => None,
        };
        if let Some(l) = level {
            perms.insert(r.id.clone(), l);
        }
    }
    // A SuiteQL probe that returned rows proves SuiteAnalytics Workbook is
    // held, which a reproduction needs even when the profile does not list it.
    let suiteql_ran = facts
        .seen_probes()
        .iter()
        .any(|(t, o)| probed_by_suiteql(t) && matches!(o, ProbeOutcome::Readable { .. }));
    if suiteql_ran && !rows.iter().any(|r| r.id == WORKBOOK) {
        perms.insert(WORKBOOK.to_string(), NsLevel::View);
    }
    if !perms.is_empty() {
        role.source = Some("per-record probes".into());
    }
    role.permissions = perms;
    role
}

fn level_of(label: &str) -> Option<NsLevel> {
    (0..=4)
        .filter_map(NsLevel::from_permlevel)
        .find(|l| l.label() == label)
}
