//! `grant_type=client_credentials`: verifies the JWT client assertion with the
//! public key of the certificate mapped under its `kid`, with this simulator's
//! own checks (algorithm allow-list, iss, aud, lifetime, expiry, scope).

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use jsonwebtoken::{Algorithm, Validation};
use serde_json::Value;

use super::super::state::NsState;
use super::certs::public_key;
use super::grants::{self, access_jwt, token_body, AccessGrant, ACCESS_LIFETIME};
use super::record::{self, Who};
use super::token::{Form, Refused};
use super::with_account;

pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const ALLOWED: [&str; 6] = ["PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

pub fn client_credentials(
    state: &NsState,
    account: &str,
    form: &Form,
) -> Result<(Value, Who), Refused> {
    let nobody = Who::default();
    let reject = |detail, note: &str, who: &Who| Refused::new(detail, "invalid_grant", who, note);
    if form.get("client_assertion_type").map(String::as_str) != Some(ASSERTION_TYPE) {
        return Err(Refused::new(
            "InvalidRequest",
            "invalid_request",
            &nobody,
            "client_assertion_type must be the jwt-bearer URN",
        ));
    }
    let jwt = form.get("client_assertion").ok_or_else(|| {
        Refused::new(
            "InvalidRequest",
            "invalid_request",
            &nobody,
            "client_assertion is missing",
        )
    })?;
    let (header, claims) = split(jwt).ok_or_else(|| {
        Refused::new(
            "InvalidRequest",
            "invalid_request",
            &nobody,
            "the assertion is not a JWT",
        )
    })?;
    let alg = header["alg"].as_str().unwrap_or_default().to_string();
    if !ALLOWED.contains(&alg.as_str()) {
        return Err(reject(
            "UnsupportedAlgo",
            &format!("alg {alg} is not one of {ALLOWED:?}"),
            &nobody,
        ));
    }
    let Some(kid) = header["kid"].as_str().map(str::to_string) else {
        return Err(reject("MissingKeyId", "the JWT header has no kid", &nobody));
    };
    let iss = claims["iss"].as_str().unwrap_or_default().to_string();
    let now = state.clock.now();
    let settings = &state.scenario.oauth2;
    with_account(state, account, |a| {
        let Some(client) = a.integration_by_key(&iss).cloned() else {
            return Err(reject(
                "UnknownIntegration",
                "iss is not the client ID of an integration record",
                &nobody,
            ));
        };
        let who = Who::app(&client);
        record::gate(a, &client)
            .map_err(|d| Refused::new(d, &settings.refused_client_error, &who, ""))?;
        if !client.oauth2.client_credentials || client.oauth2.public_client {
            return Err(Refused::new(
                "InvalidGrantType",
                "unauthorized_client",
                &who,
                "Client Credentials (M2M) Grant is not enabled for this (confidential) integration",
            ));
        }
        let Some(mapping) = a
            .oauth2
            .certificates
            .iter()
            .find(|c| c.certificate_id == kid && c.integration == client.id && !c.revoked)
            .cloned()
        else {
            return Err(reject(
                "MissingKey",
                "no active certificate of this integration has this Certificate ID",
                &who,
            ));
        };
        let who = who.person(a, mapping.entity, mapping.role);
        let key =
            public_key(&mapping.certificate_pem).map_err(|e| reject("MissingKey", &e, &who))?;
        if now >= key.not_after {
            return Err(reject(
                "SignatureValidation",
                "the mapped certificate has expired",
                &who,
            ));
        }
        let algorithm: Algorithm = alg.parse().map_err(|_| {
            reject(
                "SignatureValidation",
                "the simulator cannot verify ES512",
                &who,
            )
        })?;
        if !key.algorithms.contains(&algorithm) {
            return Err(reject(
                "InvalidSignature",
                "the algorithm does not fit the certificate's key",
                &who,
            ));
        }
        let mut validation = Validation::new(algorithm);
        validation.validate_exp = false; // checked below against the simulated clock
        validation.validate_aud = false;
        validation.required_spec_claims.clear();
        jsonwebtoken::decode::<Value>(jwt, &key.key, &validation)
            .map_err(|e| reject("InvalidSignature", &e.to_string(), &who))?;
        if claims["iss"].as_str() != Some(client.consumer_key.as_str()) {
            return Err(reject("InvalidIssuer", "iss must be the client ID", &who));
        }
        // Oracle's own sample uses the RESTlets domain, the table the SuiteTalk one: accept both.
        let token_urls = [
            a.host_label() + ".suitetalk.api.netsuite.com",
            a.host_label() + ".restlets.api.netsuite.com",
        ]
        .map(|h| format!("https://{h}/services/rest/auth/oauth2/v1/token"));
        let aud_ok = match &claims["aud"] {
            Value::String(s) => token_urls.contains(s),
            Value::Array(v) => v.iter().any(|x| {
                x.as_str()
                    .is_some_and(|s| token_urls.contains(&s.to_string()))
            }),
            _ => false,
        };
        if !aud_ok {
            return Err(reject(
                "TokenNotAcceptable",
                "aud must be the account's token URL",
                &who,
            ));
        }
        let (Some(iat), Some(exp)) = (claims["iat"].as_i64(), claims["exp"].as_i64()) else {
            return Err(reject(
                "TokenNotAcceptable",
                "iat and exp are required numbers",
                &who,
            ));
        };
        if exp.saturating_sub(iat) >= settings.max_assertion_lifetime_secs {
            return Err(reject(
                "TokenValidityTooBroad",
                &format!(
                    "exp − iat = {} s, not less than {} s",
                    exp.saturating_sub(iat),
                    settings.max_assertion_lifetime_secs
                ),
                &who,
            ));
        }
        let now_s = now.unix_timestamp();
        if iat > now_s + settings.assertion_iat_leeway_secs {
            return Err(reject(
                "TokenNotAcceptable",
                &format!(
                    "iat is {} s in the future of NetSuite's clock",
                    iat.saturating_sub(now_s)
                ),
                &who,
            ));
        }
        if exp <= now_s {
            return Err(reject(
                "TokenExpired",
                &format!(
                    "exp was {} s ago by NetSuite's clock",
                    now_s.saturating_sub(exp)
                ),
                &who,
            ));
        }
        let scopes = scopes(&claims["scope"], settings.accept_scope_string).ok_or_else(|| {
            Refused::new(
                "InvalidScope",
                "invalid_scope",
                &who,
                "scope must be an array (or a comma-separated string)",
            )
        })?;
        record::check_scopes(&scopes, &client.oauth2.scopes)
            .map_err(|d| Refused::new(d, "invalid_scope", &who, ""))?;
        record::check_principal(a, mapping.entity, mapping.role)
            .map_err(|n| reject("EntityOrRoleDisabled", &n, &who))?;
        let grant = AccessGrant {
            integration: client.id.clone(),
            employee: mapping.entity,
            role: mapping.role,
            scopes,
            expires_at: now + ACCESS_LIFETIME,
            refresh: None,
            revoked: false,
        };
        let access = access_jwt(state, account, &client.consumer_key, &grant, now);
        a.oauth2.access_tokens.insert(grants::key(&access), grant);
        Ok((token_body(&access, None), who))
    })
    .unwrap_or_else(|| {
        Err(Refused::new(
            "InvalidRequest",
            "invalid_request",
            &nobody,
            "no such account",
        ))
    })
}

/// Header and claims as JSON, before any verification (to find the key).
fn split(jwt: &str) -> Option<(Value, Value)> {
    let mut parts = jwt.split('.');
    let decode = |p: Option<&str>| -> Option<Value> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p?).ok()?).ok()
    };
    let header = decode(parts.next())?;
    let claims = decode(parts.next())?;
    (parts.next().is_some() && parts.next().is_none()).then_some((header, claims))
}

/// Oracle's sample uses an array; its table says comma-separated [I: both accepted when configured].
pub(super) fn scopes(v: &Value, accept_string: bool) -> Option<Vec<String>> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect(),
        Value::String(s) if accept_string => Some(
            s.split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        _ => None,
    }
}
