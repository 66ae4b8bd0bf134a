//! Regexes that only tell whether a line matches, compiled for that question alone: one
//! forward NFA with a lazy DFA over it, and no reverse automaton or capture groups, which
//! halves the compile time of a regex that reports where its matches are.

use std::sync::Arc;

use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

use super::pattern::too_large;

/// The search state of one thread.
#[derive(Debug, Clone)]
struct Caches {
    dfa: dfa::Cache,
    pikevm: pikevm::Cache,
}

type CachePool = Pool<Caches, Box<dyn Fn() -> Caches + Send + Sync>>;

/// A compiled whole-line regex (the pattern anchors itself at the start and end); its
/// clones share it.
#[derive(Clone)]
pub struct LineRegex(Arc<Engines>);

struct Engines {
    dfa: DFA,
    /// For the lines the lazy DFA gives up on (a Unicode word boundary beside a
    /// character that is not ASCII).
    pikevm: PikeVM,
    caches: CachePool,
}

impl std::fmt::Debug for LineRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineRegex").finish_non_exhaustive()
    }
}

impl LineRegex {
    /// Compile `pattern`; `size_limit` bounds the NFA and the lazy DFA's cache, in bytes.
    pub fn new(pattern: &str, case_sensitive: bool, size_limit: usize) -> Result<Self, String> {
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().case_insensitive(!case_sensitive))
            .configure(
                thompson::Config::new()
                    .which_captures(WhichCaptures::Implicit)
                    .nfa_size_limit(Some(size_limit)),
            )
            .build(pattern)
            .map_err(|e| match e.size_limit() {
                Some(limit) => too_large(limit),
                None => format!("invalid regex: {e}"),
            })?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .cache_capacity(size_limit)
                    .skip_cache_capacity_check(true)
                    // A Unicode word boundary next to a character that is not ASCII
                    // makes the DFA give up, and the PikeVM answer.
                    .unicode_word_boundary(true),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| format!("invalid regex: {e}"))?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| format!("invalid regex: {e}"))?;
        let (for_dfa, for_pikevm) = (dfa.clone(), pikevm.clone());
        let caches: CachePool = Pool::new(Box::new(move || Caches {
            dfa: for_dfa.create_cache(),
            pikevm: for_pikevm.create_cache(),
        }));
        Ok(LineRegex(Arc::new(Engines { dfa, pikevm, caches })))
    }

    /// True when `line` matches.
    pub fn is_match(&self, line: &str) -> bool {
        let engines = &*self.0;
        let mut caches = engines.caches.get();
        let input = Input::new(line).anchored(Anchored::Yes).earliest(true);
        match engines.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.is_some(),
            Err(_) => engines.pikevm.is_match(&mut caches.pikevm, input),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_as_the_regex_crate_does() {
        let patterns = [
            r"\A\s*(?:share (?:on|via) \w+)\s*\z",
            r"\A\s*(?:©|copyright)\s+\d{4}\b.*\z",
            r"\A\s*(?:\bcomments are closed\b\.?)\s*\z",
            r"\A\s*(?:subscribe|sign up)(?: to [a-z ]+)?\s*\z",
        ];
        let lines = [
            "Share on Facebook",
            "  share via WhatsApp  ",
            "Share on Facebook now",
            "© 2024 The Harbour Times",
            "Copyright 2024é",
            "copyright 20245",
            "Comments are closed.",
            "Comments are closed.\u{a0}",
            "Comments are closedé",
            "éComments are closed.",
            "Subscribe to our newsletter",
            "SUBSCRIBE",
            "Sign up to the harbour’s daily",
            "",
            "\u{a0}Subscribe\u{a0}",
            "Kubernetes \u{212a}",
        ];
        for pattern in patterns {
            for case_sensitive in [true, false] {
                let ours = LineRegex::new(pattern, case_sensitive, 1 << 22).unwrap();
                let reference = regex::RegexBuilder::new(pattern)
                    .case_insensitive(!case_sensitive)
                    .build()
                    .unwrap();
                for line in lines {
                    assert_eq!(
                        ours.is_match(line),
                        reference.is_match(line),
                        "{pattern} {case_sensitive} {line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_broken_or_huge_pattern_is_an_error() {
        assert!(LineRegex::new(r"\A(\z", true, 1 << 22)
            .unwrap_err()
            .starts_with("invalid regex"));
        assert!(LineRegex::new(r"\A\w{1000}\w{1000}\z", true, 1 << 16)
            .unwrap_err()
            .starts_with("regex too large"));
    }
}
