//! The `names` kind: misspelled, mixed and contradicting names of people and places,
//! checked against an entity dictionary.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::raw::{Pairs, Scope};
use super::{Check, Emitter};
use crate::finding::{Applicability, Fix};
use crate::names::dictionary::{Dictionary, EntityKind, FormKind, Role, SharedDictionary};
use crate::names::mentions::{mentions, Mention};
use crate::names::similar::NameIndex;
use crate::names::similar::{
    are_spelling_variants, differs_inside, fold_diacritics, is_inflection, is_typing_slip,
};
use crate::names::words::is_english_word;
use crate::source::Document;
use crate::text::words::last_word;

/// Placeholders a `names` message may use.
pub const PLACEHOLDERS: &[&str] = &["match", "fix", "name", "other", "title", "detail", "date"];

/// Which check of the names family a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NamesFind {
    /// Known misspellings and outdated forms.
    WrongForms,
    /// Accepted forms other than the house's choice.
    HouseStyle,
    /// One entity, or one undictionaried name, spelled two ways in one article.
    MixedForms,
    /// Unknown capitalised words one or two edits from a known name.
    NearMisses,
    /// One person given two titles in one article.
    ConflictingTitles,
    /// A title the person did not hold on the article's date.
    OutdatedTitles,
    /// A person first named by surname alone.
    FirstReference,
}

/// Fields of the `names` kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNames {
    /// Dictionary files, relative to the rule file.
    pub dictionary: Vec<String>,
    /// The check to run.
    pub find: NamesFind,
    /// House style: entity name → preferred form (one of its canonical or accepted forms).
    #[serde(default)]
    pub prefer: Pairs,
    /// Titles written before names ("Prime Minister"), besides those of the dictionary's roles.
    #[serde(default)]
    pub titles: Vec<String>,
    /// Words before a title that put it in the past or future ("former", "ex-").
    #[serde(default)]
    pub former: Vec<String>,
}

/// A compiled `names` check.
#[derive(Debug, Clone)]
pub struct NamesCheck {
    shared: Arc<SharedDictionary>,
    find: NamesFind,
    prefer: HashMap<usize, String>,
    own_titles: Vec<String>,
    titles: OnceLock<Titles>,
    former: Vec<String>,
}

impl NamesCheck {
    /// Compile against a dictionary; checks the house-style choices (waiting for the
    /// dictionary only when there are some).
    pub fn compile(raw: &RawNames, shared: Arc<SharedDictionary>) -> Result<Self, String> {
        let mut prefer = HashMap::new();
        if !raw.prefer.0.is_empty() {
            for (name, form) in &raw.prefer.0 {
                let entity = preferred_entity(shared.get(), name, form)?
                    .ok_or_else(|| format!("`prefer`: no entity named `{name}` in the dictionary"))?;
                prefer.insert(entity, form.clone());
            }
        }
        Ok(NamesCheck {
            shared,
            find: raw.find,
            prefer,
            own_titles: raw.titles.clone(),
            titles: OnceLock::new(),
            former: raw.former.clone(),
        })
    }

    /// Add house-style choices (entity name, form) made outside the rule; choices for
    /// entities this dictionary lacks are skipped. Returns which choices applied; the
    /// error gives the index of a choice whose form is wrong.
    pub fn add_preferences(&mut self, choices: &[(String, String)]) -> Result<Vec<bool>, (usize, String)> {
        let mut applied = Vec::with_capacity(choices.len());
        for (i, (name, form)) in choices.iter().enumerate() {
            let entity = preferred_entity(self.shared.get(), name, form).map_err(|e| (i, e))?;
            if let Some(entity) = entity {
                self.prefer.insert(entity, form.clone());
            }
            applied.push(entity.is_some());
        }
        Ok(applied)
    }

    fn dict(&self) -> &Dictionary {
        self.shared.get()
    }

    /// The rule's titles and the dictionary's, longest first.
    fn titles(&self) -> &Titles {
        self.titles.get_or_init(|| {
            let mut list: Vec<String> = self
                .own_titles
                .iter()
                .cloned()
                .chain(self.dict().titles().iter().map(|t| t.to_string()))
                .collect();
            list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            list.dedup();
            let mut by_last_byte = vec![Vec::new(); 256];
            for (i, title) in list.iter().enumerate() {
                if let Some(&last) = title.as_bytes().last() {
                    by_last_byte[usize::from(last)].push(i);
                }
            }
            Titles { list, by_last_byte }
        })
    }
}

impl NamesCheck {
    /// A house-style check with no choices made reports nothing.
    pub fn needs_configuration(&self) -> bool {
        self.find == NamesFind::HouseStyle && self.prefer.is_empty()
    }
}

impl Check for NamesCheck {
    fn run(&self, doc: &Document, _scope: Scope, emit: &mut Emitter<'_>) {
        let found = mentions(doc, self.dict());
        let list = &found.list;
        match self.find {
            NamesFind::WrongForms => self.wrong_forms(doc, list, emit),
            NamesFind::HouseStyle => self.house_style(doc, list, emit),
            NamesFind::MixedForms => {
                self.mixed_entities(doc, list, emit);
                self.mixed_unknown(doc, list, emit);
            }
            NamesFind::NearMisses => self.near_misses(doc, list, emit),
            NamesFind::ConflictingTitles => self.conflicting_titles(doc, list, emit),
            NamesFind::OutdatedTitles => self.outdated_titles(doc, list, emit),
            NamesFind::FirstReference => self.first_reference(list, emit),
        }
    }
}

/// The entity named `name`, when the dictionary has it; an error when `form` is not
/// one of its correct forms.
fn preferred_entity(dict: &Dictionary, name: &str, form: &str) -> Result<Option<usize>, String> {
    let Some(entity) = dict.entities.iter().position(|e| e.raw.name == name) else {
        return Ok(None);
    };
    let known = dict.forms.iter().any(|f| {
        f.entity == entity && f.text == form && matches!(f.kind, FormKind::Canonical | FormKind::Accepted)
    });
    if known {
        Ok(Some(entity))
    } else {
        Err(format!("`prefer`: `{form}` is not a correct form of `{name}`"))
    }
}

/// The capitalised words of a document that no dictionary or word list knows, each with
/// its length in characters.
struct UnknownWords(Vec<(Range<usize>, usize)>);

/// The fewest characters an unknown word has.
const SHORTEST_UNKNOWN: usize = 4;

impl UnknownWords {
    /// Every word, in text order.
    fn ranges(&self) -> impl Iterator<Item = &Range<usize>> {
        self.0.iter().map(|(range, _)| range)
    }

    /// The words of `min_chars` characters or more, in text order.
    fn of_at_least(&self, min_chars: usize) -> impl Iterator<Item = &Range<usize>> {
        self.0
            .iter()
            .filter(move |(_, chars)| *chars >= min_chars)
            .map(|(range, _)| range)
    }
}

/// A spelling of an unknown word in one document.
struct Spelling<'a> {
    word: &'a str,
    /// How many times it is written.
    count: usize,
    /// Where it is first written.
    first: usize,
    /// The word without diacritics.
    folded: std::borrow::Cow<'a, str>,
}

/// Titles written before names, longest first, and indexed by their last byte.
#[derive(Debug, Clone)]
struct Titles {
    list: Vec<String>,
    by_last_byte: Vec<Vec<usize>>,
}

impl Titles {
    /// The titles that end with the byte `last`, longest first.
    fn ending_with(&self, last: u8) -> impl Iterator<Item = &String> {
        self.by_last_byte[usize::from(last)]
            .iter()
            .map(|&i| &self.list[i])
    }
}

/// A title written just before a mention.
struct Titled {
    range: Range<usize>,
    title: String,
    former: bool,
}

fn same_title(a: &str, b: &str) -> bool {
    let norm = |t: &str| t.to_lowercase().replace('-', " ");
    norm(a) == norm(b)
}

impl NamesCheck {
    fn form_text(&self, m: &Mention) -> &str {
        &self.dict().forms[m.form].text
    }

    fn entity_name(&self, m: &Mention) -> &str {
        &self.dict().entities[self.dict().forms[m.form].entity].raw.name
    }

    /// The right form to write instead of `matched`: the house choice or the canonical
    /// form, in full when `matched` was a full name.
    fn right_form(&self, entity: usize, matched: &str) -> String {
        let raw = &self.dict().entities[entity].raw;
        let preferred = self.prefer.get(&entity);
        let full = matched.contains(' ');
        match (preferred, &raw.surname) {
            (Some(p), Some(surname)) if full && !p.contains(' ') => raw.name.replace(surname.as_ref(), p),
            (Some(p), _) => p.clone(),
            (None, Some(surname)) if !full => surname.to_string(),
            (None, _) => raw.name.to_string(),
        }
    }

    fn replace(
        &self,
        doc: &Document,
        m: &Mention,
        right: &str,
        emit: &mut Emitter<'_>,
        related: Vec<(Range<usize>, String)>,
        applicability: Applicability,
    ) {
        let vars = [("fix", right), ("name", self.entity_name(m))];
        let other = related
            .first()
            .map(|(r, _)| doc.prose.text[r.clone()].to_owned())
            .unwrap_or_default();
        let fix = Fix::replace(
            doc.source_span(m.range.clone()),
            right,
            format!("replace with “{right}”"),
        )
        .with_applicability(applicability);
        emit.emit_full(
            m.range.clone(),
            &[vars[0], vars[1], ("other", &other)],
            Some(fix),
            related,
            None,
        );
    }

    fn wrong_forms(&self, doc: &Document, list: &[Mention], emit: &mut Emitter<'_>) {
        for m in list
            .iter()
            .filter(|m| self.dict().forms[m.form].kind == FormKind::Wrong)
        {
            let right = self.right_form(self.dict().forms[m.form].entity, self.form_text(m));
            self.replace(doc, m, &right, emit, Vec::new(), Applicability::Safe);
        }
    }

    fn house_style(&self, doc: &Document, list: &[Mention], emit: &mut Emitter<'_>) {
        for m in list {
            let form = &self.dict().forms[m.form];
            let Some(preferred) = self.prefer.get(&form.entity) else {
                continue;
            };
            let preferred_family = self
                .dict()
                .forms
                .iter()
                .find(|f| f.entity == form.entity && &f.text == preferred)
                .map_or(0, |f| f.family);
            if matches!(form.kind, FormKind::Canonical | FormKind::Accepted)
                && form.family != preferred_family
            {
                let right = self.right_form(form.entity, &form.text);
                self.replace(doc, m, &right, emit, Vec::new(), Applicability::Safe);
            }
        }
    }

    fn mixed_entities(&self, doc: &Document, list: &[Mention], emit: &mut Emitter<'_>) {
        let mut by_entity: HashMap<usize, Vec<&Mention>> = HashMap::new();
        for m in list {
            let form = &self.dict().forms[m.form];
            let abbreviation = form.text.chars().all(|c| c.is_uppercase() || c == '.');
            if matches!(form.kind, FormKind::Canonical | FormKind::Accepted)
                && !abbreviation
                && !self.prefer.contains_key(&form.entity)
            {
                by_entity.entry(form.entity).or_default().push(m);
            }
        }
        let mut entities: Vec<_> = by_entity.into_iter().collect();
        entities.sort_by_key(|(e, _)| *e);
        for (_, ms) in entities {
            let family = |m: &Mention| self.dict().forms[m.form].family;
            let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // family, count, first index
            for (i, m) in ms.iter().enumerate() {
                match counts.iter_mut().find(|(f, _, _)| *f == family(m)) {
                    Some(entry) => entry.1 += 1,
                    None => counts.push((family(m), 1, i)),
                }
            }
            if counts.len() < 2 {
                continue;
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
            let main = counts[0].0;
            let first_main = ms[counts[0].2];
            let last = |m: &Mention| {
                self.form_text(m)
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            };
            let variant = |m: &Mention| are_spelling_variants(&last(m), &last(first_main));
            for m in ms.iter().filter(|m| family(m) != main && variant(m)) {
                let form = &self.dict().forms[m.form];
                let right = self.family_form(form.entity, main, form.text.contains(' '));
                let related = vec![(
                    first_main.range.clone(),
                    format!("written “{}” here", self.form_text(first_main)),
                )];
                // The form used most is a guess at the intended one: a person should confirm it.
                self.replace(doc, m, &right, emit, related, Applicability::Unsafe);
            }
        }
    }

    /// The correct form of `entity` in spelling family `family`, as a full name or not.
    fn family_form(&self, entity: usize, family: usize, full: bool) -> String {
        let candidates = || {
            self.dict().forms.iter().filter(move |f| {
                f.entity == entity
                    && f.family == family
                    && matches!(f.kind, FormKind::Canonical | FormKind::Accepted)
            })
        };
        candidates()
            .find(|f| f.text.contains(' ') == full)
            .or_else(|| candidates().next())
            .map_or_else(
                || self.dict().entities[entity].raw.name.to_string(),
                |f| f.text.to_string(),
            )
    }

    /// Capitalised words outside the dictionary, written two ways: with and without
    /// diacritics, or with one slip inside the word where the other spelling recurs.
    fn mixed_unknown(&self, doc: &Document, list: &[Mention], emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let unknown = self.unknown_words(doc, list);
        // Distinct spellings with their counts and diacritic-free forms, made once.
        let mut spellings: Vec<Spelling<'_>> = Vec::with_capacity(unknown.0.len());
        // Sized once: grown from empty, the maps were rehashed four times per document.
        let mut by_word: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(unknown.0.len(), Default::default());
        for range in unknown.ranges() {
            let word = &text[range.clone()];
            match by_word.get(word) {
                Some(&i) => spellings[i].count += 1,
                None => {
                    by_word.insert(word, spellings.len());
                    spellings.push(Spelling {
                        word,
                        count: 1,
                        first: range.start,
                        folded: fold_diacritics(word),
                    });
                }
            }
        }
        // Spellings that are the same without diacritics share a group.
        let mut groups: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(spellings.len(), Default::default());
        let group: Vec<usize> = spellings
            .iter()
            .map(|spelling| {
                let next = groups.len();
                *groups.entry(spelling.folded.as_ref()).or_insert(next)
            })
            .collect();
        let mut group_size = vec![0usize; groups.len()];
        for &g in &group {
            group_size[g] += 1;
        }
        // Every spelling, and those written more than once: a spelling alone in its
        // group can only be a slip of one of the latter.
        let all: Vec<usize> = (0..spellings.len()).collect();
        let repeated: Vec<usize> = all.iter().copied().filter(|&j| spellings[j].count >= 2).collect();
        for (i, slip) in spellings.iter().enumerate() {
            // The right spelling can only be one of the same group, or one written more
            // than once that this one, written once, may be a typing slip of.
            let may_be_slip = slip.count == 1 && slip.word.chars().count() >= 6;
            if group_size[group[i]] == 1 && !may_be_slip {
                continue;
            }
            let in_reach = if group_size[group[i]] == 1 {
                &repeated
            } else {
                &all
            };
            let best = in_reach
                .iter()
                .map(|&j| (j, &spellings[j]))
                .filter(|&(j, other)| j != i && (group[j] == group[i] || may_be_slip && other.count >= 2))
                .map(|(_, other)| other)
                .filter(|other| {
                    let more_used =
                        other.count > slip.count || other.count == slip.count && other.first < slip.first;
                    if other.folded == slip.folded {
                        return more_used;
                    }
                    slip.count == 1
                        && other.count >= 2
                        && other.word.len().abs_diff(slip.word.len()) <= 1
                        && slip.word.chars().count() >= 6
                        && differs_inside(other.word, slip.word)
                        && !is_inflection(other.word, slip.word)
                        && is_typing_slip(other.word, slip.word)
                })
                .max_by_key(|other| other.count);
            let Some(right) = best else {
                continue;
            };
            let written_right = right.first..right.first + right.word.len();
            // A finding is rare: the slip's places are looked up again only then.
            let slip_places = unknown.ranges().filter(|r| &text[(*r).clone()] == slip.word);
            for range in slip_places {
                let related = vec![(written_right.clone(), format!("written “{}” here", right.word))];
                let fix = Fix::replace(
                    doc.source_span(range.clone()),
                    right.word,
                    format!("replace with “{}”", right.word),
                )
                .with_applicability(Applicability::Unsafe);
                emit.emit_full(
                    range.clone(),
                    &[("fix", right.word), ("name", right.word), ("other", right.word)],
                    Some(fix),
                    related,
                    None,
                );
            }
        }
    }

    /// Capitalised words of [`SHORTEST_UNKNOWN`] characters or more that are neither
    /// dictionary words, ordinary words nor inside a mention; worked out once per document.
    fn unknown_words<'d>(&self, doc: &'d Document, list: &[Mention]) -> &'d UnknownWords {
        let text = &doc.prose.text;
        doc.cache.get_or_compute(Arc::as_ptr(&self.shared) as usize, || {
            // Mentions come in order and do not overlap: only the last one to start at
            // or before a word can hold it.
            let inside = |r: &Range<usize>| {
                let before = list.partition_point(|m| m.range.start <= r.start);
                before > 0 && r.end <= list[before - 1].range.end
            };
            // The cheap tests first: the length, then the mentions, then the two word lists,
            // the English one before the dictionary's set, as it rules out most words.
            UnknownWords(
                doc.capitalised_words()
                    .iter()
                    .filter_map(|w| {
                        let word = &text[w.range.clone()];
                        let chars = if word.is_ascii() {
                            word.len()
                        } else {
                            word.chars().count()
                        };
                        let unknown = chars >= SHORTEST_UNKNOWN
                            && !inside(&w.range)
                            && !is_english_word(word)
                            && !self.dict().knows_word(word);
                        unknown.then(|| (w.range.clone(), chars))
                    })
                    .collect(),
            )
        })
    }

    fn near_misses(&self, doc: &Document, list: &[Mention], emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let mut words = self.unknown_words(doc, list).of_at_least(5).peekable();
        // Only a word after a title or a given name, or one that looks like a person or
        // place the article names, can be a slip: the rest need no look-up at all.
        if words.peek().is_none() {
            return;
        }
        let mut named_entities: Vec<usize> = list.iter().map(|m| self.dict().forms[m.form].entity).collect();
        named_entities.sort_unstable();
        named_entities.dedup();
        let named_index = NameIndex::new(
            named_entities
                .into_iter()
                .flat_map(|entity| &self.dict().forms[self.dict().forms_of(entity)])
                .filter(|f| {
                    matches!(f.kind, FormKind::Canonical | FormKind::Accepted) && !f.text.contains(' ')
                })
                .map(|f| f.text.to_string()),
        );
        for range in words {
            let word = &text[range.clone()];
            let before = text[..range.start].trim_end();
            let previous = last_word(before);
            let introduced =
                self.title_before(text, range.start).is_some() || self.dict().is_given_name(previous);
            let near = if introduced {
                self.dict().near_index().near(word)
            } else {
                named_index.near(word)
            };
            let Some(&(term, distance)) = near.first() else {
                continue;
            };
            let slip = is_typing_slip(word, term) || term.chars().count() >= 8;
            if near.iter().any(|(t, d)| *d == distance && *t != term)
                || word.chars().next() != term.chars().next()
                || is_inflection(word, term)
                || !slip
            {
                continue;
            }
            let Some(form) = self.dict().correct_form(term) else {
                continue;
            };
            let entity = form.entity;
            if self.someone_elses(text, range, entity) {
                continue;
            }
            let named = list.iter().any(|m| self.dict().forms[m.form].entity == entity);
            let titled = self.title_before(text, range.start).is_some()
                || self.given_before(text, range.start, entity);
            // Without the person named or titled nearby, a look-alike is mostly another
            // name (Anderson/Andersson, Cameroon/Cameron): stay quiet.
            if !named && !titled {
                continue;
            }
            let right = term.to_owned();
            let name = self.dict().entities[entity].raw.name.clone();
            let fix = Fix::replace(
                doc.source_span(range.clone()),
                right.clone(),
                format!("replace with “{right}”"),
            )
            .with_applicability(Applicability::Unsafe);
            emit.emit_full(
                range.clone(),
                &[("fix", &right), ("name", &name), ("other", &right)],
                Some(fix),
                Vec::new(),
                None,
            );
        }
    }

    /// True when the word sits inside another person's name: after a given name that is
    /// not the entity's ("Gary Johnson"), or before a particle and a name ("Osama bin Laden").
    fn someone_elses(&self, text: &str, range: &Range<usize>, entity: usize) -> bool {
        let given = &self.dict().entities[entity].raw.given;
        let before = text[..range.start].strip_suffix(' ').unwrap_or_default();
        let previous = before.rsplit(' ').next().unwrap_or_default();
        let foreign_given = previous.chars().next().is_some_and(char::is_uppercase)
            && previous.chars().all(char::is_alphabetic)
            && !is_english_word(previous)
            && !given.iter().any(|g| g == previous)
            && self.title_before(text, range.start).is_none();
        let mut after = text[range.end..].split(' ').skip(1);
        let next = after.next().unwrap_or_default();
        let particle = [
            "bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "di", "du", "le", "la",
        ];
        let continues = particle.contains(&next)
            && after
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        foreign_given || continues
    }

    fn given_before(&self, text: &str, start: usize, entity: usize) -> bool {
        let before = text[..start].trim_end();
        self.dict().entities[entity]
            .raw
            .given
            .iter()
            .any(|g| before.ends_with(g.as_ref()) && before.len() < start)
    }

    fn title_before(&self, text: &str, start: usize) -> Option<Titled> {
        let before = text[..start].strip_suffix(' ')?;
        let title = self.titles().ending_with(*before.as_bytes().last()?).find(|t| {
            before.ends_with(t.as_str())
                && !before[..before.len() - t.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })?;
        let title_start = before.len() - title.len();
        let head = &text[..title_start];
        let former = self.former.iter().any(|f| {
            let f = f.as_str();
            let ends = |h: &str| {
                h.len() >= f.len()
                    && h.is_char_boundary(h.len() - f.len())
                    && h[h.len() - f.len()..].eq_ignore_ascii_case(f)
                    && !h[..h.len() - f.len()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            };
            ends(head) || head.strip_suffix(' ').is_some_and(ends)
        });
        Some(Titled {
            range: title_start..before.len(),
            title: title.clone(),
            former,
        })
    }

    fn people_titled<'a>(&self, text: &str, list: &'a [Mention]) -> Vec<(&'a Mention, Titled)> {
        list.iter()
            .filter(|m| {
                let form = &self.dict().forms[m.form];
                self.dict().entities[form.entity].raw.kind == EntityKind::Person
                    && form.kind != FormKind::Except
            })
            .filter_map(|m| self.title_before(text, m.range.start).map(|t| (m, t)))
            .filter(|(_, t)| !t.former)
            .collect()
    }

    fn roles(&self, m: &Mention) -> &[Role] {
        &self.dict().entities[self.dict().forms[m.form].entity].raw.roles
    }

    fn conflicting_titles(&self, doc: &Document, list: &[Mention], emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let titled = self.people_titled(text, list);
        for (i, (m, t)) in titled.iter().enumerate() {
            let entity = self.dict().forms[m.form].entity;
            let Some((first_m, first_t)) = titled[..i]
                .iter()
                .find(|(o, _)| self.dict().forms[o.form].entity == entity)
            else {
                continue;
            };
            if same_title(&first_t.title, &t.title) || self.held_together(first_m, &first_t.title, &t.title) {
                continue;
            }
            let range = t.range.start..m.range.end;
            let related = vec![(
                first_t.range.start..first_m.range.end,
                format!("called “{}” here", first_t.title),
            )];
            let vars = [
                ("title", t.title.as_str()),
                ("other", first_t.title.as_str()),
                ("name", self.entity_name(m)),
            ];
            emit.emit_full(range, &vars, None, related, None);
        }
    }

    /// True when the dictionary shows both titles held at the same time.
    fn held_together(&self, m: &Mention, a: &str, b: &str) -> bool {
        let roles = self.roles(m);
        roles.iter().filter(|r| same_title(&r.title, a)).any(|ra| {
            roles
                .iter()
                .filter(|r| same_title(&r.title, b))
                .any(|rb| ra.overlaps(rb))
        })
    }

    fn outdated_titles(&self, doc: &Document, list: &[Mention], emit: &mut Emitter<'_>) {
        let Some(date) = doc.day() else { return };
        let text = &doc.prose.text;
        for (m, t) in self.people_titled(text, list) {
            let roles = self.roles(m);
            if roles
                .iter()
                .any(|r| same_title(&r.title, &t.title) && r.covers(date))
            {
                continue;
            }
            let held_then: Vec<String> = roles
                .iter()
                .filter(|r| r.covers(date))
                .map(Role::describe)
                .collect();
            let same: Vec<String> = roles
                .iter()
                .filter(|r| same_title(&r.title, &t.title))
                .map(Role::describe)
                .collect();
            let detail = match (held_then.is_empty(), same.is_empty()) {
                (_, false) if held_then.is_empty() => format!("the dictionary lists {}", same.join("; ")),
                (_, false) => format!(
                    "on that date: {}; as {}: {}",
                    held_then.join("; "),
                    t.title,
                    same.join("; ")
                ),
                (false, true) => format!("on that date: {}", held_then.join("; ")),
                (true, true) => continue,
            };
            let vars = [
                ("title", t.title.as_str()),
                ("name", self.entity_name(m)),
                ("date", date),
                ("detail", detail.as_str()),
            ];
            emit.emit_full(t.range.start..m.range.end, &vars, None, Vec::new(), None);
        }
    }

    fn first_reference(&self, list: &[Mention], emit: &mut Emitter<'_>) {
        let mut seen: Vec<usize> = Vec::new();
        for (i, m) in list.iter().enumerate() {
            let form = &self.dict().forms[m.form];
            let raw = &self.dict().entities[form.entity].raw;
            if seen.contains(&form.entity) {
                continue;
            }
            seen.push(form.entity);
            if raw.kind != EntityKind::Person || raw.surname.is_none() || raw.given.is_empty() || form.full {
                continue;
            }
            let later = list[i + 1..]
                .iter()
                .find(|o| self.dict().forms[o.form].entity == form.entity && self.dict().forms[o.form].full);
            let related = later
                .map(|o| vec![(o.range.clone(), "full name first given here".to_owned())])
                .unwrap_or_default();
            emit.emit_full(
                m.range.clone(),
                &[("name", &raw.name), ("fix", &raw.name)],
                None,
                related,
                None,
            );
        }
    }
}
