//! NetSuite's releases, named as Oracle names them (`2026.1`, `2026.2`).
//! Core releases come twice a year, one in the first quarter and one in the
//! third (Oracle's SuiteCommerce release-process article: "NetSuite core
//! releases occur twice a year: once in Q1 and once in Q3"), and accounts are
//! upgraded in phases (help section_N3382536, "Upgrades of NetSuite accounts
//! to each new release occur as a phased process"). An account's own upgrade
//! date is not visible to an integration, so a release is dated from the
//! start of its quarter: the earliest an account can be on it.

use std::fmt;

use time::{Date, Month};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Release {
    pub year: i32,
    /// 1 (rolled out from Q1) or 2 (from Q3).
    pub number: u8,
}

impl Release {
    /// The release whose roll-out had begun on `date`.
    pub fn on(date: Date) -> Self {
        let number = if date.month() >= Month::July { 2 } else { 1 };
        Self {
            year: date.year(),
            number,
        }
    }

    /// The first day an account may be upgraded to this release.
    pub fn rolls_out_from(self) -> Date {
        let month = if self.number == 2 {
            Month::July
        } else {
            Month::January
        };
        Date::from_calendar_date(self.year, month, 1).expect("the first of a month is a date")
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn each_half_year_has_its_release() {
        assert_eq!(Release::on(date!(2026 - 01 - 01)).to_string(), "2026.1");
        assert_eq!(Release::on(date!(2026 - 06 - 30)).to_string(), "2026.1");
        assert_eq!(Release::on(date!(2026 - 07 - 01)).to_string(), "2026.2");
        assert_eq!(Release::on(date!(2026 - 12 - 31)).to_string(), "2026.2");
        assert!(Release::on(date!(2025 - 12 - 31)) < Release::on(date!(2026 - 01 - 01)));
    }

    #[test]
    fn a_release_rolls_out_from_the_start_of_its_quarter() {
        let r = Release::on(date!(2026 - 09 - 14));
        assert_eq!(r.rolls_out_from(), date!(2026 - 07 - 01));
        assert_eq!(Release::on(r.rolls_out_from()), r);
    }
}
