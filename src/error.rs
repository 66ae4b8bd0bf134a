//! Typed errors of the library; the binary decides their wording on screen and the exit status.

use std::path::PathBuf;

use thiserror::Error;

/// A problem in a rule or configuration file, with the place it was found.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{path}:{line}:{column}: {message}")]
pub struct RuleError {
    /// The rule file (or `<builtin>/NAME` for the embedded pack).
    pub path: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// All the problems found while loading rules; loading reports every broken file.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{}", .errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct RuleErrors {
    /// One entry per problem, in file order.
    pub errors: Vec<RuleError>,
}

/// A problem reading or parsing one article.
#[derive(Debug, Error)]
pub enum SourceError {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", .path.display())]
    Io {
        /// The article's path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("{path}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// The article's path.
        path: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file is not UTF-8 and holds a NUL byte, so it is binary, not an article: skipped.
    #[error("{path}: skipped: a binary file (NUL byte at byte {offset}), not checked as text")]
    Binary {
        /// The article's path.
        path: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The file is larger than the run allows: skipped.
    #[error("{}: skipped: {size} bytes, more than the limit of {limit} (--max-file-size)", .path.display())]
    TooLarge {
        /// The article's path.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The YAML front matter is malformed.
    #[error("{path}:{line}:{column}: invalid front matter: {message}")]
    FrontMatter {
        /// The article's path (filled in by the caller).
        path: String,
        /// 1-based line in the article.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl SourceError {
    /// True when the file was left out on purpose (binary, too large), which is a note,
    /// not a failure of the run.
    pub fn is_skip(&self) -> bool {
        matches!(self, SourceError::Binary { .. } | SourceError::TooLarge { .. })
    }

    /// The path of the file concerned, as given.
    pub fn path(&self) -> String {
        match self {
            SourceError::Io { path, .. } | SourceError::TooLarge { path, .. } => path.display().to_string(),
            SourceError::InvalidUtf8 { path, .. }
            | SourceError::Binary { path, .. }
            | SourceError::FrontMatter { path, .. } => path.clone(),
        }
    }
}

impl SourceError {
    /// Attach the article's path to an error made without it.
    pub fn with_path(self, path: &str) -> Self {
        match self {
            SourceError::InvalidUtf8 { offset, .. } => SourceError::InvalidUtf8 {
                path: path.to_owned(),
                offset,
            },
            SourceError::FrontMatter {
                line,
                column,
                message,
                ..
            } => SourceError::FrontMatter {
                path: path.to_owned(),
                line,
                column,
                message,
            },
            other => other,
        }
    }
}

/// Any error of the library.
#[derive(Debug, Error)]
pub enum Error {
    /// Rule files are broken.
    #[error(transparent)]
    Rules(#[from] RuleErrors),
    /// An article could not be read.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// A configuration file is broken.
    #[error(transparent)]
    Config(RuleErrors),
    /// A rule folder could not be read.
    #[error("{}: cannot read rule folder: {source}", .path.display())]
    RuleDir {
        /// The folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}
