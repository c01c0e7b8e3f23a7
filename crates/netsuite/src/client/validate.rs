//! Requests refused before sending because NetSuite would reject them.

use crate::errors::NetSuiteError;

/// SuiteQL and collection paging limits (Oracle: ≤ 1000 per page, 100,000 rows in all).
pub const MAX_PAGE: u32 = 1000;
pub const MAX_SUITEQL_ROWS: u64 = 100_000;

pub(super) fn check_limit(limit: u32) -> Result<(), NetSuiteError> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(NetSuiteError::Refused(format!(
            "limit {limit} is outside 1..={MAX_PAGE}, the page sizes NetSuite accepts"
        )));
    }
    Ok(())
}

/// Record types and IDs go into the path; refuse anything that could change it.
pub(super) fn check_segment(what: &str, s: &str) -> Result<(), NetSuiteError> {
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(NetSuiteError::Refused(format!(
            "'{s}' is not a valid {what} (letters, digits, _ and - only)"
        )));
    }
    Ok(())
}
