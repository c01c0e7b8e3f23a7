//! Property tests of the Intacct parsers of outside input: gateway XML
//! answers (any bytes, and generated element trees with entities, CDATA,
//! DOCTYPEs and deep nesting) and REST token/error JSON. None may panic.
//! CI runs proptest's default 256 cases; `PROPTEST_CASES` raises it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::Secret;
use onramp_intacct::rest::{RestApp, RestClient};
use onramp_intacct::xml::response::parse;
use onramp_intacct::xml::{Node, MAX_DEPTH};
use onramp_sim::standin;
use proptest::prelude::*;

const NAMES: &[&str] = &[
    "response",
    "control",
    "status",
    "operation",
    "authentication",
    "result",
    "data",
    "errormessage",
    "error",
    "errorno",
    "description",
    "description2",
    "sessionid",
    "endpoint",
    "function",
    "controlid",
    "userid",
    "companyid",
    "locationid",
    "a",
];

/// An XML fragment: elements from the gateway's vocabulary with text,
/// entities, CDATA and attributes, `depth` levels at most.
fn element(depth: u32) -> BoxedStrategy<String> {
    let text = prop_oneof![
        "[a-zA-Z0-9 .:-]{0,20}",
        Just("&amp;&lt;&#x41;&#65;".to_string()),
        Just("&unknown;".to_string()),
        Just("<![CDATA[<x>]]>".to_string()),
    ];
    let leaf = (prop::sample::select(NAMES), text.clone())
        .prop_map(|(n, t)| format!("<{n}>{t}</{n}>"))
        .boxed();
    if depth == 0 {
        return leaf;
    }
    let node = (
        prop::sample::select(NAMES),
        proptest::option::of("[a-z]{1,8}=\"[^\"<&]{0,10}\""),
        prop::collection::vec(element(depth - 1), 0..4),
        text,
    )
        .prop_map(|(n, attr, kids, t)| {
            let attr = attr.map(|a| format!(" {a}")).unwrap_or_default();
            format!("<{n}{attr}>{t}{}</{n}>", kids.concat())
        });
    prop_oneof![leaf, node].boxed()
}

fn document() -> impl Strategy<Value = Vec<u8>> {
    let prolog = prop_oneof![
        Just(String::new()),
        Just("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".to_string()),
        Just("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>".to_string()),
    ];
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        (prolog, element(5), 0usize..400).prop_map(|(p, body, cut)| {
            let doc = format!("{p}<response>{body}</response>").into_bytes();
            // Sometimes cut off mid-document, as a dropped connection leaves it.
            if cut < doc.len() && cut % 3 == 0 {
                doc[..cut].to_vec()
            } else {
                doc
            }
        }),
        (1usize..5000).prop_map(|n| format!("<response>{}", "<a>".repeat(n)).into_bytes()),
    ]
}

/// The deepest element in a parsed tree, walked without recursion.
fn depth(root: &Node) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 1)];
    while let Some((n, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(n.children.iter().map(|c| (c, d + 1)));
    }
    deepest
}

proptest! {
    #[test]
    fn gateway_answers_never_panic(doc in document()) {
        let _ = parse(&doc);
        if let Ok(root) = Node::parse(&doc) {
            prop_assert!(depth(&root) <= MAX_DEPTH);
        }
    }
}

#[test]
fn rest_token_answers_never_panic() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let body: Arc<Mutex<(u16, Vec<u8>)>> = Arc::default();
    let served = body.clone();
    let server = rt.block_on(standin::answering(move |_| {
        let (status, b) = served.lock().unwrap().clone();
        standin::reply(status, "application/json", b)
    }));
    let rest = RestClient::new(
        RestApp {
            client_id: "client-id".into(),
            client_secret: Secret::new("secret".into()),
        },
        Endpoints {
            override_base: Some(EndpointOverride::new(&server.base).unwrap()),
        },
        Duration::from_secs(5),
    )
    .unwrap();
    let json_body = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        (
            proptest::option::of(".{0,30}"),
            proptest::option::of(any::<i64>()),
            proptest::option::of(".{0,30}"),
        )
            .prop_map(|(access, expires, error)| {
                serde_json::json!({
                    "access_token": access,
                    "expires_in": expires,
                    "error": error,
                    "ia::result": {"ia::error": {"code": error, "message": access}},
                })
                .to_string()
                .into_bytes()
            }),
    ];
    proptest!(|(status in prop_oneof![Just(200u16), 100u16..600], b in json_body)| {
        *body.lock().unwrap() = (status, b);
        if rt.block_on(rest.client_credentials("user", "company", None)).is_ok() {
            prop_assert_eq!(status, 200);
        }
    });
}
