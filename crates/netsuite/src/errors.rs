//! Typed NetSuite errors: the REST error bodies Oracle documents, the bearer
//! challenge, and transport failures a person can act on.

use onramp_core::http::HttpError;
use onramp_core::Redactor;
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum NetSuiteError {
    /// 401 INVALID_LOGIN: identical for every TBA failure; the reason is only
    /// in the Login Audit Trail.
    #[error("NetSuite refused the login (INVALID_LOGIN): {detail}")]
    InvalidLogin { detail: String },
    /// 401 with `WWW-Authenticate: Bearer …` for an OAuth 2.0 access token.
    #[error("NetSuite refused the access token ({error}): {description}")]
    BearerRejected {
        error: String,
        description: String,
        realm: Option<String>,
    },
    /// 400 USER_ERROR, e.g. the role lacks REST Web Services or token login.
    #[error("NetSuite reported a user error: {detail}")]
    UserError { detail: String },
    #[error("the role lacks a permission{}: {detail}", permission.as_ref().map(|p| format!(" ('{p}')")).unwrap_or_default())]
    InsufficientPermission {
        /// Display path from "You need the 'Lists -> Currency' permission", when given.
        permission: Option<String>,
        detail: String,
    },
    #[error("the account's concurrent request limit was exceeded")]
    ConcurrencyLimitExceeded,
    #[error("the record does not exist: {detail}")]
    NonexistentId { detail: String },
    #[error("NetSuite rejected a parameter: {detail}")]
    InvalidParameter { detail: String },
    #[error("NetSuite could not understand the request: {detail}")]
    InvalidRequest { detail: String },
    #[error("NetSuite rejected the content{}: {detail}", path.as_ref().map(|p| format!(" at {p}")).unwrap_or_default())]
    InvalidContent {
        detail: String,
        path: Option<String>,
    },
    #[error("NetSuite had an unexpected error{}: {detail}", error_id.as_ref().map(|i| format!(" (Error ID {i})")).unwrap_or_default())]
    UnexpectedError {
        error_id: Option<String>,
        detail: String,
    },
    /// Any other documented-shape error (e.g. INVALID_HEADER).
    #[error("NetSuite answered HTTP {status} {code}: {detail}")]
    Api {
        status: u16,
        code: String,
        detail: String,
    },
    #[error("NetSuite answered HTTP {status} with a body that is not JSON: {snippet}")]
    NotJson { status: u16, snippet: String },
    #[error(transparent)]
    Http(#[from] HttpError),
    /// Refused before sending because NetSuite would reject it (e.g. paging rules).
    #[error("request not sent: {0}")]
    Refused(String),
    #[error("cancelled")]
    Cancelled,
    #[error("the run's deadline was reached")]
    DeadlineReached,
}

impl NetSuiteError {
    /// The `o:errorCode` this error stands for, when it came from NetSuite.
    pub fn code(&self) -> Option<&str> {
        Some(match self {
            Self::InvalidLogin { .. } => "INVALID_LOGIN",
            Self::UserError { .. } => "USER_ERROR",
            Self::InsufficientPermission { .. } => "INSUFFICIENT_PERMISSION",
            Self::ConcurrencyLimitExceeded => "CONCURRENCY_LIMIT_EXCEEDED",
            Self::NonexistentId { .. } => "NONEXISTENT_ID",
            Self::InvalidParameter { .. } => "INVALID_PARAMETER",
            Self::InvalidRequest { .. } => "INVALID_REQUEST",
            Self::InvalidContent { .. } => "INVALID_CONTENT",
            Self::UnexpectedError { .. } => "UNEXPECTED_ERROR",
            Self::Api { code, .. } => code,
            _ => return None,
        })
    }

    /// Replaces secrets in every text that came from NetSuite.
    fn redact(&mut self, r: &Redactor) {
        let texts: Vec<&mut String> = match self {
            Self::InvalidLogin { detail }
            | Self::UserError { detail }
            | Self::NonexistentId { detail }
            | Self::InvalidParameter { detail }
            | Self::InvalidRequest { detail } => vec![detail],
            Self::BearerRejected {
                error, description, ..
            } => vec![error, description],
            Self::InsufficientPermission { permission, detail } => {
                permission.iter_mut().chain([detail]).collect()
            }
            Self::InvalidContent { detail, path } => path.iter_mut().chain([detail]).collect(),
            Self::UnexpectedError { error_id, detail } => {
                error_id.iter_mut().chain([detail]).collect()
            }
            Self::Api { code, detail, .. } => vec![code, detail],
            Self::NotJson { snippet, .. } => vec![snippet],
            _ => vec![],
        };
        for t in texts {
            *t = r.redact(t);
        }
    }

    /// Whether NetSuite refused who we are (as opposed to what we asked).
    pub fn is_auth(&self) -> bool {
        matches!(
            self,
            Self::InvalidLogin { .. } | Self::BearerRejected { .. }
        )
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "o:errorCode")]
    code: Option<String>,
    #[serde(rename = "o:errorDetails", default)]
    details: Vec<ErrorDetail>,
    title: Option<String>,
    /// RESTlets answer errors as `{"error":{"code":…,"message":…}}` instead.
    error: Option<RestletError>,
}

#[derive(Deserialize)]
struct RestletError {
    code: Option<String>,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct ErrorDetail {
    #[serde(default)]
    detail: String,
    #[serde(rename = "o:errorCode")]
    code: Option<String>,
    #[serde(rename = "o:errorPath")]
    path: Option<String>,
}

/// Maps a non-2xx response to a typed error. Every text NetSuite sent goes
/// through `redactor` first: details can echo the token or secret sent.
pub fn from_response(
    status: u16,
    www_authenticate: Option<&str>,
    body: &[u8],
    redactor: &Redactor,
) -> NetSuiteError {
    let mut e = parse_response(status, www_authenticate, body, redactor);
    e.redact(redactor);
    e
}

fn parse_response(
    status: u16,
    www_authenticate: Option<&str>,
    body: &[u8],
    redactor: &Redactor,
) -> NetSuiteError {
    if let Some(challenge) = www_authenticate.filter(|c| c.trim_start().starts_with("Bearer")) {
        let params = parse_challenge(challenge);
        let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        return NetSuiteError::BearerRejected {
            error: get("error").unwrap_or_else(|| "invalid_token".into()),
            description: get("error_description").unwrap_or_default(),
            realm: get("realm"),
        };
    }
    let parsed: ErrorBody = match serde_json::from_slice(body) {
        Ok(b) => b,
        Err(_) if status == 429 => return NetSuiteError::ConcurrencyLimitExceeded,
        Err(_) => {
            return NetSuiteError::NotJson {
                status,
                snippet: redactor.snippet(body, 120),
            }
        }
    };
    let first = parsed.details.first();
    let detail = first
        .map(|d| d.detail.clone())
        .or(parsed.title.clone())
        .or_else(|| parsed.error.as_ref().map(|e| e.message.clone()))
        .unwrap_or_default();
    // Oracle's 429 sample carries USER_ERROR at top level and the real code in the detail.
    let code = first
        .and_then(|d| d.code.clone())
        .or(parsed.code)
        .or_else(|| parsed.error.and_then(|e| e.code))
        .unwrap_or_default();
    match code.as_str() {
        "INVALID_LOGIN" | "INVALID_LOGIN_ATTEMPT" => NetSuiteError::InvalidLogin { detail },
        "CONCURRENCY_LIMIT_EXCEEDED" => NetSuiteError::ConcurrencyLimitExceeded,
        _ if status == 429 => NetSuiteError::ConcurrencyLimitExceeded,
        "USER_ERROR" => NetSuiteError::UserError { detail },
        "INSUFFICIENT_PERMISSION" => NetSuiteError::InsufficientPermission {
            permission: permission_named(&detail),
            detail,
        },
        "NONEXISTENT_ID" => NetSuiteError::NonexistentId { detail },
        "INVALID_PARAMETER" => NetSuiteError::InvalidParameter { detail },
        "INVALID_REQUEST" => NetSuiteError::InvalidRequest { detail },
        "INVALID_CONTENT" => NetSuiteError::InvalidContent {
            path: first.and_then(|d| d.path.clone()),
            detail,
        },
        "UNEXPECTED_ERROR" => NetSuiteError::UnexpectedError {
            error_id: detail
                .split("Error ID:")
                .nth(1)
                .map(|s| s.trim().trim_end_matches('.').to_string())
                .filter(|s| !s.is_empty()),
            detail,
        },
        _ => NetSuiteError::Api {
            status,
            code,
            detail,
        },
    }
}

/// "You need the 'Lists -> Currency' permission" → `Lists -> Currency`.
pub fn permission_named(detail: &str) -> Option<String> {
    let rest = detail.split("You need the '").nth(1)?;
    let end = rest.find("' permission")?;
    Some(rest[..end].to_string())
}

/// `Bearer realm="123456", error="invalid_token", …` → name/value pairs.
fn parse_challenge(challenge: &str) -> Vec<(String, String)> {
    let rest = challenge.trim_start().trim_start_matches("Bearer").trim();
    let mut out = Vec::new();
    let mut chars = rest.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let name: String = chars.by_ref().take_while(|c| *c != '=').collect();
        if name.is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            value = chars.by_ref().take_while(|c| *c != ',').collect();
        }
        out.push((name.trim().to_string(), value.trim().to_string()));
    }
    out
}

#[cfg(test)]
mod tests;
