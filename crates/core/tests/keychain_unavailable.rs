//! Without a Secret Service the store must fail with advice, never fall back.
//! Its own test binary: it points this process's D-Bus address nowhere.
#![cfg(all(feature = "keychain", target_os = "linux"))]

use onramp_core::keychain::KeyringStore;
use onramp_core::{Secret, SecretError, SecretKey, SecretStore};

#[test]
fn no_session_bus_maps_to_unavailable_with_advice() {
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/onramp-test/bus",
    );
    let store = KeyringStore::new("com.onramp.test.unavailable");
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
