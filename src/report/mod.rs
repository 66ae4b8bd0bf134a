//! Reporters: write checked files to any writer in one output format.

mod checkstyle;
mod github;
mod human;
mod json;
mod jsonl;
mod line;
mod paths;
mod records;
mod sarif;
mod snapshot;
mod wire;

use std::io::{self, Write};
use std::path::{Component, Path};

use crate::baseline::Entry;
use crate::engine::CheckedFile;
use crate::finding::Finding;
use crate::position::LineCol;
use crate::rule::raw::Severity;
use crate::rule::RuleSet;
use crate::source::Document;

pub use checkstyle::CheckstyleReporter;
pub use github::GithubReporter;
pub use human::HumanReporter;
pub use json::JsonReporter;
pub use jsonl::JsonLinesReporter;
pub use line::LineReporter;
pub use records::RecordReporter;
pub use sarif::SarifReporter;
pub use snapshot::SnapshotReporter;

/// Output formats of `copydesk check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// rustc-style, with the source line and the match underlined.
    Human,
    /// `path:line:col: severity: message [rule]`, one per line.
    Line,
    /// One versioned JSON document.
    Json,
    /// Deterministic plain text, meant to be committed and reviewed as a diff.
    Snapshot,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=…::…`), one per finding.
    Github,
    /// Checkstyle XML.
    Checkstyle,
    /// JSON Lines: one object per finding, then errors and a summary line.
    #[value(name = "jsonl")]
    JsonLines,
}

/// A problem that stopped one file from being checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file.
    pub path: String,
    /// The full message, naming the path.
    pub message: String,
}

/// Totals of a run, handed to [`Reporter::finish`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Findings reported, by severity: info, warning, error.
    pub by_severity: [usize; 3],
    /// Files that could not be checked.
    pub errors: Vec<FileError>,
    /// Files and folders left out on purpose (binary, too large, a symbolic link loop).
    pub skipped: Vec<FileError>,
    /// Baseline entries of the checked files that no longer occur.
    pub stale_baseline: Vec<Entry>,
}

impl Summary {
    /// Count a reported finding.
    pub fn count(&mut self, severity: Severity) {
        self.by_severity[severity as usize] += 1;
    }

    /// All findings reported.
    pub fn findings(&self) -> usize {
        self.by_severity.iter().sum()
    }
}

/// Writes findings in one format.
pub trait Reporter {
    /// Report one checked file (its findings are already filtered).
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()>;
    /// Close the report.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
    /// Learn the rules of a rule set whose findings may follow (for formats that
    /// describe rules, such as SARIF).
    fn rules(&mut self, _rules: &RuleSet) {}
}

/// The reporter for `format`; `color` applies to the human format only, and `rules`
/// (the rules of the run) give SARIF its rule metadata.
pub fn reporter(format: OutputFormat, color: bool, rules: &[&RuleSet]) -> Box<dyn Reporter> {
    match format {
        OutputFormat::Human => Box::new(HumanReporter::new(color)),
        OutputFormat::Line => Box::new(LineReporter),
        OutputFormat::Json => Box::new(JsonReporter::default()),
        OutputFormat::Snapshot => Box::new(SnapshotReporter),
        OutputFormat::Sarif => Box::new(SarifReporter::new(rules)),
        OutputFormat::Github => Box::new(GithubReporter),
        OutputFormat::Checkstyle => Box::new(CheckstyleReporter::default()),
        OutputFormat::JsonLines => Box::new(JsonLinesReporter),
    }
}

/// Start and end (exclusive) of a finding's span as lines and columns.
pub fn located(doc: &Document, finding: &Finding) -> (LineCol, LineCol) {
    (doc.line_col(finding.span.start), doc.line_col(finding.span.end))
}

/// A path without absolute prefixes, for reports meant to be committed.
pub fn portable_path(path: &str) -> String {
    let p = Path::new(path);
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| p.to_path_buf());
    if relative.is_absolute() || relative.components().any(|c| matches!(c, Component::ParentDir)) {
        return p
            .file_name()
            .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned());
    }
    relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "3 warnings, 1 error in 2 files" (or "no findings in 2 files").
pub fn summary_line(summary: &Summary) -> String {
    let mut parts = Vec::new();
    for (i, word) in ["info", "warning", "error"].iter().enumerate().rev() {
        let n = summary.by_severity[i];
        if n > 0 {
            parts.push(if *word == "info" {
                format!("{n} info")
            } else {
                plural(n, word)
            });
        }
    }
    let found = if parts.is_empty() {
        "no findings".to_owned()
    } else {
        parts.join(", ")
    };
    let mut line = format!("{found} in {}", plural(summary.files, "file"));
    if !summary.errors.is_empty() {
        line.push_str(&format!(
            "; {} could not be checked",
            plural(summary.errors.len(), "file")
        ));
    }
    if !summary.skipped.is_empty() {
        line.push_str(&format!("; {} skipped", summary.skipped.len()));
    }
    line
}
