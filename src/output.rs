//! Writing files so that a reader never sees half of one: a temporary file in the same folder,
//! flushed to disk, then renamed over the target. On any error the old file is untouched.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Write through a symbolic link rather than replacing the link with a file.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    if target.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new().prefix(".ssq-gen-").suffix(".tmp").tempfile_in(folder)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    // tempfile creates files readable by their owner only; keep the old file's mode, or use the
    // usual one for a new file.
    let permissions = match fs::metadata(&target) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(),
    };
    temporary.as_file().set_permissions(permissions)?;
    temporary.persist(&target).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> fs::Permissions {
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
    }

    #[test]
    fn a_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomically(dir.path(), b"x").is_err());
        assert!(dir.path().is_dir());
    }
}
