//! The `attribution` kind: claims and quotations with no named source.

use std::ops::Range;

use serde::Deserialize;

use super::raw::Scope;
use super::{Check, Emitter};
use crate::source::Document;
use crate::text::phrases::{LowerWords, PhraseSet, WordSlice};
use crate::text::quantities::{Quantity, Unit};
use crate::text::quotes::{has_words, quotes};

/// Placeholders an `attribution` message may use.
pub const PLACEHOLDERS: &[&str] = &["match"];

/// Which check of the attribution family a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionFind {
    /// "Reports suggest", "it is understood", "critics say".
    VagueSources,
    /// A quotation with no speaker nearby.
    UnattributedQuotes,
    /// A precise statistic with no source in its paragraph.
    UnsourcedStatistics,
}

/// Fields of the `attribution` kind; every cue list lives here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAttribution {
    /// The check to run.
    pub find: AttributionFind,
    /// Phrases that rest a claim on no one in particular.
    #[serde(default)]
    pub cues: Vec<String>,
    /// Words that introduce a named source after a vague one ("such as", "including").
    #[serde(default)]
    pub naming: Vec<String>,
    /// Words that describe an unnamed source well enough ("senior", "diplomatic").
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// Verbs and phrases that attribute speech ("said", "told", "according to").
    #[serde(default)]
    pub speech: Vec<String>,
    /// Nouns that name where a figure comes from ("survey", "data", "office").
    #[serde(default)]
    pub sources: Vec<String>,
    /// Fewest words for a quotation to need a speaker (shorter ones are phrases or titles).
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

fn default_min_words() -> usize {
    4
}

/// A compiled `attribution` check.
#[derive(Debug, Clone)]
pub struct AttributionCheck {
    raw: RawAttribution,
    cues: PhraseSet,
    naming: PhraseSet,
    descriptors: PhraseSet,
    speech: PhraseSet,
    sources: PhraseSet,
}

impl AttributionCheck {
    /// Check the settings.
    pub fn compile(raw: &RawAttribution) -> Result<Self, String> {
        let needed: &[(&str, &Vec<String>)] = match raw.find {
            AttributionFind::VagueSources => &[("cues", &raw.cues)],
            AttributionFind::UnattributedQuotes => &[("speech", &raw.speech)],
            AttributionFind::UnsourcedStatistics => &[("speech", &raw.speech), ("sources", &raw.sources)],
        };
        if let Some((field, _)) = needed.iter().find(|(_, list)| list.is_empty()) {
            return Err(format!("this check needs `{field}`"));
        }
        Ok(AttributionCheck {
            raw: raw.clone(),
            cues: PhraseSet::new(&raw.cues),
            naming: PhraseSet::new(&raw.naming),
            descriptors: PhraseSet::new(&raw.descriptors),
            speech: PhraseSet::new(&raw.speech),
            sources: PhraseSet::new(&raw.sources),
        })
    }
}

impl Check for AttributionCheck {
    fn run(&self, doc: &Document, _scope: Scope, emit: &mut Emitter<'_>) {
        match self.raw.find {
            AttributionFind::VagueSources => self.vague(doc, emit),
            AttributionFind::UnattributedQuotes => self.quotations(doc, emit),
            AttributionFind::UnsourcedStatistics => self.statistics(doc, emit),
        }
    }
}

impl AttributionCheck {
    fn vague(&self, doc: &Document, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let sentences = doc.prose.sentences();
        let lower = doc.lower_prose();
        let may_hold_cues = self.cues.may_occur_in_each(text, &lower.0, sentences);
        for k in (0..sentences.len()).filter(|&k| may_hold_cues[k]) {
            let words = doc.sentence_words();
            let ws = words.sentence(text, k);
            for (at, len) in self.cues.find(&ws) {
                let named_next =
                    k + 1 < sentences.len() && self.names_a_speaker(text, words.sentence(text, k + 1));
                if self.described(&ws, at) || self.named(text, &ws, at + len) || named_next {
                    continue;
                }
                emit.emit(ws.range(at).start..ws.range(at + len - 1).end, &[], None);
            }
        }
    }

    /// "senior sources", "two diplomatic sources": a description just before the cue.
    fn described(&self, ws: &WordSlice<'_>, at: usize) -> bool {
        (at.saturating_sub(3)..at).any(|i| self.descriptors.contains_word(ws.lower(i)))
    }

    /// "critics, including Senator Ana Ruiz, say": a naming word followed by a name.
    fn named(&self, text: &str, ws: &WordSlice<'_>, after: usize) -> bool {
        self.naming.find(ws).into_iter().any(|(i, len)| {
            let next = i + len;
            next >= after.saturating_sub(6) && next < ws.len() && starts_upper(&text[ws.range(next)])
        })
    }

    /// A sentence in which someone named says something ("Prof Ana Ruiz said …").
    fn names_a_speaker(&self, text: &str, ws: WordSlice<'_>) -> bool {
        let capitalised = ws.ranges().skip(1).any(|r| starts_upper(&text[r]));
        capitalised && self.speech.any(&ws)
    }

    fn quotations(&self, doc: &Document, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let sentences = doc.prose.sentences();
        for (p, paragraph) in doc.prose.paragraphs.iter().enumerate() {
            for quote in quotes(text, paragraph.clone()) {
                if !has_words(text, &quote, self.raw.min_words) || is_title(&text[quote.inner.clone()]) {
                    continue;
                }
                let Some(s) = sentences.iter().position(|s| s.end > quote.range.start) else {
                    continue;
                };
                let words = doc.sentence_words();
                let has_speech = |i: usize| self.speech.any(&words.sentence(text, i));
                // A quotation may run over several sentences; its own span runs from the
                // sentence where it opens to the end of the one where it closes.
                let last = sentences
                    .iter()
                    .rposition(|r| r.start < quote.range.end)
                    .unwrap_or(s)
                    .max(s);
                let own = sentences[s].start.min(quote.range.start)..sentences[last].end.max(quote.range.end);
                // The words outside the quotation, in its own sentence, may name the speaker.
                let outside = format!(
                    "{} {}",
                    &text[own.start..quote.inner.start],
                    &text[quote.inner.end..own.end]
                );
                if self.speech.may_occur(&outside) && self.speech.any_in(&outside, 0..outside.len()) {
                    continue;
                }
                let partial = !text[quote.inner.clone()]
                    .trim_end()
                    .ends_with(['.', '!', '?', ',']);
                let in_paragraph = |i: usize| {
                    sentences
                        .get(i)
                        .is_some_and(|r| r.start >= paragraph.start && r.end <= paragraph.end)
                };
                // A partial quotation takes its speaker from its own sentence or the one just
                // before; a full one also from the sentence after, the paragraph before, or
                // the opening of the next paragraph.
                let mut around: Vec<usize> = Vec::new();
                if s > 0 && in_paragraph(s - 1) {
                    around.push(s - 1);
                }
                if partial {
                    if !around.iter().any(|&i| has_speech(i)) {
                        emit.emit(quote.range.clone(), &[], None);
                    }
                    continue;
                }
                if in_paragraph(last + 1) {
                    around.push(last + 1);
                }
                let opens_paragraph = text[paragraph.start..quote.range.start].trim().is_empty();
                let next_paragraph_opening = doc.prose.paragraphs.get(p + 1).and_then(|next| {
                    sentences
                        .iter()
                        .position(|r| r.start >= next.start && r.end <= next.end)
                });
                let spoken = around.iter().any(|&i| has_speech(i))
                    || (opens_paragraph && self.earlier_speaker(text, &doc.prose.paragraphs[..p]))
                    || next_paragraph_opening.is_some_and(has_speech);
                if !spoken {
                    emit.emit(quote.range.clone(), &[], None);
                }
            }
        }
    }

    /// A quotation that runs over paragraphs names its speaker once: look back through the
    /// paragraphs before (the one just before, then on while each holds a quotation).
    fn earlier_speaker(&self, text: &str, before: &[Range<usize>]) -> bool {
        for paragraph in before.iter().rev().take(4) {
            if !text[paragraph.clone()].contains(['"', '“', '«', '„']) {
                return false;
            }
            if self.speech.any_in(text, paragraph.clone()) {
                return true;
            }
        }
        false
    }

    fn statistics(&self, doc: &Document, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let figures = doc.sentence_quantities();
        let sentences = doc.prose.sentences();
        // Only sentences with a precise statistic can lead to a finding, and they are few:
        // the paragraph's words are read only around them.
        let with_statistics: Vec<usize> = (0..sentences.len())
            .filter(|&i| figures[i].iter().any(is_precise_statistic))
            .collect();
        if with_statistics.is_empty() {
            return;
        }
        let lower = doc.lower_prose();
        for paragraph in &doc.prose.paragraphs {
            let inside = |s: &Range<usize>| s.start >= paragraph.start && s.end <= paragraph.end;
            let mut found = with_statistics
                .iter()
                .filter(|&&i| inside(&sentences[i]))
                .peekable();
            if found.peek().is_none() {
                continue;
            }
            let (body, lower) = (&text[paragraph.clone()], &lower.0[paragraph.clone()]);
            let (speech, sources) = (
                self.speech.may_occur_lowered(body, lower),
                self.sources.may_occur_lowered(body, lower),
            );
            if speech && self.speech.any_in(text, paragraph.clone())
                || sources && self.sources.any_in(text, paragraph.clone())
            {
                continue;
            }
            for q in found
                .flat_map(|&i| &figures[i])
                .filter(|q| is_precise_statistic(q))
            {
                emit.emit(q.range.clone(), &[], None);
            }
        }
    }
}

/// True when `word` begins with a capital letter.
fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A percentage, or an amount or count with decimals, written without a hedge.
fn is_precise_statistic(q: &Quantity) -> bool {
    let precise = q.qualifier.is_none() && (q.value.fract() != 0.0 || q.unit == Unit::Percent);
    precise && matches!(q.unit, Unit::Percent | Unit::Money(_) | Unit::Count(_))
}

/// A quoted title: every word of four letters or more capitalised ("Urgent Tsunami Appeal").
fn is_title(inner: &str) -> bool {
    let mut long = inner
        .split_whitespace()
        .filter(|w| w.chars().nth(3).is_some())
        .peekable();
    long.peek().is_some() && long.all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_capitalise_every_long_word() {
        assert!(is_title("Urgent Tsunami Appeal"));
        assert!(is_title("War of the Worlds"));
        assert!(!is_title("Urgent tsunami Appeal"));
        assert!(!is_title("we go"), "no word of four letters");
        assert!(!is_title(""));
    }
}
