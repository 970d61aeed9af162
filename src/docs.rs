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

/// `planlint explain QUERY`: a rule's section or a principle's whole page.
pub fn explain(query: &str) -> Result<String, String> {
    let q = query.trim().trim_end_matches('/');
    if let Some(rule) = engine::find_rule(q) {
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
        return Ok(format!("{header}{text}\n"));
    }
    if let Some(page) = page(q) {
        return Ok(format!("{}\n", page.trim_end()));
    }
    let mut candidates: Vec<&str> = engine::registry().iter().map(|r| r.id).collect();
    let principles = engine::principles();
    candidates.extend(principles.iter().copied());
    let hint = match crate::model::load::nearest(q, &candidates) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "run `planlint rules` to list them".to_string(),
    };
    Err(format!("no rule or principle named `{query}`; {hint}"))
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
