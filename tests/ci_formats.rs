//! The CI formats (`sarif`, `github`, `junit`, `gitlab`, `markdown`): the real binary on
//! fixtures, the content each consumer reads, snapshots, exit codes and `-o`, and the
//! output checked by the real consumers' own tools (the SARIF multitool, junitparser).
//! A test that needs such a tool is skipped when it is missing, unless `CI` is set.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{first_existing, manifest_dir, planlint, tool_available};

const FORMATS: [&str; 7] = [
    "human", "json", "sarif", "github", "junit", "gitlab", "markdown",
];
const ACV: &str = "fixtures/large-customers/acv-floor.plan.yaml";
const DUPLICATE: &str = "fixtures/plan/duplicate-key.plan.yaml";
const CLEAN: &str = "fixtures/clean/lianheng.plan.yaml";
/// The principles these tests count findings of: rules added to other principles may
/// find more in the fixtures, and must not break the counts here.
const SEL: &str = "plan/,large-customers/";

/// stdout and exit code of `planlint --format FORMAT ARGS...`.
fn run(format: &str, args: &[&str]) -> (String, i32) {
    let out = planlint()
        .args(["--color", "never", "--format", format])
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        out.status.code().unwrap_or(-1),
    )
}

fn json(format: &str, args: &[&str]) -> Value {
    let (text, _) = run(format, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// The rule ids `planlint rules` lists, in catalogue order.
fn catalogue() -> Vec<String> {
    let out = planlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// The rule ids of the principles in [`SEL`], in catalogue order.
fn selected_catalogue() -> Vec<String> {
    catalogue()
        .into_iter()
        .filter(|id| id.starts_with("plan/") || id.starts_with("large-customers/"))
        .collect()
}

/// The version planlint reports, hidden so that a release does not change snapshots.
fn redact_version(text: &str) -> String {
    let v = env!("CARGO_PKG_VERSION");
    text.replace(
        &format!("\"version\": \"{v}\""),
        "\"version\": \"[VERSION]\"",
    )
    .replace(
        &format!("\"semanticVersion\": \"{v}\""),
        "\"semanticVersion\": \"[VERSION]\"",
    )
}

// ---------------------------------------------------------------- SARIF

#[test]
fn sarif_lists_every_rule_with_its_help() {
    let v = json("sarif", &["--select", "large-customers/acv-floor", ACV]);
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(
        v["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(v["runs"].as_array().unwrap().len(), 1);
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "planlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // Every rule, not only the selected one.
    let ids: Vec<String> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, catalogue());
    let acv = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "large-customers/acv-floor")
        .unwrap();
    assert_eq!(acv["name"], "AcvFloor");
    assert_eq!(
        acv["shortDescription"]["text"],
        "annual contract value is below min_ltv / lifetime_years"
    );
    assert!(
        acv["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("min_ltv / lifetime_years")
    );
    let help = acv["help"]["markdown"].as_str().unwrap();
    assert!(help.contains("### Fix"), "{help}");
    assert!(!help.starts_with("## "), "the heading is dropped: {help}");
    assert!(acv["help"]["text"].as_str().unwrap().contains("### Why"));
    assert_eq!(acv["defaultConfiguration"]["level"], "error");
    assert_eq!(acv["properties"]["tags"][0], "large-customers");
    let small = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "large-customers/small-deals")
        .unwrap();
    assert_eq!(small["defaultConfiguration"]["level"], "warning");
}

#[test]
fn sarif_results_point_at_the_value_with_related_locations() {
    let v = json("sarif", &[ACV, DUPLICATE]);
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "ruleIndex of {r}");
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        let artifact = r["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
            .as_u64()
            .unwrap() as usize;
        assert_eq!(run["artifacts"][artifact]["location"]["uri"], uri);
        assert!(
            r["partialFingerprints"]["planlint/v1"]
                .as_str()
                .unwrap()
                .len()
                == 32
        );
    }
    let acv = results
        .iter()
        .find(|r| r["ruleId"] == "large-customers/acv-floor")
        .unwrap();
    assert_eq!(acv["level"], "error");
    let msg = acv["message"]["text"].as_str().unwrap();
    assert!(msg.starts_with("ACV is 50,000 CNY"), "{msg}");
    assert!(msg.contains("\nhelp: sell to larger customers"), "{msg}");
    let loc = &acv["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], ACV);
    let region = &loc["region"];
    // `  acv: 5万`: 5万 is 2 characters but 4 bytes.
    assert_eq!(region["startLine"], 72);
    assert_eq!(region["startColumn"], 8);
    assert_eq!(region["endLine"], 72);
    assert_eq!(region["endColumn"], 10);
    assert_eq!(region["byteLength"], 4);
    assert_eq!(region["snippet"]["text"], "5万");
    let text = std::fs::read_to_string(manifest_dir().join(ACV)).unwrap();
    let off = region["byteOffset"].as_u64().unwrap() as usize;
    assert_eq!(&text[off..off + 4], "5万");
    assert_eq!(
        acv["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "unit_economics.acv"
    );
    let related = &acv["relatedLocations"][0];
    assert_eq!(related["message"]["text"], "lifetime 5 years");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 74);

    let warning = results
        .iter()
        .find(|r| r["ruleId"] == "large-customers/lifetime-vs-churn")
        .unwrap();
    assert_eq!(warning["level"], "warning");
    let dup = results
        .iter()
        .find(|r| r["ruleId"] == "plan/duplicate-key")
        .unwrap();
    assert_eq!(
        dup["relatedLocations"][0]["message"]["text"],
        "first defined here"
    );
}

#[test]
fn sarif_of_a_clean_run_has_rules_and_no_results() {
    let v = json("sarif", &[CLEAN]);
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 0);
    assert_eq!(
        v["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        catalogue().len()
    );
}

fn sarif_multitool() -> Option<PathBuf> {
    let found = first_existing(
        std::env::var_os("SARIF_MULTITOOL")
            .map(PathBuf::from)
            .into_iter()
            .chain([manifest_dir().join("target/ci-tools/node_modules/.bin/sarif-multitool")]),
    );
    tool_available(
        "the SARIF multitool",
        found.is_some(),
        "npm install --prefix target/ci-tools @microsoft/sarif-multitool (or set SARIF_MULTITOOL)",
    )
    .then_some(found)
    .flatten()
}

/// Runs `sarif-multitool validate` on `sarif` and returns its findings of level error
/// or warning (a result without a level is a warning in SARIF).
fn multitool_problems(tool: &Path, sarif: &Path) -> Vec<String> {
    let dir = sarif.parent().unwrap();
    let log = dir.join(format!(
        "{}.validation.sarif",
        sarif.file_stem().unwrap().to_string_lossy()
    ));
    let out = std::process::Command::new(tool)
        .arg("validate")
        .arg("-o")
        .arg(&log)
        .arg(sarif)
        .output()
        .expect("the SARIF multitool runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "sarif-multitool failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(&log)
            .unwrap_or_else(|e| panic!("the multitool wrote no log ({e}): {stdout}")),
    )
    .unwrap();
    assert_eq!(
        v["runs"][0]["invocations"][0]["executionSuccessful"], true,
        "{stdout}"
    );
    v["runs"][0]["results"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|r| matches!(r["level"].as_str(), None | Some("error") | Some("warning")))
        .map(|r| format!("{} {}: {}", r["level"], r["ruleId"], r["message"]))
        .collect()
}

#[test]
fn sarif_passes_the_sarif_multitool_validator() {
    let Some(tool) = sarif_multitool() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Every fixture: syntax errors, bad bytes, related locations, empty spans.
    let sarif = dir.path().join("fixtures.sarif");
    let status = planlint()
        .args(["--format", "sarif", "-o"])
        .arg(&sarif)
        .arg("fixtures")
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(1));
    let problems = multitool_problems(&tool, &sarif);
    assert!(problems.is_empty(), "validator problems:\n{problems:#?}");

    // A name that needs percent-encoding, through standard input.
    let odd = dir.path().join("odd.sarif");
    let text = std::fs::read_to_string(manifest_dir().join(ACV)).unwrap();
    planlint()
        .args([
            "--format",
            "sarif",
            "--stdin-filename",
            "plans/Q3 计划 #1.plan.yaml",
            "-o",
        ])
        .arg(&odd)
        .arg("-")
        .write_stdin(text)
        .assert()
        .code(1);
    let problems = multitool_problems(&tool, &odd);
    assert!(problems.is_empty(), "validator problems:\n{problems:#?}");

    // The check can fail: a broken log is reported.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    v["runs"][0]["results"][0]["ruleIndex"] = Value::from(999);
    v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    let broken = dir.path().join("broken.sarif");
    std::fs::write(&broken, serde_json::to_string(&v).unwrap()).unwrap();
    let problems = multitool_problems(&tool, &broken);
    assert!(
        problems.len() >= 2,
        "the validator must catch a broken log: {problems:#?}"
    );
}

// ---------------------------------------------------------------- GitHub

#[test]
fn github_writes_one_workflow_command_per_finding() {
    let (out, code) = run("github", &["--select", SEL, ACV]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].starts_with(
            "::error file=fixtures/large-customers/acv-floor.plan.yaml,line=72,col=8,endLine=72,endColumn=10,title=large-customers/acv-floor::ACV is 50,000 CNY"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("%0Ahelp: sell to larger customers"),
        "the help follows on a new line: {}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("::warning file=")
            && lines[1].contains("title=large-customers/lifetime-vs-churn::"),
        "{}",
        lines[1]
    );
    // 25% in the message is escaped.
    assert!(lines[3].contains("25%25"), "{}", lines[3]);
    let (clean, code) = run("github", &[CLEAN]);
    assert_eq!((clean.as_str(), code), ("", 0));
}

#[test]
fn github_escapes_percent_colon_comma_and_newlines() {
    // A key with `%`, `:`, `,` and a newline: its finding's message quotes it.
    let out = planlint()
        .args([
            "--format",
            "github",
            "--select",
            "plan/unknown-key",
            "--stdin-filename",
            "plans/a,b:c%d.plan.yaml",
            "-",
        ])
        .write_stdin("\"50% off: now, here\\nand there\": 1\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("title=plan/unknown-key"))
        .unwrap_or_else(|| panic!("no unknown-key annotation: {text}"));
    assert_eq!(text.lines().count(), 1, "one command, one line: {text}");
    let (props, message) = line
        .strip_prefix("::error ")
        .unwrap()
        .split_once("::")
        .unwrap();
    // Property values escape `:` and `,` too.
    assert_eq!(
        props,
        "file=plans/a%2Cb%3Ac%25d.plan.yaml,line=1,col=1,endLine=1,endColumn=32,title=plan/unknown-key"
    );
    // Data escapes `%` and line breaks, and keeps `:` and `,`.
    assert!(
        message.starts_with(
            "unknown key `50%25 off: now, here%0Aand there` at the top level%0Ahelp: "
        ),
        "{message}"
    );
    assert!(!message.contains('\n'));
}

#[test]
fn github_uses_notice_for_info() {
    // Errors and warnings get their own commands; the rules that did not run on a file are
    // one `::notice` (info findings map to it too, see the unit tests of `report::github`).
    let (out, _) = run(
        "github",
        &[
            "--select",
            SEL,
            ACV,
            "fixtures/plan/misspelt-key-bad-money-bad-enum.plan.yaml",
        ],
    );
    let kinds: BTreeSet<&str> = out.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(kinds, BTreeSet::from(["::error", "::notice", "::warning"]));
    assert!(
        out.lines()
            .filter(|l| l.starts_with("::notice"))
            .all(|l| l.contains("not checked")),
        "{out}"
    );
}

// ---------------------------------------------------------------- JUnit

/// Parses JUnit XML with Python's junitparser; `None` when it is not installed.
fn junitparser(xml: &str) -> Option<Value> {
    let have = support::runs("python3", &["-c", "import junitparser"]);
    if !tool_available(
        "python3 with junitparser",
        have,
        "python3 -m pip install junitparser",
    ) {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.xml");
    std::fs::write(&file, xml).unwrap();
    let script = r#"
import json, sys
from junitparser import JUnitXml
xml = JUnitXml.fromfile(sys.argv[1])
suites = []
for suite in xml:
    declared = [suite.tests, suite.failures, suite.errors, suite.skipped]
    cases = [
        {"name": c.name, "classname": c.classname,
         "results": [{"kind": type(r).__name__, "type": r.type, "message": r.message,
                      "text": r.text} for r in c.result]}
        for c in suite
    ]
    suite.update_statistics()
    computed = [suite.tests, suite.failures, suite.errors, suite.skipped]
    suites.append({"name": suite.name, "declared": declared, "computed": computed,
                   "cases": cases})
print(json.dumps({"tests": xml.tests, "failures": xml.failures, "suites": suites}))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "junitparser could not read the report: {}\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn junit_has_a_suite_per_file_a_case_per_rule_and_a_failure_per_finding() {
    let (xml, code) = run(
        "junit",
        &[
            "--select",
            SEL,
            ACV,
            CLEAN,
            "fixtures/plan/syntax.plan.yaml",
        ],
    );
    assert_eq!(code, 1);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert_eq!(xml.matches("<testsuite ").count(), 3);
    assert_eq!(xml.matches("<failure ").count(), 5);
    let rules = selected_catalogue().len();
    assert_eq!(xml.matches("<testcase ").count(), 3 * rules);

    let Some(v) = junitparser(&xml) else {
        return;
    };
    let suites = v["suites"].as_array().unwrap();
    let names: Vec<&str> = suites.iter().map(|s| s["name"].as_str().unwrap()).collect();
    // Files in sorted order, as everywhere.
    assert_eq!(names, [CLEAN, ACV, "fixtures/plan/syntax.plan.yaml"]);
    for s in suites {
        assert_eq!(s["declared"], s["computed"], "counts of {}", s["name"]);
    }
    // [tests, failures, errors, skipped]
    assert_eq!(suites[0]["declared"], serde_json::json!([rules, 0, 0, 0]));
    assert_eq!(suites[1]["declared"], serde_json::json!([rules, 4, 0, 0]));
    // Nothing but plan/syntax could look at a file that does not parse.
    assert_eq!(
        suites[2]["declared"],
        serde_json::json!([rules, 1, 0, rules - 1])
    );
    assert_eq!(v["tests"], 3 * rules);
    assert_eq!(v["failures"], 5);
    let acv = suites[1]["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "large-customers/acv-floor")
        .unwrap();
    assert_eq!(acv["classname"], ACV);
    let failure = &acv["results"][0];
    assert_eq!(failure["kind"], "Failure");
    assert_eq!(failure["type"], "large-customers/acv-floor");
    assert!(
        failure["message"]
            .as_str()
            .unwrap()
            .starts_with("ACV is 50,000 CNY")
    );
    let text = failure["text"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("{ACV}:72:8: error: ACV is 50,000 CNY")),
        "{text}"
    );
    assert!(text.contains("\nhelp: sell to larger customers"), "{text}");
    assert!(
        text.contains(&format!("\n  {ACV}:74:19: lifetime 5 years")),
        "{text}"
    );
}

#[test]
fn junit_testcases_are_the_rules_that_ran() {
    let (xml, _) = run("junit", &["--select", "large-customers/acv-floor", ACV]);
    // plan/syntax always runs.
    assert_eq!(xml.matches("<testcase ").count(), 2, "{xml}");
    assert!(xml.contains(r#"<testcase name="plan/syntax""#));
    assert!(xml.contains(r#"<testcase name="large-customers/acv-floor""#));
}

#[test]
fn junit_escapes_markup_from_the_plan() {
    let (xml, _) = {
        let out = planlint()
            .args([
                "--format",
                "junit",
                "--stdin-filename",
                "a&b.plan.yaml",
                "-",
            ])
            .write_stdin("\"<b> & \\\"q\\\" 'x'\\nnext\": 1\n")
            .output()
            .unwrap();
        (String::from_utf8(out.stdout).unwrap(), out.status)
    };
    assert!(
        xml.contains(r#"<testsuite name="a&amp;b.plan.yaml""#),
        "{xml}"
    );
    assert!(!xml.contains("<b>"), "{xml}");
    let Some(v) = junitparser(&xml) else {
        return;
    };
    let unknown = v["suites"][0]["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "plan/unknown-key")
        .unwrap();
    assert_eq!(
        unknown["results"][0]["message"],
        "unknown key `<b> & \"q\" 'x'\nnext` at the top level"
    );
}

// ---------------------------------------------------------------- GitLab

fn fingerprints(v: &Value) -> Vec<(String, String, u64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap().to_string(),
                i["fingerprint"].as_str().unwrap().to_string(),
                i["location"]["lines"]["begin"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn gitlab_code_quality_fields_and_severities() {
    let v = json("gitlab", &["--select", SEL, ACV]);
    let issues = v.as_array().unwrap();
    assert_eq!(issues.len(), 4);
    let acv = &issues[0];
    assert_eq!(acv["check_name"], "large-customers/acv-floor");
    assert!(
        acv["description"]
            .as_str()
            .unwrap()
            .starts_with("ACV is 50,000 CNY")
    );
    assert_eq!(acv["severity"], "major");
    assert_eq!(acv["location"]["path"], ACV);
    assert_eq!(acv["location"]["lines"]["begin"], 72);
    assert_eq!(acv["location"]["lines"]["end"], 72);
    let fp = acv["fingerprint"].as_str().unwrap();
    assert_eq!(fp.len(), 32);
    assert!(fp.chars().all(|c| c.is_ascii_hexdigit()));
    let warning = issues
        .iter()
        .find(|i| i["check_name"] == "large-customers/lifetime-vs-churn")
        .unwrap();
    assert_eq!(warning["severity"], "minor");
    assert_eq!(json("gitlab", &[CLEAN]), serde_json::json!([]));
}

#[test]
fn gitlab_fingerprints_survive_edits_elsewhere_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(manifest_dir().join(ACV)).unwrap();
    let lint = |text: &str| {
        std::fs::write(dir.path().join("acme.plan.yaml"), text).unwrap();
        let out = planlint()
            .current_dir(dir.path())
            .args(["--format", "gitlab", "--select", SEL, "acme.plan.yaml"])
            .output()
            .unwrap();
        fingerprints(&serde_json::from_slice(&out.stdout).unwrap())
    };
    let before = lint(&text);
    let after = lint(&format!(
        "# reviewed by the board\n# on 2026-03-01\n\n{text}"
    ));
    assert_eq!(before.len(), 4);
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a.0, b.0);
        assert_eq!(a.1, b.1, "the fingerprint of {} moved with its line", b.0);
        assert_eq!(a.2, b.2 + 3, "the line did move");
    }
    // Another file name is another finding.
    std::fs::write(dir.path().join("other.plan.yaml"), &text).unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args(["--format", "gitlab", "--select", SEL, "other.plan.yaml"])
        .output()
        .unwrap();
    let other = fingerprints(&serde_json::from_slice(&out.stdout).unwrap());
    assert_ne!(other[0].1, before[0].1);
    // `./x` and `x` are the same file to CI.
    let out = planlint()
        .current_dir(dir.path())
        .args(["--format", "gitlab", "--select", SEL, "./acme.plan.yaml"])
        .output()
        .unwrap();
    let dotted = fingerprints(&serde_json::from_slice(&out.stdout).unwrap());
    assert_eq!(dotted[0].1, before[0].1);
}

#[test]
fn gitlab_fingerprints_are_unique_even_for_the_same_rule_and_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("two.plan.yaml"),
        "unit_economics: {revenue_churn: 25%}\n---\nunit_economics: {revenue_churn: 30%}\n",
    )
    .unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args(["--format", "gitlab", "two.plan.yaml"])
        .output()
        .unwrap();
    let got = fingerprints(&serde_json::from_slice(&out.stdout).unwrap());
    let churn: Vec<_> = got
        .iter()
        .filter(|f| f.0 == "large-customers/churn-ceiling")
        .collect();
    assert_eq!(churn.len(), 2);
    assert_ne!(churn[0].1, churn[1].1);

    // Over every fixture: no two findings share a fingerprint, and SARIF carries the same.
    let all = json("gitlab", &["fixtures"]);
    let prints: Vec<String> = fingerprints(&all).into_iter().map(|f| f.1).collect();
    let unique: BTreeSet<&String> = prints.iter().collect();
    assert_eq!(unique.len(), prints.len());
    let sarif = json("sarif", &["fixtures"]);
    let sarif_prints: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["planlint/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(sarif_prints, prints);
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_scorecard_has_a_row_per_plan_a_column_per_principle_and_the_findings() {
    let (md, code) = run(
        "markdown",
        &[
            "--select",
            SEL,
            ACV,
            CLEAN,
            "fixtures/plan/syntax.plan.yaml",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        md.starts_with(
            "## planlint scorecard\n\n❌ 4 errors, 1 warning in 3 files; 1 file not fully checked\n"
        ),
        "{md}"
    );
    let principles = {
        let mut p: Vec<String> = Vec::new();
        for id in selected_catalogue() {
            let slug = id.split('/').next().unwrap().to_string();
            if !p.contains(&slug) {
                p.push(slug);
            }
        }
        p
    };
    // The header: the plan, then the principles in catalogue order.
    let header = format!("| Plan | {} |", principles.join(" | "));
    assert!(md.contains(&format!("\n{header}\n")), "{md}");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), 3, "{md}");
    for row in &rows {
        assert_eq!(row.matches(" | ").count(), principles.len(), "{row}");
    }
    let cell = |row: &str, principle: &str| -> String {
        let i = principles.iter().position(|p| p == principle).unwrap();
        row.split(" | ")
            .nth(i + 1)
            .unwrap()
            .trim_end_matches(" |")
            .to_string()
    };
    let row_of = |file: &str| {
        *rows
            .iter()
            .find(|r| r.starts_with(&format!("| `{file}` |")))
            .unwrap()
    };
    assert_eq!(cell(row_of(ACV), "large-customers"), "❌ 4");
    assert_eq!(cell(row_of(ACV), "plan"), "✅");
    assert_eq!(cell(row_of(CLEAN), "large-customers"), "✅");
    // A file that did not parse: no principle passes.
    let syntax = row_of("fixtures/plan/syntax.plan.yaml");
    assert_eq!(cell(syntax, "large-customers"), "— not checked");
    assert_eq!(cell(syntax, "plan"), "❌ 1 (partly not checked)");
    assert!(md.contains("\n### Findings\n\n"));
    assert!(md.contains(&format!(
        "- `{ACV}:72:8` **error** `large-customers/acv-floor`: `ACV is 50,000 CNY"
    )));
    assert!(md.contains(&format!(
        "- `{ACV}:74:19` **warning** `large-customers/lifetime-vs-churn`: `"
    )));
    assert!(
        md.contains("\n### Not checked\n\n- `fixtures/plan/syntax.plan.yaml`: "),
        "{md}"
    );
    assert!(
        md.contains(" rules — the file could not be parsed\n"),
        "{md}"
    );

    let (clean, code) = run("markdown", &[CLEAN]);
    assert_eq!(code, 0);
    assert!(clean.contains("✅ no findings in 1 file\n"), "{clean}");
    assert!(
        clean.contains(&format!("| `{CLEAN}` | ✅ | ✅ |")),
        "{clean}"
    );
    assert!(clean.ends_with("### Findings\n\nNo findings.\n"), "{clean}");
}

#[test]
fn markdown_warn_status_and_escaped_pipes() {
    let text = std::fs::read_to_string(
        manifest_dir().join("fixtures/large-customers/lifetime-vs-churn.plan.yaml"),
    )
    .unwrap();
    let out = planlint()
        .args([
            "--format",
            "markdown",
            "--select",
            SEL,
            "--stdin-filename",
            "a|b <x>.plan.yaml",
            "-",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| `a\\|b <x>.plan.yaml` | ✅ | ⚠️ 1 |"), "{md}");
    // Every table row has its cells: no unescaped `|` splits one.
    for row in md.lines().filter(|l| l.starts_with("| ")) {
        let cells = row.replace(r"\|", "").matches('|').count() - 1;
        assert_eq!(cells, 3, "{row}");
    }
}

// ---------------------------------------------------------------- all formats

#[test]
fn exit_codes_are_the_same_in_every_format() {
    let warn_only = "fixtures/large-customers/lifetime-vs-churn.plan.yaml";
    let error = "fixtures/large-customers/churn-ceiling.plan.yaml";
    let cases: [(&[&str], &str, i32); 10] = [
        (&[], warn_only, 0),
        (&["--fail-on", "warning"], warn_only, 1),
        (&["--fail-on", "info"], warn_only, 1),
        (&["--max-warnings", "0"], warn_only, 1),
        (&["--max-warnings", "1"], warn_only, 0),
        (&["--fail-on", "warning", "--exit-zero"], warn_only, 0),
        (&[], error, 1),
        (&["--fail-on", "never"], error, 0),
        (&["--exit-zero"], error, 0),
        (&[], CLEAN, 0),
    ];
    for format in FORMATS {
        for (args, file, expected) in &cases {
            let mut all: Vec<&str> = vec!["--select", SEL];
            all.extend_from_slice(args);
            all.push(file);
            let (_, code) = run(format, &all);
            assert_eq!(
                code,
                *expected,
                "--format {format} {} exits {code}",
                all.join(" ")
            );
        }
        // A missing path is exit 2 whatever the format, and the rest is still reported.
        let (out, code) = run(format, &["no/such.plan.yaml", error]);
        assert_eq!(code, 2, "--format {format} with a missing path");
        assert!(
            format == "markdown" || out.contains("churn"),
            "--format {format} still reports the other file: {out}"
        );
    }
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let file = dir.path().join(format!("report.{format}"));
        let out = planlint()
            .args(["--color", "never", "--format", format, "-o"])
            .arg(&file)
            .arg(ACV)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "--format {format}");
        assert!(out.stdout.is_empty(), "--format {format} printed to stdout");
        let written = std::fs::read_to_string(&file).unwrap();
        let (printed, _) = run(format, &[ACV]);
        assert_eq!(
            written, printed,
            "--format {format}: file and stdout differ"
        );
        assert!(!written.is_empty());
    }
}

// ---------------------------------------------------------------- snapshots

/// The output of a small, stable run: only the rules of [`SEL`], so that rules added to
/// other principles do not change these snapshots.
fn snapshot_run(format: &str) -> String {
    let (out, _) = run(format, &["--select", SEL, ACV, DUPLICATE]);
    redact_version(&out)
}

#[test]
fn snapshot_sarif() {
    let mut v: Value = serde_json::from_str(&snapshot_run("sarif")).unwrap();
    // The rule list and indices grow with the catalogue; they are checked above.
    let n = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .len();
    v["runs"][0]["tool"]["driver"]["rules"] = Value::from(format!("[{n} rules]"));
    for r in v["runs"][0]["results"].as_array_mut().unwrap() {
        r["ruleIndex"] = Value::from("[index]");
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&v).unwrap());
}

#[test]
fn snapshot_github() {
    insta::assert_snapshot!(snapshot_run("github"));
}

#[test]
fn snapshot_junit() {
    insta::assert_snapshot!(snapshot_run("junit"));
}

#[test]
fn snapshot_gitlab() {
    insta::assert_snapshot!(snapshot_run("gitlab"));
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!(snapshot_run("markdown"));
}
