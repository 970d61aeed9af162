//! Arbitrary bytes as a baseline file, read by `planlint::baseline::load` (which takes a
//! path, so the bytes go through one temporary file), then applied to the reports of two
//! plans with findings. Any panic is a bug; so are counts that do not add up.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

use planlint::baseline;
use planlint::engine::{self, FileReport};
use planlint::i18n::Lang;
use planlint::input;
use planlint::lint::{Diagnostic, Settings};
use planlint::text::is_unsafe_char;

const PLANS: &[(&str, &str)] = &[
    (
        "a.plan.yaml",
        include_str!("../../fixtures/large-customers/ltv-floor.plan.yaml"),
    ),
    (
        "b.plan.yaml",
        include_str!("../../fixtures/plan/wrong-types.plan.yaml"),
    ),
];

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    findings: Vec<Vec<Diagnostic>>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        // Memory-backed where there is one: rewriting a file on ext4 flushes it to disk
        // on close, which would make every run wait for the disk.
        let mut builder = tempfile::Builder::new();
        builder.prefix("planlint-fuzz-baseline-");
        let dir = builder
            .tempdir_in("/dev/shm")
            .or_else(|_| builder.tempdir())
            .expect("a temporary directory");
        let path = dir.path().join("baseline.json");
        let findings = PLANS
            .iter()
            .map(|(name, text)| {
                let read = input::decode(name.to_string(), text.as_bytes().to_vec());
                engine::lint_read(read, &Settings::default()).findings
            })
            .collect();
        Fixture {
            _dir: dir,
            path,
            findings,
        }
    })
}

fn reports(fixture: &Fixture) -> Vec<FileReport> {
    PLANS
        .iter()
        .zip(&fixture.findings)
        .map(|((name, text), findings)| FileReport {
            file: planlint::source::SourceFile::new(name.to_string(), text.to_string()),
            findings: findings.clone(),
            rendered: None,
            parsed: true,
            not_checked: Vec::new(),
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let fixture = fixture();
    std::fs::write(&fixture.path, data).expect("the temporary baseline is writable");
    let b = match baseline::load(&fixture.path) {
        Ok(b) => b,
        Err(message) => {
            // The message is printed on a terminal: what it quotes from the file must be
            // escaped (serde_json quotes with Rust escapes).
            for lang in [Lang::En, Lang::Zh] {
                let text = message.render(lang);
                assert!(!text.chars().any(is_unsafe_char), "raw control in {text:?}");
            }
            return;
        }
    };
    assert!(matches!(b.version, 1 | 2), "version {}", b.version);
    let mut reports = reports(fixture);
    let before: usize = reports.iter().map(|r| r.findings.len()).sum();
    let mut outcome = baseline::Outcome::default();
    for r in &mut reports {
        let key = b.key_for(Path::new(&r.file.name), &r.file.name);
        outcome.add(b.apply_file(&key, r));
    }
    let after: usize = reports.iter().map(|r| r.findings.len()).sum();
    assert_eq!(before, after + outcome.hidden);
    // Written out and read back, the baseline of what is left hides all of it.
    let dir = baseline::dir_of(&fixture.path).expect("the baseline's directory");
    let entries = reports
        .iter()
        .flat_map(|r| baseline::entries_of(&baseline::key(Path::new(&r.file.name), &dir), r))
        .collect();
    std::fs::write(&fixture.path, baseline::to_json(entries)).expect("writable");
    let left = baseline::load(&fixture.path).expect("a written baseline reads back");
    let mut again = reports;
    let mut outcome = baseline::Outcome::default();
    for r in &mut again {
        let key = left.key_for(Path::new(&r.file.name), &r.file.name);
        outcome.add(left.apply_file(&key, r));
    }
    assert_eq!(outcome.hidden, after);
    assert_eq!(outcome.stale, 0);
    assert!(again.iter().all(|r| r.findings.is_empty()));
});
