//! Line gates: from a regex's syntax tree, the few letters every match must start with
//! (ignoring punctuation, spaces and case). A line whose start has none of them cannot
//! match, so its rule's regexes need not even be compiled for it.

use regex_syntax::ast::{self, Ast, ClassPerlKind, ClassSetItem, RepetitionKind, RepetitionRange};

/// Letters compared at the start of a line.
const WIDTH: usize = 4;
/// More alternative starts than this and the gate gives up (matches every line).
const MAX_STARTS: usize = 256;

/// The starts (lower-case letters and digits, at most [`WIDTH`]) that every match of
/// one of `patterns` begins with, or `None` when a match may begin with anything.
pub fn starts(patterns: &[&str]) -> Option<Vec<String>> {
    let mut all = Vec::new();
    for pattern in patterns {
        let ast = ast::parse::Parser::new().parse(pattern).ok()?;
        for (start, _) in prefixes(&ast)? {
            if start.is_empty() {
                return None;
            }
            all.push(start.chars().take(WIDTH).collect());
        }
    }
    all.sort();
    all.dedup();
    Some(all)
}

/// The key of a line that its gate compares: its first letters and digits, lower-cased,
/// every digit written `0` and "©" written `c` (as in "(c)").
pub fn line_key(line: &str) -> String {
    key_chars(line).collect()
}

/// The characters of a line's key, in order.
fn key_chars(line: &str) -> impl Iterator<Item = char> + '_ {
    line.chars()
        .filter_map(key_source)
        .flat_map(char::to_lowercase)
        .take(WIDTH)
}

/// The character a line's character stands for in its key, before lower-casing.
fn key_source(c: char) -> Option<char> {
    match c {
        '©' => Some('c'),
        c if c.is_ascii_digit() => Some('0'),
        c if c.is_alphanumeric() => Some(c),
        _ => None,
    }
}

/// A line's key ([`line_key`]) held inline, so that keys of every line of a document
/// cost no allocation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineKey {
    bytes: [u8; 4 * WIDTH],
    len: u8,
}

impl LineKey {
    /// The key of `line`.
    pub fn of(line: &str) -> Self {
        let mut key = LineKey::default();
        // ASCII byte by byte, as most lines begin; from the first other byte on, by
        // characters.
        let mut chars = 0;
        for (i, &b) in line.as_bytes().iter().enumerate() {
            if chars == WIDTH {
                break;
            }
            if !b.is_ascii() {
                for c in key_chars(&line[i..]).take(WIDTH - chars) {
                    let at = usize::from(key.len);
                    key.len += c.encode_utf8(&mut key.bytes[at..]).len() as u8;
                }
                break;
            }
            let c = match b {
                b'0'..=b'9' => b'0',
                b if b.is_ascii_alphabetic() => b.to_ascii_lowercase(),
                _ => continue,
            };
            key.bytes[usize::from(key.len)] = c;
            key.len += 1;
            chars += 1;
        }
        key
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The key's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The first byte of the key (none when the line has no letter or digit).
    pub fn first_byte(&self) -> Option<u8> {
        (self.len > 0).then_some(self.bytes[0])
    }
}

/// True when `key` (a line key's bytes) begins with one of `starts`.
pub fn admits(starts: &[String], key: &[u8]) -> bool {
    // Starts are a few bytes long: comparing in place beats a call to `memcmp`.
    starts.iter().any(|s| {
        let s = s.as_bytes();
        s.len() <= key.len() && s.iter().zip(key).all(|(a, b)| a == b)
    })
}

/// The set of first bytes of some gates' starts: a line whose key begins with none of
/// them is admitted by none of those gates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstBytes([u64; 4]);

impl FirstBytes {
    /// The first bytes of `starts`.
    pub fn of(starts: &[String]) -> Self {
        let mut set = FirstBytes::default();
        set.add(starts);
        set
    }

    /// Add the first bytes of `starts`.
    pub fn add(&mut self, starts: &[String]) {
        for b in starts.iter().filter_map(|s| s.bytes().next()) {
            self.insert(b);
        }
    }

    /// Add `byte`.
    pub fn insert(&mut self, byte: u8) {
        self.0[usize::from(byte >> 6)] |= 1 << (byte & 63);
    }

    /// Add every byte of `other`.
    pub fn union(&mut self, other: &FirstBytes) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine |= theirs;
        }
    }

    /// True when `byte` is in the set.
    pub fn contains(&self, byte: u8) -> bool {
        self.0[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
    }

    /// True when a line with `key` may be admitted.
    pub fn may_admit(&self, key: &LineKey) -> bool {
        key.first_byte().is_some_and(|b| self.contains(b))
    }
}

/// Possible match prefixes: (letters so far, whether the element may end right there
/// so that what follows extends them). `None` means "could start with anything".
type Prefixes = Vec<(String, bool)>;

fn prefixes(ast: &Ast) -> Option<Prefixes> {
    match ast {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Some(vec![(String::new(), true)]),
        Ast::Literal(lit) => Some(vec![(fold(lit.c), true)]),
        Ast::Dot(_) | Ast::ClassUnicode(_) => None,
        Ast::ClassPerl(class) if class.negated => None,
        Ast::ClassPerl(class) => match class.kind {
            ClassPerlKind::Space => Some(epsilon()),
            ClassPerlKind::Digit => Some(vec![("0".to_owned(), true)]),
            ClassPerlKind::Word => None,
        },
        Ast::ClassBracketed(class) => (!class.negated && punctuation_only(&class.kind)).then(epsilon),
        Ast::Group(group) => prefixes(&group.ast),
        Ast::Alternation(alt) => {
            let mut out = Vec::new();
            for branch in &alt.asts {
                out.extend(prefixes(branch)?);
            }
            bounded(out)
        }
        Ast::Concat(concat) => {
            let mut acc: Prefixes = epsilon();
            for item in &concat.asts {
                if acc.iter().all(|(s, open)| !open || s.chars().count() >= WIDTH) {
                    break;
                }
                let Some(next) = prefixes(item) else {
                    // Anything may follow: the letters so far are still required.
                    acc = acc.into_iter().map(|(s, _)| (s, false)).collect();
                    break;
                };
                let mut grown = Vec::new();
                for (s, open) in &acc {
                    if !open || s.chars().count() >= WIDTH {
                        grown.push((s.clone(), false));
                        continue;
                    }
                    for (t, more) in &next {
                        grown.push((format!("{s}{t}"), *more));
                    }
                }
                acc = bounded(grown)?;
            }
            Some(acc)
        }
        Ast::Repetition(rep) => {
            let inner = prefixes(&rep.ast)?;
            let (min, max) = match &rep.op.kind {
                RepetitionKind::ZeroOrOne => (0, Some(1)),
                RepetitionKind::ZeroOrMore => (0, None),
                RepetitionKind::OneOrMore => (1, None),
                RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
                RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
            };
            // After one copy another may follow: only an exact single copy stays open,
            // or copies that add no letters at all (`-?`, `\s*`).
            let open = min == 1 && max == Some(1);
            let mut out: Prefixes = inner
                .into_iter()
                .map(|(s, o)| (s.clone(), o && (open || s.is_empty())))
                .collect();
            if min == 0 {
                out.push((String::new(), true));
            }
            bounded(out)
        }
    }
}

fn epsilon() -> Prefixes {
    vec![(String::new(), true)]
}

/// A pattern character as [`line_key`] sees it.
fn fold(c: char) -> String {
    key_source(c).into_iter().flat_map(char::to_lowercase).collect()
}

fn bounded(mut out: Prefixes) -> Option<Prefixes> {
    out.sort();
    out.dedup();
    (out.len() <= MAX_STARTS).then_some(out)
}

/// A bracketed class of spaces and punctuation only (`[-–—\s]`, `[»›•|]`).
fn punctuation_only(set: &ast::ClassSet) -> bool {
    match set {
        ast::ClassSet::Item(item) => item_is_punctuation(item),
        ast::ClassSet::BinaryOp(_) => false,
    }
}

fn item_is_punctuation(item: &ClassSetItem) -> bool {
    match item {
        ClassSetItem::Empty(_) => true,
        ClassSetItem::Literal(lit) => !lit.c.is_alphanumeric(),
        ClassSetItem::Range(range) => (range.start.c..=range.end.c).all(|c| !c.is_alphanumeric()),
        ClassSetItem::Perl(perl) => perl.kind == ClassPerlKind::Space && !perl.negated,
        ClassSetItem::Union(union) => union.items.iter().all(item_is_punctuation),
        ClassSetItem::Ascii(_) | ClassSetItem::Unicode(_) | ClassSetItem::Bracketed(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(patterns: &[&str]) -> Option<Vec<String>> {
        starts(patterns)
    }

    #[test]
    fn literal_alternatives() {
        assert_eq!(
            gate(&["(?:share|tweet)(?: this)?", "e-?mail"]),
            Some(vec![
                "email".chars().take(4).collect(),
                "shar".into(),
                "twee".into()
            ])
        );
    }

    #[test]
    fn punctuation_and_spaces_are_skipped() {
        assert_eq!(gate(&[r"[»›•|\s]*print"]), Some(vec!["prin".into()]));
        assert_eq!(gate(&[r"\[?related:\s*\S.*\]?"]), Some(vec!["rela".into()]));
        assert_eq!(gate(&[r"(?:©|\(c\))\s*\d{4}"]), Some(vec!["c0".into()]));
        assert_eq!(gate(&[r"\d+ likes?"]), Some(vec!["0".into()]));
    }

    #[test]
    fn open_starts_give_no_gate() {
        assert_eq!(gate(&[r"\w+ likes?"]), None);
        assert_eq!(gate(&[r".*cookies"]), None);
        assert_eq!(gate(&["(?:like)?"]), None);
    }

    #[test]
    fn short_literal_then_class() {
        assert_eq!(gate(&["x(?: [a-z]+)?"]), Some(vec!["x".into()]));
    }

    #[test]
    fn keys_skip_punctuation_and_case() {
        let starts = gate(&["share"]).unwrap();
        assert!(admits(&starts, line_key("  » SHARE this").as_bytes()));
        assert!(!admits(&starts, line_key("Shore leave").as_bytes()));
        assert_eq!(line_key("© 2024 Ledger"), "c000");
    }

    #[test]
    fn inline_keys_equal_string_keys() {
        for line in [
            "  » SHARE this",
            "© 2024 Ledger",
            "İİİİİ",
            "ǅemal",
            "—",
            "",
            "a1",
            "Ab İİİ",
            "abc İ",
            "A — b, ÉCOLE",
            "x9 ©",
            "The 12 ½ Ö",
        ] {
            assert_eq!(LineKey::of(line).as_str(), line_key(line));
        }
        assert_eq!(LineKey::of("— ·").first_byte(), None);
    }

    #[test]
    fn first_bytes_rule_out_lines() {
        let starts = gate(&["share", r"\d+ likes?"]).unwrap();
        let first = FirstBytes::of(&starts);
        assert!(first.may_admit(&LineKey::of("» Shore")));
        assert!(first.may_admit(&LineKey::of("12 likes")));
        assert!(!first.may_admit(&LineKey::of("Tweet")));
        assert!(!first.may_admit(&LineKey::of("...")));
    }
}
