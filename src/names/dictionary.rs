//! The entity dictionary: canonical, accepted and wrong forms of names, and dated roles.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use serde::de::{self, Deserializer};
use serde::Deserialize;

use super::similar::NameIndex;
use crate::text::word_starts::{length_bit, starts_upper_or_digit, TermStarts, WordStarts};
use crate::text::words::{at_word_boundaries, is_word_char};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A city, region or country.
    Place,
    /// A body, party, company or group.
    Organisation,
}

/// Text of a dictionary: borrowed from the embedded pack, owned when read from a file.
pub type Text = Cow<'static, str>;

/// An entity as written in a dictionary file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    /// Canonical form.
    pub name: Text,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// People: canonical given names.
    #[serde(default)]
    pub given: Vec<Text>,
    /// People: the second-reference form.
    #[serde(default)]
    pub surname: Option<Text>,
    /// Other correct spellings.
    #[serde(default)]
    pub accepted: Vec<Text>,
    /// Known misspellings and outdated forms.
    #[serde(default)]
    pub wrong: Vec<Text>,
    /// Fixed phrases in which a wrong form is not flagged.
    #[serde(default)]
    pub except: Vec<Text>,
    /// Dated roles.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// A remark for maintainers.
    #[serde(default)]
    pub note: Option<Text>,
}

/// Separates the fields of an entity in the compact form the build script writes.
pub const FIELD: char = '\t';
/// Separates the items of a list field.
pub const ITEM: char = '\u{1f}';
/// Separates the parts of a role (title, of, from, until).
pub const PART: char = '\u{1e}';

/// Entities from the compact form the build script makes of an embedded YAML
/// dictionary: one entity a line, fields split by tabs, borrowed without copying.
pub fn from_compact(path: &str, text: &'static str) -> Result<Vec<RawEntity>, crate::error::RuleError> {
    let bad = |line: usize, message: &str| crate::error::RuleError {
        path: path.to_owned(),
        line: line + 1,
        column: 1,
        message: message.to_owned(),
    };
    let list = |field: &'static str| -> Vec<Text> {
        field
            .split(ITEM)
            .filter(|s| !s.is_empty())
            .map(Cow::Borrowed)
            .collect()
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&'static str> = line.split(FIELD).collect();
        let [name, kind, given, surname, accepted, wrong, except, roles] = f[..] else {
            return Err(bad(i, "expected 8 fields"));
        };
        let kind = match kind {
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            "organisation" => EntityKind::Organisation,
            _ => return Err(bad(i, "unknown kind")),
        };
        let mut parsed_roles = Vec::new();
        for role in roles.split(ITEM).filter(|r| !r.is_empty()) {
            let parts: Vec<&'static str> = role.split(PART).collect();
            let [title, of, from, until] = parts[..] else {
                return Err(bad(i, "a role needs four parts"));
            };
            parsed_roles.push(Role {
                title: Cow::Borrowed(title),
                of: Cow::Borrowed(of),
                from: IsoDate(from.to_owned()),
                until: (!until.is_empty()).then(|| IsoDate(until.to_owned())),
            });
        }
        out.push(RawEntity {
            name: Cow::Borrowed(name),
            kind,
            given: list(given),
            surname: (!surname.is_empty()).then_some(Cow::Borrowed(surname)),
            accepted: list(accepted),
            wrong: list(wrong),
            except: list(except),
            roles: parsed_roles,
            note: None,
        });
    }
    Ok(out)
}

/// A dated role: title, of what, from, until.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// "President", "Prime Minister", …
    pub title: Text,
    /// The country or body.
    pub of: Text,
    /// First day in office.
    pub from: IsoDate,
    /// Day the role ended; none while current.
    #[serde(default)]
    pub until: Option<IsoDate>,
}

impl Role {
    /// True when the role was held on `date` (`YYYY-MM-DD`).
    pub fn covers(&self, date: &str) -> bool {
        self.from.0.as_str() <= date && self.until.as_ref().is_none_or(|u| date < u.0.as_str())
    }

    /// "President of France (2017-05-14 to …)".
    pub fn describe(&self) -> String {
        let until = self.until.as_ref().map_or("", |u| u.0.as_str());
        format!(
            "{} of {} ({} to {})",
            self.title,
            self.of,
            self.from.0,
            if until.is_empty() { "present" } else { until }
        )
    }

    /// True when two roles were held at the same time.
    pub fn overlaps(&self, other: &Role) -> bool {
        let ends = |r: &Role| r.until.as_ref().map_or("9999-99-99".to_owned(), |u| u.0.clone());
        self.from.0 < ends(other) && other.from.0 < ends(self)
    }
}

/// A date written `YYYY-MM-DD`, checked while it is read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate(pub String);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if is_iso_date(&text) {
            Ok(IsoDate(text))
        } else {
            Err(de::Error::custom(format!(
                "`{text}` is not a date of the form YYYY-MM-DD"
            )))
        }
    }
}

/// True for `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(text[5..7].parse::<u32>(), Ok(1..=12))
        && matches!(text[8..10].parse::<u32>(), Ok(1..=31))
}

/// How a form relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The canonical name or the canonical surname.
    Canonical,
    /// Another correct spelling.
    Accepted,
    /// A misspelling or outdated form.
    Wrong,
    /// A fixed phrase that shields a wrong form.
    Except,
}

/// One form of one entity.
#[derive(Debug, Clone)]
pub struct Form {
    /// The text of the form.
    pub text: Text,
    /// The entity it names.
    pub entity: usize,
    /// Its standing.
    pub kind: FormKind,
    /// Forms of one spelling share a family (the name and its surname are family 0).
    pub family: usize,
    /// True when the form holds a given name as well (a full first reference).
    pub full: bool,
}

/// A compiled entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// As written in the file.
    pub raw: RawEntity,
}

impl Entity {
    /// The short form: the surname for people, the name otherwise.
    pub fn short(&self) -> &str {
        self.raw.surname.as_deref().unwrap_or(&self.raw.name)
    }
}

/// A dictionary shared by the rules that name it, possibly still being built on a
/// background thread (the embedded one is, while the first document is read).
#[derive(Debug)]
pub struct SharedDictionary {
    ready: OnceLock<Dictionary>,
    pending: Mutex<Option<JoinHandle<Dictionary>>>,
}

impl SharedDictionary {
    /// A dictionary that is already built.
    pub fn ready(dictionary: Dictionary) -> Self {
        SharedDictionary {
            ready: OnceLock::from(dictionary),
            pending: Mutex::new(None),
        }
    }

    /// A dictionary built by `build` on a background thread.
    pub fn building(build: impl FnOnce() -> Dictionary + Send + 'static) -> Self {
        SharedDictionary {
            ready: OnceLock::new(),
            pending: Mutex::new(Some(std::thread::spawn(build))),
        }
    }

    /// The dictionary, waiting for it if it is still being built.
    pub fn get(&self) -> &Dictionary {
        self.ready.get_or_init(|| {
            let handle = self.pending.lock().ok().and_then(|mut p| p.take());
            handle
                .and_then(|h| h.join().ok())
                .unwrap_or_else(Dictionary::empty)
        })
    }
}

/// A compiled dictionary: every form in one automaton, and an index of name words.
#[derive(Debug)]
pub struct Dictionary {
    /// The entities, in file order.
    pub entities: Vec<Entity>,
    /// Every form; a form shared by entities appears once per entity.
    pub forms: Vec<Form>,
    /// First word of each form → the forms that start with it.
    by_first_word: HashMap<Text, Vec<usize>>,
    /// For each ASCII byte, the byte lengths (bit `min(len, 31)`) of the first words of
    /// forms that start with it; zero when none does.
    ascii_first_word_lens: [u32; 128],
    /// The forms whose first word begins with an ASCII byte other than a capital or a
    /// digit ("al Qaeda", "bin Salman", "von der Leyen"): where these may start is found
    /// with one search, the other first words by skipping to capitals, digits and
    /// non-ASCII characters.
    lower_first_words: Option<TermStarts>,
    /// For each entity, the range of its forms in `forms`.
    entity_forms: Vec<std::ops::Range<usize>>,
    words: HashSet<Text>,
    given_names: HashSet<Text>,
    titles: Vec<Text>,
    /// Every word of every title.
    title_words: HashSet<Text>,
    near: OnceLock<NameIndex>,
}

impl Dictionary {
    /// A dictionary with no entities.
    pub fn empty() -> Dictionary {
        Dictionary {
            entities: Vec::new(),
            forms: Vec::new(),
            by_first_word: HashMap::default(),
            ascii_first_word_lens: [0; 128],
            lower_first_words: None,
            entity_forms: Vec::new(),
            words: HashSet::default(),
            given_names: HashSet::default(),
            titles: Vec::new(),
            title_words: HashSet::default(),
            near: OnceLock::new(),
        }
    }

    /// Compile entities; errors name the entity.
    pub fn new(raws: Vec<RawEntity>) -> Result<Dictionary, String> {
        let mut forms: Vec<Form> = Vec::new();
        let mut entities = Vec::new();
        let mut names = HashSet::default();
        let mut entity_forms = Vec::new();
        for (entity, raw) in raws.into_iter().enumerate() {
            validate(&raw)?;
            if !names.insert(raw.name.clone()) {
                return Err(format!("entity `{}` is listed twice", raw.name));
            }
            let first = forms.len();
            add_forms(entity, &raw, &mut forms);
            entity_forms.push(first..forms.len());
            entities.push(Entity { raw });
        }
        let mut by_first_word: HashMap<Text, Vec<usize>> = HashMap::default();
        let mut words: HashSet<Text> = HashSet::default();
        for (i, form) in forms.iter().enumerate() {
            let mut parts = word_slices(&form.text);
            let Some(first) = parts.next() else {
                return Err(format!("form `{}` must start with a letter or digit", form.text));
            };
            if !form.text.starts_with(first.as_ref()) {
                return Err(format!("form `{}` must start with a letter or digit", form.text));
            }
            by_first_word.entry(first.clone()).or_default().push(i);
            words.insert(first);
            words.extend(parts);
        }
        let mut ascii_first_word_lens = [0u32; 128];
        for word in by_first_word.keys() {
            if let Some(b) = word.bytes().next().filter(u8::is_ascii) {
                ascii_first_word_lens[usize::from(b)] |= length_bit(word.len());
            }
        }
        // The whole forms, not their first words: "al Qaeda" is rare where "al" is in
        // every other line.
        let mut lower: Vec<&str> = by_first_word
            .iter()
            .filter(|(w, _)| w.as_bytes()[0].is_ascii() && !starts_upper_or_digit(w.as_bytes()[0]))
            .flat_map(|(_, candidates)| candidates.iter().map(|&f| forms[f].text.as_ref()))
            .collect();
        lower.sort_unstable();
        lower.dedup();
        let lower_first_words = (!lower.is_empty())
            .then(|| TermStarts::new(&lower))
            .transpose()
            .map_err(|e| format!("dictionary first words: {e}"))?;
        let given_names = entities
            .iter()
            .flat_map(|e| e.raw.given.iter().cloned())
            .collect();
        let mut titles: Vec<Text> = entities
            .iter()
            .flat_map(|e| e.raw.roles.iter().map(|r| r.title.clone()))
            .collect();
        titles.sort();
        titles.dedup();
        let title_words = titles
            .iter()
            .flat_map(|t| t.split_whitespace())
            .map(|w| Text::from(w.to_owned()))
            .collect();
        Ok(Dictionary {
            entities,
            forms,
            by_first_word,
            ascii_first_word_lens,
            lower_first_words,
            entity_forms,
            words,
            given_names,
            titles,
            title_words,
            near: OnceLock::new(),
        })
    }

    /// Every form occurrence in `text` within `range`, leftmost first and longest at a
    /// position, whole words only: (range, indices into `forms`). Each word of the text
    /// that can start a form is looked up once by hash; nothing is compiled at start-up.
    pub fn find(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
    ) -> Vec<(std::ops::Range<usize>, Vec<usize>)> {
        let lower_starts = self.lower_form_starts(&text[..range.end], range.start);
        let mut out = Vec::new();
        self.each_with(text, range, &lower_starts, |found, forms| {
            out.push((found, forms.to_vec()))
        });
        out
    }

    /// Every place in `text` from `from` on where a form whose first word is not
    /// capitalised ("al Qaeda", "von der Leyen") begins, even inside another: each
    /// search goes on from just after the last start found. For finding in many
    /// ranges of one text, worked out once for [`Dictionary::each_with`].
    pub fn lower_form_starts(&self, text: &str, from: usize) -> Vec<usize> {
        self.lower_first_words
            .as_ref()
            .map_or_else(Vec::new, |search| search.in_span(text, from..text.len()))
    }

    /// [`Dictionary::find`], with `lower_starts` given ([`Dictionary::lower_form_starts`]
    /// of `text`, or of any text that `text[..range.end]` begins), handing each
    /// occurrence to `each` instead of collecting them: the forms of one occurrence are
    /// lent from a buffer used for all of them.
    pub fn each_with(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        lower_starts: &[usize],
        mut each: impl FnMut(std::ops::Range<usize>, &[usize]),
    ) {
        let mut forms: Vec<usize> = Vec::new();
        let mut next_free = range.start;
        let hay = &text[..range.end];
        let first = lower_starts.partition_point(|&i| i < range.start);
        let mut starts = WordStarts::new(hay, range.start, &lower_starts[first..]);
        while let Some(word) = starts.next() {
            let (start, end) = (word.start, word.end);
            // A whole run of word characters is at word boundaries, except perhaps at
            // the start of the range, where the text before it may go on.
            if start < next_free
                || !self.may_start_form(hay.as_bytes()[start], end - start)
                || (start == range.start && !at_word_boundaries(hay, start, end))
            {
                continue;
            }
            let Some(candidates) = self.by_first_word.get(&hay[start..end]) else {
                continue;
            };
            let fits = |f: &usize| {
                let form = self.forms[*f].text.as_ref();
                hay[start..].starts_with(form) && at_word_boundaries(hay, start, start + form.len())
            };
            let Some(len) = candidates
                .iter()
                .filter(|f| fits(f))
                .map(|&f| self.forms[f].text.len())
                .max()
            else {
                continue;
            };
            forms.clear();
            forms.extend(
                candidates
                    .iter()
                    .copied()
                    .filter(|f| self.forms[*f].text.len() == len && fits(f)),
            );
            let found = start..start + len;
            next_free = found.end;
            starts.skip_to(found.end);
            each(found, &forms);
        }
    }

    /// False when no form's first word starts with the byte `first` (the first byte of
    /// a word of `len` bytes) and has that length; a byte of a non-ASCII character may
    /// always start one.
    fn may_start_form(&self, first: u8, len: usize) -> bool {
        match self.ascii_first_word_lens.get(usize::from(first)) {
            Some(lens) => lens & length_bit(len) != 0,
            None => true,
        }
    }

    /// The forms of `entity`, as indices into `forms`.
    pub fn forms_of(&self, entity: usize) -> std::ops::Range<usize> {
        self.entity_forms.get(entity).cloned().unwrap_or_default()
    }

    /// True when `word` is a word of some form (a known name).
    pub fn knows_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// True when `word` is somebody's given name in the dictionary.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// Titles used in the dictionary's roles.
    pub fn titles(&self) -> &[Text] {
        &self.titles
    }

    /// True when `word` is a word of some title ("Minister" of "Prime Minister").
    pub fn is_title_word(&self, word: &str) -> bool {
        self.title_words.contains(word)
    }

    /// Known correct one-word names of five letters or more, for near-miss look-ups.
    pub fn near_index(&self) -> &NameIndex {
        self.near.get_or_init(|| {
            let mut terms: Vec<String> = self
                .forms
                .iter()
                .filter(|f| matches!(f.kind, FormKind::Canonical | FormKind::Accepted))
                .filter(|f| !f.text.contains(' ') && f.text.chars().count() >= 5)
                .map(|f| f.text.to_string())
                .collect();
            terms.sort();
            terms.dedup();
            NameIndex::new(terms)
        })
    }

    /// The canonical forms of the entity that `text` names correctly, if any: (entity, form).
    pub fn correct_form(&self, text: &str) -> Option<&Form> {
        self.forms
            .iter()
            .find(|f| f.text == text && matches!(f.kind, FormKind::Canonical | FormKind::Accepted))
    }
}

/// The words of a form as slices of it (borrowed when the form is).
fn word_slices(text: &Text) -> impl Iterator<Item = Text> + '_ {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let s: &str = text.as_ref();
        let start = rest + s[rest..].find(is_word_char)?;
        let end = s[start..]
            .find(|c: char| !is_word_char(c))
            .map_or(s.len(), |i| start + i);
        rest = end;
        Some(match text {
            Cow::Borrowed(b) => Cow::Borrowed(&b[start..end]),
            Cow::Owned(o) => Cow::Owned(o[start..end].to_owned()),
        })
    })
}

fn validate(raw: &RawEntity) -> Result<(), String> {
    if raw.name.trim().is_empty() {
        return Err("an entity has an empty `name`".into());
    }
    if let Some(surname) = &raw.surname {
        if !raw.name.contains(surname.as_ref()) {
            return Err(format!(
                "`{}`: surname `{surname}` is not part of the name",
                raw.name
            ));
        }
    }
    for wrong in &raw.wrong {
        if wrong == &raw.name || raw.accepted.contains(wrong) || raw.surname.as_ref() == Some(wrong) {
            return Err(format!(
                "`{}`: `{wrong}` is listed as wrong and as correct",
                raw.name
            ));
        }
    }
    for form in raw
        .accepted
        .iter()
        .chain(&raw.wrong)
        .chain(&raw.except)
        .chain(&raw.given)
    {
        if form.trim().is_empty() {
            return Err(format!("`{}`: empty form", raw.name));
        }
    }
    Ok(())
}

fn add_forms(entity: usize, raw: &RawEntity, forms: &mut Vec<Form>) {
    let has_given = |text: &str| text.split_whitespace().any(|w| raw.given.iter().any(|g| g == w));
    let first = forms.len();
    let mut push = |text: &Text, kind: FormKind, family: usize| {
        if forms[first..].iter().any(|f| &f.text == text) {
            return;
        }
        forms.push(Form {
            text: text.clone(),
            entity,
            kind,
            family,
            full: has_given(text) || raw.surname.is_none(),
        });
    };
    push(&raw.name, FormKind::Canonical, 0);
    if let Some(surname) = &raw.surname {
        push(surname, FormKind::Canonical, 0);
    }
    for (i, accepted) in raw.accepted.iter().enumerate() {
        push(accepted, FormKind::Accepted, accepted_family(raw, i));
    }
    for wrong in &raw.wrong {
        push(wrong, FormKind::Wrong, usize::MAX);
    }
    for phrase in &raw.except {
        push(phrase, FormKind::Except, usize::MAX);
    }
}

/// Accepted forms that end with another accepted form ("Volodymyr Zelenskyy" and
/// "Zelenskyy") are one spelling. One that holds the canonical surname as a word, and an
/// abbreviation ("EU", "IMF"), belong to the canonical spelling.
fn accepted_family(raw: &RawEntity, index: usize) -> usize {
    let form = &raw.accepted[index];
    let ends_with = |short: &str| form == short || form.ends_with(&format!(" {short}"));
    let has_surname = raw
        .surname
        .as_deref()
        .is_some_and(|s| form.split_whitespace().any(|w| w == s) || ends_with(s));
    let abbreviation = form.len() <= 6 && form.chars().all(|c| c.is_uppercase() || c == '.');
    if has_surname || abbreviation {
        return 0;
    }
    raw.accepted
        .iter()
        .position(|other| other != form && ends_with(other))
        .map_or(index + 1, |other| other + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, surname: &str, accepted: &[&str], wrong: &[&str]) -> RawEntity {
        RawEntity {
            name: name.to_owned().into(),
            kind: EntityKind::Person,
            given: name
                .split_whitespace()
                .take(1)
                .map(|g| g.to_owned().into())
                .collect(),
            surname: Some(surname.to_owned().into()),
            accepted: accepted.iter().map(|s| s.to_string().into()).collect(),
            wrong: wrong.iter().map(|s| s.to_string().into()).collect(),
            except: vec![],
            roles: vec![],
            note: None,
        }
    }

    #[test]
    fn forms_and_families() {
        let dict = Dictionary::new(vec![person(
            "Volodymyr Zelensky",
            "Zelensky",
            &["Zelenskyy", "Volodymyr Zelenskyy"],
            &["Zelenski"],
        )])
        .unwrap();
        let family = |t: &str| {
            dict.forms
                .iter()
                .find(|f| f.text == t)
                .map(|f| (f.family, f.full))
        };
        assert_eq!(family("Volodymyr Zelensky"), Some((0, true)));
        assert_eq!(family("Zelensky"), Some((0, false)));
        assert_eq!(family("Zelenskyy"), Some((1, false)));
        assert_eq!(family("Volodymyr Zelenskyy"), Some((1, true)));
        let text = "Volodymyr Zelensky met Zelenskiy and Zelenski.";
        let found: Vec<&str> = dict
            .find(text, 0..text.len())
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
        assert_eq!(found, ["Volodymyr Zelensky", "Zelenski"]);
    }

    fn place(name: &str) -> RawEntity {
        RawEntity {
            name: name.to_owned().into(),
            kind: EntityKind::Place,
            given: vec![],
            surname: None,
            accepted: vec![],
            wrong: vec![],
            except: vec![],
            roles: vec![],
            note: None,
        }
    }

    #[test]
    fn forms_are_found_whatever_their_first_character() {
        let mut sisi = person("Abdel Fattah al-Sisi", "al-Sisi", &[], &["el-Sisi"]);
        sisi.given = vec!["Abdel".into()];
        let dict = Dictionary::new(vec![
            sisi,
            place("Ürümqi"),
            place("10 Downing Street"),
            place("Kyiv"),
        ])
        .unwrap();
        let text = "Xal-Sisi, al-Sisi and el-Sisi met in Ürümqi, not AÜrümqi or Ürümqis, at \
                    10 Downing Street (not 310 Downing Street); McKyiv, Kyiv_, _Kyiv, Kyiv.";
        let found: Vec<&str> = dict
            .find(text, 0..text.len())
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
        assert_eq!(
            found,
            ["al-Sisi", "el-Sisi", "Ürümqi", "10 Downing Street", "Kyiv"]
        );
        let from = text.find("al-Sisi").unwrap() + 1;
        let inside: Vec<&str> = dict
            .find(text, from..text.len())
            .into_iter()
            .map(|(r, _)| &text[r])
            .take(1)
            .collect();
        assert_eq!(
            inside,
            ["al-Sisi"],
            "a range may start inside a word, which then is skipped"
        );
    }

    #[test]
    fn a_form_inside_another_forms_text_is_found() {
        let dict = Dictionary::new(vec![place("von der Leyen"), place("der Leyen")]).unwrap();
        // "von der Leyen" is no word here, but the "der Leyen" inside it is.
        let text = "Xvon der Leyen and von der Leyen";
        let found: Vec<&str> = dict
            .find(text, 0..text.len())
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
        assert_eq!(found, ["der Leyen", "von der Leyen"]);
    }

    #[test]
    fn starts_of_the_whole_text_find_what_each_range_finds() {
        let dict = Dictionary::new(vec![
            place("von der Leyen"),
            place("der Leyen"),
            place("al Qaeda"),
        ])
        .unwrap();
        let text = "Ask von der\nLeyen. Then von der Leyen, al Qaeda and al\nQaeda; von der Leyen";
        let lower_starts = dict.lower_form_starts(text, 0);
        let found = |range: std::ops::Range<usize>, starts: Option<&[usize]>| -> Vec<&str> {
            let Some(starts) = starts else {
                return dict
                    .find(text, range)
                    .into_iter()
                    .map(|(r, _)| &text[r])
                    .collect();
            };
            let mut hits = Vec::new();
            dict.each_with(text, range, starts, |r, _| hits.push(&text[r]));
            hits
        };
        // Ranges ending inside a form, so that a start found in the whole text has no
        // form that fits in the range.
        let ends = [
            text.find("\nLeyen").unwrap(),
            text.find("Qaeda").unwrap() + 2,
            text.len(),
        ];
        for start in [0, 4, text.find("Then").unwrap()] {
            for end in ends.into_iter().filter(|&end| end > start) {
                assert_eq!(
                    found(start..end, Some(&lower_starts)),
                    found(start..end, None),
                    "{start}..{end}"
                );
            }
        }
        assert_eq!(
            found(0..text.len(), Some(&lower_starts)),
            ["von der Leyen", "al Qaeda", "von der Leyen"]
        );
    }

    #[test]
    fn wrong_and_correct_at_once_is_an_error() {
        let err = Dictionary::new(vec![person("Ana Ruiz", "Ruiz", &["Ruis"], &["Ruis"])]).unwrap_err();
        assert!(err.contains("wrong and as correct"));
    }

    #[test]
    fn title_words_are_every_word_of_every_title() {
        let mut pm = person("Ana Ruiz", "Ruiz", &[], &[]);
        pm.roles = vec![Role {
            title: "Prime Minister".into(),
            of: "Spain".into(),
            from: IsoDate("2020-01-01".into()),
            until: None,
        }];
        let dict = Dictionary::new(vec![pm, person("Ben Ode", "Ode", &[], &[])]).unwrap();
        assert!(dict.is_title_word("Prime") && dict.is_title_word("Minister"));
        assert!(!dict.is_title_word("Prime Minister") && !dict.is_title_word("Minist"));
        assert!(!dict.is_title_word("minister") && !dict.is_title_word("Spain"));
    }

    #[test]
    fn roles_cover_dates() {
        let role = Role {
            title: "President".into(),
            of: "France".into(),
            from: IsoDate("2017-05-14".into()),
            until: None,
        };
        assert!(role.covers("2020-01-01"));
        assert!(!role.covers("2017-05-13"));
        assert!(is_iso_date("2025-02-28") && !is_iso_date("2025-2-28") && !is_iso_date("2025-13-01"));
    }
}
