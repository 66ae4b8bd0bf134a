//! The language server under edits: how long from a `didChange` of a 5 KB document to
//! its diagnostics, measured as a client sees it (release binary, one edit at a time).
//!
//! ```sh
//! cargo run --release --example lsp_bench                      # text from the fixtures
//! cargo run --release --example lsp_bench -- --articles DIR    # text from DIR (*.txt, *.md)
//! ```

#[path = "../tests/common/lsp_client.rs"]
mod lsp_client;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_client::{file_uri, Client};
use serde_json::json;

const EDITS: usize = 200;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .iter()
        .position(|a| a == "--articles")
        .and_then(|i| args.get(i + 1))
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles"),
            PathBuf::from,
        );
    let text = five_kb(&dir)?;
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/copydesk");
    if !binary.exists() {
        return Err("build the release binary first: cargo build --release".into());
    }
    let work = std::env::temp_dir();
    let uri = file_uri(&work.join("copydesk-lsp-bench.txt"));
    let mut client = Client::start(&binary, &work, &["--no-config"]);
    client.initialize(&work, json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 0, "text": text}}),
    );
    client.diagnostics(&uri);
    let mut times = Vec::with_capacity(EDITS);
    for version in 1..=EDITS {
        // A keystroke: one more character at the end of the first line.
        let edited = text.replacen('\n', &format!("{}\n", "x".repeat(version % 7)), 1);
        let start = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}),
        );
        let published = client.diagnostics(&uri);
        times.push(start.elapsed());
        assert_eq!(published["version"], version);
    }
    client.finish();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "didChange of a {} KB document to its diagnostics: min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms over {EDITS} edits",
        text.len() / 1024,
        ms(times[0]),
        ms(times[EDITS / 2]),
        ms(times[EDITS * 95 / 100]),
        ms(times[EDITS - 1]),
    );
    Ok(())
}

/// About 5 KB of article text: whole `.txt` and `.md` files of `dir`, in name order.
fn five_kb(dir: &Path) -> Result<String, std::io::Error> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for path in paths {
        if text.len() >= 5 * 1024 {
            break;
        }
        text.push_str(&std::fs::read_to_string(path)?);
        text.push('\n');
    }
    Ok(text)
}
