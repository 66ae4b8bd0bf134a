//! Ordinary English words, to tell them from names. The list is embedded sorted, and
//! looked up by binary search over its bytes, so it costs nothing at start-up.

const WORDS: &str = include_str!("english-words.txt");

/// True when `word` (any case) is an ordinary English word.
pub fn is_english_word(word: &str) -> bool {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let bytes = WORDS.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = bytes[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| mid + i);
        match WORDS[start..end].cmp(lower.as_str()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
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
}
