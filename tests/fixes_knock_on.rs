//! The fixes of the sales-motion and value-pricing rules carry their knock-on effects
//! into every principle, not only their own: a raised ACV rewrites a stated LTV and ROI
//! that agreed with it (or `ltv-mismatch` and `roi-mismatch` would appear), a cut CAC a
//! stated payback. Each fix of each of their fixtures is applied and the plan linted
//! again: the finding must be gone and no finding of any principle may appear.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

mod support;
use support::expect::{fixtures_dir, plan_files, relative};
use support::planlint;

const HANG_GUARD: Duration = Duration::from_secs(60);

fn diagnostics(name: &str, text: &str) -> Vec<Value> {
    let out = planlint()
        .args(["--format", "json", "--stdin-filename", name, "-"])
        .write_stdin(text.to_string())
        .timeout(HANG_GUARD)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// `text` with the edits of a JSON fix applied.
fn apply(text: &str, fix: &Value) -> String {
    let mut edits: Vec<(usize, usize, &str)> = fix["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["span"]["offset"].as_u64().unwrap() as usize,
                e["span"]["length"].as_u64().unwrap() as usize,
                e["replacement"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort();
    let mut out = String::new();
    let mut at = 0;
    for (offset, len, new) in edits {
        assert!(offset >= at, "overlapping edits in {fix}");
        out.push_str(&text[at..offset]);
        out.push_str(new);
        at = offset + len;
    }
    out.push_str(&text[at..]);
    out
}

/// (rule, path) → how many findings.
fn counts(diags: &[Value]) -> BTreeMap<(String, String), usize> {
    let mut m = BTreeMap::new();
    for d in diags {
        let key = (
            d["rule"].as_str().unwrap_or_default().to_string(),
            d["path"].as_str().unwrap_or_default().to_string(),
        );
        *m.entry(key).or_default() += 1;
    }
    m
}

#[test]
fn sales_motion_and_value_pricing_fixes_add_no_finding_of_any_principle() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for file in plan_files(&fixtures_dir(), &["fixtures/real"]) {
        let name = relative(&file);
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let before = diagnostics(&name, &text);
        let was = counts(&before);
        for d in &before {
            let rule = d["rule"].as_str().unwrap_or_default();
            if !(rule.starts_with("sales-motion/") || rule.starts_with("value-pricing/")) {
                continue;
            }
            let path = d["path"].as_str().unwrap_or_default();
            let fixes = d
                .get("fix")
                .into_iter()
                .chain(d["alternatives"].as_array().into_iter().flatten());
            for fix in fixes {
                checked += 1;
                let now = counts(&diagnostics(&name, &apply(&text, fix)));
                let key = (rule.to_string(), path.to_string());
                if now.get(&key) >= was.get(&key) {
                    failures.push(format!("{name}: {} leaves {rule}", fix["title"]));
                }
                for (k, n) in &now {
                    if *n > was.get(k).copied().unwrap_or(0) {
                        failures.push(format!(
                            "{name}: {} (for {rule}) adds {} at `{}`",
                            fix["title"], k.0, k.1
                        ));
                    }
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} fixes were found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The fixes offered for the one finding of `rule` in `fixture`, as their titles.
fn titles(fixture: &str, rule: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixtures_dir().join(fixture)).unwrap();
    let diags = diagnostics(&format!("fixtures/{fixture}"), &text);
    let found: Vec<_> = diags.iter().filter(|d| d["rule"] == rule).collect();
    assert_eq!(found.len(), 1, "{fixture}: {diags:?}");
    found[0]
        .get("fix")
        .into_iter()
        .chain(found[0]["alternatives"].as_array().into_iter().flatten())
        .map(|f| f["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_knock_on_cases_change_what_they_must() {
    assert_eq!(
        titles(
            "sales-motion/payback-too-long-and-mismatch.plan.yaml",
            "sales-motion/payback-too-long"
        ),
        [
            "change `cac: 86.4k`, `cac_payback_months: 12`",
            "change `acv: 139k`, `cac_payback_months: 12`, `ltv: 695k`, `roi_multiple: 13.68x`",
            "change `gross_margin: 83.4%`, `cac_payback_months: 12`",
        ]
    );
    assert_eq!(
        titles(
            "sales-motion/payback-too-long-gross-margin-ltv.plan.yaml",
            "sales-motion/payback-too-long"
        ),
        [
            "change `cac: 86.4k`, `cac_payback_months: 12`",
            "change `acv: 125k`, `cac_payback_months: 12`, `ltv: 450k`, `roi_multiple: 15.2x`",
            "change `gross_margin: 75%`, `cac_payback_months: 12`, `ltv: 450k`",
        ]
    );
    // The margin would have to pass 100%: two ways only.
    assert_eq!(
        titles("diff/old.plan.yaml", "sales-motion/payback-too-long"),
        [
            "change `cac: 28.8k`",
            "change `acv: 111.2k`, `roi_multiple: 17.1x`"
        ]
    );
    for rule in [
        "sales-motion/field-sales-small-deals",
        "sales-motion/small-deals-need-telesales",
    ] {
        assert_eq!(
            titles(
                "sales-motion/small-deals-through-field-sales.plan.yaml",
                rule
            ),
            ["change `deal_size[0]: \"5万\"`"],
            "{rule}"
        );
    }
    assert_eq!(
        titles(
            "value-pricing/price-inversions-later-tiers.plan.yaml",
            "value-pricing/price-inversion"
        ),
        ["change `price: 480k`, `price: 480k`"]
    );
    assert_eq!(
        titles(
            "value-pricing/price-inversions-of-the-cheapest-tier.plan.yaml",
            "value-pricing/price-inversion"
        ),
        ["change `price: 50k`, `price: 500k`"]
    );
    assert_eq!(
        titles(
            "value-pricing/tier-span-in-wan.plan.yaml",
            "value-pricing/narrow-tier-span"
        ),
        ["change `price: 36万`"]
    );
    // No fix can widen a single tier's span, or start a range past its own end.
    assert_eq!(
        titles(
            "value-pricing/single-tier.plan.yaml",
            "value-pricing/narrow-tier-span"
        ),
        Vec::<String>::new()
    );
    for rule in [
        "sales-motion/field-sales-small-deals",
        "sales-motion/small-deals-need-telesales",
    ] {
        assert_eq!(
            titles("sales-motion/small-deals-whole-range-below.plan.yaml", rule),
            Vec::<String>::new(),
            "{rule}"
        );
    }
}
