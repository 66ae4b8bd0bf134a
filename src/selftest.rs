//! `copydesk test-rules`: every rule against the examples it carries.

use crate::rule::{Example, Rule, RuleSet};
use crate::source::{Document, Format};

/// An example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule's `pack/id`.
    pub rule: String,
    /// The rule file.
    pub path: String,
    /// 1-based line of the example.
    pub line: usize,
    /// The example text.
    pub text: String,
    /// True when the example should have been flagged.
    pub expected_flag: bool,
    /// Findings the rule produced.
    pub found: usize,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.expected_flag {
            "should be flagged but was not".to_owned()
        } else {
            format!("should pass but was flagged {} time(s)", self.found)
        };
        write!(
            f,
            "{}:{}: [{}] {:?} {what}",
            self.path, self.line, self.rule, self.text
        )
    }
}

/// Results of running every rule's tests.
#[derive(Debug, Clone, Default)]
pub struct SelfTestReport {
    /// Examples run.
    pub examples: usize,
    /// Examples that failed.
    pub failures: Vec<ExampleFailure>,
    /// Rules that carry no `flag` example or no `pass` example.
    pub untested: Vec<String>,
}

/// Run each rule alone over each of its examples (as plain text).
pub fn run(rules: &RuleSet) -> SelfTestReport {
    let mut report = SelfTestReport::default();
    for rule in rules.rules() {
        let flag_missing = rule.examples.flag.is_empty() && !rule.check.needs_configuration();
        if flag_missing || rule.examples.pass.is_empty() {
            report.untested.push(rule.id().to_owned());
        }
        for (examples, expected_flag) in [(&rule.examples.flag, true), (&rule.examples.pass, false)] {
            for example in examples {
                report.examples += 1;
                let found = count(rule, example);
                if (found > 0) != expected_flag {
                    report.failures.push(ExampleFailure {
                        rule: rule.id().to_owned(),
                        path: rule.origin.path.clone(),
                        line: example.line,
                        text: example.text.clone(),
                        expected_flag,
                        found,
                    });
                }
            }
        }
    }
    report
}

/// Examples are plain text, or Markdown when they open with front matter (to set a date).
fn count(rule: &Rule, example: &Example) -> usize {
    let format = if example.text.starts_with("---\n") {
        Format::Markdown
    } else {
        Format::Text
    };
    let Ok(doc) = Document::parse("<example>", example.text.clone(), format) else {
        return 0;
    };
    let mut findings = Vec::new();
    rule.run(&doc, &mut findings);
    findings.len()
}
