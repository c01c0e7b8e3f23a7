//! The `[intacct]` section for a reproduced Sage Intacct setup.

use onramp_core::observed::{IntacctObserved, IntacctPolicy, SetupProfile};
use onramp_core::CheckStatus;
use toml::{Table, Value};

use super::{connector_profile, practice_secret, ReproduceError};

const ROLE: &str = "Reproduced role";
/// An entity the user may use when the requested one was refused.
const OTHER_ENTITY: &str = "OTHER";

fn table(pairs: Vec<(&str, Value)>) -> Table {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().cloned().map(Value::from).collect())
}

pub fn section(p: &SetupProfile, ia: &IntacctObserved) -> Result<Table, ReproduceError> {
    let company_id = p.setup.account_id.trim().to_string();
    if company_id.is_empty() {
        return Err(ReproduceError::Unsupported(
            "it names no Intacct company".into(),
        ));
    }
    let sender_id = ia
        .sender
        .id
        .clone()
        .unwrap_or_else(|| "practice_sender".into());
    let user_id = ia.user.id.clone().unwrap_or_else(|| "ws_user".into());
    let (sender_password, user_password) = (practice_secret(), practice_secret());
    let entity = p.setup.entity_id.clone();

    let mut practice = table(vec![
        ("sender_id", sender_id.clone().into()),
        ("sender_password", sender_password.clone().into()),
        ("user_id", user_id.clone().into()),
        ("user_password", user_password.clone().into()),
        ("company_id", company_id.clone().into()),
    ]);
    let mut company = table(vec![
        ("id", company_id.into()),
        ("web_services", true.into()),
        ("permission_mode", "role_based".into()),
    ]);
    if let Some(apps) = &ia.subscriptions {
        company.insert("applications".into(), strings(apps));
    }
    let authorized = ia.sender.authorized != Some(false);
    let senders_allowed = if authorized {
        vec![table(vec![
            ("id", sender_id.clone().into()),
            ("active", ia.sender.active.unwrap_or(true).into()),
        ])
        .into()]
    } else {
        Vec::new()
    };
    company.insert("authorized_senders".into(), Value::Array(senders_allowed));

    let mut user = table(vec![
        ("id", user_id.into()),
        ("password", user_password.into()),
        (
            "user_type",
            ia.user
                .user_type
                .clone()
                .unwrap_or_else(|| "business user".into())
                .into(),
        ),
        ("admin", admin(ia.user.admin.as_deref()).into()),
        ("status", status(ia.user.status.as_deref()).into()),
        (
            "logindisabled",
            ia.user.login_disabled.unwrap_or(true).into(),
        ),
        ("roles", strings(&[ROLE.to_string()])),
    ]);
    if let Some(e) = &entity {
        practice.insert("entity_id".into(), e.clone().into());
        let entities = [e.clone(), OTHER_ENTITY.to_string()].map(|id| {
            table(vec![
                ("id", id.clone().into()),
                ("name", format!("Entity {id}").into()),
            ])
            .into()
        });
        company.insert("entities".into(), Value::Array(entities.to_vec()));
        if ia.entity.permitted == Some(false) {
            user.insert("entities".into(), strings(&[OTHER_ENTITY.to_string()]));
        }
        if let Some(top) = ia.entity.top_level {
            user.insert("top_level".into(), top.into());
        }
    }
    let role = table(vec![
        ("id", ROLE.into()),
        ("policies", policies(p, ia).into()),
    ]);
    Ok(table(vec![
        ("practice", practice.into()),
        (
            "senders",
            Value::Array(vec![table(vec![
                ("id", sender_id.into()),
                ("password", sender_password.into()),
            ])
            .into()]),
        ),
        ("company", company.into()),
        ("users", Value::Array(vec![user.into()])),
        ("roles", Value::Array(vec![role.into()])),
    ]))
}

/// The simulator spells admin privileges `Off`/`Limited`/`Full`.
fn admin(seen: Option<&str>) -> &'static str {
    match seen.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("limited") => "Limited",
        Some("off" | "false") => "Off",
        _ => "Full",
    }
}

fn status(seen: Option<&str>) -> &'static str {
    match seen.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("inactive") => "inactive",
        Some("lockedout" | "locked out") => "lockedout",
        _ => "active",
    }
}

/// Observed effective permissions. When they were not readable: the
/// connector profile's objects minus those a query was refused, plus
/// Company > Users unless the user could not read its own record. (A user type
/// that caps the role shows the same way; the failing checks are the same.)
fn policies(p: &SetupProfile, ia: &IntacctObserved) -> Vec<Value> {
    let refused = |object: &str| {
        ia.objects_readable
            .as_ref()
            .and_then(|m| m.get(object))
            .is_some_and(|readable| !readable)
    };
    let lines: Vec<IntacctPolicy> = match &ia.permissions {
        Some(seen) => seen.clone(),
        None => {
            let mut lines: Vec<IntacctPolicy> = connector_profile(p)
                .and_then(|c| c.intacct)
                .iter()
                .flat_map(|r| r.objects.iter())
                .filter(|o| !refused(&o.object))
                .map(|o| IntacctPolicy {
                    application: o.application.clone(),
                    policy: o.policy.clone(),
                    rights: o.rights.clone(),
                })
                .collect();
            let record_refused = ia.user.user_type.is_none()
                && p.checks
                    .iter()
                    .any(|c| c.id == "intacct.user" && c.status == CheckStatus::Fail);
            if !record_refused {
                lines.push(IntacctPolicy {
                    application: "Company".into(),
                    policy: "Users".into(),
                    rights: vec!["List".into(), "View".into()],
                });
            }
            lines
        }
    };
    lines
        .iter()
        .map(|l| {
            table(vec![
                ("application", l.application.clone().into()),
                ("policy", l.policy.clone().into()),
                ("rights", strings(&l.rights)),
            ])
            .into()
        })
        .collect()
}
