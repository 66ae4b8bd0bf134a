//! Word boundaries, decided by hand so literal matching stays fast.

/// For each byte, whether it is an ASCII word character (a letter, a digit or `_`).
pub static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// True for characters that make up words.
pub fn is_word_char(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphanumeric() || c == '_'
}

/// True for letters: [`char::is_alphabetic`], with the commonest characters that are
/// not letters ruled out first.
pub fn is_letter(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphabetic()
}

/// True for U+2000 to U+203F (spaces, dashes, curly quotes, bullets): no letter or digit
/// is among them, and they are the characters other than ASCII that news copy holds
/// most, so they are told apart before the Unicode tables are read.
pub fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{203F}').contains(&c)
}

/// True when a character that [`is_general_punctuation`] starts at byte `i` of `bytes`
/// (a character boundary): told by its first two bytes, without decoding it.
pub fn general_punctuation_at(bytes: &[u8], i: usize) -> bool {
    bytes[i] == 0xE2 && bytes.get(i + 1) == Some(&0x80)
}

/// What follows the last space or line break of `text` (all of it when it has neither).
pub fn last_word(text: &str) -> &str {
    text.as_bytes()
        .iter()
        .rposition(|&b| b == b' ' || b == b'\n')
        .map_or(text, |i| &text[i + 1..])
}

/// True when `range` in `text` neither starts nor ends inside a word.
pub fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let inner_first = text[start..end].chars().next();
    let inner_last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let clean_start = !(before.is_some_and(is_word_char) && inner_first.is_some_and(is_word_char));
    let clean_end = !(after.is_some_and(is_word_char) && inner_last.is_some_and(is_word_char));
    clean_start && clean_end
}

/// Whether the character at byte `at` of `text` is a word character, and its length.
pub fn word_char_at(text: &str, at: usize) -> (bool, usize) {
    match text.as_bytes()[at] {
        b if b.is_ascii() => (ASCII_WORD_BYTE[usize::from(b)], 1),
        _ => text[at..]
            .chars()
            .next()
            .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    }
}

/// True when the character just before byte `at` of `text` (not 0) is a word character.
pub fn word_char_before(text: &str, at: usize) -> bool {
    match text.as_bytes()[at - 1] {
        b if b.is_ascii() => ASCII_WORD_BYTE[usize::from(b)],
        _ => text[..at].chars().next_back().is_some_and(is_word_char),
    }
}

/// The end of the run of word characters that starts at byte `start` of `text`.
pub fn word_run_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        if ASCII_WORD_BYTE[usize::from(bytes[end])] {
            end += 1;
            continue;
        }
        match word_char_at(text, end) {
            (true, len) if !bytes[end].is_ascii() => end += len,
            _ => break,
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_word_is_what_a_split_at_spaces_and_line_breaks_leaves_last() {
        for text in [
            "",
            "one",
            "one two",
            "one\ntwo",
            "one two ",
            "a\n",
            " lead",
            "é ü",
            "Mr.  Ruiz",
        ] {
            let split = text.rsplit([' ', '\n']).next().unwrap_or_default();
            assert_eq!(last_word(text), split, "{text:?}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{203F}' {
            assert!(is_general_punctuation(c));
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in ['\u{1FFF}', '\u{2040}', 'a', 'é', '_'] {
            assert!(!is_general_punctuation(c), "{c:?}");
        }
        for c in [
            '\u{0}', '\u{7F}', 'é', '\u{1FFF}', '\u{2000}', '’', '\u{203F}', '\u{2040}', '\u{E000}', '😀',
        ] {
            let bytes = c.encode_utf8(&mut [0; 4]).as_bytes().to_vec();
            assert_eq!(
                general_punctuation_at(&bytes, 0),
                is_general_punctuation(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn boundaries() {
        let text = "Kiev, Kievan Rus' and Kyiv";
        assert!(at_word_boundaries(text, 0, 4));
        assert!(!at_word_boundaries(text, 6, 10));
        assert!(at_word_boundaries("café au", 0, 5));
        assert!(!at_word_boundaries("cafés", 0, 5));
    }
}
