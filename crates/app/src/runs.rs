//! A setup's finished runs as full run records (checks, evidence, what was
//! observed, steps, expiry dates), kept under the data folder so the Validate
//! and Report steps, exports and comparisons survive a restart. Built only
//! from non-secret types: `Secret` cannot be serialised into a record.

use crate::data_dir::DataDir;

use onramp_core::http::TrafficStats;
use onramp_core::observed::{Observed, SetupFacts, Simulation};
use onramp_core::report::{Expiry, KeyHandoff, RunRecord, RunStore, StepRecord};
use onramp_core::runner::RunSummary;
use onramp_core::state::{Setup, StepStatus};
use onramp_core::steps::steps_for;
use onramp_core::CheckResult;

use crate::store::StateRepo;

/// What a suite learnt about the account, read once its results are in, and
/// the requests it sent there (the account's pool is shared with the connector).
pub type Observer =
    Box<dyn FnOnce(&[CheckResult]) -> (SetupFacts, Observed, Option<TrafficStats>) + Send>;

pub fn store(data_dir: &DataDir) -> RunStore {
    RunStore::new(data_dir.runs())
}

/// The run record of `setup`'s run: its checks, what was observed, its steps
/// and the expiry dates the setup knows of.
pub fn build(
    setup: &Setup,
    summary: RunSummary,
    checks: Vec<CheckResult>,
    observe: Observer,
) -> RunRecord {
    refresh(of_run(summary, checks, observe), setup)
}

/// The run record of a run with no stored setup behind it (the CLI's flags):
/// checks and what was observed, no steps.
pub fn of_run(summary: RunSummary, checks: Vec<CheckResult>, observe: Observer) -> RunRecord {
    let (facts, observed, traffic) = observe(&checks);
    RunRecord {
        traffic,
        ..RunRecord::new(facts, observed, checks, Some(summary))
    }
}

/// Stores a setup's finished run: its summary on the setup, its record
/// (full results) in the setup's run records. A setup deleted while the run
/// went on keeps nothing.
pub fn record(
    state: &StateRepo,
    data_dir: &DataDir,
    setup_id: &str,
    summary: RunSummary,
    results: Vec<CheckResult>,
    observe: Observer,
) {
    let saved = state.update(|s| {
        let setup = s.setups.iter_mut().find(|s| s.id == setup_id);
        if let Some(setup) = setup {
            setup.last_run = Some(summary.clone());
            mark_steps(setup, &results);
            Ok(Some(setup.clone()))
        } else {
            Ok(None)
        }
    });
    let setup = match saved {
        Ok(Some(setup)) => setup,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!(error = %e, "could not record the run on its setup");
            return;
        }
    };
    let record = build(&setup, summary, results, observe);
    if let Err(e) = store(data_dir).save(setup_id, &record) {
        tracing::warn!(error = %e, "could not keep the run's results");
    }
}

/// A partial run ("re-run failed checks", a step's check) that clears every
/// failure of the last full validation: the last record with these results in
/// place of the old ones becomes the setup's last run, so the setup shows as
/// validated everywhere (list, rail, report). A re-run that leaves anything
/// failing, skipped, cancelled or unchecked records nothing: the last full
/// validation stays. What was observed is the full validation's.
pub fn record_rerun(
    state: &StateRepo,
    data_dir: &DataDir,
    setup_id: &str,
    summary: &RunSummary,
    results: Vec<CheckResult>,
) {
    use onramp_core::CheckStatus::{Fail, Pass, Skip, Warn};
    if summary.cancelled || summary.timed_out {
        return;
    }
    let Ok(Some(mut record)) = store(data_dir).latest(setup_id) else {
        return;
    };
    for r in results {
        match record.checks.iter_mut().find(|c| c.id == r.id) {
            Some(slot) => *slot = r,
            None => record.checks.push(r),
        }
    }
    if record
        .checks
        .iter()
        .any(|c| matches!(c.status, Fail | Skip))
    {
        return;
    }
    let count = |st| record.checks.iter().filter(|c| c.status == st).count() as u32;
    let merged = RunSummary {
        passed: count(Pass),
        failed: 0,
        warned: count(Warn),
        skipped: 0,
        ..summary.clone()
    };
    record.summary = Some(merged.clone());
    record.generated_at.clone_from(&summary.finished_at);
    let saved = state.update(|s| {
        let setup = s.setups.iter_mut().find(|s| s.id == setup_id);
        Ok(setup.map(|setup| {
            setup.last_run = Some(merged);
            mark_steps(setup, &record.checks);
            setup.clone()
        }))
    });
    if let Ok(Some(setup)) = saved {
        if let Err(e) = store(data_dir).save(setup_id, &refresh(record, &setup)) {
            tracing::warn!(error = %e, "could not keep the re-run's results");
        }
    }
}

/// Marks on the rail the steps a run's checks confirm: failed when one of
/// their checks fails, done when a step marked failed now passes. Done on the
/// stored setup with the run, so the rail never races the user's next click.
fn mark_steps(setup: &mut Setup, checks: &[CheckResult]) {
    for step in steps_for(setup.erp, setup.auth_method) {
        let mine: Vec<_> = checks
            .iter()
            .filter(|c| step.checks.contains(&c.id.as_str()))
            .collect();
        if mine.is_empty() || step.id == "validate" {
            continue;
        }
        let failed = mine
            .iter()
            .any(|c| c.status == onramp_core::CheckStatus::Fail);
        let was = setup.steps.get(step.id).map(|s| s.status);
        if failed && was != Some(StepStatus::Failed) {
            setup.set_step(step.id, StepStatus::Failed);
        } else if !failed && was == Some(StepStatus::Failed) {
            setup.set_step(step.id, StepStatus::Done);
        }
    }
}

/// The record with `setup`'s steps (who/when), expiry dates and practice
/// scenario as they are now.
pub fn refresh(mut record: RunRecord, setup: &Setup) -> RunRecord {
    // Who prepared the setup, as typed on the Report step (a name, not a login).
    let by = setup.fields.prepared_by.clone();
    let step = |id: &str, title: &str| {
        let state = setup.steps.get(id)?;
        Some(StepRecord {
            id: id.to_owned(),
            title: title.to_owned(),
            status: state.status,
            by: (state.status == StepStatus::Done)
                .then(|| by.clone())
                .flatten(),
            updated_at: state.updated_at.clone(),
        })
    };
    // In wizard order with the wizard's titles; a step the flow no longer has
    // (another sign-in method's, an older version's) follows under its id.
    let flow = steps_for(setup.erp, setup.auth_method);
    let known = flow.iter().filter_map(|s| step(s.id, s.title));
    let other = setup
        .steps
        .keys()
        .filter(|id| !flow.iter().any(|s| s.id == id.as_str()))
        .filter_map(|id| step(id, id));
    record.steps = known.chain(other).collect();
    record.expiries = expiries(setup);
    // A practice setup's runs played a scenario: say so in everything made from them.
    record.setup.simulation = setup.practice_scenario.as_ref().map(|scenario| Simulation {
        scenario: scenario.clone(),
    });
    record.changes = setup.admin_changes.clone();
    record.key_handoff = setup
        .fields
        .netsuite
        .key_export
        .as_ref()
        .map(|k| KeyHandoff {
            at: k.at.clone(),
            file: k.to.clone(),
        });
    record
}

/// The expiry dates the setup knows of, as the report names them.
pub fn expiries(setup: &Setup) -> Vec<Expiry> {
    let ns = &setup.fields.netsuite;
    let certificate = match ns.certificate_id.as_deref() {
        Some(id) => format!("M2M certificate (ID {id})"),
        None => "M2M certificate".to_owned(),
    };
    [
        (certificate, &ns.certificate_expires_at),
        (
            "OAuth 2.0 refresh token".to_owned(),
            &ns.token.refresh_expires_at,
        ),
        (
            "OAuth 2.0 access token".to_owned(),
            &ns.token.access_expires_at,
        ),
    ]
    .into_iter()
    .filter_map(|(what, at)| {
        Some(Expiry {
            what,
            expires_at: at.clone()?,
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::observed::NsObserved;
    use onramp_core::profile::Erp;
    use onramp_core::state::{Environment, FieldChange, NewSetup};

    fn setup() -> Setup {
        let mut s = Setup::create(
            NewSetup {
                erp: Erp::Netsuite,
                label: "Acme".into(),
                client_id: None,
                account_id: "1234567_SB1".into(),
                entity_id: None,
                practice_scenario: None,
            },
            Environment::Sandbox,
        )
        .unwrap();
        s.set_step("user", StepStatus::InProgress);
        s.set_step("role", StepStatus::Done);
        s.set_step("auth", StepStatus::Done);
        s.fields
            .apply(FieldChange::PreparedBy(Some(" Dana ".into())));
        let ns = &mut s.fields.netsuite;
        ns.certificate_expires_at = Some("2027-01-01T00:00:00Z".into());
        ns.certificate_id = Some("CERT9".into());
        ns.token.refresh_expires_at = Some("2026-12-01T00:00:00Z".into());
        s
    }

    fn summary() -> RunSummary {
        RunSummary {
            run_id: "r1".into(),
            passed: 1,
            failed: 0,
            warned: 0,
            skipped: 0,
            cancelled: false,
            timed_out: false,
            started_at: "2026-11-22T10:00:00Z".into(),
            finished_at: "2026-11-22T10:00:01Z".into(),
        }
    }

    #[test]
    fn the_record_carries_steps_with_who_and_the_expiry_dates() {
        let s = setup();
        let facts = SetupFacts {
            erp: Erp::Netsuite,
            account_id: s.account_id.clone(),
            environment: Some(Environment::Sandbox),
            entity_id: None,
            connector_profile_id: None,
            auth_method: Some("tba".into()),
            simulation: None,
        };
        let checks = vec![CheckResult::pass("netsuite.auth", "Sign-in", "ok")];
        let record = build(
            &s,
            summary(),
            checks.clone(),
            Box::new(move |seen| {
                assert_eq!(seen.len(), 1, "the observer sees the run's results");
                (facts, Observed::Netsuite(NsObserved::default()), None)
            }),
        );
        assert_eq!(record.checks, checks);
        let titles: Vec<_> = record.steps.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Sign-in method", "Role & permissions", "User"],
            "the wizard's titles, in its order"
        );
        let role = record.steps.iter().find(|r| r.id == "role").unwrap();
        assert_eq!(role.by.as_deref(), Some("Dana"));
        let user = record.steps.iter().find(|r| r.id == "user").unwrap();
        assert_eq!(user.by, None, "only done steps are signed");
        let what: Vec<_> = record.expiries.iter().map(|e| e.what.as_str()).collect();
        assert_eq!(
            what,
            ["M2M certificate (ID CERT9)", "OAuth 2.0 refresh token"]
        );
    }

    #[test]
    fn a_run_marks_the_steps_its_checks_confirm() {
        let mut s = setup();
        s.set_step("features", StepStatus::Failed);
        let checks = vec![
            CheckResult::fail(
                "netsuite.permissions",
                "Role permissions",
                "Currency is missing.",
                onramp_core::Diagnosis::new("c", "f", "w"),
            ),
            CheckResult::pass("netsuite.features", "Features", "on"),
            CheckResult::pass("netsuite.auth", "Sign-in", "ok"),
        ];
        mark_steps(&mut s, &checks);
        assert_eq!(
            s.steps["role"].status,
            StepStatus::Failed,
            "its check fails"
        );
        assert_eq!(
            s.steps["features"].status,
            StepStatus::Done,
            "failed, now passes"
        );
        assert_eq!(s.steps["auth"].status, StepStatus::Done, "done stays done");
        assert!(!s.steps.contains_key("validate"));
    }
}
