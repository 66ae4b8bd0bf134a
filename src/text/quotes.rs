//! Quotations: spans between curly, straight, guillemet or low-high quotation marks.

use std::ops::Range;

/// One quotation, in prose offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The marks and the words between them.
    pub range: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
}

const PAIRS: &[(char, char)] = &[('“', '”'), ('«', '»'), ('„', '“'), ('‚', '‘')];

/// The quotations of one paragraph: paired marks, straight quotes taken in turns.
pub fn quotes(text: &str, paragraph: Range<usize>) -> Vec<Quote> {
    let body = &text[paragraph.clone()];
    let base = paragraph.start;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in marks(body) {
        let next_is_space = body[i + c.len_utf8()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
        let prev_is_space = body[..i].chars().next_back().is_none_or(char::is_whitespace);
        // A straight quote that opens is followed by a word; one after a space opens anew.
        if c == '"' && open.is_some_and(|(_, close)| close == '"') && prev_is_space && !next_is_space {
            open = Some((i, '"'));
            continue;
        }
        match open {
            None => {
                if let Some(&(_, close)) = PAIRS.iter().find(|(o, _)| *o == c) {
                    open = Some((i, close));
                } else if c == '"' && !next_is_space {
                    open = Some((i, '"'));
                }
            }
            // Copy often mixes marks: a curly opening closed by a straight quote.
            Some((start, close)) if c == close || (close == '”' && c == '"' && !prev_is_space) => {
                let end = i + c.len_utf8();
                out.push(Quote {
                    range: base + start..base + end,
                    inner: base + start + body[start..].chars().next().map_or(1, char::len_utf8)..base + i,
                });
                open = None;
            }
            Some(_) => {}
        }
    }
    out
}

/// Every character of `body` that may be a quotation mark, with its offset: `"`, and the
/// characters whose UTF-8 form begins like the curly marks and guillemets (E2 and C2),
/// found with a byte search; every other character is left out.
fn marks(body: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    // Lead bytes never occur inside another character, so each hit starts a character.
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, body.as_bytes())
        .filter_map(|i| Some((i, body.get(i..)?.chars().next()?)))
}

/// True when a quotation has at least `min` words (counting stops there).
pub fn has_words(text: &str, quote: &Quote, min: usize) -> bool {
    text[quote.inner.clone()].split_whitespace().take(min).count() >= min
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_straight_and_guillemets() {
        let text = "He said “it was good” and \"we will go\" then «oui merci».";
        let found: Vec<&str> = quotes(text, 0..text.len())
            .iter()
            .map(|q| &text[q.inner.clone()])
            .collect();
        assert_eq!(found, ["it was good", "we will go", "oui merci"]);
    }

    #[test]
    fn stray_straight_quotes_do_not_invert_pairs() {
        let text = "said the inquiry had been a \"farce\" and \" then \"we will go\" now";
        let found: Vec<&str> = quotes(text, 0..text.len())
            .iter()
            .map(|q| &text[q.inner.clone()])
            .collect();
        assert_eq!(found, ["farce", "we will go"]);
    }

    #[test]
    fn other_characters_sharing_lead_bytes_are_not_marks() {
        let text = "A\u{a0}“dash — and ‚low‘ marks”, «non»";
        let found: Vec<&str> = quotes(text, 0..text.len())
            .iter()
            .map(|q| &text[q.inner.clone()])
            .collect();
        assert_eq!(found, ["dash — and ‚low‘ marks", "non"]);
        let kinds: Vec<char> = marks(text).map(|(_, c)| c).collect();
        assert_eq!(kinds, ['\u{a0}', '“', '—', '‚', '‘', '”', '«', '»']);
    }

    #[test]
    fn unclosed_quote_is_not_a_quotation() {
        let text = "He said “it was";
        assert!(quotes(text, 0..text.len()).is_empty());
    }

    #[test]
    fn words_are_counted_up_to_the_minimum() {
        let text = "“one two  three”";
        let quote = &quotes(text, 0..text.len())[0];
        assert!(has_words(text, quote, 3));
        assert!(!has_words(text, quote, 4));
        assert!(has_words(text, quote, 0));
    }
}
