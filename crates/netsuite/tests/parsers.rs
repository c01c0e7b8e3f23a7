//! Property tests of every NetSuite parser of outside input: JSON error
//! bodies, token responses, the pasted OAuth redirect address, account IDs,
//! private keys and certificates. None may panic or hang on any input.
//! CI runs proptest's default 256 cases; `PROPTEST_CASES` raises it (see
//! docs/fuzzing.md for the long run).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::{Redactor, Secret};
use onramp_netsuite::checks::certificate::parse_certificate;
use onramp_netsuite::errors::from_response;
use onramp_netsuite::oauth2::m2m::DEFAULT_ASSERTION_LIFETIME;
use onramp_netsuite::oauth2::redirect::parse_redirect;
use onramp_netsuite::oauth2::{
    ClientKind, CodeClient, CodeClientConfig, KeyAlgorithm, M2mClient, M2mConfig, RedirectUri,
    Scope, State, TokenSet,
};
use onramp_netsuite::Account;
use onramp_sim::standin;
use proptest::prelude::*;
use serde_json::{json, Value};
use time::OffsetDateTime;

/// Any JSON value, a few levels deep, with the keys NetSuite and OAuth use.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("error".to_string()),
        Just("error_description".to_string()),
        Just("o:errorDetails".to_string()),
        Just("o:errorCode".to_string()),
        Just("detail".to_string()),
        Just("title".to_string()),
        Just("status".to_string()),
        Just("access_token".to_string()),
        Just("refresh_token".to_string()),
        Just("token_type".to_string()),
        Just("expires_in".to_string()),
        Just("scope".to_string()),
        "[a-z_:]{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (0i64..1_000_000_000).prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(key.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn bytes_or_json() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        json_value().prop_map(|v| v.to_string().into_bytes()),
    ]
}

proptest! {
    #[test]
    fn error_bodies_never_panic(status in 100u16..600, www in proptest::option::of(".{0,80}"), body in bytes_or_json()) {
        let e = from_response(status, www.as_deref(), &body, &Redactor::new());
        prop_assert!(!e.to_string().is_empty());
    }

    #[test]
    fn pasted_redirect_addresses_never_panic(input in prop_oneof![
        ".{0,200}",
        "(https://app\\.example/callback|com\\.onramp\\.app://oauth/callback)[?#&=a-z0-9%_ .-]{0,80}",
    ]) {
        let expected = RedirectUri::parse("https://app.example/callback").unwrap();
        let state = State::random();
        if let Ok(r) = parse_redirect(&input, &expected, &state) {
            // Only an address carrying this attempt's state is accepted.
            prop_assert!(input.contains(state.as_str()), "{:?}", r.code.len());
        }
        let _ = RedirectUri::parse(&input);
        let _ = State::from_saved(&input);
    }

    #[test]
    fn account_ids_never_panic(input in ".{0,80}") {
        if let Ok(a) = Account::parse(&input) {
            prop_assert!(!a.to_string().is_empty());
        }
    }

    #[test]
    fn keys_and_certificates_never_panic(body in prop::collection::vec(any::<u8>(), 0..600), label in prop_oneof![
        Just("CERTIFICATE"), Just("PRIVATE KEY"), Just("EC PRIVATE KEY"), Just("RSA PRIVATE KEY"), Just("X")
    ]) {
        let b64 = base64::engine::general_purpose::STANDARD.encode(&body);
        for text in [
            format!("-----BEGIN {label}-----\n{b64}\n-----END {label}-----\n"),
            String::from_utf8_lossy(&body).into_owned(),
        ] {
            let _ = parse_certificate(&text);
            let _ = KeyAlgorithm::detect(&text);
            let _ = M2mClient::new(m2m_config("http://127.0.0.1:9", Secret::new(text)));
        }
    }
}

fn m2m_config(base: &str, key: Secret<String>) -> M2mConfig {
    M2mConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: "client-id".into(),
        certificate_id: "cert-id".into(),
        algorithm: KeyAlgorithm::Es256,
        private_key_pem: key,
        scopes: vec![Scope::RestWebServices],
        assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(base).unwrap()),
        },
        timeout: Duration::from_secs(5),
    }
}

/// Token responses: one stand-in token endpoint answers each generated body
/// to both the refresh request and the M2M request.
#[test]
fn token_responses_never_panic() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let body: Arc<Mutex<(u16, Vec<u8>)>> = Arc::default();
    let served = body.clone();
    let server = rt.block_on(standin::answering(move |_| {
        let (status, b) = served.lock().unwrap().clone();
        standin::reply(status, "application/json", b)
    }));
    let now = OffsetDateTime::now_utc();
    let key = onramp_netsuite::oauth2::generate(KeyAlgorithm::Es256, "t", 30, now)
        .unwrap()
        .private_key_pem;
    let m2m = M2mClient::new(m2m_config(&server.base, key)).unwrap();
    let code = CodeClient::new(CodeClientConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: "client-id".into(),
        client_secret: Some(Secret::new("client-secret".into())),
        redirect_uri: RedirectUri::parse("https://app.example/callback").unwrap(),
        scopes: vec![Scope::RestWebServices],
        kind: ClientKind::Confidential,
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&server.base).unwrap()),
        },
        timeout: Duration::from_secs(5),
    })
    .unwrap();
    let statuses = prop_oneof![Just(200u16), Just(400), Just(401), 100u16..600];
    proptest!(|(status in statuses, b in bytes_or_json())| {
        *body.lock().unwrap() = (status, b);
        let mut tokens = TokenSet {
            access_token: Secret::new("a".into()),
            refresh_token: Some(Secret::new("r".into())),
            scopes: vec![],
            access_expires_at: now,
            refresh_expires_at: None,
            consented_at: now,
            owner: None,
        };
        let refreshed = rt.block_on(code.refresh(&mut tokens, OffsetDateTime::now_utc()));
        if refreshed.is_ok() {
            prop_assert!(status < 300);
        }
        let token = rt.block_on(m2m.token(OffsetDateTime::now_utc()));
        if token.is_ok() {
            prop_assert!(status < 300);
        }
    });
}
