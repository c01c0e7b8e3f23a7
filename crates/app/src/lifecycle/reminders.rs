//! Reminders that match the vendors' own: NetSuite e-mails administrators
//! about an expiring M2M certificate two months, one month and 14 days before
//! it expires (help subsect_162755332391, Certificate Conditions: "The first
//! notification is sent two months before expiration, then one month, and 14
//! days"); an OAuth 2.0 refresh token ends with a new consent (help
//! section_158082518856: after it expires a refresh gets `invalid_grant`);
//! and each NetSuite release (two a year) is a reason to prove the setup
//! again, since what a connector's role needs can change with it.
//! Everything here is computed from the setup's stored dates and a given
//! "now", so the thresholds are tested at their boundaries.

use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::Setup;
use serde::Serialize;
use specta::Type;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::releases::Release;

/// NetSuite's certificate e-mails, in days before expiry, widest first.
pub const CERTIFICATE_NOTICE_DAYS: [i64; 3] = [60, 30, 14];
/// A refresh token this close to its end needs a new consent now: NetSuite's
/// default refresh-token life is 7 days, so two days leave time to reach the
/// person who must sign in again.
pub const REFRESH_NOTICE_DAYS: i64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    CertificateExpiry,
    RefreshTokenExpiry,
    RevalidateAfterRelease,
}

/// How soon to act, for the order and look of a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Notice,
    Soon,
    Urgent,
    Expired,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Reminder {
    pub kind: ReminderKind,
    pub urgency: Urgency,
    pub title: String,
    /// What to do, and where.
    pub action: String,
    /// RFC 3339: when the credential expires (none for a release reminder).
    pub due: Option<String>,
    /// Whole days until `due` (negative once past).
    pub days_left: Option<i64>,
}

/// A setup's reminders, and the release it was last checked on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SetupReminders {
    pub setup_id: String,
    pub label: String,
    pub erp: Erp,
    pub practice: bool,
    /// When the setup's last full run started (RFC 3339).
    pub last_validated_at: Option<String>,
    /// NetSuite: the release that run was on (`2026.2`).
    pub last_validated_release: Option<String>,
    /// NetSuite: the release rolling out now.
    pub current_release: Option<String>,
    pub reminders: Vec<Reminder>,
}

fn parse(at: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(at.trim(), &Rfc3339).ok()
}

/// Whole days from `now` to `at`, rounded toward zero; negative once past.
fn days_until(at: OffsetDateTime, now: OffsetDateTime) -> i64 {
    (at - now).whole_days()
}

/// The certificate reminder NetSuite's e-mails would have given by `now`:
/// the narrowest threshold reached (60, then 30, then 14 days).
pub fn certificate(expires_at: &str, id: Option<&str>, now: OffsetDateTime) -> Option<Reminder> {
    let at = parse(expires_at)?;
    let days = days_until(at, now);
    let name = match id {
        Some(id) => format!("The M2M certificate (ID {id})"),
        None => "The M2M certificate".to_owned(),
    };
    let action = "Rotate it now: generate a new key pair and certificate on this setup's Maintain page, map it for the same user and role (Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup), prove it, then revoke the old mapping.".to_owned();
    let (urgency, title) = if at <= now {
        (
            Urgency::Expired,
            format!("{name} expired: the connector can no longer sign in."),
        )
    } else {
        let threshold = CERTIFICATE_NOTICE_DAYS.iter().rev().find(|&&t| days <= t)?;
        let urgency = match threshold {
            14 => Urgency::Urgent,
            30 => Urgency::Soon,
            _ => Urgency::Notice,
        };
        (
            urgency,
            format!("{name} expires in {days} days (NetSuite's {threshold}-day notice)."),
        )
    };
    Some(Reminder {
        kind: ReminderKind::CertificateExpiry,
        urgency,
        title,
        action,
        due: Some(expires_at.trim().to_owned()),
        days_left: Some(days),
    })
}

/// The refresh-token reminder: within `REFRESH_NOTICE_DAYS` of its end, or past it.
pub fn refresh_token(expires_at: &str, now: OffsetDateTime) -> Option<Reminder> {
    let at = parse(expires_at)?;
    let days = days_until(at, now);
    let (urgency, title) = if at <= now {
        (
            Urgency::Expired,
            "The OAuth 2.0 refresh token expired: the connector must be authorized again."
                .to_owned(),
        )
    } else if days < REFRESH_NOTICE_DAYS {
        let hours = (at - now).whole_hours();
        (
            Urgency::Urgent,
            format!("The OAuth 2.0 refresh token expires in {hours} hours."),
        )
    } else if days == REFRESH_NOTICE_DAYS {
        (
            Urgency::Soon,
            format!("The OAuth 2.0 refresh token expires in {days} days."),
        )
    } else {
        return None;
    };
    Some(Reminder {
        kind: ReminderKind::RefreshTokenExpiry,
        urgency,
        title,
        action: "Renew the consent (Maintain > Renew the OAuth 2.0 consent > Connect again, signed in as the integration user): the new refresh token replaces the old one once a run proves it, and the old one keeps working until then.".into(),
        due: Some(expires_at.trim().to_owned()),
        days_left: Some(days),
    })
}

/// A NetSuite setup last checked on an earlier release than the one rolling out.
pub fn after_release(last_run_at: &str, now: OffsetDateTime) -> Option<Reminder> {
    let last = Release::on(parse(last_run_at)?.date());
    let current = Release::on(now.date());
    (last < current).then(|| Reminder {
        kind: ReminderKind::RevalidateAfterRelease,
        urgency: Urgency::Notice,
        title: format!(
            "NetSuite {current} is rolling out (accounts move to it in phases from {}); this setup was last validated on release {last}.",
            current.rolls_out_from()
        ),
        action: "Run the checks again once the account is on the new release: a release can change what the connector's role needs.".into(),
        due: None,
        days_left: None,
    })
}

/// Every reminder of `setup` at `now`, most urgent first.
pub fn of_setup(setup: &Setup, now: OffsetDateTime) -> SetupReminders {
    let ns = &setup.fields.netsuite;
    let netsuite = setup.erp == Erp::Netsuite;
    let method = setup.auth_method.unwrap_or(AuthMethod::Tba);
    let last_at = setup.last_run.as_ref().map(|r| r.started_at.clone());
    let mut reminders = Vec::new();
    if netsuite && method == AuthMethod::Oauth2M2m {
        let (id, at) = (ns.certificate_id.as_deref(), &ns.certificate_expires_at);
        reminders.extend(at.as_deref().and_then(|at| certificate(at, id, now)));
    }
    if netsuite && method == AuthMethod::Oauth2Code {
        let at = ns.token.refresh_expires_at.as_deref();
        reminders.extend(at.and_then(|at| refresh_token(at, now)));
    }
    if netsuite {
        reminders.extend(last_at.as_deref().and_then(|at| after_release(at, now)));
    }
    reminders.sort_by_key(|r| std::cmp::Reverse(r.urgency));
    let release_of = |at: &str| parse(at).map(|t| Release::on(t.date()).to_string());
    SetupReminders {
        setup_id: setup.id.clone(),
        label: setup.label.clone(),
        erp: setup.erp,
        practice: setup.practice_scenario.is_some(),
        last_validated_release: last_at.as_deref().filter(|_| netsuite).and_then(release_of),
        current_release: netsuite.then(|| Release::on(now.date()).to_string()),
        last_validated_at: last_at,
        reminders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use time::Duration;

    const NOW: OffsetDateTime = datetime!(2026-12-05 09:00 UTC);

    fn at(d: Duration) -> String {
        (NOW + d).format(&Rfc3339).unwrap()
    }

    fn cert(d: Duration) -> Option<(Urgency, String)> {
        certificate(&at(d), Some("C1"), NOW).map(|r| (r.urgency, r.title))
    }

    #[test]
    fn certificate_reminders_start_at_netsuites_60_30_and_14_day_notices() {
        let days = Duration::days;
        assert_eq!(cert(days(61)), None, "before the first notice");
        let (u, title) = cert(days(60) + Duration::hours(23)).unwrap();
        assert_eq!(u, Urgency::Notice);
        assert!(
            title.contains("60 days") && title.contains("ID C1"),
            "{title}"
        );
        assert_eq!(cert(days(31)).unwrap().0, Urgency::Notice);
        assert_eq!(
            cert(days(30) + Duration::hours(1)).unwrap().0,
            Urgency::Soon
        );
        assert_eq!(cert(days(15)).unwrap().0, Urgency::Soon);
        let (u, title) = cert(days(14)).unwrap();
        assert_eq!(u, Urgency::Urgent);
        assert!(title.contains("14-day notice"), "{title}");
        assert_eq!(cert(Duration::minutes(1)).unwrap().0, Urgency::Urgent);
        assert_eq!(cert(Duration::ZERO).unwrap().0, Urgency::Expired);
        assert_eq!(cert(-days(3)).unwrap().0, Urgency::Expired);
        assert!(certificate("not a date", None, NOW).is_none());
    }

    #[test]
    fn refresh_token_reminders_start_two_days_before_the_end() {
        let urgency = |d: Duration| refresh_token(&at(d), NOW).map(|r| r.urgency);
        assert_eq!(urgency(Duration::days(3)), None);
        assert_eq!(
            urgency(Duration::days(2) + Duration::hours(23)),
            Some(Urgency::Soon)
        );
        assert_eq!(
            urgency(Duration::days(2) - Duration::seconds(1)),
            Some(Urgency::Urgent)
        );
        assert_eq!(urgency(Duration::seconds(1)), Some(Urgency::Urgent));
        assert_eq!(urgency(Duration::ZERO), Some(Urgency::Expired));
    }

    #[test]
    fn a_release_later_than_the_last_run_asks_for_a_new_run() {
        let now = datetime!(2027-01-01 00:00 UTC);
        let r = after_release("2026-12-31T23:59:59Z", now).unwrap();
        assert!(r.title.contains("NetSuite 2027.1"), "{}", r.title);
        assert!(r.title.contains("release 2026.2"), "{}", r.title);
        assert_eq!(after_release("2027-01-01T00:00:00Z", now), None);
        assert_eq!(
            after_release("2026-07-01T00:00:00Z", NOW),
            None,
            "same release"
        );
        assert!(after_release("2026-06-30T23:00:00Z", NOW).is_some());
    }

    #[test]
    fn a_setup_gets_the_reminders_of_its_sign_in_method_most_urgent_first() {
        use onramp_core::runner::RunSummary;
        use onramp_core::state::{Environment, NewSetup};
        let mut s = Setup::create(
            NewSetup {
                erp: Erp::Netsuite,
                label: "Acme".into(),
                client_id: None,
                account_id: "1234567".into(),
                entity_id: None,
                practice_scenario: None,
            },
            Environment::Production,
        )
        .unwrap();
        s.auth_method = Some(AuthMethod::Oauth2M2m);
        s.fields.netsuite.certificate_expires_at = Some(at(Duration::days(10)));
        // Not this setup's method: no reminder for it.
        s.fields.netsuite.token.refresh_expires_at = Some(at(Duration::hours(5)));
        s.last_run = Some(RunSummary {
            run_id: "r".into(),
            passed: 1,
            failed: 0,
            warned: 0,
            skipped: 0,
            cancelled: false,
            timed_out: false,
            started_at: "2026-03-02T10:00:00Z".into(),
            finished_at: "2026-03-02T10:00:09Z".into(),
        });
        let r = of_setup(&s, NOW);
        let kinds: Vec<_> = r.reminders.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                ReminderKind::CertificateExpiry,
                ReminderKind::RevalidateAfterRelease
            ]
        );
        assert_eq!(r.last_validated_release.as_deref(), Some("2026.1"));
        assert_eq!(r.current_release.as_deref(), Some("2026.2"));
    }
}
