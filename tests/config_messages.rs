//! Config messages through the real binary: every refused value says the accepted range,
//! every suggestion is itself accepted, non-finite numbers are refused as such, and no
//! number is ever shown with hundreds of digits.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const HANG_GUARD: std::time::Duration = std::time::Duration::from_secs(60);

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn planlint_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("planlint").expect("binary builds");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "0")
        .timeout(HANG_GUARD);
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// `planlint config --config c.toml` with `toml` as the config.
fn config(toml: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.toml"), toml).unwrap();
    let out = planlint_in(dir.path())
        .args(["config", "--config", "c.toml"])
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A lint run of a clean plan with `--config c.toml`.
fn lint(toml: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.toml"), toml).unwrap();
    std::fs::copy(
        manifest().join("fixtures/clean/lianheng.plan.yaml"),
        dir.path().join("p.plan.yaml"),
    )
    .unwrap();
    let out = planlint_in(dir.path())
        .args(["--config", "c.toml", "p.plan.yaml"])
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The longest run of digits in `s`.
fn longest_digits(s: &str) -> usize {
    s.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// The `key = value` the help suggests: after "the default is " or "for example ".
fn suggestion(stderr: &str) -> String {
    let help = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("help:"))
        .unwrap_or_else(|| panic!("no help in:\n{stderr}"));
    let start = help
        .find('`')
        .unwrap_or_else(|| panic!("no suggestion in {help}"));
    let rest = &help[start + 1..];
    rest[..rest.find('`').unwrap()].to_string()
}

/// Asserts that `toml` is refused with exit 2 and every `expected` text in the message,
/// both by `planlint config` and by a lint run, never with a long number; then that the
/// suggested line, written in `table`, is accepted.
fn refused(table: &str, line: &str, expected: &[&str]) -> String {
    let toml = format!("{table}\n{line}\n");
    for run in [config(&toml), lint(&toml)] {
        assert_eq!(run.code, Some(2), "{toml}\nstderr: {}", run.stderr);
        for e in expected {
            assert!(
                run.stderr.contains(e),
                "{toml}: expected {e:?} in:\n{}",
                run.stderr
            );
        }
        assert!(
            longest_digits(&run.stderr) < 20,
            "a long number in:\n{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    let stderr = config(&toml).stderr;
    let suggested = suggestion(&stderr);
    let fixed = config(&format!("{table}\n{suggested}\n"));
    assert_eq!(
        fixed.code,
        Some(0),
        "the suggestion `{suggested}` for `{line}` is refused:\n{}",
        fixed.stderr
    );
    stderr
}

#[test]
fn max_depth_zero_says_the_range_and_suggests_the_default() {
    let stderr = refused(
        "[limits]",
        "max_depth = 0",
        &[
            "`max_depth` must be a whole number from 1 to 512, found 0",
            "c.toml:2:13",
        ],
    );
    assert!(
        stderr.contains("the default is `max_depth = 64`"),
        "{stderr}"
    );
    assert!(!stderr.contains("100000"), "{stderr}");
}

#[test]
fn max_depth_above_the_ceiling_says_the_range() {
    for (line, found) in [("max_depth = 513", "513"), ("max_depth = 1e15", "1e15")] {
        let stderr = refused(
            "[limits]",
            line,
            &[
                "`max_depth` can be at most 512: a whole number from 1 to 512",
                &format!("found {found}"),
            ],
        );
        assert!(
            stderr.contains("the default is `max_depth = 64`"),
            "{stderr}"
        );
    }
    // The ceiling itself is accepted.
    assert_eq!(config("[limits]\nmax_depth = 512\n").code, Some(0));
}

#[test]
fn large_limits_say_the_range_instead_of_one_or_more() {
    for (name, default) in [
        ("max_nodes", "250000"),
        ("max_file_size", "10485760"),
        ("max_alias_events", "100000"),
    ] {
        let stderr = refused(
            "[limits]",
            &format!("{name} = 1e15"),
            &[&format!(
                "`{name}` must be a whole number from 1 to 1,000,000,000,000, found 1e15"
            )],
        );
        assert!(!stderr.contains("of 1 or more"), "{stderr}");
        assert!(
            stderr.contains(&format!("the default is `{name} = {default}`")),
            "{stderr}"
        );
        let out = config(&format!("[limits]\n{name} = 1_000_000_000_000\n"));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(out.stdout.contains(&format!("{name} = 1000000000000\n")));
    }
    refused(
        "[limits]",
        "max_nodes = 1.5",
        &["must be a whole number from 1 to 1,000,000,000,000, found 1.5"],
    );
    refused(
        "[limits]",
        "max_nodes = \"many\"",
        &["must be a whole number from 1 to 1,000,000,000,000, found a string"],
    );
}

#[test]
fn non_finite_numbers_are_refused_as_not_finite() {
    for value in ["inf", "+inf", "-inf", "nan"] {
        let shown = value.trim_start_matches('+');
        refused(
            "[thresholds]",
            &format!("min_roi = {value}"),
            &[
                "`min_roi` must be a finite number: a number from 0 to 1,000,000",
                &format!("found {shown}"),
            ],
        );
        refused(
            "[limits]",
            &format!("max_nodes = {value}"),
            &["`max_nodes` must be a finite number: a whole number from 1 to 1,000,000,000,000"],
        );
        refused(
            "[fx]",
            &format!("USD = {value}"),
            &["the rate for USD must be a finite number from 0.000000001 to 1,000,000,000"],
        );
    }
    refused(
        "[thresholds]",
        "tolerance = \"inf%\"",
        &["`tolerance` must be a finite number: a percentage from 0% to 10,000%, found inf%"],
    );
    refused(
        "[thresholds]",
        "min_ltv = inf",
        &["`min_ltv` must be a finite number: an amount of money from 0 to 1,000,000,000,000"],
    );
    // Too large for a float is not "inf" to the one who wrote it.
    refused(
        "[thresholds]",
        "min_roi = 1e400",
        &[
            "must be a finite number",
            "found a number too large for a 64-bit float",
        ],
    );
}

#[test]
fn an_extreme_rate_is_refused_in_short_numbers() {
    let stderr = refused(
        "[fx]",
        "USD = 1e-300",
        &["the rate for USD must be a number from 0.000000001 to 1,000,000,000, found 1e-300"],
    );
    assert!(stderr.contains("`USD = 7.1`"), "{stderr}");
    refused("[fx]", "USD = 1e300", &["found 1e300"]);
    refused("[fx]", "USD = 0", &["found 0"]);
    refused("[fx]", "USD = -7", &["found -7"]);
    // The ends of the range are accepted and shown short.
    let out = config("[fx]\nUSD = 1e-9\nEUR = 1e9\n");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("USD = 1e-9\n"), "{}", out.stdout);
    assert!(out.stdout.contains("EUR = 1000000000\n"), "{}", out.stdout);
}

#[test]
fn huge_and_negative_thresholds_say_the_range_and_suggest_their_own_unit() {
    refused(
        "[thresholds]",
        "min_roi = 1e300",
        &["`min_roi` must be a number from 0 to 1,000,000, found 1e300"],
    );
    refused(
        "[thresholds]",
        "min_roi = -1",
        &["`min_roi` must be a number from 0 to 1,000,000, found -1"],
    );
    // A percentage is suggested as one: `tolerance = 3` would be 300%.
    let stderr = refused(
        "[thresholds]",
        "tolerance = -1",
        &["`tolerance` must be a percentage from 0% to 10,000%, found -100%"],
    );
    assert!(stderr.contains("`tolerance = \"5%\"`"), "{stderr}");
    refused(
        "[thresholds]",
        "max_revenue_churn = \"1e300%\"",
        &["found 1e300%"],
    );
    let stderr = refused(
        "[thresholds]",
        "min_ltv = 1e300",
        &["`min_ltv` must be an amount of money from 0 to 1,000,000,000,000, found 1e300"],
    );
    assert!(stderr.contains("`min_ltv = \"400k CNY\"`"), "{stderr}");
    refused(
        "[thresholds]",
        "min_ltv = \"2000000000000 CNY\"",
        &["found 2e12"],
    );
    refused(
        "[thresholds]",
        "min_ltv = true",
        &["must be an amount of money from 0 to 1,000,000,000,000, found a boolean"],
    );
}

#[test]
fn a_converted_threshold_beyond_the_ceiling_is_refused_in_short_numbers() {
    let toml = "[thresholds]\nmin_ltv = \"900000000000 USD\"\n[fx]\nUSD = 7.1\n";
    for run in [config(toml), lint(toml)] {
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "`min_ltv` is 6.39e12 CNY at USD = 7.1, more than the 1,000,000,000,000 CNY a money threshold can be"
            ),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("c.toml:2:11"), "{}", run.stderr);
        assert!(longest_digits(&run.stderr) < 20, "{}", run.stderr);
    }
}

#[test]
fn the_effective_configuration_prints_extremes_short_and_reads_back_the_same() {
    let toml = "exclude = [\"a\\u001b]0;x\\\"b\", \"x\\u202ey\"]\n\
        [thresholds]\nmin_roi = 1e-300\nmin_ltv = 1e-300\nmax_revenue_churn = 0.07\n\
        max_services_share = \"1e-10%\"\nmax_industries = 999999.999\n\
        [fx]\nUSD = 1e-9\nEUR = 7.123456789\n\
        [[overrides]]\nfiles = [\"le\\ngacy/**\"]\nrules = { \"large-customers/\" = \"info\" }\n";
    let first = config(toml);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let out = &first.stdout;
    assert!(longest_digits(out) < 20, "{out}");
    for line in [
        "min_roi = 1e-300\n",
        "min_ltv = 1e-300   # CNY\n",
        "max_revenue_churn = \"7%\"\n",
        "max_services_share = \"1e-10%\"\n",
        "max_industries = 999999.999\n",
        "USD = 1e-9\n",
        "EUR = 7.123456789\n",
        "exclude = [\"a\\u001B]0;x\\\"b\", \"x\\u202Ey\"]\n",
        "files = [\"le\\u000Agacy/**\"]\n",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
    assert!(
        !out.contains(['\u{1b}', '\u{202e}']),
        "a raw control character in:\n{out}"
    );
    // Pasted back as a config, it gives the same configuration.
    let second = config(out);
    assert_eq!(second.code, Some(0), "{}", second.stderr);
    let body = |s: &str| -> String { s.lines().skip(1).collect::<Vec<_>>().join("\n") };
    assert_eq!(body(out), body(&second.stdout));
}

#[test]
fn integers_in_any_toml_base_are_numbers() {
    let out =
        config("[limits]\nmax_nodes = 0x10\nmax_depth = 0o20\n[thresholds]\nmin_roi = 0b101\n");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("max_nodes = 16\n"), "{}", out.stdout);
    assert!(out.stdout.contains("max_depth = 16\n"), "{}", out.stdout);
    assert!(out.stdout.contains("min_roi = 5\n"), "{}", out.stdout);
    refused(
        "[limits]",
        "max_nodes = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
        &["found an integer too large to read"],
    );
}

#[test]
fn limits_is_a_known_top_level_key() {
    let run = config("[limitz]\nmax_depth = 10\n");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("did you mean `limits`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_rule_key_in_a_suggestion_is_quoted_as_toml_needs() {
    let stderr = refused(
        "[rules]",
        "\"large-customers/\" = 3",
        &["`large-customers/` must be a string, found an integer"],
    );
    assert!(
        stderr.contains("`\"large-customers/\" = \"warning\"`"),
        "{stderr}"
    );
}

#[test]
fn names_from_the_config_are_shown_with_controls_escaped() {
    for toml in [
        "\"k\\u001b]0;x\\u0007\" = 1\n",
        "[rules]\n\"k\\u001b]0;x\\u202e\" = \"off\"\n",
        "exclude = [\"[\\u001b\"]\n",
        "fail-on = \"e\\u001b[2J\"\n",
        "[fx]\n\"U\\u001bD\" = 7\n",
    ] {
        let run = config(toml);
        assert_eq!(run.code, Some(2), "{toml}");
        assert!(run.stderr.contains("\\u{1b}"), "{}", run.stderr);
        assert!(
            !run.stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "a raw control character in:\n{}",
            run.stderr
        );
    }
}
