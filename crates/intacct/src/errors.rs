//! What can go wrong talking to Sage Intacct, by layer. The checks turn these
//! into cause → fix → where with the pattern table (`patterns`).

use onramp_core::http::HttpError;
use onramp_core::Redactor;

use crate::xml::response::ApiError;

/// Where in the exchange a failure happened; XL03000006 means different things per layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// HTTP status without a usable XML body (429, 5xx, 524).
    Http,
    /// `<control><status>failure</status>`: the sender or the gateway refused the request.
    Control,
    /// `<authentication><status>failure</status>`: the user's sign-in or session.
    Authentication,
    /// `<result><status>failure|aborted</status>`: one function.
    Function,
}

#[derive(Debug, thiserror::Error)]
pub enum IntacctError {
    #[error(transparent)]
    Http(#[from] HttpError),
    #[error("{}", describe("the gateway refused the request", *.http_status, .errors))]
    Control {
        http_status: u16,
        errors: Vec<ApiError>,
    },
    #[error("{}", describe("sign-in failed", 200, .errors))]
    Authentication { errors: Vec<ApiError> },
    #[error("{}", describe(&format!("{function} {status}"), 200, .errors))]
    Function {
        function: String,
        status: String,
        errors: Vec<ApiError>,
    },
    #[error("the gateway is rate limiting this company (HTTP 429) and still was after {attempts} attempts")]
    RateLimited {
        attempts: u32,
        errors: Vec<ApiError>,
    },
    #[error("the gateway answered HTTP {status} without a usable response{}", if *.retried { " (retries exhausted)" } else { "" })]
    Server { status: u16, retried: bool },
    #[error("the gateway's answer is not valid XML: {0}")]
    Malformed(String),
    #[error("the gateway's answer is incomplete: {0}")]
    Protocol(String),
    #[error("{0}")]
    InvalidInput(String),
}

impl IntacctError {
    /// The same error with `r`'s secrets (and token-shaped fields) taken out of
    /// every text the gateway sent.
    pub fn redacted(mut self, r: &Redactor) -> Self {
        match &mut self {
            IntacctError::Control { errors, .. }
            | IntacctError::Authentication { errors }
            | IntacctError::Function { errors, .. }
            | IntacctError::RateLimited { errors, .. } => {
                for e in errors.iter_mut() {
                    for t in [
                        &mut e.errorno,
                        &mut e.description,
                        &mut e.description2,
                        &mut e.correction,
                    ] {
                        *t = r.redact(t);
                    }
                }
            }
            IntacctError::Malformed(t) | IntacctError::Protocol(t) => *t = r.redact(t),
            _ => {}
        }
        self
    }

    /// The layer and errors a pattern can be matched against.
    pub fn layer_errors(&self) -> Option<(Layer, u16, &[ApiError])> {
        match self {
            IntacctError::Control {
                http_status,
                errors,
            } => Some((Layer::Control, *http_status, errors)),
            IntacctError::Authentication { errors } => Some((Layer::Authentication, 200, errors)),
            IntacctError::Function { errors, .. } => Some((Layer::Function, 200, errors)),
            IntacctError::RateLimited { errors, .. } => Some((Layer::Http, 429, errors)),
            IntacctError::Server { status, .. } => Some((Layer::Http, *status, &[])),
            _ => None,
        }
    }
}

impl From<quick_xml::Error> for IntacctError {
    fn from(e: quick_xml::Error) -> Self {
        IntacctError::InvalidInput(format!("could not write the request: {e}"))
    }
}

impl From<std::io::Error> for IntacctError {
    fn from(e: std::io::Error) -> Self {
        IntacctError::InvalidInput(format!("could not write the request: {e}"))
    }
}

fn describe(what: &str, status: u16, errors: &[ApiError]) -> String {
    let http = if status != 200 {
        format!(" (HTTP {status})")
    } else {
        String::new()
    };
    // The rollback notice hides the real cause: show the first other error first.
    let mut ordered: Vec<&ApiError> = errors
        .iter()
        .filter(|e| e.errorno != "XL03000009")
        .collect();
    ordered.extend(errors.iter().filter(|e| e.errorno == "XL03000009"));
    let list: Vec<String> = ordered.iter().map(|e| e.to_string()).collect();
    if list.is_empty() {
        format!("{what}{http}")
    } else {
        format!("{what}{http}: {}", list.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_passwords_never_reach_the_error_text() {
        let r = Redactor::new().with("CANARY-USER-PASSWORD");
        let e = IntacctError::Authentication {
            errors: vec![ApiError {
                errorno: "XL03000006".into(),
                description2: "Sign-in failed for password CANARY-USER-PASSWORD".into(),
                correction: "<password>CANARY-USER-PASSWORD</password>".into(),
                ..Default::default()
            }],
        }
        .redacted(&r);
        let text = format!("{e} {e:?}");
        assert!(!text.contains("CANARY"), "{text}");
        assert!(text.contains("XL03000006"));
        let m = IntacctError::Malformed("at <sessionid>CANARY-SESSION</sessionid>".into());
        assert!(!m.redacted(&r).to_string().contains("CANARY"));
    }

    #[test]
    fn rollback_notice_comes_after_the_root_cause() {
        let e = IntacctError::Function {
            function: "query".into(),
            status: "aborted".into(),
            errors: vec![
                ApiError {
                    errorno: "XL03000009".into(),
                    description2: "rolled back".into(),
                    ..Default::default()
                },
                ApiError {
                    errorno: "PL04000005".into(),
                    description2: "no permission".into(),
                    ..Default::default()
                },
            ],
        };
        assert_eq!(
            e.to_string(),
            "query aborted: PL04000005: no permission; XL03000009: rolled back"
        );
        assert_eq!(e.layer_errors().unwrap().0, Layer::Function);
    }
}
