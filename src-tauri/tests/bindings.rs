//! `ui/src/bindings.ts` is generated from the Rust commands and committed; this
//! test fails when it is stale. `UPDATE_BINDINGS=1` rewrites it instead.

use std::path::Path;

#[test]
fn committed_bindings_match_the_commands() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = dir.path().join("bindings.ts");
    onramp_app::export_bindings(&fresh).expect("export bindings");
    let fresh = std::fs::read_to_string(&fresh).expect("read fresh bindings");

    assert!(
        fresh.contains("secretSet: (key: SecretKey, value: string)"),
        "bindings name commands in camelCase"
    );
    assert!(
        !fresh.contains("secretGet"),
        "the webview must never be able to read a secret back"
    );

    if std::env::var("UPDATE_BINDINGS").as_deref() == Ok("1") {
        std::fs::write(&committed, &fresh).expect("write ui/src/bindings.ts");
        return;
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p onramp-app --test bindings` and commit it"
    );
}
