//! The command line: a thin layer over the library that maps results to exit statuses.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use copydesk::report::{self, FileError, OutputFormat, Summary};
use copydesk::{
    files, selftest, CheckOptions, CheckedFile, Format, RuleSet, RuleSource, Severity, SourceError,
};

/// Files checked in parallel before their results are written.
const BATCH: usize = 256;

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Checks news copy for fact-consistency problems before it is published"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles (files, folders, or standard input).
    Check(CheckArgs),
    /// List the loaded rules.
    Rules(RuleArgs),
    /// Run every rule's own `tests` examples.
    TestRules(RuleArgs),
}

#[derive(Args)]
struct RuleArgs {
    /// Add a rule pack: a folder of YAML rule files (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Do not load the embedded default pack.
    #[arg(long)]
    no_default_rules: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct CheckArgs {
    /// Files and folders to check (folders are walked for .txt, .md, .markdown); `-` reads standard input.
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rule_args: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// Report only findings at or above this severity.
    #[arg(long, value_enum, default_value = "info")]
    min_severity: Severity,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "warning")]
    fail_on: FailOn,
    /// Article date (YYYY-MM-DD) for articles that do not give one.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    /// Read the article from standard input.
    #[arg(long)]
    stdin: bool,
    /// Name to report for standard input (its extension sets the format).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Input format, instead of the one implied by each file's extension.
    #[arg(long, value_enum)]
    input_format: Option<Format>,
    /// Colour in the human format.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
}

/// Exit statuses: 0 clean, 1 findings, 2 usage, rule or I/O error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Clean = 0,
    Findings = 1,
    Error = 2,
}

/// Parse the command line and run; returns the process exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { Status::Error as u8 } else { 0 });
        }
    };
    let status = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules(args) => list_rules(&args),
        Command::TestRules(args) => test_rules(&args),
    };
    ExitCode::from(status as u8)
}

fn parse_date(value: &str) -> Result<String, String> {
    let parts: Vec<&str> = value.split('-').collect();
    let valid = parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && matches!(parts[1].parse::<u32>(), Ok(1..=12))
        && matches!(parts[2].parse::<u32>(), Ok(1..=31));
    if valid {
        Ok(value.to_owned())
    } else {
        Err(format!("`{value}` is not a date of the form YYYY-MM-DD"))
    }
}

fn load_rules(args: &RuleArgs) -> Result<RuleSet, Status> {
    let mut sources = Vec::new();
    if !args.no_default_rules {
        sources.push(RuleSource::Builtin);
    }
    sources.extend(args.rules.iter().cloned().map(RuleSource::Dir));
    RuleSet::load(&sources).map_err(|e| {
        eprintln!("{e}");
        eprintln!("copydesk: error: the rules could not be loaded; nothing was checked");
        Status::Error
    })
}

fn check(args: &CheckArgs) -> Status {
    let rules = match load_rules(&args.rule_args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let options = CheckOptions {
        date: args.date.clone(),
        format: args.input_format,
    };
    let use_stdin = args.stdin || args.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    if paths.is_empty() && !use_stdin {
        eprintln!("copydesk: error: nothing to check: give files or folders, or `-` for standard input");
        return Status::Error;
    }
    let (files, walk_errors) = files::collect(&paths);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut reporter = report::reporter(args.format, color);
    let mut summary = Summary::default();
    for e in walk_errors {
        summary.errors.push(FileError {
            path: e.path.clone(),
            message: e.to_string(),
        });
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut worst: Option<Severity> = None;
    let mut emit = |result: Result<CheckedFile, SourceError>, summary: &mut Summary| -> io::Result<()> {
        match result {
            Ok(mut file) => {
                file.findings.retain(|f| f.severity >= args.min_severity);
                summary.files += 1;
                for f in &file.findings {
                    summary.count(f.severity);
                    worst = worst.max(Some(f.severity));
                }
                reporter.file(&mut out, &file)
            }
            Err(e) => {
                summary.errors.push(file_error(&e));
                Ok(())
            }
        }
    };
    let mut written = Ok(());
    if use_stdin {
        written = emit(check_stdin(&rules, args, &options), &mut summary);
    }
    for chunk in files.chunks(BATCH) {
        if written.is_err() {
            break;
        }
        for result in rules.check_files(chunk, &options) {
            written = written.and_then(|()| emit(result, &mut summary));
        }
    }
    let finished = written
        .and_then(|()| reporter.finish(&mut out, &summary))
        .and_then(|()| out.flush());
    drop(out);
    for e in &summary.errors {
        eprintln!("copydesk: error: {}", e.message);
    }
    if let Err(e) = finished {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: cannot write the report: {e}");
            return Status::Error;
        }
    }
    status_of(&summary, worst, args.fail_on)
}

fn status_of(summary: &Summary, worst: Option<Severity>, fail_on: FailOn) -> Status {
    if !summary.errors.is_empty() {
        return Status::Error;
    }
    let threshold = match fail_on {
        FailOn::Info => Severity::Info,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
        FailOn::Never => return Status::Clean,
    };
    if worst.is_some_and(|w| w >= threshold) {
        Status::Findings
    } else {
        Status::Clean
    }
}

fn file_error(e: &SourceError) -> FileError {
    let path = match e {
        SourceError::Io { path, .. } => path.display().to_string(),
        SourceError::InvalidUtf8 { path, .. } | SourceError::FrontMatter { path, .. } => path.clone(),
    };
    FileError {
        path,
        message: e.to_string(),
    }
}

fn check_stdin(
    rules: &RuleSet,
    args: &CheckArgs,
    options: &CheckOptions,
) -> Result<CheckedFile, SourceError> {
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".to_owned());
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| SourceError::Io {
            path: PathBuf::from(&name),
            source,
        })?;
    let format = options
        .format
        .unwrap_or_else(|| Format::from_path(std::path::Path::new(&name)));
    rules.check_bytes(&name, bytes, format, options)
}

fn list_rules(args: &RuleArgs) -> Status {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let width = rules.rules().iter().map(|r| r.id().len()).max().unwrap_or(0);
    let mut out = io::stdout().lock();
    for rule in rules.rules() {
        let line = format!(
            "{:width$}  {:11}  {:7}  {}",
            rule.id(),
            rule.info.category.as_str(),
            rule.severity.as_str(),
            rule.description(),
        );
        if writeln!(out, "{}", line.trim_end()).is_err() {
            break;
        }
    }
    Status::Clean
}

fn test_rules(args: &RuleArgs) -> Status {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let report = selftest::run(&rules);
    for failure in &report.failures {
        println!("{failure}");
    }
    for id in &report.untested {
        eprintln!("copydesk: note: rule {id} lacks a `flag` or a `pass` example");
    }
    println!(
        "{} passed, {} failed",
        report.examples - report.failures.len(),
        report.failures.len()
    );
    if report.failures.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    }
}
