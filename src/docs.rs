//! Rule documentation: the pages of `rules/`, embedded at build time, and the
//! `planlint rules` listing.

use serde::Serialize;

use crate::engine::{self, Rule};

/// `(principle slug, Markdown page)`, one per file in `rules/`.
pub static PAGES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/pages.rs"));

/// The page of a principle.
pub fn page(principle: &str) -> Option<&'static str> {
    PAGES
        .iter()
        .find(|(slug, _)| *slug == principle)
        .map(|(_, p)| *p)
}

/// The `## <id>` section of a rule in its principle's page, up to the next `## `.
pub fn section(rule_id: &str) -> Option<&'static str> {
    let principle = rule_id.split('/').next()?;
    let page = page(principle)?;
    let heading = format!("## {rule_id}");
    let start = page
        .match_indices(&heading)
        .find(|(i, _)| {
            (*i == 0 || page.as_bytes()[i - 1] == b'\n')
                && page[i + heading.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == '\n' || c == '\r' || c == ' ')
        })
        .map(|(i, _)| i)?;
    let rest = &page[start + heading.len()..];
    let end = rest
        .match_indices("\n## ")
        .next()
        .map_or(rest.len(), |(i, _)| i + 1);
    Some(page[start..start + heading.len() + end].trim_end())
}

/// Every rule id that has a `## principle/rule` heading in some page.
pub fn documented_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for (_, page) in PAGES {
        for line in page.lines() {
            if let Some(rest) = line.strip_prefix("## ")
                && let Some(id) = rest.split_whitespace().next()
                && id.contains('/')
            {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

/// What `explain` says about the thresholds in force: the values the configuration
/// and preset give, and the preset's name.
pub struct InForce<'a> {
    pub thresholds: &'a crate::thresholds::Thresholds,
    pub preset: &'a str,
}

/// `planlint explain QUERY`: a rule's section or a principle's whole page, with each
/// rule's "Default severity · Threshold" line showing the thresholds in force.
pub fn explain(query: &str, in_force: &InForce) -> Result<String, String> {
    let q = query.trim().trim_end_matches('/');
    let rule = engine::find_rule(q).or_else(|| {
        // A rule's own name (`acv-floor`) when only one rule has it.
        let mut named = engine::registry()
            .iter()
            .copied()
            .filter(|r| r.id.split_once('/').is_some_and(|(_, n)| n == q));
        match (named.next(), named.next()) {
            (Some(r), None) => Some(r),
            _ => None,
        }
    });
    if let Some(rule) = rule {
        let text = section(rule.id).ok_or_else(|| {
            format!(
                "rule `{}` has no documentation section (a planlint bug)",
                rule.id
            )
        })?;
        let header = format!(
            "{}  ({} · default {})\n\n",
            rule.id,
            rule.principle(),
            rule.severity
        );
        return Ok(format!(
            "{header}{}\n",
            with_thresholds_in_force(text, in_force)
        ));
    }
    if let Some(page) = page(q) {
        return Ok(format!(
            "{}\n",
            with_thresholds_in_force(page.trim_end(), in_force)
        ));
    }
    let mut candidates: Vec<&str> = engine::registry().iter().map(|r| r.id).collect();
    let principles = engine::principles();
    candidates.extend(principles.iter().copied());
    let lowered = q.to_lowercase();
    // A word of a name (`focus`, `churn`) names the principles and rules that hold it.
    // A principle that holds it is the likelier meaning: it is named alone.
    let holding: Vec<&str> = if lowered.len() >= 3 {
        let in_principles: Vec<&str> = principles
            .iter()
            .copied()
            .filter(|p| p.contains(lowered.as_str()))
            .collect();
        if in_principles.is_empty() {
            candidates
                .iter()
                .copied()
                .filter(|c| c.contains(lowered.as_str()))
                .collect()
        } else {
            in_principles
        }
    } else {
        Vec::new()
    };
    let hint = match (
        holding.as_slice(),
        crate::model::load::nearest(q, &candidates),
    ) {
        ([one], _) => format!("did you mean `{one}`?"),
        ([], Some(s)) => format!("did you mean `{s}`?"),
        ([], None) => "run `planlint rules` to list them".to_string(),
        (many, _) => {
            let shown: Vec<String> = many.iter().take(5).map(|c| format!("`{c}`")).collect();
            format!("did you mean one of {}?", shown.join(", "))
        }
    };
    Err(format!(
        "no rule or principle named `{}`; {hint}",
        crate::text::escape_line(query)
    ))
}

/// The rule docs with every `**Default severity:**` line generated from the rule's
/// declaration and the thresholds in force, so that the page cannot drift from the code
/// and shows what this run would check (`min_ltv` = 50,000 USD under `us-saas`).
pub fn with_thresholds_in_force(markdown: &str, in_force: &InForce) -> String {
    let mut out = String::with_capacity(markdown.len() + 256);
    let mut rule: Option<&Rule> = None;
    let mut lines = markdown.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("## ") {
            rule = rest.split_whitespace().next().and_then(engine::find_rule);
        }
        if line.starts_with("**Default severity:**")
            && let Some(r) = rule
        {
            // The hand-written line may wrap onto the next ones: skip to its paragraph end.
            while lines.peek().is_some_and(|l| !l.trim().is_empty()) {
                lines.next();
            }
            out.push_str(&severity_line(r, in_force));
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// `**Default severity:** error · **Threshold in force:** `min_ltv` = 300,000 CNY (preset `article`)`.
pub fn severity_line(rule: &Rule, in_force: &InForce) -> String {
    let mut line = format!("**Default severity:** {}", rule.severity);
    let shown: Vec<String> = rule
        .thresholds
        .iter()
        .filter_map(|name| {
            let spec = crate::thresholds::ThresholdSpec::find(name)?;
            let value = in_force.thresholds.get(name)?;
            Some(format!(
                "`{name}` = {}",
                spec.display(value, &in_force.thresholds.currency)
            ))
        })
        .collect();
    if !shown.is_empty() {
        line.push_str(&format!(
            " · **Threshold{} in force:** {} (preset `{}` and the configuration)",
            if shown.len() == 1 { "" } else { "s" },
            shown.join(", "),
            in_force.preset
        ));
    }
    line
}

/// `planlint rules`: a table of id, principle, severity and summary.
pub fn rules_table() -> String {
    let rules = engine::registry();
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rules {
        out.push_str(&format!(
            "{:<width$}  {:<7}  {}\n",
            r.id,
            r.severity.as_str(),
            r.summary
        ));
    }
    out.push_str(&format!(
        "\n{} rules in {} groups; `planlint explain ID` tells more\n",
        rules.len(),
        engine::principles().len()
    ));
    out
}

#[derive(Serialize)]
struct RuleJson {
    id: &'static str,
    principle: &'static str,
    severity: &'static str,
    summary: &'static str,
}

/// `planlint rules --format json`: an array of `{id, principle, severity, summary}`.
pub fn rules_json() -> String {
    let list: Vec<RuleJson> = engine::registry()
        .iter()
        .map(|r: &&Rule| RuleJson {
            id: r.id,
            principle: r.principle(),
            severity: r.severity.as_str(),
            summary: r.summary,
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&list).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_section_and_every_section_a_rule() {
        for r in engine::registry() {
            assert!(
                section(r.id).is_some(),
                "rule {} has no section in rules/",
                r.id
            );
        }
        for id in documented_ids() {
            assert!(
                engine::find_rule(&id).is_some(),
                "rules/ documents `{id}`, which is not a registered rule"
            );
        }
    }

    #[test]
    fn every_principle_has_a_page() {
        for p in engine::principles() {
            assert!(page(p).is_some(), "principle {p} has no page rules/{p}.md");
        }
    }
}
