//! The engine: every rule over one document, many documents in parallel, stable order.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::config::select::RuleSelection;
use crate::config::{FileSettings, Project};
use crate::error::SourceError;
use crate::finding::Finding;
use crate::rule::RuleSet;
use crate::source::{Document, Format};

/// One checked document and its findings, in stable order.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The document as parsed.
    pub doc: Document,
    /// Findings sorted by position, then rule.
    pub findings: Vec<Finding>,
}

/// Settings that apply to every document of a run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Article date used when a document has none of its own (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Input format for every file, instead of the one implied by its extension.
    pub format: Option<Format>,
    /// Files larger than this many bytes are skipped; none are when `None`.
    pub max_file_size: Option<u64>,
    /// Drop each checked document's prose on the thread that checked it, keeping its
    /// text and lines: for callers that only report findings, which point into the text.
    /// Fixes and baselines read the prose, so they keep it.
    pub drop_prose: bool,
}

impl RuleSet {
    /// Run every rule over `doc`; findings come sorted by position, then rule id.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        self.check_selected(doc, None)
    }

    /// Run the rules `selection` enables (all when `None`), at the severities it sets.
    pub fn check_selected(&self, doc: &Document, selection: Option<&RuleSelection>) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (i, rule) in self.rules().iter().enumerate() {
            if selection.is_some_and(|s| !s.is_enabled(i)) {
                continue;
            }
            let first = findings.len();
            rule.run(doc, &mut findings);
            if let Some(severity) = selection.and_then(|s| s.severity(i)) {
                for finding in &mut findings[first..] {
                    // A weaker case the rule reported below its level stays below the new one.
                    finding.severity = if finding.severity == rule.severity {
                        severity
                    } else {
                        finding.severity.min(severity)
                    };
                }
            }
        }
        crate::suppress::apply(doc, self, selection, &mut findings);
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule_id()).cmp(&(b.span.start, b.span.end, b.rule_id()))
        });
        findings
    }

    /// Read, parse and check one file.
    pub fn check_file(&self, path: &Path, options: &CheckOptions) -> Result<CheckedFile, SourceError> {
        let bytes = crate::source::read_file(path, options.max_file_size)?;
        let format = options.format.unwrap_or_else(|| Format::from_path(path));
        self.check_bytes(&path.display().to_string(), bytes, format, options)
    }

    /// Parse and check bytes that were read from `path` (or standard input).
    pub fn check_bytes(
        &self,
        path: &str,
        bytes: Vec<u8>,
        format: Format,
        options: &CheckOptions,
    ) -> Result<CheckedFile, SourceError> {
        self.check_bytes_selected(path, bytes, format, options, None)
    }

    /// [`RuleSet::check_bytes`] with only the rules `selection` enables.
    pub fn check_bytes_selected(
        &self,
        path: &str,
        bytes: Vec<u8>,
        format: Format,
        options: &CheckOptions,
        selection: Option<&RuleSelection>,
    ) -> Result<CheckedFile, SourceError> {
        let mut doc = Document::from_bytes(path, bytes, format)?;
        if doc.date.is_none() {
            doc.date.clone_from(&options.date);
        }
        let findings = self.check_selected(&doc, selection);
        // The shared analyses served the checks alone: free them here, on the thread
        // that made them, rather than wherever the result is reported.
        doc.forget_analyses();
        if options.drop_prose {
            doc.prose = Default::default();
        }
        Ok(CheckedFile { doc, findings })
    }

    /// Check many files in parallel, each its own task; results keep the order of `paths`.
    pub fn check_files(
        &self,
        paths: &[PathBuf],
        options: &CheckOptions,
    ) -> Vec<Result<CheckedFile, SourceError>> {
        paths
            .par_iter()
            .with_max_len(1)
            .map(|p| self.check_file(p, options))
            .collect()
    }
}

/// One file to check, with the project (configuration and rules) that applies to it.
#[derive(Debug, Clone)]
pub struct Job {
    /// The file.
    pub path: PathBuf,
    /// Its project.
    pub project: Arc<Project>,
    /// The project's settings for this file.
    pub settings: FileSettings,
    /// Its input format.
    pub format: Format,
}

impl Job {
    /// Read, parse and check the file with its project's rules and settings.
    pub fn run(&self, options: &CheckOptions) -> Result<CheckedFile, SourceError> {
        let bytes = crate::source::read_file(&self.path, options.max_file_size)?;
        self.run_on(bytes, options)
    }

    /// Check `bytes` as the contents of the file.
    pub fn run_on(&self, bytes: Vec<u8>, options: &CheckOptions) -> Result<CheckedFile, SourceError> {
        self.project.rules.check_bytes_selected(
            &self.path.display().to_string(),
            bytes,
            self.format,
            options,
            Some(&self.settings.selection),
        )
    }
}

/// Check many jobs in parallel; results keep the order of `jobs`.
pub fn run_jobs(jobs: &[Job], options: &CheckOptions) -> Vec<Result<CheckedFile, SourceError>> {
    run_jobs_until(jobs, options, u64::MAX)
}

/// Check jobs in parallel, starting them in order, until the files read hold `bytes`
/// bytes: the results of the jobs started (always the first), in the order of `jobs`.
/// The jobs after them are not started. This bounds the memory of a batch by what its
/// files hold without asking the file system for their sizes first.
pub fn run_jobs_until(
    jobs: &[Job],
    options: &CheckOptions,
    bytes: u64,
) -> Vec<Result<CheckedFile, SourceError>> {
    if jobs.len() < 2 {
        // One file (an editor hook): starting the thread pool would cost more than it saves.
        return jobs.iter().map(|job| job.run(options)).collect();
    }
    // Every file its own task, taken in order by whichever thread is free: articles
    // differ in length, and a thread that is done takes the next file rather than wait
    // for a run of them to finish. Jobs are taken only while the files read so far hold
    // fewer than `bytes` bytes, so the jobs started are always the first ones.
    let next = AtomicUsize::new(0);
    let read = AtomicU64::new(0);
    let results: Vec<OnceLock<Result<CheckedFile, SourceError>>> =
        jobs.iter().map(|_| OnceLock::new()).collect();
    rayon::broadcast(|_| {
        while read.load(Ordering::Relaxed) < bytes {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                break;
            };
            let result = crate::source::read_file(&job.path, options.max_file_size).and_then(|content| {
                read.fetch_add(content.len() as u64, Ordering::Relaxed);
                job.run_on(content, options)
            });
            // Each index is taken once, so its place is empty.
            let _ = results[i].set(result);
        }
    });
    results.into_iter().map_while(OnceLock::into_inner).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropping_the_prose_keeps_the_findings_and_what_reports_read() {
        let rules = RuleSet::builtin().expect("the embedded pack");
        let text = "Reports suggest the mayor will resign.\n\nComments are closed.\n";
        let check = |drop_prose| {
            let options = CheckOptions {
                drop_prose,
                ..CheckOptions::default()
            };
            rules
                .check_bytes("a.txt", text.as_bytes().to_vec(), Format::Text, &options)
                .expect("checked")
        };
        let (kept, dropped) = (check(false), check(true));
        assert!(!kept.findings.is_empty());
        assert_eq!(kept.findings, dropped.findings);
        assert!(!kept.doc.prose.text.is_empty() && dropped.doc.prose.text.is_empty());
        let place = |file: &CheckedFile| -> Vec<_> {
            file.findings
                .iter()
                .map(|f| (file.doc.line_col(f.span.start), file.doc.slice(f.span).to_owned()))
                .collect()
        };
        assert_eq!(place(&kept), place(&dropped));
    }
}
