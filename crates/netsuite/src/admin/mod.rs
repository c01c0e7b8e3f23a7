//! What an administrator's sign-in lets Onramp do for the person: create the
//! integration employee, read it back, deactivate it, and read the Login
//! Audit Trail. Each function is one documented request (or two: resolve,
//! then act); refusals come back as `NetSuiteError` and `refusal` explains
//! them as cause → fix → where.

pub mod audit;
pub mod certificates;
pub mod employee;
pub mod refusal;

pub use audit::{failed_logins, newest_token_logins, LoginAuditRow, TokenLogin};
pub use certificates::CertificateSlot;
pub use employee::{
    create_employee, deactivate_employee, read_employee, resolve_role, subsidiaries,
    EmployeeRecord, NewEmployee, Subsidiary,
};
