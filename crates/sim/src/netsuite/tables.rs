//! The SuiteQL tables of an account, built from its roles, employees and records,
//! and who may read them.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{
    audit::AuditRow,
    model::{Behaviour, RoleSpec},
    records::{all_permission_keys, permission_for, permission_name, Requirement},
    state::Account,
    suiteql::Table,
};

/// SuiteQL table → permission, per NetSuite's Records Catalog as extracted in
/// GH:iloveitaly/netsuite-permissions `output/netsuite_record_catalog.csv`
/// (e.g. "Account,Account,LIST_ACCOUNT", "Employee,employee,LIST_EMPLOYEE_RECORD",
/// "Transaction,transaction,TRAN_FIND") and `output/tim_table.csv`
/// ("Employee,employee,Lists - Employee Record"). Tables not listed fall back
/// to the REST record type's permission.
const TABLE_PERMISSIONS: &[(&str, &str)] = &[
    ("account", "LIST_ACCOUNT"),
    ("classification", "LIST_CLASS"),
    ("currency", "LIST_CURRENCY"),
    ("customer", "LIST_CUSTJOB"),
    ("department", "LIST_DEPARTMENT"),
    ("employee", "LIST_EMPLOYEE_RECORD"),
    ("item", "LIST_ITEM"),
    ("location", "LIST_LOCATION"),
    ("loginaudit", super::loginaudit::PERMISSION),
    ("subsidiary", "LIST_SUBSIDIARY"),
    ("transaction", "TRAN_FIND"),
];

/// What reading the SuiteQL table `name` requires.
pub fn requirement(name: &str, behaviour: &Behaviour) -> Requirement {
    if behaviour.permission_overrides.contains_key(name) {
        return permission_for(name, behaviour);
    }
    match TABLE_PERMISSIONS.iter().find(|(t, _)| *t == name) {
        Some((_, key)) => Requirement::Permission((*key).to_string()),
        None => permission_for(name, behaviour),
    }
}

/// The table `name` as `role` may see it; `None` when unknown or not visible
/// (SuiteQL then reports an unknown identifier).
pub fn table(
    account: &Account,
    name: &str,
    role: &RoleSpec,
    behaviour: &Behaviour,
    trail: &[AuditRow],
) -> Option<Table> {
    match name {
        "rolepermissions" | "role" | "rolerestrictions"
            if !may_read_role_tables(role, &behaviour.role_tables_require) =>
        {
            None
        }
        "rolepermissions" => Some(role_permissions(account)),
        "role" => Some(roles(account)),
        // Department, class and location restrictions are not modelled: no
        // rows. Columns as public SuiteQL references list them (CData's
        // NetSuite connector docs, SuiteQL table `rolerestrictions`).
        "rolerestrictions" => Some(Table {
            columns: cols(&[
                "role",
                "segment",
                "restriction",
                "viewingallowed",
                "itemsrestricted",
            ]),
            rows: Vec::new(),
        }),
        _ => {
            match requirement(name, behaviour) {
                Requirement::Permission(key) if role.level(&key) < behaviour.record_read_level => {
                    return None
                }
                _ => {}
            }
            if name == "employee" {
                Some(employees(account))
            } else if name == "loginaudit" {
                Some(super::loginaudit::table(account, trail))
            } else {
                account.records.get(name).map(|r| records(r))
            }
        }
    }
}

fn may_read_role_tables(role: &RoleSpec, rule: &str) -> bool {
    match rule {
        "any" => true,
        "administrator" => role.is_administrator(),
        key => role.level(key) > 0,
    }
}

fn flag(b: bool) -> String {
    if b { "T" } else { "F" }.to_string()
}

fn role_permissions(account: &Account) -> Table {
    let mut rows = Vec::new();
    for role in account.roles.values() {
        let held: Vec<(String, u8)> = if role.is_administrator() {
            all_permission_keys().map(|k| (k.to_string(), 4)).collect()
        } else {
            role.permissions
                .iter()
                .filter(|(_, l)| **l > 0)
                .map(|(k, l)| (k.clone(), *l))
                .collect()
        };
        for (key, level) in held {
            rows.push(BTreeMap::from([
                ("name".to_string(), permission_name(&key).to_string()),
                ("permkey".to_string(), key),
                ("permlevel".to_string(), level.to_string()),
                ("role".to_string(), role.id.to_string()),
            ]));
        }
    }
    Table {
        columns: cols(&["name", "permkey", "permlevel", "role"]),
        rows,
    }
}

/// `role`: columns as CData's SuiteQL reference lists them for the table
/// (id, name, isinactive, scriptid among them). A role a scenario gives no
/// script ID answers it as null (left out of the row), as SuiteQL does.
fn roles(account: &Account) -> Table {
    Table {
        columns: cols(&["id", "name", "isinactive", "scriptid"]),
        rows: account
            .roles
            .values()
            .map(|r| {
                let mut row = BTreeMap::from([
                    ("id".to_string(), r.id.to_string()),
                    ("name".to_string(), r.name.clone()),
                    ("isinactive".to_string(), flag(r.inactive)),
                ]);
                if let Some(id) = &r.scriptid {
                    row.insert("scriptid".to_string(), id.clone());
                }
                row
            })
            .collect(),
    }
}

fn employees(account: &Account) -> Table {
    Table {
        columns: cols(&[
            "id",
            "email",
            "entityid",
            "giveaccess",
            "isinactive",
            "rolesforsearch",
        ]),
        rows: account
            .employees
            .values()
            .map(|e| {
                let roles: Vec<String> = e.roles.iter().map(u64::to_string).collect();
                BTreeMap::from([
                    ("id".to_string(), e.id.to_string()),
                    ("email".to_string(), e.email.clone()),
                    ("entityid".to_string(), e.name.clone()),
                    ("giveaccess".to_string(), flag(e.give_access)),
                    ("isinactive".to_string(), flag(e.inactive)),
                    ("rolesforsearch".to_string(), roles.join(", ")),
                ])
            })
            .collect(),
    }
}

/// Record fields as columns; references become their id, booleans T/F.
fn records(list: &[Value]) -> Table {
    let mut columns: Vec<String> = Vec::new();
    let rows = list
        .iter()
        .filter_map(Value::as_object)
        .map(|obj| {
            let mut row = BTreeMap::new();
            for (k, v) in obj {
                let k = k.to_ascii_lowercase();
                if !columns.contains(&k) {
                    columns.push(k.clone());
                }
                let text = match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    Value::Bool(b) => Some(flag(*b)),
                    Value::Object(o) => o.get("id").map(|id| match id {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    }),
                    _ => None,
                };
                if let Some(t) = text {
                    row.insert(k, t);
                }
            }
            row
        })
        .collect();
    Table { columns, rows }
}

fn cols(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}
