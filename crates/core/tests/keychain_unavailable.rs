//! Without a Secret Service the store must fail with advice, never fall back.
//! Its own test binary: it points this process's D-Bus address elsewhere.
#![cfg(all(feature = "keychain", target_os = "linux"))]

use onramp_core::keychain::KeyringStore;
use onramp_core::{Secret, SecretError, SecretKey, SecretStore};

fn assert_unavailable(store: &KeyringStore) {
    let key = SecretKey::new("setup-1", "netsuite.token_secret");
    for result in [
        store.set(&key, &Secret::from("value")).map(|_| ()),
        store.get(&key).map(|_| ()),
        store.delete(&key),
    ] {
        match result {
            Err(SecretError::Unavailable(msg)) => {
                assert!(msg.contains("gnome-keyring"), "advice missing: {msg}")
            }
            other => panic!("expected Unavailable, got {other:?}"),
        }
    }
}

// One test function: the cases change the process environment in turn.
#[test]
fn missing_or_dead_session_bus_maps_to_unavailable_with_advice() {
    let store = KeyringStore::new("com.onramp.test.unavailable");

    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/onramp-test/bus",
    );
    assert_unavailable(&store);

    // A bus socket left behind by a session that ended: nobody listens.
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("bus");
    drop(std::os::unix::net::UnixListener::bind(&socket).unwrap());
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", socket.display()),
    );
    assert_unavailable(&store);
}
