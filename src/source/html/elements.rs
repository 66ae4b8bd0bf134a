//! What an HTML element means for prose: a block boundary, skipped content, or neither.

/// Elements whose start and end separate prose blocks. Everything not listed here
/// (`a`, `em`, `strong`, `span`, `b`, `i`, `abbr`, `time`, unknown elements …) is inline.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "label",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "pre",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never prose: code, scripts, embedded media, the head.
const SKIPPED: &[&str] = &[
    "audio", "canvas", "code", "embed", "head", "iframe", "math", "noembed", "noframes", "noscript",
    "object", "pre", "script", "style", "svg", "template", "title", "video", "xmp",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements that may stand in the head; any other start tag closes an unclosed head.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template", "title",
];

fn listed(list: &[&str], name: &[u8]) -> bool {
    list.iter().any(|item| item.as_bytes() == name)
}

/// True for elements that start and end prose blocks.
pub fn is_block(name: &[u8]) -> bool {
    listed(BLOCKS, name)
}

/// True for elements whose content is not prose.
pub fn is_skipped(name: &[u8]) -> bool {
    listed(SKIPPED, name)
}

/// True for elements without content.
pub fn is_void(name: &[u8]) -> bool {
    listed(VOID, name)
}

/// True for elements allowed inside `<head>`.
pub fn is_head_content(name: &[u8]) -> bool {
    listed(HEAD_CONTENT, name)
}

/// True when a start tag opens an element: HTML ignores the `/` of `<script/>` (only
/// `svg` and `math` content can close itself), and void elements never open.
pub fn opens(name: &[u8], self_closing: bool) -> bool {
    let closes_itself = self_closing && matches!(name, b"svg" | b"math");
    !is_void(name) && !closes_itself
}

/// True for skipped elements that live inside a paragraph, so a block boundary ends
/// them even when their end tag is missing.
pub fn is_phrasing_skip(name: &[u8]) -> bool {
    name == b"code"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_common_elements() {
        assert!(is_block(b"p") && is_block(b"td") && is_block(b"nav"));
        assert!(!is_block(b"a") && !is_block(b"span") && !is_block(b"my-widget"));
        assert!(is_skipped(b"script") && is_skipped(b"pre") && !is_skipped(b"p"));
        assert!(is_void(b"br") && !is_void(b"p"));
        assert!(opens(b"script", true) && opens(b"p", false));
        assert!(!opens(b"svg", true) && !opens(b"br", false));
        assert!(is_head_content(b"meta") && !is_head_content(b"div"));
    }
}
