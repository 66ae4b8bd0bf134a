//! Rule-agnostic analyses of prose: sentences and URLs.

pub mod capitalised;
pub mod literals;
pub mod phrases;
pub mod quantities;
pub mod quotes;
pub mod scan;
pub mod sentences;
pub mod urls;
pub mod word_starts;
pub mod words;

use std::ops::Range;

/// `range` of `text` without the whitespace at either end (empty ranges stay at their start).
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    // Most pieces begin and end with ASCII that is not whitespace: nothing to trim.
    let solid = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !(b as char).is_whitespace());
    if solid(piece.as_bytes().first()) && solid(piece.as_bytes().last()) {
        return range;
    }
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    range.start + lead..(range.end - trail).max(range.start + lead)
}

/// The lines of `text`, each with its line feed: the pieces of
/// `text.split_inclusive('\n')`, found by a vector search.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        let end = ends.next().map_or(text.len(), |i| i + 1);
        (start < end).then(|| {
            let line = &text[start..end];
            start = end;
            line
        })
    })
}

/// A search for a few characters that are not ASCII, as their UTF-8 bytes, which is far
/// quicker than decoding every character. Made once, as the searchers take some work.
#[derive(Debug, Clone)]
pub struct RareChars(Vec<memchr::memmem::Finder<'static>>);

impl RareChars {
    /// The search for `chars`.
    pub fn new(chars: &[char]) -> Self {
        RareChars(
            chars
                .iter()
                .map(|c| memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned())
                .collect(),
        )
    }

    /// True when `text` holds one of the characters.
    pub fn in_text(&self, text: &str) -> bool {
        !text.is_ascii() && self.0.iter().any(|f| f.find(text.as_bytes()).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_the_standard_split() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\nab\r\n\ncd\n", "é\nü\n\n"] {
            let ours: Vec<&str> = lines_inclusive(text).collect();
            let standard: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, standard, "{text:?}");
        }
    }

    #[test]
    fn trimmed_ranges_are_those_of_the_standard_trim() {
        let text = " a\t\u{a0}é b\u{2009}\n\u{b}x ";
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let piece = &text[start..end];
                let trimmed = trim_range(text, start..end);
                assert_eq!(&text[trimmed.clone()], piece.trim(), "{start}..{end}");
                if piece.trim().is_empty() {
                    assert_eq!(trimmed.start, trimmed.end);
                }
            }
        }
    }

    #[test]
    fn characters_are_found_as_a_whole() {
        let others = RareChars::new(&['\u{212A}', '\u{130}']);
        assert!(others.in_text("a \u{212A}elvin"));
        assert!(others.in_text("\u{130}stanbul"));
        // "Ī" (U+012A) shares a first byte with "İ", and curly quotes one with the Kelvin sign.
        assert!(!others.in_text("\u{12A} “quoted” — ’"));
        assert!(!others.in_text("plain ASCII"));
    }
}
