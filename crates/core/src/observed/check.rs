//! What a well-formed setup profile or run record must also satisfy before it
//! is imported: its ERP matches what was observed, its times are real RFC 3339
//! instants, and its account or company ID has a shape the ERP could issue.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::{Observed, SetupFacts};
use crate::profile::Erp;

/// Longest account or company ID accepted (real ones are far shorter).
const MAX_ID_LEN: usize = 64;

pub(super) fn setup(setup: &SetupFacts, observed: &Observed) -> Result<(), String> {
    let observed_erp = match observed {
        Observed::Netsuite(_) => Erp::Netsuite,
        Observed::Intacct(_) => Erp::Intacct,
    };
    if setup.erp != observed_erp {
        return Err(format!(
            "the setup says {:?} but what was observed is from {:?}; the file was edited or mixed up",
            setup.erp, observed_erp
        ));
    }
    let id = &setup.account_id;
    let what = match setup.erp {
        Erp::Netsuite => "NetSuite account ID",
        Erp::Intacct => "Intacct company ID",
    };
    let allowed = |c: char| match setup.erp {
        // Realms: 1234567, 1234567_SB1, TSTDRV1234567.
        Erp::Netsuite => c.is_ascii_alphanumeric() || c == '_' || c == '-',
        Erp::Intacct => c.is_ascii_graphic() && !"<>&\"'/\\".contains(c),
    };
    if id.is_empty() || id.len() > MAX_ID_LEN || !id.chars().all(allowed) {
        return Err(format!(
            "the {what} {:?} is not one the ERP issues (letters, digits{}; at most {MAX_ID_LEN} characters)",
            truncated(id),
            if setup.erp == Erp::Netsuite { ", _ and -" } else { " and punctuation, no spaces" }
        ));
    }
    Ok(())
}

/// An RFC 3339 time, as every Onramp file writes them.
pub(super) fn timestamp(field: &str, value: &str) -> Result<(), String> {
    OffsetDateTime::parse(value, &Rfc3339)
        .map(|_| ())
        .map_err(|_| {
            format!(
                "{field} {:?} is not a date and time (RFC 3339)",
                truncated(value)
            )
        })
}

fn truncated(s: &str) -> String {
    s.chars().take(80).collect()
}
