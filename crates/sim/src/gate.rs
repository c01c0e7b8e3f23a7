//! Who may drive a started simulator. Practice mode runs it inside the desktop
//! app on 127.0.0.1, where any program and any web page in the user's browser
//! can reach it. Two checks keep them out before a request touches the model:
//! the per-launch secret as the first path segment (a page cannot guess it),
//! and a loopback `Host` header (a DNS-rebinding page sends its own name).

use axum::body::Body;
use axum::http::{header::HOST, Request, Response, StatusCode, Uri};
use rand::{distributions::Alphanumeric, Rng};
use serde_json::json;

use crate::options::Access;

#[derive(Debug, Clone)]
pub(crate) struct Gate {
    secret: Option<String>,
}

impl Gate {
    pub fn new(access: &Access) -> Self {
        let secret = match access {
            Access::RandomSecret => Some(
                rand::thread_rng()
                    .sample_iter(&Alphanumeric)
                    .take(32)
                    .map(char::from)
                    .collect(),
            ),
            Access::Secret(s) => Some(s.clone()),
            Access::Open => None,
        };
        Self { secret }
    }

    /// The path prefix clients put before `/<host>/...`: `/<secret>` or empty.
    pub fn prefix(&self) -> String {
        self.secret
            .as_ref()
            .map(|s| format!("/{s}"))
            .unwrap_or_default()
    }

    /// Admits the request with the secret removed from its path, or answers it.
    pub fn admit<B>(&self, mut req: Request<B>) -> Result<Request<B>, Response<Body>> {
        if !req
            .headers()
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(is_loopback_host)
        {
            return Err(refuse(
                StatusCode::MISDIRECTED_REQUEST,
                "the simulator answers only requests addressed to 127.0.0.1, localhost or [::1]",
            ));
        }
        let Some(secret) = &self.secret else {
            return Ok(req);
        };
        let path = req.uri().path();
        let rest = path
            .strip_prefix('/')
            .and_then(|p| p.strip_prefix(secret.as_str()))
            .filter(|rest| rest.is_empty() || rest.starts_with('/'));
        let Some(rest) = rest else {
            return Err(refuse(
                StatusCode::NOT_FOUND,
                "not found: use the address the simulator reported when it started",
            ));
        };
        let rest = if rest.is_empty() { "/" } else { rest };
        let stripped = match req.uri().query() {
            Some(q) => format!("{rest}?{q}"),
            None => rest.to_string(),
        };
        *req.uri_mut() = stripped
            .parse::<Uri>()
            .map_err(|_| refuse(StatusCode::BAD_REQUEST, "the request path is not valid"))?;
        Ok(req)
    }
}

fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn refuse(status: StatusCode, why: &str) -> Response<Body> {
    let mut resp = Response::new(Body::from(json!({ "simulator": why }).to_string()));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/json"),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(host: &str, path: &str) -> Request<()> {
        Request::builder()
            .uri(path)
            .header(HOST, host)
            .body(())
            .unwrap()
    }

    #[test]
    fn loopback_hosts_only() {
        for ok in [
            "127.0.0.1:8080",
            "localhost:1",
            "LOCALHOST",
            "[::1]:9",
            "127.0.0.2",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "attacker.example:8080",
            "10.0.0.1",
            "[::2]:1",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
        let gate = Gate::new(&Access::Open);
        let e = gate
            .admit(req("rebind.example:8080", "/a.b/x"))
            .unwrap_err();
        assert_eq!(e.status(), StatusCode::MISDIRECTED_REQUEST);
    }

    #[test]
    fn the_secret_is_required_and_removed() {
        let gate = Gate::new(&Access::Secret("s3cr3t".into()));
        assert_eq!(gate.prefix(), "/s3cr3t");
        let ok = gate
            .admit(req("127.0.0.1:1", "/s3cr3t/api.intacct.com/x?y=1"))
            .unwrap();
        assert_eq!(ok.uri(), "/api.intacct.com/x?y=1");
        for bad in ["/api.intacct.com/x", "/s3cr3tX/a.b/x", "/S3CR3T/a.b/x", "/"] {
            let e = gate.admit(req("127.0.0.1:1", bad)).unwrap_err();
            assert_eq!(e.status(), StatusCode::NOT_FOUND, "{bad}");
        }
    }

    #[test]
    fn random_secrets_differ_per_launch() {
        let a = Gate::new(&Access::RandomSecret).prefix();
        let b = Gate::new(&Access::RandomSecret).prefix();
        assert_eq!(a.len(), 33);
        assert_ne!(a, b);
    }
}
