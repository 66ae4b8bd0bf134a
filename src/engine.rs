//! The engine: every rule over one document, many documents in parallel, stable order.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

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
}

impl RuleSet {
    /// Run every rule over `doc`; findings come sorted by position, then rule id.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let mut findings = Vec::new();
        for rule in self.rules() {
            rule.run(doc, &mut findings);
        }
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule_id()).cmp(&(b.span.start, b.span.end, b.rule_id()))
        });
        findings
    }

    /// Read, parse and check one file.
    pub fn check_file(&self, path: &Path, options: &CheckOptions) -> Result<CheckedFile, SourceError> {
        let bytes = std::fs::read(path).map_err(|source| SourceError::Io {
            path: path.to_owned(),
            source,
        })?;
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
        let mut doc = Document::from_bytes(path, bytes, format)?;
        if doc.date.is_none() {
            doc.date.clone_from(&options.date);
        }
        let findings = self.check(&doc);
        Ok(CheckedFile { doc, findings })
    }

    /// Check many files in parallel; results keep the order of `paths`.
    pub fn check_files(
        &self,
        paths: &[PathBuf],
        options: &CheckOptions,
    ) -> Vec<Result<CheckedFile, SourceError>> {
        paths.par_iter().map(|p| self.check_file(p, options)).collect()
    }
}
