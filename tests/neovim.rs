//! A real editor as the client: headless Neovim (Debian's package) starts `copydesk lsp`
//! through `tests/editors/neovim.lua` and must show the diagnostics `copydesk check`
//! reports, at the same places. CI installs Neovim; elsewhere the test is skipped when
//! `nvim` is missing.

use std::path::Path;
use std::process::Command;

fn nvim_available() -> bool {
    Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `line:byte-column:rule:severity` of every finding `copydesk check` reports for `file`.
fn expected(file: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "--no-config"])
        .arg(file)
        .output()
        .expect("check runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let text = std::fs::read_to_string(file).expect("readable");
    let lines: Vec<(u64, u64, String)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let line = f["line"].as_u64().expect("line");
            let byte = f["byte_start"].as_u64().expect("byte") as usize;
            let line_start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
            let severity = match f["severity"].as_str() {
                Some("error") => 1,
                Some("warning") => 2,
                _ => 3,
            };
            let rule = f["rule"].as_str().expect("rule").to_owned();
            (line, (byte - line_start + 1) as u64, format!("{rule}:{severity}"))
        })
        .collect();
    let mut shown: Vec<String> = lines
        .into_iter()
        .map(|(l, c, rest)| format!("{l}:{c}:{rest}"))
        .collect();
    shown.sort();
    shown
}

#[test]
fn neovim_shows_the_diagnostics_of_a_fixture() {
    if !nvim_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Neovim (see .ci/run)"
        );
        eprintln!("skipped: nvim is not installed");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    for fixture in ["names-slips.md", "tallinn-summit.html", "crlf-unicode.txt"] {
        let file = dir.path().join(fixture);
        std::fs::copy(root.join("tests/fixtures/articles").join(fixture), &file).expect("copy");
        let out_file = dir.path().join(format!("{fixture}.out"));
        let status = Command::new("nvim")
            .args(["--headless", "--clean", "-u"])
            .arg(root.join("tests/editors/neovim.lua"))
            .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
            .env("COPYDESK_FILE", &file)
            .env("COPYDESK_OUT", &out_file)
            .current_dir(dir.path())
            .status()
            .expect("nvim runs");
        assert!(status.success(), "{fixture}: nvim failed");
        let shown = std::fs::read_to_string(&out_file).expect("nvim wrote its diagnostics");
        let shown: Vec<String> = shown.lines().map(str::to_owned).collect();
        let mut shown_sorted = shown.clone();
        shown_sorted.sort();
        assert!(!shown.is_empty() && shown[0] != "timeout", "{fixture}: {shown:?}");
        assert_eq!(shown_sorted, expected(&file), "{fixture}");
    }
}
