//! Oracle's published vectors (NetSuite help, section 1534941088): V1 REST and
//! V3 SOAP passport. Inputs and expected signatures come from the vendor page.

use super::*;

const CK: &str = "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4";
const CS: &str = "d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5";
const TOKEN: &str = "2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc";
const TS: &str = "c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295";
const NONCE: &str = "fjaLirsIcCGVZWzBX0pg";
const TIMESTAMP: &str = "1508242306";

fn v1_params() -> Vec<(String, String)> {
    [
        ("oauth_consumer_key", CK),
        ("oauth_nonce", NONCE),
        ("oauth_signature_method", "HMAC-SHA256"),
        ("oauth_timestamp", TIMESTAMP),
        ("oauth_token", TOKEN),
        ("oauth_version", "1.0"),
        ("realm", "123456"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

#[test]
fn v1_rest_signature() {
    let base = base_string(
        "GET",
        "https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40",
        &v1_params(),
    );
    assert!(base.starts_with("GET&https%3A%2F%2F123456.suitetalk.api.netsuite.com%2Fservices"));
    assert!(!base.contains("realm"), "realm is not signed");
    assert_eq!(
        sign(&base, CS, TS),
        "B5OIWznZ2YP0OB7VrJrGkYsTh+8H+5T9Hag+o92q0zY="
    );
}

#[test]
fn v3_soap_passport_signature() {
    let base = format!("123456&{CK}&{TOKEN}&{NONCE}&{TIMESTAMP}");
    assert_eq!(
        sign(&base, CS, TS),
        "tIcC5zyKUmycB5Ml/cNxOHDusw03Y5KPQiXVNUHHp4U="
    );
}

#[test]
fn v1_with_wrong_method_host_or_secret_does_not_verify() {
    let good = "B5OIWznZ2YP0OB7VrJrGkYsTh+8H+5T9Hag+o92q0zY=";
    let url = "https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40";
    let post = sign(&base_string("POST", url, &v1_params()), CS, TS);
    let sandbox = sign(
        &base_string("GET", &url.replace("123456.", "123456-sb1."), &v1_params()),
        CS,
        TS,
    );
    let other_secret = sign(&base_string("GET", url, &v1_params()), CS, "x");
    for sig in [post, sandbox, other_secret] {
        assert!(!signatures_match(&sig, good));
    }
    assert!(signatures_match(good, good));
}

#[test]
fn header_parsing_decodes_and_rejects_duplicates_and_empties() {
    let h = OAuthHeader::parse(
        r#"OAuth realm="123456_SB1", oauth_token="t", oauth_signature="ab%2Bc%3D""#,
    )
    .unwrap();
    assert_eq!(h.get("realm"), Some("123456_SB1"));
    assert_eq!(h.get("oauth_signature"), Some("ab+c="));
    assert_eq!(
        OAuthHeader::parse(r#"OAuth oauth_token="a", oauth_token="b""#),
        Err(HeaderError::Duplicated("oauth_token".into()))
    );
    assert_eq!(
        OAuthHeader::parse(r#"OAuth oauth_nonce="""#),
        Err(HeaderError::Empty("oauth_nonce".into()))
    );
    assert_eq!(OAuthHeader::parse("Bearer x"), Err(HeaderError::NotOAuth));
    assert!(matches!(
        OAuthHeader::parse("OAuth oauth_token=unquoted"),
        Err(HeaderError::Malformed(_))
    ));
}

#[test]
fn query_parameters_are_signed_with_rfc3986_encoding() {
    let mut params = v1_params();
    params.extend(form_pairs("q=a+b%21&limit=5"));
    let base = base_string("GET", "https://h.example/p", &params);
    // A space is %20 (never +), and "!" is encoded; the whole list is encoded once more.
    assert!(base.contains("q%3Da%2520b%2521"), "{base}");
    assert!(base.contains("limit%3D5"), "{base}");
}
