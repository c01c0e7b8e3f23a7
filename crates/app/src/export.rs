//! Files the user exports or imports by typing (or picking) a path: the
//! default folder, file names that say what they hold, and reading an
//! imported file with a plain message for each way it can be wrong.

use std::path::{Path, PathBuf};

use onramp_core::{ErrorKind, IpcError};

/// Imports are small JSON/TOML files; a bigger file is not one of ours.
const MAX_IMPORT_BYTES: u64 = 10 << 20;

fn invalid(message: impl Into<String>) -> IpcError {
    IpcError::new(ErrorKind::InvalidInput, message)
}

fn home() -> Option<PathBuf> {
    std::env::home_dir().filter(|h| h.is_absolute())
}

/// `~/Documents/Onramp`, or `~/Onramp` without a Documents folder.
pub fn default_dir() -> Result<PathBuf, IpcError> {
    let home = home().ok_or_else(|| {
        IpcError::new(
            ErrorKind::Internal,
            "no home folder is set; type the full path of a folder",
        )
    })?;
    let documents = home.join("Documents");
    Ok(if documents.is_dir() { documents } else { home }.join("Onramp"))
}

/// A typed path: trimmed, quotes a file manager adds on paste removed, `~` expanded.
pub fn typed_path(raw: &str) -> Result<PathBuf, IpcError> {
    typed_path_in(raw, home().as_deref())
}

fn typed_path_in(raw: &str, home: Option<&Path>) -> Result<PathBuf, IpcError> {
    let t = raw.trim().trim_matches(|c| c == '"' || c == '\'');
    if t.is_empty() {
        return Err(invalid("type a folder or file path first"));
    }
    let path = match (t.strip_prefix("~/").or((t == "~").then_some("")), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(t),
    };
    if !path.is_absolute() {
        return Err(invalid(format!(
            "{t:?} is not a full path; start it with / (or ~/ for your home folder)"
        )));
    }
    Ok(path)
}

/// Writes `contents` as `folder/name`, creating the folder; atomic, so a crash
/// never leaves half a report. Returns the file's path.
pub fn write(folder: &Path, name: &str, contents: impl AsRef<[u8]>) -> Result<String, IpcError> {
    if folder.is_file() {
        return Err(invalid(format!(
            "{} is a file; type the folder to save into",
            folder.display()
        )));
    }
    let path = folder.join(name);
    std::fs::create_dir_all(folder)
        .and_then(|()| onramp_core::state::atomic_write(&path, contents.as_ref()))
        .map_err(|e| {
            IpcError::new(
                ErrorKind::Storage,
                format!("could not write {}: {e}", path.display()),
            )
        })?;
    tracing::info!(file = %path.display(), "exported");
    Ok(path.display().to_string())
}

/// Reads a file to import, refusing folders, huge files and non-text.
pub fn read(path: &Path) -> Result<String, IpcError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        invalid(match e.kind() {
            std::io::ErrorKind::NotFound => format!("there is no file at {}", path.display()),
            _ => format!("cannot read {}: {e}", path.display()),
        })
    })?;
    if meta.is_dir() {
        return Err(invalid(format!(
            "{} is a folder; type the path of the exported .json file",
            path.display()
        )));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(invalid(format!(
            "{} is {} MB; an exported setup profile or report is far smaller",
            path.display(),
            meta.len() >> 20
        )));
    }
    let bytes = onramp_core::files::read_capped(
        path,
        onramp_core::files::MAX_PROFILE_BYTES,
        "a setup profile",
    )
    .map_err(|e| invalid(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| {
        invalid(format!(
            "{} is not a text file; export the setup profile (.json) from Onramp and import that",
            path.display()
        ))
    })
}

/// `Acme Corp (sandbox)` → `acme-corp-sandbox`, for file names.
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "setup".into()
    } else {
        out.chars().take(48).collect()
    }
}

/// `20261122-132925`: a file-name timestamp (UTC) so exports never overwrite each other.
pub fn file_stamp() -> String {
    time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year][month][day]-[hour][minute][second]"
        ))
        .expect("formatting a UTC timestamp cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_are_cleaned_and_must_be_full() {
        let home = Path::new("/home/dana");
        assert_eq!(
            typed_path_in("  '~/Exports' \n", Some(home)).unwrap(),
            PathBuf::from("/home/dana/Exports")
        );
        assert_eq!(
            typed_path_in("\"/tmp/x\"", None).unwrap(),
            PathBuf::from("/tmp/x")
        );
        assert!(typed_path_in("Exports", Some(home))
            .unwrap_err()
            .message
            .contains("not a full path"));
        assert!(typed_path_in("   ", None).is_err());
    }

    #[test]
    fn imports_name_what_is_wrong_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read(&dir.path().join("nope.json")).unwrap_err();
        assert!(
            missing.message.contains("there is no file"),
            "{}",
            missing.message
        );
        assert!(read(dir.path())
            .unwrap_err()
            .message
            .contains("is a folder"));
        let binary = dir.path().join("x.pdf");
        std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x9f]).unwrap();
        assert!(read(&binary)
            .unwrap_err()
            .message
            .contains("not a text file"));
    }

    #[test]
    fn exports_refuse_a_file_as_folder_and_create_missing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        let written = write(&nested, "r.json", "{}").unwrap();
        assert_eq!(std::fs::read_to_string(&written).unwrap(), "{}");
        let err = write(Path::new(&written), "s.json", "{}").unwrap_err();
        assert!(err.message.contains("is a file"));
        assert_eq!(slug("  Acme Corp (Sandbox) "), "acme-corp-sandbox");
        assert_eq!(slug("ü"), "setup");
    }
}
