//! URLs are not prose: they are blanked out before any check sees the text.

use std::sync::LazyLock;

use regex::Regex;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"“”‘’]+[^\s<>"“”‘’.,;:!?)\]]"#)
        .unwrap_or_else(|e| panic!("URL pattern is valid: {e}"))
});

/// Replace every byte of every URL in `text` with a space, keeping all offsets.
pub fn mask_urls(text: &mut String) {
    let ranges: Vec<_> = URL.find_iter(text).map(|m| m.range()).collect();
    if ranges.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for range in ranges {
        bytes[range].fill(b' ');
    }
    // Whole characters were replaced by ASCII spaces, so the text stays UTF-8.
    *text = String::from_utf8(bytes).unwrap_or_default();
}

/// True when `text` is nothing but a URL.
pub fn is_url(text: &str) -> bool {
    URL.find(text.trim())
        .is_some_and(|m| m.start() == 0 && m.end() == text.trim().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_become_spaces_of_the_same_length() {
        let mut text = String::from("See https://example.com/a?b=ü. Then www.x.org, done.");
        let before = text.len();
        mask_urls(&mut text);
        assert_eq!(text.len(), before);
        assert_eq!(
            text.trim_end(),
            format!("See {}. Then {}, done.", " ".repeat(26), " ".repeat(9))
        );
    }

    #[test]
    fn whole_url_is_recognised() {
        assert!(is_url(" http://example.com/x "));
        assert!(!is_url("Visit http://example.com"));
    }
}
