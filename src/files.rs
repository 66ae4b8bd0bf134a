//! Finding the articles to check: explicit files, and folders walked for known extensions.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Extensions checked when a folder is walked.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// A path that could not be walked, or was left out on purpose.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct WalkError {
    /// The path.
    pub path: String,
    /// What went wrong.
    pub message: String,
    /// True when the path was left out on purpose (a symbolic link that leads back to a
    /// folder being walked), which is a note rather than a failure.
    pub skipped: bool,
}

impl WalkError {
    fn of(error: &walkdir::Error, walked: &Path) -> Self {
        let path = error.path().unwrap_or(walked).display().to_string();
        match error.loop_ancestor() {
            Some(ancestor) => WalkError {
                path,
                message: format!(
                    "skipped: a symbolic link loop (it leads back to {}), not followed",
                    ancestor.display()
                ),
                skipped: true,
            },
            None => WalkError {
                path,
                message: error
                    .io_error()
                    .map_or_else(|| error.to_string(), |e| format!("cannot read: {e}")),
                skipped: false,
            },
        }
    }
}

/// Expand `paths`: files are kept as given, folders are walked (sorted, symbolic links
/// not followed) for article extensions. Problems are returned beside the files found.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    collect_with(paths, |_| false)
}

/// [`collect`], also keeping the files of folders that `also` accepts.
pub fn collect_with(
    paths: &[PathBuf],
    mut also: impl FnMut(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut errors, &mut also);
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<WalkError>,
    also: &mut dyn FnMut(&Path) -> bool,
) {
    for entry in WalkDir::new(dir).sort_by(by_name) {
        match entry {
            Ok(e) if e.file_type().is_file() && (is_article(e.path()) || also(e.path())) => {
                files.push(e.into_path())
            }
            Ok(_) => {}
            Err(e) => errors.push(WalkError::of(&e, dir)),
        }
    }
}

/// A file to check: given by name, or found while walking a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The file.
    pub path: PathBuf,
    /// True when it was found in a folder (and so is checked only for a known extension).
    pub walked: bool,
}

/// Walk `paths` lazily, in order: files as given, folders sorted and recursively.
/// Symbolic links are followed only when `follow_links` is set; then a link that leads
/// back to a folder being walked is reported as skipped, and not followed. Every regular file of a folder is yielded (with `walked` set), so the
/// caller can decide by extension and configuration; memory does not grow with the
/// number of files.
pub fn walk_lazily(
    paths: &[PathBuf],
    follow_links: bool,
) -> impl Iterator<Item = Result<Found, WalkError>> + '_ {
    paths.iter().flat_map(
        move |path| -> Box<dyn Iterator<Item = Result<Found, WalkError>>> {
            if !path.is_dir() {
                return Box::new(std::iter::once(Ok(Found {
                    path: path.clone(),
                    walked: false,
                })));
            }
            let entries = WalkDir::new(path)
                .follow_links(follow_links)
                .sort_by(by_name)
                .into_iter();
            Box::new(entries.filter_map(move |entry| match entry {
                Ok(e) if e.file_type().is_file() => Some(Ok(Found {
                    path: e.into_path(),
                    walked: true,
                })),
                Ok(_) => None,
                Err(e) => Some(Err(WalkError::of(&e, path))),
            }))
        },
    )
}

/// The order of the entries of one folder: by file name. Entries of one folder share
/// their parent's path, so comparing whole paths orders them as their names do, without
/// splitting each path into components on every comparison.
fn by_name(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    a.path().as_os_str().cmp(b.path().as_os_str())
}

/// True for files with one of the [`ARTICLE_EXTENSIONS`].
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_name_order_depth_first() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path();
        for name in [
            "b.txt", "a b.txt", "ab.txt", "a.txt", "a/z.md", "a/c.txt", "A.txt", "é.txt",
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
            std::fs::write(&path, "Text.").expect("file");
        }
        let names = |found: Vec<PathBuf>| -> Vec<String> {
            found
                .iter()
                .map(|p| {
                    p.strip_prefix(root)
                        .expect("inside")
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        };
        // Byte order of names: the folder "a" comes before "a b.txt", its files with it.
        let expected = [
            "A.txt", "a/c.txt", "a/z.md", "a b.txt", "a.txt", "ab.txt", "b.txt", "é.txt",
        ];
        let lazily = walk_lazily(&[root.to_path_buf()], false)
            .map(|found| found.expect("readable").path)
            .collect();
        assert_eq!(names(lazily), expected);
        let (listed, errors) = collect(&[root.to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(names(listed), expected);
    }
}
