//! Embeds every built-in scenario file (`scenarios/<erp>/<name>.toml`) so Practice
//! mode works without files on disk; new files are picked up without code changes.

use std::{env, fs, path::Path};

fn main() {
    // Read when the script runs, not baked in when it is compiled: cargo reuses
    // a build script binary for a checkout in another folder.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("scenarios");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for erp in ["netsuite", "intacct"] {
        let dir = root.join(erp);
        println!("cargo:rerun-if-changed={}", dir.display());
        // A missing folder is a broken checkout, never "no scenarios".
        let read = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for file in read.flatten() {
            let path = file.path();
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            entries.push((format!("{erp}/{stem}"), path.display().to_string()));
        }
    }
    entries.sort();
    let mut out = String::from("pub(crate) static BUILTIN: &[(&str, &str)] = &[\n");
    for (name, path) in entries {
        out.push_str(&format!("    ({name:?}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_scenarios.rs");
    fs::write(dest, out).unwrap();
}
