//! A versioned JSON report: one document with every finding and every file error.

use std::io::{self, Write};

use super::wire::{write_json, JsonError, JsonFinding, JsonStaleEntry, JsonTotals};
use super::{Reporter, Summary};
use crate::engine::CheckedFile;

/// Version of the JSON layout (also of the `jsonl` lines); raised on any incompatible change.
pub const JSON_VERSION: u32 = 1;

/// Writes `{"version", "findings": […], "errors": […], "stale_baseline": […], "summary": {…}}`,
/// streaming the findings.
#[derive(Debug, Default)]
pub struct JsonReporter {
    started: bool,
    written: usize,
}

impl JsonReporter {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(
                out,
                "{{\"version\":{JSON_VERSION},\"tool\":\"copydesk\",\"findings\":["
            )?;
        }
        Ok(())
    }
}

impl Reporter for JsonReporter {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        self.start(out)?;
        for f in &file.findings {
            if self.written > 0 {
                out.write_all(b",")?;
            }
            out.write_all(b"\n")?;
            write_json(out, &JsonFinding::of(&file.doc, f))?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        let errors: Vec<JsonError> = summary.errors.iter().map(JsonError::from).collect();
        write!(out, "\n],\"errors\":")?;
        write_json(out, &errors)?;
        let skipped: Vec<JsonError> = summary.skipped.iter().map(JsonError::from).collect();
        write!(out, ",\"skipped\":")?;
        write_json(out, &skipped)?;
        let stale: Vec<JsonStaleEntry> = summary.stale_baseline.iter().map(JsonStaleEntry::from).collect();
        write!(out, ",\"stale_baseline\":")?;
        write_json(out, &stale)?;
        write!(out, ",\"summary\":")?;
        write_json(out, &JsonTotals::from(summary))?;
        writeln!(out, "}}")
    }
}
