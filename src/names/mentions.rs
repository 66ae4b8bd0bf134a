//! The mentions of dictionary entities in one document, resolved to one entity each.

use std::ops::Range;

use super::dictionary::{Dictionary, FormKind};
use super::words::is_english_word;
use crate::position::floor_char_boundary;
use crate::source::Document;
use crate::text::capitalised::words;
use crate::text::words::last_word;

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where, in prose offsets.
    pub range: Range<usize>,
    /// Index into the dictionary's forms.
    pub form: usize,
}

/// All mentions in a document, in text order.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// The mentions.
    pub list: Vec<Mention>,
}

/// Find and resolve the mentions of `dict`'s entities in `doc`, computed once per
/// document and dictionary.
pub fn mentions<'a>(doc: &'a Document, dict: &Dictionary) -> &'a Mentions {
    let key = dict as *const Dictionary as usize;
    doc.cache.get_or_compute(key, || find(doc, dict))
}

fn find(doc: &Document, dict: &Dictionary) -> Mentions {
    let text = doc.flat_prose();
    let mut list: Vec<Mention> = Vec::new();
    // Surnames seen in someone else's name ("Hillary Clinton") are ambiguous on their own.
    let mut shared_surnames: Vec<usize> = Vec::new();
    let lower_starts = dict.lower_form_starts(text, 0);
    for paragraph in &doc.prose.paragraphs {
        dict.each_with(text, paragraph.clone(), &lower_starts, |range, forms| {
            let Some(form) = resolve(dict, forms, &list) else {
                return;
            };
            if dict.forms[form].kind == FormKind::Except {
                return;
            }
            if part_of_longer_name(text, &range, dict, form) {
                shared_surnames.push(form);
            } else if !ordinary_word_alone(text, &range, dict, form, &list) {
                list.push(Mention { range, form });
            }
        });
    }
    list.retain(|m| !shared_surnames.contains(&m.form));
    Mentions { list }
}

/// A surname that is also an ordinary word or a given name ("May", "Trump", "Simon") names the person
/// only after a title or honorific, or once the full name has been given.
fn ordinary_word_alone(
    text: &str,
    range: &Range<usize>,
    dict: &Dictionary,
    form: usize,
    earlier: &[Mention],
) -> bool {
    let f = &dict.forms[form];
    if f.full || f.text.contains(' ') || !(is_english_word(&f.text) || dict.is_given_name(&f.text)) {
        return false;
    }
    let named_before = earlier
        .iter()
        .any(|m| dict.forms[m.form].entity == f.entity && dict.forms[m.form].full);
    let before = text[..range.start].trim_end();
    let previous = last_word(before).trim_end_matches('.');
    let titled = HONORIFICS.contains(&previous)
        || dict
            .titles()
            .iter()
            .any(|t| t.ends_with(previous) && !previous.is_empty());
    !(named_before || titled)
}

/// Words before a surname that say a person is meant.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Senator", "Sen", "Governor", "Gov",
];

/// A form shared by several entities belongs to the one already named in full before.
fn resolve(dict: &Dictionary, forms: &[usize], earlier: &[Mention]) -> Option<usize> {
    if let [only] = forms {
        return Some(*only);
    }
    earlier.iter().rev().find_map(|m| {
        let named = &dict.forms[m.form];
        forms
            .iter()
            .copied()
            .find(|&f| named.full && dict.forms[f].entity == named.entity)
    })
}

/// "Costa Rica" and "Dwayne Johnson" are not mentions of a surname: a one-word person
/// form next to another capitalised word that is neither a given name of that person,
/// nor a title, nor an ordinary word, is part of someone else's name.
fn part_of_longer_name(text: &str, range: &Range<usize>, dict: &Dictionary, form: usize) -> bool {
    let form = &dict.forms[form];
    let entity = &dict.entities[form.entity].raw;
    if form.full || form.text.contains(' ') || entity.kind != super::dictionary::EntityKind::Person {
        return false;
    }
    let foreign = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && !entity.given.iter().any(|g| g == word)
            && !dict.is_title_word(word)
            && !is_english_word(word)
    };
    let before = text[..range.start].trim_end_matches(' ');
    let previous = before.len() + 1 == range.start || before.len() == range.start;
    let word_before = words(
        text,
        floor_char_boundary(text, before.len().saturating_sub(40))..before.len(),
    )
    .last()
    .filter(|w| w.end == before.len() && previous)
    .map(|w| &text[w]);
    let after = &text[range.end..];
    let word_after = after.strip_prefix(' ').and_then(|rest| {
        words(rest, 0..floor_char_boundary(rest, 40))
            .next()
            .filter(|w| w.start == 0)
            .map(|w| &rest[w])
    });
    word_before.is_some_and(foreign) || word_after.is_some_and(foreign)
}
