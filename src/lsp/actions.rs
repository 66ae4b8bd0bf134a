//! Code actions: apply a finding's fix, switch its rule off for the line, or apply every
//! safe fix of the document.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, TextEdit, Url, WorkspaceEdit};

use super::diagnostics;
use super::encoding::{Encoding, Positions};
use crate::finding::{Edit, Finding};
use crate::fix::FixPlan;
use crate::rule::raw::Category;
use crate::source::{Document, Format};

/// The kind of the action that applies every safe fix.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.copydesk")
}

/// The actions for the findings of `doc` that touch the byte range `wanted`.
pub fn for_range(
    doc: &Document,
    uri: &Url,
    findings: &[Finding],
    wanted: Range<usize>,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let positions = Positions::new(&doc.text, &doc.lines, encoding);
    let mut actions = Vec::new();
    for finding in findings.iter().filter(|f| touches(f, &wanted)) {
        let diagnostic = diagnostics::of_finding(doc, uri, finding, encoding);
        if let Some(fix) = &finding.fix {
            let title = if finding.category() == Category::Boilerplate {
                format!("Remove this boilerplate ({})", fix.description)
            } else {
                format!("Fix: {}", fix.description)
            };
            actions.push(action(
                title,
                CodeActionKind::QUICKFIX,
                edit(uri, &positions, &fix.edits),
                Some(diagnostic.clone()),
                fix.is_safe(),
            ));
        }
        if let Some(comment) = disable_comment(doc, finding) {
            actions.push(action(
                format!("Disable {} for this line", finding.rule_id()),
                CodeActionKind::QUICKFIX,
                edit(uri, &positions, &[comment]),
                Some(diagnostic),
                false,
            ));
        }
    }
    let plan = FixPlan::new(doc, findings);
    if !plan.is_empty() {
        let n = plan.fixed.len();
        actions.push(action(
            format!("Apply every safe copydesk fix ({n})"),
            fix_all_kind(),
            edit(uri, &positions, plan.edits()),
            None,
            false,
        ));
    }
    actions
}

/// True when the finding's span meets the wanted range (an empty range at its end counts).
fn touches(finding: &Finding, wanted: &Range<usize>) -> bool {
    finding.span.start <= wanted.end && wanted.start <= finding.span.end
}

/// A suppression comment at the end of the finding's first line, for formats that have
/// comments.
fn disable_comment(doc: &Document, finding: &Finding) -> Option<Edit> {
    if !matches!(doc.format, Format::Markdown | Format::Html) {
        return None;
    }
    let line = doc.line_col(finding.span.start).line;
    let end = doc.lines.line_range(&doc.text, line)?.end;
    Some(Edit {
        span: crate::position::Span::new(end, end),
        replacement: format!(" <!-- copydesk-disable-line {} -->", finding.rule_id()),
    })
}

fn edit(uri: &Url, positions: &Positions<'_>, edits: &[Edit]) -> WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| TextEdit::new(positions.range(e.span), e.replacement.clone()))
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn action(
    title: String,
    kind: CodeActionKind,
    edit: WorkspaceEdit,
    diagnostic: Option<Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}
