//! Inline suppressions: comments in Markdown and HTML that switch rules off for a
//! region or a line, and the report of suppressions that suppressed nothing.
//!
//! ```text
//! <!-- copydesk-disable vague-source -->      off until enabled again (all rules when none is named)
//! <!-- copydesk-enable vague-source -->       on again (all regions when none is named)
//! <!-- copydesk-disable-next-line names -->   off for the line after the comment
//! <!-- copydesk-disable-line -->              off for the comment's own line(s)
//! ```
//! Rules are named as in the configuration: `pack/id`, a bare id, a glob or a category,
//! separated by commas or spaces; text after ` -- ` is a reason and is ignored.

use std::sync::{Arc, LazyLock};

use crate::config::select::{RuleSelection, Selector};
use crate::finding::{Finding, RuleInfo};
use crate::position::Span;
use crate::rule::raw::{Category, Severity};
use crate::rule::RuleSet;
use crate::source::{Comment, Document};

/// The rule that reports suppressions which suppressed nothing.
pub static UNUSED_SUPPRESSION: LazyLock<Arc<RuleInfo>> = LazyLock::new(|| {
    Arc::new(RuleInfo {
        id: "copydesk/unused-suppression".to_owned(),
        category: Category::Style,
        note: Some(
            "A suppression comment that suppressed nothing is stale: the problem it hid is gone \
             or the rule it names does not exist. Remove it, so that it cannot hide a new problem."
                .to_owned(),
        ),
        link: None,
    })
});

const PREFIX: &str = "copydesk-";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    Disable,
    Enable,
    DisableLine,
    DisableNextLine,
}

impl Directive {
    fn parse(word: &str) -> Option<Directive> {
        Some(match word {
            "disable" => Directive::Disable,
            "enable" => Directive::Enable,
            "disable-line" => Directive::DisableLine,
            "disable-next-line" => Directive::DisableNextLine,
            _ => return None,
        })
    }
}

/// A rule named in a suppression, and whether it suppressed anything.
#[derive(Debug)]
struct Named {
    selector: Selector,
    used: bool,
}

/// One suppression in force over a stretch of the source.
#[derive(Debug)]
struct Suppression {
    comment: Span,
    /// Source bytes where it applies.
    applies: Span,
    /// `None`: every rule.
    rules: Option<Vec<Named>>,
    used: bool,
}

impl Suppression {
    /// Take `finding` if it lies here and is of a named rule; records the use.
    fn take(&mut self, finding: &Finding) -> bool {
        let start = finding.span.start;
        if start < self.applies.start || start >= self.applies.end {
            return false;
        }
        match &mut self.rules {
            None => {
                self.used = true;
                true
            }
            Some(named) => {
                let mut taken = false;
                for n in named
                    .iter_mut()
                    .filter(|n| n.selector.matches_info(&finding.rule))
                {
                    n.used = true;
                    taken = true;
                }
                taken
            }
        }
    }
}

/// Remove the findings that suppressions cover, and add an info finding for each
/// suppression (or named rule) that covered none, or that cannot be understood.
pub fn apply(
    doc: &Document,
    rules: &RuleSet,
    selection: Option<&RuleSelection>,
    findings: &mut Vec<Finding>,
) {
    if doc.prose.comments.is_empty() {
        return;
    }
    let mut problems = Vec::new();
    let mut suppressions = collect(doc, &mut problems);
    if suppressions.is_empty() && problems.is_empty() {
        return;
    }
    findings.retain(|f| {
        let mut kept = true;
        for s in &mut suppressions {
            kept &= !s.take(f);
        }
        kept
    });
    let enabled = |selector: &Selector| {
        rules
            .rules()
            .iter()
            .enumerate()
            .any(|(i, r)| selector.matches(r) && selection.is_none_or(|s| s.is_enabled(i)))
    };
    for s in &suppressions {
        match &s.rules {
            None if !s.used => {
                problems.push((s.comment, "This suppression suppressed nothing: remove it".into()))
            }
            None => {}
            Some(named) => {
                for n in named.iter().filter(|n| !n.used) {
                    let name = n.selector.as_str();
                    if !n.selector.matches_any(rules) {
                        problems.push((s.comment, format!("`{name}` names no loaded rule")));
                    } else if enabled(&n.selector) {
                        problems.push((
                            s.comment,
                            format!("The suppression of `{name}` suppressed nothing: remove it"),
                        ));
                    }
                }
            }
        }
    }
    findings.extend(problems.into_iter().map(|(span, message)| Finding {
        rule: Arc::clone(&UNUSED_SUPPRESSION),
        severity: Severity::Info,
        message,
        span,
        related: Vec::new(),
        fix: None,
    }));
}

/// The suppressions of a document's comments; malformed ones go to `problems`.
fn collect(doc: &Document, problems: &mut Vec<(Span, String)>) -> Vec<Suppression> {
    let mut done = Vec::new();
    let mut open: Vec<Suppression> = Vec::new();
    for comment in &doc.prose.comments {
        let Some((directive, names)) = parse(doc, comment, problems) else {
            continue;
        };
        match directive {
            Directive::Disable => open.push(suppression(
                comment.span,
                Span::new(comment.span.end, doc.text.len()),
                names,
            )),
            Directive::Enable => close(&mut open, &mut done, names.as_deref(), comment.span.start),
            Directive::DisableLine => {
                let lines = doc.whole_lines(comment.span);
                done.push(suppression(comment.span, lines, names));
            }
            Directive::DisableNextLine => {
                let last = doc
                    .line_col(comment.span.end.saturating_sub(1).max(comment.span.start))
                    .line;
                let start = doc.lines.line_start(last + 1).unwrap_or(doc.text.len());
                let end = doc.lines.line_start(last + 2).unwrap_or(doc.text.len());
                done.push(suppression(comment.span, Span::new(start, end), names));
            }
        }
    }
    done.extend(open);
    done
}

fn suppression(comment: Span, applies: Span, names: Option<Vec<Selector>>) -> Suppression {
    Suppression {
        comment,
        applies,
        rules: names.map(|list| {
            list.into_iter()
                .map(|selector| Named {
                    selector,
                    used: false,
                })
                .collect()
        }),
        used: false,
    }
}

/// End open regions at `at`: all of them, or those naming one of `names`.
fn close(open: &mut Vec<Suppression>, done: &mut Vec<Suppression>, names: Option<&[Selector]>, at: usize) {
    let mut i = 0;
    while i < open.len() {
        let closes = match (names, &open[i].rules) {
            (None, _) => true,
            (Some(names), Some(named)) => named
                .iter()
                .any(|n| names.iter().any(|s| s.as_str() == n.selector.as_str())),
            (Some(_), None) => false,
        };
        if closes {
            let mut region = open.remove(i);
            region.applies.end = at;
            done.push(region);
        } else {
            i += 1;
        }
    }
}

/// The directive of a comment and the rules it names (`None`: all), or `None` when the
/// comment is not a directive. Malformed directives and rule names go to `problems`.
fn parse(
    doc: &Document,
    comment: &Comment,
    problems: &mut Vec<(Span, String)>,
) -> Option<(Directive, Option<Vec<Selector>>)> {
    let body = doc.slice(comment.body).trim();
    let rest = body.strip_prefix(PREFIX)?;
    let body = rest.split(" -- ").next().unwrap_or_default();
    let (word, names) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let Some(directive) = Directive::parse(word) else {
        let message = format!(
            "`{PREFIX}{word}` is not a suppression: use {PREFIX}disable, {PREFIX}enable, \
             {PREFIX}disable-line or {PREFIX}disable-next-line"
        );
        problems.push((comment.span, message));
        return None;
    };
    let mut selectors = Vec::new();
    for name in names.split([',', ' ', '\t', '\n']).filter(|n| !n.is_empty()) {
        match Selector::parse(name) {
            Ok(selector) => selectors.push(selector),
            Err(message) => problems.push((comment.span, message)),
        }
    }
    let named = !names.trim().is_empty();
    Some((directive, named.then_some(selectors)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<(usize, String)> {
        let rules = RuleSet::builtin().unwrap();
        let doc = Document::from_text("t.md", text).unwrap();
        rules
            .check(&doc)
            .iter()
            .map(|f| (doc.line_col(f.span.start).line, f.rule_id().to_owned()))
            .collect()
    }

    const VAGUE: &str = "copydesk/vague-source";
    const UNUSED: &str = "copydesk/unused-suppression";

    #[test]
    fn next_line_covers_only_the_next_line() {
        let text =
            "<!-- copydesk-disable-next-line vague-source -->\nReports suggest it.\n\nReports suggest it.\n";
        assert_eq!(check(text), [(4, VAGUE.to_owned())]);
    }

    #[test]
    fn regions_end_at_enable_and_name_rules_by_category() {
        let text = "<!-- copydesk-disable attribution -->\nReports suggest it.\n\n\
                    <!-- copydesk-enable attribution -->\nReports suggest it.\n";
        assert_eq!(check(text), [(5, VAGUE.to_owned())]);
    }

    #[test]
    fn an_unclosed_region_runs_to_the_end() {
        let text =
            "Reports suggest it.\n\n<!-- copydesk-disable -->\nReports suggest it.\n\nIt is understood so.\n";
        assert_eq!(check(text), [(1, VAGUE.to_owned())]);
    }

    #[test]
    fn other_rules_are_not_suppressed() {
        let text = "<!-- copydesk-disable-next-line figures -->\nReports suggest it.\n";
        assert_eq!(check(text), [(1, UNUSED.to_owned()), (2, VAGUE.to_owned())]);
    }

    #[test]
    fn same_line_suppression_in_inline_html() {
        let text = "Reports suggest it. <!-- copydesk-disable-line vague-source -->\n";
        assert!(check(text).is_empty());
    }

    #[test]
    fn stale_unknown_and_malformed_suppressions_are_reported() {
        let text = "<!-- copydesk-disable-next-line -->\nFine.\n\n<!-- copydesk-disable-next-line nope -->\nFine.\n\n<!-- copydesk-disabel -->\n";
        let found = check(text);
        assert_eq!(found.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [1, 4, 7]);
        assert!(found.iter().all(|(_, r)| r == UNUSED));
    }

    #[test]
    fn ordinary_comments_are_not_directives() {
        let text = "<!-- an editor's note -->\nFine.\n";
        assert!(check(text).is_empty());
    }
}
