//! In-process time of each rule over a folder of articles, single-threaded, to find
//! where checking spends its time. Analyses shared by several rules (sentence
//! quantities, capitalised words) are timed on their own first; those made with a
//! dictionary (name mentions) are charged to the first rule that asks for them.
//!
//! ```sh
//! cargo run --release --example rule_profile -- DIR    # *.txt and *.md of DIR
//! ```

use std::error::Error;
use std::time::{Duration, Instant};

use copydesk::{Document, RuleSet};

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: rule_profile DIR")?;
    let rules = RuleSet::builtin()?;
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            texts.push((path.display().to_string(), std::fs::read_to_string(&path)?));
        }
    }
    texts.sort();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let parse = || -> Result<Vec<Document>, copydesk::SourceError> {
        texts
            .iter()
            .map(|(p, t)| Document::from_text(p.clone(), t.clone()))
            .collect()
    };
    let start = Instant::now();
    let docs = parse()?;
    report("parsing", start.elapsed(), bytes);
    for doc in docs.iter().take(5) {
        rules.check(doc);
    }
    // The shared analyses alone, on fresh documents, so the rules below find them made.
    let docs = parse()?;
    type Analysis<'a> = (&'a str, &'a dyn Fn(&Document));
    let analyses: [Analysis; 3] = [
        ("capitalised words", &|d: &Document| {
            d.capitalised_words();
        }),
        ("sentence quantities", &|d: &Document| {
            d.sentence_quantities();
        }),
        ("flat prose", &|d: &Document| {
            d.flat_prose();
        }),
    ];
    for (name, analyse) in analyses {
        let start = Instant::now();
        docs.iter().for_each(analyse);
        report(&format!("analysis: {name}"), start.elapsed(), bytes);
    }
    let mut per_rule: Vec<(Duration, String)> = rules
        .rules()
        .iter()
        .map(|rule| {
            let start = Instant::now();
            let mut out = Vec::new();
            for doc in &docs {
                rule.run(doc, &mut out);
            }
            (start.elapsed(), rule.id().to_owned())
        })
        .collect();
    per_rule.sort_by(|a, b| b.cmp(a));
    for (time, id) in &per_rule {
        println!("{:>10.2} ms  {id}", time.as_secs_f64() * 1000.0);
    }
    let docs = parse()?;
    let start = Instant::now();
    let findings: usize = docs.iter().map(|d| rules.check(d).len()).sum();
    report(&format!("checking ({findings} findings)"), start.elapsed(), bytes);
    Ok(())
}

fn report(what: &str, time: Duration, bytes: usize) {
    println!(
        "{what}: {:.1} ms for {:.1} MB ({:.1} MB/s)",
        time.as_secs_f64() * 1000.0,
        bytes as f64 / 1e6,
        bytes as f64 / time.as_secs_f64() / 1e6
    );
}
