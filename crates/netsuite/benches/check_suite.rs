//! Wall time of the full NetSuite check suite against the simulator with
//! 100 ms per request and an account limit of 5 concurrent requests, against
//! the lower bound of (1 + ⌈n/5⌉) round trips: the login, then n requests
//! five at a time. Run with `cargo bench -p onramp-netsuite --bench check_suite`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::CheckStatus;
use onramp_netsuite::checks::{suite, NetSuiteCheckContext};
use onramp_netsuite::{
    profiles, Account, ClientOptions, Credentials, NetSuiteClient, TbaCredentials,
};
use onramp_sim::{Scenario, SimOptions, Simulator};

const LATENCY: Duration = Duration::from_millis(100);
const LIMIT: u32 = 5;
const RUNS: usize = 3;

#[tokio::main]
async fn main() {
    println!("profile                        wall ms  requests  429s  lower bound ms  ratio  pass/warn/fail/skip");
    for profile in profiles::builtin_names() {
        for _ in 0..RUNS {
            bench(&profile).await;
        }
    }
}

async fn bench(profile: &str) {
    let scenario = Scenario::builtin("netsuite/happy").expect("happy scenario");
    let cfg = scenario
        .netsuite
        .as_ref()
        .expect("netsuite section")
        .client
        .clone();
    let sim = Simulator::start(
        scenario,
        SimOptions {
            latency: LATENCY,
            concurrency_limit: Some(LIMIT),
            ..SimOptions::default()
        },
    )
    .await
    .expect("simulator starts");
    let input = cfg.account_id.clone().expect("account id");
    let credentials = Credentials::Tba(TbaCredentials {
        consumer_key: cfg.consumer_key.clone().expect("ck").into(),
        consumer_secret: cfg.consumer_secret.clone().expect("cs").into(),
        token_id: cfg.token_id.clone().expect("token").into(),
        token_secret: cfg.token_secret.clone().expect("ts").into(),
    });
    let options = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).expect("base url")),
        },
        concurrency_limit: LIMIT as usize,
        ..ClientOptions::default()
    };
    let account = Account::parse(&input).expect("account");
    let client = Arc::new(NetSuiteClient::new(account, credentials, options).expect("client"));
    let mut ctx = NetSuiteCheckContext::new(client.clone(), input);
    ctx.role_name = cfg.role_name.clone();
    let specs = suite(ctx, &profiles::builtin(profile).expect("profile"));
    let run_options = RunOptions {
        concurrency: specs.len(),
        ..RunOptions::default()
    };
    let started = Instant::now();
    let (_, results) = run_suite(specs, run_options, |_| {}).await;
    let wall = started.elapsed();
    let stats = client.governor().stats();
    // Domain discovery goes through the same simulator but not the governor.
    let n = stats.requests;
    let bound = LATENCY * (1 + n.div_ceil(u64::from(LIMIT))) as u32;
    let count = |s: CheckStatus| results.iter().filter(|r| r.status == s).count();
    println!(
        "{profile:<30} {:>7}  {:>8}  {:>4}  {:>14}  {:>5.2}  {}/{}/{}/{}",
        wall.as_millis(),
        n,
        stats.throttled,
        bound.as_millis(),
        wall.as_secs_f64() / bound.as_secs_f64(),
        count(CheckStatus::Pass),
        count(CheckStatus::Warn),
        count(CheckStatus::Fail),
        count(CheckStatus::Skip),
    );
    sim.shutdown().await;
}
