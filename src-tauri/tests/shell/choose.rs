//! `choose_path` as the window calls it: the chooser opens where the field
//! points and what the user picks (or their cancel) comes back as is. The
//! system dialog itself is driven in the end-to-end tests.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use onramp_app::commands::choose::{FileChooser, PathChooser, PathKind};
use onramp_core::secret::MemorySecretStore;
use onramp_core::IpcError;
use serde_json::{json, Value};
use tauri::Manager;

use crate::host::Host;

type Asked = Arc<Mutex<Vec<(PathKind, String, Option<PathBuf>)>>>;
/// Save dialogs opened: title, start folder, the name offered.
pub(crate) type Saves = Arc<Mutex<Vec<(String, Option<PathBuf>, String)>>>;

/// Answers like a user who picks `answer` (or cancels when it is none).
struct Chooser {
    asked: Asked,
    saves: Saves,
    answer: Option<PathBuf>,
}

impl PathChooser for Chooser {
    fn choose(
        &self,
        kind: PathKind,
        title: &str,
        start: Option<PathBuf>,
    ) -> Result<Option<PathBuf>, IpcError> {
        self.asked
            .lock()
            .unwrap()
            .push((kind, title.to_owned(), start));
        Ok(self.answer.clone())
    }

    fn save(
        &self,
        title: &str,
        start: Option<PathBuf>,
        name: &str,
    ) -> Result<Option<PathBuf>, IpcError> {
        self.saves
            .lock()
            .unwrap()
            .push((title.to_owned(), start, name.to_owned()));
        Ok(self.answer.clone())
    }
}

fn host(dir: &tempfile::TempDir, answer: Option<PathBuf>) -> (Host, Asked) {
    let (host, asked, _) = host_saving(dir.path(), answer);
    (host, asked)
}

/// A host whose dialogs answer `answer`, with what each was asked.
pub(crate) fn host_saving(dir: &Path, answer: Option<PathBuf>) -> (Host, Asked, Saves) {
    let host = Host::new(dir, Arc::new(MemorySecretStore::default()));
    let (asked, saves) = (Asked::default(), Saves::default());
    host.app.manage(FileChooser(Arc::new(Chooser {
        asked: asked.clone(),
        saves: saves.clone(),
        answer,
    })));
    (host, asked, saves)
}

#[test]
fn a_chosen_file_comes_back_and_the_chooser_starts_in_the_typed_folder() {
    let dir = tempfile::tempdir().unwrap();
    let picked = dir.path().join("from-the-customer.json");
    let (host, asked) = host(&dir, Some(picked.clone()));
    let typed = dir.path().join("not-yet-there.json");
    let answer: Option<String> = host
        .invoke(
            "choose_path",
            json!({ "kind": "json_file", "title": "Setup profile to import", "current": format!("  {}  ", typed.display()) }),
        )
        .unwrap();
    assert_eq!(answer, Some(picked.display().to_string()));
    let asked = asked.lock().unwrap();
    assert_eq!(
        *asked,
        vec![(
            PathKind::JsonFile,
            "Setup profile to import".to_owned(),
            Some(dir.path().to_path_buf())
        )]
    );
}

#[test]
fn a_cancelled_chooser_leaves_the_field_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (host, asked) = host(&dir, None);
    let answer: Option<String> = host
        .invoke(
            "choose_path",
            json!({ "kind": "folder", "title": "Export to", "current": "" }),
        )
        .unwrap();
    assert_eq!(answer, None);
    assert_eq!(
        asked.lock().unwrap()[0].2,
        None,
        "nothing typed: the system picks where to start"
    );
}

#[test]
fn an_unknown_kind_is_refused_before_any_chooser_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (host, asked) = host(&dir, None);
    let answer: Result<Value, Value> = host.raw(
        "choose_path",
        json!({ "kind": "exe_file", "title": "x", "current": "" }),
    );
    assert!(answer.is_err(), "{answer:?}");
    assert!(asked.lock().unwrap().is_empty());
}
