//! A stand-in NetSuite that answers every request with one fixed body, so a
//! test can feed the client a vendor's sample verbatim (or a hostile body).

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{header, Request, Response};
use axum::Router;
use onramp_core::http::{EndpointOverride, Endpoints};

/// The answer the mock gives: status, body and an optional `WWW-Authenticate`.
#[derive(Clone)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub www_authenticate: Option<String>,
}

impl Answer {
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            body: body.into(),
            www_authenticate: None,
        }
    }
}

pub struct Mock {
    answer: Arc<Mutex<Answer>>,
    base: String,
}

impl Mock {
    pub async fn start(first: Answer) -> Self {
        let answer = Arc::new(Mutex::new(first));
        let shared = answer.clone();
        let app = Router::new().fallback(move |_req: Request<Body>| {
            let a = shared.lock().unwrap().clone();
            async move {
                let mut resp = Response::builder()
                    .status(a.status)
                    .header(header::CONTENT_TYPE, "application/json");
                if let Some(w) = a.www_authenticate {
                    resp = resp.header(header::WWW_AUTHENTICATE, w);
                }
                resp.body(Body::from(a.body)).unwrap()
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { answer, base }
    }

    pub fn answer(&self, a: Answer) {
        *self.answer.lock().unwrap() = a;
    }

    pub fn endpoints(&self) -> Endpoints {
        Endpoints {
            override_base: Some(EndpointOverride::new(&self.base).unwrap()),
        }
    }
}
