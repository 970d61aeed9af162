//! The documentation in `docs/` kept true to the code, through the real binary: every key
//! of `planlint schema` with its kind, every rule of `planlint rules` with its default
//! severity, every threshold of `planlint config` with both presets' values, every
//! subcommand and option of `planlint --help`, a description on every schema property,
//! and links that lead to files of the repository. Each check runs both ways: nothing the
//! code has is missing from the docs, and nothing the docs name is missing from the code.
//!
//! The conventions read here: a Markdown table whose header's first cell is `key`, `id`,
//! `threshold`, `kind` or `option` lists one item a row, the item in backticks in the
//! first cell.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use support::{manifest_dir, planlint};

/// Rules the docs describe that are being built now. While one is absent from the binary
/// the reverse check (every documented id exists) lets it pass with a note; once it is in
/// the binary it is checked like every other rule. Remove an entry when its rule lands.
/// (`plan/missing-input`, `plan/missing-currency` and `plan/inferred-currency` were here
/// until they landed.)
const PENDING_RULES: &[&str] = &[];

/// Default severities the docs already give, as `(rule, severity the binary may still
/// report)`: accepted with a note while the binary reports the old one. (`plan/unknown-key`,
/// now an error, was here until that landed.)
const PENDING_SEVERITIES: &[(&str, &str)] = &[];

/// Options the docs describe that are being built now, accepted with a note while
/// `planlint --help` does not list them.
const PENDING_OPTIONS: &[&str] = &[];

/// References to the spec outside the repository (`PLAN-FORMAT.md`, …) still in files
/// other changes own, as `(file, the name it mentions)`: accepted with a note until they
/// point at `docs/`. A user-facing one (a message, an `explain` page) sends users to a
/// file they do not have. Remove an entry when its file is fixed.
const PENDING_SPEC_REFERENCES: &[(&str, &str)] = &[];

// ---------------------------------------------------------------------------------------
// Reading the docs and the binary
// ---------------------------------------------------------------------------------------

fn doc(name: &str) -> String {
    let path = manifest_dir().join("docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The binary's standard output for `args`, which must succeed. Run from an empty
/// directory so that no `planlint.toml` of the checkout is discovered.
fn stdout_of(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    // Plain text: clap styles help when CLICOLOR_FORCE is set at all, even to 0.
    let out = planlint()
        .current_dir(dir.path())
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "planlint {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

/// A Markdown table: its header cells, its rows, and the `##`/`###` heading above it.
#[derive(Debug)]
struct Table {
    heading: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("table under `{}` has no `{name}` column", self.heading))
    }
}

/// The cells of a table line; `\|` is a `|` inside a cell.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                out.last_mut().unwrap().push('|');
            }
            '|' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Every table of a Markdown text, outside fenced code blocks.
fn tables(md: &str) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    let mut heading = String::new();
    let mut in_fence = false;
    let mut current: Option<Table> = None;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence {
            continue;
        }
        if line.trim_start().starts_with('|') {
            match &mut current {
                None => {
                    current = Some(Table {
                        heading: heading.clone(),
                        header: cells(line),
                        rows: Vec::new(),
                    })
                }
                Some(t) => {
                    let row = cells(line);
                    if !row
                        .iter()
                        .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':')))
                    {
                        t.rows.push(row);
                    }
                }
            }
            continue;
        }
        out.extend(current.take());
        if line.starts_with("## ") || line.starts_with("### ") {
            heading = line.trim_start_matches('#').trim().to_string();
        }
    }
    out.extend(current);
    out
}

/// The text of a cell that is exactly one code span: `` `unit_economics.acv` ``.
fn code(cell: &str) -> Option<&str> {
    let inner = cell.trim().strip_prefix('`')?.strip_suffix('`')?;
    (!inner.contains('`')).then_some(inner)
}

/// The code spans of a cell: `` `a`, `b` `` -> `a`, `b`.
fn code_spans(cell: &str) -> BTreeSet<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// `(item, row)` of every table of `md` whose first header cell is `first`.
fn items<'t>(tables: &'t [Table], first: &str) -> Vec<(&'t Table, String, &'t [String])> {
    let mut out = Vec::new();
    for t in tables
        .iter()
        .filter(|t| t.header.first().map(String::as_str) == Some(first))
    {
        for row in &t.rows {
            let item = code(&row[0]).unwrap_or_else(|| {
                panic!(
                    "table under `{}`: the first cell should be one `code span`, found {:?}",
                    t.heading, row[0]
                )
            });
            out.push((t, item.to_string(), row.as_slice()));
        }
    }
    out
}

fn note(text: &str) {
    eprintln!("NOTE (tests/docs.rs): {text}");
}

// ---------------------------------------------------------------------------------------
// (a) The plan format: every key, its kind
// ---------------------------------------------------------------------------------------

/// Every property of the schema by YAML path (`projections[].revenue`), with its schema.
fn schema_properties(schema: &Value) -> BTreeMap<String, Value> {
    fn walk(node: &Value, prefix: &str, out: &mut BTreeMap<String, Value>) {
        let Some(props) = node.get("properties").and_then(Value::as_object) else {
            return;
        };
        for (key, prop) in props {
            let path = format!("{prefix}{key}");
            walk(prop, &format!("{path}."), out);
            if let Some(items) = prop.get("items") {
                walk(items, &format!("{path}[]."), out);
            }
            out.insert(path, prop.clone());
        }
    }
    let mut out = BTreeMap::new();
    walk(schema, "", &mut out);
    out
}

/// The kind docs/plan-format.md gives a property with this schema.
fn kind_of(p: &Value) -> String {
    let ty = |v: &Value| v.get("type").and_then(Value::as_str).map(str::to_string);
    if p.get("properties").is_some() {
        return "section".into();
    }
    if let Some(prefix) = p.get("prefixItems").and_then(|v| v.get(0)) {
        return format!("range of {}", kind_of(prefix));
    }
    if let Some(items) = p.get("items") {
        return if items.get("properties").is_some() {
            "list of entries".into()
        } else {
            format!("list of {}", kind_of(items))
        };
    }
    if p.get("const").is_some() {
        return "version".into();
    }
    if p.get("enum").is_some() {
        return "enum".into();
    }
    if let Some(branches) = p.get("anyOf").and_then(Value::as_array) {
        let pattern = branches
            .iter()
            .find_map(|b| b.get("pattern").and_then(Value::as_str))
            .unwrap_or("");
        let number = branches
            .iter()
            .find(|b| ty(b).as_deref() == Some("number"))
            .cloned()
            .unwrap_or(Value::Null);
        // Zero or more: a minimum of 0; signed values are bounded only far below zero.
        let bounded_below = number
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| m >= 0.0);
        // A fraction up to 1 (100%); retention-like percentages go far above.
        let up_to_100 = number
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| m <= 1.0);
        if pattern.contains('%') || pattern.contains('％') {
            return match (up_to_100, bounded_below) {
                (true, true) => "percent",
                (true, false) => "percent, may be negative",
                _ => "percent, may exceed 100%",
            }
            .into();
        }
        if pattern.contains('×') {
            return "multiple".into();
        }
        return if bounded_below {
            "money"
        } else {
            "signed money"
        }
        .into();
    }
    if p.get("type").is_some_and(Value::is_array) {
        return "text".into();
    }
    match ty(p).as_deref() {
        Some("boolean") => "true/false".into(),
        Some("integer") if p.get("minimum").and_then(Value::as_i64) == Some(1800) => "year".into(),
        Some("integer") => "count".into(),
        Some("number") if p.get("exclusiveMinimum").is_some() => "positive number".into(),
        Some("number") => "number".into(),
        Some("string") if p.get("pattern").is_some() => "currency code".into(),
        _ => format!("unknown kind: {p}"),
    }
}

#[test]
fn every_key_of_the_schema_is_documented_with_its_kind_and_no_other() {
    let schema = json_of(&["schema"]);
    let props = schema_properties(&schema);
    assert!(props.len() > 50, "the schema lists too few keys: {props:?}");
    let md = doc("plan-format.md");
    let tables = tables(&md);
    let documented = items(&tables, "key");

    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (t, key, row) in &documented {
        if !seen.insert(key.clone()) {
            problems.push(format!("`{key}` is documented twice"));
        }
        let Some(p) = props.get(key) else {
            problems.push(format!(
                "`{key}` (under `{}`) is not a key of `planlint schema`",
                t.heading
            ));
            continue;
        };
        let kind = &row[t.column("kind")];
        let expected = kind_of(p);
        if *kind != expected {
            problems.push(format!(
                "`{key}`: documented as `{kind}`, the schema says `{expected}`"
            ));
        }
        if let Some(words) = p.get("enum").and_then(Value::as_array) {
            let meaning = &row[t.column("meaning")];
            for w in words.iter().filter_map(Value::as_str) {
                if !meaning.contains(&format!("`{w}`")) {
                    problems.push(format!("`{key}`: the allowed word `{w}` is not listed"));
                }
            }
        }
    }
    for key in props.keys() {
        if !seen.contains(key) {
            problems.push(format!(
                "`{key}` of `planlint schema` is not in docs/plan-format.md"
            ));
        }
    }

    // Every kind used is defined in the table of kinds, and every kind there is used.
    let defined: BTreeSet<String> = items(&tables, "kind")
        .into_iter()
        .map(|(_, k, _)| k)
        .collect();
    let used: BTreeSet<String> = documented
        .iter()
        .map(|(t, _, row)| row[t.column("kind")].clone())
        .collect();
    for k in used.difference(&defined) {
        problems.push(format!(
            "kind `{k}` is used but not defined under \"Value kinds\""
        ));
    }
    for k in defined.difference(&used) {
        problems.push(format!(
            "kind `{k}` is defined under \"Value kinds\" but no key has it"
        ));
    }
    assert!(
        problems.is_empty(),
        "docs/plan-format.md:\n  {}",
        problems.join("\n  ")
    );
}

/// The YAML of the "A complete plan" section.
fn complete_example(md: &str) -> &str {
    let start = md
        .find("## A complete plan")
        .expect("a `## A complete plan` section");
    let rest = &md[start..];
    let open = rest.find("```yaml\n").expect("a yaml block in it") + "```yaml\n".len();
    let len = rest[open..].find("```").expect("the block ends");
    &rest[open..open + len]
}

fn yaml_paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let path = format!("{prefix}{k}");
                yaml_paths(child, &format!("{path}."), out);
                out.insert(path);
            }
        }
        Value::Array(items) => {
            let list = prefix.trim_end_matches('.');
            for item in items.iter().filter(|i| i.is_object()) {
                yaml_paths(item, &format!("{list}[]."), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_complete_example_uses_every_key_and_passes_every_rule() {
    let md = doc("plan-format.md");
    let example = complete_example(&md);

    let parsed: Value = serde_saphyr::from_str(example).expect("the example is YAML");
    let mut used = BTreeSet::new();
    yaml_paths(&parsed, "", &mut used);
    let keys: BTreeSet<String> = schema_properties(&json_of(&["schema"]))
        .into_keys()
        .collect();
    let unused: Vec<&String> = keys.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "the complete example does not use {unused:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args([
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "example.plan.yaml",
            "-",
        ])
        .write_stdin(example)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["diagnostics"],
        Value::Array(Vec::new()),
        "the complete example in docs/plan-format.md should pass every rule"
    );
    if let Some(by_file) = report.get("not_checked").and_then(Value::as_object) {
        for (file, list) in by_file {
            assert_eq!(
                list,
                &Value::Array(Vec::new()),
                "rules not checked on {file}"
            );
        }
    }
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn every_currency_code_an_amount_may_carry_is_listed() {
    let md = doc("plan-format.md");
    let money = &md[md.find("### Money").expect("a Money section")..];
    for code in planlint::model::value::CURRENCY_CODES {
        assert!(
            money.contains(code),
            "docs/plan-format.md does not list {code}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// (b) The rules: every id, its default severity, its principle
// ---------------------------------------------------------------------------------------

#[test]
fn every_rule_is_documented_with_its_default_severity_and_no_other() {
    let listed = json_of(&["rules", "--format", "json"]);
    let binary: BTreeMap<String, String> = listed
        .as_array()
        .expect("a list of rules")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(binary.len() > 40, "too few rules listed: {binary:?}");
    let md = doc("rules.md");
    let tables = tables(&md);
    let documented = items(&tables, "id");

    let mut problems = Vec::new();
    let mut docs: BTreeMap<String, String> = BTreeMap::new();
    for (t, id, row) in &documented {
        let severity = row[t.column("severity")].clone();
        if !["error", "warning", "info"].contains(&severity.as_str()) {
            problems.push(format!(
                "`{id}`: severity `{severity}` is not error, warning or info"
            ));
        }
        let principle = id.split('/').next().unwrap_or_default();
        if !t.heading.starts_with(&format!("{principle} ")) {
            problems.push(format!("`{id}` is listed under `{}`", t.heading));
        }
        if docs.insert(id.clone(), severity).is_some() {
            problems.push(format!("`{id}` is documented twice"));
        }
    }
    for (id, severity) in &binary {
        match docs.get(id) {
            None => problems.push(format!("`{id}` ({severity}) is not in docs/rules.md")),
            Some(d) if d == severity => {}
            Some(d) if PENDING_SEVERITIES.contains(&(id.as_str(), severity.as_str())) => note(
                &format!("`{id}` is documented as {d}; the binary still says {severity} (pending)"),
            ),
            Some(d) => problems.push(format!(
                "`{id}`: docs/rules.md says {d}, `planlint rules` says {severity}"
            )),
        }
    }
    for id in docs.keys() {
        if binary.contains_key(id) {
            continue;
        }
        if PENDING_RULES.contains(&id.as_str()) {
            note(&format!(
                "`{id}` is documented but not in the binary yet (pending)"
            ));
        } else {
            problems.push(format!(
                "`{id}` of docs/rules.md is not a rule of `planlint rules`"
            ));
        }
    }
    for id in PENDING_RULES {
        if binary.contains_key(*id) {
            note(&format!("`{id}` has landed: remove it from PENDING_RULES"));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/rules.md:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn every_rule_row_names_the_inputs_it_needs_and_the_thresholds_it_reads() {
    let md = doc("rules.md");
    let tables = tables(&md);
    let mut problems = Vec::new();
    for (t, id, row) in items(&tables, "id") {
        // Rules not in this build (pending ones) are checked once they land.
        let Some(rule) = planlint::rules::builtin().find(&id) else {
            continue;
        };
        let needs = code_spans(&row[t.column("needs")]);
        let declared: BTreeSet<&str> = rule.inputs.iter().copied().collect();
        if needs != declared {
            problems.push(format!(
                "`{id}`: docs/rules.md says it needs {needs:?}, the rule declares {declared:?}"
            ));
        }
        let named = code_spans(&row[t.column("thresholds")]);
        let reads: BTreeSet<&str> = rule.thresholds.iter().copied().collect();
        if named != reads {
            problems.push(format!(
                "`{id}`: docs/rules.md names thresholds {named:?}, the rule reads {reads:?}"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/rules.md:\n  {}",
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------
// (c) The thresholds: every name, both presets' values
// ---------------------------------------------------------------------------------------

/// `name -> value` of the `[thresholds]` table `planlint config` prints, quotes removed.
fn config_thresholds(extra: &[&str]) -> BTreeMap<String, String> {
    let mut args = vec!["config", "--isolated"];
    args.extend_from_slice(extra);
    let text = stdout_of(&args);
    let mut out = BTreeMap::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line.starts_with("[thresholds]");
            continue;
        }
        if let (true, Some((name, value))) = (inside, line.split_once('=')) {
            out.insert(name.trim().to_string(), normalize(value));
        }
    }
    assert!(
        out.len() > 10,
        "too few thresholds in `planlint {args:?}`: {out:?}"
    );
    out
}

/// A value as written in the docs or the config, compared without quotes, backticks,
/// thousands separators or extra spaces: `"300000 CNY"` = `300,000 CNY`.
fn normalize(value: &str) -> String {
    value
        .trim()
        .trim_matches(|c| c == '"' || c == '`')
        .replace(',', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_threshold_is_documented_with_both_presets_values_and_no_other() {
    let article = config_thresholds(&[]);
    let us_saas = config_thresholds(&["--preset", "us-saas"]);
    // The names come from src/thresholds.rs, which the config prints in full.
    let spec: BTreeSet<&str> = planlint::thresholds::THRESHOLD_SPECS
        .iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        spec,
        article.keys().map(String::as_str).collect(),
        "`planlint config` should print every threshold of src/thresholds.rs"
    );
    let md = doc("rules.md");
    let tables = tables(&md);
    let documented = items(&tables, "threshold");

    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (t, name, row) in &documented {
        seen.insert(name.clone());
        let (Some(a), Some(u)) = (article.get(name), us_saas.get(name)) else {
            problems.push(format!("`{name}` of docs/rules.md is not a threshold"));
            continue;
        };
        let doc_a = normalize(&row[t.column("article")]);
        let doc_u = normalize(&row[t.column("us-saas")]);
        if doc_a != *a {
            problems.push(format!(
                "`{name}`: article is `{a}` in the code, `{doc_a}` in the docs"
            ));
        }
        if doc_u != *u {
            problems.push(format!(
                "`{name}`: us-saas is `{u}` in the code, `{doc_u}` in the docs"
            ));
        }
    }
    for name in article.keys() {
        if !seen.contains(name) {
            problems.push(format!(
                "threshold `{name}` is not in docs/rules.md's threshold table"
            ));
        }
    }
    // The thresholds a rule's row names exist.
    for (t, id, row) in items(&tables, "id") {
        for name in code_spans(&row[t.column("thresholds")]) {
            if !article.contains_key(name) {
                problems.push(format!("`{id}` names `{name}`, which is not a threshold"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "docs/rules.md:\n  {}",
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------
// (d) The schema: a description on every property
// ---------------------------------------------------------------------------------------

#[test]
fn every_schema_property_has_a_description() {
    fn walk(node: &Value, path: &str, checked: &mut usize, missing: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (key, prop) in props {
                        *checked += 1;
                        let described = prop
                            .get("description")
                            .and_then(Value::as_str)
                            .is_some_and(|d| !d.trim().is_empty());
                        if !described {
                            missing.push(format!("{path}{key}"));
                        }
                    }
                }
                for (k, v) in map {
                    walk(v, &format!("{path}{k}/"), checked, missing);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}{i}/"), checked, missing);
                }
            }
            _ => {}
        }
    }
    let schema = json_of(&["schema"]);
    let (mut checked, mut missing) = (0, Vec::new());
    walk(&schema, "/", &mut checked, &mut missing);
    assert!(
        checked > 50,
        "only {checked} properties found in the schema"
    );
    assert!(
        missing.is_empty(),
        "schema properties without a description: {missing:?}"
    );
}

// ---------------------------------------------------------------------------------------
// The interface: every subcommand and option
// ---------------------------------------------------------------------------------------

/// The long options (`--format`) a help text lists.
fn long_options(help: &str) -> BTreeSet<String> {
    help.split(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '`'))
        .filter_map(|w| {
            let w = w.split('=').next().unwrap_or(w);
            let name = w.strip_prefix("--")?;
            (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .then(|| w.to_string())
        })
        .collect()
}

/// The subcommands `planlint --help` lists, `help` aside.
fn subcommands(help: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        if line.starts_with("Commands:") {
            inside = true;
            continue;
        }
        if inside {
            if !line.starts_with("  ") {
                break;
            }
            if let Some(name) = line.split_whitespace().next()
                && name != "help"
            {
                out.push(name.to_string());
            }
        }
    }
    out
}

#[test]
fn every_subcommand_and_option_is_documented_and_every_documented_option_exists() {
    let md = doc("interface.md");
    let help = stdout_of(&["--help"]);
    let commands = subcommands(&help);
    assert!(
        commands.len() >= 6,
        "too few subcommands in --help: {commands:?}"
    );

    let mut problems = Vec::new();
    let mut all_options = long_options(&help);
    for command in &commands {
        if !md.contains(&format!("planlint {command}")) {
            problems.push(format!(
                "subcommand `planlint {command}` is not in docs/interface.md"
            ));
        }
        let sub = stdout_of(&[command, "--help"]);
        for option in long_options(&sub) {
            if !md.contains(&option) {
                problems.push(format!(
                    "`planlint {command} {option}` is not in docs/interface.md"
                ));
            }
        }
        all_options.extend(long_options(&sub));
    }
    let tables = tables(&md);
    let table: BTreeSet<String> = items(&tables, "option")
        .into_iter()
        .flat_map(|(_, cell, _)| long_options(&cell))
        .collect();
    for option in long_options(&help) {
        if !table.contains(&option) {
            problems.push(format!(
                "option `{option}` is not in docs/interface.md's table of options"
            ));
        }
    }
    for option in &table {
        if all_options.contains(option) {
            continue;
        }
        if PENDING_OPTIONS.contains(&option.as_str()) {
            note(&format!(
                "`{option}` is documented but not in --help yet (pending)"
            ));
        } else {
            problems.push(format!(
                "`{option}` of docs/interface.md is not an option of planlint"
            ));
        }
    }
    for option in PENDING_OPTIONS {
        if all_options.contains(*option) {
            note(&format!(
                "`{option}` has landed: remove it from PENDING_OPTIONS"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/interface.md:\n  {}",
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------

/// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(md: &str) -> BTreeSet<String> {
    let mut in_fence = false;
    let mut out = BTreeSet::new();
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence && line.starts_with('#') {
            out.insert(slug(line.trim_start_matches('#')));
        }
    }
    out
}

/// The targets of the inline links of a Markdown text, outside fenced code blocks.
fn link_targets(md: &str) -> Vec<String> {
    let mut in_fence = false;
    let mut out = Vec::new();
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let end = after.find(')').unwrap_or(after.len());
            out.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    out
}

fn markdown_pages() -> Vec<PathBuf> {
    let mut pages = vec![manifest_dir().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join("docs"))
        .expect("a docs/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

#[test]
fn the_docs_index_lists_every_page() {
    let index = doc("README.md");
    for page in markdown_pages() {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        if page.parent() == Some(&manifest_dir().join("docs")) && name != "README.md" {
            assert!(
                index.contains(&format!("]({name})")),
                "docs/README.md does not link {name}"
            );
        }
    }
}

#[test]
fn every_relative_link_leads_to_a_file_of_the_repository() {
    let root = manifest_dir().canonicalize().unwrap();
    let mut problems = Vec::new();
    for page in markdown_pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let shown = page
            .strip_prefix(manifest_dir())
            .unwrap_or(&page)
            .display()
            .to_string();
        for target in link_targets(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target.as_str(), ""));
            let dest: PathBuf = if file.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap_or(Path::new(".")).join(file)
            };
            let Ok(real) = dest.canonicalize() else {
                problems.push(format!("{shown}: `{target}` does not exist"));
                continue;
            };
            if !real.starts_with(&root) {
                problems.push(format!("{shown}: `{target}` leads outside the repository"));
                continue;
            }
            if !anchor.is_empty() && real.extension().is_some_and(|e| e == "md") {
                let dest_text = std::fs::read_to_string(&real).unwrap_or_default();
                if !anchors(&dest_text).contains(anchor) {
                    problems.push(format!(
                        "{shown}: `{target}`: no heading has the anchor #{anchor}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn slugs_follow_github() {
    assert_eq!(slug(" plan — the format"), "plan--the-format");
    assert_eq!(slug(" A complete plan"), "a-complete-plan");
    assert_eq!(slug(" Exit codes"), "exit-codes");
    assert_eq!(
        cells("| `a\\|b` | x |"),
        vec!["`a|b`".to_string(), "x".to_string()]
    );
}

/// Every file below `dir` (relative to the repository), skipping `target/`.
fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(manifest_dir().join(dir)) else {
        return;
    };
    for e in entries.flatten() {
        let rel = dir.join(e.file_name());
        match e.file_type() {
            Ok(t) if t.is_dir() && e.file_name() != "target" => files_below(&rel, out),
            Ok(t) if t.is_file() => out.push(rel),
            _ => {}
        }
    }
}

#[test]
fn nothing_points_at_the_spec_outside_the_repository() {
    let mut files = vec![PathBuf::from("README.md")];
    for dir in ["src", "rules", "templates", "docs"] {
        files_below(Path::new(dir), &mut files);
    }
    assert!(files.len() > 30, "too few files scanned: {files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(manifest_dir().join(file)) else {
            continue;
        };
        let name = file.to_string_lossy().replace('\\', "/");
        for needle in ["PLAN-FORMAT.md", "RULES.md", "INTERFACE.md", "../shared/"] {
            if !text.contains(needle) {
                continue;
            }
            if PENDING_SPEC_REFERENCES.contains(&(name.as_str(), needle)) {
                note(&format!(
                    "{name} still mentions {needle} (pending): point it at docs/"
                ));
            } else {
                problems.push(format!(
                    "{name} mentions {needle}: point it at docs/ instead"
                ));
            }
        }
    }
    for (file, needle) in PENDING_SPEC_REFERENCES {
        let text = std::fs::read_to_string(manifest_dir().join(file)).unwrap_or_default();
        if !text.contains(needle) {
            note(&format!(
                "{file} no longer mentions {needle}: remove it from PENDING_SPEC_REFERENCES"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
