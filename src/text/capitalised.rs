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
    let end = range.end;
    let mut at = range.start;
    std::iter::from_fn(move || {
        let slice = &text[..end];
        let word = next_word(slice, at)?;
        at = word.end;
        Some(word)
    })
}

/// The first word of `text` at or after byte `from`. ASCII is read byte by byte; other
/// characters are decoded only where they occur.
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let mut at = from;
    let start = loop {
        let c = char_at(text, at)?;
        if c.is_alphabetic() {
            break at;
        }
        at += c.len_utf8();
    };
    let mut end = start + char_at(text, start).map_or(1, char::len_utf8);
    let bytes = text.as_bytes();
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        }
        let Some(c) = char_at(text, end) else {
            break;
        };
        if c.is_alphabetic() {
            end += c.len_utf8();
            continue;
        }
        if c != '\'' && c != '’' {
            break;
        }
        let rest = &text[end + c.len_utf8()..];
        if !rest.chars().next().is_some_and(char::is_alphabetic) {
            break;
        }
        // "Zelensky's" ends the name; "O'Brien" goes on.
        if rest.starts_with('s') && !rest[1..].chars().next().is_some_and(char::is_alphabetic) {
            break;
        }
        end += c.len_utf8();
    }
    Some(start..end)
}

/// The character starting at byte `at` of `text`, read directly when it is ASCII.
fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_list(text: &str) -> Vec<&str> {
        words(text, 0..text.len()).map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_stop_at_possessives() {
        assert_eq!(
            word_list("O'Brien's l’Europe rock'n'roll Zelensky’s 3x été-Ünal 's ' x'"),
            [
                "O'Brien",
                "s",
                "l’Europe",
                "rock'n'roll",
                "Zelensky",
                "s",
                "x",
                "été",
                "Ünal",
                "s",
                "x"
            ]
        );
        assert_eq!(word_list("don't Jones's"), ["don't", "Jones", "s"]);
        let text = "ab cd ef";
        assert_eq!(
            words(text, 1..7).map(|r| &text[r]).collect::<Vec<_>>(),
            ["b", "cd", "e"]
        );
    }

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
