//! What changed between two setup profiles (or two runs): check statuses,
//! permission levels, features, user, integration, token, sender, entity.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use specta::Type;

use super::{Observed, SetupProfile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ChangeArea {
    Setup,
    Check,
    Permission,
    Role,
    Feature,
    User,
    Integration,
    Token,
    Login,
    Sender,
    Subscription,
    Entity,
}

/// One difference; `None` means absent or not observed on that side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Change {
    pub area: ChangeArea,
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Every difference from `a` (before) to `b` (after), grouped by area.
pub fn diff(a: &SetupProfile, b: &SetupProfile) -> Vec<Change> {
    let mut out = Vec::new();
    compare(&facts(a), &facts(b), &mut out);
    out.sort_by(|x, y| (x.area, &x.key).cmp(&(y.area, &y.key)));
    out
}

type Facts = BTreeMap<(ChangeArea, String), String>;

fn compare(a: &Facts, b: &Facts, out: &mut Vec<Change>) {
    let keys: BTreeSet<_> = a.keys().chain(b.keys()).collect();
    for key in keys {
        let (before, after) = (a.get(key), b.get(key));
        if before != after {
            out.push(Change {
                area: key.0,
                key: key.1.clone(),
                before: before.cloned(),
                after: after.cloned(),
            });
        }
    }
}

/// The profile as (area, key) → value, the shape both sides are compared in.
fn facts(p: &SetupProfile) -> Facts {
    let mut f = Facts::new();
    let setup = serde_json::to_value(&p.setup).unwrap_or(Value::Null);
    flatten(ChangeArea::Setup, "", &setup, &mut f);
    for c in &p.checks {
        let status = serde_json::to_value(c.status).unwrap_or(Value::Null);
        f.insert((ChangeArea::Check, c.id.clone()), scalar(&status));
    }
    match &p.observed {
        Observed::Netsuite(ns) => {
            let v = serde_json::to_value(ns).unwrap_or(Value::Null);
            for (field, area) in [
                ("features", ChangeArea::Feature),
                ("user", ChangeArea::User),
                ("integration", ChangeArea::Integration),
                ("token", ChangeArea::Token),
            ] {
                flatten(area, "", &v[field], &mut f);
            }
            flatten(
                ChangeArea::Permission,
                "",
                &v["role"]["permissions"],
                &mut f,
            );
            for field in ["id", "name", "source"] {
                flatten(ChangeArea::Role, field, &v["role"][field], &mut f);
            }
            for field in ["login_accepted", "audit_detail"] {
                flatten(ChangeArea::Login, field, &v[field], &mut f);
            }
        }
        Observed::Intacct(ia) => {
            let v = serde_json::to_value(ia).unwrap_or(Value::Null);
            flatten(ChangeArea::Sender, "", &v["sender"], &mut f);
            flatten(ChangeArea::User, "", &v["user"], &mut f);
            flatten(ChangeArea::Entity, "", &v["entity"], &mut f);
            for app in ia.subscriptions.iter().flatten() {
                f.insert((ChangeArea::Subscription, app.clone()), "subscribed".into());
            }
            for (object, readable) in ia.objects_readable.iter().flatten() {
                let v = if *readable { "readable" } else { "refused" };
                f.insert((ChangeArea::Permission, object.clone()), v.into());
            }
            for p in ia.permissions.iter().flatten() {
                let key = format!("{} / {}", p.application, p.policy);
                f.insert((ChangeArea::Permission, key), p.rights.join("|"));
            }
        }
    }
    f
}

/// Leaves of `v` under `prefix` (dotted paths); nulls are "not observed" and left out.
fn flatten(area: ChangeArea, prefix: &str, v: &Value, f: &mut Facts) {
    match v {
        Value::Null => {}
        Value::Object(map) => {
            for (k, child) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(area, &path, child, f);
            }
        }
        other => {
            f.insert((area, prefix.to_string()), scalar(other));
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}
