//! The system's file chooser beside every path the user could type: export
//! folders and the files to import or compare; and its save dialog, where the
//! PDF report is written. It opens from the backend, so
//! the window needs no dialog permission of its own; what it returns is only
//! put in the field, where the user sees it before anything is read or written.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use onramp_core::{ErrorKind, IpcError};
use serde::Deserialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};

/// What the user is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PathKind {
    /// A folder to export into.
    Folder,
    /// A setup profile or a report's JSON.
    JsonFile,
    /// A connector profile.
    TomlFile,
    /// A certificate a connector's vendor supplied (PEM or DER).
    CertificateFile,
}

impl PathKind {
    /// The file type offered, as a name and its extensions; none for a folder.
    fn filter(self) -> Option<(&'static str, &'static [&'static str])> {
        match self {
            PathKind::Folder => None,
            PathKind::JsonFile => Some(("JSON", &["json"])),
            PathKind::TomlFile => Some(("TOML", &["toml"])),
            PathKind::CertificateFile => Some(("Certificate", &["pem", "crt", "cer", "der"])),
        }
    }
}

/// Opens the chooser; behind a trait so the IPC tests can answer for the user.
pub trait PathChooser: Send + Sync {
    /// The chosen path, none when the user cancels. Blocks until then.
    fn choose(
        &self,
        kind: PathKind,
        title: &str,
        start: Option<PathBuf>,
    ) -> Result<Option<PathBuf>, IpcError>;

    /// The save dialog, offering `name` in `start` (a PDF); the system asks
    /// before replacing a file. None when the user cancels. Blocks until then.
    fn save(
        &self,
        title: &str,
        start: Option<PathBuf>,
        name: &str,
    ) -> Result<Option<PathBuf>, IpcError>;
}

/// What a dialog is for: opening something of a kind, or saving a PDF under a name.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
enum Purpose {
    Open(PathKind),
    SavePdf(String),
}

pub struct FileChooser(pub Arc<dyn PathChooser>);

/// The system's file chooser over the main window.
pub struct SystemChooser<R: Runtime>(pub AppHandle<R>);

/// GTK's chooser, on the window's own (GTK) thread.
#[cfg(target_os = "linux")]
impl<R: Runtime> PathChooser for SystemChooser<R> {
    fn choose(
        &self,
        kind: PathKind,
        title: &str,
        start: Option<PathBuf>,
    ) -> Result<Option<PathBuf>, IpcError> {
        self.gtk(Purpose::Open(kind), title, start)
    }

    fn save(
        &self,
        title: &str,
        start: Option<PathBuf>,
        name: &str,
    ) -> Result<Option<PathBuf>, IpcError> {
        self.gtk(Purpose::SavePdf(name.to_owned()), title, start)
    }
}

#[cfg(target_os = "linux")]
impl<R: Runtime> SystemChooser<R> {
    fn gtk(
        &self,
        purpose: Purpose,
        title: &str,
        start: Option<PathBuf>,
    ) -> Result<Option<PathBuf>, IpcError> {
        let (answer, picked) = std::sync::mpsc::channel();
        let app = self.0.clone();
        let title = title.to_owned();
        self.0
            .run_on_main_thread(move || gtk_chooser::open(&app, purpose, &title, start, answer))
            .map_err(|e| {
                IpcError::new(
                    ErrorKind::Internal,
                    format!("the file chooser could not open: {e}"),
                )
            })?;
        // An error here means the app closed with the chooser open.
        Ok(picked.recv().ok().flatten())
    }
}

/// The platform's own dialog (IFileOpenDialog on Windows, NSOpenPanel on
/// macOS) through rfd, over the main window. rfd runs the macOS panel on the
/// main thread itself; this thread only waits for the answer.
#[cfg(any(target_os = "windows", target_os = "macos"))]
impl<R: Runtime> PathChooser for SystemChooser<R> {
    fn choose(
        &self,
        kind: PathKind,
        title: &str,
        start: Option<PathBuf>,
    ) -> Result<Option<PathBuf>, IpcError> {
        use tauri::Manager;
        let mut dialog = rfd::FileDialog::new().set_title(title);
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        if let Some(dir) = start {
            dialog = dialog.set_directory(dir);
        }
        Ok(match kind.filter() {
            None => dialog.pick_folder(),
            Some((name, extensions)) => dialog.add_filter(name, extensions).pick_file(),
        })
    }

    fn save(
        &self,
        title: &str,
        start: Option<PathBuf>,
        name: &str,
    ) -> Result<Option<PathBuf>, IpcError> {
        use tauri::Manager;
        let mut dialog = rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(name)
            .add_filter("PDF", &["pdf"]);
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        if let Some(dir) = start {
            dialog = dialog.set_directory(dir);
        }
        // The platform's save panel asks before replacing a file.
        Ok(dialog.save_file())
    }
}

/// A plain GtkFileChooserDialog, not GtkFileChooserNative (what rfd and Tauri's
/// dialog plugin open): after Escape, the native one's fallback dialog stayed
/// unmapped on every later open until a restart (GTK 3.24, Debian 12).
#[cfg(target_os = "linux")]
mod gtk_chooser {
    use std::cell::RefCell;
    use std::path::PathBuf;
    use std::sync::mpsc::Sender;

    use gtk::prelude::*;
    use tauri::{AppHandle, Manager, Runtime};

    use super::{PathKind, Purpose};

    pub(super) fn open<R: Runtime>(
        app: &AppHandle<R>,
        purpose: Purpose,
        title: &str,
        start: Option<PathBuf>,
        answer: Sender<Option<PathBuf>>,
    ) {
        let parent = app
            .get_webview_window("main")
            .and_then(|w| w.gtk_window().ok());
        let (action, accept, filter) = match &purpose {
            Purpose::Open(PathKind::Folder) => {
                (gtk::FileChooserAction::SelectFolder, "_Choose", None)
            }
            Purpose::Open(kind) => (gtk::FileChooserAction::Open, "_Choose", kind.filter()),
            Purpose::SavePdf(_) => (
                gtk::FileChooserAction::Save,
                "_Save",
                Some(("PDF", &["pdf"][..])),
            ),
        };
        let dialog = gtk::FileChooserDialog::with_buttons(
            Some(title),
            parent.as_ref(),
            action,
            &[
                ("_Cancel", gtk::ResponseType::Cancel),
                (accept, gtk::ResponseType::Accept),
            ],
        );
        dialog.set_modal(true);
        dialog.set_default_response(gtk::ResponseType::Accept);
        if let Some(dir) = start {
            dialog.set_current_folder(dir);
        }
        if let Purpose::SavePdf(name) = &purpose {
            dialog.set_current_name(name);
            // Never replace a file without asking.
            dialog.set_do_overwrite_confirmation(true);
        }
        if let Some((name, extensions)) = filter {
            let f = gtk::FileFilter::new();
            f.set_name(Some(name));
            for extension in extensions {
                f.add_pattern(&format!("*.{extension}"));
            }
            dialog.add_filter(f);
        }
        let answer = RefCell::new(Some(answer));
        dialog.connect_response(move |d, response| {
            let picked = (response == gtk::ResponseType::Accept)
                .then(|| d.filename())
                .flatten();
            if let Some(tx) = answer.borrow_mut().take() {
                let _ = tx.send(picked);
            }
            // After its handler has returned. SAFETY: only this closure uses the
            // dialog; GTK may have destroyed it already (Escape), and a second
            // destroy of a GTK widget does nothing.
            let d = d.clone();
            gtk::glib::idle_add_local_once(move || unsafe { d.destroy() });
        });
        dialog.show();
    }
}

/// Opens the chooser at the folder of what the field holds (`current`) and
/// returns the chosen path; none when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_path(
    chooser: State<'_, FileChooser>,
    kind: PathKind,
    title: String,
    current: String,
) -> Result<Option<String>, IpcError> {
    let start = start_dir(current.trim());
    let chooser = Arc::clone(&chooser.0);
    // The dialog runs on the window's thread; wait for it off the async workers.
    let picked = tauri::async_runtime::spawn_blocking(move || chooser.choose(kind, &title, start))
        .await
        .map_err(|e| {
            IpcError::new(ErrorKind::Internal, format!("the file chooser failed: {e}"))
        })??;
    Ok(picked.map(|p| p.display().to_string()))
}

/// The save dialog for a file named `name`, starting in the typed folder when
/// it exists; the chosen path, none when the user cancels.
pub async fn ask_save(
    chooser: &FileChooser,
    title: &str,
    typed_folder: &str,
    name: &str,
) -> Result<Option<PathBuf>, IpcError> {
    let start = start_dir(typed_folder.trim());
    let chooser = Arc::clone(&chooser.0);
    let (title, name) = (title.to_owned(), name.to_owned());
    tauri::async_runtime::spawn_blocking(move || chooser.save(&title, start, &name))
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("the save dialog failed: {e}")))?
}

/// The folder to open the chooser in: the typed path if it is a folder, else
/// the folder it is in; none when neither exists (the system picks).
fn start_dir(typed: &str) -> Option<PathBuf> {
    if typed.is_empty() {
        return None;
    }
    let path = Path::new(typed);
    if path.is_dir() {
        return Some(path.to_path_buf());
    }
    path.parent().filter(|p| p.is_dir()).map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chooser_opens_where_the_typed_path_points() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().display().to_string();
        assert_eq!(start_dir(&folder), Some(dir.path().to_path_buf()));
        let file = dir.path().join("profile.json").display().to_string();
        assert_eq!(
            start_dir(&file),
            Some(dir.path().to_path_buf()),
            "a file not there yet"
        );
        assert_eq!(start_dir(""), None);
        assert_eq!(start_dir("/no/such/folder/profile.json"), None);
        assert_eq!(
            start_dir("profile.json"),
            None,
            "a bare name has no folder to start in"
        );
    }
}
