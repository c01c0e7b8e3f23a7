//! Wall-clock timestamps as the stored and IPC types carry them: RFC 3339, UTC.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

pub fn now_rfc3339() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .expect("RFC 3339 formatting of a UTC timestamp cannot fail")
}
