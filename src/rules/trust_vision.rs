//! `trust-vision/`: principle 2, enterprise sales rest on trust and vision.
//! Trust from expertise, staying power, public reference customers and third-party
//! authority; a known decision chain with its budget owner; a vision of where the industry
//! is going with a roadmap of several years.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule};
use crate::lint::{Finding, Severity};
use crate::model::{Field, Trust};

pub const WEAK_TRUST: Rule = Rule {
    id: "trust-vision/weak-trust",
    severity: Severity::Warning,
    summary: "fewer of the four trust sources than required",
    check: Some(Check::Fn(weak_trust)),
    inputs: &["trust"],
    thresholds: &["min_trust_sources"],
};

pub const NO_DECISION_CHAIN: Rule = Rule {
    id: "trust-vision/no-decision-chain",
    severity: Severity::Warning,
    summary: "trust.decision_chain is missing or names no budget owner",
    check: Some(Check::Fn(no_decision_chain)),
    inputs: &["trust.decision_chain"],
    thresholds: &[],
};

pub const NO_VISION: Rule = Rule {
    id: "trust-vision/no-vision",
    severity: Severity::Warning,
    summary: "vision.industry_future is missing, or the roadmap spans too few years",
    check: Some(Check::Fn(no_vision)),
    inputs: &["vision.roadmap"],
    thresholds: &["min_roadmap_years"],
};

pub static RULES: &[&Rule] = &[&WEAK_TRUST, &NO_DECISION_CHAIN, &NO_VISION];

/// Whether a trust source is shown, absent, or unknown (its value is invalid and was
/// reported already).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Present,
    Absent,
    Unknown,
}

/// The four trust sources of the principle, by the key the message files word them by:
/// `expertise`, `staying_power`, `reference` (a public reference customer) and
/// `authority` (a certification or analyst report).
fn trust_sources(trust: Option<&Trust>) -> [(&'static str, Source); 4] {
    let Some(t) = trust else {
        return [
            ("expertise", Source::Absent),
            ("staying_power", Source::Absent),
            ("reference", Source::Absent),
            ("authority", Source::Absent),
        ];
    };
    let text = |f: &Field<String>| match f {
        Field::Present(v) if !v.value.trim().is_empty() => Source::Present,
        Field::Invalid => Source::Unknown,
        _ => Source::Absent,
    };
    let reference = match &t.reference_customers {
        Field::Present(list) => {
            if list.value.iter().any(|r| r.value.public.is_true()) {
                Source::Present
            } else if list
                .value
                .iter()
                .any(|r| matches!(r.value.public, Field::Invalid))
            {
                Source::Unknown
            } else {
                Source::Absent
            }
        }
        Field::Invalid => Source::Unknown,
        Field::Missing => Source::Absent,
    };
    let list = |f: &Field<crate::model::TextList>| match f {
        Field::Present(v) if !v.value.is_empty() => Source::Present,
        Field::Invalid => Source::Unknown,
        _ => Source::Absent,
    };
    let authority = match (list(&t.certifications), list(&t.analyst_reports)) {
        (Source::Present, _) | (_, Source::Present) => Source::Present,
        (Source::Unknown, _) | (_, Source::Unknown) => Source::Unknown,
        _ => Source::Absent,
    };
    [
        ("expertise", text(&t.expertise)),
        ("staying_power", text(&t.staying_power)),
        ("reference", reference),
        ("authority", authority),
    ]
}

/// "no `trust` section": one wording for every section this module reads.
fn no_section(section: &'static str) -> Message {
    Message::new("trust-vision-no-section").text("section", section)
}

/// "no `roadmap`": one wording for every key this module finds missing in a section.
fn no_key(key: &'static str) -> Message {
    Message::new("trust-vision-no-key").text("key", key)
}

fn weak_trust(cx: &Context, out: &mut Vec<Finding>) {
    let trust = match &cx.plan.trust {
        Field::Invalid => return,
        Field::Missing => None,
        Field::Present(t) => Some(&t.value),
    };
    let sources = trust_sources(trust);
    let count = |s: Source| sources.iter().filter(|(_, x)| *x == s).count();
    let present = count(Source::Present);
    let unknown = count(Source::Unknown);
    let min = cx.thresholds.min_trust_sources;
    // Silent when the sources shown, plus those that could not be read, would be enough.
    if (present + unknown) as f64 >= min - EPSILON {
        return;
    }
    // The sources shown and those absent, as counts and the keys `shown1`.. and
    // `absent1`.., which the message files word and join.
    let mut message = Message::new("trust-vision-weak-trust")
        .count("present", present)
        .count("absent", count(Source::Absent))
        .number("min", min);
    let slots = [
        ("shown1", "absent1"),
        ("shown2", "absent2"),
        ("shown3", "absent3"),
        ("shown4", "absent4"),
    ];
    let keys = |s: Source| {
        sources
            .iter()
            .filter(move |(_, x)| *x == s)
            .map(|(k, _)| *k)
    };
    for ((slot, _), key) in slots.iter().zip(keys(Source::Present)) {
        message = message.text(slot, key);
    }
    for ((_, slot), key) in slots.iter().zip(keys(Source::Absent)) {
        message = message.text(slot, key);
    }
    let place = cx.plan.place_of(&cx.plan.trust);
    let label = if cx.plan.trust.is_missing() {
        no_section("trust")
    } else {
        Message::new("trust-vision-weak-trust.label").count("present", present)
    };
    out.push(
        Finding::new(&WEAK_TRUST, place, message, label)
            .help(Message::new("trust-vision-weak-trust.help")),
    );
}

fn no_decision_chain(cx: &Context, out: &mut Vec<Finding>) {
    let trust = match &cx.plan.trust {
        Field::Invalid => return,
        Field::Missing => None,
        Field::Present(t) => Some(&t.value),
    };
    let help = || Message::new("trust-vision-no-decision-chain.help");
    match trust.map(|t| &t.decision_chain) {
        Some(Field::Invalid) => {}
        Some(Field::Present(chain)) => {
            let people = &chain.value;
            if people.iter().any(|p| {
                p.value.budget_owner.is_true() || matches!(p.value.budget_owner, Field::Invalid)
            }) {
                return;
            }
            let roles: Vec<String> = people
                .iter()
                .filter_map(|p| p.value.role.get())
                .map(|r| r.value.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            let message = Message::new("trust-vision-no-decision-chain");
            let message = if people.is_empty() {
                message.text("kind", "empty")
            } else if roles.is_empty() {
                message
                    .text("kind", "unnamed")
                    .count("people", people.len())
            } else {
                // The roles as the plan wrote them.
                message
                    .text("kind", "roles")
                    .text("roles", roles.join(", "))
            };
            out.push(
                Finding::new(
                    &NO_DECISION_CHAIN,
                    chain,
                    message,
                    Message::new("trust-vision-no-decision-chain.label"),
                )
                .help(help()),
            );
        }
        Some(Field::Missing) | None => {
            let place = cx.plan.place_of(&cx.plan.trust);
            let label = if cx.plan.trust.is_missing() {
                no_section("trust")
            } else {
                no_key("decision_chain")
            };
            out.push(
                Finding::new(
                    &NO_DECISION_CHAIN,
                    place,
                    Message::new("trust-vision-no-decision-chain").text("kind", "missing"),
                    label,
                )
                .help(help()),
            );
        }
    }
}

fn no_vision(cx: &Context, out: &mut Vec<Finding>) {
    let vision = match &cx.plan.vision {
        Field::Invalid => return,
        Field::Missing => None,
        Field::Present(v) => Some(&v.value),
    };
    let place = cx.plan.place_of(&cx.plan.vision);
    let section_label = |key: &'static str| {
        if cx.plan.vision.is_missing() {
            no_section("vision")
        } else {
            no_key(key)
        }
    };
    let future_missing = match vision.map(|v| &v.industry_future) {
        None | Some(Field::Missing) => true,
        Some(Field::Invalid) => false,
        Some(Field::Present(f)) => f.value.trim().is_empty(),
    };
    if future_missing {
        out.push(
            Finding::new(
                &NO_VISION,
                place.clone(),
                Message::new("trust-vision-no-vision"),
                section_label("industry_future"),
            )
            .help(Message::new("trust-vision-no-vision.help")),
        );
    }
    let min = cx.thresholds.min_roadmap_years;
    let roadmap = |kind: &'static str| {
        Message::new("trust-vision-no-roadmap")
            .text("kind", kind)
            .number("min", min)
    };
    let roadmap_help = || Message::new("trust-vision-no-roadmap.help").number("min", min);
    match vision.map(|v| &v.roadmap) {
        Some(Field::Invalid) => {}
        None | Some(Field::Missing) => {
            if min <= EPSILON {
                return;
            }
            out.push(
                Finding::new(
                    &NO_VISION,
                    place,
                    roadmap("missing"),
                    section_label("roadmap"),
                )
                .help(roadmap_help()),
            );
        }
        Some(Field::Present(items)) => {
            let entries = &items.value;
            let years: Vec<i64> = entries
                .iter()
                .filter_map(|i| i.value.year.value())
                .collect();
            if years.is_empty() && entries.iter().any(|i| !i.value.year.is_missing()) {
                // Only unreadable years: the span cannot be known.
                return;
            }
            let span = roadmap_span(&years);
            if span as f64 >= min - EPSILON {
                return;
            }
            let (message, label) = match (years.iter().min(), years.iter().max()) {
                (Some(first), Some(last)) => (
                    roadmap("span")
                        .count("span", span)
                        .text("first", first.to_string())
                        .text("last", last.to_string()),
                    Message::new("trust-vision-roadmap-span").count("span", span),
                ),
                _ => (
                    roadmap(if entries.is_empty() {
                        "empty"
                    } else {
                        "no-years"
                    }),
                    Message::new("trust-vision-no-years"),
                ),
            };
            out.push(Finding::new(&NO_VISION, items, message, label).help(roadmap_help()));
        }
    }
}

/// Years covered from the earliest to the latest, both included; 0 for no years.
fn roadmap_span(years: &[i64]) -> i64 {
    match (years.iter().min(), years.iter().max()) {
        (Some(first), Some(last)) => last - first + 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn roadmap_span_counts_both_ends() {
        assert_eq!(roadmap_span(&[]), 0);
        assert_eq!(roadmap_span(&[2026]), 1);
        assert_eq!(roadmap_span(&[2026, 2028]), 3);
        assert_eq!(roadmap_span(&[2029, 2026, 2027]), 4);
    }

    #[test]
    fn roadmap_years_are_counted_in_words() {
        let span = |n: i64| {
            let m = Message::new("trust-vision-roadmap-span").count("span", n);
            (m.render(Lang::En), m.render(Lang::Zh))
        };
        assert_eq!(span(1), ("1 year".into(), "1 年".into()));
        assert_eq!(span(2), ("2 years".into(), "2 年".into()));
    }

    #[test]
    fn trust_sources_are_worded_and_joined_in_both_languages() {
        let m = Message::new("trust-vision-weak-trust")
            .count("present", 1)
            .count("absent", 3)
            .number("min", 3.0)
            .text("shown1", "staying_power")
            .text("absent1", "expertise")
            .text("absent2", "reference")
            .text("absent3", "authority");
        assert_eq!(
            m.render(Lang::En),
            "the plan shows 1 of the 4 trust sources (staying power); missing: expertise, \
             a public reference customer and a certification or analyst report; the principle \
             asks for at least 3"
        );
        let zh = m.render(Lang::Zh);
        assert!(
            zh.contains("（长期陪伴客户的实力）；缺少：细分领域的专业形象、公开的标杆客户和"),
            "{zh}"
        );
        let none = Message::new("trust-vision-weak-trust")
            .count("present", 0)
            .count("absent", 0)
            .number("min", 3.0);
        assert!(
            none.render(Lang::En)
                .starts_with("the plan shows none of the 4 trust sources; missing: none that")
        );
    }

    #[test]
    fn no_trust_section_has_no_sources() {
        assert!(
            trust_sources(None)
                .iter()
                .all(|(_, s)| *s == Source::Absent)
        );
    }
}
