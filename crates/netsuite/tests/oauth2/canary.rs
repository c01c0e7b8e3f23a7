//! No secret in any error text: distinctive canary values are planted through
//! every error path a NetSuite OAuth 2.0 exchange can reach (a token response
//! that does not parse, an error that echoes the secret, a REST error that
//! echoes the bearer token, a redirect that carries a code), and none may show
//! up in an error, a diagnosis, a run record, an HTML report, a setup profile
//! or the log.

use std::io::Write;
use std::sync::{Arc, Mutex};

use onramp_core::observed::{NsObserved, Observed};
use onramp_core::profile::AuthMethod;
use onramp_core::report::RunRecord;
use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::{CheckResult, Secret};
use onramp_netsuite::checks::{suite, NetSuiteCheckContext, AUTH};
use onramp_netsuite::oauth2::diagnose::{self, Stage};
use onramp_netsuite::oauth2::{OAuthError, State, TokenSet};
use onramp_netsuite::{observe, profiles, Account, ClientOptions, Credentials, NetSuiteClient};
use time::OffsetDateTime;

use crate::mock::{Answer, Mock};
use crate::oracle_samples::{code_client, redirect_answer, VERIFIER};

const CANARIES: &[&str] = &[
    "client-secret-value", // the code client's secret (oracle_samples::code_client)
    "CANARY-NEW-ACCESS-5c1e",
    "CANARY-NEW-REFRESH-5c1e",
    "CANARY-STORED-REFRESH-5c1e",
    "eyJCANARY-BEARER-5c1e.payload.sig",
    "CANARY-CODE-5c1e",
    "authorization-code-value", // redirect_answer()'s code
    VERIFIER,
];

/// Log lines written while the test runs.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn assert_clean(what: &str, text: &str) {
    for c in CANARIES {
        assert!(!text.contains(c), "{what} shows the secret {c:?}:\n{text}");
    }
}

/// The failing check Onramp records for a refused token request.
fn refused(stage: Stage, e: &OAuthError) -> CheckResult {
    let mut r = CheckResult::fail(
        AUTH,
        "NetSuite sign-in",
        format!("NetSuite did not issue the OAuth 2.0 token: {e}"),
        diagnose::diagnose(stage, e),
    );
    if let Some(code) = e.error_code() {
        r = r.with_evidence("OAuth error", code);
    }
    r
}

#[tokio::test(flavor = "current_thread")]
async fn no_canary_reaches_an_error_a_record_a_report_or_the_log() {
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let mock = Mock::start(Answer::json(200, "{}")).await;
    let client = code_client(&mock);
    let now = OffsetDateTime::now_utc();
    let mut errors: Vec<(Stage, OAuthError)> = Vec::new();

    // 1. A 200 whose body does not parse holds brand-new tokens.
    for body in [
        r#"{"access_token":"CANARY-NEW-ACCESS-5c1e","refresh_token":"CANARY-NEW-REFRESH-5c1e","expires_in":"soon"}"#,
        r#"{"access_token":"CANARY-NEW-ACCESS-5c1e","refresh_token":7}"#,
        "access_token=CANARY-NEW-ACCESS-5c1e&refresh_token=CANARY-NEW-REFRESH-5c1e",
    ] {
        mock.answer(Answer::json(200, body));
        let e = client
            .exchange_code(&redirect_answer(), VERIFIER, now)
            .await
            .unwrap_err();
        errors.push((Stage::CodeExchange, e));
    }
    // 2. An OAuth error that echoes what was sent.
    let mut tokens = TokenSet {
        access_token: Secret::from("x"),
        refresh_token: Some(Secret::from("CANARY-STORED-REFRESH-5c1e")),
        scopes: vec![],
        access_expires_at: now,
        refresh_expires_at: None,
        consented_at: now,
        owner: None,
    };
    mock.answer(Answer::json(
        400,
        r#"{"error":"invalid_grant","error_description":"refresh_token CANARY-STORED-REFRESH-5c1e of client_secret client-secret-value is expired"}"#,
    ));
    errors.push((
        Stage::Refresh,
        client.refresh(&mut tokens, now).await.unwrap_err(),
    ));
    // 3. A proxy's page that quotes the request form.
    mock.answer(Answer::json(
        502,
        "bad gateway for grant_type=authorization_code&code=authorization-code-value&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    ));
    let e = client
        .exchange_code(&redirect_answer(), VERIFIER, now)
        .await
        .unwrap_err();
    errors.push((Stage::CodeExchange, e));
    // 4. Revocation refused with the token echoed.
    mock.answer(Answer::json(
        400,
        r#"{"error":"unsupported_token_type","error_description":"CANARY-STORED-REFRESH-5c1e"}"#,
    ));
    let e = client
        .revoke(&Secret::from("CANARY-STORED-REFRESH-5c1e"))
        .await
        .unwrap_err();
    errors.push((Stage::Revoke, e));
    // 5. Redirects carrying a code: an error redirect quoting it, a foreign address.
    let state = State::from_saved("abcdefghijklmnopqrstuvwxyz").unwrap();
    for returned in [
        "com.onramp.app://oauth/callback?state=abcdefghijklmnopqrstuvwxyz&error=access_denied&error_description=denied%20code%3DCANARY-CODE-5c1e",
        "https://elsewhere.example/cb?state=abcdefghijklmnopqrstuvwxyz&code=CANARY-CODE-5c1e",
    ] {
        let e = client.parse_redirect(returned, &state).unwrap_err();
        errors.push((Stage::Authorize, e));
    }

    // 6. NetSuite's REST API echoing the bearer token, through the whole check suite.
    mock.answer(Answer {
        status: 401,
        body: r#"{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2","title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"Invalid login attempt with token eyJCANARY-BEARER-5c1e.payload.sig","o:errorCode":"INVALID_LOGIN"}]}"#.into(),
        www_authenticate: Some(
            r#"Bearer realm="1234567", error="invalid_token", error_description="Token eyJCANARY-BEARER-5c1e.payload.sig is not valid.""#.into(),
        ),
    });
    let rest = NetSuiteClient::new(
        Account::parse("1234567").unwrap(),
        Credentials::Bearer(Secret::from("eyJCANARY-BEARER-5c1e.payload.sig")),
        ClientOptions {
            endpoints: mock.endpoints(),
            max_retries: 0,
            ..ClientOptions::default()
        },
    )
    .unwrap();
    let rest_error = rest.server_time().await.unwrap_err();
    assert_clean("a REST error", &format!("{rest_error} {rest_error:?}"));
    let mut ctx = NetSuiteCheckContext::new(Arc::new(rest), "1234567");
    ctx.audit_detail = Some("InvalidSignature".into());
    let profile = profiles::builtin("netsuite-readonly-reporting").unwrap();
    let (summary, mut checks) =
        run_suite(suite(ctx, &profile), RunOptions::default(), |_| {}).await;

    for (stage, e) in &errors {
        assert_clean("an error", &format!("{e} | {e:?}"));
        let d = diagnose::diagnose(*stage, e);
        assert_clean(
            "a diagnosis",
            &format!("{} {} {}", d.cause, d.fix, d.where_),
        );
        checks.push(refused(*stage, e));
    }
    let facts = observe::account_facts(
        &Account::parse("1234567").unwrap(),
        &profile,
        AuthMethod::Oauth2Code,
    );
    let record = RunRecord::new(
        facts,
        Observed::Netsuite(NsObserved::default()),
        checks,
        Some(summary),
    );
    assert_clean("the run record", &record.to_json());
    assert_clean("the HTML report", &record.to_html());
    assert_clean(
        "the setup profile",
        &serde_json::to_string(&record.setup_profile()).unwrap(),
    );
    let logged = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    assert!(!logged.is_empty(), "the log was captured");
    assert_clean("the log", &logged);
}
