//! The runs of word characters of a text that may begin one of many known terms, found
//! without looking at every word.

use std::ops::Range;

use super::literals::{Literals, Preference};
use super::scan::{next_stop, Stops};
use super::words::{word_char_at, word_char_before, word_run_end};

/// The bit for a word of `len` bytes in a set of lengths (31 for 31 and more).
pub fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// Where a word that may begin a term can start, found by skipping ahead.
const UPPER_DIGIT_OR_NON_ASCII: Stops = Stops {
    capitals: true,
    digits: true,
    non_ascii: true,
};

/// True for the ASCII bytes whose words are found by skipping ahead: capitals and digits.
pub fn starts_upper_or_digit(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

/// The runs of word characters of a text, in order, that may begin a term: those
/// starting with a capital, a digit or a non-ASCII word character (found by skipping
/// eight bytes at a time), and those at the other starts given, where a search for the
/// terms that begin otherwise found one. Every other word begins no term.
pub struct WordStarts<'a> {
    hay: &'a str,
    /// Where the range searched begins: a word may start there whatever comes before.
    from: usize,
    at: usize,
    /// Where the terms that begin otherwise may occur, in order. A start where none
    /// fits is harmless: the term is looked up and does not fit.
    lower: std::iter::Peekable<std::iter::Copied<std::slice::Iter<'a, usize>>>,
}

impl<'a> WordStarts<'a> {
    /// The words of `hay` from byte `from` on, with `lower_starts` (ascending) the other
    /// places a term may begin.
    pub fn new(hay: &'a str, from: usize, lower_starts: &'a [usize]) -> Self {
        WordStarts {
            hay,
            from,
            at: from,
            lower: lower_starts.iter().copied().peekable(),
        }
    }

    /// Go on from byte `at` (a character boundary).
    #[inline]
    pub fn skip_to(&mut self, at: usize) {
        self.at = self.at.max(at);
    }
}

impl Iterator for WordStarts<'_> {
    type Item = Range<usize>;

    #[inline(always)]
    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.hay.as_bytes();
        while self.at < bytes.len() {
            let upper = next_stop(bytes, self.at, UPPER_DIGIT_OR_NON_ASCII);
            while self.lower.next_if(|&i| i < self.at).is_some() {}
            let start = match self.lower.peek() {
                Some(&i) if i < upper => i,
                _ => upper,
            };
            if start >= bytes.len() {
                break;
            }
            let (word, len) = word_char_at(self.hay, start);
            if !word || (start > self.from && word_char_before(self.hay, start)) {
                self.at = start + len;
                continue;
            }
            let end = word_run_end(self.hay, start);
            self.at = end;
            return Some(start..end);
        }
        self.at = bytes.len();
        None
    }
}

/// A search for every place where one of a few terms begins, even inside another (each
/// search goes on from just after the last start found): the terms that begin with a
/// word [`WordStarts`] does not skip to. A vector searcher when the CPU has one, since a
/// prefilter on first bytes would stop at every "a" of "al Qaeda"; else an automaton.
#[derive(Debug, Clone)]
pub struct TermStarts(Literals);

impl TermStarts {
    /// The search for `terms`.
    pub fn new(terms: &[&str]) -> Result<Self, String> {
        Literals::with_chosen_buckets(terms, Preference::First)
            .map(TermStarts)
            .map_err(|e| format!("cannot build the term automaton: {e}"))
    }

    /// Every place in `span` of `text` where a term that fits in the span begins, in order.
    pub fn in_span(&self, text: &str, span: Range<usize>) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut at = span.start;
        while let Some(found) = self.0.first_in(text, at..span.end) {
            starts.push(found);
            at = found + 1;
        }
        starts
    }
}
