//! Property tests of the core parsers of outside input: setup profiles and
//! run records, connector profiles, endpoint URLs, and size-capped reads.
//! None may panic; CI runs proptest's default 256 cases, `PROPTEST_CASES`
//! raises it (docs/fuzzing.md).

use std::io::Write;

use onramp_core::files::{read_capped, ReadError};
use onramp_core::http::EndpointOverride;
use onramp_core::observed::{parse_any, parse_run_record, parse_setup_profile};
use onramp_core::profile::{parse_json, parse_toml};
use proptest::prelude::*;
use serde_json::{json, Value};

/// JSON shaped like Onramp's files: the right kinds and versions, random
/// fields and values, so parsing gets past the first checks.
fn onramp_json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        Just(Value::from("2025-02-30T10:00:00Z")),
        Just(Value::from("netsuite")),
        Just(Value::from("intacct")),
    ];
    let value = leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    let kind = prop_oneof![
        Just("onramp-setup-profile"),
        Just("onramp-run-record"),
        Just("onramp-connector-profile"),
    ];
    (kind, 0u32..3, value.clone(), value.clone(), value).prop_map(
        |(k, v, setup, observed, checks)| {
            json!({
                "kind": k, "schema_version": v, "setup": setup, "observed": observed,
                "checks": checks, "generated_at": "2025-01-01T00:00:00Z", "app_version": "0.1.0",
            })
            .to_string()
        },
    )
}

proptest! {
    #[test]
    fn profile_and_record_files_never_panic(text in prop_oneof![".{0,400}", onramp_json()]) {
        let _ = parse_setup_profile(&text);
        let _ = parse_any(&text);
        let _ = parse_run_record(&text);
        let _ = parse_json(&text);
        let _ = parse_toml(&text);
    }

    #[test]
    fn endpoint_urls_never_panic_and_map_back(base in ".{0,60}", host in "[a-z0-9-]{1,12}\\.[a-z]{2,6}", path in "(/[a-zA-Z0-9._~-]{0,10}){0,4}") {
        let _ = EndpointOverride::new(&base);
        let _ = EndpointOverride::split_path(&base);
        let o = EndpointOverride::new("http://127.0.0.1:9/secret").unwrap();
        // Some generated names are not valid hosts (`xn--.aa`): nothing to map.
        let Ok(logical) = url::Url::parse(&format!("https://{host}{path}")) else {
            return Ok(());
        };
        let mapped = o.map(&logical);
        let rest = mapped.path().strip_prefix("/secret").unwrap();
        let (h, p) = EndpointOverride::split_path(rest).unwrap();
        prop_assert_eq!(h, host.as_str());
        prop_assert_eq!(p, logical.path());
    }

    #[test]
    fn capped_reads_return_the_file_or_refuse_it(len in 0usize..3000, limit in 0u64..3000) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&vec![b'a'; len]).unwrap();
        match read_capped(f.path(), limit, "a test file") {
            Ok(b) => prop_assert!(b.len() == len && len as u64 <= limit),
            Err(ReadError::TooLarge { .. }) => prop_assert!(len as u64 > limit),
            Err(e) => prop_assert!(false, "{e}"),
        }
    }
}
