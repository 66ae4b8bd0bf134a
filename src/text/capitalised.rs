//! Capitalised words: the candidates for names, with whether they open their sentence.

use std::ops::Range;

/// A capitalised word in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapitalisedWord {
    /// Where it is, in prose offsets.
    pub range: Range<usize>,
    /// True when it is the first word of its sentence (so its capital says nothing).
    pub sentence_initial: bool,
}

/// Every capitalised word of every sentence: a capital letter followed by at least one
/// lower-case letter (acronyms such as "NATO" are left out). Apostrophes inside a word
/// ("O'Brien") are part of it; hyphens split words.
pub fn capitalised_words(text: &str, sentences: &[Range<usize>]) -> Vec<CapitalisedWord> {
    let mut out = Vec::new();
    for sentence in sentences {
        let mut first = true;
        for range in words(text, sentence.clone()) {
            let word = &text[range.clone()];
            let mut chars = word.chars();
            let capital = chars.next().is_some_and(char::is_uppercase);
            if capital && chars.any(char::is_lowercase) {
                out.push(CapitalisedWord {
                    range,
                    sentence_initial: first,
                });
            }
            first = false;
        }
    }
    out
}

/// Word ranges (letters, with inner apostrophes) inside `range`.
pub fn words(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    let slice = &text[range];
    let mut iter = slice.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = iter.find(|(_, c)| c.is_alphabetic())?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if c.is_alphabetic() {
                end = i + c.len_utf8();
                iter.next();
            } else if (c == '\'' || c == '’')
                && slice[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                let rest = &slice[i + c.len_utf8()..];
                // "Zelensky's" ends the name; "O'Brien" goes on.
                if rest.starts_with('s') && !rest[1..].chars().next().is_some_and(char::is_alphabetic) {
                    break;
                }
                iter.next();
            } else {
                break;
            }
        }
        let first_len = slice[start..].chars().next().map_or(1, char::len_utf8);
        Some(base + start..base + end.max(start + first_len))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_capitalised_words_and_sentence_starts() {
        let text = "The NATO chief met O'Brien. Zelensky's aide, in Kyiv, left.";
        let sentences = crate::text::sentences::split(text);
        let found: Vec<(&str, bool)> = capitalised_words(text, &sentences)
            .into_iter()
            .map(|w| (&text[w.range], w.sentence_initial))
            .collect();
        assert_eq!(
            found,
            [
                ("The", true),
                ("O'Brien", false),
                ("Zelensky", true),
                ("Kyiv", false)
            ]
        );
    }
}
