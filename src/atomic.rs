//! Writing output files the way a careful user expects.
//!
//! A regular file (or a new one) is replaced atomically: a temporary file in the same folder,
//! flushed to disk, then renamed over the target, so that a reader never sees half of one and on any
//! error the old file is untouched. A target that exists and is not a regular file (a device such
//! as `/dev/null`, a FIFO, a socket) is written into, as the shell's `>` does: replacing it would
//! destroy it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written, so that an interrupted run can remove them (see
/// [`remove_unfinished`]).
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace(path, contents, None).map_err(without_path)
}

/// As [`write_atomically`], but only while `path` still holds `was`, checked at the last moment
/// before the rename: a file another program changed since it was read is left as that program
/// wrote it, and the error says so (`io::ErrorKind::Other`, "changed on disk").
pub fn rewrite_atomically(path: &Path, was: &[u8], contents: &[u8]) -> io::Result<()> {
    replace(path, contents, Some(was)).map_err(|err| match err.kind() {
        io::ErrorKind::Other => err,
        _ => without_path(err),
    })
}

/// The error alone: tempfile adds the temporary file's path, which means nothing to the user (the
/// caller names the target).
fn without_path(err: io::Error) -> io::Error {
    match err.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(err.kind(), err.kind().to_string()),
    }
}

fn replace(path: &Path, contents: &[u8], was: Option<&[u8]>) -> io::Result<()> {
    // Write through a symbolic link rather than replacing the link with a file.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|meta| meta.is_dir()) {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
    }
    if existing.as_ref().is_some_and(|meta| !meta.is_file()) {
        return fs::OpenOptions::new().write(true).open(&target)?.write_all(contents);
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".ssq-gen-")
        .suffix(".tmp")
        // A new file gets the mode any program's new file gets: 0666 less the umask.
        .permissions(new_file_permissions())
        .tempfile_in(folder)?;
    let registered = Registered::new(temporary.path());
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    hold_for_tests();
    // An existing file keeps its mode.
    if let Some(meta) = existing {
        temporary.as_file().set_permissions(meta.permissions())?;
    }
    if let Some(was) = was
        && fs::read(&target)? != was
    {
        return Err(io::Error::other("it changed on disk since it was read; run again"));
    }
    temporary.persist(&target).map_err(|err| err.error)?;
    drop(registered);
    Ok(())
}

/// Test builds only: waits `SSQ_GEN_TEST_HOLD_MS` with the temporary file written and not yet
/// renamed, so that a test can interrupt a write at its worst moment. Release builds have no such hook.
fn hold_for_tests() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("SSQ_GEN_TEST_HOLD_MS").ok().and_then(|ms| ms.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Removes the temporary files of writes still under way: for a signal handler, before exiting.
pub fn remove_unfinished() {
    let paths = match UNFINISHED.lock() {
        Ok(paths) => paths.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for path in paths {
        let _ = fs::remove_file(path);
    }
}

/// A temporary file's entry in [`UNFINISHED`] for as long as it lives.
struct Registered(PathBuf);

impl Registered {
    fn new(path: &Path) -> Registered {
        if let Ok(mut paths) = UNFINISHED.lock() {
            paths.push(path.to_path_buf());
        }
        Registered(path.to_path_buf())
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut paths) = UNFINISHED.lock() {
            paths.retain(|p| *p != self.0);
        }
    }
}

#[cfg(unix)]
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o666)
}

#[cfg(not(unix))]
fn new_file_permissions() -> fs::Permissions {
    tempfile::tempfile().and_then(|f| f.metadata()).map(|m| m.permissions()).expect("a temporary file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_writes_through_links() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out.html");
        write_atomically(&file, b"one").unwrap();
        write_atomically(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.html");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            write_atomically(&link, b"three").unwrap();
            assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
            assert_eq!(fs::read(&file).unwrap(), b"three");
        }
        let leftovers = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with(".ssq-gen-"));
        assert_eq!(leftovers.count(), 0);
        assert!(UNFINISHED.lock().unwrap().is_empty(), "finished writes are forgotten");
    }

    #[test]
    fn a_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomically(dir.path(), b"x").is_err());
        assert!(dir.path().is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_into_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_atomically(Path::new("/dev/null"), b"x").unwrap();
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }
}
