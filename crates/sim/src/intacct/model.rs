//! Effective permissions: what a user may do once roles (or user-level
//! permissions), subscriptions and the user-type cap are combined.

use std::collections::BTreeMap;

use super::scenario::{
    AdminPrivilege, IntacctScenario, ObjectPolicy, PermissionMode, Policy, User, UserTypeCap,
};

/// Application name → module code that must be subscribed for it [I].
const APPLICATION_MODULES: &[(&str, &str)] = &[
    ("Company", "CO"),
    ("General Ledger", "GL"),
    ("Accounts Receivable", "AR"),
    ("Accounts Payable", "AP"),
    ("Cash Management", "CM"),
    ("Order Entry", "SO"),
    ("Purchasing", "PO"),
];

pub fn default_object_policies() -> BTreeMap<String, ObjectPolicy> {
    let rows = [
        ("GLACCOUNT", "GL", "General Ledger", "Accounts"),
        ("GLBATCH", "GL", "General Ledger", "Journal Entries"),
        ("GLENTRY", "GL", "General Ledger", "Journal Entries"),
        ("GLDETAIL", "GL", "General Ledger", "Journal Entries"),
        ("CUSTOMER", "AR", "Accounts Receivable", "Customers"),
        ("ARINVOICE", "AR", "Accounts Receivable", "Invoices"),
        ("ARPYMT", "AR", "Accounts Receivable", "Receive Payments"),
        ("ARADJUSTMENT", "AR", "Accounts Receivable", "Adjustments"),
        ("VENDOR", "AP", "Accounts Payable", "Vendors"),
        ("APBILL", "AP", "Accounts Payable", "Bills"),
        ("APPYMT", "AP", "Accounts Payable", "Payments"),
        ("APADJUSTMENT", "AP", "Accounts Payable", "Adjustments"),
        (
            "CHECKINGACCOUNT",
            "CM",
            "Cash Management",
            "Checking Accounts",
        ),
        (
            "SAVINGSACCOUNT",
            "CM",
            "Cash Management",
            "Savings Accounts",
        ),
        ("DEPOSIT", "CM", "Cash Management", "Deposits"),
        ("LOCATION", "CO", "Company", "Locations"),
        ("DEPARTMENT", "CO", "Company", "Departments"),
        ("CLASS", "CO", "Company", "Classes"),
        ("LOCATIONENTITY", "CO", "Company", "Entities"),
        ("USERINFO", "CO", "Company", "Users"),
        ("USERROLES", "CO", "Company", "Users"),
        ("USERRESTRICTION", "CO", "Company", "Users"),
        ("ROLES", "CO", "Company", "Roles"),
        ("ROLEUSERS", "CO", "Company", "Roles"),
        ("ROLEPOLICYASSIGNMENT", "CO", "Company", "Roles"),
    ];
    rows.into_iter()
        .map(|(object, module, application, policy)| {
            let p = ObjectPolicy {
                module: module.into(),
                application: application.into(),
                policy: policy.into(),
            };
            (object.to_string(), p)
        })
        .collect()
}

/// Employee users can only list and view customers, whatever their roles say.
pub fn default_user_type_caps() -> Vec<UserTypeCap> {
    let list_view = vec!["List".to_string(), "View".to_string()];
    vec![
        UserTypeCap {
            user_type: "employee user".into(),
            policies: vec!["Customers".into()],
            rights: list_view.clone(),
        },
        UserTypeCap {
            user_type: "view only user".into(),
            policies: Vec::new(),
            rights: list_view,
        },
    ]
}

impl IntacctScenario {
    pub fn find_user(&self, login_id: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| self.same_id(&u.login_id, login_id))
    }

    pub fn same_id(&self, a: &str, b: &str) -> bool {
        if self.case_insensitive_ids {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    }

    fn application_subscribed(&self, application: &str) -> bool {
        match APPLICATION_MODULES.iter().find(|(a, _)| *a == application) {
            Some((_, module)) => self.module_subscribed(module),
            None => true, // Administration and other always-on areas
        }
    }

    pub fn module_subscribed(&self, module: &str) -> bool {
        self.company
            .applications
            .iter()
            .any(|m| m.eq_ignore_ascii_case(module))
    }

    /// Roles (or user-level permissions), limited to subscribed applications
    /// and capped by the user type; one entry per application+policy.
    pub fn effective_permissions(&self, user: &User) -> Vec<Policy> {
        let granted: Vec<&Policy> = match self.company.permission_mode {
            PermissionMode::UserBased => user.permissions.iter().collect(),
            PermissionMode::RoleBased => self
                .roles
                .iter()
                .filter(|r| user.roles.iter().any(|n| n.eq_ignore_ascii_case(&r.name)))
                .flat_map(|r| r.policies.iter())
                .collect(),
        };
        let cap = self
            .user_type_caps
            .iter()
            .find(|c| c.user_type.eq_ignore_ascii_case(&user.user_type));
        let mut merged: Vec<Policy> = Vec::new();
        for p in granted {
            if !self.application_subscribed(&p.application) {
                continue;
            }
            let rights: Vec<String> = match cap {
                Some(c) if !c.policies.is_empty() && !c.policies.contains(&p.policy) => continue,
                Some(c) => p
                    .rights
                    .iter()
                    .filter(|r| c.rights.contains(r))
                    .cloned()
                    .collect(),
                None => p.rights.clone(),
            };
            if rights.is_empty() {
                continue;
            }
            match merged
                .iter_mut()
                .find(|m| m.application == p.application && m.policy == p.policy)
            {
                Some(m) => {
                    for r in rights {
                        if !m.rights.contains(&r) {
                            m.rights.push(r);
                        }
                    }
                }
                None => merged.push(Policy {
                    application: p.application.clone(),
                    policy: p.policy.clone(),
                    rights,
                }),
            }
        }
        merged
    }

    pub fn has_right(&self, user: &User, application: &str, policy: &str, right: &str) -> bool {
        self.effective_permissions(user).iter().any(|p| {
            p.application == application
                && p.policy == policy
                && p.rights.iter().any(|r| r == right)
        })
    }

    /// May the user list rows of `object`? Objects without a governing policy are open.
    pub fn may_list(&self, user: &User, object: &str) -> bool {
        // Only admins can list user restrictions.
        if object == "USERRESTRICTION" && user.admin == AdminPrivilege::Off {
            return false;
        }
        match self.object_policies.get(object) {
            Some(op) => {
                self.module_subscribed(&op.module)
                    && self.has_right(user, &op.application, &op.policy, "List")
            }
            None => true,
        }
    }

    pub fn is_known_object(&self, object: &str) -> bool {
        self.object_policies.contains_key(object) || self.records.contains_key(object)
    }
}
