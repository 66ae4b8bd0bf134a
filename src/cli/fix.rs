//! `copydesk fix`: apply the safe fixes of articles, or show them as a diff.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use copydesk::fix::{unified_diff, write_fixed, FixPlan};
use copydesk::{CheckOptions, CheckedFile, Format, Job, SourceError};

use super::plan;
use super::{parse_date, FileArgs, RuleArgs, Status};

/// The name standard input is known by in messages and diff headers.
const STDIN_NAME: &str = "<stdin>";

/// Arguments of `copydesk fix`.
#[derive(Args)]
pub(super) struct FixArgs {
    /// Files and folders to fix (folders are walked for .txt, .md, .markdown); `-` reads
    /// standard input and writes the fixed text to standard output.
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rule_args: RuleArgs,
    /// Article date (YYYY-MM-DD) for articles that do not give one.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    #[command(flatten)]
    files: FileArgs,
    /// Input format, instead of the one implied by each file's extension.
    #[arg(long, value_enum)]
    input_format: Option<Format>,
    /// Print the fixes as a unified diff and write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Counts over a whole run.
#[derive(Default)]
struct Totals {
    fixed_findings: usize,
    fixed_files: usize,
    left: usize,
    failed: bool,
}

/// Run `copydesk fix`.
pub(super) fn fix(args: &FixArgs) -> Status {
    let options = CheckOptions {
        date: args.date.clone(),
        format: args.input_format,
        max_file_size: Some(args.files.max_file_size_bytes()),
        // Fixes that delete lines read the prose lines.
        drop_prose: false,
    };
    let (paths, use_stdin) = plan::split_stdin(&args.paths);
    if paths.is_empty() && !use_stdin {
        eprintln!("copydesk: error: nothing to fix: give files or folders, or `-` for standard input");
        return Status::Error;
    }
    let mut projects = args.rule_args.projects();
    let stdin_job = if use_stdin {
        plan::job(PathBuf::from(STDIN_NAME), args.input_format, &mut projects)
    } else {
        None
    };
    if let Err(status) = plan::load_first(&paths, &mut projects) {
        return status;
    }
    let mut totals = Totals::default();
    if let Some(job) = &stdin_job {
        fix_stdin(job, args, &options, &mut totals);
    }
    let walked = plan::check_each(
        &paths,
        args.input_format,
        args.files.follow,
        &mut projects,
        &options,
        |_| true,
        |job, result| {
            match result {
                Ok(file) => fix_file(&job.path, &file, args.dry_run, &mut totals),
                Err(e) if e.is_skip() => eprintln!("copydesk: note: {e}"),
                Err(e) => {
                    eprintln!("copydesk: error: {e}");
                    totals.failed = true;
                }
            }
            true
        },
    );
    match walked {
        Ok(walked) => {
            for e in walked.skipped {
                eprintln!("copydesk: note: {}", e.message);
            }
            for e in walked.errors {
                eprintln!("copydesk: error: {}", e.message);
                totals.failed = true;
            }
        }
        Err(status) => return status,
    }
    let verb = if args.dry_run { "would fix" } else { "fixed" };
    eprintln!(
        "{verb} {} in {}; {} left to review",
        count(totals.fixed_findings, "finding"),
        count(totals.fixed_files, "file"),
        count(totals.left, "finding"),
    );
    if totals.failed {
        Status::Error
    } else {
        Status::Clean
    }
}

/// Plan, report and write (or diff) the fixes of one checked file.
fn fix_file(path: &Path, file: &CheckedFile, dry_run: bool, totals: &mut Totals) {
    let plan = plan(file, totals);
    if plan.is_empty() {
        return;
    }
    let fixed = plan.apply(&file.doc.text);
    if dry_run {
        print_diff(&file.doc.path, &file.doc.text, &fixed, totals);
        count_fixed(&plan, totals);
        return;
    }
    match write_fixed(path, file.doc.text.as_bytes(), &fixed) {
        Ok(()) => {
            eprintln!(
                "fixed {} in {}",
                count(plan.fixed.len(), "finding"),
                file.doc.path
            );
            count_fixed(&plan, totals);
        }
        Err(e) => {
            eprintln!("copydesk: error: {e}");
            totals.left += plan.fixed.len();
            totals.failed = true;
        }
    }
}

/// Fix standard input: the fixed text (or, with `--dry-run`, the diff) goes to standard output.
fn fix_stdin(job: &Job, args: &FixArgs, options: &CheckOptions, totals: &mut Totals) {
    let mut bytes = Vec::new();
    let checked = io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| SourceError::Io {
            path: PathBuf::from(STDIN_NAME),
            source,
        })
        .and_then(|_| job.run_on(bytes, options));
    let file = match checked {
        Ok(file) => file,
        Err(e) => {
            eprintln!("copydesk: error: {e}");
            totals.failed = true;
            return;
        }
    };
    let plan = plan(&file, totals);
    let fixed = plan.apply(&file.doc.text);
    if args.dry_run {
        print_diff(STDIN_NAME, &file.doc.text, &fixed, totals);
    } else if let Err(e) = io::stdout().lock().write_all(fixed.as_bytes()) {
        eprintln!("copydesk: error: cannot write the fixed text: {e}");
        totals.failed = true;
        return;
    }
    count_fixed(&plan, totals);
}

/// Plan the fixes of a file, report the refused ones and count the findings left.
fn plan(file: &CheckedFile, totals: &mut Totals) -> FixPlan {
    let plan = FixPlan::new(&file.doc, &file.findings);
    for skipped in &plan.skipped {
        let finding = &file.findings[skipped.finding];
        let at = file.doc.line_col(finding.span.start);
        eprintln!(
            "{}:{}:{}: fix of {} not applied: {}",
            file.doc.path,
            at.line,
            at.column,
            finding.rule_id(),
            skipped.reason
        );
    }
    totals.left += file.findings.len() - plan.fixed.len();
    plan
}

fn count_fixed(plan: &FixPlan, totals: &mut Totals) {
    if !plan.fixed.is_empty() {
        totals.fixed_findings += plan.fixed.len();
        totals.fixed_files += 1;
    }
}

fn print_diff(path: &str, old: &str, new: &str, totals: &mut Totals) {
    let diff = unified_diff(path, old, new);
    if let Err(e) = io::stdout().lock().write_all(diff.as_bytes()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: cannot write the diff: {e}");
            totals.failed = true;
        }
    }
}

/// "1 finding", "3 findings".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
