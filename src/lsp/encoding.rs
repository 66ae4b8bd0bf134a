//! Positions as LSP clients count them: 0-based lines, and columns in UTF-16 code units
//! (the default) or in bytes, as negotiated at start-up.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::position::{floor_char_boundary, LineIndex, Span};

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units, the protocol's default.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (it is copydesk's own unit), else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The encoding as the protocol names it.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn units(self, text: &str) -> usize {
        match self {
            Encoding::Utf8 => text.len(),
            Encoding::Utf16 => text.encode_utf16().count(),
        }
    }
}

/// Converts between byte offsets of one text and client positions.
#[derive(Debug, Clone, Copy)]
pub struct Positions<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    encoding: Encoding,
}

impl<'a> Positions<'a> {
    /// Positions in `text`, whose line starts are `lines`.
    pub fn new(text: &'a str, lines: &'a LineIndex, encoding: Encoding) -> Self {
        Positions {
            text,
            lines,
            encoding,
        }
    }

    /// The client position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.lines.line_col(self.text, offset).line;
        let start = self.lines.line_start(line).unwrap_or(0).min(offset);
        let character = self.encoding.units(&self.text[start..offset]);
        Position::new(to_u32(line - 1), to_u32(character))
    }

    /// The client range of a span.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a client position; a column past the end of its line is the
    /// line's end, a line past the end of the text is the text's end.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize + 1;
        let Some(range) = self.lines.line_range(self.text, line) else {
            return self.text.len();
        };
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in self.text[range.clone()].char_indices() {
            if units >= wanted {
                return range.start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        range.end
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, needle: &str, encoding: Encoding) -> Position {
        let lines = LineIndex::new(text);
        let positions = Positions::new(text, &lines, encoding);
        let at = text.find(needle).unwrap();
        let position = positions.position(at);
        assert_eq!(positions.offset(position), at);
        position
    }

    #[test]
    fn utf16_counts_surrogate_pairs_and_utf8_counts_bytes() {
        let text = "Intro\nA 😀 café in 東京: Kiev\r\nnext";
        assert_eq!(round_trip(text, "Kiev", Encoding::Utf16), Position::new(1, 17));
        assert_eq!(round_trip(text, "Kiev", Encoding::Utf8), Position::new(1, 24));
        assert_eq!(round_trip(text, "next", Encoding::Utf16), Position::new(2, 0));
        assert_eq!(round_trip(text, "東京", Encoding::Utf16), Position::new(1, 13));
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let lines = LineIndex::new(text);
        let positions = Positions::new(text, &lines, Encoding::Utf16);
        assert_eq!(positions.offset(Position::new(0, 99)), 2);
        assert_eq!(positions.offset(Position::new(9, 0)), text.len());
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
    }
}
