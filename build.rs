//! Embeds every rule documentation page of `rules/` so that `planlint explain` needs no
//! files at run time, and adding a principle's page needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=rules");
    // Read at run time, not with `env!`: a build script binary reused from a target/
    // directory copied from another checkout must still read this checkout's pages.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("rules");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("the rules/ directory exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    let mut out = String::from("&[\n");
    for p in pages {
        let slug = p
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 page name");
        println!("cargo::rerun-if-changed={}", p.display());
        writeln!(
            out,
            "    ({slug:?}, include_str!({:?})),",
            p.display().to_string()
        )
        .ok();
    }
    out.push_str("]\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("pages.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
