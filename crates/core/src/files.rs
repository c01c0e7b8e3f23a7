//! Reading files a user points at, and creating the app's own files privately.
//!
//! A profile, record, key or certificate is read with a size cap: a wrong path
//! (a 141 MB export, `/dev/zero`) must end with a message, not eat memory. The
//! app's log file and data folders hold the same kind of facts as its state
//! file, so they get the same owner-only permissions (0600 files, 0700 folders).

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Cap for profiles, saved runs and records a user imports.
pub const MAX_PROFILE_BYTES: u64 = 4 * 1024 * 1024;
/// Cap for private keys and certificates (PEM): real ones are a few KB.
pub const MAX_KEY_BYTES: u64 = 256 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("could not read {path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path} is larger than {limit} bytes, too large for {what}; check that this is the right file")]
    TooLarge {
        path: String,
        limit: u64,
        what: &'static str,
    },
    #[error("{path} is not text (UTF-8), so it cannot be {what}")]
    NotText { path: String, what: &'static str },
}

/// Reads at most `limit` bytes; a longer file (or an endless one such as a
/// device) is refused without reading past the limit. `what` names the kind
/// of file for the message ("a setup profile", "a private key").
pub fn read_capped(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    let shown = path.display().to_string();
    let io_err = |source| ReadError::Io {
        path: shown.clone(),
        source,
    };
    let file = File::open(path).map_err(io_err)?;
    let mut buf = Vec::new();
    // One byte past the limit tells "exactly at the limit" from "longer".
    file.take(limit + 1).read_to_end(&mut buf).map_err(io_err)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: shown,
            limit,
            what,
        });
    }
    Ok(buf)
}

/// `read_capped` for text files.
pub fn read_text_capped(path: &Path, limit: u64, what: &'static str) -> Result<String, ReadError> {
    let bytes = read_capped(path, limit, what)?;
    String::from_utf8(bytes).map_err(|_| ReadError::NotText {
        path: path.display().to_string(),
        what,
    })
}

/// Opens (creating if needed) a file only its owner can read and write, for
/// appending: the log file. An existing file is narrowed to 0600 too.
pub fn open_private_append(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts.open(path)?;
    restrict(path, 0o600)?;
    Ok(file)
}

/// Creates a folder (and its parents) that only its owner can enter: 0700.
/// An existing folder is narrowed to 0700.
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)?;
    restrict(path, 0o700)
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_: &Path, _: u32) -> io::Result<()> {
    // Windows: files under the user's profile are private by their ACL.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_cap_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.json");
        std::fs::write(&p, vec![b'x'; 101]).unwrap();
        let e = read_capped(&p, 100, "a setup profile").unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 100, .. }));
        let msg = e.to_string();
        assert!(
            msg.contains("big.json") && msg.contains("a setup profile"),
            "{msg}"
        );
        std::fs::write(&p, vec![b'x'; 100]).unwrap();
        assert_eq!(read_capped(&p, 100, "a setup profile").unwrap().len(), 100);
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_file_ends_at_the_cap() {
        let e = read_capped(Path::new("/dev/zero"), 1024, "a private key").unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 1024, .. }));
    }

    #[test]
    fn text_must_be_utf8_and_missing_files_say_so() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.pem");
        std::fs::write(&p, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(
            read_text_capped(&p, 100, "a certificate"),
            Err(ReadError::NotText { .. })
        ));
        let missing = read_text_capped(&dir.path().join("nope"), 100, "a certificate");
        assert!(matches!(missing, Err(ReadError::Io { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn log_files_and_data_folders_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data/runs");
        create_private_dir(&data).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        let log = data.join("onramp.log");
        std::fs::write(&log, "old").unwrap();
        std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o644)).unwrap();
        open_private_append(&log).unwrap();
        assert_eq!(mode(&log), 0o600);
        let fresh = data.join("new.log");
        open_private_append(&fresh).unwrap();
        assert_eq!(mode(&fresh), 0o600);
    }
}
