//! Serves a scenario on 127.0.0.1: the NetSuite and Intacct routers merged, each
//! route under a leading `/{host}` segment (see `onramp_core::http::EndpointOverride`),
//! plus simulator-only endpoints under `/__sim/`. A started simulator sits
//! behind the per-launch secret and loopback-Host check of `gate`.

use std::net::SocketAddr;

use axum::{
    extract::DefaultBodyLimit, http::StatusCode, response::IntoResponse, routing::get, Json, Router,
};
use serde_json::json;
use tokio::{net::TcpListener, sync::oneshot, task::JoinHandle};

use crate::{gate::Gate, intacct, netsuite, options::SimOptions, scenario::Scenario, serve};

/// Request bodies larger than this are refused (413): real requests are a few KB.
pub const MAX_REQUEST_BODY: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("could not listen on 127.0.0.1:{port}: {detail}")]
    Bind { port: u16, detail: String },
    #[error("the scenario is not usable: {0}")]
    Scenario(String),
}

pub struct Simulator;

impl Simulator {
    /// Binds, starts serving in the background and returns at once.
    pub async fn start(scenario: Scenario, options: SimOptions) -> Result<SimHandle, SimError> {
        let app = Self::router(&scenario, &options)?;
        let port = options.port.unwrap_or(0);
        let bind_err = |e: std::io::Error| SimError::Bind {
            port,
            detail: e.to_string(),
        };
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(bind_err)?;
        let addr = listener.local_addr().map_err(bind_err)?;
        let (tx, rx) = oneshot::channel::<()>();
        let gate = Gate::new(&options.access);
        let prefix = gate.prefix();
        let task = tokio::spawn(serve::serve(listener, app, gate, options.limits, rx));
        // The address only: the secret stays out of logs.
        tracing::info!(%addr, title = %scenario.title, "simulator listening");
        Ok(SimHandle {
            addr,
            prefix,
            stop: Some(tx),
            task: Some(task),
        })
    }

    /// The whole application, for embedding in another server or in-process tests.
    pub fn router(scenario: &Scenario, options: &SimOptions) -> Result<Router, SimError> {
        let info = json!({
            "title": scenario.title,
            "description": scenario.description,
            "expect_failing": scenario.expect_failing,
            "netsuite": scenario.netsuite.is_some(),
            "intacct": scenario.intacct.is_some(),
        });
        let mut app = Router::new().route(
            "/__sim/scenario",
            get(move || std::future::ready(Json(info.clone()))),
        );
        if let Some(ns) = &scenario.netsuite {
            ns.validate().map_err(SimError::Scenario)?;
            app = app.merge(netsuite::router(ns, options));
        }
        if let Some(ia) = &scenario.intacct {
            app = app.merge(intacct::router(ia, options));
        }
        Ok(app
            .fallback(not_found)
            .layer(DefaultBodyLimit::max(MAX_REQUEST_BODY)))
    }
}

async fn not_found(uri: axum::http::Uri) -> impl IntoResponse {
    let detail = match onramp_core::http::EndpointOverride::split_path(uri.path()) {
        Some((host, path)) => format!("the simulator has no endpoint https://{host}{path}"),
        None => format!(
            "{} is not a simulator path: requests go to /<real host>/<real path>",
            uri.path()
        ),
    };
    (StatusCode::NOT_FOUND, Json(json!({ "simulator": detail })))
}

/// A running simulator. Dropping it stops the server.
pub struct SimHandle {
    addr: SocketAddr,
    /// `/<secret>` or empty (`Access::Open`).
    prefix: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl SimHandle {
    /// `http://127.0.0.1:<port>/<secret>`: the base URL for `EndpointOverride`
    /// and for `/__sim/...`. It carries the per-launch secret, so hand it only
    /// to the clients meant to use this simulator, and do not log it.
    pub fn base_url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting requests and waits for in-flight ones to finish.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}
