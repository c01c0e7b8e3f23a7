//! Re-validating a stored setup headlessly: its whole suite, built and run
//! exactly as the Validate step builds and runs it (`erp_run::suite`, the same
//! `RunOptions`, credentials from the setup's keychain entries), and recorded
//! on the setup and in its run records like a run started from the window.

use onramp_core::runner::RunSummary;
use onramp_core::state::Setup;
use onramp_core::RunVerdict;
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::run::{run_to_end, RunOptions};
use crate::{erp_run, runs};

/// One setup's re-validation, as a scheduled job reports it.
#[derive(Debug, Clone)]
pub struct Revalidation {
    pub setup_id: String,
    pub label: String,
    /// A practice setup: its run went to the simulator, never to a real account.
    pub practice: bool,
    pub verdict: RunVerdict,
    /// The recorded run, when one ran.
    pub summary: Option<RunSummary>,
    /// Why nothing ran (credentials not stored, a sign-in that could not
    /// start), with the fix when there is one.
    pub error: Option<String>,
}

/// Runs `setup`'s whole suite and records it. Never fails: a setup that could
/// not be checked is a `CouldNotCheck` verdict with the reason, so one broken
/// setup never hides the others' results.
pub async fn revalidate(ctx: &AppCtx, setup: &Setup, options: RunOptions) -> Revalidation {
    let mut out = Revalidation {
        setup_id: setup.id.clone(),
        label: setup.label.clone(),
        practice: setup.practice_scenario.is_some(),
        verdict: RunVerdict::CouldNotCheck,
        summary: None,
        error: None,
    };
    let cancel = CancellationToken::new();
    let prepared = match erp_run::suite(ctx, setup, &options, cancel.clone()).await {
        Ok(p) => p,
        Err(e) => {
            let fix = e.diagnosis.as_ref().map(|d| format!(" {}", d.fix));
            out.error = Some(format!("{}{}", e.message, fix.unwrap_or_default()));
            return out;
        }
    };
    let (summary, results) = run_to_end(prepared.suite, &options, cancel, |_| {}).await;
    out.verdict = RunVerdict::of_summary(&summary);
    out.summary = Some(summary.clone());
    let (state, data_dir, id) = (ctx.state.clone(), ctx.data_dir.clone(), setup.id.clone());
    let observe = prepared.observe;
    let recorded = tokio::task::spawn_blocking(move || {
        runs::record(&state, &data_dir, &id, summary, results, observe)
    })
    .await;
    if let Err(e) = recorded {
        tracing::warn!(error = %e, "recording the run failed");
    }
    out
}

/// The verdict of several setups for a script: a failure anywhere outranks a
/// setup that could not be checked, which outranks success; no setup at all
/// proved nothing.
pub fn overall(all: &[Revalidation]) -> RunVerdict {
    let any = |v: RunVerdict| all.iter().any(|r| r.verdict == v);
    if any(RunVerdict::SomeFailed) {
        RunVerdict::SomeFailed
    } else if all.is_empty() || any(RunVerdict::CouldNotCheck) {
        RunVerdict::CouldNotCheck
    } else {
        RunVerdict::AllPassed
    }
}

/// The setups `wanted` names (ids, or labels when unambiguous), or all of
/// them; `Err` names what matched nothing or more than one setup.
pub fn select<'a>(setups: &'a [Setup], wanted: &[String]) -> Result<Vec<&'a Setup>, String> {
    if wanted.is_empty() {
        return Ok(setups.iter().collect());
    }
    let mut picked: Vec<&Setup> = Vec::new();
    for name in wanted {
        let name = name.trim();
        let by_id: Vec<&Setup> = setups.iter().filter(|s| s.id == name).collect();
        let matches = if by_id.is_empty() {
            setups
                .iter()
                .filter(|s| s.label.trim().eq_ignore_ascii_case(name))
                .collect()
        } else {
            by_id
        };
        match matches.as_slice() {
            [one] if !picked.iter().any(|p| p.id == one.id) => picked.push(one),
            [_] => {}
            [] => return Err(format!("no stored setup has the id or label {name:?}")),
            _ => {
                return Err(format!(
                    "{} setups are labelled {name:?}: name them by id",
                    matches.len()
                ))
            }
        }
    }
    Ok(picked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::profile::Erp;
    use onramp_core::state::{Environment, NewSetup};

    fn setup(label: &str) -> Setup {
        let input = NewSetup {
            erp: Erp::Intacct,
            label: label.into(),
            client_id: None,
            account_id: "acme".into(),
            entity_id: None,
            practice_scenario: None,
        };
        Setup::create(input, Environment::Production).unwrap()
    }

    fn outcome(verdict: RunVerdict) -> Revalidation {
        Revalidation {
            setup_id: "s".into(),
            label: "S".into(),
            practice: false,
            verdict,
            summary: None,
            error: None,
        }
    }

    #[test]
    fn a_failure_outranks_an_unchecked_setup_which_outranks_success() {
        use RunVerdict::*;
        assert_eq!(
            overall(&[outcome(AllPassed), outcome(AllPassed)]),
            AllPassed
        );
        assert_eq!(
            overall(&[outcome(AllPassed), outcome(CouldNotCheck)]),
            CouldNotCheck
        );
        assert_eq!(
            overall(&[outcome(CouldNotCheck), outcome(SomeFailed)]),
            SomeFailed
        );
        assert_eq!(overall(&[]), CouldNotCheck, "no setup proved nothing");
    }

    #[test]
    fn setups_are_picked_by_id_or_unambiguous_label() {
        let all = vec![setup("Acme"), setup("Globex"), setup("Twin"), setup("twin")];
        let ids = |v: Vec<&Setup>| v.into_iter().map(|s| s.label.clone()).collect::<Vec<_>>();
        assert_eq!(ids(select(&all, &[]).unwrap()).len(), 4);
        assert_eq!(
            ids(select(&all, &[" acme ".into(), all[1].id.clone()]).unwrap()),
            ["Acme", "Globex"]
        );
        assert_eq!(ids(select(&all, &[all[2].id.clone()]).unwrap()), ["Twin"]);
        assert!(select(&all, &["twin".into()])
            .unwrap_err()
            .contains("by id"));
        assert!(select(&all, &["Initech".into()])
            .unwrap_err()
            .contains("Initech"));
    }
}
