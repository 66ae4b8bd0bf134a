//! Paths as CI services want them: relative to the working folder, with `/` separators,
//! and as URI references for SARIF.

use std::path::{Component, Path, PathBuf};

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// Bytes percent-encoded in one path segment of a URI reference: everything but
/// unreserved characters and sub-delimiters (so `:` too, which would start a scheme).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'@')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// `path` relative to the working folder when it is relative or lies inside it.
fn relative(path: &Path) -> Option<PathBuf> {
    if path.is_relative() {
        return Some(path.to_path_buf());
    }
    let cwd = std::env::current_dir().ok()?;
    path.strip_prefix(cwd).ok().map(Path::to_path_buf)
}

/// The segments of a relative path (`.` dropped, `..` kept).
fn segments(path: &Path) -> Vec<String> {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect()
}

/// The path relative to the working folder with `/` separators, or as given when it
/// lies outside that folder.
pub fn workspace_path(path: &str) -> String {
    match relative(Path::new(path)) {
        Some(rel) => segments(&rel).join("/"),
        None => path.to_owned(),
    }
}

/// The path as a URI reference: relative to the working folder when it lies inside it,
/// else a `file:` URI; every segment percent-encoded.
pub fn artifact_uri(path: &str) -> String {
    let encode = |s: &str| utf8_percent_encode(s, SEGMENT).to_string();
    if let Some(rel) = relative(Path::new(path)) {
        return segments(&rel)
            .iter()
            .map(|s| encode(s))
            .collect::<Vec<_>>()
            .join("/");
    }
    let mut uri = String::from("file://");
    for component in Path::new(path).components() {
        match component {
            Component::Prefix(prefix) => {
                uri.push('/');
                uri.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::RootDir | Component::CurDir => {}
            other => {
                uri.push('/');
                uri.push_str(&encode(&other.as_os_str().to_string_lossy()));
            }
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_use_slashes_and_drop_dot_segments() {
        assert_eq!(workspace_path("./drafts/story.md"), "drafts/story.md");
        assert_eq!(artifact_uri("./drafts/story.md"), "drafts/story.md");
    }

    #[test]
    fn uri_segments_are_percent_encoded() {
        assert_eq!(
            artifact_uri("drafts/Zürich 50%#1:a.md"),
            "drafts/Z%C3%BCrich%2050%25%231%3Aa.md"
        );
        assert_eq!(artifact_uri("<stdin>"), "%3Cstdin%3E");
    }

    #[test]
    fn paths_inside_the_working_folder_become_relative() {
        let cwd = std::env::current_dir().unwrap();
        let inside = cwd.join("drafts").join("story.md");
        assert_eq!(workspace_path(&inside.display().to_string()), "drafts/story.md");
        assert_eq!(artifact_uri(&inside.display().to_string()), "drafts/story.md");
    }

    #[cfg(unix)]
    #[test]
    fn paths_outside_become_file_uris() {
        let cwd = std::env::current_dir().unwrap();
        assert!(!cwd.starts_with("/nowhere else"));
        assert_eq!(artifact_uri("/nowhere else/a.md"), "file:///nowhere%20else/a.md");
        assert_eq!(workspace_path("/nowhere else/a.md"), "/nowhere else/a.md");
    }
}
