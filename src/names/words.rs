//! Ordinary English words, to tell them from names. The list is embedded sorted, with
//! an index the build script makes (where each three-letter prefix starts, where each
//! word starts), so it costs nothing at start-up: a look-up narrows to the words that
//! share the word's first three letters, then bisects them.

const WORDS: &str = include_str!("english-words.txt");

/// The build script's index of [`WORDS`]: 26³ + 1 prefix counts, then word offsets.
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english-index.bin"));

/// Words are looked up by their first three letters, then by binary search.
const PREFIX_LETTERS: usize = 3;
const PREFIXES: usize = 26 * 26 * 26;
/// The longest listed word, in bytes.
const LONGEST_WORD: usize = 32;

/// True when `word` (ASCII letters, any case) is an ordinary English word.
pub fn is_english_word(word: &str) -> bool {
    if word.len() < PREFIX_LETTERS || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut buffer = [0u8; LONGEST_WORD];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let prefix = lower[..PREFIX_LETTERS]
        .iter()
        .fold(0, |index, &b| index * 26 + usize::from(b - b'a'));
    let (mut lo, mut hi) = (index_at(prefix), index_at(prefix + 1));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match listed_word(mid).cmp(lower) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Entry `i` of [`INDEX`].
fn index_at(i: usize) -> usize {
    INDEX
        .get(i * 4..i * 4 + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, |b| u32::from_le_bytes(b) as usize)
}

/// Word `i` of the list: it ends where the next begins, less its line break.
fn listed_word(i: usize) -> &'static [u8] {
    let (start, next) = (index_at(PREFIXES + 1 + i), index_at(PREFIXES + 2 + i));
    WORDS
        .as_bytes()
        .get(start..next.saturating_sub(1))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_and_names() {
        for w in ["the", "However", "australia", "budget", "zoos", "abacus"] {
            assert_eq!(is_english_word(w), w != "australia", "{w}");
        }
        for w in ["Zelensky", "Scholz", "Kyiv", "Halvorsen", "x", "café"] {
            assert!(!is_english_word(w), "{w}");
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        let listed: Vec<&str> = WORDS.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(listed.windows(2).all(|w| w[0] < w[1]), "the list is sorted");
        for word in &listed {
            assert!(
                word.len() <= LONGEST_WORD && word.len() >= PREFIX_LETTERS,
                "{word}"
            );
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
            assert!(is_english_word(word), "{word}");
            assert!(is_english_word(&word.to_ascii_uppercase()), "{word}");
        }
        for absent in ["aardvarkz", "zzz", "aab", "zoosx", "abacu"] {
            assert!(!is_english_word(absent), "{absent}");
        }
    }
}
