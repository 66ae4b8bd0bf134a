//! What a check reports: a finding with its source span, related places and fix.

use std::sync::Arc;

use crate::position::Span;
use crate::rule::raw::{Category, Severity};

/// Facts about a rule that every finding of it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// `pack/id`.
    pub id: String,
    /// What the rule is about.
    pub category: Category,
    /// Longer explanation.
    pub note: Option<String>,
    /// Documentation link.
    pub link: Option<String>,
}

/// One problem found in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Arc<RuleInfo>,
    /// How serious it is.
    pub severity: Severity,
    /// The rendered message.
    pub message: String,
    /// Where it is, in the document's source bytes.
    pub span: Span,
    /// Other places that belong to the finding ("first stated here").
    pub related: Vec<Label>,
    /// A suggested fix, if the rule has one.
    pub fix: Option<Fix>,
}

impl Finding {
    /// The rule's `pack/id`.
    pub fn rule_id(&self) -> &str {
        &self.rule.id
    }

    /// The rule's category.
    pub fn category(&self) -> Category {
        self.rule.category
    }
}

/// A place in the source with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// A fix: edits to the source that resolve a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, for people ("replace with “Kyiv”").
    pub description: String,
    /// Non-overlapping edits, in source order.
    pub edits: Vec<Edit>,
    /// Whether `copydesk fix` may apply it without review.
    pub applicability: Applicability,
}

/// How sure a rule is of its fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Applicability {
    /// Certain to be right: a known wrong form, a house-style choice, page furniture.
    #[default]
    Safe,
    /// A likely correction that a person should confirm (a guess from spelling or counts).
    Unsafe,
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Bytes replaced.
    pub span: Span,
    /// New text.
    pub replacement: String,
}

impl Fix {
    /// A fix made of one edit.
    pub fn replace(span: Span, replacement: impl Into<String>, description: impl Into<String>) -> Self {
        Fix {
            description: description.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            applicability: Applicability::Safe,
        }
    }

    /// The same fix with another applicability.
    pub fn with_applicability(self, applicability: Applicability) -> Self {
        Fix {
            applicability,
            ..self
        }
    }

    /// True when the fix may be applied without review.
    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }
}
