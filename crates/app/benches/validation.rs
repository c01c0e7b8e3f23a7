//! How long a full validation takes where people wait for it: a Practice
//! setup of each ERP, run exactly as the app runs it, against a simulator
//! that answers every request after 100 ms (NetSuite: an account limit of 5
//! concurrent requests). Each figure is divided by its critical path measured
//! in the same run: the round trips that must follow one another (NetSuite:
//! login → role, record lists and limits → record loads; Sage Intacct:
//! sign-in → everything else), each as long as a bare request to the same
//! simulator. Also prints the requests a run made and its peak concurrency.
//!
//! `scripts/bench.sh validation`, or
//! `cargo bench -p onramp-application --bench validation [-- RUNS]`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use onramp_application::api::practice::practice_credentials;
use onramp_application::api::setups::create_setup;
use onramp_application::ctx::AppCtx;
use onramp_application::practice::PracticeSims;
use onramp_application::run::{start_setup_run, RunOptions};
use onramp_application::{erp_run, runs};
use onramp_core::http::TrafficStats;
use onramp_core::profile::Erp;
use onramp_core::runner::RunEvent;
use onramp_core::secret::MemorySecretStore;
use onramp_core::state::NewSetup;
use onramp_core::{Secret, SecretKey};
use onramp_sim::SimOptions;

const LATENCY: Duration = Duration::from_millis(100);
const ACCOUNT_LIMIT: u32 = 5;

struct Case {
    label: &'static str,
    erp: Erp,
    scenario: &'static str,
    /// Requests in flight at most (the run option; `None`: the default share).
    concurrency: Option<u32>,
    /// Round trips that must follow one another.
    critical_round_trips: u32,
    target: f64,
}

const CASES: &[Case] = &[
    Case {
        label: "NetSuite",
        erp: Erp::Netsuite,
        scenario: "netsuite/happy",
        concurrency: None,
        critical_round_trips: 3,
        target: 1.5,
    },
    // For comparison: the whole pool of the smallest account, which leaves
    // nothing to the customer's connector.
    Case {
        label: "NetSuite, all 5",
        erp: Erp::Netsuite,
        scenario: "netsuite/happy",
        concurrency: Some(ACCOUNT_LIMIT),
        critical_round_trips: 3,
        target: 1.5,
    },
    Case {
        label: "Sage Intacct",
        erp: Erp::Intacct,
        scenario: "intacct/happy",
        concurrency: None,
        critical_round_trips: 2,
        target: 1.3,
    },
];

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    // RUST_LOG=onramp_netsuite=debug lists every request on stderr.
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_writer(std::io::stderr)
            .init();
    }
    // `cargo bench` passes `--bench`; a bare number is the count of runs.
    let runs = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(7)
        .max(1);
    println!(
        "Validation of a Practice setup, simulator at {} ms per request, NetSuite account limit {ACCOUNT_LIMIT}; median of {runs} runs after one warm-up",
        LATENCY.as_millis()
    );
    println!(
        "{:<16} {:>8} {:>14} {:>7} {:>7} {:>9} {:>5}",
        "ERP", "wall ms", "critical ms", "ratio", "target", "requests", "peak"
    );
    for case in CASES {
        bench(case, runs).await;
    }
}

async fn bench(case: &Case, runs: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut ctx = AppCtx::open(
        dir.path().to_path_buf(),
        Arc::new(MemorySecretStore::default()),
    )
    .expect("app context");
    ctx.sims = Arc::new(PracticeSims::with_options(SimOptions {
        latency: LATENCY,
        concurrency_limit: Some(ACCOUNT_LIMIT),
        ..SimOptions::default()
    }));
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp: case.erp,
            label: "Benchmark".into(),
            client_id: None,
            account_id: String::new(),
            entity_id: None,
            practice_scenario: Some(case.scenario.into()),
        },
    )
    .await
    .expect("practice setup");
    for v in practice_credentials(&ctx, setup.id.clone())
        .await
        .expect("practice values")
    {
        let key = SecretKey::new(setup.id.as_str(), v.name.as_str());
        ctx.secrets
            .set(&key, &Secret::new(v.value))
            .expect("memory store");
    }
    let mut walls = Vec::new();
    let mut trips = Vec::new();
    let mut traffic = TrafficStats::default();
    for i in 0..=runs {
        let (wall, t) = validate(&ctx, &setup.id, case.concurrency).await;
        let trip = bare_round_trip(&ctx, &setup.id, case.erp).await;
        if i > 0 {
            walls.push(wall);
            trips.push(trip);
            traffic = t;
        }
    }
    let wall = median(&mut walls);
    let critical = median(&mut trips) * case.critical_round_trips;
    let ratio = wall.as_secs_f64() / critical.as_secs_f64();
    println!(
        "{:<16} {:>8} {:>9} ({}×) {:>7.2} {:>7} {:>9} {:>5}",
        case.label,
        wall.as_millis(),
        critical.as_millis(),
        case.critical_round_trips,
        ratio,
        format!("≤{:.1}", case.target),
        traffic.requests,
        traffic.peak_concurrency,
    );
}

/// One full validation: from asking for it to its recorded result.
async fn validate(
    ctx: &AppCtx,
    setup_id: &str,
    concurrency: Option<u32>,
) -> (Duration, TrafficStats) {
    let options = RunOptions {
        concurrency: concurrency.unwrap_or(RunOptions::default().concurrency),
        ..RunOptions::default()
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let sink = Arc::new(move |e: RunEvent| {
        if matches!(e, RunEvent::Finished { .. }) {
            let _ = tx.send(());
        }
    });
    let started = Instant::now();
    start_setup_run(ctx, setup_id.into(), None, options, sink)
        .await
        .expect("run starts");
    tokio::time::timeout(Duration::from_secs(120), rx.recv())
        .await
        .expect("run finishes");
    let wall = started.elapsed();
    let record = runs::store(&ctx.data_dir)
        .latest(setup_id)
        .expect("run records")
        .expect("the run was recorded");
    (wall, record.traffic.unwrap_or_default())
}

/// One request to the same simulator that the service answers at once
/// (unsigned, so refused): the latency plus loopback HTTP, nothing else.
async fn bare_round_trip(ctx: &AppCtx, setup_id: &str, erp: Erp) -> Duration {
    let setup = ctx.state.setup(setup_id).expect("setup");
    let target = erp_run::target(ctx, &setup).await.expect("target");
    let logical = match erp {
        Erp::Netsuite => {
            let account = onramp_netsuite::Account::parse(&target.account_id).expect("account");
            format!(
                "https://{}/services/rest/record/v1/customer",
                account.rest_host()
            )
        }
        Erp::Intacct => onramp_intacct::GATEWAY_URL.to_string(),
    };
    let url = target
        .endpoints
        .transport_url(&url::Url::parse(&logical).expect("URL"))
        .expect("transport URL");
    let http = reqwest::Client::new();
    let started = Instant::now();
    let resp = match erp {
        Erp::Netsuite => http.get(url).send().await,
        Erp::Intacct => {
            http.post(url)
                .header("Content-Type", "application/xml")
                .body("<request/>")
                .send()
                .await
        }
    };
    resp.expect("the simulator answers")
        .bytes()
        .await
        .expect("body");
    started.elapsed()
}

fn median(values: &mut [Duration]) -> Duration {
    values.sort();
    values[values.len() / 2]
}
