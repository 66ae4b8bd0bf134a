//! The article date of an HTML page: a publication `<meta>` tag, else the first
//! `<time datetime>`.

use html5gum::StartTag;

/// `name`, `property` or `itemprop` values of `<meta>` tags that give the publication date.
const DATE_META: &[&str] = &["article:published_time", "date", "datepublished"];

/// Collects date candidates from start tags, in document order.
#[derive(Debug, Default)]
pub struct ArticleDate {
    meta: Option<String>,
    time: Option<String>,
}

impl ArticleDate {
    /// Look at one start tag.
    pub fn see(&mut self, tag: &StartTag<usize>) {
        match &**tag.name {
            b"meta" if self.meta.is_none() => {
                let names_date = [&b"name"[..], b"property", b"itemprop"]
                    .iter()
                    .filter_map(|key| attribute(tag, key))
                    .any(|v| DATE_META.iter().any(|d| d.eq_ignore_ascii_case(v.trim())));
                if names_date {
                    self.meta = attribute(tag, b"content").and_then(iso_date);
                }
            }
            b"time" if self.time.is_none() => {
                self.time = attribute(tag, b"datetime").and_then(iso_date);
            }
            _ => {}
        }
    }

    /// The date found, meta tags first.
    pub fn finish(self) -> Option<String> {
        self.meta.or(self.time)
    }
}

fn attribute<'a>(tag: &'a StartTag<usize>, key: &[u8]) -> Option<&'a str> {
    let value = tag.attributes.get(key)?;
    std::str::from_utf8(&value.value).ok()
}

/// The value, trimmed, when it starts with a `YYYY-MM-DD` date.
fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let day = value.get(..10)?;
    crate::names::dictionary::is_iso_date(day).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5gum::{DefaultEmitter, Token, Tokenizer};

    fn date_of(html: &str) -> Option<String> {
        let mut date = ArticleDate::default();
        for token in Tokenizer::new_with_emitter(html, DefaultEmitter::<usize>::new_with_span()) {
            if let Ok(Token::StartTag(tag)) = token {
                date.see(&tag);
            }
        }
        date.finish()
    }

    #[test]
    fn meta_comes_before_time() {
        let html = r#"<time datetime="2024-01-02">x</time><meta property="article:published_time" content="2024-03-05T09:00:00Z">"#;
        assert_eq!(date_of(html).as_deref(), Some("2024-03-05T09:00:00Z"));
    }

    #[test]
    fn first_time_element_when_no_meta() {
        let html = r#"<meta name="description" content="2020-01-01"><time datetime=" 2023-11-30 ">x</time><time datetime="2022-01-01">"#;
        assert_eq!(date_of(html).as_deref(), Some("2023-11-30"));
    }

    #[test]
    fn values_that_are_not_dates_are_ignored() {
        assert_eq!(
            date_of(r#"<meta name="DATE" content="Tuesday"><time datetime="PT2H">"#),
            None
        );
    }
}
