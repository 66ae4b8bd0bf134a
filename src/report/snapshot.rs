//! A deterministic plain-text report: no colour, no absolute paths, stable order.

use std::io::{self, Write};

use super::{located, portable_path, Reporter, Summary};
use crate::engine::CheckedFile;

/// Reviewable, diff-friendly findings.
#[derive(Debug, Default)]
pub struct SnapshotReporter;

impl Reporter for SnapshotReporter {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        let doc = &file.doc;
        let path = portable_path(&doc.path);
        for f in &file.findings {
            let (start, end) = located(doc, f);
            writeln!(
                out,
                "{path}:{}:{}-{}:{} {} {}",
                start.line,
                start.column,
                end.line,
                end.column,
                f.severity.as_str(),
                f.rule_id()
            )?;
            writeln!(out, "  message: {}", f.message)?;
            writeln!(out, "  match: {:?}", doc.slice(f.span))?;
            for label in &f.related {
                let at = doc.line_col(label.span.start);
                let to = doc.line_col(label.span.end);
                writeln!(
                    out,
                    "  related {}:{}-{}:{}: {} {:?}",
                    at.line,
                    at.column,
                    to.line,
                    to.column,
                    label.message,
                    doc.slice(label.span)
                )?;
            }
            if let Some(fix) = &f.fix {
                for edit in &fix.edits {
                    let at = doc.line_col(edit.span.start);
                    let to = doc.line_col(edit.span.end);
                    writeln!(
                        out,
                        "  fix: {} ({}:{}-{}:{} -> {:?})",
                        fix.description, at.line, at.column, to.line, to.column, edit.replacement
                    )?;
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "# {}", super::summary_line(summary))
    }
}
