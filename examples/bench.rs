//! Whole-process benchmark of the release binary: start-up plus checking, as pipelines and
//! editor hooks see it.
//!
//! - one 5 KB article: median latency and peak memory, with the full default pack and with
//!   each family alone;
//! - a folder of many articles (10,000 by default, made by cycling the source articles):
//!   MB/s, articles/s, time per article and peak memory, full pack and each family alone,
//!   with the share of the machine's CPU time a hypervisor gave to other guests meanwhile;
//! - the names-dictionary workload (`--names-workload FILE`, the house-style spelling file
//!   of wrong variants and canonical forms): converted to a `substitution` rule and run alone
//!   over the source articles themselves.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example bench -- [--articles DIR]... [--files N] [--names-workload FILE] [--binary PATH]
//! ```
//! Without `--articles`, the text comes from the repository's fixture articles; without
//! `--binary`, the release build is measured. Peak memory
//! is read with GNU time (`/usr/bin/time`) when it is installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The families, as selectors of `copydesk.yaml`.
const FAMILIES: [&str; 4] = ["boilerplate", "figures", "attribution", "names"];

struct Options {
    sources: Vec<PathBuf>,
    files: usize,
    names_workload: Option<PathBuf>,
    /// The binary to measure; the release build's when not given.
    binary: Option<PathBuf>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = options();
    let binary = match &options.binary {
        Some(binary) => binary.clone(),
        None => release_binary()?,
    };
    let articles = article_files(&options.sources)?;
    let texts: Vec<String> = articles
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let work = tempfile::tempdir()?;
    let configs = family_configs(work.path())?;

    let single = work.path().join("article-5k.txt");
    std::fs::write(&single, five_kb(&texts))?;
    println!("## One 5 KB article, whole process (40 runs)\n");
    println!("| rules | median | min | max | peak memory |\n|---|---|---|---|---|");
    for (name, config) in &configs {
        let runs = time_runs(&binary, config, std::slice::from_ref(&single), 40)?;
        let peak = peak_memory(&binary, config, std::slice::from_ref(&single));
        println!(
            "| {name} | {} | {} | {} | {peak} |",
            ms(runs[runs.len() / 2]),
            ms(runs[0]),
            ms(runs[runs.len() - 1])
        );
    }

    let folder = work.path().join("articles");
    std::fs::create_dir(&folder)?;
    let mut bytes = 0;
    for i in 0..options.files {
        let text = &texts[i % texts.len()];
        bytes += text.len();
        std::fs::write(folder.join(format!("{i:06}.txt")), text)?;
    }
    println!(
        "\n## A folder of {} articles ({:.1} MB), whole process (median of 3 runs)\n",
        options.files,
        bytes as f64 / 1e6
    );
    println!(
        "| rules | wall | MB/s | articles/s | per article | peak memory | CPU stolen |\n\
         |---|---|---|---|---|---|---|"
    );
    for (name, config) in &configs {
        let before = CpuTicks::now();
        let runs = time_runs(&binary, config, std::slice::from_ref(&folder), 3)?;
        let stolen = CpuTicks::now().and_then(|after| after.stolen_since(before?));
        let median = runs[1];
        let peak = peak_memory(&binary, config, std::slice::from_ref(&folder));
        println!(
            "| {name} | {} | {:.1} | {:.0} | {:.3} ms | {peak} | {} |",
            ms(median),
            bytes as f64 / median.as_secs_f64() / 1e6,
            options.files as f64 / median.as_secs_f64(),
            median.as_secs_f64() * 1000.0 / options.files as f64,
            stolen.map_or_else(|| "n/a".to_owned(), |share| format!("{:.1}%", share * 100.0)),
        );
    }

    if let Some(workload) = &options.names_workload {
        names_workload(&binary, workload, &articles, work.path())?;
    }
    Ok(())
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = Options {
        sources: Vec::new(),
        files: 10_000,
        names_workload: None,
        binary: None,
    };
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--articles" => options.sources.push(PathBuf::from(value)),
            "--files" => options.files = value.parse().unwrap_or(options.files),
            "--names-workload" => options.names_workload = Some(PathBuf::from(value)),
            "--binary" => options.binary = Some(PathBuf::from(value)),
            _ => {}
        }
        i += 2;
    }
    if options.sources.is_empty() {
        options
            .sources
            .push(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles"));
    }
    options
}

/// A configuration per line of the tables: the full pack, then each family alone.
fn family_configs(dir: &Path) -> Result<Vec<(String, PathBuf)>, std::io::Error> {
    let mut configs = vec![("full default pack".to_owned(), dir.join("full.yaml"))];
    std::fs::write(&configs[0].1, "{}\n")?;
    for family in FAMILIES {
        let others: Vec<&str> = FAMILIES.iter().copied().filter(|f| *f != family).collect();
        let path = dir.join(format!("{family}.yaml"));
        std::fs::write(&path, format!("disable: [{}]\n", others.join(", ")))?;
        configs.push((format!("{family} alone"), path));
    }
    Ok(configs)
}

/// The wrong variants of the workload as one case-sensitive, whole-word `substitution`
/// rule, run alone over the source articles.
fn names_workload(
    binary: &Path,
    workload: &Path,
    articles: &[PathBuf],
    work: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    #[derive(serde::Deserialize)]
    struct Workload {
        rules: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        canonical: String,
        wrong: Vec<String>,
    }
    let workload: Workload = serde_yaml::from_str(&std::fs::read_to_string(workload)?)?;
    let pack = work.join("names-workload");
    std::fs::create_dir_all(&pack)?;
    let mut swap = serde_yaml::Mapping::new();
    let mut variants = 0;
    for entry in &workload.rules {
        for wrong in &entry.wrong {
            swap.insert(wrong.clone().into(), entry.canonical.clone().into());
            variants += 1;
        }
    }
    let rule = serde_yaml::to_string(&serde_json::json!([{
        "id": "house-spelling",
        "category": "names",
        "severity": "warning",
        "message": "House spelling: write “{fix}”, not “{match}”",
        "scope": "document",
        "check": {"substitution": {"swap": swap, "case_sensitive": true, "word_boundary": true}},
    }]))?;
    std::fs::write(pack.join("rules.yaml"), rule)?;
    let config = work.join("names-workload.yaml");
    std::fs::write(&config, "default_rules: false\npacks: [names-workload]\n")?;
    let bytes: u64 = articles
        .iter()
        .map(|a| std::fs::metadata(a).map_or(0, |m| m.len()))
        .sum();
    let runs = time_runs(binary, &config, articles, 5)?;
    let median = runs[runs.len() / 2];
    let findings = count_findings(binary, &config, articles)?;
    println!(
        "\n## Names-dictionary workload ({variants} wrong variants, one substitution rule)\n\n\
         {} articles, {:.1} MB: median {} (of 5), {:.1} MB/s, {findings} findings, peak memory {}",
        articles.len(),
        bytes as f64 / 1e6,
        ms(median),
        bytes as f64 / median.as_secs_f64() / 1e6,
        peak_memory(binary, &config, articles),
    );
    Ok(())
}

fn count_findings(binary: &Path, config: &Path, targets: &[PathBuf]) -> Result<usize, std::io::Error> {
    let out = Command::new(binary)
        .args(["check", "--format", "line", "--config"])
        .arg(config)
        .args(targets)
        .stderr(Stdio::null())
        .output()?;
    Ok(out.stdout.iter().filter(|b| **b == b'\n').count())
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

/// The `.txt` and `.md` files of the source folders, sorted.
fn article_files(sources: &[PathBuf]) -> Result<Vec<PathBuf>, std::io::Error> {
    let mut paths = Vec::new();
    for dir in sources {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(std::io::Error::other(
            "no articles (*.txt, *.md) in the source folders",
        ));
    }
    Ok(paths)
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

fn time_runs(
    binary: &Path,
    config: &Path,
    targets: &[PathBuf],
    runs: usize,
) -> Result<Vec<Duration>, std::io::Error> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(binary)
            .args(["check", "--format", "json", "--config"])
            .arg(config)
            .args(targets)
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

/// Peak resident memory of one run, from GNU time, or "n/a".
fn peak_memory(binary: &Path, config: &Path, targets: &[PathBuf]) -> String {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(binary)
        .args(["check", "--format", "json", "--config"])
        .arg(config)
        .args(targets)
        .stdout(Stdio::null())
        .output();
    let kb = out.ok().and_then(|o| {
        String::from_utf8_lossy(&o.stderr)
            .lines()
            .last()
            .and_then(|l| l.trim().parse::<f64>().ok())
    });
    kb.map_or_else(|| "n/a".to_owned(), |kb| format!("{:.1} MB", kb / 1024.0))
}

/// The machine's CPU time so far, from the first line of `/proc/stat` (Linux): all of
/// it, and the part a hypervisor gave to other guests ("steal"). On a virtual machine,
/// stolen time makes a run take longer with no change in the work it does.
#[derive(Clone, Copy)]
struct CpuTicks {
    total: u64,
    stolen: u64,
}

impl CpuTicks {
    fn now() -> Option<CpuTicks> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let ticks: Vec<u64> = stat
            .lines()
            .next()?
            .strip_prefix("cpu ")?
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time
        // is already counted in user and nice.
        Some(CpuTicks {
            total: ticks.iter().take(8).sum(),
            stolen: *ticks.get(7)?,
        })
    }

    /// The share of the CPU time since `before` that was stolen.
    fn stolen_since(self, before: CpuTicks) -> Option<f64> {
        let total = self.total.checked_sub(before.total).filter(|t| *t > 0)?;
        Some(self.stolen.saturating_sub(before.stolen) as f64 / total as f64)
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
