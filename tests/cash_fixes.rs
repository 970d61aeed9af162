//! The cash rules of `patient-growth/` (burn-multiple, cash-out, short-runway,
//! cash-bridge) offer fixes whose numbers are worked out, knock-on effects included: the
//! fixes each fixture gets, what they write, and what the help says alongside.
//! (`tests/fixes.rs` applies every one of them and lints again.)

use serde_json::Value;

mod support;
use support::fixes::{HANG_GUARD, fixes_of};
use support::{planlint, planlint_in, write_file};

fn report(args: &[&str], stdin: Option<&str>) -> Value {
    let mut cmd = planlint();
    cmd.args([
        "--isolated",
        "--format",
        "json",
        "--select",
        "patient-growth/",
    ])
    .args(args)
    .timeout(HANG_GUARD);
    if let Some(text) = stdin {
        cmd.write_stdin(text.to_string());
    }
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)))
}

/// `(rule, path, help, [fix title, alternative titles...])` of each finding.
fn findings(v: &Value) -> Vec<(String, String, String, Vec<String>)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let fixes = fixes_of(d)
                .map(|f| {
                    assert_eq!(f["applicability"], "unsafe", "{d}");
                    f["title"].as_str().unwrap().to_string()
                })
                .collect();
            (
                d["rule"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
                d["help"].as_str().unwrap().to_string(),
                fixes,
            )
        })
        .collect()
}

fn of_fixture(name: &str) -> Vec<(String, String, String, Vec<String>)> {
    findings(&report(&[&format!("fixtures/patient-growth/{name}")], None))
}

/// The fix titles of the finding of `rule` at `path`.
fn fixes_at(all: &[(String, String, String, Vec<String>)], rule: &str, path: &str) -> Vec<String> {
    all.iter()
        .find(|f| f.0 == format!("patient-growth/{rule}") && f.1 == path)
        .unwrap_or_else(|| panic!("no {rule} at {path}: {all:?}"))
        .3
        .clone()
}

fn help_at(all: &[(String, String, String, Vec<String>)], rule: &str, path: &str) -> String {
    all.iter()
        .find(|f| f.0 == format!("patient-growth/{rule}") && f.1 == path)
        .unwrap_or_else(|| panic!("no {rule} at {path}: {all:?}"))
        .2
        .clone()
}

#[test]
fn burn_multiple_cuts_the_burn_and_carries_the_cash_it_keeps() {
    let all = of_fixture("burn-multiple.plan.yaml");
    // A reported year is a fact: its burn is not rewritten.
    assert_eq!(
        fixes_at(&all, "burn-multiple", "projections[0].net_burn"),
        Vec::<String>::new()
    );
    // 2026 to 5M: the 4M it keeps is carried into 2026, 2027 and 2028, whose bridges held.
    assert_eq!(
        fixes_at(&all, "burn-multiple", "projections[1].net_burn"),
        ["change `net_burn: 5M`, `cash_end: 16M`, `cash_end: 43M`, `cash_end: 32M`"]
    );
    assert_eq!(
        fixes_at(&all, "burn-multiple", "projections[2].net_burn"),
        ["change `net_burn: 14M`, `cash_end: 43M`, `cash_end: 32M`"]
    );
}

#[test]
fn a_cut_that_would_leave_a_year_short_of_runway_goes_further() {
    // 2028 ran out (-6M): cut to 1× revenue (33M) it would end with 6M, two months; at
    // 19.5M it ends with 19.5M, a year.
    let all = of_fixture("cash-out.plan.yaml");
    assert_eq!(
        fixes_at(&all, "burn-multiple", "projections[2].net_burn"),
        ["change `net_burn: 19.5M`, `cash_end: 19.5M`"]
    );
    assert!(
        help_at(&all, "burn-multiple", "projections[2].net_burn").starts_with(
            "bring 2028's net burn to at most 19,500,000 CNY (1× revenue is 33,000,000 CNY, and every year's cash must still last 12 months)"
        ),
        "{all:?}"
    );
    // Through a later year: 2027's cut carries into 2028, which ran out.
    let all = of_fixture("knock-on-burn-multiple.plan.yaml");
    assert_eq!(
        fixes_at(&all, "burn-multiple", "projections[1].net_burn"),
        ["change `net_burn: 2M`, `cash_end: 90M`, `cash_end: 45M`"]
    );
}

#[test]
fn cash_out_raises_or_cuts_what_both_zero_and_the_runway_need() {
    let all = of_fixture("cash-out.plan.yaml");
    assert_eq!(
        fixes_at(&all, "cash-out", "projections[2].cash_end"),
        [
            "change `raised: 51000000`, `cash_end: 45M`",
            "change `net_burn: 19.5M`, `cash_end: 19.5M`"
        ]
    );
    assert!(
        help_at(&all, "cash-out", "projections[2].cash_end").starts_with(
            "raise at least 51,000,000 CNY more by 2028 (or earlier), or cut its net burn by 25,500,000 CNY, so cash stays at or above zero and lasts 12 months;"
        ),
        "{all:?}"
    );
    // Two years out of cash: the raise in the first carries the second to a year of cash
    // too; the second's burn (8M) is too small to cut it back above zero.
    let all = of_fixture("knock-on-cash-out.plan.yaml");
    assert_eq!(
        fixes_at(&all, "cash-out", "projections[1].cash_end"),
        [
            "change `raised: 24M`, `cash_end: 18M`, `cash_end: 10M`",
            "change `net_burn: 0M`, `cash_end: 16M`, `cash_end: 8M`"
        ]
    );
    assert_eq!(
        fixes_at(&all, "cash-out", "projections[2].cash_end"),
        ["change `raised: 18000000`, `cash_end: 8M`"]
    );
    assert!(
        help_at(&all, "cash-out", "projections[2].cash_end")
            .starts_with("raise at least 18,000,000 CNY more by 2028 (or earlier), so cash stays"),
        "{all:?}"
    );
    // No `raised` to write over: the cut is the fix, the help still names the raise.
    let all = of_fixture("no-raised-cash-out.plan.yaml");
    assert_eq!(
        fixes_at(&all, "cash-out", "projections[2].cash_end"),
        ["change `net_burn: 19.5M`, `cash_end: 19.5M`"]
    );
    assert!(
        help_at(&all, "cash-out", "projections[2].cash_end")
            .starts_with("raise at least 51,000,000 CNY more by 2028"),
        "{all:?}"
    );
}

#[test]
fn short_runway_raises_the_shortfall_or_cuts_less_than_it() {
    // 22M at 24M of burn: 2M more, or 1M less burn (23M lasts a year of 23M).
    let all = of_fixture("short-runway.plan.yaml");
    assert_eq!(
        fixes_at(&all, "short-runway", "projections[2].cash_end"),
        [
            "change `raised: 9M`, `cash_end: 24M`",
            "change `net_burn: 23M`, `cash_end: 23M`"
        ]
    );
    assert!(
        help_at(&all, "short-runway", "projections[2].cash_end").starts_with(
            "end 2028 with at least 24,000,000 CNY of cash (raise 2,000,000 CNY more by then), or cut its net burn by 1,000,000 CNY"
        ),
        "{all:?}"
    );
    // 8M would do for 2027, but would leave 2028 (out of cash) short: 16M covers both.
    let all = of_fixture("knock-on-short-runway.plan.yaml");
    assert_eq!(
        fixes_at(&all, "short-runway", "projections[1].cash_end"),
        [
            "change `raised: 32M`, `cash_end: 26M`, `cash_end: 13M`",
            "change `net_burn: 2M`, `cash_end: 26M`, `cash_end: 13M`"
        ]
    );
}

#[test]
fn cash_bridge_writes_the_computed_cash_and_raises_what_the_runway_then_needs() {
    // The ordinary case: the safe fix, as before.
    let v = report(&["fixtures/patient-growth/cash-bridge.plan.yaml"], None);
    let d = &v["diagnostics"][0];
    assert_eq!(d["fix"]["applicability"], "safe", "{d}");
    assert_eq!(
        d["fix"]["title"],
        "write the computed value `cash_end: 49M`, `cash_end: 38M`"
    );
    // 39M would leave 2028 with 26M for 28M of burn: 2M more raised in 2028, which then
    // ends with the 28M it states.
    let all = of_fixture("cash-bridge-just-over.plan.yaml");
    assert_eq!(
        fixes_at(&all, "cash-bridge", "projections[1].cash_end"),
        ["change `cash_end: 39M`, `raised: 17M`"]
    );
    assert!(
        help_at(&all, "cash-bridge", "projections[1].cash_end").starts_with(
            "write `cash_end: 39000000` for 2027 and raise 2,000,000 CNY more in 2028 so its cash lasts 12 months, or correct the inputs;"
        ),
        "{all:?}"
    );
    // The corrected year itself would fall short: the raise is in it, and the stated
    // cash then agrees.
    let all = of_fixture("knock-on-cash-bridge.plan.yaml");
    assert_eq!(
        fixes_at(&all, "cash-bridge", "projections[1].cash_end"),
        ["change `raised: 60M`"]
    );
}

const SERIES: &str = "planlint: 1\ncurrency: CNY\nprojections:\n  - { year: 2026, revenue: 500万, net_burn: 900万, raised: 0, cash_end: 1200万 }\n  - { year: 2027, revenue: 1400万, net_burn: 1800万, raised: 4500万, cash_end: 3900万 }\n  - { year: 2028, revenue: 3300万, net_burn: 2400万, raised: 700万, cash_end: 2200万 }\n";

#[test]
fn unsafe_fixes_write_the_plans_notation_and_leave_nothing_of_the_principle() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "p.plan.yaml", SERIES);
    planlint_in(dir.path(), HANG_GUARD)
        .args([
            "--isolated",
            "--fix",
            "--unsafe-fixes",
            "--select",
            "patient-growth/short-runway",
            "p.plan.yaml",
        ])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("p.plan.yaml")).unwrap();
    assert_eq!(
        fixed,
        SERIES.replace(
            "raised: 700万, cash_end: 2200万",
            "raised: 900万, cash_end: 2400万"
        )
    );
    planlint_in(dir.path(), HANG_GUARD)
        .args(["--isolated", "--select", "patient-growth/", "p.plan.yaml"])
        .assert()
        .code(0);
}

#[test]
fn no_fix_where_the_values_to_write_are_missing() {
    // 2028 states neither `raised` nor `net_burn`: nothing to write a raise or a cut
    // over, and no burn to size the runway by.
    let text = "planlint: 1\ncurrency: CNY\nprojections:\n  - { year: 2026, revenue: 5M, net_burn: 9M, raised: 0, cash_end: 12M }\n  - { year: 2027, revenue: 14M, net_burn: 18M, raised: 45M, cash_end: 39M }\n  - { year: 2028, revenue: 33M, cash_end: -6M }\n";
    let all = findings(&report(
        &["--stdin-filename", "m.plan.yaml", "-"],
        Some(text),
    ));
    assert_eq!(
        fixes_at(&all, "cash-out", "projections[2].cash_end"),
        Vec::<String>::new()
    );
    assert!(
        help_at(&all, "cash-out", "projections[2].cash_end").starts_with(
            "raise at least 6,000,000 CNY more by 2028 (or earlier), so cash stays at or above zero;"
        ),
        "{all:?}"
    );
}

#[test]
fn a_reported_year_is_not_rewritten() {
    let text = "planlint: 1\ncurrency: CNY\nprojections:\n  - { year: 2025, actual: true, revenue: 5M, net_burn: 9M, raised: 0, cash_end: 2M }\n  - { year: 2026, revenue: 14M, net_burn: 9M, raised: 20M, cash_end: 13M }\n  - { year: 2027, revenue: 33M, net_burn: 9M, raised: 0, cash_end: 4M }\n";
    let all = findings(&report(
        &["--stdin-filename", "a.plan.yaml", "-"],
        Some(text),
    ));
    // 2025 reported 2M for 9M of burn: short of runway, but history.
    assert_eq!(
        fixes_at(&all, "short-runway", "projections[0].cash_end"),
        Vec::<String>::new()
    );
    // 2027 is planned: it gets its fixes.
    assert_eq!(
        fixes_at(&all, "short-runway", "projections[2].cash_end").len(),
        2
    );
}

#[test]
fn a_long_series_stays_quick_and_offers_bounded_fixes() {
    // Thousands of years whose bridges all hold, each burning twice its revenue: a fix
    // for an early year would rewrite every later one. Only the last years get fixes.
    let mut text =
        String::from("planlint: 1\ncurrency: CNY\ncompany: { stage: growth }\nprojections:\n");
    let mut cash: i64 = 10_000_000_000_000;
    for i in 0..3000 {
        cash -= 2_000_000;
        text.push_str(&format!(
            "  - {{ year: {}, revenue: 1000000, net_burn: 2000000, raised: 0, cash_end: {cash} }}\n",
            2000 + i
        ));
    }
    let v = report(&["--stdin-filename", "long.plan.yaml", "-"], Some(&text));
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 3000);
    let fixed = diags.iter().filter(|d| !d["fix"].is_null()).count();
    assert!((1..=60).contains(&fixed), "{fixed} fixes");
}

#[test]
fn cash_bridge_names_the_year_its_correction_leaves_short_when_no_raise_can_be_written() {
    // 2025 is reported: 20M - 14M is 6M, not the 14M stated, and 6M is short of a year
    // of its burn. A reported year's `raised` is not rewritten: no fix, and the help
    // proposes no number to write.
    let text = "planlint: 1\ncurrency: CNY\nprojections:\n  - { year: 2024, actual: true, revenue: 3M, net_burn: 5M, raised: 0, cash_end: 20M }\n  - { year: 2025, actual: true, revenue: 5M, net_burn: 14M, raised: 0, cash_end: 14M }\n  - { year: 2026, revenue: 14M, net_burn: 10M, raised: 10M, cash_end: 14M }\n  - { year: 2027, revenue: 33M, net_burn: 10M, raised: 10M, cash_end: 14M }\n";
    let all = findings(&report(
        &["--stdin-filename", "r.plan.yaml", "-"],
        Some(text),
    ));
    assert_eq!(
        fixes_at(&all, "cash-bridge", "projections[1].cash_end"),
        Vec::<String>::new()
    );
    assert!(
        help_at(&all, "cash-bridge", "projections[1].cash_end").starts_with(
            "the inputs give `cash_end: 6000000` for 2025, which leaves 2025 short of 12 months of cash: correct the inputs, or raise more;"
        ),
        "{all:?}"
    );
}

#[test]
fn cash_bridge_raises_only_back_to_zero_for_a_year_already_short() {
    // 12M + 4M - 18M = -2M, stated 2M: written as computed 2027 would run out; it was
    // already short of runway, so 2M more (back to zero) is all the principle needs;
    // 2028, which burns nothing, ends with the same zero.
    let text = "planlint: 1\ncurrency: CNY\nprojections:\n  - { year: 2026, revenue: 5M, net_burn: 9M, raised: 0, cash_end: 12M }\n  - { year: 2027, revenue: 14M, net_burn: 18M, raised: 4M, cash_end: 2M }\n  - { year: 2028, revenue: 33M, net_burn: 0, raised: 0, cash_end: 2M }\n";
    let all = findings(&report(
        &["--stdin-filename", "z.plan.yaml", "-"],
        Some(text),
    ));
    assert_eq!(
        fixes_at(&all, "cash-bridge", "projections[1].cash_end"),
        ["change `raised: 6M`, `cash_end: 0M`, `cash_end: 0M`"]
    );
    assert!(
        help_at(&all, "cash-bridge", "projections[1].cash_end").starts_with(
            "write `cash_end: 0` for 2027 and raise 2,000,000 CNY more in 2027 so its cash stays at or above zero, or correct the inputs;"
        ),
        "{all:?}"
    );
}
