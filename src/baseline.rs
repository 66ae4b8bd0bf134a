//! Baselines: findings accepted once, so that only new problems are reported.
//!
//! A baseline file lists accepted findings. An entry is identified by the article's
//! path, the rule, the matched text and a hash of the match's surroundings (the text of
//! its sentence around the match), never by its line: adding or removing paragraphs
//! elsewhere in the article keeps every entry valid, while the same text in another
//! sentence is a different entry. An entry found `count` times accepts that many
//! occurrences and no more, so a new copy of an accepted problem is still reported.
//!
//! ```
//! use copydesk::baseline::Baseline;
//! use copydesk::RuleSet;
//!
//! let rules = RuleSet::builtin()?;
//! let old = rules.check_bytes("story.txt", b"Comments are closed.\n".to_vec(), copydesk::Format::Text, &Default::default())?;
//! let baseline = Baseline::from_findings([&old]);
//!
//! let text = b"A new paragraph.\n\nComments are closed.\nShare on Facebook\n".to_vec();
//! let mut new = rules.check_bytes("story.txt", text, copydesk::Format::Text, &Default::default())?;
//! let stale = baseline.filter(&mut new);
//! assert!(stale.is_empty());
//! assert_eq!(new.findings.len(), 1);
//! assert_eq!(new.findings[0].rule_id(), "copydesk/share-buttons");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::CheckedFile;
use crate::finding::Finding;
use crate::position::Span;
use crate::report::portable_path;
use crate::source::Document;

/// Version of the baseline file layout; raised on any incompatible change.
pub const BASELINE_VERSION: u32 = 1;

/// One accepted finding, as written in a baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The article, relative and with forward slashes, as reports name it.
    pub path: String,
    /// The rule's `pack/id`.
    pub rule: String,
    /// The matched text, whitespace normalised.
    #[serde(rename = "match")]
    pub matched: String,
    /// Hash (16 hex digits) of the text around the match; see [`Fingerprint`].
    pub context: String,
    /// How many occurrences are accepted.
    pub count: usize,
    /// Line of the first occurrence when the baseline was written; for people only.
    pub line: usize,
    /// The finding's message when the baseline was written; for people only.
    pub message: String,
}

impl Entry {
    /// The entry accepting one occurrence of `finding` in `doc`.
    pub fn of(doc: &Document, finding: &Finding) -> Entry {
        let print = Fingerprint::of(doc, finding);
        Entry {
            path: baseline_path(&doc.path),
            rule: finding.rule_id().to_owned(),
            matched: print.matched,
            context: print.context,
            count: 1,
            line: doc.line_col(finding.span.start).line,
            message: finding.message.clone(),
        }
    }

    /// Every finding of a checked file, one entry per occurrence.
    pub fn of_file(file: &CheckedFile) -> impl Iterator<Item = Entry> + '_ {
        file.findings.iter().map(|f| Entry::of(&file.doc, f))
    }

    fn key(&self) -> (&str, &str, &str, &str) {
        (&self.path, &self.rule, &self.matched, &self.context)
    }
}

/// What identifies a finding within one article and rule: its text and its surroundings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    /// The matched source text, whitespace normalised.
    pub matched: String,
    /// Hex xxh3 hash of the rest of the match's sentences (or lines, outside prose),
    /// whitespace normalised, with the place of the match marked.
    pub context: String,
}

impl Fingerprint {
    /// The fingerprint of `finding` in `doc`.
    pub fn of(doc: &Document, finding: &Finding) -> Fingerprint {
        let span = finding.span;
        let around = surroundings(doc, span);
        let before = doc.text.get(around.start..span.start).unwrap_or_default();
        let after = doc.text.get(span.end..around.end).unwrap_or_default();
        let context = format!("{}\u{0}{}", normalise(before), normalise(after));
        Fingerprint {
            matched: normalise(doc.slice(span)),
            context: format!("{:016x}", xxhash_rust::xxh3::xxh3_64(context.as_bytes())),
        }
    }
}

/// The source span of the sentences the span touches, or of its lines when it lies
/// outside every sentence; always covers `span`.
fn surroundings(doc: &Document, span: Span) -> Span {
    let source = |s: &std::ops::Range<usize>| doc.source_span(s.clone());
    let sentences = doc.prose.sentences();
    let first = sentences.partition_point(|s| source(s).end <= span.start);
    let last = sentences.partition_point(|s| source(s).start < span.end.max(span.start + 1));
    match (
        sentences.get(first),
        last.checked_sub(1).and_then(|i| sentences.get(i)),
    ) {
        (Some(a), Some(b)) if first < last => {
            Span::new(source(a).start.min(span.start), source(b).end.max(span.end))
        }
        _ => doc.whole_lines(span),
    }
}

/// Runs of whitespace as one space, none at the ends.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The path as a baseline names it: relative to the working folder, forward slashes.
pub fn baseline_path(reported: &str) -> String {
    portable_path(reported)
}

/// A problem reading or writing a baseline file.
#[derive(Debug, Error)]
pub enum BaselineError {
    /// The file could not be read.
    #[error("{}: cannot read the baseline: {source}", .path.display())]
    Read {
        /// The baseline file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file could not be written.
    #[error("{}: cannot write the baseline: {source}", .path.display())]
    Write {
        /// The baseline file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not a valid baseline.
    #[error("{}:{line}:{column}: malformed baseline: {message}", .path.display())]
    Malformed {
        /// The baseline file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file was written in a layout this version does not read.
    #[error("{}: baseline version {found} is not supported (this copydesk reads version {BASELINE_VERSION})", .path.display())]
    Version {
        /// The baseline file.
        path: PathBuf,
        /// The version the file gives.
        found: u32,
    },
}

/// The layout of a baseline file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    entries: Vec<Entry>,
}

/// Only the version, read first so that a newer layout gets a clear error.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Accepted findings: entries sorted by path, rule, match and context, one per identity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: Vec<Entry>,
}

impl Baseline {
    /// A baseline accepting every finding of `files`.
    pub fn from_findings<'a>(files: impl IntoIterator<Item = &'a CheckedFile>) -> Baseline {
        Baseline::from_entries(files.into_iter().flat_map(Entry::of_file))
    }

    /// A baseline of `entries`: entries of the same identity are merged (their counts
    /// added, the first line and message kept); entries with a count of 0 are dropped.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Baseline {
        let mut all: Vec<Entry> = entries.into_iter().filter(|e| e.count > 0).collect();
        all.sort_by(|a, b| a.key().cmp(&b.key()).then(a.line.cmp(&b.line)));
        let mut merged: Vec<Entry> = Vec::with_capacity(all.len());
        for entry in all {
            match merged.last_mut() {
                Some(last) if last.key() == entry.key() => last.count += entry.count,
                _ => merged.push(entry),
            }
        }
        Baseline { entries: merged }
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Accepted occurrences in all.
    pub fn occurrences(&self) -> usize {
        self.entries.iter().map(|e| e.count).sum()
    }

    /// The entries of one article (a path as [`baseline_path`] gives it).
    pub fn entries_for(&self, path: &str) -> &[Entry] {
        let start = self.entries.partition_point(|e| e.path.as_str() < path);
        let end = self.entries.partition_point(|e| e.path.as_str() <= path);
        &self.entries[start..end]
    }

    /// Remove from `file` the findings this baseline accepts, each entry accepting up
    /// to `count` occurrences. Returns the entries of this file that were not used up,
    /// each with `count` set to the occurrences that no longer occur.
    pub fn filter(&self, file: &mut CheckedFile) -> Vec<Entry> {
        let entries = self.entries_for(&baseline_path(&file.doc.path));
        if entries.is_empty() {
            return Vec::new();
        }
        let mut remaining: Vec<usize> = entries.iter().map(|e| e.count).collect();
        let doc = &file.doc;
        file.findings.retain(|f| {
            let print = Fingerprint::of(doc, f);
            let wanted = (f.rule_id(), print.matched.as_str(), print.context.as_str());
            let found = entries
                .binary_search_by(|e| (e.rule.as_str(), e.matched.as_str(), e.context.as_str()).cmp(&wanted));
            match found.ok().and_then(|i| remaining.get_mut(i)) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    false
                }
                _ => true,
            }
        });
        entries
            .iter()
            .zip(remaining)
            .filter(|&(_, left)| left > 0)
            .map(|(e, left)| Entry {
                count: left,
                ..e.clone()
            })
            .collect()
    }

    /// The baseline as a pretty-printed JSON document ending in a line break.
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            version: BASELINE_VERSION,
            entries: self.entries.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file).expect("strings and numbers always serialise");
        text.push('\n');
        text
    }

    /// Parse a baseline document; `path` names it in errors.
    pub fn from_json(text: &str, path: &Path) -> Result<Baseline, BaselineError> {
        let malformed = |e: serde_json::Error| {
            let location = format!(" at line {} column {}", e.line(), e.column());
            let message = e.to_string();
            BaselineError::Malformed {
                path: path.to_owned(),
                line: e.line(),
                column: e.column().max(1),
                message: message.strip_suffix(&location).unwrap_or(&message).to_owned(),
            }
        };
        let version = serde_json::from_str::<VersionOnly>(text)
            .map_err(malformed)?
            .version;
        if version != BASELINE_VERSION {
            return Err(BaselineError::Version {
                path: path.to_owned(),
                found: version,
            });
        }
        let file: BaselineFile = serde_json::from_str(text).map_err(malformed)?;
        Ok(Baseline::from_entries(file.entries))
    }

    /// Read a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: path.to_owned(),
            source,
        })?;
        Baseline::from_json(&text, path)
    }

    /// Write the baseline to `path`, replacing any file there.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        std::fs::write(path, self.to_json()).map_err(|source| BaselineError::Write {
            path: path.to_owned(),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CheckOptions, Format, RuleSet};

    fn check(rules: &RuleSet, text: &str) -> CheckedFile {
        rules
            .check_bytes(
                "desk/story.txt",
                text.as_bytes().to_vec(),
                Format::Text,
                &CheckOptions::default(),
            )
            .unwrap()
    }

    fn rules() -> RuleSet {
        RuleSet::builtin().unwrap()
    }

    const STORY: &str = "The ferry service resumed on Tuesday after repairs.\n\nShare on Facebook\n\nThe harbour master welcomed the news.\n";

    #[test]
    fn entries_survive_a_paragraph_inserted_above() {
        let rules = rules();
        let baseline = Baseline::from_findings([&check(&rules, STORY)]);
        assert_eq!(baseline.entries().len(), 1);
        let edited = format!("Fares will stay the same this winter.\n\nTimetables are online.\n\n{STORY}");
        let mut file = check(&rules, &edited);
        assert_eq!(file.findings.len(), 1);
        let stale = baseline.filter(&mut file);
        assert!(file.findings.is_empty());
        assert!(stale.is_empty());
    }

    #[test]
    fn markdown_entries_survive_edits_to_other_sentences() {
        let rules = rules();
        let markdown = |intro: &str| {
            let text = format!(
                "---\ndate: 2025-03-04\n---\n# Ferry\n\n{intro} Critics say the **fares** are too high.\n"
            );
            rules
                .check_bytes(
                    "desk/story.md",
                    text.into_bytes(),
                    Format::Markdown,
                    &CheckOptions::default(),
                )
                .unwrap()
        };
        let old = markdown("The ferry ran again.");
        assert_eq!(old.findings.len(), 1, "{:?}", old.findings);
        let baseline = Baseline::from_findings([&old]);
        let mut new = markdown("A new opening paragraph.\n\nThe ferry ran again, late.");
        assert!(baseline.filter(&mut new).is_empty());
        assert!(new.findings.is_empty());
    }

    #[test]
    fn the_same_text_in_another_sentence_is_a_different_entry() {
        let rules = rules();
        let before = "Critics say the bridge will close. The mayor agreed.\n";
        let after =
            "Critics say the bridge will close. The mayor agreed.\nCritics say the tunnel will reopen.\n";
        let old = check(&rules, before);
        assert_eq!(old.findings.len(), 1, "{:?}", old.findings);
        let baseline = Baseline::from_findings([&old]);
        let mut new = check(&rules, after);
        assert_eq!(new.findings.len(), 2);
        let first = Fingerprint::of(&new.doc, &new.findings[0]);
        let second = Fingerprint::of(&new.doc, &new.findings[1]);
        assert_eq!(first.matched, second.matched);
        assert_ne!(first.context, second.context);
        assert!(baseline.filter(&mut new).is_empty());
        assert_eq!(new.findings.len(), 1);
        assert_eq!(new.doc.line_col(new.findings[0].span.start).line, 2);
    }

    #[test]
    fn occurrences_are_counted_and_used_up() {
        let rules = rules();
        let twice = "Comments are closed.\n\nThe storm passed.\n\nComments are closed.\n";
        let baseline = Baseline::from_findings([&check(&rules, twice)]);
        assert_eq!(baseline.entries().len(), 1);
        assert_eq!(baseline.entries()[0].count, 2);
        assert_eq!(baseline.entries()[0].line, 1);

        let thrice = format!("{twice}\nComments are closed.\n");
        let mut file = check(&rules, &thrice);
        assert!(baseline.filter(&mut file).is_empty());
        assert_eq!(file.findings.len(), 1, "the third copy is new");
    }

    #[test]
    fn entries_that_no_longer_occur_are_stale() {
        let rules = rules();
        let twice = "Comments are closed.\n\nShare on Facebook\n\nComments are closed.\n";
        let baseline = Baseline::from_findings([&check(&rules, twice)]);
        let mut file = check(&rules, "Comments are closed.\n\nThe storm passed.\n");
        let stale = baseline.filter(&mut file);
        assert!(file.findings.is_empty());
        let summary: Vec<_> = stale.iter().map(|e| (e.rule.as_str(), e.count)).collect();
        assert_eq!(
            summary,
            [("copydesk/comments-closed", 1), ("copydesk/share-buttons", 1)]
        );
    }

    #[test]
    fn other_articles_entries_are_left_alone() {
        let rules = rules();
        let baseline = Baseline::from_findings([&check(&rules, STORY)]);
        let mut other = rules
            .check_bytes(
                "desk/other.txt",
                b"The storm passed.\n".to_vec(),
                Format::Text,
                &CheckOptions::default(),
            )
            .unwrap();
        assert!(baseline.filter(&mut other).is_empty());
        assert_eq!(baseline.entries_for("desk/story.txt").len(), 1);
        assert!(baseline.entries_for("desk/other.txt").is_empty());
    }

    #[test]
    fn the_file_round_trips_sorted_and_pretty() {
        let rules = rules();
        let b = check(&rules, "Comments are closed.\n");
        let a = rules
            .check_bytes(
                "desk/a.txt",
                STORY.as_bytes().to_vec(),
                Format::Text,
                &CheckOptions::default(),
            )
            .unwrap();
        let baseline = Baseline::from_findings([&b, &a]);
        let json = baseline.to_json();
        assert!(
            json.starts_with("{\n  \"version\": 1,\n  \"entries\": [\n"),
            "{json}"
        );
        assert!(json.find("desk/a.txt") < json.find("desk/story.txt"));
        assert!(!json.contains("byte"));
        let read = Baseline::from_json(&json, Path::new("b.json")).unwrap();
        assert_eq!(read, baseline);
    }

    #[test]
    fn hand_merged_duplicates_are_added_up() {
        let entry = Entry {
            path: "a.txt".into(),
            rule: "p/r".into(),
            matched: "x".into(),
            context: "00".into(),
            count: 1,
            line: 7,
            message: "m".into(),
        };
        let baseline = Baseline::from_entries([
            Entry {
                line: 9,
                ..entry.clone()
            },
            entry.clone(),
            Entry {
                count: 0,
                context: "01".into(),
                ..entry.clone()
            },
        ]);
        assert_eq!(baseline.entries(), [Entry { count: 2, ..entry }]);
    }

    #[test]
    fn a_malformed_file_names_path_line_and_column() {
        let text = "{\n  \"version\": 1,\n  \"entries\": [\n    {\"path\": \"a.txt\",}\n  ]\n}\n";
        let err = Baseline::from_json(text, Path::new("base.json")).unwrap_err();
        match &err {
            BaselineError::Malformed { line, column, .. } => assert_eq!((*line, *column), (4, 22)),
            other => panic!("{other:?}"),
        }
        let shown = err.to_string();
        assert!(
            shown.starts_with("base.json:4:22: malformed baseline: "),
            "{shown}"
        );
        assert!(!shown.contains("at line"), "{shown}");
    }

    #[test]
    fn a_missing_field_and_a_newer_version_are_errors() {
        let missing = "{\"version\": 1, \"entries\": [{\"path\": \"a.txt\"}]}";
        let err = Baseline::from_json(missing, Path::new("b.json")).unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
        let newer = "{\"version\": 2, \"entries\": [], \"owners\": []}";
        let err = Baseline::from_json(newer, Path::new("b.json")).unwrap_err();
        assert!(matches!(err, BaselineError::Version { found: 2, .. }), "{err}");
    }

    #[test]
    fn reading_a_missing_file_names_it() {
        let err = Baseline::read(Path::new("no/such/baseline.json")).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("no/such/baseline.json: cannot read the baseline"));
    }
}
