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
    let mut masked = String::with_capacity(text.len());
    let mut copied = 0;
    for range in ranges {
        masked.push_str(&text[copied..range.start]);
        masked.extend(std::iter::repeat_n(' ', range.len()));
        copied = range.end;
    }
    masked.push_str(&text[copied..]);
    *text = masked;
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
