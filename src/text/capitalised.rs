//! Capitalised words: the candidates for names, with whether they open their sentence.

use std::ops::{ControlFlow, Range};

use super::scan::{ascii_letters_end, next_stop, Stops};
use super::words::{general_punctuation_at, is_letter};

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
/// ("O'Brien") are part of it; hyphens split words. These are the capitalised words of
/// [`words`], found by skipping straight to capitals and non-ASCII letters.
pub fn capitalised_words(text: &str, sentences: &[Range<usize>]) -> Vec<CapitalisedWord> {
    let bytes = text.as_bytes();
    // Room for one capitalised word in every 32 bytes: news copy has fewer.
    let mut out = Vec::with_capacity(text.len() / 32);
    let mut push = |range: Range<usize>, first_letter_len: usize, sentence_initial: bool| {
        if has_lower_case(&text[range.start + first_letter_len..range.end]) {
            out.push(CapitalisedWord {
                range,
                sentence_initial,
            });
        }
    };
    for sentence in sentences {
        let end = sentence.end;
        let mut i = sentence.start;
        let mut first = true;
        while i < end {
            if !first {
                let stops = Stops {
                    capitals: true,
                    non_ascii: true,
                    ..Stops::default()
                };
                i = next_stop(&bytes[..end], i, stops);
                if i == end {
                    break;
                }
            }
            let b = bytes[i];
            if b.is_ascii() && !(b.is_ascii_uppercase() || first && b.is_ascii_lowercase()) {
                i += 1;
                continue;
            }
            if general_punctuation_at(bytes, i) {
                i += 3;
                continue;
            }
            let (len, letter) = letter_at(text, i, end);
            if !letter || inside_word(text, sentence.start..end, i) {
                i += len;
                continue;
            }
            let word_end = word_end(text, i, end);
            let c = text[i..].chars().next().unwrap_or_default();
            if c.is_uppercase() {
                push(i..word_end, len, first);
            }
            first = false;
            i = word_end;
        }
    }
    out
}

/// True when the letter at `at` continues a word of [`each_word`] over `range`: the
/// character before it is a letter, or an apostrophe just after a letter ("O'Brien"),
/// unless the letter is a lone "s" ("Zelensky's").
fn inside_word(text: &str, range: Range<usize>, at: usize) -> bool {
    let mut back = text[range.start..at].chars().rev();
    match back.next() {
        Some(c) if is_letter(c) => true,
        Some('\'' | '’') => {
            let continues = !text[at..].starts_with('s') || letter_at(text, at + 1, range.end).1;
            continues && back.next().is_some_and(is_letter)
        }
        _ => false,
    }
}

/// True when `text` holds a lower-case letter.
fn has_lower_case(text: &str) -> bool {
    match text.bytes().find(|b| b.is_ascii_lowercase() || !b.is_ascii()) {
        None => false,
        Some(b) if b.is_ascii() => true,
        Some(_) => text.chars().any(char::is_lowercase),
    }
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

/// The words of `range` of `text`, with ASCII taken byte by byte: the same ranges as
/// [`words`] (letters, with an inner apostrophe followed by a
/// letter, except a possessive "'s" that ends the word).
pub fn each_word(text: &str, range: Range<usize>, mut each: impl FnMut(Range<usize>)) {
    let _ = each_word_until(text, range, |word| {
        each(word);
        ControlFlow::<()>::Continue(())
    });
}

/// [`each_word`], stopping at the first word for which `each` breaks.
#[inline]
pub fn each_word_until<B>(
    text: &str,
    range: Range<usize>,
    mut each: impl FnMut(Range<usize>) -> ControlFlow<B>,
) -> ControlFlow<B> {
    let end = range.end;
    let mut i = range.start;
    while i < end {
        let (len, letter) = letter_at(text, i, end);
        if !letter {
            i += len;
            continue;
        }
        let start = i;
        i = word_end(text, start, end);
        each(start..i)?;
    }
    ControlFlow::Continue(())
}

/// The length of the character at byte `i` of `text` (a character boundary before
/// `end`) and whether it is a letter; past `end`, (1, false). Inlined always, as is
/// [`word_end`]: both run for nearly every byte of prose, and a call each time cost more
/// than the test.
#[inline(always)]
fn letter_at(text: &str, i: usize, end: usize) -> (usize, bool) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 && i < end => (1, b.is_ascii_alphabetic()),
        _ => text
            .get(i..end)
            .and_then(|rest| rest.chars().next())
            .map_or((1, false), |c| (c.len_utf8(), is_letter(c))),
    }
}

/// Where the word whose first letter is at `start` ends, within `end`.
#[inline(always)]
fn word_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let letter = |i: usize| letter_at(text, i, end).1;
    let mut i = start + letter_at(text, start, end).0;
    while i < end {
        i = ascii_letters_end(&bytes[..end], i);
        if i == end {
            break;
        }
        let (len, at_letter) = letter_at(text, i, end);
        if at_letter {
            i += len;
            continue;
        }
        let apostrophe = match bytes[i] {
            b'\'' => 1,
            _ if text[i..end].starts_with('’') => '’'.len_utf8(),
            _ => break,
        };
        if !letter(i + apostrophe) {
            break;
        }
        // "Zelensky's" ends the word; "O'Brien" goes on.
        if bytes[i + apostrophe] == b's' && !letter(i + apostrophe + 1) {
            break;
        }
        i += apostrophe;
    }
    i
}

/// The first word of `text` at or after byte `from`. ASCII is read byte by byte; other
/// characters are decoded only where they occur.
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let mut at = from;
    let start = loop {
        let c = char_at(text, at)?;
        if is_letter(c) {
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
        if is_letter(c) {
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
    fn byte_split_matches_the_general_split() {
        let samples = [
            "O'Brien's team didn't say it's 'fine' - a's b''c d' 'e x'sy",
            "  rock'n'roll, Zelensky's aide; 3.5m people's  q's",
            "'s",
            "a'",
            "'",
            "",
            "a",
            "ab's",
            "ab'st",
            "x'",
            "it's.",
            "end'",
            "Zelensky’s £5m İstanbul-based ΣΟΦΟΣ’ aide’sx café’ é’s 日本語 — 🙂 l’été",
        ];
        for sample in samples {
            for start in (0..sample.len()).filter(|&i| sample.is_char_boundary(i)) {
                for end in (start..=sample.len()).filter(|&i| sample.is_char_boundary(i)) {
                    let mut fast = Vec::new();
                    each_word(sample, start..end, |r| fast.push(r));
                    let general: Vec<_> = words(sample, start..end).collect();
                    assert_eq!(fast, general, "{sample:?} {start}..{end}");
                }
            }
        }
    }

    /// The capitalised words of [`words`], found word by word.
    fn capitalised_reference(text: &str, sentences: &[Range<usize>]) -> Vec<CapitalisedWord> {
        let mut out = Vec::new();
        for sentence in sentences {
            for (k, range) in words(text, sentence.clone()).enumerate() {
                let mut chars = text[range.clone()].chars();
                if chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase) {
                    out.push(CapitalisedWord {
                        range,
                        sentence_initial: k == 0,
                    });
                }
            }
        }
        out
    }

    #[test]
    fn skipping_to_capitals_finds_what_reading_every_word_finds() {
        let samples = [
            "O'Brien's team met McDonald in l’Été; d'Artagnan and DArcy O'NEILL x'Y",
            "Éric Ünal-Özil ΣΟΦΟΣ Σοφία İstanbul İSTANBUL Ǆemal ǅemal 'Twas 's Sa'S a'Sb",
            "  it's Zelensky’s 3Com eBay iPhone ABCs A B. Cé. “Quoted” – ‘Single’ ’Tis",
            "x'",
            "'",
            "",
            "Ab",
            "aB'Cd ef's'Gh ij’’Kl mn'‘Op",
        ];
        for sample in samples {
            let boundaries: Vec<usize> = (0..=sample.len())
                .filter(|&i| sample.is_char_boundary(i))
                .collect();
            for &start in &boundaries {
                for &end in boundaries.iter().filter(|&&e| e >= start) {
                    let range = start..end;
                    let sentence = std::slice::from_ref(&range);
                    assert_eq!(
                        capitalised_words(sample, sentence),
                        capitalised_reference(sample, sentence),
                        "{sample:?} {start}..{end}"
                    );
                }
            }
            let split = crate::text::sentences::split(sample);
            assert_eq!(
                capitalised_words(sample, &split),
                capitalised_reference(sample, &split)
            );
        }
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
