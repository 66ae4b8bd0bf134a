//! The JSON shapes of findings, file errors and totals, shared by the `json` and `jsonl`
//! formats so that both describe a finding with the same fields.

use std::io::{self, Write};

use crate::baseline::Entry;
use serde::Serialize;

use super::{located, FileError, Summary};
use crate::finding::Finding;
use crate::position::Span;
use crate::source::Document;

/// Write `value` to `out` as JSON in one piece. Written straight to `out`, the
/// serializer's many small pieces (each key, quote and escape) would each be a call
/// through `dyn Write`: for a finding, most of the time its line took.
pub(crate) fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    out.write_all(&serde_json::to_vec(value)?)
}

/// [`write_json`] followed by a line break: one line of JSON Lines.
pub(crate) fn write_json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut line = serde_json::to_vec(value)?;
    line.push(b'\n');
    out.write_all(&line)
}

/// A span as lines, columns and bytes, with an optional message.
#[derive(Serialize)]
pub(crate) struct Position<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

impl<'a> Position<'a> {
    fn of(doc: &Document, span: Span, message: Option<&'a str>) -> Self {
        let start = doc.line_col(span.start);
        let end = doc.line_col(span.end);
        Position {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_start: span.start,
            byte_end: span.end,
            message,
        }
    }
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    #[serde(flatten)]
    at: Position<'a>,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    description: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

/// One finding with its path, rule, positions, match, related places and fix.
#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    path: &'a str,
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(rename = "match")]
    matched: &'a str,
    related: Vec<Position<'a>>,
    fix: Option<JsonFix<'a>>,
    note: Option<&'a str>,
    link: Option<&'a str>,
}

impl<'a> JsonFinding<'a> {
    /// The wire form of finding `f` of `doc`.
    pub(crate) fn of(doc: &'a Document, f: &'a Finding) -> Self {
        let (start, end) = located(doc, f);
        JsonFinding {
            path: &doc.path,
            rule: f.rule_id(),
            category: f.category().as_str(),
            severity: f.severity.as_str(),
            message: &f.message,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_start: f.span.start,
            byte_end: f.span.end,
            matched: doc.slice(f.span),
            related: f
                .related
                .iter()
                .map(|l| Position::of(doc, l.span, Some(&l.message)))
                .collect(),
            fix: f.fix.as_ref().map(|fix| JsonFix {
                description: &fix.description,
                edits: fix
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        at: Position::of(doc, e.span, None),
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
            note: f.rule.note.as_deref(),
            link: f.rule.link.as_deref(),
        }
    }
}

/// A file that could not be checked.
#[derive(Serialize)]
pub(crate) struct JsonError<'a> {
    path: &'a str,
    error: &'a str,
}

impl<'a> From<&'a FileError> for JsonError<'a> {
    fn from(e: &'a FileError) -> Self {
        JsonError {
            path: &e.path,
            error: &e.message,
        }
    }
}

/// The totals of a run.
#[derive(Serialize)]
pub(crate) struct JsonTotals {
    files: usize,
    findings: usize,
    info: usize,
    warning: usize,
    error: usize,
}

impl From<&Summary> for JsonTotals {
    fn from(s: &Summary) -> Self {
        let [info, warning, error] = s.by_severity;
        JsonTotals {
            files: s.files,
            findings: s.findings(),
            info,
            warning,
            error,
        }
    }
}

/// A baseline entry that no longer occurs.
#[derive(Serialize)]
pub struct JsonStaleEntry<'a> {
    path: &'a str,
    rule: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    context: &'a str,
    count: usize,
    line: usize,
    message: &'a str,
}

impl<'a> From<&'a Entry> for JsonStaleEntry<'a> {
    fn from(e: &'a Entry) -> Self {
        JsonStaleEntry {
            path: &e.path,
            rule: &e.rule,
            matched: &e.matched,
            context: &e.context,
            count: e.count,
            line: e.line,
            message: &e.message,
        }
    }
}
