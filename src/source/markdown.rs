//! Markdown to prose, keeping exact source offsets (pulldown-cmark offset iterator).

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::prose::{scan_comments, Prose, ProseBuilder};
use crate::position::Span;

/// Extract the prose of Markdown `text`, whose first byte is at `base` in the source.
pub fn prose(source: &str, base: usize) -> Prose {
    let text = &source[base..];
    let mut builder = ProseBuilder::new();
    let mut skip_depth = 0usize;
    let mut in_autolink = false;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let span = Span::new(base + range.start, base + range.end);
        match event {
            Event::Start(Tag::Link { link_type, .. }) => {
                in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
            }
            Event::End(TagEnd::Link) => in_autolink = false,
            Event::Start(Tag::HtmlBlock) => {
                skip_depth += 1;
                record_comments(&mut builder, source, span);
            }
            Event::InlineHtml(_) => record_comments(&mut builder, source, span),
            Event::Start(tag) => {
                if skips_content(&tag) {
                    skip_depth += 1;
                } else if opens_block(&tag) && skip_depth == 0 {
                    builder.start_block();
                }
            }
            Event::End(end) => {
                if ends_skip(&end) {
                    skip_depth = skip_depth.saturating_sub(1);
                } else if closes_block(&end) && skip_depth == 0 {
                    builder.end_block();
                }
            }
            Event::Text(t) if skip_depth == 0 && !in_autolink => push_text(&mut builder, source, &t, span),
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 && builder.in_block() => {
                builder.push("\n", span);
            }
            _ => {}
        }
    }
    let mut prose = builder.finish();
    crate::text::urls::mask_urls(&mut prose.text);
    prose
}

fn record_comments(builder: &mut ProseBuilder, source: &str, span: Span) {
    for comment in scan_comments(source, span) {
        builder.comment(comment);
    }
}

fn push_text(builder: &mut ProseBuilder, source: &str, text: &str, span: Span) {
    let original = source.get(span.range()).unwrap_or_default();
    if original == text {
        builder.push(text, span);
    } else if let Some(at) = original.find(text) {
        // Escapes and markers trimmed by the parser: locate the text inside its range.
        builder.push(text, Span::new(span.start + at, span.start + at + text.len()));
    } else {
        builder.push(text, span);
    }
}

fn opens_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell | Tag::FootnoteDefinition(_)
    )
}

fn closes_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

/// Code blocks, raw HTML blocks and metadata are not prose.
fn skips_content(tag: &Tag) -> bool {
    matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_))
}

fn ends_skip(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(source: &str) -> Vec<String> {
        let prose = prose(source, 0);
        prose
            .paragraphs
            .iter()
            .map(|r| prose.text[r.clone()].to_owned())
            .collect()
    }

    #[test]
    fn inline_markup_is_dropped_and_positions_kept() {
        let source = "# Title\n\nSome **bold** and [a link](http://x.org) here.\n";
        let prose = prose(source, 0);
        let text = &prose.text;
        let at = text.find("bold").unwrap();
        let span = prose.map.to_source(at..at + 4);
        assert_eq!(&source[span.range()], "bold");
        let at = text.find("a link").unwrap();
        assert_eq!(&source[prose.map.to_source(at..at + 6).range()], "a link");
        assert_eq!(paragraphs(source), ["Title", "Some bold and a link here."]);
    }

    #[test]
    fn code_is_not_prose() {
        let source = "Text `code` end.\n\n```\nReports suggest nothing\n```\n\n    indented code\n";
        assert_eq!(paragraphs(source), ["Text  end."]);
    }

    #[test]
    fn list_items_are_blocks() {
        assert_eq!(paragraphs("- one\n- two\n"), ["one", "two"]);
    }

    #[test]
    fn autolinks_are_not_prose() {
        assert_eq!(paragraphs("Go to <https://example.com> now.\n"), ["Go to  now."]);
    }

    #[test]
    fn comments_are_recorded_but_code_is_not_searched() {
        let source = "<!-- copydesk-disable -->\n\nText <!-- inline --> here.\n\n```\n<!-- code -->\n```\n";
        let prose = prose(source, 0);
        let bodies: Vec<&str> = prose.comments.iter().map(|c| &source[c.body.range()]).collect();
        assert_eq!(bodies, [" copydesk-disable ", " inline "]);
    }

    #[test]
    fn offsets_shift_by_base() {
        let source = "xxxx\nHello world\n";
        let prose = prose(source, 5);
        let at = prose.text.find("world").unwrap();
        assert_eq!(&source[prose.map.to_source(at..at + 5).range()], "world");
    }

    #[test]
    fn escapes_map_to_their_source() {
        let source = "Price \\*not\\* bold.\n";
        let prose = prose(source, 0);
        let at = prose.text.find("not").unwrap();
        assert_eq!(&source[prose.map.to_source(at..at + 3).range()], "not");
    }
}
