//! Rows the simulated company holds: a few per object by default, and the
//! user/role objects derived from the scenario's users and roles.

use std::collections::BTreeMap;

use super::scenario::{AdminPrivilege, IntacctScenario};

pub type Row = BTreeMap<String, String>;

fn rows(object_rows: &[&[(&str, &str)]]) -> Vec<Row> {
    object_rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

pub fn default_records() -> BTreeMap<String, Vec<Row>> {
    let mut m = BTreeMap::new();
    let mut add = |object: &str, r: &[&[(&str, &str)]]| {
        m.insert(object.to_string(), rows(r));
    };
    add(
        "GLACCOUNT",
        &[
            &[
                ("RECORDNO", "1"),
                ("ACCOUNTNO", "1000"),
                ("TITLE", "Cash"),
                ("ACCOUNTTYPE", "balancesheet"),
            ],
            &[
                ("RECORDNO", "2"),
                ("ACCOUNTNO", "1200"),
                ("TITLE", "Accounts Receivable"),
                ("ACCOUNTTYPE", "balancesheet"),
            ],
            &[
                ("RECORDNO", "3"),
                ("ACCOUNTNO", "4000"),
                ("TITLE", "Revenue"),
                ("ACCOUNTTYPE", "incomestatement"),
            ],
        ],
    );
    add(
        "GLBATCH",
        &[
            &[
                ("RECORDNO", "101"),
                ("BATCHNO", "1"),
                ("JOURNAL", "GJ"),
                ("BATCH_TITLE", "Opening balances"),
                ("STATE", "Posted"),
            ],
            &[
                ("RECORDNO", "102"),
                ("BATCHNO", "2"),
                ("JOURNAL", "GJ"),
                ("BATCH_TITLE", "Accrual"),
                ("STATE", "Draft"),
            ],
        ],
    );
    add(
        "CUSTOMER",
        &[
            &[
                ("RECORDNO", "11"),
                ("CUSTOMERID", "C-100"),
                ("NAME", "Northwind Traders"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "12"),
                ("CUSTOMERID", "C-101"),
                ("NAME", "Contoso Ltd"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "ARINVOICE",
        &[
            &[
                ("RECORDNO", "201"),
                ("RECORDID", "INV-0001"),
                ("CUSTOMERID", "C-100"),
                ("TOTALENTERED", "1200.00"),
                ("STATE", "Posted"),
            ],
            &[
                ("RECORDNO", "202"),
                ("RECORDID", "INV-0002"),
                ("CUSTOMERID", "C-101"),
                ("TOTALENTERED", "450.00"),
                ("STATE", "Paid"),
            ],
        ],
    );
    add(
        "ARPYMT",
        &[&[
            ("RECORDNO", "301"),
            ("CUSTOMERID", "C-101"),
            ("AMOUNT", "450.00"),
            ("STATE", "Posted"),
        ]],
    );
    add(
        "VENDOR",
        &[
            &[
                ("RECORDNO", "21"),
                ("VENDORID", "V-200"),
                ("NAME", "Fabrikam Supplies"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "22"),
                ("VENDORID", "V-201"),
                ("NAME", "Adventure Works"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "APBILL",
        &[
            &[
                ("RECORDNO", "401"),
                ("RECORDID", "BILL-77"),
                ("VENDORID", "V-200"),
                ("TOTALENTERED", "310.00"),
                ("STATE", "Posted"),
            ],
            &[
                ("RECORDNO", "402"),
                ("RECORDID", "BILL-78"),
                ("VENDORID", "V-201"),
                ("TOTALENTERED", "95.50"),
                ("STATE", "Paid"),
            ],
        ],
    );
    add(
        "APPYMT",
        &[&[
            ("RECORDNO", "501"),
            ("VENDORID", "V-201"),
            ("AMOUNT", "95.50"),
            ("STATE", "Posted"),
        ]],
    );
    add(
        "LOCATION",
        &[
            &[
                ("RECORDNO", "31"),
                ("LOCATIONID", "HQ"),
                ("NAME", "Headquarters"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "32"),
                ("LOCATIONID", "EU"),
                ("NAME", "Europe"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "DEPARTMENT",
        &[
            &[
                ("RECORDNO", "41"),
                ("DEPARTMENTID", "FIN"),
                ("TITLE", "Finance"),
                ("STATUS", "active"),
            ],
            &[
                ("RECORDNO", "42"),
                ("DEPARTMENTID", "OPS"),
                ("TITLE", "Operations"),
                ("STATUS", "active"),
            ],
        ],
    );
    add(
        "CLASS",
        &[&[
            ("RECORDNO", "51"),
            ("CLASSID", "RETAIL"),
            ("NAME", "Retail"),
            ("STATUS", "active"),
        ]],
    );
    m
}

impl IntacctScenario {
    /// Rows of `object`, or None when the company has no such object.
    pub fn rows_of(&self, object: &str) -> Option<Vec<Row>> {
        match object {
            "USERINFO" => Some(self.user_rows()),
            "USERROLES" => Some(self.user_role_rows()),
            "ROLES" => Some(
                self.roles
                    .iter()
                    .enumerate()
                    .map(|(i, r)| row(&[("RECORDNO", &(i + 1).to_string()), ("NAME", &r.name)]))
                    .collect(),
            ),
            "LOCATIONENTITY" => Some(
                self.company
                    .entities
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        row(&[
                            ("RECORDNO", &(i + 1).to_string()),
                            ("LOCATIONID", &e.id),
                            ("NAME", &e.name),
                        ])
                    })
                    .collect(),
            ),
            _ => self
                .records
                .get(object)
                .cloned()
                .or_else(|| self.object_policies.contains_key(object).then(Vec::new)),
        }
    }

    fn user_rows(&self) -> Vec<Row> {
        self.users
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let admin = match u.admin {
                    AdminPrivilege::Off => "Off",
                    AdminPrivilege::Limited => "Limited",
                    AdminPrivilege::Full => "Full",
                };
                row(&[
                    ("RECORDNO", &(i + 1).to_string()),
                    ("LOGINID", &u.login_id),
                    ("USERTYPE", &u.user_type),
                    ("ADMIN", admin),
                    (
                        "LOGINDISABLED",
                        if u.logindisabled { "true" } else { "false" },
                    ),
                    ("STATUS", u.status.as_str()),
                    ("USERLOCATIONS", &u.entities.join(",")),
                ])
            })
            .collect()
    }

    fn user_role_rows(&self) -> Vec<Row> {
        let mut out = Vec::new();
        for u in &self.users {
            for r in &u.roles {
                let n = (out.len() + 1).to_string();
                out.push(row(&[
                    ("RECORDNO", &n),
                    ("USERID", &u.login_id),
                    ("ROLENAME", r),
                ]));
            }
        }
        out
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

fn row(pairs: &[(&str, &str)]) -> Row {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
