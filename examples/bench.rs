//! Whole-process timings of the release binary: one 5 KB article, and a folder of 1,000.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench
//! cargo run --release --example bench -- --articles DIR   # take article text from DIR (*.txt)
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FOLDER_SIZE: usize = 1_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let source_dir = args
        .iter()
        .position(|a| a == "--articles")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let binary = release_binary()?;
    let texts = article_texts(source_dir.as_deref())?;
    let work = tempfile::tempdir()?;

    let single = work.path().join("article-5k.txt");
    std::fs::write(&single, five_kb(&texts))?;
    let runs = time_runs(&binary, &single, 50)?;
    report("one 5 KB article, whole process", &runs, None);

    let folder = work.path().join("articles");
    std::fs::create_dir(&folder)?;
    let mut bytes = 0;
    for i in 0..FOLDER_SIZE {
        let text = &texts[i % texts.len()];
        bytes += text.len();
        std::fs::write(folder.join(format!("{i:05}.txt")), text)?;
    }
    let runs = time_runs(&binary, &folder, 5)?;
    report(
        &format!("{FOLDER_SIZE} articles in a folder ({} KB)", bytes / 1024),
        &runs,
        Some(bytes),
    );
    Ok(())
}

fn release_binary() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = exe.parent().and_then(Path::parent).ok_or("no target folder")?;
    let binary = dir.join("copydesk");
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(format!(
            "{} not found: run `cargo build --release` first",
            binary.display()
        ))
    }
}

/// Article texts: `*.txt` from `dir`, or the repository's fixtures.
fn article_texts(dir: Option<&Path>) -> Result<Vec<String>, std::io::Error> {
    let dir = dir.map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles"),
        Path::to_path_buf,
    );
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    let mut texts = Vec::new();
    for p in paths {
        if let Ok(t) = std::fs::read_to_string(&p) {
            texts.push(t);
        }
    }
    if texts.is_empty() {
        return Err(std::io::Error::other(format!("no articles in {}", dir.display())));
    }
    Ok(texts)
}

fn five_kb(texts: &[String]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < 5 * 1024 {
        out.push_str(&texts[i % texts.len()]);
        out.push('\n');
        i += 1;
    }
    out
}

fn time_runs(binary: &Path, target: &Path, runs: usize) -> Result<Vec<Duration>, std::io::Error> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(binary)
            .args(["check", "--format", "json"])
            .arg(target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        times.push(start.elapsed());
        if !matches!(status.code(), Some(0 | 1)) {
            return Err(std::io::Error::other(format!("copydesk failed: {status}")));
        }
    }
    times.sort();
    Ok(times)
}

fn report(what: &str, runs: &[Duration], bytes: Option<usize>) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = runs[runs.len() / 2];
    print!(
        "{what}: min {:.1} ms, median {:.1} ms, max {:.1} ms over {} runs",
        ms(runs[0]),
        ms(median),
        ms(runs[runs.len() - 1]),
        runs.len()
    );
    if let Some(bytes) = bytes {
        print!(
            ", {:.1} MB/s at the median",
            bytes as f64 / median.as_secs_f64() / 1e6
        );
    }
    println!();
}
