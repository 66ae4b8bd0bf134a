//! The language server end to end: the built binary driven over stdio as an editor would.

#[path = "common/lsp_client.rs"]
mod lsp_client;

use std::path::Path;

use lsp_client::{file_uri, Client};
use serde_json::{json, Value};

fn start(dir: &Path) -> Client {
    Client::start(Path::new(env!("CARGO_BIN_EXE_copydesk")), dir, &[])
}

/// Apply LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().expect("well-formed edit") as usize;
        let character = position["character"].as_u64().expect("well-formed edit") as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().expect("well-formed edit"),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

fn find<'a>(diagnostics: &'a Value, code: &str) -> &'a Value {
    diagnostics["diagnostics"]
        .as_array()
        .expect("well-formed edit")
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics}"))
}

const STORY: &str =
    "# Talks 😀 in 東京\n\nReports suggest the café in Kiev will close.\n\nComments are closed.\n";

#[test]
fn open_change_code_action_and_shutdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("story.md");
    std::fs::write(&path, STORY).expect("write");
    let uri = file_uri(&path);
    let mut client = start(dir.path());
    let init = client.initialize(dir.path(), json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "copydesk");

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": STORY}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let kiev = find(&published, "copydesk/misspelled-name");
    // "Reports suggest the café in " is 28 UTF-16 units on line 2 (0-based).
    assert_eq!(
        kiev["range"],
        json!({"start": {"line": 2, "character": 28}, "end": {"line": 2, "character": 32}})
    );
    assert_eq!(kiev["severity"], 2);
    assert_eq!(kiev["source"], "copydesk");
    let vague = find(&published, "copydesk/vague-source");
    assert_eq!(vague["range"]["start"], json!({"line": 2, "character": 0}));

    let changed = format!("An added line with 😀😀.\n\n{STORY}");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    let kiev = find(&published, "copydesk/misspelled-name").clone();
    assert_eq!(kiev["range"]["start"], json!({"line": 4, "character": 28}));

    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": kiev["range"], "context": {"diagnostics": [kiev]}}),
    );
    let actions = actions.as_array().expect("actions");
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(
        titles.contains(&"Disable copydesk/misspelled-name for this line"),
        "{titles:?}"
    );
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Fix: replace with “Kyiv”")
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][&uri]
        .as_array()
        .expect("edits for the document");
    let fixed = apply(&changed, edits);
    assert!(fixed.contains("the café in Kyiv will close"), "{fixed}");

    // The editor applies the edit and sends the new text: the finding is gone.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": fixed}]}),
    );
    let published = client.diagnostics(&uri);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(!codes.contains(&"copydesk/misspelled-name"), "{codes:?}");
    assert_eq!(client.finish(), Some(0));
}

#[test]
fn disabling_a_rule_for_a_line_inserts_a_suppression() {
    let dir = tempfile::tempdir().expect("temp dir");
    let uri = file_uri(&dir.path().join("page.html"));
    let page = "<p>Reports suggest <em>the</em> plan failed.</p>\n";
    let mut client = start(dir.path());
    client.initialize(dir.path(), json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "html", "version": 1, "text": page}}),
    );
    let vague = find(&client.diagnostics(&uri), "copydesk/vague-source").clone();
    assert_eq!(vague["range"]["start"], json!({"line": 0, "character": 3}));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": vague["range"], "context": {"diagnostics": [vague]}}),
    );
    let disable = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable copydesk/vague-source for this line")
        .expect("a disable action");
    let fixed = apply(page, disable["edit"]["changes"][&uri].as_array().unwrap());
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["diagnostics"], json!([]), "{fixed}");
    assert_eq!(client.finish(), Some(0));
}

#[test]
fn utf8_positions_when_offered_and_edits_coalesce() {
    let dir = tempfile::tempdir().expect("temp dir");
    let uri = file_uri(&dir.path().join("story.txt"));
    let mut client = start(dir.path());
    let init = client.initialize(
        dir.path(),
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "Fine.\n"}}),
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    for version in 2..=40 {
        let text = format!("Édition {version} à 東京: Kiev.\n");
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }
    let mut published = client.diagnostics(&uri);
    let mut rounds = 1;
    while published["version"] != 40 {
        published = client.diagnostics(&uri);
        rounds += 1;
    }
    assert!(rounds < 39, "every edit was checked: nothing coalesced");
    let kiev = find(&published, "copydesk/misspelled-name");
    // "Édition 40 à 東京: " is 23 bytes.
    assert_eq!(kiev["range"]["start"], json!({"line": 0, "character": 23}));
    assert_eq!(client.finish(), Some(0));
}

#[test]
fn a_broken_configuration_is_a_diagnostic_on_its_file_and_a_fix_rechecks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("copydesk.yaml");
    std::fs::write(&config, "disable: [vague-sorce]\n").expect("write");
    let uri = file_uri(&dir.path().join("story.txt"));
    let mut client = start(dir.path());
    client.initialize(
        dir.path(),
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "Reports suggest it.\n"}}),
    );
    let on_config = client.diagnostics(&file_uri(&config));
    let problem = &on_config["diagnostics"][0];
    assert_eq!(problem["range"]["start"], json!({"line": 0, "character": 10}));
    assert!(problem["message"].as_str().unwrap().contains("vague-sorce"));
    let on_story = client.diagnostics(&uri);
    assert_eq!(on_story["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(on_story["diagnostics"][0]["severity"], 1);

    std::fs::write(&config, "disable: [boilerplate]\n").expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    assert_eq!(client.diagnostics(&file_uri(&config))["diagnostics"], json!([]));
    let on_story = client.diagnostics(&uri);
    find(&on_story, "copydesk/vague-source");
    assert_eq!(client.finish(), Some(0));
}
