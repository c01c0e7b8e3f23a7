//! Client transport edge cases against small local HTTP servers: HTML pages,
//! truncated, huge and non-JSON bodies, timeouts, 429 retries (re-signed),
//! the server clock on a refused login, cancellation and paging refusals.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use onramp_core::http::{EndpointOverride, Endpoints, HttpError};
use onramp_netsuite::{
    Account, ClientOptions, Credentials, NetSuiteClient, NetSuiteError, TbaCredentials,
};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

type Seen = Arc<Mutex<Vec<(String, HeaderMap)>>>;
type Handler = Arc<dyn Fn(usize) -> Response + Send + Sync>;

async fn serve(handler: impl Fn(usize) -> Response + Send + Sync + 'static) -> (String, Seen) {
    let seen: Seen = Arc::default();
    let state = (seen.clone(), Arc::new(handler) as Handler);
    let app = Router::new()
        .fallback(
            |State((seen, h)): State<(Seen, Handler)>, req: Request| async move {
                let n = {
                    let mut s = seen.lock().unwrap();
                    s.push((req.uri().to_string(), req.headers().clone()));
                    s.len()
                };
                h(n)
            },
        )
        .with_state(state);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), seen)
}

fn creds() -> TbaCredentials {
    TbaCredentials {
        consumer_key: "ck".into(),
        consumer_secret: "cs".into(),
        token_id: "tk".into(),
        token_secret: "ts".into(),
    }
}

fn client_with(base: &str, tweak: impl FnOnce(&mut ClientOptions)) -> NetSuiteClient {
    let mut options = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(base).unwrap()),
        },
        timeout: Duration::from_secs(5),
        ..ClientOptions::default()
    };
    tweak(&mut options);
    NetSuiteClient::new(
        Account::parse("1234567_SB1").unwrap(),
        Credentials::Tba(creds()),
        options,
    )
    .unwrap()
}

fn json(status: StatusCode, body: &str) -> Response {
    (
        status,
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

const SERVER_TIME: &str = r#"{"serverTime":"2025-03-26T16:21:00.000Z"}"#;

#[tokio::test]
async fn sends_to_override_with_real_host_and_signed_header() {
    let (base, seen) =
        serve(|_| json(StatusCode::OK, r#"{"items":[],"count":0,"hasMore":false}"#)).await;
    let c = client_with(&base, |_| {});
    c.suiteql("SELECT id FROM currency", 10, 20).await.unwrap();
    let seen = seen.lock().unwrap();
    let (uri, headers) = &seen[0];
    assert_eq!(
        uri,
        "/1234567-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=10&offset=20"
    );
    assert_eq!(headers["prefer"], "transient");
    let auth = headers["authorization"].to_str().unwrap();
    assert!(auth.starts_with("OAuth realm=\"1234567_SB1\""), "{auth}");
    assert!(!auth.contains("limit") && !auth.contains("offset"));
}

#[tokio::test]
async fn paging_rules_are_enforced_before_sending() {
    let (base, seen) = serve(|_| json(StatusCode::OK, "{}")).await;
    let c = client_with(&base, |_| {});
    for (limit, offset) in [(10, 15), (0, 0), (1001, 0), (1000, 100_000)] {
        let e = c.suiteql("SELECT 1", limit, offset).await.unwrap_err();
        assert!(
            matches!(e, NetSuiteError::Refused(_)),
            "{limit}/{offset}: {e}"
        );
    }
    assert!(c.get_record("customer", "../admin").await.is_err());
    assert!(
        seen.lock().unwrap().is_empty(),
        "a refused request was sent"
    );
}

#[tokio::test]
async fn html_login_page_is_named_as_such() {
    let (base, _) = serve(|_| {
        (
            StatusCode::OK,
            [("content-type", "text/html")],
            "<html><body>Login</body></html>",
        )
            .into_response()
    })
    .await;
    let e = client_with(&base, |_| {}).server_time().await.unwrap_err();
    assert!(
        matches!(
            e,
            NetSuiteError::Http(HttpError::HtmlPage { status: 200, .. })
        ),
        "{e}"
    );
}

#[tokio::test]
async fn non_json_and_huge_bodies() {
    let (base, _) = serve(|_| (StatusCode::OK, "plain words").into_response()).await;
    let e = client_with(&base, |_| {}).server_time().await.unwrap_err();
    assert!(
        matches!(e, NetSuiteError::NotJson { status: 200, .. }),
        "{e}"
    );

    let (base, _) = serve(|_| {
        json(
            StatusCode::OK,
            &format!("{{\"pad\":\"{}\"}}", "x".repeat(20_000)),
        )
    })
    .await;
    let e = client_with(&base, |o| o.max_body = 4096)
        .server_time()
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            NetSuiteError::Http(HttpError::TooLarge { limit: 4096, .. })
        ),
        "{e}"
    );
}

#[tokio::test]
async fn truncated_body() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 4096];
        let _ = tokio::io::AsyncReadExt::read(&mut sock, &mut buf).await;
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"serverTi";
        sock.write_all(head.as_bytes()).await.unwrap();
        sock.shutdown().await.unwrap();
    });
    let e = client_with(&format!("http://{addr}"), |_| {})
        .server_time()
        .await
        .unwrap_err();
    assert!(
        matches!(e, NetSuiteError::Http(HttpError::Truncated { .. })),
        "{e}"
    );
}

/// Accepts connections and never answers.
async fn silent_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((sock, _)) = listener.accept().await {
            held.push(sock);
        }
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn silent_server_times_out() {
    let base = silent_server().await;
    let e = client_with(&base, |o| o.timeout = Duration::from_millis(200))
        .server_time()
        .await
        .unwrap_err();
    assert!(
        matches!(e, NetSuiteError::Http(HttpError::Timeout { .. })),
        "{e}"
    );
}

#[tokio::test]
async fn concurrency_429_is_retried_with_a_fresh_signature() {
    let (base, seen) = serve(|n| {
        if n <= 2 {
            json(StatusCode::TOO_MANY_REQUESTS, r#"{"title":"Bad Request","status":429,"o:errorCode":"USER_ERROR","o:errorDetails":[{"detail":"Concurrent request limit exceeded. Request blocked.","o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]}"#)
        } else {
            json(StatusCode::OK, SERVER_TIME)
        }
    })
    .await;
    let c = client_with(&base, |_| {});
    let t = c.server_time().await.unwrap();
    assert_eq!(t.raw, "2025-03-26T16:21:00.000Z");
    let nonces: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|(_, h)| {
            let a = h["authorization"].to_str().unwrap();
            a.split("oauth_nonce=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(nonces.len(), 3);
    assert!(nonces[0] != nonces[1] && nonces[1] != nonces[2] && nonces[0] != nonces[2]);
    assert_eq!(c.governor().stats().throttled, 2);
    assert_eq!(c.governor().stats().requests, 3);
}

#[tokio::test]
async fn retries_give_up_after_max() {
    let (base, seen) = serve(|_| json(StatusCode::TOO_MANY_REQUESTS, "{}")).await;
    let e = client_with(&base, |o| o.max_retries = 1)
        .server_time()
        .await
        .unwrap_err();
    assert!(matches!(e, NetSuiteError::ConcurrencyLimitExceeded));
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn refused_login_still_yields_the_server_clock() {
    let ahead = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(600));
    let (base, _) = serve(move |_| {
        let mut r = json(StatusCode::UNAUTHORIZED, r#"{"status":401,"o:errorDetails":[{"detail":"Invalid login attempt.","o:errorCode":"INVALID_LOGIN"}]}"#);
        r.headers_mut().insert("date", ahead.parse().unwrap());
        r
    })
    .await;
    let c = client_with(&base, |_| {});
    assert!(matches!(
        c.server_time().await,
        Err(NetSuiteError::InvalidLogin { .. })
    ));
    let skew = c.clock().unwrap().skew_secs();
    assert!((598..=601).contains(&skew), "{skew}");
}

#[tokio::test]
async fn bearer_challenge_is_parsed() {
    let (base, seen) = serve(|_| {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::UNAUTHORIZED;
        r.headers_mut().insert(
            "www-authenticate",
            r#"Bearer realm="1234567_SB1", error="invalid_token", error_description="Invalid login attempt.""#.parse().unwrap(),
        );
        r
    })
    .await;
    let mut options = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&base).unwrap()),
        },
        ..ClientOptions::default()
    };
    options.max_retries = 0;
    let c = NetSuiteClient::new(
        Account::parse("1234567_SB1").unwrap(),
        Credentials::Bearer("eyJ.token.sig".into()),
        options,
    )
    .unwrap();
    let e = c.server_time().await.unwrap_err();
    assert!(
        matches!(&e, NetSuiteError::BearerRejected { error, .. } if error == "invalid_token"),
        "{e}"
    );
    assert_eq!(
        seen.lock().unwrap()[0].1["authorization"],
        "Bearer eyJ.token.sig"
    );
}

#[tokio::test]
async fn cancellation_and_deadline_stop_waiting() {
    // The request timeout (5 s) would give Timeout; only cancellation gives Cancelled.
    let base = silent_server().await;
    let c = client_with(&base, |_| {});
    let cancel = c.options().cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        cancel.cancel();
    });
    assert!(matches!(
        c.server_time().await,
        Err(NetSuiteError::Cancelled)
    ));

    let c = client_with(&base, |o| {
        o.deadline = Some(Instant::now() + Duration::from_millis(100))
    });
    assert!(matches!(
        c.server_time().await,
        Err(NetSuiteError::DeadlineReached)
    ));
}

#[tokio::test]
async fn check_suite_explains_a_login_page_in_the_way() {
    use onramp_core::runner::{run_suite, RunOptions};
    use onramp_core::CheckStatus;
    use onramp_netsuite::checks::{suite, NetSuiteCheckContext};

    let (base, _) = serve(|_| {
        (
            StatusCode::OK,
            [("content-type", "text/html")],
            "<!DOCTYPE html><title>Sign in</title>",
        )
            .into_response()
    })
    .await;
    let client = Arc::new(client_with(&base, |_| {}));
    let ctx = NetSuiteCheckContext::new(client, "1234567_SB1");
    let profile = onramp_netsuite::profiles::builtin("netsuite-readonly-reporting").unwrap();
    let (_, results) = run_suite(suite(ctx, &profile), RunOptions::default(), |_| {}).await;
    let auth = results.iter().find(|r| r.id == "netsuite.auth").unwrap();
    assert_eq!(auth.status, CheckStatus::Fail);
    let d = auth.diagnosis.as_ref().unwrap();
    assert!(d.cause.contains("web page"), "{d:?}");
    let perms = results
        .iter()
        .find(|r| r.id == "netsuite.permissions")
        .unwrap();
    assert_eq!(
        perms.status,
        CheckStatus::Skip,
        "checks that need a login do not run"
    );
    // Domain discovery also met the page: the hosts were derived, not invented.
    let account = results.iter().find(|r| r.id == "netsuite.account").unwrap();
    assert!(account
        .evidence
        .iter()
        .any(|e| e.label == "Domains" && e.value.starts_with("derived")));
}
