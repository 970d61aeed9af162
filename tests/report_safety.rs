//! The reports against hostile plans and file names (issue 11): no terminal escape, bidi
//! override or line separator from a plan reaches a terminal or a CI log raw, no plan
//! text becomes Markdown markup, and the human report stays linear in findings × offset.
//! The real binary on generated files.

mod support;

use std::path::Path;
use std::time::Duration;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use support::{manifest_dir, planlint};

/// A plan that passes, to which the tests add hostile keys.
fn clean_plan() -> String {
    std::fs::read_to_string(manifest_dir().join("fixtures/clean/lianheng.plan.yaml")).unwrap()
}

/// The key of issue 11: an OSC window title, BEL, clear screen, red; then a bidi
/// override, NEL, a line separator and NUL (YAML escapes in a double-quoted key).
const HOSTILE_KEY: &str = r#""k\e]0;PWNED\a\e[2J\e[31mRED\u202eX\NY\LZ\0": 1"#;

/// A directory with three hostile plans: the key above, raw ESC bytes in a comment
/// (a syntax error whose snippet shows the line), and ESC and U+202E in a file name.
fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plan = clean_plan();
    std::fs::write(
        dir.path().join("key.plan.yaml"),
        format!("{plan}{HOSTILE_KEY}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("comment.plan.yaml"),
        plan.replacen(
            "projections:",
            "# evil \u{1b}[31mRED\u{1b}]0;T\u{7} \u{202e}comment\nprojections:",
            1,
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("name\u{1b}[2J\u{202e}.plan.yaml"),
        format!("{plan}zzz_unknown: 1\n"),
    )
    .unwrap();
    dir
}

fn lint(dir: &Path, args: &[&str]) -> (Vec<u8>, i32) {
    let out = planlint()
        .current_dir(dir)
        .args(["--isolated"])
        .args(args)
        .arg(".")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    (out.stdout, out.status.code().unwrap_or(-1))
}

/// Control, bidi and line-separator characters that must not appear raw.
fn raw_controls(text: &str, allow_esc: bool) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            matches!(c,
                '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
                | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                && !(allow_esc && c == '\u{1b}')
        })
        .collect()
}

#[test]
fn the_human_report_shows_control_characters_from_plans_and_names_escaped() {
    let dir = hostile_dir();
    let (out, code) = lint(dir.path(), &["--color", "never"]);
    assert_eq!(code, 1);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(raw_controls(&text, false), Vec::<char>::new(), "{text}");
    // Shown, made visible: the key in the message, the comment line of the snippet, the
    // file name.
    assert!(
        text.contains(r"unknown key `k\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[31mRED\u{202e}X\u{85}Y\u{2028}Z\u{0}`"),
        "{text}"
    );
    assert!(
        text.contains(r"# evil \u{1b}[31mRED\u{1b}]0;T\u{7} \u{202e}comment"),
        "{text}"
    );
    assert!(
        text.contains(r"[name\u{1b}[2J\u{202e}.plan.yaml:"),
        "{text}"
    );
    // The label still underlines the escaped comment character the parser names.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(r"# evil \u{1b}"))
        .unwrap();
    let col = |line: &str, needle: &str| line[..line.find(needle).unwrap()].chars().count();
    assert_eq!(
        col(lines[at + 1], "─"),
        col(lines[at], r"\u{1b}[31m"),
        "{text}"
    );
}

#[test]
fn with_colour_every_escape_is_planlints_own_sgr() {
    let dir = hostile_dir();
    let (out, _) = lint(dir.path(), &["--color", "always"]);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(raw_controls(&text, true), Vec::<char>::new(), "{text:?}");
    let mut sgr = 0;
    for (i, _) in text.match_indices('\u{1b}') {
        let rest = &text[i + 1..];
        let body = rest
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("ESC not followed by [: {:?}", &rest[..20]));
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap();
        assert_eq!(&body[end..=end], "m", "not SGR: {:?}", &rest[..20]);
        sgr += 1;
    }
    assert!(sgr > 10, "colour was asked for: {text:?}");
}

#[test]
fn github_commands_carry_no_raw_control_characters() {
    let dir = hostile_dir();
    let (out, _) = lint(dir.path(), &["--format", "github"]);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(raw_controls(&text, false), Vec::<char>::new(), "{text}");
    for line in text.lines() {
        assert!(line.starts_with("::"), "{line}");
    }
    assert!(
        text.contains(r"unknown key `k\u{1b}]0;PWNED\u{7}"),
        "{text}"
    );
    // The file name as a property: visible escapes, `:` and `,` still encoded.
    assert!(
        text.contains(r"file=name\u{1b}[2J\u{202e}.plan.yaml,"),
        "{text}"
    );
}

/// Markdown's events, with GitHub's tables.
fn events(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(md, Options::ENABLE_TABLES).collect()
}

#[test]
fn markdown_injection_from_a_key_renders_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let key = "g` [click](https://evil.example) ![t](https://evil.example/t.png) `";
    std::fs::write(
        dir.path().join("a|b [x](e.example) <i>.plan.yaml"),
        format!(
            "{}\"{key}\": 1\n\"<img src=x onerror=alert(1)> *em* @team |\": 2\n",
            clean_plan()
        ),
    )
    .unwrap();
    let (out, code) = lint(dir.path(), &["--format", "markdown"]);
    assert_eq!(code, 1, "unknown keys are errors");
    let md = String::from_utf8(out).unwrap();
    let mut codes = Vec::new();
    let mut rows = Vec::new();
    for e in events(&md) {
        match &e {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::HtmlBlock | Tag::Emphasis)
            | Event::Html(_)
            | Event::InlineHtml(_) => panic!("markup from the plan: {e:?}\n{md}"),
            Event::Code(c) => codes.push(c.to_string()),
            Event::Start(Tag::TableRow) => rows.push(0),
            Event::End(TagEnd::TableCell) => {
                if let Some(n) = rows.last_mut() {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    // One table row (the plan), with every principle's cell.
    let header_cells = md
        .lines()
        .find(|l| l.starts_with("| Plan |"))
        .unwrap()
        .matches(" |")
        .count();
    assert_eq!(rows, [header_cells], "{md}");
    // The texts as written.
    assert!(
        codes.contains(&"a|b [x](e.example) <i>.plan.yaml".to_string()),
        "{codes:#?}"
    );
    assert!(
        codes.iter().any(|c| c.contains(&format!("`{key}`"))),
        "{codes:#?}"
    );
    assert!(
        codes
            .iter()
            .any(|c| c.contains("`<img src=x onerror=alert(1)> *em* @team |`")),
        "{codes:#?}"
    );
}

/// A plan with `keys` unknown keys after `comment_bytes` of comments.
fn far_keys(comment_bytes: usize, keys: usize) -> String {
    let plan = clean_plan();
    let head = &plan[..plan.find("projections:").unwrap()];
    let line = format!("# {}\n", "x".repeat(76));
    let mut text = String::from(head);
    text.push_str(&line.repeat(comment_bytes / line.len()));
    for i in 0..keys {
        text.push_str(&format!("unknown_key_{i}: {i}\n"));
    }
    text
}

/// Hang guard (issue 11 item 8): miette read every snippet from the start of the file,
/// so the human report took findings × offset. 20,000 findings after 2 MB took well over
/// 15 minutes in a debug build (2,000 took 113 s); linear, a few seconds.
#[test]
fn many_findings_far_into_a_file_render_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("far.plan.yaml"),
        far_keys(2 * 1024 * 1024, 20_000),
    )
    .unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args(["--isolated", "--color", "never", "far.plan.yaml"])
        .timeout(Duration::from_secs(90))
        .output()
        .unwrap();
    // Unknown keys are errors: exit 1 once the report is out (a timeout kills it: no code).
    assert_eq!(out.status.code(), Some(1), "timed out or failed");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("plan/unknown-key\n").count(), 20_000);
    assert!(text.contains("unknown key `unknown_key_19999`"));
}

/// Hang guard: 6,000 projection rows, each a finding labelling its row and the one
/// before (quadratic: over 3 minutes in a debug build; linear: a few seconds).
#[test]
fn a_finding_on_every_projection_row_renders_in_linear_time() {
    let plan = clean_plan();
    let mut text = plan[..plan.find("projections:").unwrap()].to_string();
    text.push_str("projections:\n");
    for i in 0..6000 {
        text.push_str(&format!(
            "  - {{ year: {}, revenue: 5M, customers: {}, new_customers: 40, headcount: 45, \
             net_burn: 9M, raised: 0, cash_end: 12M }}\n",
            2026 + i % 250,
            70 + i
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rows.plan.yaml"), text).unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args(["--isolated", "--color", "never", "rows.plan.yaml"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "timed out or failed");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.matches("patient-growth/cash-bridge\n").count() >= 5000);
}
