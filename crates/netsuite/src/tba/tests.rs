use super::*;

// Oracle's common inputs (ORA:section_1534941088).
fn oracle_creds() -> TbaCredentials {
    TbaCredentials {
        consumer_key: "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4".into(),
        consumer_secret: "d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5".into(),
        token_id: "2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc".into(),
        token_secret: "c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295".into(),
    }
}
const NONCE: &str = "fjaLirsIcCGVZWzBX0pg";
const TS: u64 = 1508242306;

#[test]
fn oracle_v1_rest_get_employee() {
    let url =
        Url::parse("https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40")
            .unwrap();
    let s = sign(&oracle_creds(), "GET", &url, "123456", NONCE, TS);
    assert_eq!(s.signature, "B5OIWznZ2YP0OB7VrJrGkYsTh+8H+5T9Hag+o92q0zY=");
    // Percent-encoded inside the header; realm present in the header only.
    assert!(s
        .header
        .ends_with("oauth_signature=\"B5OIWznZ2YP0OB7VrJrGkYsTh%2B8H%2B5T9Hag%2Bo92q0zY%3D\""));
    assert!(s.header.starts_with("OAuth realm=\"123456\", "));
    assert!(!s.base_string.contains("realm"));
}

#[test]
fn oracle_v3_soap_passport() {
    let s = passport_signature(&oracle_creds(), "123456", NONCE, TS);
    assert_eq!(s.signature, "tIcC5zyKUmycB5Ml/cNxOHDusw03Y5KPQiXVNUHHp4U=");
    assert!(s.base_string.starts_with("123456&ef40afdd"));
}

// RFC 5849 §3.4.1.1's worked example: query and form parameters, an encoded
// `%3D%253D`, a `+` meaning space, and an empty value.
#[test]
fn rfc5849_base_string_example() {
    let url = Url::parse("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b").unwrap();
    let oauth = [
        ("oauth_consumer_key", "9djdj82h48djs9d2"),
        ("oauth_token", "kkk9d7dh3k39sjv7"),
        ("oauth_signature_method", "HMAC-SHA1"),
        ("oauth_timestamp", "137131201"),
        ("oauth_nonce", "7d8f3e4a"),
    ];
    let body = [("c2", ""), ("a3", "2 q")];
    assert_eq!(
        base_string("POST", &url, &oauth, &body),
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q\
%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9dj\
dj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1\
%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
    );
}

#[test]
fn query_params_signed_but_not_in_header() {
    let url = Url::parse(
        "https://123456.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=10&offset=0",
    )
    .unwrap();
    let s = sign(&oracle_creds(), "post", &url, "123456", NONCE, TS);
    assert!(s
        .base_string
        .starts_with("POST&https%3A%2F%2F123456.suitetalk"));
    // Encoded then sorted: limit < oauth_* < offset.
    assert!(s
        .base_string
        .contains("suiteql&limit%3D10%26oauth_consumer_key%3Def40afdd"));
    assert!(s
        .base_string
        .ends_with("oauth_token%3D2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc%26oauth_version%3D1.0%26offset%3D0"));
    assert!(!s.header.contains("limit"));
    assert!(!s.base_string.contains("%3Fl"));
}

#[test]
fn space_is_percent_20_and_sorting_follows_encoding() {
    assert_eq!(encode("a b+c~"), "a%20b%2Bc~");
    assert_eq!(encode("ä"), "%C3%A4");
    // "A" (0x41) sorts before "a" (0x61) and "%" before letters: byte order of the encoded form.
    let url = Url::parse("https://h.example/p?b=1&a=2&A=3&%21=4").unwrap();
    let b = base_string("GET", &url, &[], &[]);
    assert!(b.ends_with(&encode("%21=4&A=3&a=2&b=1")), "{b}");
}

#[test]
fn fresh_nonce_every_time() {
    let a = fresh_nonce();
    let b = fresh_nonce();
    assert_eq!(a.len(), 20);
    assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
    assert_ne!(a, b);
    let url = Url::parse("https://123456.suitetalk.api.netsuite.com/x").unwrap();
    let e1 = explain(&oracle_creds(), "GET", &url, "123456", None, None);
    let e2 = explain(&oracle_creds(), "GET", &url, "123456", None, None);
    assert_ne!(e1.signature, e2.signature);
    let fixed = explain(
        &oracle_creds(),
        "GET",
        &url,
        "123456",
        Some(NONCE),
        Some(TS),
    );
    assert_eq!(
        fixed,
        sign(&oracle_creds(), "GET", &url, "123456", NONCE, TS)
    );
}
