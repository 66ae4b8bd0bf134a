//! What the fuzz targets run, shared with the test that replays the inputs they once
//! failed on (`tests/fuzz_regressions.rs`). Each function takes raw bytes, runs one part
//! of copydesk on them, and panics when an invariant breaks. Errors are fine; panics,
//! hangs and wrong positions are not.

#![allow(dead_code)]

use std::sync::LazyLock;

use copydesk::{CheckOptions, Document, Finding, Format, RuleSet, Span};

/// The embedded pack, compiled once per process.
static BUILTIN: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("the embedded pack loads"));

/// The input format chosen by the first byte, and the rest of the input.
fn split_format(data: &[u8]) -> (Format, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => {
            let format = match first % 3 {
                0 => Format::Text,
                1 => Format::Markdown,
                _ => Format::Html,
            };
            (format, rest)
        }
        None => (Format::Text, data),
    }
}

/// Parse a document (text, Markdown or HTML by the first byte) and check that its
/// visible prose maps back into the source and that line and column round-trip.
pub fn parse(data: &[u8]) {
    let (format, rest) = split_format(data);
    let Ok(doc) = Document::from_bytes("fuzz", rest.to_vec(), format) else {
        return;
    };
    let prose = &doc.prose.text;
    for (at, c) in prose.char_indices().step_by(7) {
        assert_span(
            &doc,
            doc.source_span(at..at + c.len_utf8()),
            "prose mapped to source",
        );
    }
    assert_span(&doc, doc.source_span(prose.len()..prose.len()), "end of prose");
    for (at, _) in doc.text.char_indices().step_by(5) {
        round_trip(&doc, at);
    }
    round_trip(&doc, doc.text.len());
}

/// Load a rule pack from arbitrary YAML; when it loads, run it over a short article.
pub fn rules(data: &[u8]) {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    match RuleSet::from_files("fuzz", &[("fuzz.yaml", yaml)]) {
        Ok(rules) => {
            let doc = Document::from_text(
                "a.txt",
                "Reports suggest 12% of 40 voters left on Friday, 3 May 2024.\n",
            )
            .expect("plain text parses");
            for finding in rules.check(&doc) {
                assert_finding(&doc, &finding);
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty(), "an error says what is wrong");
        }
    }
}

/// Check a document (format by the first byte) with the embedded pack and test every
/// finding's positions and fixes against the source.
pub fn check(data: &[u8]) {
    let (format, rest) = split_format(data);
    let Ok(file) = BUILTIN.check_bytes("fuzz", rest.to_vec(), format, &CheckOptions::default()) else {
        return;
    };
    for finding in &file.findings {
        assert_finding(&file.doc, finding);
    }
}

/// A finding's span, related places and fix edits lie in the source on character
/// boundaries, its start round-trips through line and column, and its edits are in order.
pub fn assert_finding(doc: &Document, finding: &Finding) {
    assert_span(doc, finding.span, finding.rule_id());
    round_trip(doc, finding.span.start);
    round_trip(doc, finding.span.end);
    for label in &finding.related {
        assert_span(doc, label.span, "related place");
    }
    if let Some(fix) = &finding.fix {
        let mut end = 0;
        for edit in &fix.edits {
            assert_span(doc, edit.span, "fix edit");
            assert!(edit.span.start >= end, "{}: fix edits overlap", finding.rule_id());
            end = edit.span.end;
        }
    }
}

pub fn assert_span(doc: &Document, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= doc.text.len(),
        "{what}: span {span:?} outside a source of {} bytes",
        doc.text.len()
    );
    assert!(
        doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character"
    );
}

/// Line and column lead back to `offset`; offsets inside a byte order mark, which is not
/// a character of the text, all stand for the first column.
pub fn round_trip(doc: &Document, offset: usize) {
    let bom = if doc.text.starts_with('\u{feff}') { 3 } else { 0 };
    let offset = offset.max(bom);
    let at = doc.line_col(offset);
    assert_eq!(
        doc.lines.offset(&doc.text, at),
        Some(offset),
        "line {} column {} does not lead back to byte {offset}",
        at.line,
        at.column
    );
}
