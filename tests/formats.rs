//! The `sarif`, `github`, `checkstyle` and `jsonl` formats, end to end through the binary:
//! each against the structure its consumers require, positions against the `json` format,
//! escaping of awkward messages and paths, and one reviewed snapshot per format.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use regex::Regex;
use serde_json::Value;

const NAMES: &str = "tests/fixtures/articles/names-slips.md";
const ARTICLES: &str = "tests/fixtures/articles";
const MISSING: &str = "tests/fixtures/articles/no-such-article.txt";

/// A rule whose message holds every character the formats must escape.
const AWKWARD_RULE: &str = r#"- id: awkward-message
  category: style
  severity: error
  message: "Odd: 50%, <b> & \"q\"\nsecond line {match}"
  check:
    pattern:
      terms: ["ferry"]
"#;
const AWKWARD_MESSAGE: &str = "Odd: 50%, <b> & \"q\"\nsecond line ferry";
/// A file name with a comma, a colon, a space and a percent sign.
const AWKWARD_FILE: &str = "odd, name: 1%.txt";

fn copydesk_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn copydesk(args: &[&str]) -> Output {
    copydesk_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// Check `text`, saved as `file` in a fresh folder, with the awkward rule alone, from
/// that folder.
fn run_awkward_rule(format: &str, file: &str, text: &str) -> Output {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("tricky")).expect("pack folder");
    std::fs::write(dir.path().join("tricky/rules.yaml"), AWKWARD_RULE).expect("write rule");
    std::fs::write(dir.path().join(file), text).expect("write article");
    copydesk_in(
        dir.path(),
        &[
            "check",
            "--no-default-rules",
            "--rules",
            "tricky",
            "--format",
            format,
            file,
        ],
    )
}

/// The awkward rule on an article with an awkward name.
fn awkward_run(format: &str) -> Output {
    run_awkward_rule(format, AWKWARD_FILE, "The ferry left at noon.\n")
}

/// The findings of the `json` format for the same arguments.
fn json_findings(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let json: Value = serde_json::from_str(&stdout(&copydesk(&all))).expect("valid JSON");
    json["findings"].as_array().expect("findings").clone()
}

// ---------------------------------------------------------------------------------------
// SARIF

const LEVELS: [&str; 4] = ["none", "note", "warning", "error"];

fn object<'a>(value: &'a Value, what: &str) -> &'a serde_json::Map<String, Value> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object: {value}"))
}

/// `value` is an object with every `required` key and no key outside `allowed` (the SARIF
/// schema forbids properties it does not define).
fn shape(value: &Value, what: &str, required: &[&str], allowed: &[&str]) {
    let map = object(value, what);
    for key in required {
        assert!(map.contains_key(*key), "{what} lacks required `{key}`: {value}");
    }
    for key in map.keys() {
        assert!(
            required.contains(&key.as_str()) || allowed.contains(&key.as_str()),
            "{what} has `{key}`, which SARIF does not define there"
        );
    }
}

fn text_message(value: &Value, what: &str) {
    shape(
        value,
        what,
        &["text"],
        &["markdown", "id", "arguments", "properties"],
    );
    assert!(
        value["text"].as_str().is_some_and(|t| !t.is_empty()),
        "{what}: empty text"
    );
}

fn positive(value: &Value, what: &str) -> u64 {
    let n = value
        .as_u64()
        .unwrap_or_else(|| panic!("{what} is not an integer: {value}"));
    assert!(n >= 1, "{what} must be at least 1");
    n
}

fn region(value: &Value, what: &str) {
    shape(
        value,
        what,
        &["startLine", "startColumn", "endLine", "endColumn"],
        &["snippet", "message", "sourceLanguage", "properties"],
    );
    let start = (
        positive(&value["startLine"], what),
        positive(&value["startColumn"], what),
    );
    let end = (
        positive(&value["endLine"], what),
        positive(&value["endColumn"], what),
    );
    assert!(start <= end, "{what}: region ends before it starts");
    if let Some(snippet) = value.get("snippet") {
        shape(snippet, "snippet", &["text"], &[]);
    }
}

fn uri(value: &Value, what: &str) -> String {
    shape(
        value,
        what,
        &["uri"],
        &["uriBaseId", "index", "description", "properties"],
    );
    let uri = value["uri"].as_str().expect("uri is a string").to_owned();
    let escapes = Regex::new("^([^%]|%[0-9A-F]{2})+$").expect("regex");
    assert!(escapes.is_match(&uri), "{what}: `{uri}` has a stray `%`");
    assert!(
        !uri.contains(['\\', ' ']),
        "{what}: `{uri}` is not a URI reference"
    );
    assert!(!uri.starts_with('/'), "{what}: `{uri}` is not relative");
    uri
}

fn location(value: &Value, what: &str, with_region: bool) {
    shape(
        value,
        what,
        &["physicalLocation"],
        &[
            "id",
            "message",
            "logicalLocations",
            "annotations",
            "relationships",
            "properties",
        ],
    );
    let physical = &value["physicalLocation"];
    let required: &[&str] = if with_region {
        &["artifactLocation", "region"]
    } else {
        &["artifactLocation"]
    };
    shape(
        physical,
        "physicalLocation",
        required,
        &["contextRegion", "address", "properties"],
    );
    uri(&physical["artifactLocation"], "artifactLocation");
    if with_region {
        region(&physical["region"], "region");
    }
}

/// Check a log against the structure the SARIF 2.1.0 schema requires, for every property
/// copydesk writes; returns the results.
fn check_sarif(log: &Value) -> Vec<Value> {
    shape(log, "sarifLog", &["$schema", "version", "runs"], &["properties"]);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .is_some_and(|s| s.ends_with("sarif-schema-2.1.0.json")));
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    shape(
        run,
        "run",
        &["tool", "invocations", "columnKind", "results"],
        &["properties"],
    );
    assert_eq!(run["columnKind"], "unicodeCodePoints");

    shape(&run["tool"], "tool", &["driver"], &["extensions", "properties"]);
    let driver = &run["tool"]["driver"];
    shape(
        driver,
        "driver",
        &["name", "version", "rules"],
        &["informationUri", "properties"],
    );
    assert_eq!(driver["name"], "copydesk");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    let mut ids = HashSet::new();
    for rule in rules {
        shape(
            rule,
            "reportingDescriptor",
            &[
                "id",
                "name",
                "shortDescription",
                "fullDescription",
                "help",
                "defaultConfiguration",
                "properties",
            ],
            &["helpUri"],
        );
        let id = rule["id"].as_str().expect("rule id");
        assert!(ids.insert(id.to_owned()), "rule {id} listed twice");
        assert_eq!(Some(rule["name"].as_str().expect("name")), id.split('/').nth(1));
        for key in ["shortDescription", "fullDescription", "help"] {
            text_message(&rule[key], key);
        }
        shape(&rule["defaultConfiguration"], "configuration", &["level"], &[]);
        assert!(LEVELS.contains(&rule["defaultConfiguration"]["level"].as_str().expect("level")));
        shape(&rule["properties"], "properties", &["tags"], &[]);
        assert_eq!(rule["properties"]["tags"].as_array().map(Vec::len), Some(1));
    }

    let results = run["results"].as_array().expect("results").clone();
    for result in &results {
        shape(
            result,
            "result",
            &[
                "ruleId",
                "ruleIndex",
                "level",
                "message",
                "locations",
                "partialFingerprints",
            ],
            &["relatedLocations", "fixes"],
        );
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at its rule"
        );
        assert!(LEVELS.contains(&result["level"].as_str().expect("level")));
        text_message(&result["message"], "result message");
        let locations = result["locations"].as_array().expect("locations");
        assert_eq!(locations.len(), 1);
        location(&locations[0], "location", true);
        let mut related_ids = HashSet::new();
        for related in result["relatedLocations"].as_array().into_iter().flatten() {
            location(related, "relatedLocation", true);
            assert!(related_ids.insert(related["id"].as_u64().expect("related id")));
            text_message(&related["message"], "related message");
        }
        let fingerprints = object(&result["partialFingerprints"], "partialFingerprints");
        assert!(!fingerprints.is_empty());
        assert!(fingerprints.values().all(Value::is_string));
        for fix in result["fixes"].as_array().into_iter().flatten() {
            shape(fix, "fix", &["description", "artifactChanges"], &["properties"]);
            text_message(&fix["description"], "fix description");
            for change in fix["artifactChanges"].as_array().expect("artifactChanges") {
                shape(
                    change,
                    "artifactChange",
                    &["artifactLocation", "replacements"],
                    &[],
                );
                uri(&change["artifactLocation"], "artifactLocation");
                let replacements = change["replacements"].as_array().expect("replacements");
                assert!(!replacements.is_empty());
                for replacement in replacements {
                    shape(
                        replacement,
                        "replacement",
                        &["deletedRegion", "insertedContent"],
                        &[],
                    );
                    region(&replacement["deletedRegion"], "deletedRegion");
                    shape(&replacement["insertedContent"], "insertedContent", &["text"], &[]);
                }
            }
        }
    }

    let invocations = run["invocations"].as_array().expect("invocations");
    assert_eq!(invocations.len(), 1);
    shape(
        &invocations[0],
        "invocation",
        &["executionSuccessful"],
        &["toolExecutionNotifications"],
    );
    for notification in invocations[0]["toolExecutionNotifications"]
        .as_array()
        .into_iter()
        .flatten()
    {
        shape(
            notification,
            "notification",
            &["level", "message", "locations"],
            &[],
        );
        assert_eq!(notification["level"], "error");
        text_message(&notification["message"], "notification message");
        for loc in notification["locations"].as_array().expect("locations") {
            location(loc, "notification location", false);
        }
    }
    results
}

fn sarif(args: &[&str]) -> (Output, Value) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let out = copydesk(&all);
    let log = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
    (out, log)
}

#[test]
fn sarif_has_the_structure_the_schema_requires() {
    let (out, log) = sarif(&[ARTICLES]);
    assert_eq!(out.status.code(), Some(1));
    let results = check_sarif(&log);
    assert!(results.len() > 20, "the fixtures have many findings");
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    assert!(invocation.get("toolExecutionNotifications").is_none());
    let with = |key: &str| results.iter().filter(|r| r.get(key).is_some()).count();
    assert!(with("relatedLocations") > 0 && with("fixes") > 0);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let used: HashSet<&str> = results.iter().filter_map(|r| r["ruleId"].as_str()).collect();
    assert_eq!(
        rules.len(),
        used.len(),
        "one descriptor per rule that produced results"
    );
}

#[test]
fn sarif_positions_and_snippets_agree_with_the_json_format() {
    let (_, log) = sarif(&[ARTICLES]);
    let results = check_sarif(&log);
    let json = json_findings(&[ARTICLES]);
    assert_eq!(results.len(), json.len());
    for (r, j) in results.iter().zip(&json) {
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], j["path"]);
        let region = &loc["region"];
        assert_eq!(
            [
                &region["startLine"],
                &region["startColumn"],
                &region["endLine"],
                &region["endColumn"]
            ],
            [&j["line"], &j["column"], &j["end_line"], &j["end_column"]],
            "{}",
            j["rule"]
        );
        assert_eq!(region["snippet"]["text"], j["match"]);
        assert_eq!(r["ruleId"], j["rule"]);
        assert_eq!(r["message"]["text"], j["message"]);
        let level = match j["severity"].as_str() {
            Some("info") => "note",
            other => other.expect("severity"),
        };
        assert_eq!(r["level"], level);
        let related = r["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(related, j["related"].as_array().map_or(0, Vec::len));
        assert_eq!(r.get("fixes").is_some(), !j["fix"].is_null());
    }
}

/// The text of a one-line region, read from `source` counting columns in code points.
fn text_at(source: &str, region: &Value) -> String {
    let line = region["startLine"].as_u64().expect("line") as usize;
    let text = source.split('\n').nth(line - 1).expect("line exists");
    let text = if line == 1 {
        text.trim_start_matches('\u{feff}')
    } else {
        text
    };
    let start = region["startColumn"].as_u64().expect("column") as usize - 1;
    let end = region["endColumn"].as_u64().expect("column") as usize - 1;
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn sarif_columns_count_code_points() {
    let (_, log) = sarif(&[ARTICLES]);
    let results = check_sarif(&log);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for r in &results {
        let location = &r["locations"][0]["physicalLocation"];
        let region = &location["region"];
        if region["startLine"] != region["endLine"] {
            continue;
        }
        let path = location["artifactLocation"]["uri"].as_str().expect("uri");
        let source = std::fs::read_to_string(root.join(path)).expect("fixture");
        assert_eq!(
            text_at(&source, region),
            region["snippet"]["text"].as_str().expect("text")
        );
        checked += 1;
    }
    assert!(checked > 20);

    // A character outside the Basic Multilingual Plane is one column, not two UTF-16 units.
    let text = "\u{1F6A2} A ferry at Zürich.\n";
    let out = run_awkward_rule("sarif", "ship.txt", text);
    let log: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let results = check_sarif(&log);
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startColumn"], &region["endColumn"]),
        (&5.into(), &10.into())
    );
    assert_eq!(text_at(text, region), "ferry");
}

#[test]
fn sarif_rules_carry_description_level_link_and_category() {
    let (_, log) = sarif(&[NAMES]);
    check_sarif(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let near = rules
        .iter()
        .find(|r| r["id"] == "copydesk/surname-first-reference")
        .expect("rule listed");
    assert_eq!(near["defaultConfiguration"]["level"], "note");
    assert_eq!(near["properties"]["tags"][0], "names");
    let short = near["shortDescription"]["text"].as_str().expect("text");
    let full = near["fullDescription"]["text"].as_str().expect("text");
    assert!(full.starts_with(short.trim_end_matches('.')));

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("desk")).expect("pack");
    std::fs::write(
        dir.path().join("desk/rules.yaml"),
        "- id: linked\n  category: style\n  severity: info\n  message: \"Avoid {match}\"\n  \
         note: First sentence here. Second sentence there.\n  link: https://example.org/style#ferry\n  \
         check:\n    pattern:\n      terms: [ferry]\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("a.txt"), "The ferry left.\n").expect("write");
    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--no-default-rules",
            "--rules",
            "desk",
            "--format",
            "sarif",
            "a.txt",
        ],
    );
    let log: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    check_sarif(&log);
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "desk/linked");
    assert_eq!(rule["shortDescription"]["text"], "First sentence here.");
    assert_eq!(
        rule["fullDescription"]["text"],
        "First sentence here. Second sentence there."
    );
    assert_eq!(rule["helpUri"], "https://example.org/style#ferry");
    assert!(rule["help"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("https://example.org")));
    assert_eq!(rule["defaultConfiguration"]["level"], "note");
    assert_eq!(rule["properties"]["tags"][0], "style");
}

#[test]
fn sarif_fingerprints_are_stable_and_distinct() {
    let fingerprints = |log: &Value| -> Vec<String> {
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["partialFingerprints"].to_string())
            .collect()
    };
    let (_, first) = sarif(&[ARTICLES]);
    let (_, second) = sarif(&[ARTICLES]);
    let a = fingerprints(&first);
    assert_eq!(a, fingerprints(&second));
    let distinct: HashSet<&String> = a.iter().collect();
    assert_eq!(distinct.len(), a.len());
}

#[test]
fn sarif_fixes_replace_the_matched_region() {
    let (_, log) = sarif(&[NAMES]);
    let results = check_sarif(&log);
    let kiev = results
        .iter()
        .find(|r| r["ruleId"] == "copydesk/misspelled-name")
        .expect("Kiev is flagged");
    let replacement = &kiev["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "Kyiv");
    let deleted = &replacement["deletedRegion"];
    let region = &kiev["locations"][0]["physicalLocation"]["region"];
    for key in ["startLine", "startColumn", "endLine", "endColumn"] {
        assert_eq!(deleted[key], region[key]);
    }
    assert!(deleted.get("charOffset").is_none() && region.get("charOffset").is_none());
}

#[test]
fn sarif_reports_unreadable_files_as_notifications() {
    let (out, log) = sarif(&[NAMES, MISSING]);
    assert_eq!(out.status.code(), Some(2));
    check_sarif(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().expect("list");
    assert_eq!(notifications.len(), 1);
    assert_eq!(
        notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        MISSING
    );
    assert!(!log["runs"][0]["results"].as_array().expect("results").is_empty());
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let out = awkward_run("sarif");
    let log: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let results = check_sarif(&log);
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "odd,%20name%3A%201%25.txt"
    );
    assert_eq!(results[0]["message"]["text"], AWKWARD_MESSAGE);
    assert_eq!(results[0]["level"], "error");
}

// ---------------------------------------------------------------------------------------
// GitHub workflow commands

fn annotation() -> Regex {
    Regex::new(
        r"^::(error|warning|notice) file=([^,:\r\n]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:\r\n]+)::([^\r\n]*)$",
    )
    .expect("regex")
}

#[test]
fn github_annotations_match_the_json_findings() {
    let out = copydesk(&["check", "--format", "github", ARTICLES]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let json = json_findings(&[ARTICLES]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), json.len());
    let re = annotation();
    for (line, j) in lines.iter().zip(&json) {
        let c = re
            .captures(line)
            .unwrap_or_else(|| panic!("not an annotation: {line}"));
        let command = match j["severity"].as_str() {
            Some("info") => "notice",
            other => other.expect("severity"),
        };
        assert_eq!(&c[1], command);
        assert_eq!(&c[2], j["path"].as_str().expect("path"));
        let numbers: Vec<u64> = (3..=6).map(|i| c[i].parse().expect("number")).collect();
        let expected: Vec<u64> = ["line", "column", "end_line", "end_column"]
            .iter()
            .map(|k| j[*k].as_u64().expect("number"))
            .collect();
        assert_eq!(numbers, expected);
        assert_eq!(&c[7], j["rule"].as_str().expect("rule"));
        let message = j["message"].as_str().expect("message");
        assert_eq!(c[8].replace("%25", "%"), message);
    }
}

#[test]
fn github_escapes_properties_and_message() {
    let out = awkward_run("github");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "the message's line break is escaped: {text}");
    let c = annotation().captures(lines[0]).expect("an annotation");
    assert_eq!(&c[1], "error");
    assert_eq!(&c[2], "odd%2C name%3A 1%25.txt");
    assert_eq!((&c[3], &c[4], &c[5], &c[6]), ("1", "5", "1", "10"));
    assert_eq!(&c[7], "tricky/awkward-message");
    assert_eq!(&c[8], "Odd: 50%25, <b> & \"q\"%0Asecond line ferry");
}

#[test]
fn github_reports_unreadable_files_as_errors() {
    let out = copydesk(&["check", "--format", "github", MISSING]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    let prefix = format!("::error file={MISSING}::");
    assert!(text.lines().any(|l| l.starts_with(&prefix)), "{text}");
}

// ---------------------------------------------------------------------------------------
// Checkstyle XML

/// One `<error>`: its attributes by name.
type Attributes = Vec<(String, String)>;

/// (file name, errors) of every `<file>`, read with an XML parser; checks the nesting.
fn parse_checkstyle(xml: &str) -> Vec<(String, Vec<Attributes>)> {
    fn attributes(e: &BytesStart) -> Attributes {
        e.attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let key = a.key.as_ref().to_owned();
                let value = a
                    .normalized_value(XmlVersion::Explicit1_0)
                    .expect("escaped value")
                    .into_owned();
                (key, value)
            })
            .collect()
    }
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut files: Vec<(String, Vec<Attributes>)> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut declared = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Decl(d) => {
                assert!(stack.is_empty());
                assert_eq!(d.version().expect("version").as_ref(), "1.0");
                declared = true;
            }
            Event::Start(e) | Event::Empty(e) if stack.is_empty() => {
                assert_eq!(e.name().as_ref(), "checkstyle");
                assert_eq!(attributes(&e), [("version".to_owned(), "4.3".to_owned())]);
                stack.push("checkstyle".to_owned());
            }
            ref event @ (Event::Start(ref e) | Event::Empty(ref e)) => {
                let name = e.name().as_ref().to_owned();
                let attrs = attributes(e);
                match (stack.last().map(String::as_str), name.as_str()) {
                    (Some("checkstyle"), "file") => {
                        assert_eq!(attrs.len(), 1);
                        assert_eq!(attrs[0].0, "name");
                        files.push((attrs[0].1.clone(), Vec::new()));
                    }
                    (Some("file"), "error") => {
                        files.last_mut().expect("inside a file").1.push(attrs);
                    }
                    (parent, child) => panic!("<{child}> inside {parent:?}"),
                }
                if matches!(event, Event::Start(_)) {
                    stack.push(name);
                }
            }
            Event::End(e) => {
                let open = stack.pop().expect("an open element");
                assert_eq!(e.name().as_ref(), open);
            }
            Event::Eof => break,
            Event::Text(t) => panic!("unexpected text {t:?}"),
            _ => {}
        }
    }
    assert!(declared && stack.is_empty());
    files
}

fn value<'a>(attrs: &'a Attributes, key: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[test]
fn checkstyle_has_one_file_per_article_and_one_error_per_finding() {
    let out = copydesk(&["check", "--format", "checkstyle", ARTICLES]);
    assert_eq!(out.status.code(), Some(1));
    let files = parse_checkstyle(&stdout(&out));
    let articles = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLES))
        .expect("fixtures")
        .count();
    assert_eq!(files.len(), articles, "clean files are listed too");
    let json = json_findings(&[ARTICLES]);
    let errors: Vec<(&str, &Attributes)> = files
        .iter()
        .flat_map(|(name, errors)| errors.iter().map(move |e| (name.as_str(), e)))
        .collect();
    assert_eq!(errors.len(), json.len());
    for ((file, attrs), j) in errors.iter().zip(&json) {
        let keys: Vec<&str> = attrs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["line", "column", "severity", "message", "source"]);
        assert_eq!(Some(*file), j["path"].as_str());
        assert_eq!(
            value(attrs, "line").map(str::to_owned),
            Some(j["line"].to_string())
        );
        assert_eq!(
            value(attrs, "column").map(str::to_owned),
            Some(j["column"].to_string())
        );
        assert_eq!(value(attrs, "severity"), j["severity"].as_str());
        assert_eq!(value(attrs, "message"), j["message"].as_str());
        assert_eq!(value(attrs, "source"), j["rule"].as_str());
    }
}

#[test]
fn checkstyle_escapes_markup_in_messages_and_lists_unreadable_files() {
    let out = awkward_run("checkstyle");
    let xml = stdout(&out);
    assert!(xml.contains("&lt;b&gt; &amp; &quot;q&quot;&#10;second"), "{xml}");
    let files = parse_checkstyle(&xml);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, AWKWARD_FILE);
    assert_eq!(value(&files[0].1[0], "message"), Some(AWKWARD_MESSAGE));
    assert_eq!(value(&files[0].1[0], "severity"), Some("error"));

    let out = copydesk(&["check", "--format", "checkstyle", NAMES, MISSING]);
    assert_eq!(out.status.code(), Some(2));
    let files = parse_checkstyle(&stdout(&out));
    let (name, errors) = files.last().expect("the unreadable file");
    assert_eq!(name, MISSING);
    assert_eq!(errors.len(), 1);
    assert_eq!(value(&errors[0], "severity"), Some("error"));
    assert_eq!(value(&errors[0], "line"), None);
}

// ---------------------------------------------------------------------------------------
// JSON Lines

fn jsonl(args: &[&str]) -> (Output, Vec<Value>) {
    let mut all = vec!["check", "--format", "jsonl"];
    all.extend_from_slice(args);
    let out = copydesk(&all);
    let lines = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (out, lines)
}

#[test]
fn jsonl_lines_are_findings_then_errors_then_one_summary() {
    let (out, lines) = jsonl(&[ARTICLES, MISSING]);
    assert_eq!(out.status.code(), Some(2));
    let types: Vec<&str> = lines.iter().map(|l| l["type"].as_str().expect("type")).collect();
    let findings = types.iter().take_while(|t| **t == "finding").count();
    assert_eq!(&types[findings..], ["error", "summary"]);
    assert_eq!(lines[findings]["path"], MISSING);
    assert!(lines[findings]["error"]
        .as_str()
        .is_some_and(|e| e.contains("cannot read")));
    let summary = &lines[findings + 1];
    assert_eq!(summary["version"], 1);
    assert_eq!(summary["findings"].as_u64(), Some(findings as u64));
    let by_severity: u64 = ["info", "warning", "error"]
        .iter()
        .map(|k| summary[*k].as_u64().expect("count"))
        .sum();
    assert_eq!(by_severity, findings as u64);
}

#[test]
fn jsonl_findings_are_the_json_findings_in_the_same_stable_order() {
    let (_, lines) = jsonl(&[ARTICLES]);
    let (_, again) = jsonl(&[ARTICLES]);
    assert_eq!(lines, again);
    let findings: Vec<Value> = lines
        .into_iter()
        .filter(|l| l["type"] == "finding")
        .map(|mut l| {
            l.as_object_mut().expect("object").remove("type");
            l
        })
        .collect();
    assert_eq!(findings, json_findings(&[ARTICLES]));
    let keys = |v: &Value| -> Vec<(String, u64, u64)> {
        vec![(
            v["path"].as_str().expect("path").to_owned(),
            v["byte_start"].as_u64().expect("start"),
            v["byte_end"].as_u64().expect("end"),
        )]
    };
    let order: Vec<_> = findings.iter().flat_map(keys).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "by path, then position");
}

// ---------------------------------------------------------------------------------------
// Snapshots

#[test]
fn each_format_matches_its_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for format in ["sarif", "github", "checkstyle", "jsonl"] {
            let text = stdout(&copydesk(&["check", "--format", format, NAMES]));
            // The crate version would change the SARIF snapshot at every release.
            let driver = "\"name\": \"copydesk\",\n          \"version\": ";
            let version = format!("{driver}\"{}\"", env!("CARGO_PKG_VERSION"));
            assert!(format != "sarif" || text.contains(&version));
            let text = text.replace(&version, &format!("{driver}\"[version]\""));
            insta::assert_snapshot!(format!("names-slips.md.{format}"), text);
        }
    });
}
