//! Create the integration employee: resolve the role by name and (OneWorld)
//! the subsidiary first, preview, create, read back, log.

use onramp_core::state::{AdminChange, Setup};
use onramp_core::{ErrorKind, IpcError};
use onramp_netsuite::admin::refusal::AdminAction;
use onramp_netsuite::admin::{self, EmployeeRecord, NewEmployee, Subsidiary};
use onramp_netsuite::NetSuiteClient;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::changes::{self, Preview};
use super::refused;
use crate::ctx::AppCtx;
use crate::oauth::{invalid, write_fields};

/// What the person fills in for the new employee.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct EmployeeInput {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// Needed on OneWorld accounts; the preview lists the choices.
    pub subsidiary_id: Option<String>,
}

/// A subsidiary the employee can belong to (OneWorld).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SubsidiaryChoice {
    pub id: String,
    pub name: String,
}

impl From<Subsidiary> for SubsidiaryChoice {
    fn from(s: Subsidiary) -> Self {
        Self {
            id: s.id,
            name: s.name,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct EmployeePlan {
    pub preview: Preview,
    /// The account's subsidiaries (OneWorld); empty otherwise.
    pub subsidiaries: Vec<SubsidiaryChoice>,
    pub role_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct EmployeeCreated {
    pub employee_id: String,
    pub change: AdminChange,
}

const LICENCE: &str = "An integration user takes a full NetSuite user licence.";
const CONCURRENT: &str = "The 'Concurrent Web Services User' option needs SuiteCloud Plus; without it the user is an ordinary one.";

fn checked(input: &EmployeeInput) -> Result<EmployeeInput, IpcError> {
    let t = |s: &str| s.trim().to_owned();
    let out = EmployeeInput {
        first_name: t(&input.first_name),
        last_name: t(&input.last_name),
        email: t(&input.email),
        subsidiary_id: input
            .subsidiary_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    };
    if out.first_name.is_empty() || out.last_name.is_empty() {
        return Err(invalid("enter the integration user's first and last name"));
    }
    let at = out.email.find('@');
    if at.is_none_or(|i| i == 0 || i + 1 == out.email.len())
        || out.email.contains(char::is_whitespace)
    {
        return Err(invalid(
            "enter a dedicated email address for the integration user (name@company)",
        ));
    }
    Ok(out)
}

fn role_name(setup: &Setup) -> Result<String, IpcError> {
    setup
        .fields
        .role_name
        .clone()
        .ok_or_else(|| invalid("enter the integration role's name on the Role step first"))
}

async fn plan_with(
    client: &NetSuiteClient,
    setup: &Setup,
    input: &EmployeeInput,
) -> Result<(EmployeePlan, NewEmployee), IpcError> {
    let role = role_name(setup)?;
    let role_id = admin::resolve_role(client, &role)
        .await
        .map_err(|e| refused(AdminAction::ResolveRole, e))?
        .ok_or_else(|| {
            IpcError::new(ErrorKind::InvalidInput, format!("NetSuite has no role named '{role}'"))
                .with_diagnosis(onramp_core::Diagnosis::new(
                    format!("The employee gets the integration role, and this account has no role called '{role}'."),
                    "Create the role (Role step), or correct its name on the Role step, then preview again.",
                    "Setup > Users/Roles > Manage Roles",
                ))
        })?;
    let subsidiaries = admin::subsidiaries(client)
        .await
        .map_err(|e| refused(AdminAction::CreateEmployee, e))?;
    let subsidiary = match &input.subsidiary_id {
        Some(id) => Some(
            subsidiaries
                .iter()
                .find(|s| &s.id == id)
                .cloned()
                .ok_or_else(|| {
                    invalid(format!(
                        "subsidiary {id} is not one of this account's subsidiaries"
                    ))
                })?,
        ),
        None => None,
    };
    let mut list = vec![format!(
        "Create the employee {} {} <{}>{}.",
        input.first_name,
        input.last_name,
        input.email,
        subsidiary
            .as_ref()
            .map(|s| format!(" in subsidiary '{}' (ID {})", s.name, s.id))
            .unwrap_or_default()
    )];
    list.push(format!(
        "Turn on Give Access for it, with the role '{role}' (internal ID {role_id})."
    ));
    let mut warnings = vec![LICENCE.to_owned(), CONCURRENT.to_owned()];
    if subsidiary.is_none() && !subsidiaries.is_empty() {
        warnings.push("This is a OneWorld account: choose the employee's subsidiary, or NetSuite will refuse it.".into());
    }
    let new = NewEmployee {
        first_name: input.first_name.clone(),
        last_name: input.last_name.clone(),
        email: input.email.clone(),
        subsidiary_id: subsidiary.map(|s| s.id),
        role_id: role_id.clone(),
    };
    let plan = EmployeePlan {
        preview: Preview {
            action: "Create the integration employee".into(),
            changes: list,
            warnings,
        },
        subsidiaries: subsidiaries.into_iter().map(Into::into).collect(),
        role_id,
    };
    Ok((plan, new))
}

/// What creating the employee would change, read with the administrator's sign-in.
pub async fn plan(
    ctx: &AppCtx,
    setup: &Setup,
    input: &EmployeeInput,
) -> Result<EmployeePlan, IpcError> {
    let input = checked(input)?;
    let client = super::client(ctx, setup).await?;
    Ok(plan_with(&client, setup, &input).await?.0)
}

/// Creates the employee, reads it back and records the change.
pub async fn create(
    ctx: &AppCtx,
    setup: &Setup,
    input: &EmployeeInput,
) -> Result<EmployeeCreated, IpcError> {
    let input = checked(input)?;
    let consented_by = super::session::consented_by(ctx, &setup.id).await?;
    let client = super::client(ctx, setup).await?;
    let (plan, new) = plan_with(&client, setup, &input).await?;
    let id = admin::create_employee(&client, &new)
        .await
        .map_err(|e| refused(AdminAction::CreateEmployee, e))?;
    let back = admin::read_employee(&client, &id)
        .await
        .map_err(|e| refused(AdminAction::CreateEmployee, e))?;
    verify(&back, &new)?;
    let (employee, email) = (id.clone(), new.email.clone());
    write_fields(ctx, &setup.id, |f| {
        f.netsuite.employee_id = Some(employee);
        f.user_email = Some(email);
    })?;
    let outcome = format!(
        "Read back employee {id}: {}, Give Access on, role {}.",
        back.email, plan.role_id
    );
    let change = changes::record(ctx, &setup.id, &plan.preview, &consented_by, outcome)?;
    Ok(EmployeeCreated {
        employee_id: id,
        change,
    })
}

/// The record NetSuite holds is the one asked for.
fn verify(back: &EmployeeRecord, asked: &NewEmployee) -> Result<(), IpcError> {
    let mut wrong = Vec::new();
    if !back.email.eq_ignore_ascii_case(&asked.email) {
        wrong.push(format!("email {}", back.email));
    }
    if !back.give_access || back.is_inactive {
        wrong.push("no access".to_owned());
    }
    if !back.role_ids.contains(&asked.role_id) {
        wrong.push(format!("roles {:?}", back.role_ids));
    }
    if wrong.is_empty() {
        return Ok(());
    }
    Err(IpcError::new(
        ErrorKind::Protocol,
        format!(
            "NetSuite created employee {} but it reads back with {}",
            back.id,
            wrong.join(", ")
        ),
    ))
}
