//! Prose: the visible text of a document, with an exact map back to its source.

use std::ops::Range;

use crate::position::Span;

/// One stretch of prose that came from one stretch of source.
#[derive(Debug, Clone, Copy)]
struct Segment {
    prose_start: usize,
    prose_len: usize,
    source: Span,
}

impl Segment {
    /// Verbatim copies map byte for byte; anything else maps to its whole source span.
    fn is_verbatim(&self) -> bool {
        self.prose_len == self.source.len()
    }
}

/// Maps byte offsets in prose back to byte offsets in the source.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    identity: bool,
}

impl OffsetMap {
    /// The map of prose that is the source itself.
    pub fn identity() -> Self {
        OffsetMap {
            segments: Vec::new(),
            identity: true,
        }
    }

    /// The source span of a prose range.
    pub fn to_source(&self, range: Range<usize>) -> Span {
        if self.identity {
            return Span::from(range);
        }
        let start = self.map_start(range.start);
        let end = self.map_end(range.end).max(start);
        Span::new(start, end)
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let i = self
            .segments
            .partition_point(|s| s.prose_start <= offset)
            .checked_sub(1)?;
        self.segments.get(i)
    }

    fn map_start(&self, offset: usize) -> usize {
        match self.segment_at(offset) {
            Some(s) if s.is_verbatim() => s.source.start + (offset - s.prose_start).min(s.prose_len),
            Some(s) if offset >= s.prose_start + s.prose_len => s.source.end,
            Some(s) => s.source.start,
            None => 0,
        }
    }

    fn map_end(&self, offset: usize) -> usize {
        match self.segment_at(offset.saturating_sub(1)) {
            Some(s) if s.is_verbatim() => s.source.start + (offset - s.prose_start).min(s.prose_len),
            Some(s) => s.source.end,
            None => 0,
        }
    }
}

/// An HTML comment (`<!-- … -->`) in the source: where inline suppressions live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, delimiters included.
    pub span: Span,
    /// The text between the delimiters.
    pub body: Span,
}

/// Find the comments in `source[range]`, in order; an unclosed one runs to the end.
pub fn scan_comments(source: &str, range: Span) -> Vec<Comment> {
    let mut comments = Vec::new();
    let mut at = range.start;
    while let Some(found) = source.get(at..range.end).and_then(|s| s.find("<!--")) {
        let open = at + found;
        let body_start = open + 4;
        let (body_end, end) = match source.get(body_start..range.end).and_then(|s| s.find("-->")) {
            Some(close) => (body_start + close, body_start + close + 3),
            None => (range.end, range.end),
        };
        comments.push(Comment {
            span: Span::new(open, end),
            body: Span::new(body_start, body_end),
        });
        at = end;
    }
    comments
}

/// The checkable text of a document and its structure, in prose offsets.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// All visible text, blocks separated by blank lines.
    pub text: String,
    /// Maps prose offsets to source offsets.
    pub map: OffsetMap,
    /// Paragraph-like blocks (paragraphs, headings, list items, table cells).
    pub paragraphs: Vec<Range<usize>>,
    /// Lines within blocks, without their line break.
    pub lines: Vec<Range<usize>>,
    /// Sentences within paragraphs, split when first asked for ([`Prose::sentences`]):
    /// a run whose rules read no sentence never splits them.
    sentences: std::sync::OnceLock<Vec<Range<usize>>>,
    /// The whole prose text, as one range.
    pub whole: Range<usize>,
    /// HTML comments of Markdown and HTML sources, in source order.
    pub comments: Vec<Comment>,
}

/// Builds [`Prose`] from pieces of source text, one block at a time.
#[derive(Debug, Default)]
pub struct ProseBuilder {
    prose: Prose,
    block_start: Option<usize>,
}

impl ProseBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Start a new block; closes the previous one.
    pub fn start_block(&mut self) {
        self.end_block();
        if !self.prose.text.is_empty() {
            self.prose.text.push_str("\n\n");
        }
        self.block_start = Some(self.prose.text.len());
    }

    /// Close the current block, if any.
    pub fn end_block(&mut self) {
        if let Some(start) = self.block_start.take() {
            let end = self.prose.text.len();
            if self.prose.text[start..end].trim().is_empty() {
                return;
            }
            self.prose.paragraphs.push(start..end);
            let mut line_start = start;
            for (i, b) in self.prose.text[start..end].bytes().enumerate() {
                if b == b'\n' {
                    self.prose.lines.push(line_start..start + i);
                    line_start = start + i + 1;
                }
            }
            self.prose.lines.push(line_start..end);
        }
    }

    /// True while a block is open.
    pub fn in_block(&self) -> bool {
        self.block_start.is_some()
    }

    /// Record a comment found in the source (comments arrive in source order).
    pub fn comment(&mut self, comment: Comment) {
        self.prose.comments.push(comment);
    }

    /// Append `text`, which stands for the source bytes `source`.
    pub fn push(&mut self, text: &str, source: Span) {
        if self.block_start.is_none() {
            self.start_block();
        }
        let prose_start = self.prose.text.len();
        self.prose.text.push_str(text);
        self.prose.map.segments.push(Segment {
            prose_start,
            prose_len: text.len(),
            source,
        });
    }

    /// Finish.
    pub fn finish(mut self) -> Prose {
        self.end_block();
        let mut prose = self.prose;
        prose.whole = 0..prose.text.len();
        prose
    }
}

impl Prose {
    /// The sentences within paragraphs, split the first time they are asked for.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences
            .get_or_init(|| crate::text::sentences::split_paragraphs(&self.text, &self.paragraphs))
    }

    /// Prose that is the source text itself, split into paragraphs at line
    /// breaks (a line starting in lower case continues the one before it).
    pub fn from_plain(text: &str) -> Prose {
        let mut paragraphs = Vec::new();
        let mut lines = Vec::new();
        let mut current: Option<Range<usize>> = None;
        let mut pos = 0;
        for raw in crate::text::lines_inclusive(text) {
            let content = raw.trim_end_matches(['\n', '\r']);
            let range = pos..pos + content.len();
            pos += raw.len();
            if content.trim().is_empty() {
                if let Some(p) = current.take() {
                    paragraphs.push(p);
                }
                continue;
            }
            lines.push(range.clone());
            current = match current.take() {
                Some(p) if continues_line(content) => Some(p.start..range.end),
                Some(p) => {
                    paragraphs.push(p);
                    Some(range)
                }
                None => Some(range),
            };
        }
        if let Some(p) = current {
            paragraphs.push(p);
        }
        let mut masked = text.to_owned();
        crate::text::urls::mask_urls(&mut masked);
        Prose {
            whole: 0..masked.len(),
            text: masked,
            map: OffsetMap::identity(),
            paragraphs,
            lines,
            sentences: std::sync::OnceLock::new(),
            comments: Vec::new(),
        }
    }
}

/// A hard-wrapped line goes on in lower case.
fn continues_line(line: &str) -> bool {
    line.trim_start().chars().next().is_some_and(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_segments_map_byte_for_byte() {
        let mut b = ProseBuilder::new();
        b.push("Hello ", Span::new(2, 8));
        b.push("world", Span::new(10, 15));
        let prose = b.finish();
        assert_eq!(prose.text, "Hello world");
        assert_eq!(prose.map.to_source(6..11), Span::new(10, 15));
        assert_eq!(prose.map.to_source(0..5), Span::new(2, 7));
        assert_eq!(prose.map.to_source(3..8), Span::new(5, 12));
    }

    #[test]
    fn decoded_segments_map_to_their_whole_source() {
        let mut b = ProseBuilder::new();
        b.push("a", Span::new(0, 1));
        b.push("&", Span::new(1, 6));
        b.push("b", Span::new(6, 7));
        let prose = b.finish();
        assert_eq!(prose.map.to_source(1..2), Span::new(1, 6));
        assert_eq!(prose.map.to_source(0..3), Span::new(0, 7));
    }

    #[test]
    fn comments_are_found_with_their_bodies() {
        let source = "a <!-- one --> b <!--two-->\n<!-- open";
        let found = scan_comments(source, Span::new(0, source.len()));
        let bodies: Vec<&str> = found.iter().map(|c| &source[c.body.range()]).collect();
        assert_eq!(bodies, [" one ", "two", " open"]);
        assert_eq!(&source[found[0].span.range()], "<!-- one -->");
    }

    #[test]
    fn plain_lines_are_paragraphs_unless_wrapped() {
        let text = "First line.\nSecond line\ncontinued here.\n\nThird.";
        let prose = Prose::from_plain(text);
        let paras: Vec<&str> = prose.paragraphs.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(paras, ["First line.", "Second line\ncontinued here.", "Third."]);
        assert_eq!(prose.lines.len(), 4);
    }
}
