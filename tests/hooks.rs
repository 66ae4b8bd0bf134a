//! The pipeline hooks shipped with the repository: pre-commit hooks and the GitHub
//! Actions example are well formed and run commands that exist.

use std::process::Command;

fn yaml(path: &str) -> serde_yaml::Value {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("readable");
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `copydesk` arguments of a hook entry or workflow step, run on a fixture.
fn runs(command: &str, extra: &[&str]) -> std::process::Output {
    // Drop the shell's redirection and variables: the fixture stands for them.
    let command = command.split('>').next().unwrap_or_default();
    let mut words = command.split_whitespace();
    assert_eq!(words.next(), Some("copydesk"), "{command}");
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(words.filter(|w| !w.starts_with('"')))
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

#[test]
fn pre_commit_hooks_name_real_commands() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    assert!(!hooks.is_empty());
    for hook in hooks {
        for key in ["id", "name", "entry", "language", "files"] {
            assert!(hook[key].is_string(), "hook lacks `{key}`: {hook:?}");
        }
        assert_eq!(hook["language"], "rust");
        let files = regex::Regex::new(hook["files"].as_str().unwrap()).expect("files is a regex");
        for article in ["story.md", "page.html", "wire.txt"] {
            assert!(files.is_match(article), "{article}");
        }
        assert!(!files.is_match("build.rs"));
        let entry = hook["entry"].as_str().unwrap();
        let help = runs(entry, &["--help"]);
        assert_eq!(help.status.code(), Some(0), "`{entry} --help` fails");
    }
    let check = hooks
        .iter()
        .find(|h| h["id"] == "copydesk")
        .expect("the check hook");
    let out = runs(
        check["entry"].as_str().unwrap(),
        &["tests/fixtures/articles/harbour-footer.txt"],
    );
    assert_eq!(out.status.code(), Some(1), "findings fail the hook");
}

#[test]
fn github_workflow_uploads_sarif() {
    let workflow = yaml("examples/ci/github-actions.yml");
    assert_eq!(workflow["permissions"]["security-events"], "write");
    let steps = workflow["jobs"]["check"]["steps"].as_sequence().expect("steps");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    let sarif_file = upload["with"]["sarif_file"].as_str().expect("sarif_file");
    let writes = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .find(|r| r.contains("--format sarif"))
        .expect("a step writing SARIF");
    assert!(writes.ends_with(&format!("> {sarif_file}")), "{writes}");
    for run in steps.iter().filter_map(|s| s["run"].as_str()) {
        if run.starts_with("copydesk ") {
            let out = runs(run, &["tests/fixtures/articles/clean-report.txt"]);
            assert_eq!(out.status.code(), Some(0), "`{run}` on a clean article");
        }
    }
}

#[test]
fn line_format_suits_editor_error_formats() {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "line", "--stdin-filename", "draft.md", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::fs::File::open("tests/fixtures/articles/style-slips.md").expect("fixture"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // Vim: %f:%l:%c: %t%*[a-z]: %m   Emacs compile: FILE:LINE:COL: …
    let format =
        regex::Regex::new(r"^draft\.md:\d+:\d+: (info|warning|error): .+ \[[\w-]+/[\w-]+\]$").unwrap();
    assert!(text.lines().count() > 0);
    for line in text.lines() {
        assert!(format.is_match(line), "{line}");
    }
}
