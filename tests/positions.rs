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

/// The 1-based line and column of the first occurrence of `needle` in `text`, counted
/// by hand (a line's `\r` is never before a match in these fixtures).
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in fixture");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

#[test]
fn html_findings_point_at_the_page_source() {
    let rules = common::rules();
    let path = common::articles_dir().join("bridge-closure.html");
    let file = rules
        .check_file(&path, &CheckOptions::default())
        .expect("readable");
    let doc = &file.doc;
    let find = |rule: &str| {
        file.findings
            .iter()
            .find(|f| f.rule_id() == rule)
            .unwrap_or_else(|| panic!("{rule} fires in the HTML fixture"))
    };
    let at = |f: &copydesk::Finding| {
        let lc = doc.line_col(f.span.start);
        (lc.line, lc.column)
    };

    // Inside a link: the span is the link text, not the tag around it.
    let title = find("copydesk/outdated-title");
    assert_eq!(doc.slice(title.span), "Chancellor Olaf Scholz");
    assert_eq!(at(title), position_of(&doc.text, "Chancellor Olaf Scholz</a>"));
    assert_eq!(at(title), (44, 52));
    let share = find("copydesk/share-buttons");
    assert_eq!(doc.slice(share.span), "Share this article");
    let facebook = file
        .findings
        .iter()
        .find(|f| doc.slice(f.span) == "Share on Facebook")
        .expect("the link text is furniture");
    assert_eq!(at(facebook), position_of(&doc.text, "Share on Facebook</a>"));

    // After a character reference on the same line: columns count the reference's source.
    let kiev = find("copydesk/misspelled-name");
    assert_eq!(doc.slice(kiev.span), "Kiev");
    assert_eq!(at(kiev), position_of(&doc.text, "Kiev"));
    assert_eq!(at(kiev), (45, 71));

    // A quotation opened and closed by references spans both references.
    let quote = find("copydesk/quote-without-speaker");
    assert_eq!(
        doc.slice(quote.span),
        "&ldquo;We have no choice but to shut it before the frost comes back.&rdquo;"
    );
    assert_eq!(at(quote), (38, 6));

    // The page's publication date drives date checks.
    assert_eq!(doc.day(), Some("2025-11-04"));
}

#[test]
fn html_with_crlf_keeps_columns_and_matches_across_wrapped_lines() {
    let rules = common::rules();
    let path = common::articles_dir().join("tallinn-summit.html");
    let file = rules
        .check_file(&path, &CheckOptions::default())
        .expect("readable");
    let doc = &file.doc;
    assert!(doc.text.contains("\r\n"), "the fixture keeps CRLF line ends");
    let title = file
        .findings
        .iter()
        .find(|f| f.rule_id() == "copydesk/outdated-title")
        .expect("a title wrapped over two source lines is still read");
    assert_eq!(doc.slice(title.span), "Secretary\r\nGeneral Jens Stoltenberg");
    let (start, end) = (doc.line_col(title.span.start), doc.line_col(title.span.end));
    assert_eq!(
        (start.line, start.column),
        position_of(&doc.text, "Secretary\r\nGeneral")
    );
    assert_eq!((end.line, end.column), (25, 25));
    let closed: Vec<&str> = file
        .findings
        .iter()
        .filter(|f| f.category() == copydesk::Category::Boilerplate)
        .map(|f| doc.slice(f.span))
        .collect();
    assert!(closed.contains(&"Follow us on Twitter"), "{closed:?}");
    assert_eq!(doc.day(), Some("2026-02-12"));
}
