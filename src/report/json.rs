//! A versioned JSON report: one document with every finding and every file error.

use std::io::{self, Write};

use serde::Serialize;

use super::{located, Reporter, Summary};
use crate::baseline::Entry;
use crate::engine::CheckedFile;
use crate::finding::Finding;
use crate::position::Span;
use crate::source::Document;

/// Version of the JSON layout; raised on any incompatible change.
pub const JSON_VERSION: u32 = 1;

/// Writes `{"version", "findings": […], "errors": […], "stale_baseline": […], "summary": {…}}`,
/// streaming the findings.
#[derive(Debug, Default)]
pub struct JsonReporter {
    started: bool,
    written: usize,
}

#[derive(Serialize)]
struct Position<'a> {
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

#[derive(Serialize)]
struct JsonFinding<'a> {
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

/// A baseline entry that no longer occurs.
#[derive(Serialize)]
struct JsonStaleEntry<'a> {
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

fn to_json<'a>(doc: &'a Document, f: &'a Finding) -> JsonFinding<'a> {
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
            serde_json::to_writer(&mut *out, &to_json(&file.doc, f))?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        let errors: Vec<_> = summary
            .errors
            .iter()
            .map(|e| serde_json::json!({"path": e.path, "error": e.message}))
            .collect();
        let stale: Vec<JsonStaleEntry> = summary.stale_baseline.iter().map(JsonStaleEntry::from).collect();
        let tail = serde_json::json!({
            "files": summary.files,
            "findings": summary.findings(),
            "info": summary.by_severity[0],
            "warning": summary.by_severity[1],
            "error": summary.by_severity[2],
        });
        writeln!(
            out,
            "\n],\"errors\":{},\"stale_baseline\":{},\"summary\":{}}}",
            serde_json::Value::Array(errors),
            serde_json::to_string(&stale)?,
            tail
        )
    }
}
