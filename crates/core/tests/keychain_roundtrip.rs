//! Real round trip through the OS keychain. Ignored by default: it needs an
//! unlocked Secret Service, e.g.
//! `dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && cargo test -p onramp-core --features keychain -- --ignored'`.
#![cfg(feature = "keychain")]

use onramp_core::keychain::KeyringStore;
use onramp_core::{Secret, SecretKey, SecretStore};

fn test_store() -> KeyringStore {
    // A service of its own per run, so tests never touch the app's entries.
    KeyringStore::new(format!("com.onramp.test.{}", uuid::Uuid::new_v4()))
}

#[test]
#[ignore = "needs an unlocked Secret Service (see the file comment)"]
fn set_get_overwrite_delete() {
    let store = test_store();
    let key = SecretKey::new("setup-1", "netsuite.token_secret");
    let other = SecretKey::new("setup-2", "netsuite.token_secret");

    assert!(store.get(&key).unwrap().is_none());
    store.set(&key, &Secret::from("first value")).unwrap();
    store.set(&key, &Secret::from("second value")).unwrap();
    assert_eq!(store.get(&key).unwrap().unwrap().expose(), "second value");
    assert!(store.exists(&key).unwrap());
    assert!(!store.exists(&other).unwrap(), "entries are per setup");

    store.delete(&key).unwrap();
    assert!(store.get(&key).unwrap().is_none());
    store
        .delete(&key)
        .expect("deleting a missing entry is not an error");
}

#[test]
#[ignore = "needs an unlocked Secret Service (see the file comment)"]
fn works_from_inside_a_tokio_runtime() {
    // The CLI and the app call the store from async code.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = test_store();
        let key = SecretKey::new("setup-1", "intacct.sender_password");
        store.set(&key, &Secret::from("pw")).unwrap();
        assert_eq!(store.get(&key).unwrap().unwrap().expose(), "pw");
        store.delete(&key).unwrap();
    });
}
