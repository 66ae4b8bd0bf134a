//! JSON Lines: one object per line, written and flushed file by file.
//!
//! Every line has a `type`: `finding` lines carry the same fields as the findings of the
//! `json` format, `error` lines name a file that could not be checked, `stale_baseline`
//! lines the baseline entries that no longer occur (with `check --baseline`), and one
//! `summary` line, always the last, gives the layout version and the totals.

use std::io::{self, Write};

use serde::Serialize;

use super::json::JSON_VERSION;
use super::wire::{write_json_line, JsonError, JsonFinding, JsonStaleEntry, JsonTotals};
use super::{Reporter, Summary};
use crate::engine::CheckedFile;

/// Streams one JSON object per finding, then errors, skipped files and a summary line.
#[derive(Debug, Default)]
pub struct JsonLinesReporter;

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line<'a> {
    Finding(JsonFinding<'a>),
    Error(JsonError<'a>),
    Skipped(JsonError<'a>),
    StaleBaseline(JsonStaleEntry<'a>),
    Summary {
        version: u32,
        tool: &'static str,
        #[serde(flatten)]
        totals: JsonTotals,
    },
}

impl Reporter for JsonLinesReporter {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        for f in &file.findings {
            write_json_line(out, &Line::Finding(JsonFinding::of(&file.doc, f)))?;
        }
        out.flush()
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        for e in &summary.errors {
            write_json_line(out, &Line::Error(JsonError::from(e)))?;
        }
        for e in &summary.skipped {
            write_json_line(out, &Line::Skipped(JsonError::from(e)))?;
        }
        for e in &summary.stale_baseline {
            write_json_line(out, &Line::StaleBaseline(JsonStaleEntry::from(e)))?;
        }
        let totals = JsonTotals::from(summary);
        write_json_line(
            out,
            &Line::Summary {
                version: JSON_VERSION,
                tool: "copydesk",
                totals,
            },
        )
    }
}
