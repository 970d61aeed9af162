//! planlint on an untrusted pull request: what walking a tree reads (no links out of it,
//! only files that are plans, each once), what it refuses to read (FIFOs, devices, huge
//! files), how deep it can go, how many threads it starts, and that a closed or full
//! stream never makes it panic. The timeouts are hang guards only.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const HANG_GUARD: Duration = Duration::from_secs(120);
const BIN: &str = env!("CARGO_BIN_EXE_planlint");

/// A plan with one error (churn), found by walking too.
const PLAN: &str = "planlint: 1\nunit_economics:\n  revenue_churn: 25%\n";

mod support;
use support::write_file as write;

fn planlint(dir: &Path) -> Command {
    support::planlint_in(dir, HANG_GUARD)
}

/// The JSON report's `files`, and the exit code and stderr.
fn files_of(dir: &Path, args: &[&str]) -> (Vec<String>, i32, String) {
    let out = planlint(dir)
        .args(["--isolated", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}); stderr: {stderr}"));
    let files = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    (files, out.status.code().unwrap_or(-1), stderr)
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
}

#[cfg(unix)]
#[test]
fn walking_never_reads_through_a_link_out_of_the_tree() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "secret.txt", "planlint: 1\nkey: TOPSECRET-42\n");
    write(root, "plans/real.plan.yaml", PLAN);
    std::fs::create_dir_all(root.join("plans")).unwrap();
    symlink(root.join("secret.txt"), root.join("plans/p.plan.yaml")).unwrap();
    symlink("/proc/self/environ", root.join("plans/env.plan.yaml")).unwrap();
    symlink(
        root.join("plans/real.plan.yaml"),
        root.join("plans/alias.plan.yaml"),
    )
    .unwrap();

    for follow in [false, true] {
        let mut cmd = planlint(root);
        cmd.env("PLANLINT_TEST_SECRET", "ENVSECRET-43")
            .arg("--isolated");
        if follow {
            cmd.arg("--follow");
        }
        let out = cmd.arg("plans").output().unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !all.contains("TOPSECRET") && !all.contains("ENVSECRET"),
            "{all}"
        );
        assert!(all.contains("real.plan.yaml"), "{all}");
        if follow {
            // Reported, named, and why; the run is then exit 2.
            assert_eq!(out.status.code(), Some(2), "{all}");
            assert!(
                all.contains("plans/p.plan.yaml: is a symbolic link to")
                    && all.contains("outside plans; not read"),
                "{all}"
            );
            assert!(
                all.contains("plans/env.plan.yaml: is a symbolic link to"),
                "{all}"
            );
        } else {
            assert_eq!(out.status.code(), Some(1), "{all}");
            assert!(all.contains("3 symbolic links not followed"), "{all}");
        }
    }

    // --follow follows a link inside the tree, and the file it leads to is linted once.
    let (files, code, _) = files_of(root, &["--follow", "plans/real.plan.yaml", "plans"]);
    assert_eq!(files, ["plans/real.plan.yaml"]);
    assert_eq!(code, 2);

    // A link named on the command line is read as given.
    let (files, code, _) = files_of(root, &["plans/p.plan.yaml"]);
    assert_eq!((files, code), (vec!["plans/p.plan.yaml".to_string()], 1));
}

#[test]
fn walking_lints_only_files_with_a_top_level_planlint_key() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "deploy/plan.yaml",
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  plan.yaml: |\n    planlint: 1\n",
    );
    write(root, "notes/x.plan.yml", "# planlint: 1\ntitle: notes\n");
    write(root, "plans/acme.plan.yaml", PLAN);
    write(
        root,
        "plans/bom.plan.yaml",
        &format!("\u{feff}# board draft\n---\n{PLAN}"),
    );
    let (files, code, stderr) = files_of(root, &["."]);
    assert_eq!(files, ["plans/acme.plan.yaml", "plans/bom.plan.yaml"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("2 YAML files skipped: no top-level `planlint:` key"),
        "{stderr}"
    );
    // Named on the command line, a file is linted whatever it holds.
    let (files, code, _) = files_of(root, &["deploy/plan.yaml"]);
    assert_eq!((files, code), (vec!["deploy/plan.yaml".to_string()], 1));
}

#[test]
fn paths_that_hold_no_plan_fail_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "docs/readme.md", "# nothing here\n");
    write(root, "deploy/plan.yaml", "kind: ConfigMap\n");
    let out = planlint(root).args(["--isolated", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("planlint: error: no plans found under .")
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("no findings in 0 files"));

    std::fs::create_dir_all(root.join("e\u{1b}[31m")).unwrap();
    let out = planlint(root)
        .args(["--isolated", ".", "e\u{1b}[31m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no plans found under ., e\\u{1b}[31m"),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("no findings in 0 files"));
    // JSON says the same through its exit code.
    let (files, code, _) = files_of(root, &["."]);
    assert_eq!((files.len(), code), (0, 2));
}

#[cfg(unix)]
#[test]
fn each_file_is_linted_once_and_names_keep_their_bytes() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.plan.yaml", PLAN);
    write(root, "plans/b.plan.yaml", PLAN);
    symlink(root.join("plans"), root.join("link")).unwrap();
    let (files, _, _) = files_of(root, &["a.plan.yaml", "a.plan.yaml", "./a.plan.yaml"]);
    assert_eq!(files, ["a.plan.yaml"]);
    let (files, _, _) = files_of(root, &["plans", "link", "plans/b.plan.yaml"]);
    assert_eq!(files, ["plans/b.plan.yaml"]);

    // Two names that differ only in bytes that are not UTF-8: two files, two keys.
    let name = |b: u8| {
        let mut n = b"odd-".to_vec();
        n.push(b);
        n.extend_from_slice(b".plan.yaml");
        std::ffi::OsString::from(std::ffi::OsStr::from_bytes(&n))
    };
    let sub = root.join("odd");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join(name(0xff)), PLAN).unwrap();
    let sel = ["--select", "large-customers/churn-ceiling"];
    planlint(root)
        .args(["--isolated", "--write-baseline", "b.json"])
        .args(sel)
        .arg("odd")
        .assert()
        .code(0);
    std::fs::write(sub.join(name(0xfe)), PLAN).unwrap();
    let (files, code, stderr) =
        files_of(root, &[&["--baseline", "b.json", "odd"][..], &sel].concat());
    assert_eq!(
        files,
        ["odd/odd-\\xFE.plan.yaml", "odd/odd-\\xFF.plan.yaml"]
    );
    // The new file's finding is not hidden by the other's baseline entry.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("1 finding hidden by the baseline"),
        "{stderr}"
    );
}

#[test]
fn file_names_are_escaped_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = planlint(dir.path())
        .args(["--isolated", "\u{1b}]0;pwned\u{7}.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\\u{1b}]0;pwned\\u{7}.plan.yaml: no such file"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr}"
    );
}

/// `levels` nested mappings, flow (`{a: {a: ...}}`) or block style.
fn nested(levels: usize, flow: bool) -> String {
    let mut s = String::from("planlint: 1\nx:");
    if flow {
        s.push(' ');
        s.push_str(&"{a: ".repeat(levels));
        s.push('1');
        s.push_str(&"}".repeat(levels));
        s.push('\n');
    } else {
        s.push('\n');
        for i in 0..levels {
            s.push_str(&"  ".repeat(i + 1));
            s.push_str("a:\n");
        }
        s.push_str(&"  ".repeat(levels + 1));
        s.push_str("b: 1\n");
    }
    s
}

#[test]
fn the_deepest_nesting_a_config_allows_fits_every_thread_stack() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "planlint.toml", "[limits]\nmax_depth = 512\n");
    for levels in [500, 511, 600] {
        write(
            root,
            &format!("flow{levels}.plan.yaml"),
            &nested(levels, true),
        );
        write(
            root,
            &format!("block{levels}.plan.yaml"),
            &nested(levels, false),
        );
    }
    for threads in ["1", "2"] {
        // Several files at once, so both threads lint deep files; one file alone runs
        // on the calling thread.
        for args in [&["."][..], &["flow600.plan.yaml"], &["block511.plan.yaml"]] {
            let out = planlint(root)
                .args(["--format", "json", "-j", threads])
                .args(args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(1),
                "-j {threads} {args:?}: {stderr}"
            );
            assert!(!stderr.contains("overflow"), "{stderr}");
        }
    }
}

#[test]
fn config_and_baseline_must_be_regular_files_of_a_sane_size() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.plan.yaml", PLAN);
    mkfifo(&root.join("fifo"));
    let huge = std::fs::File::create(root.join("huge")).unwrap();
    // Sparse: no disk used, but more than any limit.
    huge.set_len(3 << 30).unwrap();
    for (flag, file, says) in [
        ("--config", "fifo", "is not a regular file"),
        ("--config", "/dev/zero", "is not a regular file"),
        ("--config", "huge", "is larger than 1048576 bytes"),
        ("--baseline", "fifo", "is not a regular file"),
        ("--baseline", "/dev/zero", "is not a regular file"),
        ("--baseline", "huge", "is larger than 67108864 bytes"),
    ] {
        let out = planlint(root)
            .args([flag, file, "a.plan.yaml"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag} {file}: {stderr}");
        assert!(stderr.contains(says), "{flag} {file}: {stderr}");
        assert!(stderr.contains(file), "{flag} {file}: {stderr}");
    }
}

#[test]
fn too_many_threads_are_refused_with_the_maximum() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.plan.yaml", PLAN);
    for n in ["18446744073709551615", "257"] {
        planlint(dir.path())
            .args(["--isolated", "-j", n, "a.plan.yaml"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("maximum of 256"));
    }
    planlint(dir.path())
        .args(["--isolated", "-j", "256", "a.plan.yaml"])
        .assert()
        .code(1);
}

fn dev_full() -> Stdio {
    Stdio::from(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_or_stderr_is_exit_2_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.plan.yaml", PLAN);
    for format in ["human", "json"] {
        let out = std::process::Command::new(BIN)
            .current_dir(dir.path())
            .args(["--isolated", "--format", format, "a.plan.yaml"])
            .stdout(dev_full())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert!(
            stderr.contains("cannot write the report to standard output: no space left on device"),
            "{stderr}"
        );
    }
    let status = std::process::Command::new(BIN)
        .current_dir(dir.path())
        .args(["--isolated", "a.plan.yaml", "nope.plan.yaml"])
        .stdout(Stdio::null())
        .stderr(dev_full())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

#[test]
fn a_pipe_closed_early_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // Far more than a pipe buffer holds, on stdout and on stderr.
    for i in 0..60 {
        write(dir.path(), &format!("p/{i}.plan.yaml"), PLAN);
    }
    let missing: Vec<String> = (0..3000).map(|i| format!("nope{i}.plan.yaml")).collect();

    // stderr closed (`planlint ... 2>&1 | head -1`): the errors cannot be shown, the
    // exit code still says so.
    let mut child = std::process::Command::new(BIN)
        .current_dir(dir.path())
        .arg("--isolated")
        .arg("p")
        .args(&missing)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(2));

    // stdout closed (`planlint . | head -1`): quiet, the exit code is the findings'.
    for format in ["human", "json"] {
        let mut child = std::process::Command::new(BIN)
            .current_dir(dir.path())
            .args(["--isolated", "--format", format, "p"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!stderr.contains("error"), "{stderr}");
    }
}
