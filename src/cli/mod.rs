//! The command line: a thin layer over the library that maps results to exit statuses.

mod baseline;
mod batch;
mod check;
mod config;
mod fix;
mod plan;
mod progress;
mod rules;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use copydesk::config::raw::FailOn;
use copydesk::report::OutputFormat;
use copydesk::shard::Shard;
use copydesk::{Format, Severity};

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
    /// Accept the current findings: write them to a baseline file for `check --baseline`.
    Baseline(baseline::BaselineArgs),
    /// Apply the safe fixes of articles in place (or show them with --dry-run).
    Fix(fix::FixArgs),
    /// List the loaded rules.
    Rules(RuleArgs),
    /// Run every rule's own `tests` examples.
    TestRules(RuleArgs),
    /// Print the configuration that applies to a file.
    Config(config::ConfigArgs),
    /// Run a language server (LSP) over standard input and output, for editors.
    Lsp(RuleArgs),
}

/// How the files of a run are found and read: options of `check`, `baseline` and `fix`.
#[derive(Args)]
struct FileArgs {
    /// Skip files larger than this many megabytes (MiB), with a note.
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_MAX_FILE_SIZE_MB)]
    max_file_size: u64,
    /// Follow symbolic links while walking folders (a link back to a folder being walked
    /// is reported and not followed).
    #[arg(long)]
    follow: bool,
}

impl FileArgs {
    /// `--max-file-size` in bytes.
    fn max_file_size_bytes(&self) -> u64 {
        self.max_file_size.saturating_mul(1 << 20)
    }
}

#[derive(Args)]
struct RuleArgs {
    /// Add a rule pack: a folder of YAML rule files (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Do not load the embedded default pack.
    #[arg(long)]
    no_default_rules: bool,
    /// Use this configuration for every file instead of finding `copydesk.yaml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long)]
    no_config: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Kinds of batch input of `check --input`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// JSON Lines records (`id`, `text`, optional `format`, `date`, `path`) on standard input.
    Jsonl,
}

/// Files larger than this are skipped unless `--max-file-size` says otherwise: no article
/// is this long, but a scraped page or a log saved as `.txt` may be.
pub const DEFAULT_MAX_FILE_SIZE_MB: u64 = 10;

#[derive(Args)]
struct CheckArgs {
    /// Files and folders to check (folders are walked for .txt, .md, .markdown, .html, .htm); `-` reads standard input.
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rule_args: RuleArgs,
    /// Output format [default: human; jsonl with --input jsonl, which writes no other].
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Report only findings at or above this severity [default: info, or the configuration's].
    #[arg(long, value_enum)]
    min_severity: Option<Severity>,
    /// Exit 1 when a finding at or above this severity is reported [default: warning, or the configuration's].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Article date (YYYY-MM-DD) for articles that do not give one.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    #[command(flatten)]
    files: FileArgs,
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
    /// Report only findings not accepted in this baseline file (see `copydesk baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Read articles as records from standard input instead of files, in batches.
    #[arg(
        long,
        value_enum,
        value_name = "KIND",
        conflicts_with_all = ["paths", "stdin", "stdin_filename", "shard"]
    )]
    input: Option<InputKind>,
    /// Check only shard I of N (1-based) of the files, split by a stable hash of each path.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// Never show a progress bar (it shows only on a terminal, outside CI, for ten or more files).
    #[arg(long)]
    no_progress: bool,
}

impl CheckArgs {
    /// The output format asked for, or the default of the input kind.
    fn output_format(&self) -> OutputFormat {
        self.format.unwrap_or(match self.input {
            Some(InputKind::Jsonl) => OutputFormat::JsonLines,
            None => OutputFormat::Human,
        })
    }
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
        Command::Check(args) => check::check(&args),
        Command::Baseline(args) => baseline::write_baseline(&args),
        Command::Fix(args) => fix::fix(&args),
        Command::Rules(args) => rules::list_rules(&args),
        Command::TestRules(args) => rules::test_rules(&args),
        Command::Config(args) => config::show(&args),
        Command::Lsp(args) => lsp(&args),
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

fn lsp(args: &RuleArgs) -> Status {
    let options = copydesk::lsp::LspOptions {
        cli: copydesk::config::CommandLineRules {
            packs: args.rules.clone(),
            no_default_rules: args.no_default_rules,
        },
        config: args.config.clone(),
        no_config: args.no_config,
    };
    match copydesk::lsp::serve_stdio(options) {
        Ok(copydesk::lsp::Ending::Clean) => Status::Clean,
        Ok(copydesk::lsp::Ending::Abrupt) => Status::Findings,
        Err(e) => {
            eprintln!("copydesk: error: language server: {e}");
            Status::Error
        }
    }
}
