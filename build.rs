//! Converts the embedded entity dictionaries (`rules/names/*.yaml`) to JSON at build
//! time: the binary then reads them in a fraction of the time YAML parsing takes, which
//! keeps start-up within the editor-hook budget. The YAML files stay the source of truth.

use std::path::Path;
use std::{env, fs};

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let source = Path::new("rules/names");
    println!("cargo:rerun-if-changed={}", source.display());
    let target = Path::new(&out_dir).join("names");
    fs::create_dir_all(&target).expect("create the output folder");
    let mut entries: Vec<_> = fs::read_dir(source)
        .expect("rules/names exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("readable dictionary");
        let value: serde_yaml::Value =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("YAML values convert to JSON");
        let name = path.file_stem().and_then(|s| s.to_str()).expect("file name");
        fs::write(target.join(format!("{name}.json")), json).expect("write JSON");
    }
}
