//! The `substitution` kind: known wrong forms, each with its right form as the fix.

use super::literal::Literals;
use super::raw::{RawSubstitution, Scope};
use super::{units, Check, Emitter};
use crate::finding::Fix;
use crate::source::Document;

/// Placeholders a `substitution` message may use.
pub const PLACEHOLDERS: &[&str] = &["match", "fix"];

/// A compiled `substitution` check.
#[derive(Debug, Clone)]
pub struct SubstitutionCheck {
    wrong: Literals,
    right: Vec<String>,
}

impl SubstitutionCheck {
    /// Compile all wrong forms into one automaton.
    pub fn compile(raw: &RawSubstitution) -> Result<Self, String> {
        if raw.swap.0.is_empty() {
            return Err("`substitution` needs at least one pair in `swap`".into());
        }
        let wrong: Vec<String> = raw.swap.0.iter().map(|(w, _)| w.clone()).collect();
        let right = raw.swap.0.iter().map(|(_, r)| r.clone()).collect();
        Ok(SubstitutionCheck {
            wrong: Literals::new(&wrong, raw.case_sensitive, raw.word_boundary)?,
            right,
        })
    }
}

impl Check for SubstitutionCheck {
    fn run(&self, doc: &Document, scope: Scope, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let flat = doc.flat_prose();
        self.wrong.find_in_units(flat, units(doc, scope), |range, index| {
            let Some(right) = self.right.get(index) else {
                return;
            };
            let right = match_case(&text[range.clone()], right);
            let span = doc.source_span(range.clone());
            let fix = Fix::replace(span, right.clone(), format!("replace with “{right}”"));
            emit.emit(range, &[("fix", &right)], Some(fix));
        });
    }
}

/// Capitalise the right form when the wrong one was capitalised and it was not.
fn match_case(found: &str, right: &str) -> String {
    let found_upper = found.chars().next().is_some_and(char::is_uppercase);
    let mut chars = right.chars();
    match chars.next() {
        Some(first) if found_upper && first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => right.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::match_case;

    #[test]
    fn capitalisation_follows_the_text() {
        assert_eq!(match_case("Alot", "a lot"), "A lot");
        assert_eq!(match_case("alot", "a lot"), "a lot");
        assert_eq!(match_case("kiev", "Kyiv"), "Kyiv");
    }
}
