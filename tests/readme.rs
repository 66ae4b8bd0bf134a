//! The rule examples in README.md load and pass their own tests.

#[test]
fn readme_rule_examples_are_valid_and_pass() {
    let readme = include_str!("../README.md");
    let blocks: Vec<&str> = readme
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    assert!(blocks.len() >= 3, "one example per kind");
    let files: Vec<(String, &str)> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (format!("example-{i}.yaml"), *b))
        .collect();
    let files: Vec<(&str, &str)> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let rules = copydesk::RuleSet::from_files("readme", &files).unwrap_or_else(|e| panic!("{e}"));
    let report = copydesk::selftest::run(&rules);
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
    assert!(report.untested.is_empty());
}
