//! The exit codes of a check (docs/exit-codes.md), on the real binary: a run
//! that proved nothing exits 3, never 0, so cron and CI cannot mistake a silent
//! server or a zero deadline for a passing setup.

mod common;

use std::net::TcpListener;
use std::time::Duration;

use common::cli;

/// A server that accepts connections and never answers, held open for `hold`.
fn silent_server(hold: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut open = Vec::new();
        let until = std::time::Instant::now() + hold;
        listener.set_nonblocking(true).unwrap();
        while std::time::Instant::now() < until {
            match listener.accept() {
                Ok((conn, _)) => open.push(conn),
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    });
    url
}

fn tba_env() -> Vec<(String, String)> {
    [
        "CONSUMER_KEY",
        "CONSUMER_SECRET",
        "TOKEN_ID",
        "TOKEN_SECRET",
    ]
    .iter()
    .map(|n| (format!("ONRAMP_NETSUITE_{n}"), format!("exit-code-{n}")))
    .collect()
}

async fn check(base_url: &str, deadline_secs: &str) -> std::process::Output {
    let args = [
        "netsuite",
        "check",
        "--account",
        "1234567",
        "--base-url",
        base_url,
        "--deadline-secs",
        deadline_secs,
    ];
    cli(args.iter().map(|s| s.to_string()).collect(), tba_env()).await
}

#[tokio::test]
async fn a_server_that_never_answers_is_could_not_check() {
    let url = silent_server(Duration::from_secs(20));
    let out = check(&url, "2").await;
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[tokio::test]
async fn a_zero_deadline_checks_nothing_and_says_so() {
    let url = silent_server(Duration::from_secs(5));
    let out = check(&url, "0").await;
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
