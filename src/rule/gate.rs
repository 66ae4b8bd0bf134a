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
    line.chars().flat_map(key_char).take(WIDTH).collect()
}

fn key_char(c: char) -> Vec<char> {
    match c {
        '©' => vec!['c'],
        c if c.is_ascii_digit() => vec!['0'],
        c if c.is_alphanumeric() => c.to_lowercase().collect(),
        _ => Vec::new(),
    }
}

/// True when `key` begins with one of `starts`.
pub fn admits(starts: &[String], key: &str) -> bool {
    starts.iter().any(|s| key.starts_with(s.as_str()))
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
    key_char(c).into_iter().collect()
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
        assert!(admits(&starts, &line_key("  » SHARE this")));
        assert!(!admits(&starts, &line_key("Shore leave")));
        assert_eq!(line_key("© 2024 Ledger"), "c000");
    }
}
