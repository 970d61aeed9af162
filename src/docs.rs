//! Rule documentation: the pages of `rules/`, embedded at build time, and the
//! `planlint rules` listing.

use serde::Serialize;

use crate::i18n::{Lang, Message};
use crate::lint::{Registry, Rule};

/// `(principle slug, Markdown page)`, one per file in `rules/`.
pub static PAGES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/pages.rs"));

/// The Chinese pages, one per file in `rules/zh/`.
pub static PAGES_ZH: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/pages_zh.rs"));

/// The pages written in `lang` (no fallback).
pub fn pages(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => PAGES,
        Lang::Zh => PAGES_ZH,
    }
}

/// The page of a principle in `lang`, else in English.
pub fn page(principle: &str, lang: Lang) -> Option<&'static str> {
    page_in(principle, lang).or_else(|| page_in(principle, Lang::En))
}

/// The page of a principle as written in `lang`, with no fallback.
fn page_in(principle: &str, lang: Lang) -> Option<&'static str> {
    pages(lang)
        .iter()
        .find(|(slug, _)| *slug == principle)
        .map(|(_, p)| *p)
}

/// The `## <id>` section of a rule in its principle's page in `lang`, up to the next
/// `## `; the English section when the page in `lang` has none.
pub fn section(rule_id: &str, lang: Lang) -> Option<&'static str> {
    section_in(rule_id, lang).or_else(|| section_in(rule_id, Lang::En))
}

/// The section of a rule as written in `lang`, with no fallback.
fn section_in(rule_id: &str, lang: Lang) -> Option<&'static str> {
    let principle = rule_id.split('/').next()?;
    let page = page_in(principle, lang)?;
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

/// A rule's documentation in `lang`: its section of `rules/`, or for a rule made at run
/// time (a pack's) the documentation it came with.
pub fn rule_doc(rule: &'static Rule, lang: Lang) -> Option<&'static str> {
    match rule.runtime() {
        Some(r) => Some(r.doc()),
        None => section(rule.id, lang),
    }
}

/// Every rule id that has a `## principle/rule` heading in some page in `lang`.
pub fn documented_ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for (_, page) in pages(lang) {
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
    /// The rules the run checks.
    pub registry: &'a Registry,
    pub thresholds: &'a crate::thresholds::Thresholds,
    pub preset: &'a str,
}

/// `planlint explain QUERY` could not find what was asked: the error and its help line,
/// worded in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainError {
    pub message: String,
    pub help: String,
}

/// `planlint explain QUERY`: a rule's section or a principle's whole page in `lang`
/// (English where no page in `lang` exists), with each rule's "Default severity ·
/// Threshold" line showing the thresholds in force.
pub fn explain(query: &str, in_force: &InForce, lang: Lang) -> Result<String, ExplainError> {
    let q = query.trim().trim_end_matches('/');
    let rule = in_force.registry.find(q).or_else(|| {
        // A rule's own name (`acv-floor`) when only one rule has it.
        let mut named = in_force
            .registry
            .iter()
            .filter(|r| r.id.split_once('/').is_some_and(|(_, n)| n == q));
        match (named.next(), named.next()) {
            (Some(r), None) => Some(r),
            _ => None,
        }
    });
    let help = Message::new("rules-explain-unknown-help").render(lang);
    if let Some(rule) = rule
        && let Some(runtime) = rule.runtime()
    {
        let header = Message::new("rules-explain-header")
            .text("id", rule.id)
            .text("principle", rule.principle())
            .text("severity", severity_word(rule, lang))
            .render(lang);
        return Ok(format!("{header}\n\n{}\n", runtime.doc().trim_end()));
    }
    if let Some(rule) = rule {
        let text = section(rule.id, lang).ok_or_else(|| ExplainError {
            message: Message::new("rules-explain-no-section")
                .text("id", rule.id)
                .render(lang),
            help: help.clone(),
        })?;
        let header = Message::new("rules-explain-header")
            .text("id", rule.id)
            .text("principle", rule.principle())
            .text("severity", severity_word(rule, lang))
            .render(lang);
        return Ok(format!(
            "{header}\n\n{}\n",
            with_thresholds_in_force(text, in_force, lang)
        ));
    }
    if let Some(page) = page(q, lang) {
        return Ok(format!(
            "{}\n",
            with_thresholds_in_force(page.trim_end(), in_force, lang)
        ));
    }
    let mut candidates: Vec<&str> = in_force.registry.iter().map(|r| r.id).collect();
    let principles = in_force.registry.principles();
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
    let message =
        Message::new("rules-explain-unknown").text("query", crate::text::escape_line(query));
    let message = match (holding.as_slice(), crate::lint::nearest(q, &candidates)) {
        ([one], _) => message.text("hint", "one").text("suggestion", *one),
        ([], Some(s)) => message.text("hint", "one").text("suggestion", s),
        ([], None) => message.text("hint", "none"),
        (many, _) => {
            let shown: Vec<String> = many
                .iter()
                .take(5)
                .map(|c| Message::new("rules-quoted").text("name", *c).render(lang))
                .collect();
            message
                .text("hint", "many")
                .text("suggestions", shown.join(&separator(lang)))
        }
    };
    Err(ExplainError {
        message: message.render(lang),
        help,
    })
}

/// The separator of a list in running text: `, ` or `、`.
fn separator(lang: Lang) -> String {
    Message::new("rules-list-separator").render(lang)
}

/// A rule's default severity as a reader of `lang` calls it: `error`, `错误`.
fn severity_word(rule: &Rule, lang: Lang) -> String {
    Message::new("rules-severity")
        .text("severity", rule.severity.as_str())
        .render(lang)
}

/// The rule docs with every `**Default severity:**` line generated from the rule's
/// declaration and the thresholds in force, so that the page cannot drift from the code
/// and shows what this run would check (`min_ltv` = 50,000 USD under `us-saas`). Pages
/// in every language keep that English marker line; the generated one is in `lang`.
pub fn with_thresholds_in_force(markdown: &str, in_force: &InForce, lang: Lang) -> String {
    let mut out = String::with_capacity(markdown.len() + 256);
    let mut rule: Option<&Rule> = None;
    let mut lines = markdown.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("## ") {
            rule = rest
                .split_whitespace()
                .next()
                .and_then(|id| in_force.registry.find(id));
        }
        if line.starts_with("**Default severity:**")
            && let Some(r) = rule
        {
            // The hand-written line may wrap onto the next ones: skip to its paragraph end.
            while lines.peek().is_some_and(|l| !l.trim().is_empty()) {
                lines.next();
            }
            out.push_str(&severity_line(r, in_force, lang));
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// `**Default severity:** error · **Threshold in force:** `min_ltv` = 300,000 CNY (preset `article` and the configuration)`,
/// or in Chinese `**默认严重级别：** 错误 · **当前阈值：** `min_ltv` = 30万 CNY（预设 `article` 与配置）`.
pub fn severity_line(rule: &Rule, in_force: &InForce, lang: Lang) -> String {
    let shown: Vec<String> = rule
        .thresholds
        .iter()
        .filter_map(|name| {
            let spec = crate::thresholds::ThresholdSpec::find(name)?;
            let value = in_force.thresholds.get(name)?;
            let currency = &in_force.thresholds.currency;
            let value = match spec.unit {
                crate::thresholds::Unit::Money => crate::i18n::money(value, currency, lang),
                _ => spec.display(value, currency),
            };
            Some(
                Message::new("rules-threshold-value")
                    .text("name", *name)
                    .text("value", value)
                    .render(lang),
            )
        })
        .collect();
    let severity = severity_word(rule, lang);
    if shown.is_empty() {
        return Message::new("rules-severity-line")
            .text("severity", severity)
            .render(lang);
    }
    Message::new("rules-severity-line-thresholds")
        .text("severity", severity)
        .count("count", shown.len())
        .text("shown", shown.join(&separator(lang)))
        .text("preset", in_force.preset)
        .render(lang)
}

/// The message id of a rule's summary: `rules-large-customers-acv-floor`.
fn summary_id(rule_id: &str) -> Option<&'static str> {
    static IDS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| {
            crate::rules::builtin()
                .iter()
                .map(|r| {
                    // Built once per rule for the life of the process.
                    let id: &'static str =
                        Box::leak(format!("rules-{}", r.id.replace('/', "-")).into_boxed_str());
                    (r.id, id)
                })
                .collect()
        });
    IDS.iter().find(|(r, _)| *r == rule_id).map(|(_, id)| *id)
}

/// A rule's one-line summary in `lang` (`locales/<lang>/rules.ftl`); the English one is
/// the rule's own `summary`.
pub fn summary(rule: &Rule, lang: Lang) -> String {
    match (lang, summary_id(rule.id)) {
        (Lang::En, _) | (_, None) => rule.summary.to_string(),
        (_, Some(id)) => Message::new(id).render(lang),
    }
}

/// `planlint rules`: a table of id, severity and summary, summaries in `lang`.
pub fn rules_table(registry: &Registry, lang: Lang) -> String {
    let rules = registry.rules();
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rules {
        out.push_str(&format!(
            "{:<width$}  {:<7}  {}\n",
            r.id,
            r.severity.as_str(),
            summary(r, lang)
        ));
    }
    out.push('\n');
    out.push_str(
        &Message::new("rules-table-footer")
            .count("rules", rules.len())
            .count("groups", registry.principles().len())
            .render(lang),
    );
    out.push('\n');
    out
}

#[derive(Serialize)]
struct RuleJson {
    id: &'static str,
    principle: &'static str,
    severity: &'static str,
    summary: String,
}

/// `planlint rules --format json`: an array of `{id, principle, severity, summary}`, the
/// summary in `lang` (English keys and values otherwise).
pub fn rules_json(registry: &Registry, lang: Lang) -> String {
    let list: Vec<RuleJson> = registry
        .iter()
        .map(|r: &Rule| RuleJson {
            id: r.id,
            principle: r.principle(),
            severity: r.severity.as_str(),
            summary: summary(r, lang),
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
    fn every_rule_has_a_section_and_every_section_a_rule_in_every_language() {
        for lang in Lang::ALL {
            let dir = match lang {
                Lang::En => "rules/",
                Lang::Zh => "rules/zh/",
            };
            for r in crate::rules::builtin().rules() {
                assert!(
                    section_in(r.id, lang).is_some(),
                    "rule {} has no section in {dir}",
                    r.id
                );
            }
            for id in documented_ids(lang) {
                assert!(
                    crate::rules::builtin().find(&id).is_some(),
                    "{dir} documents `{id}`, which is not a registered rule"
                );
            }
        }
    }

    #[test]
    fn every_principle_has_a_page_in_every_language() {
        for p in crate::rules::builtin().principles() {
            assert!(
                page_in(p, Lang::En).is_some(),
                "principle {p} has no page rules/{p}.md"
            );
            assert!(
                page_in(p, Lang::Zh).is_some(),
                "principle {p} has no page rules/zh/{p}.md"
            );
        }
        for (slug, _) in PAGES_ZH {
            assert!(
                page_in(slug, Lang::En).is_some(),
                "rules/zh/{slug}.md has no English page rules/{slug}.md"
            );
        }
    }

    /// The Chinese twin of a page has the English page's sections in the same order, each
    /// with the marker line the severity line is generated from and the same examples.
    #[test]
    fn chinese_pages_follow_the_english_ones() {
        fn ids(page: &str) -> Vec<&str> {
            page.lines()
                .filter_map(|l| l.strip_prefix("## "))
                .filter_map(|r| r.split_whitespace().next())
                .collect()
        }
        fn yaml_blocks(section: &str) -> Vec<&str> {
            section
                .split("```yaml")
                .skip(1)
                .filter_map(|b| b.split("```").next())
                .collect()
        }
        for (slug, en) in PAGES {
            let Some(zh) = page_in(slug, Lang::Zh) else {
                panic!("rules/zh/{slug}.md is missing");
            };
            assert_eq!(ids(zh), ids(en), "rules/zh/{slug}.md: sections differ");
            for id in ids(en) {
                let (Some(e), Some(z)) = (section_in(id, Lang::En), section_in(id, Lang::Zh))
                else {
                    continue;
                };
                assert!(
                    z.lines().any(|l| l.starts_with("**Default severity:**")),
                    "rules/zh/{slug}.md: `{id}` has no `**Default severity:**` line"
                );
                assert_eq!(
                    yaml_blocks(z),
                    yaml_blocks(e),
                    "rules/zh/{slug}.md: `{id}` has other examples than rules/{slug}.md"
                );
            }
        }
    }

    #[test]
    fn english_summaries_in_the_message_file_are_the_rules_own() {
        for r in crate::rules::builtin().rules() {
            let id = summary_id(r.id).unwrap_or_else(|| panic!("{} has no summary id", r.id));
            assert!(
                crate::i18n::has_message(Lang::En, id),
                "locales/en/rules.ftl lacks `{id}`"
            );
            assert!(
                crate::i18n::has_message(Lang::Zh, id),
                "locales/zh/rules.ftl lacks `{id}`"
            );
            assert_eq!(Message::new(id).render(Lang::En), r.summary, "`{id}`");
            assert_ne!(summary(r, Lang::Zh), r.summary, "`{id}` is not in Chinese");
        }
    }

    #[test]
    fn the_severity_line_is_worded_in_the_pages_language() {
        let thresholds = crate::config::Preset::Article.thresholds();
        let registry = crate::rules::builtin();
        let in_force = InForce {
            registry: &registry,
            thresholds: &thresholds,
            preset: "article",
        };
        let Some(rule) = crate::rules::builtin().find("large-customers/ltv-floor") else {
            panic!("large-customers/ltv-floor is registered");
        };
        assert_eq!(
            severity_line(rule, &in_force, Lang::En),
            "**Default severity:** error · **Threshold in force:** `min_ltv` = 300,000 CNY \
             (preset `article` and the configuration)"
        );
        assert_eq!(
            severity_line(rule, &in_force, Lang::Zh),
            "**默认严重级别：** 错误 · **当前阈值：** `min_ltv` = 30万 CNY（预设 `article` 与配置）"
        );
    }

    #[test]
    fn an_unknown_name_is_refused_in_the_readers_language() {
        let thresholds = crate::config::Preset::Article.thresholds();
        let registry = crate::rules::builtin();
        let in_force = InForce {
            registry: &registry,
            thresholds: &thresholds,
            preset: "article",
        };
        let en = explain("large-customers/acv-flor", &in_force, Lang::En);
        let zh = explain("large-customers/acv-flor", &in_force, Lang::Zh);
        assert_eq!(
            en.map_err(|e| e.message),
            Err(
                "no rule or principle named `large-customers/acv-flor`; did you mean \
                 `large-customers/acv-floor`?"
                    .to_string()
            )
        );
        assert_eq!(
            zh.map_err(|e| e.message),
            Err(
                "没有名为 `large-customers/acv-flor` 的规则或原则；您是不是要找 \
                 `large-customers/acv-floor`？"
                    .to_string()
            )
        );
        let many = explain("churn", &in_force, Lang::Zh).map_err(|e| e.message);
        assert!(
            many.as_ref()
                .is_err_and(|m| m.contains("`、`") && m.ends_with("之一？")),
            "{many:?}"
        );
    }
}
