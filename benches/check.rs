//! In-process benchmarks of checking (no start-up, no I/O): one 5 KB article and a set of
//! articles, with the full default pack and with each family alone.
//!
//! ```sh
//! cargo bench --bench check                          # text from the fixture articles
//! COPYDESK_BENCH_ARTICLES=DIR cargo bench --bench check   # *.txt and *.md of DIR
//! ```

use std::path::{Path, PathBuf};

use copydesk::config::select::{RuleSelection, Selector};
use copydesk::{Document, RuleSet};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const FAMILIES: [&str; 4] = ["boilerplate", "figures", "attribution", "names"];

/// Article texts from `COPYDESK_BENCH_ARTICLES`, or the fixtures.
fn texts() -> Vec<(String, String)> {
    let dir = std::env::var_os("COPYDESK_BENCH_ARTICLES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles"),
        PathBuf::from,
    );
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"));
    paths.sort();
    paths.truncate(500);
    paths
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

/// The full pack, then each family alone.
fn selections(rules: &RuleSet) -> Vec<(String, RuleSelection)> {
    let mut out = vec![("full".to_owned(), RuleSelection::all(rules))];
    for family in FAMILIES {
        let mut selection = RuleSelection::all(rules);
        for other in FAMILIES.iter().filter(|f| **f != family) {
            if let Ok(selector) = Selector::parse(other) {
                selection.disable(rules, &selector);
            }
        }
        out.push((family.to_owned(), selection));
    }
    out
}

fn five_kb(texts: &[(String, String)]) -> String {
    let mut out = String::new();
    for (_, text) in texts.iter().cycle().take(200) {
        if out.len() >= 5 * 1024 {
            break;
        }
        out.push_str(text);
        out.push('\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let Ok(rules) = RuleSet::builtin() else {
        return;
    };
    let texts = texts();
    let article = five_kb(&texts);
    let mut group = c.benchmark_group("one 5 KB article");
    group.throughput(Throughput::Bytes(article.len() as u64));
    for (name, selection) in selections(&rules) {
        group.bench_with_input(BenchmarkId::from_parameter(&name), &selection, |b, selection| {
            b.iter(|| {
                let doc = Document::from_text("article.txt", article.clone()).ok();
                doc.map(|d| rules.check_selected(&d, Some(selection)).len())
            });
        });
    }
    group.finish();

    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group(format!("{} articles", texts.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for (name, selection) in selections(&rules) {
        group.bench_with_input(BenchmarkId::from_parameter(&name), &selection, |b, selection| {
            b.iter(|| {
                texts
                    .iter()
                    .filter_map(|(path, text)| Document::from_text(path.clone(), text.clone()).ok())
                    .map(|d| rules.check_selected(&d, Some(selection)).len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
