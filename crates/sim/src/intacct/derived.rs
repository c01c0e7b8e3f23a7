//! Objects derived from the scenario itself (users, roles, restrictions,
//! entities), and the object/field catalogue `inspect` and `lookup` describe.

use super::records::Row;
use super::scenario::{AdminPrivilege, IntacctScenario, User};

impl IntacctScenario {
    /// Rows of `object`, or None when the company has no such object.
    pub fn rows_of(&self, object: &str) -> Option<Vec<Row>> {
        let numbered = |rows: Vec<Vec<(&str, String)>>| {
            rows.into_iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut row: Row = r.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                    row.insert("RECORDNO".into(), (i + 1).to_string());
                    row
                })
                .collect()
        };
        let rows = match object {
            "USERINFO" => numbered(self.users.iter().map(user_row).collect()),
            "USERROLES" | "ROLEUSERS" => numbered(
                self.users
                    .iter()
                    .flat_map(|u| {
                        u.roles.iter().map(|r| {
                            vec![
                                ("USERID", u.login_id.clone()),
                                ("USERLOGINID", u.login_id.clone()),
                                ("ROLENAME", r.clone()),
                            ]
                        })
                    })
                    .collect(),
            ),
            "ROLES" => numbered(
                self.roles
                    .iter()
                    .map(|r| vec![("NAME", r.name.clone())])
                    .collect(),
            ),
            "ROLEPOLICYASSIGNMENT" => numbered(
                self.roles
                    .iter()
                    .flat_map(|r| {
                        r.policies.iter().map(|p| {
                            vec![
                                ("ROLENAME", r.name.clone()),
                                ("APPLICATION", p.application.clone()),
                                ("POLICYNAME", p.policy.clone()),
                                ("RIGHTS", p.rights.join("|")),
                            ]
                        })
                    })
                    .collect(),
            ),
            "USERRESTRICTION" => numbered(
                self.users
                    .iter()
                    .map(|u| {
                        vec![
                            ("LOGINID", u.login_id.clone()),
                            ("UNRESTRICTED", u.entities.is_empty().to_string()),
                            ("LOCATIONID", u.entities.join(",")),
                        ]
                    })
                    .collect(),
            ),
            "LOCATIONENTITY" => numbered(
                self.company
                    .entities
                    .iter()
                    .map(|e| vec![("LOCATIONID", e.id.clone()), ("NAME", e.name.clone())])
                    .collect(),
            ),
            _ => {
                return self
                    .records
                    .get(object)
                    .cloned()
                    .or_else(|| self.object_policies.contains_key(object).then(Vec::new))
            }
        };
        Some(rows)
    }

    /// Every object name the company knows (for `inspect`).
    pub fn object_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .object_policies
            .keys()
            .chain(self.records.keys())
            .cloned()
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Field names of an object, from its rows (RECORDNO first).
    pub fn field_names(&self, object: &str) -> Vec<String> {
        let mut fields = vec!["RECORDNO".to_string()];
        for r in self.rows_of(object).unwrap_or_default() {
            for k in r.keys() {
                if !fields.contains(k) {
                    fields.push(k.clone());
                }
            }
        }
        fields
    }
}

fn user_row(u: &User) -> Vec<(&'static str, String)> {
    let admin = match u.admin {
        AdminPrivilege::Off => "Off",
        AdminPrivilege::Limited => "Limited",
        AdminPrivilege::Full => "Full",
    };
    vec![
        ("LOGINID", u.login_id.clone()),
        ("USERTYPE", u.user_type.clone()),
        ("ADMIN", admin.to_string()),
        ("LOGINDISABLED", u.logindisabled.to_string()),
        ("STATUS", u.status.as_str().to_string()),
        ("USERLOCATIONS", u.entities.join(",")),
    ]
}
