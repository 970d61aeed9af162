//! Embeds every rule documentation page of `rules/` (and its Chinese twin in `rules/zh/`)
//! and every message file of `locales/<lang>/`, so that `planlint explain` and the reports
//! need no files at run time, and adding a page or a message file needs no code change.

use std::fmt::Write as _;
use std::path::Path;

/// `&[(stem, include_str!(path)), ...]` of the files with `ext` in `dir`, sorted; an
/// absent directory is an empty list.
fn embed(dir: &Path, ext: &str) -> String {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("&[\n");
    for p in files {
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name");
        println!("cargo::rerun-if-changed={}", p.display());
        writeln!(
            out,
            "    ({stem:?}, include_str!({:?})),",
            p.display().to_string()
        )
        .ok();
    }
    out.push_str("]\n");
    out
}

fn main() {
    println!("cargo::rerun-if-changed=rules");
    println!("cargo::rerun-if-changed=rules/zh");
    println!("cargo::rerun-if-changed=locales");
    // Read at run time, not compile time: a build script binary copied between checkouts
    // (worktrees, caches) must still read the pages of the checkout being built.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
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
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    std::fs::write(out_dir.join("pages.rs"), out).expect("OUT_DIR is writable");
    std::fs::write(
        out_dir.join("pages_zh.rs"),
        embed(&Path::new(&manifest).join("rules/zh"), "md"),
    )
    .expect("OUT_DIR is writable");
    for lang in ["en", "zh"] {
        println!("cargo::rerun-if-changed=locales/{lang}");
        std::fs::write(
            out_dir.join(format!("locales_{lang}.rs")),
            embed(&Path::new(&manifest).join("locales").join(lang), "ftl"),
        )
        .expect("OUT_DIR is writable");
    }
}
