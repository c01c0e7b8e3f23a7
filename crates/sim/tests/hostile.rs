//! The simulator under hostile input: only holders of its per-launch address
//! can drive it, foreign Host headers are refused, deep or huge bodies and
//! slow or piled-up connections cannot take it down.

use std::time::Duration;

use onramp_sim::{Access, Limits, Scenario, SimOptions, Simulator};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const GATEWAY: &str = "api.intacct.com/ia/xml/xmlgw.phtml";

async fn start(options: SimOptions) -> onramp_sim::SimHandle {
    let s = Scenario::builtin("intacct/happy").unwrap();
    Simulator::start(s, options).await.unwrap()
}

async fn post(url: &str, body: String) -> (u16, String) {
    let r = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/xml")
        .body(body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn only_the_reported_address_reaches_the_model() {
    let sim = start(SimOptions::default()).await;
    let base = sim.base_url();
    let bare = format!("http://{}", sim.addr());
    assert_ne!(base, bare, "a started simulator has a secret path");
    let info = reqwest::get(format!("{base}/__sim/scenario"))
        .await
        .unwrap();
    assert_eq!(info.status(), 200);
    for guess in [
        format!("{bare}/__sim/scenario"),
        format!("{bare}/{GATEWAY}"),
        format!("{bare}/wrong/__sim/scenario"),
    ] {
        let r = reqwest::get(&guess).await.unwrap();
        assert_eq!(r.status(), 404, "{guess}");
        assert!(!r.text().await.unwrap().contains(&base[bare.len()..]));
    }
}

#[tokio::test]
async fn a_foreign_host_header_is_refused() {
    let sim = start(SimOptions::default()).await;
    let url = url::Url::parse(&format!("{}/__sim/scenario", sim.base_url())).unwrap();
    let mut s = TcpStream::connect(sim.addr()).await.unwrap();
    let req = format!(
        "GET {} HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n",
        url.path()
    );
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).await.unwrap();
    assert!(out.starts_with("HTTP/1.1 421"), "{out}");
}

#[tokio::test]
async fn a_deeply_nested_request_gets_a_gateway_error_and_the_simulator_lives_on() {
    let sim = start(SimOptions::default()).await;
    let url = format!("{}/{GATEWAY}", sim.base_url());
    let depth = 20_000; // about 140 KB
    let deep = format!(
        "<request>{}{}</request>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let (status, body) = post(&url, deep).await;
    assert_eq!(status, 200);
    assert!(body.contains("XL03000003"), "{body}");
    let again = reqwest::get(format!("{}/__sim/scenario", sim.base_url()))
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
}

#[tokio::test]
async fn a_huge_body_is_refused() {
    let sim = start(SimOptions::default()).await;
    let url = format!("{}/{GATEWAY}", sim.base_url());
    let (status, _) = post(&url, "x".repeat(2 * 1024 * 1024)).await;
    assert_eq!(status, 413);
}

#[tokio::test]
async fn slow_headers_are_cut_off() {
    let sim = start(SimOptions {
        limits: Limits {
            max_connections: 4,
            header_read_timeout: Duration::from_millis(300),
        },
        access: Access::Open,
        ..SimOptions::default()
    })
    .await;
    // A slowloris client: half a request line, then silence.
    let mut slow = TcpStream::connect(sim.addr()).await.unwrap();
    slow.write_all(b"GET /__sim/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .await
        .unwrap();
    let mut buf = Vec::new();
    // The guard only stops a hang from stalling the suite; the assertion is that
    // the simulator closed the connection itself.
    let closed = tokio::time::timeout(Duration::from_secs(20), slow.read_to_end(&mut buf)).await;
    assert!(
        matches!(closed, Ok(Ok(_))),
        "the slow connection was not closed"
    );
}

#[tokio::test]
async fn connections_past_the_bound_are_closed_on_accept() {
    let sim = start(SimOptions {
        limits: Limits {
            max_connections: 4,
            header_read_timeout: Duration::from_secs(60),
        },
        access: Access::Open,
        ..SimOptions::default()
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(TcpStream::connect(sim.addr()).await.unwrap());
    }
    let mut extra = TcpStream::connect(sim.addr()).await.unwrap();
    let _ = extra
        .write_all(b"GET /__sim/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await;
    let mut out = Vec::new();
    let r = tokio::time::timeout(Duration::from_secs(20), extra.read_to_end(&mut out)).await;
    assert!(
        r.is_ok() && out.is_empty(),
        "a connection past the bound was served"
    );
}
