//! `copydesk baseline`: accept the current findings; and `check --baseline`: report only new ones.

use std::path::{Path, PathBuf};

use clap::Args;

use copydesk::baseline::{Baseline, Entry};
use copydesk::report::{OutputFormat, Summary};
use copydesk::{CheckOptions, CheckedFile, Format, Severity};

use super::plan;
use super::{parse_date, FileArgs, RuleArgs, Status};

/// Where `copydesk baseline` writes unless told otherwise.
const DEFAULT_OUTPUT: &str = "copydesk-baseline.json";

/// Arguments of `copydesk baseline`.
#[derive(Args)]
pub struct BaselineArgs {
    /// Files and folders to check (folders are walked for .txt, .md, .markdown).
    #[arg(value_name = "PATHS", required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rule_args: RuleArgs,
    /// The baseline file to write.
    #[arg(long, short, value_name = "FILE", default_value = DEFAULT_OUTPUT)]
    output: PathBuf,
    /// Accept only findings at or above this severity [default: info, or the configuration's].
    #[arg(long, value_enum)]
    min_severity: Option<Severity>,
    /// Article date (YYYY-MM-DD) for articles that do not give one.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    #[command(flatten)]
    files: FileArgs,
    /// Input format, instead of the one implied by each file's extension.
    #[arg(long, value_enum)]
    input_format: Option<Format>,
}

/// Run `copydesk baseline`: check the articles and write every finding to the baseline.
pub fn write_baseline(args: &BaselineArgs) -> Status {
    let options = CheckOptions {
        date: args.date.clone(),
        format: args.input_format,
        max_file_size: Some(args.files.max_file_size_bytes()),
        // Fingerprints read the sentences around each finding.
        drop_prose: false,
    };
    let mut projects = args.rule_args.projects();
    if let Err(status) = plan::load_first(&args.paths, &mut projects) {
        return status;
    }
    let mut errors: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    let mut checked = 0;
    let walked = plan::check_each(
        &args.paths,
        args.input_format,
        args.files.follow,
        &mut projects,
        &options,
        |_| true,
        |job, result| {
            match result {
                Ok(file) => {
                    checked += 1;
                    let min_severity = args.min_severity.unwrap_or(job.settings.min_severity);
                    let accepted = file.findings.iter().filter(|f| f.severity >= min_severity);
                    entries.extend(accepted.map(|f| Entry::of(&file.doc, f)));
                }
                Err(e) if e.is_skip() => eprintln!("copydesk: note: {e}"),
                Err(e) => errors.push(e.to_string()),
            }
            true
        },
    );
    match walked {
        Ok(walked) => {
            for e in walked.skipped {
                eprintln!("copydesk: note: {}", e.message);
            }
            errors.extend(walked.errors.into_iter().map(|e| e.message));
        }
        Err(status) => return status,
    }
    let baseline = Baseline::from_entries(entries);
    if let Err(e) = baseline.write(&args.output) {
        eprintln!("copydesk: error: {e}");
        return Status::Error;
    }
    println!(
        "{}: {} accepted {} ({} {}) in {} {}",
        args.output.display(),
        baseline.occurrences(),
        plural(baseline.occurrences(), "finding"),
        baseline.entries().len(),
        plural(baseline.entries().len(), "entry"),
        checked,
        plural(checked, "file"),
    );
    for e in &errors {
        eprintln!("copydesk: error: {e}");
    }
    if errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    }
}

/// Read the baseline given to `check --baseline`, if any; an unreadable or malformed
/// file is reported and stops the run.
pub fn load(path: Option<&Path>) -> Result<Option<Baseline>, Status> {
    let Some(path) = path else {
        return Ok(None);
    };
    match Baseline::read(path) {
        Ok(baseline) => Ok(Some(baseline)),
        Err(e) => {
            eprintln!("copydesk: error: {e}");
            eprintln!("copydesk: error: the baseline could not be read; nothing was checked");
            Err(Status::Error)
        }
    }
}

/// Remove the findings `baseline` accepts from `file` and record its stale entries.
pub fn accept(baseline: Option<&Baseline>, file: &mut CheckedFile, summary: &mut Summary) {
    if let Some(baseline) = baseline {
        summary.stale_baseline.extend(baseline.filter(file));
    }
}

/// Tell people about stale entries on standard error (the JSON report lists them itself).
pub fn note_stale(format: OutputFormat, summary: &Summary) {
    if format == OutputFormat::Json || summary.stale_baseline.is_empty() {
        return;
    }
    for e in &summary.stale_baseline {
        let times = if e.count > 1 {
            format!(" ({} occurrences)", e.count)
        } else {
            String::new()
        };
        eprintln!(
            "copydesk: note: stale baseline entry, no longer found{times}: {} (line {} when accepted): “{}” [{}]",
            e.path, e.line, e.matched, e.rule
        );
    }
    let n = summary.stale_baseline.len();
    eprintln!(
        "copydesk: note: {n} stale baseline {}; run `copydesk baseline` again to drop {}",
        plural(n, "entry"),
        if n == 1 { "it" } else { "them" }
    );
}

fn plural(n: usize, word: &str) -> String {
    match (n, word.strip_suffix('y')) {
        (1, _) => word.to_owned(),
        (_, Some(stem)) => format!("{stem}ies"),
        _ => format!("{word}s"),
    }
}
