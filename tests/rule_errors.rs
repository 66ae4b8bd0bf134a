//! Broken rule files are reported as `path:line:col: what is wrong`, every broken file at once.

use std::path::Path;

use copydesk::{Error, RuleSet, RuleSource};

fn errors_of(case: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad-rules")
        .join(case);
    match RuleSet::load(&[RuleSource::Dir(dir.clone())]) {
        Err(Error::Rules(e)) => e
            .errors
            .iter()
            .map(|e| {
                let file = Path::new(&e.path)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                format!("{file}:{}:{}: {}", e.line, e.column, e.message)
            })
            .collect(),
        Err(other) => panic!("{case}: unexpected error {other}"),
        Ok(_) => panic!("{case}: broken rules loaded"),
    }
}

#[test]
fn yaml_syntax_error() {
    assert_eq!(
        errors_of("syntax"),
        ["rules.yaml:8:1: did not find expected ',' or ']', while parsing a flow sequence at line 7 column 14"]
    );
}

#[test]
fn unknown_field() {
    let errors = errors_of("unknown-field");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("rules.yaml:5:3: rule 1: unknown field `level`"),
        "{errors:?}"
    );
}

#[test]
fn unknown_kind() {
    assert_eq!(
        errors_of("unknown-kind"),
        ["rules.yaml:6:5: rule 1, check: unknown check kind `furniture`, expected one of: pattern, substitution, boilerplate, names, figures, attribution"]
    );
}

#[test]
fn invalid_regex_points_at_the_pattern() {
    assert_eq!(
        errors_of("invalid-regex"),
        ["rules.yaml:17:12: rule 2, check.boilerplate.lines: invalid regex `share (on|via`: unclosed group"]
    );
}

#[test]
fn unknown_placeholder_points_at_the_message() {
    assert_eq!(
        errors_of("bad-placeholder"),
        ["rules.yaml:7:3: unknown placeholder `{wrong}` in message; this kind offers {match}, {fix}"]
    );
}

#[test]
fn duplicate_id_points_at_the_second_rule() {
    let errors = errors_of("duplicate-id");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("rules.yaml:9:3: duplicate rule id `alot` (first defined at "),
        "{errors:?}"
    );
}

#[test]
fn every_broken_file_is_reported() {
    let errors = errors_of("two-broken-files");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("a.yaml:5:3:"));
    assert!(errors[1].starts_with("b.yaml:17:12:"));
}

#[test]
fn regex_too_large_is_a_clear_error() {
    let rule = "- id: huge\n  category: style\n  severity: info\n  message: \"{match}\"\n  check:\n    pattern:\n      regex: ['\\w{1000}\\w{1000}\\w{1000}']\n";
    let Err(Error::Rules(e)) = RuleSet::from_files("test", &[("huge.yaml", rule)]) else {
        panic!("a regex over the size limit must not load");
    };
    assert_eq!((e.errors[0].line, e.errors[0].column), (5, 3));
    assert!(
        e.errors[0].message.starts_with("regex too large"),
        "{}",
        e.errors[0].message
    );
}

#[test]
fn the_default_pack_loads_and_every_rule_has_examples() {
    let rules = RuleSet::builtin().expect("default pack loads");
    assert!(!rules.rules().is_empty());
    for rule in rules.rules() {
        assert!(
            (!rule.examples.flag.is_empty() || rule.check.needs_configuration())
                && !rule.examples.pass.is_empty(),
            "{} needs flag and pass examples",
            rule.id()
        );
    }
    let report = copydesk::selftest::run(&rules);
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
}

#[test]
fn every_rule_file_in_the_folder_is_embedded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("rules folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = copydesk::rule::pack::BUILTIN_FILES
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
}

#[test]
fn the_rule_folder_loads_and_compiles_as_a_pack_from_disk() {
    // Read from disk, every pattern is syntax-checked and compiled at load and the
    // dictionaries are read as YAML: the checks the embedded pack skips at start-up.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let rules = RuleSet::load(&[RuleSource::Dir(dir)]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        rules.rules().len(),
        RuleSet::builtin().expect("default pack").rules().len()
    );
}
