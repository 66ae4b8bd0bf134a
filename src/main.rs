//! The `copydesk` binary.

mod cli;

/// A faster allocator than the system's for the many small, short-lived buffers of checking.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
