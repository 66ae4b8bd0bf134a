//! copydesk checks news copy for fact-consistency problems before it is published:
//! figures that contradict each other, claims without a source, misspelled names and
//! scraped page furniture.
//!
//! Rules are YAML; a [`RuleSet`] loads and compiles them once, then checks any number
//! of [`Document`]s. Every [`Finding`] carries a byte [`Span`] in the original source,
//! which the document turns into a line and column.
//!
//! ```
//! use copydesk::{Document, RuleSet};
//!
//! let rules = RuleSet::builtin()?;
//! let doc = Document::from_text("story.txt", "The vote passed.\nComments are closed.\n")?;
//! let findings = rules.check(&doc);
//! assert_eq!(findings.len(), 1);
//! let finding = &findings[0];
//! assert_eq!(finding.rule_id(), "copydesk/comments-closed");
//! assert_eq!(doc.slice(finding.span), "Comments are closed.");
//! let at = doc.line_col(finding.span.start);
//! assert_eq!((at.line, at.column), (2, 1));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod baseline;
pub mod batch;
pub mod config;
pub mod engine;
pub mod error;
pub mod files;
pub mod finding;
pub mod fix;
pub mod lsp;
pub mod names;
pub mod position;
pub mod report;
pub mod rule;
pub mod selftest;
pub mod shard;
pub mod source;
pub mod suppress;
pub mod text;
mod yaml;

pub use baseline::{Baseline, BaselineError};
pub use engine::{run_jobs, run_jobs_until, CheckOptions, CheckedFile, Job};
pub use error::{Error, RuleError, RuleErrors, SourceError};
pub use finding::{Applicability, Edit, Finding, Fix, Label, RuleInfo};
pub use position::{LineCol, LineIndex, Span};
pub use rule::raw::{Category, Severity};
pub use rule::{Rule, RuleSet, RuleSource};
pub use source::{Document, Format};
