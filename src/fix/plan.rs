//! Which fix edits of one document to make: safe fixes only, conflicting fixes refused,
//! identical edits made once, line endings and a byte-order mark kept.

use std::fmt;

use crate::finding::{Edit, Finding};
use crate::position::{LineCol, Span};
use crate::source::{Document, Format};

/// Characters that may be Markdown or HTML markup when they appear in replaced source text.
const MARKUP: &[char] = &['*', '_', '`', '[', ']', '<', '>', '&', '\\'];

const BOM: &str = "\u{feff}";

/// Why a safe fix was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Another fix changes the same bytes differently; neither is applied.
    Overlaps {
        /// The other fix's rule.
        rule: String,
        /// Where the other finding starts.
        at: LineCol,
    },
    /// The replaced source text holds markup the replacement would remove.
    TouchesMarkup,
    /// An edit reaches visible text outside the finding (a table row around a cell).
    ReachesOtherText,
    /// The replaced text spans a line break that the replacement cannot keep.
    ChangesLineBreaks,
    /// An edit lies outside the text, splits a character, or overlaps another edit of the same fix.
    InvalidEdits,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Overlaps { rule, at } => write!(
                f,
                "overlaps the fix of {rule} at {}:{}; neither was applied",
                at.line, at.column
            ),
            SkipReason::TouchesMarkup => f.write_str("the text it replaces holds markup"),
            SkipReason::ReachesOtherText => f.write_str("it would change text outside the finding"),
            SkipReason::ChangesLineBreaks => f.write_str("it would join or split lines"),
            SkipReason::InvalidEdits => f.write_str("its edits do not fit the text"),
        }
    }
}

/// A safe fix that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFix {
    /// Index of the finding in the slice given to [`FixPlan::new`].
    pub finding: usize,
    /// Why it was not applied.
    pub reason: SkipReason,
}

/// The edits to make to one document, worked out from its findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixPlan {
    /// Indices of the findings whose fixes are applied.
    pub fixed: Vec<usize>,
    /// Safe fixes refused, in finding order.
    pub skipped: Vec<SkippedFix>,
    /// Indices of the findings whose fixes need review and are never applied.
    pub unsafe_fixes: Vec<usize>,
    /// The edits, sorted, each once, none overlapping.
    edits: Vec<Edit>,
}

/// A safe fix whose edits have been checked and adapted to the text.
struct Candidate {
    /// Index of its finding.
    finding: usize,
    edits: Vec<Edit>,
    /// Index of the first finding whose fix contradicts this one.
    conflict: Option<usize>,
}

impl FixPlan {
    /// Plan the fixes of `findings` (found in `doc`): every safe fix that no other fix
    /// contradicts. Two fixes that change the same bytes differently are both refused;
    /// an edit that two fixes share is made once.
    pub fn new(doc: &Document, findings: &[Finding]) -> Self {
        let mut plan = FixPlan::default();
        let mut candidates = Vec::new();
        let shape = TextShape::of(&doc.text);
        for (index, finding) in findings.iter().enumerate() {
            let Some(fix) = &finding.fix else { continue };
            if !fix.is_safe() {
                plan.unsafe_fixes.push(index);
                continue;
            }
            match prepare_edits(doc, shape, finding.span, &fix.edits) {
                Ok(edits) => candidates.push(Candidate {
                    finding: index,
                    edits,
                    conflict: None,
                }),
                Err(reason) => plan.skipped.push(SkippedFix {
                    finding: index,
                    reason,
                }),
            }
        }
        mark_conflicts(&mut candidates);
        for candidate in candidates {
            match candidate.conflict {
                Some(other) => {
                    let other = &findings[other];
                    plan.skipped.push(SkippedFix {
                        finding: candidate.finding,
                        reason: SkipReason::Overlaps {
                            rule: other.rule_id().to_owned(),
                            at: doc.line_col(other.span.start),
                        },
                    });
                }
                None => {
                    plan.fixed.push(candidate.finding);
                    plan.edits.extend(candidate.edits);
                }
            }
        }
        plan.skipped.sort_by_key(|s| s.finding);
        plan.edits
            .sort_by(|a, b| (a.span, &a.replacement).cmp(&(b.span, &b.replacement)));
        plan.edits.dedup();
        plan
    }

    /// True when there is nothing to change.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The edits to make, sorted, each once.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The text after the planned edits; `text` must be the source the plan was made for.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for edit in &self.edits {
            out.push_str(text.get(at..edit.span.start).unwrap_or_default());
            out.push_str(&edit.replacement);
            at = edit.span.end;
        }
        out.push_str(text.get(at..).unwrap_or_default());
        out
    }
}

/// What edits of a text must keep: its byte-order mark and its line ending.
#[derive(Clone, Copy)]
struct TextShape {
    /// Length of the byte-order mark (0 without one); edits start after it.
    bom: usize,
    /// The line ending new line breaks take: `\r\n` when the text uses it.
    eol: &'static str,
}

impl TextShape {
    fn of(text: &str) -> Self {
        TextShape {
            bom: if text.starts_with(BOM) { BOM.len() } else { 0 },
            eol: if text.contains("\r\n") { "\r\n" } else { "\n" },
        }
    }
}

/// Mark every candidate one of whose edits changes bytes that another candidate changes
/// differently, or inserts at the same place, with the first such other finding.
fn mark_conflicts(candidates: &mut [Candidate]) {
    let mut flat: Vec<(&Edit, usize)> = candidates
        .iter()
        .enumerate()
        .flat_map(|(owner, c)| c.edits.iter().map(move |e| (e, owner)))
        .collect();
    flat.sort_by(|a, b| (a.0.span, &a.0.replacement).cmp(&(b.0.span, &b.0.replacement)));
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    for (i, &(a, owner_a)) in flat.iter().enumerate() {
        for &(b, owner_b) in &flat[i + 1..] {
            if !(b.span.start < a.span.end || b.span.start == a.span.start) {
                break;
            }
            if a != b && owner_a != owner_b {
                conflicts.push((owner_a, owner_b));
            }
        }
    }
    for (a, b) in conflicts {
        let (finding_a, finding_b) = (candidates[a].finding, candidates[b].finding);
        candidates[a].conflict.get_or_insert(finding_b);
        candidates[b].conflict.get_or_insert(finding_a);
    }
}

/// Check a fix's edits against the text and adapt them: never touch the byte-order mark
/// or visible text outside the finding's `span`, keep the line breaks and line ending of
/// the replaced text.
fn prepare_edits(
    doc: &Document,
    shape: TextShape,
    span: Span,
    edits: &[Edit],
) -> Result<Vec<Edit>, SkipReason> {
    let text = doc.text.as_str();
    let mut prepared = Vec::with_capacity(edits.len());
    for edit in edits {
        let edit_span = Span::new(edit.span.start.max(shape.bom), edit.span.end);
        let original = match text.get(edit_span.range()) {
            Some(original) if edit_span.start <= edit_span.end => original,
            _ => return Err(SkipReason::InvalidEdits),
        };
        if reaches_other_text(doc, edit_span, span) {
            return Err(SkipReason::ReachesOtherText);
        }
        let replacement = if edit.replacement.is_empty() {
            String::new()
        } else {
            if doc.format != Format::Text && original.contains(MARKUP) {
                return Err(SkipReason::TouchesMarkup);
            }
            keep_line_breaks(original, &edit.replacement, shape.eol).ok_or(SkipReason::ChangesLineBreaks)?
        };
        prepared.push(Edit {
            span: edit_span,
            replacement,
        });
    }
    prepared.sort_by_key(|e| e.span);
    if prepared.windows(2).any(|w| w[1].span.start < w[0].span.end) {
        return Err(SkipReason::InvalidEdits);
    }
    Ok(prepared)
}

/// True when `edit` overlaps a line of prose that lies outside the finding's `span`:
/// deleting the whole source line of a Markdown table cell would delete the other cells.
fn reaches_other_text(doc: &Document, edit: Span, span: Span) -> bool {
    if edit.start >= span.start && edit.end <= span.end {
        return false;
    }
    doc.prose.lines.iter().any(|line| {
        let line = crate::text::trim_range(&doc.prose.text, line.clone());
        if line.is_empty() {
            return false;
        }
        let source = doc.source_span(line);
        let overlaps = source.start < edit.end && edit.start < source.end;
        let inside = source.start >= span.start && source.end <= span.end;
        overlaps && !inside
    })
}

/// The replacement with the line breaks of `original` kept: each run of white space in
/// the replacement becomes the matching run of the original when that run breaks the line
/// (a name wrapped over two lines stays wrapped). Any other line break becomes `eol`.
/// `None` when the original breaks a line and the two do not have the same runs.
fn keep_line_breaks(original: &str, replacement: &str, eol: &str) -> Option<String> {
    let replacement = replacement.replace("\r\n", "\n").replace('\n', eol);
    if !original.contains('\n') {
        return Some(replacement);
    }
    let original_runs = whitespace_runs(original);
    let replacement_runs = whitespace_runs(&replacement);
    if original_runs.len() != replacement_runs.len() {
        return None;
    }
    let mut out = String::with_capacity(replacement.len() + 2);
    let mut at = 0;
    for (theirs, ours) in original_runs.iter().zip(&replacement_runs) {
        out.push_str(&replacement[at..ours.start]);
        let kept = &original[theirs.clone()];
        out.push_str(if kept.contains('\n') {
            kept
        } else {
            &replacement[ours.clone()]
        });
        at = ours.end;
    }
    out.push_str(&replacement[at..]);
    Some(out)
}

/// Byte ranges of the runs of white space in `text`.
fn whitespace_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            continue;
        }
        let end = i + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.end == i => run.end = end,
            _ => runs.push(i..end),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::finding::{Applicability, Fix, RuleInfo};
    use crate::rule::raw::{Category, Severity};

    fn finding(rule: &str, start: usize, end: usize, replacement: &str) -> Finding {
        Finding {
            rule: Arc::new(RuleInfo {
                id: format!("test/{rule}"),
                category: Category::Style,
                note: None,
                link: None,
            }),
            severity: Severity::Warning,
            message: String::new(),
            span: Span::new(start, end),
            related: Vec::new(),
            fix: Some(Fix::replace(Span::new(start, end), replacement, "edit")),
        }
    }

    /// A finding replacing the first occurrence of `needle` in `text`.
    fn replacing(rule: &str, text: &str, needle: &str, replacement: &str) -> Finding {
        let start = text.find(needle).unwrap();
        finding(rule, start, start + needle.len(), replacement)
    }

    fn doc(text: &str) -> Document {
        Document::parse("a.txt", text.to_owned(), Format::Text).unwrap()
    }

    fn fixed(text: &str, findings: &[Finding]) -> (String, FixPlan) {
        let plan = FixPlan::new(&doc(text), findings);
        (plan.apply(text), plan)
    }

    #[test]
    fn overlapping_fixes_are_both_refused() {
        let text = "Officials in Kiev said so.";
        let findings = [
            replacing("a", text, "in Kiev", "in Kyiv"),
            replacing("b", text, "Kiev", "Kyyiv"),
            replacing("c", text, "said", "stated"),
        ];
        let (out, plan) = fixed(text, &findings);
        assert_eq!(out, "Officials in Kiev stated so.");
        assert_eq!(plan.fixed, [2]);
        assert_eq!(plan.skipped.len(), 2);
        assert_eq!(plan.skipped[0].finding, 0);
        assert_eq!(
            plan.skipped[0].reason,
            SkipReason::Overlaps {
                rule: "test/b".into(),
                at: LineCol { line: 1, column: 14 }
            }
        );
        assert_eq!(plan.skipped[1].finding, 1);
    }

    #[test]
    fn two_insertions_at_one_place_conflict_but_touching_edits_do_not() {
        let text = "abcdef";
        let findings = [
            finding("a", 2, 2, "X"),
            finding("b", 2, 2, "Y"),
            finding("c", 3, 4, "D"),
            finding("d", 4, 4, "!"),
        ];
        let (out, plan) = fixed(text, &findings);
        assert_eq!(out, "abcD!ef");
        assert_eq!(plan.fixed, [2, 3]);
        assert_eq!(plan.skipped.len(), 2);
    }

    #[test]
    fn identical_edits_are_made_once() {
        let text = "Shelling in Kiev.";
        let findings = [
            replacing("names", text, "Kiev", "Kyiv"),
            replacing("house", text, "Kiev", "Kyiv"),
        ];
        let (out, plan) = fixed(text, &findings);
        assert_eq!(out, "Shelling in Kyiv.");
        assert_eq!(plan.fixed, [0, 1]);
        assert!(plan.skipped.is_empty());
        assert_eq!(plan.edits().len(), 1);
    }

    #[test]
    fn unsafe_fixes_are_left_for_review() {
        let text = "Shelling in Kiev.";
        let mut guess = replacing("guess", text, "Kiev", "Kyiv");
        guess.fix = guess.fix.map(|f| f.with_applicability(Applicability::Unsafe));
        let (out, plan) = fixed(text, &[guess]);
        assert_eq!(out, text);
        assert!(plan.is_empty());
        assert_eq!(plan.unsafe_fixes, [0]);
    }

    #[test]
    fn deleting_crlf_lines_keeps_the_other_line_endings() {
        let text = "One.\r\nShare this:\r\nTwo.\r\n";
        let line = replacing("furniture", text, "Share this:\r\n", "");
        let (out, _) = fixed(text, &[line]);
        assert_eq!(out, "One.\r\nTwo.\r\n");
    }

    #[test]
    fn a_replacement_over_a_line_break_keeps_it() {
        let text = "Volodymyr\r\nZelenski spoke.\r\n";
        let name = replacing("name", text, "Volodymyr\r\nZelenski", "Volodymyr Zelensky");
        let (out, _) = fixed(text, &[name]);
        assert_eq!(out, "Volodymyr\r\nZelensky spoke.\r\n");
        let joined = replacing("name", text, "Volodymyr\r\nZelenski", "Zelensky");
        let (out, plan) = fixed(text, &[joined]);
        assert_eq!(out, text);
        assert_eq!(plan.skipped[0].reason, SkipReason::ChangesLineBreaks);
    }

    #[test]
    fn new_line_breaks_follow_the_document() {
        let text = "a lot\r\nmore\r\n";
        let split = replacing("split", text, "a lot", "a\nlot");
        assert_eq!(fixed(text, &[split]).0, "a\r\nlot\r\nmore\r\n");
    }

    #[test]
    fn the_byte_order_mark_is_kept() {
        let text = "\u{feff}Share this:\nStory.\n";
        let first_line = finding("furniture", 0, text.find("Story").unwrap(), "");
        let (out, plan) = fixed(text, &[first_line]);
        assert_eq!(out, "\u{feff}Story.\n");
        assert_eq!(plan.fixed, [0]);
    }

    #[test]
    fn edits_at_the_start_and_the_end() {
        let text = "Kiev is far from Kharkov";
        let findings = [
            replacing("a", text, "Kiev", "Kyiv"),
            replacing("b", text, "Kharkov", "Kharkiv"),
            finding("c", text.len(), text.len(), "."),
        ];
        let (out, plan) = fixed(text, &findings);
        assert_eq!(out, "Kyiv is far from Kharkiv.");
        assert_eq!(plan.fixed, [0, 1, 2]);
    }

    #[test]
    fn multibyte_text_around_edits_is_kept() {
        let text = "Zürich – “Kiev” 東京 😀 end";
        let findings = [
            replacing("a", text, "Kiev", "Kyiv"),
            replacing("b", text, "東京", "Tōkyō"),
        ];
        assert_eq!(fixed(text, &findings).0, "Zürich – “Kyiv” Tōkyō 😀 end");
    }

    #[test]
    fn an_edit_inside_a_character_is_refused() {
        let text = "Zürich";
        let (out, plan) = fixed(text, &[finding("a", 2, 3, "u")]);
        assert_eq!(out, text);
        assert_eq!(plan.skipped[0].reason, SkipReason::InvalidEdits);
    }

    #[test]
    fn a_deletion_never_reaches_other_visible_text() {
        let text = "| Item | Note |\n|---|---|\n| Budget | Comments are closed. |\n";
        let markdown = Document::parse("a.md", text.to_owned(), Format::Markdown).unwrap();
        let cell = text.find("Comments").unwrap();
        let row = text.find("| Budget").unwrap();
        let mut furniture = finding("furniture", cell, cell + "Comments are closed.".len(), "");
        furniture.fix = Some(Fix::replace(Span::new(row, text.len()), "", "delete this line"));
        let plan = FixPlan::new(&markdown, &[furniture.clone()]);
        assert_eq!(plan.skipped[0].reason, SkipReason::ReachesOtherText);
        let quoted = "Story.\n\n> *Comments are closed.*\n";
        let markdown = Document::parse("a.md", quoted.to_owned(), Format::Markdown).unwrap();
        let cell = quoted.find("Comments").unwrap();
        let line = quoted.find('>').unwrap();
        furniture.span = Span::new(cell, cell + "Comments are closed.".len());
        furniture.fix = Some(Fix::replace(
            Span::new(line, quoted.len()),
            "",
            "delete this line",
        ));
        assert_eq!(FixPlan::new(&markdown, &[furniture]).apply(quoted), "Story.\n\n");
    }

    #[test]
    fn markdown_markup_is_never_replaced() {
        let text = "Volodymyr **Zelenski** spoke.\n";
        let markdown = Document::parse("a.md", text.to_owned(), Format::Markdown).unwrap();
        let across = replacing("name", text, "Volodymyr **Zelenski**", "Volodymyr Zelensky");
        let inside = replacing("name", text, "Zelenski", "Zelensky");
        let plan = FixPlan::new(&markdown, &[across, inside]);
        assert_eq!(plan.skipped.len(), 1);
        assert_eq!(plan.skipped[0].finding, 0);
        assert_eq!(plan.skipped[0].reason, SkipReason::TouchesMarkup);
        assert_eq!(plan.fixed, [1]);
        assert_eq!(plan.apply(text), "Volodymyr **Zelensky** spoke.\n");
    }
}
