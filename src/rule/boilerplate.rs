//! The `boilerplate` kind: page furniture that matches whole lines or whole blocks.

use std::ops::Range;

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashMap;

use super::gate::{self, FirstBytes, LineKey};
use super::line_regex::LineRegex;
use super::pattern::{alternation, REGEX_SIZE_LIMIT};
use super::raw::{RawBoilerplate, RegexSource, Scope};
use super::required::Required;
use super::{Check, Emitter};
use crate::finding::Fix;
use crate::source::Document;

/// Gates of the embedded pack's patterns, worked out by the build script.
static BUILTIN_GATES: LazyLock<HashMap<String, Option<Vec<String>>>> = LazyLock::new(|| {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/gates.json"))).unwrap_or_default()
});

/// Placeholders a `boilerplate` message may use.
pub const PLACEHOLDERS: &[&str] = &["match", "lines"];

/// A compiled `boilerplate` check. Each pattern with a first-letter gate is its own
/// regex, compiled the first time a line passes its gate; patterns without a gate share
/// one. Packs read from disk compile everything at load, so errors show before checking;
/// the embedded pack's patterns are compiled by the test suite.
#[derive(Debug, Clone)]
pub struct BoilerplateCheck {
    lines: Patterns,
    block: Option<Box<Block>>,
    unless: Option<LazyRegex>,
    max_chars: usize,
    /// Which lines may open a finding: the first bytes of every gate of `lines` and
    /// `block.start`, or every line when one of them has no gate.
    opens: Opens,
}

/// The lines that may open a finding of a check.
#[derive(Debug, Clone)]
enum Opens {
    Any,
    Keys(FirstBytes),
}

#[derive(Debug, Clone)]
struct Block {
    start: Patterns,
    continues: Option<LazyRegex>,
    min_lines: usize,
}

/// Whole-line patterns compiled on first need, behind a gate of first letters.
#[derive(Debug)]
struct LazyRegex {
    sources: Vec<String>,
    case_sensitive: bool,
    gate: Option<Gate>,
    regex: OnceLock<Result<LineRegex, String>>,
    /// For patterns without a gate: literals one of which every match holds, found
    /// when first needed.
    required: OnceLock<Option<Required>>,
}

/// The starts a gated pattern's lines begin with, and their first bytes.
#[derive(Debug, Clone)]
struct Gate {
    starts: Vec<String>,
    first: FirstBytes,
}

impl Gate {
    fn new(starts: Vec<String>) -> Self {
        Gate {
            first: FirstBytes::of(&starts),
            starts,
        }
    }

    fn admits(&self, key: &LineKey) -> bool {
        self.first.may_admit(key) && gate::admits(&self.starts, key.as_bytes())
    }
}

impl Clone for LazyRegex {
    fn clone(&self) -> Self {
        LazyRegex {
            sources: self.sources.clone(),
            case_sensitive: self.case_sensitive,
            gate: self.gate.clone(),
            regex: self.regex.get().cloned().map(OnceLock::from).unwrap_or_default(),
            required: self.required.clone(),
        }
    }
}

impl LazyRegex {
    fn new(sources: Vec<String>, case_sensitive: bool, starts: Option<Vec<String>>) -> Self {
        LazyRegex {
            sources,
            case_sensitive,
            gate: starts.map(Gate::new),
            regex: OnceLock::new(),
            required: OnceLock::new(),
        }
    }

    /// One regex per gated pattern, and one for all the patterns without a gate. The
    /// embedded pack's gates come worked out from the build.
    fn split(sources: &[RegexSource], case_sensitive: bool, builtin: bool) -> Vec<LazyRegex> {
        let mut out = Vec::new();
        let mut open = Vec::new();
        for source in sources {
            let known = if builtin {
                BUILTIN_GATES.get(source.0.as_str()).cloned()
            } else {
                None
            };
            match known.unwrap_or_else(|| gate::starts(&[source.0.as_str()])) {
                Some(starts) => out.push(LazyRegex::new(
                    vec![source.0.clone()],
                    case_sensitive,
                    Some(starts),
                )),
                None => open.push(source.0.clone()),
            }
        }
        if !open.is_empty() {
            out.push(LazyRegex::new(open, case_sensitive, None));
        }
        out
    }

    fn joined(sources: &[RegexSource], case_sensitive: bool) -> Option<LazyRegex> {
        let sources: Vec<String> = sources.iter().map(|s| s.0.clone()).collect();
        (!sources.is_empty()).then(|| LazyRegex::new(sources, case_sensitive, None))
    }

    fn compiled(&self) -> Result<&LineRegex, &String> {
        self.regex
            .get_or_init(|| {
                let sources: Vec<&str> = self.sources.iter().map(String::as_str).collect();
                let pattern = alternation(&sources, r"\A\s*(?:{})\s*\z");
                LineRegex::new(&pattern, self.case_sensitive, REGEX_SIZE_LIMIT)
            })
            .as_ref()
    }

    /// True when `line` matches.
    fn is_match(&self, line: &Line<'_>) -> bool {
        let admitted = match &self.gate {
            Some(gate) => gate.admits(line.key),
            None => self
                .required
                .get_or_init(|| Required::of(&self.sources))
                .as_ref()
                .is_none_or(|required| required.may_match(line.text, line.lower)),
        };
        admitted && self.is_match_ungated(line.text)
    }

    /// True when `line` matches, whatever its gate says.
    fn is_match_ungated(&self, line: &str) -> bool {
        self.compiled().is_ok_and(|re| re.is_match(line))
    }
}

/// Whole-line patterns, indexed by the starts their gates admit, so that a line is
/// tried only against the patterns whose gate admits it.
#[derive(Debug, Clone)]
struct Patterns {
    list: Vec<LazyRegex>,
    /// Gated patterns (indices into `list`) by each start of theirs that is four bytes
    /// long, read as a little-endian `u32`: most starts are four letters.
    by_four_bytes: FxHashMap<u32, Vec<usize>>,
    /// The other starts of gated patterns, each with its pattern.
    other_starts: Vec<(Box<[u8]>, usize)>,
    /// The first bytes of `other_starts`, so that most lines skip them at once.
    other_first: FirstBytes,
    /// The patterns without a gate.
    ungated: Vec<usize>,
}

impl Patterns {
    fn new(list: Vec<LazyRegex>) -> Self {
        let mut by_four_bytes: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        let mut other_starts: Vec<(Box<[u8]>, usize)> = Vec::new();
        let mut ungated = Vec::new();
        for (i, pattern) in list.iter().enumerate() {
            let Some(gate) = &pattern.gate else {
                ungated.push(i);
                continue;
            };
            for start in &gate.starts {
                match <[u8; 4]>::try_from(start.as_bytes()) {
                    Ok(four) => by_four_bytes.entry(u32::from_le_bytes(four)).or_default().push(i),
                    Err(_) => other_starts.push((start.as_bytes().into(), i)),
                }
            }
        }
        for patterns in by_four_bytes.values_mut() {
            patterns.dedup();
        }
        let mut other_first = FirstBytes::default();
        for (start, _) in &other_starts {
            if let Some(&b) = start.first() {
                other_first.insert(b);
            }
        }
        Patterns {
            list,
            by_four_bytes,
            other_starts,
            other_first,
            ungated,
        }
    }

    /// True when one of the patterns matches `line`.
    fn any_match(&self, line: &Line<'_>) -> bool {
        let bytes = line.key.as_bytes();
        // A four-byte start equal to the key's first four bytes is all its gate asks.
        let by_four = bytes
            .get(..4)
            .and_then(|four| <[u8; 4]>::try_from(four).ok())
            .and_then(|four| self.by_four_bytes.get(&u32::from_le_bytes(four)));
        by_four.is_some_and(|found| found.iter().any(|&i| self.list[i].is_match_ungated(line.text)))
            || self.other_first.may_admit(line.key)
                && self
                    .other_starts
                    .iter()
                    .any(|(start, i)| bytes.starts_with(start) && self.list[*i].is_match(line))
            || self.ungated.iter().any(|&i| self.list[i].is_match(line))
    }
}

impl Opens {
    /// The lines that `patterns` may match.
    fn of<'a>(patterns: impl Iterator<Item = &'a LazyRegex>) -> Self {
        let mut first = FirstBytes::default();
        for pattern in patterns {
            match &pattern.gate {
                Some(gate) => first.union(&gate.first),
                None => return Opens::Any,
            }
        }
        Opens::Keys(first)
    }

    fn may_open(&self, key: &LineKey) -> bool {
        match self {
            Opens::Any => true,
            Opens::Keys(first) => first.may_admit(key),
        }
    }
}

/// A line of a document as the patterns read it.
struct Line<'a> {
    text: &'a str,
    /// `text` lower-cased as ASCII.
    lower: &'a str,
    /// The line's gate key.
    key: &'a LineKey,
}

/// The gate key and the length in characters of every line of a document, worked out
/// once for all the checks.
struct LineFacts {
    keys: Vec<LineKey>,
    chars: Vec<usize>,
}

fn line_facts(doc: &Document) -> &LineFacts {
    doc.cache.get_or_compute(0, || {
        let text = &doc.prose.text;
        let lines = doc.prose.lines.iter().map(|r| &text[r.clone()]);
        LineFacts {
            keys: lines.clone().map(LineKey::of).collect(),
            chars: lines.map(|line| line.chars().count()).collect(),
        }
    })
}

impl BoilerplateCheck {
    /// Check the rule; compile its patterns now when `eager`, else on first need.
    pub fn compile(raw: &RawBoilerplate, eager: bool) -> Result<Self, String> {
        if raw.lines.is_empty() && raw.block.is_none() {
            return Err("`boilerplate` needs `lines` or `block`".into());
        }
        let cs = raw.case_sensitive;
        let block = match &raw.block {
            Some(b) if b.start.is_empty() => return Err("`block` needs at least one `start` pattern".into()),
            Some(b) => Some(Box::new(Block {
                start: Patterns::new(LazyRegex::split(&b.start, cs, !eager)),
                continues: LazyRegex::joined(&b.continues, cs),
                min_lines: b.min_lines.max(1),
            })),
            None => None,
        };
        let lines = Patterns::new(LazyRegex::split(&raw.lines, cs, !eager));
        let starts = block.iter().flat_map(|b| &b.start.list);
        let opens = Opens::of(lines.list.iter().chain(starts));
        let check = BoilerplateCheck {
            lines,
            block,
            unless: LazyRegex::joined(&raw.unless, cs),
            max_chars: raw.max_chars,
            opens,
        };
        if eager {
            for lazy in check.all() {
                lazy.compiled().map_err(Clone::clone)?;
            }
        }
        Ok(check)
    }

    fn all(&self) -> impl Iterator<Item = &LazyRegex> {
        let block = self
            .block
            .iter()
            .flat_map(|b| b.start.list.iter().chain(&b.continues));
        self.lines.list.iter().chain(block).chain(&self.unless)
    }

    /// True when line `i` has at most `max_chars` characters.
    fn short(&self, facts: &LineFacts, i: usize) -> bool {
        facts.chars.get(i).is_some_and(|&chars| chars <= self.max_chars)
    }

    fn excepted(&self, line: &str) -> bool {
        self.unless.as_ref().is_some_and(|u| u.is_match_ungated(line))
    }

    /// The number of lines, starting at line `first` (`opening`), that form a block (0
    /// if none).
    fn block_len(
        &self,
        text: &str,
        lines: &[Range<usize>],
        facts: &LineFacts,
        first: usize,
        opening: &Line<'_>,
    ) -> usize {
        let Some(block) = &self.block else { return 0 };
        let line = |i: usize| &text[lines[i].clone()];
        if !block.start.any_match(opening) || self.excepted(opening.text) {
            return 0;
        }
        let mut len = 1;
        while first + len < lines.len() {
            let next = line(first + len);
            let continues = block.continues.as_ref().is_some_and(|c| c.is_match_ungated(next));
            if !self.short(facts, first + len) || !continues || self.excepted(next) {
                break;
            }
            len += 1;
        }
        if len >= block.min_lines {
            len
        } else {
            0
        }
    }
}

impl Check for BoilerplateCheck {
    fn run(&self, doc: &Document, _scope: Scope, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let lines = &doc.prose.lines;
        let facts = line_facts(doc);
        let lower = doc.lower_prose();
        let mut i = 0;
        while i < lines.len() {
            let key = &facts.keys[i];
            if !self.opens.may_open(key) || !self.short(facts, i) {
                i += 1;
                continue;
            }
            let line = Line {
                text: &text[lines[i].clone()],
                lower: &lower.0[lines[i].clone()],
                key,
            };
            let mut len = self.block_len(text, lines, facts, i, &line);
            if len == 0 && self.lines.any_match(&line) && !self.excepted(line.text) {
                len = 1;
            }
            if len == 0 {
                i += 1;
                continue;
            }
            let range = crate::text::trim_range(text, lines[i].start..lines[i + len - 1].end);
            let span = doc.removal_span(doc.source_span(range.clone()));
            let count = len.to_string();
            let description = if len == 1 {
                "delete this line".to_owned()
            } else {
                format!("delete these {len} lines")
            };
            let fix = Fix::replace(span, "", description);
            emit.emit(range, &[("lines", &count)], Some(fix));
            i += len;
        }
    }
}
