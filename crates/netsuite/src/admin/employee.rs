//! The integration employee over the REST record API (Stitchflow's public user
//! management guide; Oracle help section_1545141395):
//! `POST /record/v1/employee` → 204 + `Location`, `GET` to read it back,
//! `PATCH {"isInactive": true, "giveAccess": false}` to deprovision (both:
//! `isInactive` alone may leave login access).

use serde::Serialize;
use serde_json::{json, Value};

use crate::client::{Literal, NetSuiteClient};
use crate::errors::NetSuiteError;

/// The employee Onramp creates for the connector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmployee {
    pub first_name: String,
    pub last_name: String,
    /// A dedicated address: NetSuite refuses one another employee uses.
    pub email: String,
    /// Required on OneWorld accounts (resolve it with `subsidiaries` first).
    pub subsidiary_id: Option<String>,
    /// The integration role's internal ID (`resolve_role`).
    pub role_id: String,
}

impl NewEmployee {
    /// The request body. [I] The role sublist's form is NetSuite's REST
    /// sublist shape (`items` of `selectedRole`), not shown in the guide.
    pub fn body(&self) -> Value {
        let mut body = json!({
            "firstName": self.first_name,
            "lastName": self.last_name,
            "email": self.email,
            "giveAccess": true,
            "roles": {"items": [{"selectedRole": {"id": self.role_id}}]},
        });
        if let Some(s) = &self.subsidiary_id {
            body["subsidiary"] = json!({ "id": s });
        }
        body
    }
}

/// An employee as read back: what the setup depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmployeeRecord {
    pub id: String,
    pub email: String,
    pub is_inactive: bool,
    pub give_access: bool,
    pub subsidiary_id: Option<String>,
    pub role_ids: Vec<String>,
}

impl EmployeeRecord {
    pub fn from_json(v: &Value) -> Result<Self, NetSuiteError> {
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let flag = |k: &str| v.get(k).and_then(Value::as_bool);
        let id_of = |r: &Value| {
            let id = r.get("id")?;
            id.as_str()
                .map(str::to_owned)
                .or_else(|| Some(id.as_u64()?.to_string()))
        };
        let (Some(id), Some(is_inactive), Some(give_access)) =
            (text("id"), flag("isInactive"), flag("giveAccess"))
        else {
            return Err(NetSuiteError::Refused(
                "the employee record has no id, isInactive or giveAccess".into(),
            ));
        };
        let role_ids = v
            .pointer("/roles/items")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.get("selectedRole").and_then(id_of))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Self {
            id,
            email: text("email").unwrap_or_default(),
            is_inactive,
            give_access,
            subsidiary_id: v.get("subsidiary").and_then(id_of),
            role_ids,
        })
    }
}

/// A subsidiary the employee can belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subsidiary {
    pub id: String,
    pub name: String,
}

/// The account's subsidiaries; none on an account without OneWorld.
pub async fn subsidiaries(client: &NetSuiteClient) -> Result<Vec<Subsidiary>, NetSuiteError> {
    let page = client
        .suiteql("SELECT id, name FROM subsidiary ORDER BY id", 100, 0)
        .await?;
    Ok(page
        .items
        .iter()
        .filter_map(|r| {
            Some(Subsidiary {
                id: r.get("id")?.as_str()?.to_owned(),
                name: r
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
            })
        })
        .collect())
}

/// The internal ID of the role called `name` (IDs differ per account).
pub async fn resolve_role(
    client: &NetSuiteClient,
    name: &str,
) -> Result<Option<String>, NetSuiteError> {
    let q = format!(
        "SELECT id, name FROM role WHERE name = {}",
        Literal::text(name.trim())?.as_str()
    );
    let page = client.suiteql(&q, 10, 0).await?;
    Ok(page
        .items
        .first()
        .and_then(|r| r.get("id")?.as_str().map(str::to_owned)))
}

/// Creates the employee; its internal ID, from the `Location` header.
pub async fn create_employee(
    client: &NetSuiteClient,
    new: &NewEmployee,
) -> Result<String, NetSuiteError> {
    client.create_record("employee", &new.body()).await
}

pub async fn read_employee(
    client: &NetSuiteClient,
    id: &str,
) -> Result<EmployeeRecord, NetSuiteError> {
    EmployeeRecord::from_json(&client.get_record("employee", id).await?)
}

/// Deprovisions: `isInactive=true` and `giveAccess=false`, then reads the
/// record back so the caller can show both took effect.
pub async fn deactivate_employee(
    client: &NetSuiteClient,
    id: &str,
) -> Result<EmployeeRecord, NetSuiteError> {
    client
        .patch_record(
            "employee",
            id,
            &json!({"isInactive": true, "giveAccess": false}),
        )
        .await?;
    read_employee(client, id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guides_sample_record_reads() {
        // Stitchflow guide (seeds/002), "Get Employee" response example.
        let sample = json!({
            "id": "123", "firstName": "Jane", "lastName": "Doe", "email": "jdoe@example.com",
            "isInactive": false, "giveAccess": true,
            "subsidiary": {"id": "1", "refName": "Parent Company"}
        });
        let r = EmployeeRecord::from_json(&sample).unwrap();
        assert_eq!(r.id, "123");
        assert_eq!(r.subsidiary_id.as_deref(), Some("1"));
        assert!(r.give_access && !r.is_inactive);
        assert!(r.role_ids.is_empty());
        assert!(EmployeeRecord::from_json(&json!({"id": "1"})).is_err());
    }

    #[test]
    fn the_body_carries_the_subsidiary_only_when_given() {
        let mut n = NewEmployee {
            first_name: "Onramp".into(),
            last_name: "Integration".into(),
            email: "i@x.example".into(),
            subsidiary_id: None,
            role_id: "1001".into(),
        };
        assert!(n.body().get("subsidiary").is_none());
        n.subsidiary_id = Some("2".into());
        assert_eq!(n.body()["subsidiary"]["id"], "2");
        assert_eq!(n.body()["giveAccess"], true);
        assert_eq!(n.body()["roles"]["items"][0]["selectedRole"]["id"], "1001");
    }
}
