//! The progress bar of long runs, on standard error and only for people watching.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs of fewer files finish too quickly for a bar to help.
const MIN_FILES: usize = 10;

/// A bar counting checked files, or nothing when no one is watching.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar for `files` files, drawn only when standard error is a terminal, `CI` is not
    /// set, the run is long enough and `--no-progress` was not given.
    pub fn for_files(files: usize, no_progress: bool) -> Progress {
        let watched = !no_progress
            && files >= MIN_FILES
            && std::env::var_os("CI").is_none()
            && io::stderr().is_terminal();
        if !watched {
            return Progress {
                bar: ProgressBar::hidden(),
            };
        }
        let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files checked, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar =
            ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr()).with_style(style);
        bar.tick();
        Progress { bar }
    }

    /// Count one checked file (from any thread).
    pub fn inc(&self) {
        self.bar.inc(1);
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
