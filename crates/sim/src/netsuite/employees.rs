//! Employee records through the REST record API: what an administrator's
//! sign-in creates, reads back and deactivates.
//!
//! Shapes (Stitchflow's public "NetSuite User Management API Guide";
//! Oracle help section_1545141395 "Creating a Record Instance"):
//! - `POST /record/v1/employee` with `firstName`, `lastName`, `email`,
//!   `subsidiary: {"id": "1"}`, `giveAccess`, roles → `204 No Content` with
//!   `Location: https://<host>/services/rest/record/v1/employee/<id>`, no body.
//! - `GET /record/v1/employee/<id>` → `{"id":"123","firstName":"Jane","lastName":"Doe",
//!   "email":"jdoe@example.com","isInactive":false,"giveAccess":true,
//!   "subsidiary":{"id":"1","refName":"Parent Company"}}`.
//! - `PATCH /record/v1/employee/<id>` with `{"isInactive": true, "giveAccess": false}` → 204.
//!
//! [I] The role sublist's JSON is not in either source; the simulator reads and
//! writes it in the REST sublist form (`roles: {items: [{selectedRole: {id}}]}`).

use serde_json::{json, Value};

use super::model::{Behaviour, EmployeeSpec, RoleSpec};
use super::records::permission_violation;
use super::state::Account;

/// NetSuite's feature ID for OneWorld (`runtime.isFeatureInEffect('SUBSIDIARIES')`).
pub const ONEWORLD_FEATURE: &str = "SUBSIDIARIES";
/// Lists > Employees: Create to add an employee, Edit to change one.
pub const EMPLOYEE_PERMISSION: &str = "LIST_EMPLOYEE";
const CREATE: u8 = 2;
const EDIT: u8 = 3;

/// Why NetSuite refuses a write; the route turns it into the REST error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 403 INSUFFICIENT_PERMISSION.
    Permission(String),
    /// 400 USER_ERROR.
    User(String),
    /// 400 INVALID_CONTENT on a field.
    Content(&'static str, String),
    /// 404 NONEXISTENT_ID.
    Missing,
}

/// The employee as `GET /record/v1/employee/{id}` returns it.
pub fn to_json(account: &Account, e: &EmployeeSpec) -> Value {
    let (first, last) = e.name.split_once(' ').unwrap_or((e.name.as_str(), ""));
    let mut body = json!({
        "id": e.id.to_string(),
        "entityId": e.name,
        "firstName": first,
        "lastName": last,
        "email": e.email,
        "isInactive": e.inactive,
        "giveAccess": e.give_access,
        "roles": {"items": e.roles.iter().map(|r| json!({
            "selectedRole": {"id": r.to_string(), "refName": account.roles.get(r).map(|x| x.name.clone()).unwrap_or_default()}
        })).collect::<Vec<_>>()},
    });
    if let Some(s) = e.subsidiary {
        body["subsidiary"] = json!({"id": s.to_string(), "refName": subsidiary_name(account, s)});
    }
    body
}

fn subsidiary_name(account: &Account, id: u64) -> String {
    account
        .records
        .get("subsidiary")
        .and_then(|rows| {
            rows.iter()
                .find(|r| super::records::id_of(r).as_deref() == Some(&id.to_string()))
        })
        .and_then(|r| r.get("name").and_then(Value::as_str))
        .unwrap_or_default()
        .to_string()
}

fn require(role: &RoleSpec, level: u8) -> Result<(), Refusal> {
    if role.level(EMPLOYEE_PERMISSION) < level {
        return Err(Refusal::Permission(permission_violation(
            EMPLOYEE_PERMISSION,
        )));
    }
    Ok(())
}

fn text(body: &Value, field: &'static str) -> Result<Option<String>, Refusal> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
        Some(_) => Err(Refusal::Content(field, format!("{field} must be text"))),
    }
}

fn flag(body: &Value, field: &'static str) -> Result<Option<bool>, Refusal> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(Refusal::Content(
            field,
            format!("{field} must be true or false"),
        )),
    }
}

fn reference(v: &Value) -> Option<u64> {
    let id = v.get("id")?;
    id.as_u64().or_else(|| id.as_str()?.parse().ok())
}

/// `POST /record/v1/employee` by `role`: the new employee's internal ID.
pub fn create(
    account: &mut Account,
    role: &RoleSpec,
    body: &Value,
    behaviour: &Behaviour,
) -> Result<u64, Refusal> {
    require(role, CREATE)?;
    let first = text(body, "firstName")?;
    let last = text(body, "lastName")?;
    let email = text(body, "email")?;
    let mut missing = Vec::new();
    if first.is_none() {
        missing.push("First Name");
    }
    if last.is_none() {
        missing.push("Last Name");
    }
    let subsidiary = body.get("subsidiary").and_then(reference);
    if account.has_feature(ONEWORLD_FEATURE) && subsidiary.is_none() {
        missing.push("Subsidiary");
    }
    if !missing.is_empty() {
        return Err(Refusal::User(format!(
            "{}{}",
            behaviour.missing_fields_prefix,
            missing.join(", ")
        )));
    }
    if let Some(s) = subsidiary {
        if subsidiary_name(account, s).is_empty() {
            return Err(Refusal::Content(
                "subsidiary",
                format!("Invalid value for the resource or sub-resource field 'subsidiary'. Provide a valid value. ({s})"),
            ));
        }
    }
    let give_access = flag(body, "giveAccess")?.unwrap_or(false);
    let roles = role_ids(body)?;
    for r in &roles {
        if !account.roles.contains_key(r) {
            return Err(Refusal::Content(
                "roles",
                format!("Invalid value for the resource or sub-resource field 'selectedRole'. Provide a valid value. ({r})"),
            ));
        }
    }
    let email = email.unwrap_or_default();
    if !email.is_empty()
        && account
            .employees
            .values()
            .any(|e| e.email.eq_ignore_ascii_case(&email))
    {
        return Err(Refusal::User(behaviour.employee_email_taken.clone()));
    }
    let id = account
        .employees
        .keys()
        .max()
        .copied()
        .unwrap_or(0)
        .max(100)
        + 1;
    account.employees.insert(
        id,
        EmployeeSpec {
            id,
            email,
            name: format!("{} {}", first.unwrap_or_default(), last.unwrap_or_default()),
            give_access,
            inactive: false,
            roles,
            subsidiary,
        },
    );
    Ok(id)
}

fn role_ids(body: &Value) -> Result<Vec<u64>, Refusal> {
    let Some(roles) = body.get("roles") else {
        return Ok(Vec::new());
    };
    let items = roles
        .get("items")
        .and_then(Value::as_array)
        .ok_or_else(|| Refusal::Content("roles", "roles must be {\"items\": [...]}".into()))?;
    items
        .iter()
        .map(|i| {
            i.get("selectedRole").and_then(reference).ok_or_else(|| {
                Refusal::Content(
                    "roles",
                    "each role needs selectedRole: {\"id\": ...}".into(),
                )
            })
        })
        .collect()
}

/// `PATCH /record/v1/employee/{id}` by `role`: only the fields sent change.
pub fn patch(
    account: &mut Account,
    role: &RoleSpec,
    id: &str,
    body: &Value,
) -> Result<(), Refusal> {
    require(role, EDIT)?;
    let id: u64 = id.parse().map_err(|_| Refusal::Missing)?;
    let inactive = flag(body, "isInactive")?;
    let give_access = flag(body, "giveAccess")?;
    let e = account.employees.get_mut(&id).ok_or(Refusal::Missing)?;
    if let Some(v) = inactive {
        e.inactive = v;
    }
    if let Some(v) = give_access {
        e.give_access = v;
    }
    Ok(())
}
