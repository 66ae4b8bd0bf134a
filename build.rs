//! Prepares the embedded rule pack at build time, so the binary starts fast:
//! - every rule file of `rules/` becomes JSON, which reads about thirty times faster
//!   than YAML, and every dictionary of `rules/names/` a compact tab-separated form
//!   that is read without copying (the YAML files stay the source of truth);
//! - the first-letter gates of the boilerplate patterns are worked out once
//!   (`gates.json`), with the same code the library uses for rule packs on disk;
//! - the English word list gets a hash table (`english-table.bin`), so a look-up costs
//!   one or two memory reads and nothing is built at start-up.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/rule/gate.rs"]
#[allow(dead_code)]
mod gate;

#[path = "src/names/word_hash.rs"]
mod word_hash;

fn main() {
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut gates: BTreeMap<String, Option<Vec<String>>> = BTreeMap::new();
    for (folder, target) in [("rules", out_dir.clone()), ("rules/names", out_dir.join("names"))] {
        println!("cargo:rerun-if-changed={folder}");
        fs::create_dir_all(&target).expect("create the output folder");
        for path in yaml_files(Path::new(folder)) {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("readable rule file");
            let value: serde_yaml::Value =
                serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            collect_gates(&value, &mut gates);
            let name = path.file_stem().and_then(|s| s.to_str()).expect("file name");
            if folder == "rules" {
                let json = serde_json::to_string(&value).expect("YAML values convert to JSON");
                fs::write(target.join(format!("{name}.json")), json).expect("write JSON");
            } else {
                let compact = compact_entities(&value, &path);
                fs::write(target.join(format!("{name}.tsv")), compact).expect("write entities");
            }
        }
    }
    let json = serde_json::to_string(&gates).expect("gates convert to JSON");
    fs::write(out_dir.join("gates.json"), json).expect("write gates");
    let words = "src/names/english-words.txt";
    println!("cargo:rerun-if-changed={words}");
    let list = fs::read_to_string(words).expect("readable word list");
    fs::write(out_dir.join("english-table.bin"), english_table(&list)).expect("write word table");
}

/// The table `names::words` looks words up in: open addressing with linear probing,
/// as little-endian `u32` slots, a power of two of them, at most half full. A slot is 0
/// when empty, else it packs the word's byte offset in the list plus one (bits 0–19),
/// its length (bits 20–25) and the top six bits of its hash (bits 26–31).
/// Comments may only come before the first word.
fn english_table(list: &str) -> Vec<u8> {
    let mut words = Vec::new();
    let mut at = 0;
    for line in list.split_inclusive('\n') {
        let word = line.trim_end_matches('\n');
        if word.starts_with('#') || word.is_empty() {
            assert!(
                words.is_empty(),
                "comments and blank lines come before the first word"
            );
        } else {
            let b = word.as_bytes();
            assert!(
                b.len() >= 3 && b.len() < 64 && b.iter().all(u8::is_ascii_lowercase),
                "`{word}`: listed words are three to 63 lower-case ASCII letters"
            );
            words.push((at, b));
        }
        at += line.len();
    }
    assert!(at < (1 << 20) - 1, "the word list fits offsets of 20 bits");
    let size = (words.len() * 2).next_power_of_two();
    let mut slots = vec![0u32; size];
    for (offset, word) in words {
        let hash = word
            .iter()
            .fold(word_hash::EMPTY, |hash, &b| word_hash::add_byte(hash, b));
        let mut i = hash as usize & (size - 1);
        while slots[i] != 0 {
            i = (i + 1) & (size - 1);
        }
        slots[i] = (offset as u32 + 1) | (word.len() as u32) << 20 | ((hash >> 58) as u32) << 26;
    }
    slots.iter().flat_map(|n| n.to_le_bytes()).collect()
}

fn yaml_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .expect("rule folder exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// One entity a line: name, kind, given, surname, accepted, wrong, except, roles;
/// lists joined by U+001F, the parts of a role (title, of, from, until) by U+001E.
/// The field order is the one `names::dictionary::from_compact` reads.
fn compact_entities(value: &serde_yaml::Value, path: &Path) -> String {
    let text = |v: Option<&serde_yaml::Value>| -> String {
        let s = v.and_then(|v| v.as_str()).unwrap_or_default();
        assert!(
            !s.contains(['\t', '\n', '\u{1f}', '\u{1e}']),
            "{}: `{s}` holds a separator character",
            path.display()
        );
        s.to_owned()
    };
    let list = |v: Option<&serde_yaml::Value>| -> String {
        let items = v.and_then(|v| v.as_sequence()).cloned().unwrap_or_default();
        items
            .iter()
            .map(|i| text(Some(i)))
            .collect::<Vec<_>>()
            .join("\u{1f}")
    };
    let mut out = String::new();
    for entity in value
        .as_sequence()
        .unwrap_or_else(|| panic!("{}: not a list", path.display()))
    {
        let roles = entity
            .get("roles")
            .and_then(|r| r.as_sequence())
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|r| {
                ["title", "of", "from", "until"]
                    .map(|k| text(r.get(k)))
                    .join("\u{1e}")
            })
            .collect::<Vec<_>>()
            .join("\u{1f}");
        let fields = [
            text(entity.get("name")),
            text(entity.get("kind")),
            list(entity.get("given")),
            text(entity.get("surname")),
            list(entity.get("accepted")),
            list(entity.get("wrong")),
            list(entity.get("except")),
            roles,
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

/// The gate of every pattern under a `boilerplate:` check's `lines` or `block.start`.
fn collect_gates(value: &serde_yaml::Value, gates: &mut BTreeMap<String, Option<Vec<String>>>) {
    let Some(rules) = value.as_sequence() else { return };
    for rule in rules {
        let Some(check) = rule.get("check").and_then(|c| c.get("boilerplate")) else {
            continue;
        };
        let starts = check.get("block").and_then(|b| b.get("start"));
        for list in [check.get("lines"), starts].into_iter().flatten() {
            for pattern in list
                .as_sequence()
                .into_iter()
                .flatten()
                .filter_map(|p| p.as_str())
            {
                gates.insert(pattern.to_owned(), gate::starts(&[pattern]));
            }
        }
    }
}
