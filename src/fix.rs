//! Applying fixes: which edits of a checked document to make, the text they give, a
//! unified diff of the change and a writer that replaces a file without ever leaving it
//! half written.
//!
//! ```
//! use copydesk::fix::{unified_diff, FixPlan};
//! use copydesk::{Document, RuleSet};
//!
//! let rules = RuleSet::builtin()?;
//! let doc = Document::from_text("story.txt", "The vote passed.\nComments are closed.\n")?;
//! let findings = rules.check(&doc);
//! let plan = FixPlan::new(&doc, &findings);
//! assert_eq!(plan.fixed.len(), 1);
//! let fixed = plan.apply(&doc.text);
//! assert_eq!(fixed, "The vote passed.\n");
//! assert!(unified_diff("story.txt", &doc.text, &fixed).contains("-Comments are closed."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod diff;
mod plan;
mod write;

pub use diff::unified_diff;
pub use plan::{FixPlan, SkipReason, SkippedFix};
pub use write::{write_fixed, WriteError};
