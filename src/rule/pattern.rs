//! The `pattern` kind: regexes and literal terms that should not appear.

use regex::{Regex, RegexBuilder};

use super::literal::Literals;
use super::raw::{RawPattern, Scope};
use super::{units, Check, Emitter};
use crate::source::Document;
use crate::text::words::at_word_boundaries;

/// Placeholders a `pattern` message may use.
pub const PLACEHOLDERS: &[&str] = &["match"];

/// Largest compiled size of one rule's regex, in bytes.
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// A compiled `pattern` check.
#[derive(Debug, Clone)]
pub struct PatternCheck {
    regex: Option<Regex>,
    terms: Option<Literals>,
    word_boundary: bool,
}

impl PatternCheck {
    /// Compile the regexes into one and the terms into one automaton.
    pub fn compile(raw: &RawPattern) -> Result<Self, String> {
        if raw.regex.is_empty() && raw.terms.is_empty() {
            return Err("`pattern` needs `regex` or `terms`".into());
        }
        let regex = if raw.regex.is_empty() {
            None
        } else {
            let sources: Vec<&str> = raw.regex.iter().map(|r| r.0.as_str()).collect();
            Some(compile_alternation(&sources, raw.case_sensitive, "")?)
        };
        let terms = if raw.terms.is_empty() {
            None
        } else {
            Some(Literals::new(&raw.terms, raw.case_sensitive, raw.word_boundary)?)
        };
        Ok(PatternCheck {
            regex,
            terms,
            word_boundary: raw.word_boundary,
        })
    }
}

/// Join regexes into one alternation, each wrapped as `(?:…)`, then wrapped by `frame`
/// (`{}` stands for the alternation; empty means none).
pub fn compile_alternation(sources: &[&str], case_sensitive: bool, frame: &str) -> Result<Regex, String> {
    RegexBuilder::new(&alternation(sources, frame))
        .case_insensitive(!case_sensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => too_large(limit),
            other => format!("invalid regex: {other}"),
        })
}

/// The error of a regex that compiles to more than `limit` bytes.
pub fn too_large(limit: usize) -> String {
    format!("regex too large: it compiles to more than {limit} bytes; split or simplify it")
}

/// The regexes as one alternation, each wrapped as `(?:…)`, in `frame` at `{}` (empty
/// means no frame).
pub fn alternation(sources: &[&str], frame: &str) -> String {
    let alternation = sources
        .iter()
        .map(|s| format!("(?:{s})"))
        .collect::<Vec<_>>()
        .join("|");
    if frame.is_empty() {
        alternation
    } else {
        frame.replace("{}", &alternation)
    }
}

impl Check for PatternCheck {
    fn run(&self, doc: &Document, scope: Scope, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        for unit in units(doc, scope) {
            if let Some(regex) = &self.regex {
                let hay = &text[..unit.end];
                let mut at = unit.start;
                while let Some(m) = regex.find_at(hay, at) {
                    if m.is_empty() {
                        at = next_char(hay, m.end());
                    } else if self.word_boundary && !at_word_boundaries(text, m.start(), m.end()) {
                        at = next_char(hay, m.start());
                    } else {
                        emit.emit(m.range(), &[], None);
                        at = m.end();
                    }
                    if at >= unit.end {
                        break;
                    }
                }
            }
            if let Some(terms) = &self.terms {
                for (range, _) in terms.find_in(doc.flat_prose(), unit.clone()) {
                    emit.emit(range, &[], None);
                }
            }
        }
    }
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}
