//! `copydesk rules` and `copydesk test-rules`.

use std::io::{self, Write};

use copydesk::selftest;

use super::plan::rules_here;
use super::{RuleArgs, Status};

/// Run `copydesk rules`.
pub fn list_rules(args: &RuleArgs) -> Status {
    let rules = match rules_here(args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let width = rules.rules().iter().map(|r| r.id().len()).max().unwrap_or(0);
    let mut out = io::stdout().lock();
    for rule in rules.rules() {
        let line = format!(
            "{:width$}  {:11}  {:7}  {}",
            rule.id(),
            rule.info.category.as_str(),
            rule.severity.as_str(),
            rule.description(),
        );
        if writeln!(out, "{}", line.trim_end()).is_err() {
            break;
        }
    }
    Status::Clean
}

/// Run `copydesk test-rules`.
pub fn test_rules(args: &RuleArgs) -> Status {
    let rules = match rules_here(args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let report = selftest::run(&rules);
    for failure in &report.failures {
        println!("{failure}");
    }
    for id in &report.untested {
        eprintln!("copydesk: note: rule {id} lacks a `flag` or a `pass` example");
    }
    println!(
        "{} passed, {} failed",
        report.examples - report.failures.len(),
        report.failures.len()
    );
    if report.failures.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    }
}
