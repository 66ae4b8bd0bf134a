//! Positions are exact: every span points at its match in the original source, and
//! line/column round-trip to the byte offset, for every fixture.

mod common;

use copydesk::CheckOptions;

#[test]
fn spans_line_columns_and_fixes_point_at_the_source() {
    let rules = common::rules();
    let mut checked = 0;
    for path in common::articles() {
        let file = rules
            .check_file(&path, &CheckOptions::default())
            .expect("readable");
        let doc = &file.doc;
        for f in &file.findings {
            checked += 1;
            let span = f.span;
            assert!(
                span.start < span.end,
                "{}: empty span for {}",
                doc.path,
                f.rule_id()
            );
            assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
            let matched = doc.slice(span);
            // The span's text is the visible text the rule saw (markup inside it aside).
            assert!(!matched.trim().is_empty(), "{}: blank match", doc.path);
            assert_eq!(
                matched,
                matched.trim(),
                "{}: match has surrounding spaces",
                doc.path
            );
            for offset in [span.start, span.end] {
                let at = doc.line_col(offset);
                assert_eq!(
                    doc.lines.offset(&doc.text, at),
                    Some(offset),
                    "{} at {offset}",
                    doc.path
                );
            }
            let start = doc.line_col(span.start);
            let line = doc.lines.line_range(&doc.text, start.line).expect("line exists");
            let from_column: String = doc.text[line].chars().skip(start.column - 1).collect();
            assert!(from_column.starts_with(matched.lines().next().unwrap_or_default()));
            for edit in f.fix.iter().flat_map(|fix| &fix.edits) {
                assert!(edit.span.start <= span.start && edit.span.end >= span.end || edit.span == span);
                assert!(
                    doc.text.is_char_boundary(edit.span.start) && doc.text.is_char_boundary(edit.span.end)
                );
            }
        }
    }
    assert!(checked >= 10, "only {checked} findings in the fixtures");
}

#[test]
fn markdown_match_is_the_visible_text() {
    let rules = common::rules();
    let path = common::articles_dir().join("style-slips.md");
    let file = rules
        .check_file(&path, &CheckOptions::default())
        .expect("readable");
    let spanning = file
        .findings
        .iter()
        .find(|f| f.rule_id() == "house/vague-officials" && f.message.contains("Kharkov"))
        .expect("the officials finding spans a soft line break");
    assert_eq!(file.doc.slice(spanning.span), "officials\nin Kharkov said");
    let start = file.doc.line_col(spanning.span.start);
    let end = file.doc.line_col(spanning.span.end);
    assert_eq!((start.line, end.line), (3, 4));
}
