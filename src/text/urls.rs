//! URLs are not prose: they are blanked out before any check sees the text.

use std::sync::LazyLock;

use regex::Regex;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"“”‘’]+[^\s<>"“”‘’.,;:!?)\]]"#)
        .unwrap_or_else(|e| panic!("URL pattern is valid: {e}"))
});

/// The search for the "://" every URL with a scheme holds, built once.
static SCHEME_MARK: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("://"));

/// False when [`URL`] can match nowhere in `text`: each of its matches holds "://" or
/// "www." (in some ASCII case, the only case "w" has). Most articles hold neither, and
/// these two searches cost a fraction of the pattern's own.
fn may_hold_url(text: &str) -> bool {
    let bytes = text.as_bytes();
    SCHEME_MARK.find(bytes).is_some()
        || memchr::memchr_iter(b'.', bytes)
            .any(|dot| dot >= 3 && bytes[dot - 3..dot].eq_ignore_ascii_case(b"www"))
}

/// Replace every byte of every URL in `text` with a space, keeping all offsets.
pub fn mask_urls(text: &mut String) {
    if !may_hold_url(text) {
        return;
    }
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
    fn text_without_a_url_mark_is_never_searched_in_vain() {
        for text in [
            "See https://example.com/a now.",
            "Visit WwW.Example.org, then",
            "ftp://files.example.net/x",
            "HTTP://EXAMPLE.COM/",
            "at www.x.y.",
            "no address here.",
            "a www. alone",
            "www",
            "the wwW.k site",
            "ratio 3://4",
            "",
        ] {
            if URL.is_match(text) {
                assert!(may_hold_url(text), "{text}");
            }
        }
        assert!(!may_hold_url("An article with no address in it. None at all!"));
        assert!(!may_hold_url("ww.example.org and w.w.w.x"));
    }

    #[test]
    fn whole_url_is_recognised() {
        assert!(is_url(" http://example.com/x "));
        assert!(!is_url("Visit http://example.com"));
    }
}
