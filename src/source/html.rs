//! HTML to prose, keeping exact source offsets (html5gum tokens with byte spans).
//!
//! Block elements (`p`, `h1`, `li`, `td`, `div`, `nav`, …) start and end prose blocks;
//! inline elements (`a`, `em`, `span`, …) do not. `<br>` is a line break inside a
//! block. Scripts, styles, code, embedded media and the head are not prose. A source
//! line break with its indentation becomes one space mapped to the whole run, and
//! character references are decoded, each mapped to its own source bytes; all other
//! text is copied byte for byte.

mod date;
mod elements;
mod references;

use std::sync::LazyLock;

use html5gum::{DefaultEmitter, EndTag, StartTag, Token, Tokenizer};
use regex::Regex;

use super::prose::{Comment, Prose, ProseBuilder};
use crate::position::{floor_char_boundary, Span};
use references::Piece;

/// Whitespace runs with a line break, tab or form feed (the layout of the source, not
/// of the text), and byte-order marks.
static SOURCE_LAYOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[ \\t\\n\\r\\x0c]*[\\t\\n\\r\\x0c][ \\t\\n\\r\\x0c]*|\u{feff}")
        .unwrap_or_else(|e| panic!("layout pattern is valid: {e}"))
});

/// The prose and article date of an HTML source.
#[derive(Debug, Clone)]
pub struct Html {
    /// The visible text, mapped back to the source.
    pub prose: Prose,
    /// The publication date given by the page, if any.
    pub date: Option<String>,
}

/// Extract the prose and the article date of HTML `source`.
pub fn parse(source: &str) -> Html {
    let mut walker = Walker {
        source,
        builder: ProseBuilder::new(),
        skipping: Vec::new(),
        date: date::ArticleDate::default(),
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style, title and textarea content is text, not tags.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(source, emitter) {
        let Ok(token) = token;
        walker.token(token);
    }
    let mut prose = walker.builder.finish();
    crate::text::urls::mask_urls(&mut prose.text);
    Html {
        prose,
        date: walker.date.finish(),
    }
}

/// The state of one pass over the tokens.
struct Walker<'a> {
    source: &'a str,
    builder: ProseBuilder,
    /// Open elements whose content is skipped, innermost last.
    skipping: Vec<Vec<u8>>,
    date: date::ArticleDate,
}

impl Walker<'_> {
    fn token(&mut self, token: Token<usize>) {
        match token {
            Token::StartTag(tag) => self.start_tag(&tag),
            Token::EndTag(tag) => self.end_tag(&tag),
            Token::String(text) => {
                if self.skipping.is_empty() {
                    self.text(self.span(text.span.start, text.span.end));
                }
            }
            Token::Comment(comment) => {
                let span = self.span(comment.span.start, comment.span.end);
                self.builder
                    .comment(comment_at(self.source, span, &comment.value));
            }
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    fn start_tag(&mut self, tag: &StartTag<usize>) {
        let name: &[u8] = &tag.name;
        self.date.see(tag);
        self.close_implied_skips(name);
        let opens = elements::opens(name, tag.self_closing);
        if !self.skipping.is_empty() {
            if opens && elements::is_skipped(name) {
                self.skipping.push(name.to_vec());
            }
            return;
        }
        self.break_for(name, tag.span.start, tag.span.end);
        if opens && elements::is_skipped(name) {
            self.skipping.push(name.to_vec());
        }
    }

    fn end_tag(&mut self, tag: &EndTag<usize>) {
        let name: &[u8] = &tag.name;
        self.close_implied_skips(name);
        if let Some(at) = self.skipping.iter().rposition(|open| open.as_slice() == name) {
            self.skipping.truncate(at);
            if elements::is_block(name) {
                self.builder.end_block();
            }
            return;
        }
        if !self.skipping.is_empty() {
            return;
        }
        // `</br>` is read as `<br>` by browsers.
        self.break_for(name, tag.span.start, tag.span.end);
    }

    /// A tag's effect on the prose: `<br>` breaks the line, a block element ends the block.
    fn break_for(&mut self, name: &[u8], start: usize, end: usize) {
        if name == b"br" {
            if self.builder.in_block() {
                self.builder.push("\n", self.span(start, end));
            }
        } else if elements::is_block(name) {
            self.builder.end_block();
        }
    }

    /// End skipped elements whose end tag is missing: an unclosed `<head>` ends at the
    /// first body element, an unclosed `<code>` at the next block boundary.
    fn close_implied_skips(&mut self, name: &[u8]) {
        while let Some(open) = self.skipping.last() {
            let head_ends = open.as_slice() == b"head" && name != b"head" && !elements::is_head_content(name);
            let code_ends = elements::is_phrasing_skip(open) && elements::is_block(name);
            if !(head_ends || code_ends) {
                break;
            }
            self.skipping.pop();
        }
    }

    /// Push the text at `span`: verbatim stretches and decoded references.
    fn text(&mut self, mut span: Span) {
        if !self.builder.in_block() {
            // Whitespace between blocks is not prose, and a block starts at its text.
            let raw = self.source.get(span.range()).unwrap_or_default();
            let lead = raw.len() - raw.trim_start_matches(is_markup_space).len();
            span.start += lead;
            if span.is_empty() {
                return;
            }
        }
        let raw = self.source.get(span.range()).unwrap_or_default();
        for piece in references::pieces(raw) {
            match piece {
                Piece::Verbatim(range) => {
                    self.verbatim(Span::new(span.start + range.start, span.start + range.end));
                }
                Piece::Reference { source, decoded } => {
                    let at = Span::new(span.start + source.start, span.start + source.end);
                    self.builder.push(&spaced(&decoded), at);
                }
            }
        }
    }

    /// Push source text as it is, except that a run of whitespace that wraps the
    /// source (line breaks, tabs, indentation) becomes one space standing for the whole
    /// run, and a byte-order mark is left out.
    fn verbatim(&mut self, span: Span) {
        let raw = self.source.get(span.range()).unwrap_or_default();
        let mut at = 0;
        for found in SOURCE_LAYOUT.find_iter(raw) {
            if found.start() > at {
                self.builder.push(
                    &raw[at..found.start()],
                    Span::new(span.start + at, span.start + found.start()),
                );
            }
            if found.as_str() != "\u{feff}" {
                self.builder.push(
                    " ",
                    Span::new(span.start + found.start(), span.start + found.end()),
                );
            }
            at = found.end();
        }
        if at < raw.len() {
            self.builder
                .push(&raw[at..], Span::new(span.start + at, span.end));
        }
    }

    /// A span of the source, clamped to the source and to char boundaries.
    fn span(&self, start: usize, end: usize) -> Span {
        let end = floor_char_boundary(self.source, end);
        let start = floor_char_boundary(self.source, start.min(end));
        Span::new(start, end)
    }
}

/// The comment token at `span` whose text is `body`.
fn comment_at(source: &str, span: Span, body: &[u8]) -> Comment {
    let raw = source.get(span.range()).unwrap_or_default();
    let opener = if raw.starts_with("<!--") {
        4
    } else if raw.starts_with("<!") || raw.starts_with("</") {
        2
    } else {
        1
    };
    let body_start = (span.start + opener).min(span.end);
    let body_end = body_start + body.len();
    let body_span =
        if source.get(body_start..body_end).map(str::as_bytes) == Some(body) && body_end <= span.end {
            Span::new(body_start, body_end)
        } else {
            let closer = if raw.ends_with("-->") {
                3
            } else {
                usize::from(raw.ends_with('>'))
            };
            Span::new(body_start, span.end.saturating_sub(closer).max(body_start))
        };
    Comment {
        span,
        body: body_span,
    }
}

/// Whitespace as HTML sees it, plus a byte-order mark.
fn is_markup_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\r' | '\t' | '\x0c' | '\u{feff}')
}

/// Decoded `text` with line breaks, tabs and form feeds turned into spaces.
fn spaced(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t' | '\x0c') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(source: &str) -> Vec<String> {
        let prose = parse(source).prose;
        prose
            .paragraphs
            .iter()
            .map(|r| prose.text[r.clone()].to_owned())
            .collect()
    }

    fn lines(source: &str) -> Vec<String> {
        let prose = parse(source).prose;
        prose
            .lines
            .iter()
            .map(|r| prose.text[r.clone()].to_owned())
            .collect()
    }

    /// The source text under the prose occurrence of `needle`.
    fn source_of(source: &str, needle: &str) -> String {
        let prose = parse(source).prose;
        let at = prose.text.find(needle).unwrap();
        source[prose.map.to_source(at..at + needle.len()).range()].to_owned()
    }

    #[test]
    fn block_elements_split_and_inline_elements_do_not() {
        let source = "<h1>Title</h1><div>Intro <p>One <a href=\"/x\">linked</a> and <em>stressed</em> word.</p>tail</div><ul><li>A</li><li>B</ul>";
        assert_eq!(
            paragraphs(source),
            [
                "Title",
                "Intro ",
                "One linked and stressed word.",
                "tail",
                "A",
                "B"
            ]
        );
        assert_eq!(source_of(source, "linked"), "linked");
    }

    #[test]
    fn page_furniture_elements_are_prose() {
        let source = "<nav><a>Home</a> <a>World</a></nav><aside>Related</aside><footer><span>Comments are closed.</span></footer><form><label>Email</label><button>Subscribe</button></form>";
        assert_eq!(
            paragraphs(source),
            [
                "Home World",
                "Related",
                "Comments are closed.",
                "Email",
                "Subscribe"
            ]
        );
    }

    #[test]
    fn br_is_a_line_break_inside_a_block() {
        let source = "<p>Share this article<br>Share on Facebook<BR/>\nShare by email</p>";
        assert_eq!(paragraphs(source).len(), 1);
        assert_eq!(
            lines(source),
            ["Share this article", "Share on Facebook", " Share by email"]
        );
        assert_eq!(source_of(source, " Share by"), "\nShare by");
        let prose = parse(source).prose;
        let at = prose.text.find('\n').unwrap();
        assert_eq!(&source[prose.map.to_source(at..at + 1).range()], "<br>");
    }

    #[test]
    fn source_line_breaks_and_indents_become_one_space() {
        let source = "<p>A  paragraph\r\n    wrapped\tover\nlines.</p>";
        assert_eq!(paragraphs(source), ["A  paragraph wrapped over lines."]);
        assert_eq!(source_of(source, "wrapped over"), "wrapped\tover");
        assert_eq!(source_of(source, "paragraph wrapped"), "paragraph\r\n    wrapped");
        assert_eq!(source_of(source, "A  paragraph"), "A  paragraph");
        assert_eq!(source_of(source, "lines"), "lines");
    }

    #[test]
    fn references_are_decoded_and_mapped_to_their_source() {
        let source = "<p>Smith &amp; Sons&rsquo; yard at&nbsp;No&#160;4 &#8212; &copy2024</p>";
        assert_eq!(
            paragraphs(source),
            ["Smith & Sons’ yard at\u{a0}No\u{a0}4 — ©2024"]
        );
        assert_eq!(source_of(source, "&"), "&amp;");
        assert_eq!(source_of(source, "Sons’"), "Sons&rsquo;");
        assert_eq!(source_of(source, "yard"), "yard");
        assert_eq!(source_of(source, "—"), "&#8212;");
        assert_eq!(source_of(source, "2024"), "2024");
    }

    #[test]
    fn skipped_elements_are_not_prose() {
        let source = "<html><head><title>Page</title><style>p{}</style></head><body>\
            <p>Kept <code>x &lt; y</code> text.</p><script>var s = '<p>no</p>';</script>\
            <pre>Reports suggest</pre><svg><text>icon</text></svg><noscript><p>Enable</p></noscript>\
            <template><p>later</p></template><iframe>frame</iframe><p>End.</p></body></html>";
        assert_eq!(paragraphs(source), ["Kept  text.", "End."]);
    }

    #[test]
    fn unclosed_head_and_code_end_where_browsers_end_them() {
        assert_eq!(
            paragraphs("<head><meta charset=utf-8><p>Body text.</p>"),
            ["Body text."]
        );
        assert_eq!(paragraphs("<p>Run <code>ls</p><p>Next.</p>"), ["Run ", "Next."]);
    }

    #[test]
    fn comments_are_recorded_with_their_bodies() {
        let source = "<!-- copydesk-disable --><p>Text <!--inline--> here.</p><!---->\
            <script><!-- not a comment --></script><!-- open";
        let html = parse(source);
        let bodies: Vec<&str> = html
            .prose
            .comments
            .iter()
            .map(|c| &source[c.body.range()])
            .collect();
        assert_eq!(bodies, [" copydesk-disable ", "inline", "", " open"]);
        assert_eq!(
            &source[html.prose.comments[0].span.range()],
            "<!-- copydesk-disable -->"
        );
        assert_eq!(paragraphs(source), ["Text  here."]);
    }

    #[test]
    fn urls_are_masked() {
        let prose = parse("<p>See https://example.com/a now.</p>").prose;
        assert_eq!(prose.text, format!("See {} now.", " ".repeat(21)));
    }

    #[test]
    fn article_date_comes_from_the_page() {
        let html = parse("<meta name=date content=2025-02-03><p>Text.</p>");
        assert_eq!(html.date.as_deref(), Some("2025-02-03"));
    }

    #[test]
    fn tag_soup_never_breaks_positions() {
        let sources = [
            "\u{feff}<P>Upper<P>case</P></p></div><p>stray</p>",
            "<p>unclosed <b>bold <i>both</p> after",
            "<div><p>a</div>b</p>c",
            "<p>x</p \n<<<>>> &#xD800; &#99999999; &; <a href='",
            "<!DOCTYPE html><table><tr><td>1<td>2<tr><td>3</table>",
            "Caf\u{e9} \u{2014} na\u{ef}ve <p>\u{1F600}&amp;\u{1F600}</p>",
            "<p>a<br>\r\n<br>b</p></br>c",
            "<script/>var a = '<p>x</p>';</script><p>Kept<svg/>too</p>",
            "",
        ];
        for source in sources {
            let prose = parse(source).prose;
            for range in prose
                .lines
                .iter()
                .chain(prose.sentences())
                .chain(&prose.paragraphs)
            {
                let span = prose.map.to_source(range.clone());
                assert!(span.end <= source.len(), "{source:?}");
                assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
                let text = &prose.text[range.clone()];
                assert!(!text.contains('\u{feff}'), "{source:?}");
            }
        }
        assert_eq!(paragraphs(sources[0]), ["Upper", "case", "stray"]);
        assert_eq!(paragraphs(sources[4]), ["1", "2", "3"]);
        assert_eq!(paragraphs(sources[7]), ["Kepttoo"]);
    }
}
