//! Every input a fuzz target once failed on (`fuzz/regressions/TARGET/`), replayed through
//! the same checks the target runs. `scripts/fuzz.sh` adds the inputs it finds.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

#[test]
fn inputs_that_once_failed_a_fuzz_target_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    type Target = (&'static str, fn(&[u8]));
    let targets: [Target; 3] = [
        ("parse", harness::parse),
        ("rules", harness::rules),
        ("check", harness::check),
    ];
    let mut replayed = 0;
    for (target, run) in targets {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("readable folder").path();
            let input = std::fs::read(&path).expect("readable input");
            run(&input);
            replayed += 1;
        }
    }
    assert!(
        replayed >= 1,
        "no fuzz regression inputs under {}",
        root.display()
    );
}
