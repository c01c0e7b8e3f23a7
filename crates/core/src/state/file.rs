//! Writing the state file so that a crash or full disk never leaves a torn
//! file, and moving an unreadable one aside instead of overwriting it.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes`: temp file in the same directory, fsync, rename.
/// Readers see either the old or the new content, never a mix.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(bytes))
}

pub(super) fn write_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_dir(path);
    // Same directory, so the rename cannot cross file systems. Dropped (and
    // deleted) on any error below, leaving the old file as it was.
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Moves a file that could not be read to `<name>.corrupt-<UTC timestamp>` next
/// to it, so nothing is lost and the app can start afresh. Returns the new path.
pub fn quarantine(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?
        .to_string_lossy()
        .into_owned();
    let stamp = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .map_err(io::Error::other)?;
    let dir = parent_dir(path);
    let mut target = dir.join(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("{name}.corrupt-{stamp}-{n}"));
    }
    std::fs::rename(path, &target)?;
    Ok(target)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes the rename itself durable; directories cannot be opened for sync on Windows.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
