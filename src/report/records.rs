//! JSON Lines for batch input: the `jsonl` format with each line keyed by its record.
//!
//! `finding` lines are those of the `jsonl` format with the record's `id` added; a
//! record that could not be checked gets an `error` line with its input `line`, its `id`
//! (`null` when none could be read) and a `message`. The run ends, as in `jsonl`, with any
//! `stale_baseline` lines and the `summary` line.

use std::io::{self, Write};

use serde::Serialize;

use super::jsonl::JsonLinesReporter;
use super::wire::{write_json_line, JsonFinding};
use super::{Reporter, Summary};
use crate::batch::RecordId;
use crate::engine::CheckedFile;

/// Writes the findings and errors of JSON Lines records.
#[derive(Debug, Default)]
pub struct RecordReporter {
    closing: JsonLinesReporter,
}

/// A `finding` line: the `jsonl` finding with its record's id.
#[derive(Serialize)]
struct FindingLine<'a> {
    r#type: &'static str,
    id: &'a RecordId,
    #[serde(flatten)]
    finding: JsonFinding<'a>,
}

/// An `error` line: a record that could not be checked.
#[derive(Serialize)]
struct ErrorLine<'a> {
    r#type: &'static str,
    line: usize,
    id: Option<&'a RecordId>,
    message: &'a str,
}

impl RecordReporter {
    /// Report the (already filtered) findings of record `id`.
    pub fn record(&mut self, out: &mut dyn Write, id: &RecordId, file: &CheckedFile) -> io::Result<()> {
        for f in &file.findings {
            let finding = JsonFinding::of(&file.doc, f);
            write_json_line(
                out,
                &FindingLine {
                    r#type: "finding",
                    id,
                    finding,
                },
            )?;
        }
        Ok(())
    }

    /// Report that the record on input line `line` could not be checked.
    pub fn error(
        &mut self,
        out: &mut dyn Write,
        line: usize,
        id: Option<&RecordId>,
        message: &str,
    ) -> io::Result<()> {
        write_json_line(
            out,
            &ErrorLine {
                r#type: "error",
                line,
                id,
                message,
            },
        )
    }

    /// Close the stream: stale baseline entries and the summary line.
    pub fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.closing.finish(out, summary)
    }
}
