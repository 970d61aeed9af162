//! `trust-vision/`: principle 2, enterprise sales rest on trust and vision.
//! Trust from expertise, staying power, public reference customers and third-party
//! authority; a known decision chain with its budget owner; a vision of where the industry
//! is going with a roadmap of several years.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};
use crate::model::value::format_number;
use crate::model::{Field, Trust};

pub const WEAK_TRUST: Rule = Rule {
    id: "trust-vision/weak-trust",
    severity: Severity::Warning,
    summary: "fewer of the four trust sources than required",
    check: Some(weak_trust),
    inputs: &["trust"],
    thresholds: &["min_trust_sources"],
};

pub const NO_DECISION_CHAIN: Rule = Rule {
    id: "trust-vision/no-decision-chain",
    severity: Severity::Warning,
    summary: "trust.decision_chain is missing or names no budget owner",
    check: Some(no_decision_chain),
    inputs: &["trust.decision_chain"],
    thresholds: &[],
};

pub const NO_VISION: Rule = Rule {
    id: "trust-vision/no-vision",
    severity: Severity::Warning,
    summary: "vision.industry_future is missing, or the roadmap spans too few years",
    check: Some(no_vision),
    inputs: &["vision.roadmap"],
    thresholds: &["min_roadmap_years"],
};

pub static RULES: &[&Rule] = &[&WEAK_TRUST, &NO_DECISION_CHAIN, &NO_VISION];

const EPSILON: f64 = 1e-9;

/// Whether a trust source is shown, absent, or unknown (its value is invalid and was
/// reported already).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Present,
    Absent,
    Unknown,
}

/// The four trust sources of the principle, with their names for messages.
fn trust_sources(trust: Option<&Trust>) -> [(&'static str, Source); 4] {
    let Some(t) = trust else {
        return [
            ("expertise", Source::Absent),
            ("staying power", Source::Absent),
            ("a public reference customer", Source::Absent),
            ("a certification or analyst report", Source::Absent),
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
        ("staying power", text(&t.staying_power)),
        ("a public reference customer", reference),
        ("a certification or analyst report", authority),
    ]
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
    let names = |s: Source| -> Vec<String> {
        sources
            .iter()
            .filter(|(_, x)| *x == s)
            .map(|(n, _)| n.to_string())
            .collect()
    };
    let shown = names(Source::Present);
    let absent = names(Source::Absent);
    let shown_text = if shown.is_empty() {
        "none of the 4 trust sources".to_string()
    } else {
        format!("{present} of the 4 trust sources ({})", join_and(&shown))
    };
    let place = cx.plan.place_of(&cx.plan.trust);
    let label = if cx.plan.trust.is_missing() {
        "no `trust` section".to_string()
    } else {
        format!("{present} of 4 trust sources")
    };
    out.push(
        Finding::new(
            &WEAK_TRUST,
            place,
            format!(
                "the plan shows {shown_text}; missing: {}; the principle asks for at least {}",
                if absent.is_empty() {
                    "none that could be read".to_string()
                } else {
                    join_and(&absent)
                },
                format_number(min)
            ),
            label,
        )
        .help(
            "answer the buyer's \"why you?\" under `trust`: `expertise` (why you are the expert of this niche), `staying_power` (why you will still be there), a `reference_customers` entry with `public: true`, and `certifications` or `analyst_reports`",
        ),
    );
}

fn no_decision_chain(cx: &Context, out: &mut Vec<Finding>) {
    let trust = match &cx.plan.trust {
        Field::Invalid => return,
        Field::Missing => None,
        Field::Present(t) => Some(&t.value),
    };
    let help = "list who decides under `trust.decision_chain`, what each cares about, and mark the one who holds the budget: `- { role: COO, cares_about: write-off rate, budget_owner: true }`";
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
            let message = if people.is_empty() {
                "the decision chain is empty; the principle asks the plan to know who decides, above all who owns the budget".to_string()
            } else if roles.is_empty() {
                format!(
                    "none of the {} people in the decision chain is marked `budget_owner: true`; the principle asks the plan to know who owns the budget",
                    people.len()
                )
            } else {
                format!(
                    "the decision chain ({}) names no budget owner; the principle asks the plan to know who owns the budget",
                    roles.join(", ")
                )
            };
            out.push(
                Finding::new(
                    &NO_DECISION_CHAIN,
                    chain,
                    message,
                    "no `budget_owner: true`",
                )
                .help(help),
            );
        }
        Some(Field::Missing) | None => {
            let place = cx.plan.place_of(&cx.plan.trust);
            let label = if cx.plan.trust.is_missing() {
                "no `trust` section"
            } else {
                "no `decision_chain`"
            };
            out.push(
                Finding::new(
                    &NO_DECISION_CHAIN,
                    place,
                    "the plan has no decision chain; the principle asks the plan to know who decides, above all who owns the budget",
                    label,
                )
                .help(help),
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
    let section_label = if cx.plan.vision.is_missing() {
        "no `vision` section"
    } else {
        "no `industry_future`"
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
                "the plan does not say where the industry is going (`vision.industry_future`); the principle asks for a vision that leads the customer's needs",
                section_label,
            )
            .help(
                "write `vision.industry_future`: one sentence on where the customer's industry is heading and the part you play in it",
            ),
        );
    }
    let min = cx.thresholds.min_roadmap_years;
    let roadmap_help = format!(
        "extend `vision.roadmap` to cover at least {} years, one entry per step: `- {{ year: 2028, theme: ... }}`",
        format_number(min)
    );
    match vision.map(|v| &v.roadmap) {
        Some(Field::Invalid) => {}
        None | Some(Field::Missing) => {
            if min <= EPSILON {
                return;
            }
            let label = if cx.plan.vision.is_missing() {
                "no `vision` section"
            } else {
                "no `roadmap`"
            };
            out.push(
                Finding::new(
                    &NO_VISION,
                    place,
                    format!(
                        "the plan has no roadmap; the principle asks for a vision of at least {} years",
                        format_number(min)
                    ),
                    label,
                )
                .help(roadmap_help),
            );
        }
        Some(Field::Present(roadmap)) => {
            let items = &roadmap.value;
            let years: Vec<i64> = items.iter().filter_map(|i| i.value.year.value()).collect();
            if years.is_empty() && items.iter().any(|i| !i.value.year.is_missing()) {
                // Only unreadable years: the span cannot be known.
                return;
            }
            let span = roadmap_span(&years);
            if span as f64 >= min - EPSILON {
                return;
            }
            let (message, label) = match (years.iter().min(), years.iter().max()) {
                (Some(first), Some(last)) => (
                    format!(
                        "the roadmap spans {span} year{} ({first}-{last}); the principle asks for a vision of at least {} years",
                        if span == 1 { "" } else { "s" },
                        format_number(min)
                    ),
                    format!("{span} year{}", if span == 1 { "" } else { "s" }),
                ),
                _ => (
                    format!(
                        "{}; the principle asks for a vision of at least {} years",
                        if items.is_empty() {
                            "the roadmap is empty"
                        } else {
                            "no roadmap entry names a year"
                        },
                        format_number(min)
                    ),
                    "no years".to_string(),
                ),
            };
            out.push(Finding::new(&NO_VISION, roadmap, message, label).help(roadmap_help));
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

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roadmap_span_counts_both_ends() {
        assert_eq!(roadmap_span(&[]), 0);
        assert_eq!(roadmap_span(&[2026]), 1);
        assert_eq!(roadmap_span(&[2026, 2028]), 3);
        assert_eq!(roadmap_span(&[2029, 2026, 2027]), 4);
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
