//! Character references (`&amp;`, `&#8217;`, `&rsquo;`, `&nbsp;`) in HTML text, each with
//! the source bytes it stands for. Decoding uses the `htmlize` entity table.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Text that may start a character reference: `&` and a name or number, maybe a `;`.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
        .unwrap_or_else(|e| panic!("reference pattern is valid: {e}"))
});

/// A stretch of raw HTML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Bytes to copy as they are (relative to the text given).
    Verbatim(Range<usize>),
    /// A character reference and the text it decodes to.
    Reference {
        /// The reference's bytes (relative to the text given).
        source: Range<usize>,
        /// The decoded text.
        decoded: String,
    },
}

/// Split raw HTML text into verbatim stretches and decoded character references.
pub fn pieces(raw: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for found in CANDIDATE.find_iter(raw) {
        let Some((consumed, decoded)) = decode(found.as_str()) else {
            continue;
        };
        if found.start() > at {
            out.push(Piece::Verbatim(at..found.start()));
        }
        let end = found.start() + consumed;
        out.push(Piece::Reference {
            source: found.start()..end,
            decoded,
        });
        at = end;
    }
    if at < raw.len() {
        out.push(Piece::Verbatim(at..raw.len()));
    }
    out
}

/// Decode the reference at the start of `candidate`: the bytes it takes and its text,
/// or `None` when it is not a reference (`&` followed by an unknown name).
fn decode(candidate: &str) -> Option<(usize, String)> {
    let decoded = htmlize::unescape(candidate);
    if decoded == candidate {
        return None;
    }
    // A legacy reference without `;` (`&copy2024`) leaves the rest of the candidate as it was.
    let tail = candidate
        .bytes()
        .rev()
        .zip(decoded.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count()
        .min(candidate.len() - 1)
        .min(decoded.len().saturating_sub(1));
    let consumed = candidate.len() - tail;
    // The common tail is ASCII (it is part of the candidate), so both cuts are char boundaries.
    let text = decoded.get(..decoded.len() - tail)?.to_owned();
    Some((consumed, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(raw: &str) -> Vec<(String, String)> {
        pieces(raw)
            .into_iter()
            .map(|p| match p {
                Piece::Verbatim(r) => (raw[r].to_owned(), String::new()),
                Piece::Reference { source, decoded } => (raw[source].to_owned(), decoded),
            })
            .collect()
    }

    #[test]
    fn named_and_numeric_references_are_decoded() {
        assert_eq!(
            show("Smith &amp; Sons&rsquo; &#8217;x&#x2014;y"),
            [
                ("Smith ".into(), String::new()),
                ("&amp;".into(), "&".into()),
                (" Sons".into(), String::new()),
                ("&rsquo;".into(), "’".into()),
                (" ".into(), String::new()),
                ("&#8217;".into(), "’".into()),
                ("x".into(), String::new()),
                ("&#x2014;".into(), "—".into()),
                ("y".into(), String::new()),
            ]
        );
    }

    #[test]
    fn legacy_references_without_semicolon_take_only_their_name() {
        assert_eq!(
            show("&copy2024 &nbsp"),
            [
                ("&copy".into(), "©".into()),
                ("2024 ".into(), String::new()),
                ("&nbsp".into(), "\u{a0}".into()),
            ]
        );
    }

    #[test]
    fn unknown_names_and_bare_ampersands_stay_verbatim() {
        assert_eq!(pieces("R&D & &madeup; &#;"), [Piece::Verbatim(0..18)]);
    }
}
