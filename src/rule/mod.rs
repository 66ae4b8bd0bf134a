//! Rules: the YAML model, compilation into checks, and rule packs.

pub mod attribution;
pub mod boilerplate;
pub mod figures;
pub mod gate;
mod line_regex;
pub mod literal;
mod locate;
pub mod names;
pub mod pack;
pub mod pattern;
pub mod raw;
mod required;
pub mod substitution;
pub mod template;

use std::ops::Range;
use std::sync::Arc;

use crate::error::RuleError;
use crate::finding::{Finding, Fix, Label, RuleInfo};
use crate::names::dictionary::SharedDictionary;
use crate::source::Document;
use raw::{RawCheck, RawRule, Scope, Severity};
use template::Template;

pub use pack::{RuleSet, RuleSource};

/// A check kind: compiled once, run over every document.
pub trait Check {
    /// Report every finding of this check in `doc`.
    fn run(&self, doc: &Document, scope: Scope, emit: &mut Emitter<'_>);
}

/// The compiled check kinds: the one registry of kinds.
#[derive(Debug, Clone)]
pub enum CheckKind {
    /// Regexes and literal terms.
    Pattern(pattern::PatternCheck),
    /// Wrong → right pairs.
    Substitution(substitution::SubstitutionCheck),
    /// Page furniture lines and blocks.
    Boilerplate(boilerplate::BoilerplateCheck),
    /// Names against an entity dictionary.
    Names(names::NamesCheck),
    /// Figures that contradict each other.
    Figures(figures::FiguresCheck),
    /// Claims and quotations without a source.
    Attribution(attribution::AttributionCheck),
}

/// Why a rule could not be compiled.
#[derive(Debug, Clone)]
pub enum RuleProblem {
    /// A problem with one field of the rule, placed at that field.
    Field(&'static str, String),
    /// A problem in another file the rule names (a dictionary), placed there.
    Elsewhere(RuleError),
}

/// Files a rule may name besides itself, loaded once and shared.
pub trait Resources {
    /// The dictionary made of `files` (paths relative to the rule file's folder).
    fn dictionary(&mut self, files: &[String]) -> Result<Arc<SharedDictionary>, RuleProblem>;

    /// True when patterns must be compiled at load, so errors show before checking;
    /// false for the embedded pack, whose patterns the test suite compiles.
    fn compile_eagerly(&self) -> bool;
}

impl CheckKind {
    fn compile(raw: &RawCheck, resources: &mut dyn Resources) -> Result<CheckKind, RuleProblem> {
        let field = |e: String| RuleProblem::Field("check", e);
        Ok(match raw {
            RawCheck::Pattern(p) => CheckKind::Pattern(pattern::PatternCheck::compile(p).map_err(field)?),
            RawCheck::Substitution(s) => {
                CheckKind::Substitution(substitution::SubstitutionCheck::compile(s).map_err(field)?)
            }
            RawCheck::Boilerplate(b) => {
                let eager = resources.compile_eagerly();
                CheckKind::Boilerplate(boilerplate::BoilerplateCheck::compile(b, eager).map_err(field)?)
            }
            RawCheck::Names(n) => {
                let dict = resources.dictionary(&n.dictionary)?;
                CheckKind::Names(names::NamesCheck::compile(n, dict).map_err(field)?)
            }
            RawCheck::Figures(f) => CheckKind::Figures(figures::FiguresCheck::compile(f).map_err(field)?),
            RawCheck::Attribution(a) => {
                CheckKind::Attribution(attribution::AttributionCheck::compile(a).map_err(field)?)
            }
        })
    }

    fn as_check(&self) -> &dyn Check {
        match self {
            CheckKind::Pattern(c) => c,
            CheckKind::Substitution(c) => c,
            CheckKind::Boilerplate(c) => c,
            CheckKind::Names(c) => c,
            CheckKind::Figures(c) => c,
            CheckKind::Attribution(c) => c,
        }
    }

    /// True when the check cannot report anything until a project chooses its settings
    /// (a house-style rule with no house choices made).
    pub fn needs_configuration(&self) -> bool {
        match self {
            CheckKind::Names(c) => c.needs_configuration(),
            _ => false,
        }
    }

    /// The placeholders a message of this kind may use.
    pub fn placeholders(raw: &RawCheck) -> &'static [&'static str] {
        match raw {
            RawCheck::Pattern(_) => pattern::PLACEHOLDERS,
            RawCheck::Substitution(_) => substitution::PLACEHOLDERS,
            RawCheck::Boilerplate(_) => boilerplate::PLACEHOLDERS,
            RawCheck::Names(_) => names::PLACEHOLDERS,
            RawCheck::Figures(_) => figures::PLACEHOLDERS,
            RawCheck::Attribution(_) => attribution::PLACEHOLDERS,
        }
    }

    /// The scope used when a rule names none, and whether others are allowed.
    fn default_scope(raw: &RawCheck) -> (Scope, bool) {
        match raw {
            RawCheck::Pattern(_) | RawCheck::Substitution(_) => (Scope::Sentence, true),
            RawCheck::Boilerplate(_) => (Scope::Line, false),
            RawCheck::Names(_) | RawCheck::Figures(_) | RawCheck::Attribution(_) => (Scope::Document, false),
        }
    }
}

/// Where a rule was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The rule file.
    pub path: String,
    /// 1-based line of the rule's `id`.
    pub line: usize,
}

/// One example from a rule's `tests`, with the line it is written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The example text.
    pub text: String,
    /// 1-based line in the rule file.
    pub line: usize,
}

/// A rule's examples.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Examples {
    /// Texts the rule must flag.
    pub flag: Vec<Example>,
    /// Texts the rule must not flag.
    pub pass: Vec<Example>,
}

/// A validated, compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Shared facts carried by each finding.
    pub info: Arc<RuleInfo>,
    /// Severity of findings.
    pub severity: Severity,
    /// Message template.
    pub message: Template,
    /// What the check looks at in one go.
    pub scope: Scope,
    /// The compiled check.
    pub check: CheckKind,
    /// Where the rule was written.
    pub origin: Origin,
    /// The rule's own tests.
    pub examples: Examples,
}

impl Rule {
    /// Validate and compile a raw rule of `pack`. Errors name the offending field.
    fn compile(
        pack: &str,
        raw: &RawRule,
        origin: Origin,
        examples: Examples,
        resources: &mut dyn Resources,
    ) -> Result<Rule, RuleProblem> {
        if raw.id.is_empty() || raw.id.contains(['/', ' ']) {
            let message = format!("invalid rule id `{}`: use letters, digits and dashes", raw.id);
            return Err(RuleProblem::Field("id", message));
        }
        let message = Template::parse(&raw.message, CheckKind::placeholders(&raw.check))
            .map_err(|e| RuleProblem::Field("message", e))?;
        let (default_scope, any_scope) = CheckKind::default_scope(&raw.check);
        let scope = raw.scope.unwrap_or(default_scope);
        if !any_scope && scope != default_scope {
            let message =
                format!("this kind has a fixed scope: leave `scope` out (it is `{default_scope:?}`)");
            return Err(RuleProblem::Field("scope", message.to_lowercase()));
        }
        let check = CheckKind::compile(&raw.check, resources)?;
        Ok(Rule {
            info: Arc::new(RuleInfo {
                id: format!("{pack}/{}", raw.id),
                category: raw.category,
                note: raw.note.clone(),
                link: raw.link.clone(),
            }),
            severity: raw.severity,
            message,
            scope,
            check,
            origin,
            examples,
        })
    }

    /// The rule's `pack/id`.
    pub fn id(&self) -> &str {
        &self.info.id
    }

    /// A one-line description: the note's first sentence, else the message.
    pub fn description(&self) -> String {
        let note = self.info.note.as_deref().unwrap_or_default().trim();
        let first = note.split_inclusive(". ").next().unwrap_or_default().trim();
        if first.is_empty() {
            self.message.render(&[])
        } else {
            first.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    }

    /// Run this rule over one document, appending its findings.
    pub fn run(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut emit = Emitter { rule: self, doc, out };
        self.check.as_check().run(doc, self.scope, &mut emit);
    }
}

/// Turns a check's matches into findings of one rule.
pub struct Emitter<'a> {
    rule: &'a Rule,
    doc: &'a Document,
    out: &'a mut Vec<Finding>,
}

impl Emitter<'_> {
    /// Report the prose range `prose`; `{match}` is its text, `vars` fill the other placeholders.
    pub fn emit(&mut self, prose: Range<usize>, vars: &[(&str, &str)], fix: Option<Fix>) {
        self.emit_full(prose, vars, fix, Vec::new(), None);
    }

    /// [`Emitter::emit`] with related places (prose ranges and messages) and, for a
    /// weaker case, a lower severity than the rule's.
    pub fn emit_full(
        &mut self,
        prose: Range<usize>,
        vars: &[(&str, &str)],
        fix: Option<Fix>,
        related: Vec<(Range<usize>, String)>,
        severity: Option<Severity>,
    ) {
        let span = self.doc.source_span(prose.clone());
        let matched = self.doc.prose.text.get(prose).unwrap_or_default();
        let matched = matched.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut all = vec![("match", matched.as_str())];
        all.extend_from_slice(vars);
        self.out.push(Finding {
            rule: Arc::clone(&self.rule.info),
            severity: severity.map_or(self.rule.severity, |s| s.min(self.rule.severity)),
            message: self.rule.message.render(&all),
            span,
            related: related
                .into_iter()
                .map(|(range, message)| Label {
                    span: self.doc.source_span(range),
                    message,
                })
                .collect(),
            fix,
        });
    }
}

/// The prose ranges a check of `scope` looks at one by one.
pub fn units(doc: &Document, scope: Scope) -> &[Range<usize>] {
    match scope {
        Scope::Document => std::slice::from_ref(&doc.prose.whole),
        Scope::Paragraph => &doc.prose.paragraphs,
        Scope::Sentence => doc.prose.sentences(),
        Scope::Line => &doc.prose.lines,
    }
}
