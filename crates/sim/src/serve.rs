//! The accept loop behind `Simulator::start`. axum::serve sets no header-read
//! timeout and accepts without bound, so slow or idle connections could pile
//! up (slowloris); here each connection must send its headers in time and at
//! most `Limits::max_connections` are open at once (more are closed on accept).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch, Semaphore};
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::gate::Gate;
use crate::options::Limits;

/// Serves until `stop` fires, then lets in-flight requests finish.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    gate: Gate,
    limits: Limits,
    mut stop: oneshot::Receiver<()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let (quit_tx, quit_rx) = watch::channel(());
    let mut conns = JoinSet::new();
    loop {
        let stream = tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: back off, keep serving.
                    tracing::warn!("simulator accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        while conns.try_join_next().is_some() {}
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            continue; // dropping the stream closes it
        };
        let (app, gate, mut quit) = (app.clone(), gate.clone(), quit_rx.clone());
        conns.spawn(async move {
            let _slot = slot;
            let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                let (app, gate) = (app.clone(), gate.clone());
                async move {
                    Ok::<_, Infallible>(match gate.admit(req) {
                        Ok(req) => app.oneshot(req.map(axum::body::Body::new)).await?,
                        Err(refused) => refused,
                    })
                }
            });
            let conn = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_read_timeout)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            let mut closing = false;
            loop {
                tokio::select! {
                    _ = conn.as_mut() => break,
                    _ = quit.changed(), if !closing => {
                        closing = true;
                        conn.as_mut().graceful_shutdown();
                    }
                }
            }
        });
    }
    drop(listener);
    let _ = quit_tx.send(());
    while conns.join_next().await.is_some() {}
}
