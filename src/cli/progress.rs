//! The progress bar of long runs, on standard error and only for people watching.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs of fewer files finish too quickly for a bar to help.
const MIN_FILES: usize = 10;

/// A counter of checked files, drawn on standard error only when someone is watching.
/// Folders are walked as they are checked, so the total is not known in advance: the
/// bar counts files and shows the rate.
pub struct Progress {
    bar: ProgressBar,
    watched: bool,
}

impl Progress {
    /// A counter drawn only when standard error is a terminal, `CI` is not set and
    /// `--no-progress` was not given, and only once the run is long enough.
    pub fn new(no_progress: bool) -> Progress {
        let watched = !no_progress && std::env::var_os("CI").is_none() && io::stderr().is_terminal();
        let style = ProgressStyle::with_template("{spinner} {pos} files checked, {per_sec}, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        Progress {
            bar: ProgressBar::hidden().with_style(style),
            watched,
        }
    }

    /// Count one checked file.
    pub fn inc(&self) {
        self.bar.inc(1);
        if self.watched && self.bar.position() == MIN_FILES as u64 {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Run `write` with the bar taken off the terminal, so output never mixes with it.
    pub fn suspend<T>(&self, write: impl FnOnce() -> T) -> T {
        self.bar.suspend(write)
    }

    /// Remove the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
