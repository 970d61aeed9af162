//! One snapshot per rule and language: the human report of the rule's fixture with only
//! that rule selected, in English and in Chinese (`tests/snapshots/rules/`). A change in
//! any message, label, help or number format of any rule shows up here, in both
//! languages, and every rule must have a fixture that triggers it.

use assert_cmd::Command;

mod support;
use support::expect::{expectations, fixtures_dir, plan_files, relative};

/// The first fixture (in path order) that expects a finding of `id`, in the folder of
/// the rule's principle when one there does.
fn fixture_of(id: &str, files: &[std::path::PathBuf]) -> Option<String> {
    let principle = id.split('/').next().unwrap_or(id);
    let expecting: Vec<String> = files
        .iter()
        .filter(|f| expectations(f).iter().any(|(_, _, rule)| rule == id))
        .map(|f| relative(f))
        .collect();
    let own = format!("fixtures/{principle}/");
    expecting
        .iter()
        .find(|f| f.starts_with(&own))
        .or(expecting.first())
        .cloned()
}

/// The plans of `fixtures/packs/` are checked with the packs beside them (a rule such as
/// `plan/rule-error` fires only on a pack's rule).
fn packs_for(fixture: &str) -> Vec<String> {
    if !fixture.starts_with("fixtures/packs/") {
        return Vec::new();
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/packs");
    let mut packs: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/packs is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".planlint.yaml"))
        .map(|n| format!("fixtures/packs/{n}"))
        .collect();
    packs.sort();
    packs
        .iter()
        .flat_map(|p| ["--pack".to_string(), p.clone()])
        .collect()
}

/// The human report of `fixture` in `lang`. A principle's rule is selected alone; a
/// format rule (`plan/…`) reports on the other rules (which inputs they miss, which
/// suppression silenced none), so the whole fixture is linted.
fn human(fixture: &str, id: &str, lang: &str) -> String {
    let select: &[&str] = if id.starts_with("plan/") {
        &[]
    } else {
        &["--select", id]
    };
    let out = Command::cargo_bin("planlint")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["--isolated", "--color", "never", "--lang", lang])
        .args(select)
        .args(packs_for(fixture))
        .arg(fixture)
        .output()
        .expect("planlint runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{fixture}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn every_rule_in_both_languages() {
    let files = plan_files(&fixtures_dir(), &["fixtures/real"]);
    let mut without_fixture = Vec::new();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/rules");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for rule in planlint::rules::builtin().iter() {
            let Some(fixture) = fixture_of(rule.id, &files) else {
                without_fixture.push(rule.id);
                continue;
            };
            for lang in ["en", "zh"] {
                let text = human(&fixture, rule.id, lang);
                assert!(
                    text.contains(rule.id),
                    "{fixture}: no finding of {}\n{text}",
                    rule.id
                );
                let name = format!("{}.{lang}", rule.id.replace('/', "__"));
                insta::assert_snapshot!(
                    name,
                    format!("$ planlint --lang {lang} {fixture}\n{text}")
                );
            }
        }
    });
    assert!(
        without_fixture.is_empty(),
        "rules without a fixture that triggers them: {without_fixture:?}"
    );
}
