//! The rule and dictionary examples in README.md load and pass their own tests.

#[test]
fn readme_rule_examples_are_valid_and_pass() {
    let readme = include_str!("../README.md");
    let blocks: Vec<&str> = readme
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    let pack = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(pack.path().join("names")).expect("names folder");
    std::fs::write(pack.path().join("names/places.yaml"), "[]\n").expect("write");
    let mut rule_files = 0;
    let mut configs = 0;
    for (i, block) in blocks.iter().enumerate() {
        if block.starts_with("# copydesk.yaml") {
            check_config_example(block);
            configs += 1;
        } else if block.starts_with("- name:") {
            std::fs::write(pack.path().join("names/people.yaml"), block).expect("write");
        } else {
            std::fs::write(pack.path().join(format!("example-{i}.yaml")), block).expect("write");
            rule_files += 1;
        }
    }
    assert!(rule_files >= 4, "one example per kind");
    assert_eq!(configs, 1, "the configuration example");
    let rules = copydesk::RuleSet::load(&[copydesk::RuleSource::Dir(pack.path().to_owned())])
        .unwrap_or_else(|e| panic!("{e}"));
    let report = copydesk::selftest::run(&rules);
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
    assert!(report.untested.is_empty());
}

/// The configuration example loads against the embedded pack, with its pack folder.
fn check_config_example(text: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("house-style")).expect("pack folder");
    let path = dir.path().join("copydesk.yaml");
    std::fs::write(&path, text).expect("write");
    let file = copydesk::config::ConfigFile::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let cli = copydesk::config::CommandLineRules::default();
    let project = copydesk::config::Project::load(Some(file), &cli).unwrap_or_else(|e| panic!("{e}"));
    let settings = project.settings_for(&dir.path().join("archive/2020/story.md"));
    assert_eq!(settings.min_severity, copydesk::Severity::Warning);
}
