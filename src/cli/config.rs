//! `copydesk config`: the configuration that applies to a file, resolved.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::plan::stop_on_config_errors;
use super::{RuleArgs, Status};

/// Arguments of `copydesk config`.
#[derive(Args)]
pub struct ConfigArgs {
    /// The file (or folder) to resolve the configuration for [default: the current folder].
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,
    #[command(flatten)]
    rule_args: RuleArgs,
}

/// Run `copydesk config`.
pub fn show(args: &ConfigArgs) -> Status {
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let mut projects = args.rule_args.projects();
    let project = if path.is_dir() {
        projects.for_dir(&path)
    } else {
        projects.for_file(&path)
    };
    if let Err(status) = stop_on_config_errors(&mut projects) {
        return status;
    }
    let Some(project) = project else {
        return Status::Error;
    };
    let text = project.describe(&path).to_yaml();
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Status::Clean
}
