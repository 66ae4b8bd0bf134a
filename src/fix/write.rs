//! Replacing a file with its fixed text: atomically, with its permissions, and only when
//! it has not changed since it was read.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;
use thiserror::Error;

/// Why a fixed file was not written. The file on disk is unchanged in every case.
#[derive(Debug, Error)]
pub enum WriteError {
    /// The file could not be read again before writing.
    #[error("{}: cannot read: {source}; not fixed", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The file's content is no longer what was checked.
    #[error("{}: changed since it was read; not fixed", .path.display())]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// The new content could not be written or moved into place.
    #[error("{}: cannot write: {source}; not fixed", .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

/// Replace the file at `path`, whose content was `original` when it was read, with `fixed`.
///
/// The new text goes to a temporary file in the same folder, which takes the original's
/// permissions, is flushed to disk and then renamed over the original, so the file is
/// either wholly old or wholly new. A symbolic link is followed and the file it points to
/// is replaced. Nothing is written when `fixed` equals `original`, nor when the file no
/// longer holds `original`. On failure the temporary file is removed.
pub fn write_fixed(path: &Path, original: &[u8], fixed: &str) -> Result<(), WriteError> {
    write_fixed_with(path, original, fixed, |file, bytes| file.write_all(bytes))
}

/// [`write_fixed`], with `write` putting the new text into the temporary file (the tests
/// make it fail part-way, as a full disk would).
fn write_fixed_with(
    path: &Path,
    original: &[u8],
    fixed: &str,
    write: impl FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
) -> Result<(), WriteError> {
    if original == fixed.as_bytes() {
        return Ok(());
    }
    let read_error = |source| WriteError::Read {
        path: path.to_owned(),
        source,
    };
    let write_error = |source| WriteError::Write {
        path: path.to_owned(),
        source,
    };
    let target = if fs::symlink_metadata(path).map_err(read_error)?.is_symlink() {
        fs::canonicalize(path).map_err(read_error)?
    } else {
        path.to_owned()
    };
    if fs::read(&target).map_err(read_error)? != original {
        return Err(WriteError::Changed {
            path: path.to_owned(),
        });
    }
    let permissions = fs::metadata(&target).map_err(read_error)?.permissions();
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = NamedTempFile::new_in(dir).map_err(write_error)?;
    write(temp.as_file_mut(), fixed.as_bytes()).map_err(write_error)?;
    temp.as_file().set_permissions(permissions).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    temp.persist(&target).map_err(|e| write_error(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Flush the folder entry of the renamed file, where the platform allows it. The file's
/// data is already on disk, so a failure here is not reported.
fn sync_dir(dir: &Path) {
    if cfg!(unix) {
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Kiev\n").unwrap();
        write_fixed(&path, b"Kiev\n", "Kyiv\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "Kyiv\n");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_write_that_fails_part_way_leaves_the_original_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Kiev is the capital.\n").unwrap();
        let err = write_fixed_with(
            &path,
            b"Kiev is the capital.\n",
            "Kyiv is the capital.\n",
            |file, bytes| {
                file.write_all(&bytes[..4])?;
                Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device",
                ))
            },
        )
        .unwrap_err();
        assert!(matches!(err, WriteError::Write { .. }));
        assert!(err
            .to_string()
            .ends_with("story.txt: cannot write: no space left on device; not fixed"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "Kiev is the capital.\n");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the temporary file is removed"
        );
    }

    #[test]
    fn refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Kiev\n").unwrap();
        let original = fs::read(&path).unwrap();
        fs::write(&path, "Kiev, edited meanwhile\n").unwrap();
        let err = write_fixed(&path, &original, "Kyiv\n").unwrap_err();
        assert!(matches!(err, WriteError::Changed { .. }));
        assert!(err
            .to_string()
            .ends_with("story.txt: changed since it was read; not fixed"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "Kiev, edited meanwhile\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_file_is_a_read_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_fixed(&dir.path().join("gone.txt"), b"a", "b").unwrap_err();
        assert!(matches!(err, WriteError::Read { .. }));
        assert!(err.to_string().contains("gone.txt: cannot read"));
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_symbolic_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Kiev\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        write_fixed(&link, b"Kiev\n", "Kyiv\n").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&path).unwrap(), "Kyiv\n");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
}
