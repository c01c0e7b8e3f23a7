//! Hostile stand-in servers on 127.0.0.1 for the clients' robustness tests:
//! a server that answers every request with one fixed response and records
//! what reached it, one that writes raw bytes (truncated or malformed HTTP),
//! and one that accepts connections and never answers.

use std::sync::{Arc, Mutex};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::response::Response;
use axum::Router;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What reached a stand-in: path and query, and the body as text.
#[derive(Clone, Default)]
pub struct Seen(Arc<Mutex<Vec<(String, String)>>>);

impl Seen {
    pub fn requests(&self) -> Vec<(String, String)> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }

    fn push(&self, uri: String, body: String) {
        if let Ok(mut v) = self.0.lock() {
            v.push((uri, body));
        }
    }
}

type Reply = Arc<dyn Fn(&str) -> Response + Send + Sync>;

pub struct StandIn {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub seen: Seen,
}

async fn bind() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    (listener, format!("http://{addr}"))
}

/// Answers every request with `reply(path_and_query)`.
pub async fn answering(reply: impl Fn(&str) -> Response + Send + Sync + 'static) -> StandIn {
    let seen = Seen::default();
    let state: (Seen, Reply) = (seen.clone(), Arc::new(reply));
    let app = Router::new()
        .fallback(
            |State((seen, reply)): State<(Seen, Reply)>, req: Request| async move {
                let uri = req.uri().to_string();
                let body = to_bytes(req.into_body(), 1024 * 1024)
                    .await
                    .unwrap_or_default();
                seen.push(uri.clone(), String::from_utf8_lossy(&body).into_owned());
                reply(&uri)
            },
        )
        .with_state(state);
    let (listener, base) = bind().await;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    StandIn { base, seen }
}

/// A response with this status, content type and body.
pub fn reply(status: u16, content_type: &str, body: impl Into<Body>) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", content_type)
        .body(body.into())
        .expect("valid response")
}

/// A redirect with this status to `location`.
pub fn redirect(status: u16, location: &str) -> Response {
    Response::builder()
        .status(status)
        .header("location", location)
        .body(Body::empty())
        .expect("valid response")
}

/// Reads each request's head, writes `raw` and closes the connection.
pub async fn raw(raw: &'static [u8]) -> String {
    let (listener, base) = bind().await;
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 16 * 1024];
                let _ = s.read(&mut buf).await;
                let _ = s.write_all(raw).await;
                let _ = s.shutdown().await;
            });
        }
    });
    base
}

/// Accepts connections and never answers (keeps them open).
pub async fn silent() -> String {
    let (listener, base) = bind().await;
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = listener.accept().await {
            held.push(s);
        }
    });
    base
}
