//! Rule-agnostic analyses of prose: sentences and URLs.

pub mod capitalised;
pub mod phrases;
pub mod quantities;
pub mod quotes;
pub mod scan;
pub mod sentences;
pub mod urls;
pub mod words;

use std::ops::Range;

/// `range` of `text` without the whitespace at either end (empty ranges stay at their start).
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    range.start + lead..(range.end - trail).max(range.start + lead)
}
