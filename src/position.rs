//! Byte spans in source text and their translation to lines and columns.

use std::ops::Range;

/// An end-exclusive byte range in the original source of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end-exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range usable for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values from the start of the line.
    pub column: usize,
}

/// Start offsets of every line in a text, built once per document.
///
/// A line ends after `\n`; a `\r` before it belongs to the line's terminator and
/// is never counted as a column. A byte-order mark at the start of the text is
/// not counted as a column either.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    bom: usize,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        LineIndex { starts, bom }
    }

    /// Number of lines (a trailing newline opens one last empty line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where the 1-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// Byte range of the 1-based `line` without its terminator (`\n` or `\r\n`).
    pub fn line_range(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = self.line_start(line)?;
        let mut end = self.line_start(line + 1).unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        Some(start..end)
    }

    /// Line and column of the byte `offset` (clamped to the text, moved back to a
    /// character boundary when it falls inside a character).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let mut start = self.starts[line - 1];
        if line == 1 {
            start = start.max(self.bom.min(offset));
        }
        let column = text[start..offset].chars().count() + 1;
        LineCol { line, column }
    }

    /// Byte offset of a line and column, the inverse of [`LineIndex::line_col`].
    pub fn offset(&self, text: &str, at: LineCol) -> Option<usize> {
        let mut start = self.line_start(at.line)?;
        if at.line == 1 {
            start += self.bom;
        }
        let end = self.line_start(at.line + 1).unwrap_or(text.len());
        let line = text.get(start..end)?;
        let skip = at.column.checked_sub(1)?;
        match line.char_indices().nth(skip) {
            Some((i, _)) => Some(start + i),
            None if line.chars().count() == skip => Some(end),
            None => None,
        }
    }
}

/// The smallest character boundary of `text` at or after `at` (clamped to its length).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The largest character boundary of `text` at or before `at` (clamped to its length).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: usize, column: usize) -> LineCol {
        LineCol { line, column }
    }

    #[test]
    fn ascii_lines() {
        let text = "ab\ncd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), lc(1, 1));
        assert_eq!(index.line_col(text, 2), lc(1, 3));
        assert_eq!(index.line_col(text, 3), lc(2, 1));
        assert_eq!(index.line_col(text, 6), lc(3, 1));
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn multibyte_columns_count_scalar_values() {
        let text = "Zürich – “Kyiv” 東京 😀x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x), lc(1, 21));
        let kyiv = text.find("Kyiv").unwrap();
        assert_eq!(index.line_col(text, kyiv), lc(1, 11));
    }

    #[test]
    fn crlf_terminator_is_not_a_column() {
        let text = "one\r\ntwo\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 5), lc(2, 1));
        assert_eq!(index.line_range(text, 1), Some(0..3));
        assert_eq!(index.line_range(text, 2), Some(5..8));
    }

    #[test]
    fn last_line_without_newline() {
        let text = "first\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 10), lc(2, 5));
        assert_eq!(index.line_range(text, 2), Some(6..10));
        assert_eq!(index.offset(text, lc(2, 5)), Some(10));
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}Hello";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), lc(1, 1));
        assert_eq!(index.offset(text, lc(1, 1)), Some(3));
    }

    #[test]
    fn offsets_round_trip_on_every_boundary() {
        let text = "a–b\r\nç😀\n\nend";
        let index = LineIndex::new(text);
        for (i, _) in text.char_indices() {
            let at = index.line_col(text, i);
            assert_eq!(index.offset(text, at), Some(i), "offset {i}");
        }
    }

    #[test]
    fn offset_inside_a_character_moves_back() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 1), lc(1, 1));
    }
}
