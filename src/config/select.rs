//! Choosing rules: selectors written in a configuration, and the selection they make.

use globset::{Glob, GlobMatcher};

use crate::finding::RuleInfo;
use crate::rule::raw::{Category, Severity};
use crate::rule::{Rule, RuleSet};

/// A rule selector as written in a configuration: a glob over `pack/id`
/// (`copydesk/*-furniture`), a glob over the id in any pack (`vague-source`), or a
/// category (`names`).
#[derive(Debug, Clone)]
pub struct Selector {
    text: String,
    matcher: Matcher,
}

#[derive(Debug, Clone)]
enum Matcher {
    Category(Category),
    FullId(Pattern),
    Id(Pattern),
}

/// A glob, or the text itself when it has no wildcard: compiling a glob builds a regex,
/// which cost a configuration naming twenty rules more than checking an article.
#[derive(Debug, Clone)]
enum Pattern {
    Literal(String),
    Glob(GlobMatcher),
}

impl Pattern {
    fn parse(text: &str) -> Result<Pattern, String> {
        if !text.contains(['*', '?', '[', ']', '{', '}', '\\']) {
            return Ok(Pattern::Literal(text.to_owned()));
        }
        let glob =
            Glob::new(text).map_err(|e| format!("`{text}` is not a valid rule pattern: {}", e.kind()))?;
        Ok(Pattern::Glob(glob.compile_matcher()))
    }

    fn is_match(&self, text: &str) -> bool {
        match self {
            Pattern::Literal(literal) => literal == text,
            Pattern::Glob(glob) => glob.is_match(text),
        }
    }
}

const CATEGORIES: [Category; 5] = [
    Category::Figures,
    Category::Attribution,
    Category::Names,
    Category::Boilerplate,
    Category::Style,
];

impl Selector {
    /// Parse a selector; the error says what is wrong with the glob.
    pub fn parse(text: &str) -> Result<Selector, String> {
        if let Some(category) = CATEGORIES.iter().find(|c| c.as_str() == text) {
            return Ok(Selector {
                text: text.to_owned(),
                matcher: Matcher::Category(*category),
            });
        }
        let pattern = Pattern::parse(text)?;
        let matcher = if text.contains('/') {
            Matcher::FullId(pattern)
        } else {
            Matcher::Id(pattern)
        };
        Ok(Selector {
            text: text.to_owned(),
            matcher,
        })
    }

    /// The selector as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True when the selector picks `rule`.
    pub fn matches(&self, rule: &Rule) -> bool {
        self.matches_info(&rule.info)
    }

    /// True when the selector picks the rule described by `info`.
    pub fn matches_info(&self, info: &RuleInfo) -> bool {
        match &self.matcher {
            Matcher::Category(category) => info.category == *category,
            Matcher::FullId(pattern) => pattern.is_match(&info.id),
            Matcher::Id(pattern) => pattern.is_match(info.id.rsplit('/').next().unwrap_or_default()),
        }
    }

    /// True when the selector picks at least one rule of `rules`.
    pub fn matches_any(&self, rules: &RuleSet) -> bool {
        rules.rules().iter().any(|r| self.matches(r))
    }
}

/// Which rules of a [`RuleSet`] run on a file, and at what severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSelection {
    enabled: Vec<bool>,
    severity: Vec<Option<Severity>>,
}

impl RuleSelection {
    /// Every rule of `rules`, at its own severity.
    pub fn all(rules: &RuleSet) -> RuleSelection {
        let n = rules.rules().len();
        RuleSelection {
            enabled: vec![true; n],
            severity: vec![None; n],
        }
    }

    /// Switch off the rules `selector` picks.
    pub fn disable(&mut self, rules: &RuleSet, selector: &Selector) {
        self.set(rules, selector, false);
    }

    /// Switch on the rules `selector` picks.
    pub fn enable(&mut self, rules: &RuleSet, selector: &Selector) {
        self.set(rules, selector, true);
    }

    fn set(&mut self, rules: &RuleSet, selector: &Selector, on: bool) {
        for (i, rule) in rules.rules().iter().enumerate() {
            if selector.matches(rule) {
                if let Some(slot) = self.enabled.get_mut(i) {
                    *slot = on;
                }
            }
        }
    }

    /// Report the rules `selector` picks at `severity`.
    pub fn set_severity(&mut self, rules: &RuleSet, selector: &Selector, severity: Severity) {
        for (i, rule) in rules.rules().iter().enumerate() {
            if selector.matches(rule) {
                if let Some(slot) = self.severity.get_mut(i) {
                    *slot = Some(severity);
                }
            }
        }
    }

    /// True when rule number `index` runs (rules outside the selection run).
    pub fn is_enabled(&self, index: usize) -> bool {
        self.enabled.get(index).copied().unwrap_or(true)
    }

    /// The severity rule number `index` is overridden to, if any.
    pub fn severity(&self, index: usize) -> Option<Severity> {
        self.severity.get(index).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        RuleSet::builtin().unwrap()
    }

    fn picked(selector: &str) -> Vec<String> {
        let rules = rules();
        let selector = Selector::parse(selector).unwrap();
        rules
            .rules()
            .iter()
            .filter(|r| selector.matches(r))
            .map(|r| r.id().to_owned())
            .collect()
    }

    #[test]
    fn selectors_pick_by_full_id_bare_id_glob_and_category() {
        assert_eq!(picked("copydesk/vague-source"), ["copydesk/vague-source"]);
        assert_eq!(picked("vague-source"), ["copydesk/vague-source"]);
        assert!(picked("copydesk/*").len() > 30);
        assert!(picked("names")
            .iter()
            .all(|id| id.contains("name") || id.contains("title")));
        assert!(picked("other/vague-source").is_empty());
        assert!(Selector::parse("copydesk/[").is_err());
    }

    #[test]
    fn selectors_without_wildcards_pick_what_their_glob_picks() {
        let rules = rules();
        let texts = [
            "copydesk/vague-source",
            "vague-source",
            "vague",
            "copydesk/vague-source/",
            "Copydesk/vague-source",
            "copydesk",
            "other/vague-source",
            "copydesk/misspelled-name",
            "",
        ];
        for text in texts {
            let glob = Glob::new(text).unwrap().compile_matcher();
            let selector = Selector::parse(text).unwrap();
            assert!(
                matches!(
                    selector.matcher,
                    Matcher::FullId(Pattern::Literal(_)) | Matcher::Id(Pattern::Literal(_))
                ),
                "{text}"
            );
            for rule in rules.rules() {
                let id = rule.id();
                let target = if text.contains('/') {
                    id
                } else {
                    id.rsplit('/').next().unwrap()
                };
                assert_eq!(selector.matches(rule), glob.is_match(target), "{text} on {id}");
            }
        }
    }

    #[test]
    fn later_settings_win() {
        let rules = rules();
        let mut selection = RuleSelection::all(&rules);
        selection.disable(&rules, &Selector::parse("attribution").unwrap());
        selection.enable(&rules, &Selector::parse("vague-source").unwrap());
        let vague = rules
            .rules()
            .iter()
            .position(|r| r.id() == "copydesk/vague-source")
            .unwrap();
        let quote = rules
            .rules()
            .iter()
            .position(|r| r.id() == "copydesk/quote-without-speaker")
            .unwrap();
        assert!(selection.is_enabled(vague));
        assert!(!selection.is_enabled(quote));
        selection.set_severity(&rules, &Selector::parse("vague-source").unwrap(), Severity::Error);
        assert_eq!(selection.severity(vague), Some(Severity::Error));
        assert_eq!(selection.severity(quote), None);
    }
}
