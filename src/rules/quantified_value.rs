//! `quantified-value/`: principle 7, the strongest reason to pay is a quantifiable
//! business opportunity. The plan must name the KPI it moves and what that is worth to a
//! customer each year, the return must be a clear multiple of the price, and a product
//! that only cuts cost should plan its way into revenue.

use crate::i18n::Message;
use crate::lint::{Check, Context, EPSILON, Rule, differs};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{Field, Place, RoadmapValueKind, Val, Value, ValueKind};
use crate::source::Span;

pub const UNQUANTIFIED: Rule = Rule {
    id: "quantified-value/unquantified",
    severity: Severity::Warning,
    summary: "the value names no KPI or no annual value per customer",
    check: Some(Check::Fn(unquantified)),
    inputs: &["value.kpi", "value.annual_value_per_customer"],
    thresholds: &[],
};

pub const ROI_MISMATCH: Rule = Rule {
    id: "quantified-value/roi-mismatch",
    severity: Severity::Error,
    summary: "stated roi_multiple disagrees with annual_value_per_customer / acv",
    check: Some(Check::Fn(roi_mismatch)),
    inputs: &["value.roi_multiple | value.annual_value_per_customer + unit_economics.acv"],
    thresholds: &["tolerance"],
};

pub const LOW_ROI: Rule = Rule {
    id: "quantified-value/low-roi",
    severity: Severity::Warning,
    summary: "the customer's ROI multiple (stated or computed) is below the minimum",
    check: Some(Check::Fn(low_roi)),
    inputs: &["value.roi_multiple | value.annual_value_per_customer + unit_economics.acv"],
    thresholds: &["min_roi"],
};

pub const COST_ONLY: Rule = Rule {
    id: "quantified-value/cost-only",
    severity: Severity::Warning,
    summary: "the value is cost reduction only and no roadmap item moves into revenue",
    check: Some(Check::Fn(cost_only)),
    inputs: &["value.kind"],
    thresholds: &[],
};

pub const VAGUE_CLAIM: Rule = Rule {
    id: "quantified-value/vague-claim",
    severity: Severity::Warning,
    summary: "a claim written with an intensifier and no number",
    check: Some(Check::Fn(vague_claim)),
    // Texts the plan may or may not have: the rule reads what there is.
    inputs: &[],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[
    &UNQUANTIFIED,
    &ROI_MISMATCH,
    &LOW_ROI,
    &COST_ONLY,
    &VAGUE_CLAIM,
];

/// An intensifier with the verb it strengthens: "greatly improves", "大幅提升".
static VAGUE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?i)\b(greatly|significantly|dramatically|substantially|massively|vastly|hugely",
        r"|drastically|considerably|radically|tremendously|immensely)\s+",
        r"(improv|reduc|increas|lower|cut|boost|rais|enhanc|decreas|shorten|accelerat",
        r"|speed|grow|optimi[sz]|streamlin|minimi[sz]|maximi[sz])\w*",
        r"|(大幅度?|显著|极大|大大|明显|彻底|全面|极大地|大幅地|显著地|明显地)",
        r"(提升|提高|降低|减少|改善|增加|优化|缩短|增长|下降|加快|节省|节约)"
    ))
    .ok()
});

/// True when a text states a figure: a digit, or a number in Chinese words.
fn has_number(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "一二两三四五六七八九十百千万亿半倍成%％".contains(c)
    })
}

fn vague_claim(cx: &Context, out: &mut Vec<Finding>) {
    let Some(re) = VAGUE.as_ref() else { return };
    let mut texts: Vec<&Val<String>> = Vec::new();
    if let Some(needs) = cx.plan.needs.get() {
        for n in &needs.value {
            texts.extend(n.value.statement.get());
            texts.extend(n.value.evidence.get());
        }
    }
    if let Some(chain) = cx.plan.value_chain.get() {
        for p in &chain.value {
            texts.extend(p.value.how.get());
        }
    }
    if let Some(v) = cx.plan.vision.get() {
        texts.extend(v.value.industry_future.get());
        texts.extend(v.value.partnership.get());
        if let Some(roadmap) = v.value.roadmap.get() {
            for item in &roadmap.value {
                texts.extend(item.value.theme.get());
            }
        }
    }
    for text in texts {
        let t = text.value.as_str();
        if has_number(t) {
            continue;
        }
        let Some(m) = re.find(t) else { continue };
        // The words themselves when the scalar is written as is or quoted; else the
        // whole value.
        let start = match text.span.len {
            l if l == t.len() => Some(text.span.offset),
            l if l == t.len() + 2 => Some(text.span.offset + 1),
            _ => None,
        };
        let span = start.map_or(text.span, |s| Span::new(s + m.start(), m.len()));
        let place = Place {
            span,
            path: text.path.clone(),
        };
        let words = crate::text::escape_line(m.as_str()).into_owned();
        out.push(
            Finding::new(
                &VAGUE_CLAIM,
                place,
                Message::new("quantified-value-vague-claim").text("words", words),
                Message::new("quantified-value-vague-claim.label"),
            )
            .help(Message::new("quantified-value-vague-claim.help")),
        );
    }
}

fn value<'a>(cx: &'a Context) -> Option<&'a Value> {
    cx.plan.value.get().map(|v| &v.value)
}

fn acv<'a>(cx: &'a Context) -> Option<&'a Val<f64>> {
    cx.plan
        .unit_economics
        .get()
        .and_then(|ue| ue.value.acv.get())
}

fn unquantified(cx: &Context, out: &mut Vec<Finding>) {
    let (kpi_missing, annual_missing) = match &cx.plan.value {
        Field::Invalid => return,
        Field::Missing => (true, true),
        Field::Present(v) => (
            // A blank KPI names nothing; Invalid was reported already and is not missing.
            match &v.value.kpi {
                Field::Missing => true,
                Field::Present(k) => k.value.trim().is_empty(),
                Field::Invalid => false,
            },
            v.value.annual_value_per_customer.is_missing(),
        ),
    };
    // What is missing selects the wording in the message files.
    let missing = match (kpi_missing, annual_missing) {
        _ if cx.plan.value.is_missing() => "section",
        (true, true) => "both",
        (true, false) => "kpi",
        (false, true) => "annual",
        (false, false) => return,
    };
    let with = |id: &'static str| Message::new(id).text("missing", missing);
    out.push(
        Finding::new(
            &UNQUANTIFIED,
            cx.plan.place_of(&cx.plan.value),
            with("quantified-value-unquantified"),
            with("quantified-value-unquantified.label"),
        )
        .help(Message::new("quantified-value-unquantified.help")),
    );
}

fn roi_mismatch(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let (Some(stated), Some(computed)) = (v.roi_multiple.get(), cx.metrics.roi_computed) else {
        return;
    };
    let tolerance = cx.thresholds.tolerance;
    if !differs(stated.value, computed, tolerance) {
        return;
    }
    let (Some(annual), Some(acv)) = (v.annual_value_per_customer.get(), acv(cx)) else {
        return;
    };
    let currency = cx.currency();
    out.push(
        Finding::new(
            &ROI_MISMATCH,
            stated,
            Message::new("quantified-value-roi-mismatch")
                .number("stated", stated.value)
                .number("computed", computed)
                .money("annual", annual.value, currency)
                .money("acv", acv.value, currency),
            Message::new("quantified-value-roi-mismatch.label").number("stated", stated.value),
        )
        .label(
            annual,
            Message::new("quantified-value-roi-mismatch-annual").money(
                "annual",
                annual.value,
                currency,
            ),
        )
        .label(
            acv,
            Message::new("quantified-value-roi-mismatch-acv").money("acv", acv.value, currency),
        )
        .help(
            Message::new("quantified-value-roi-mismatch.help")
                .number("computed", computed)
                .percent("tolerance", tolerance),
        )
        .fix(Fix::computed().set(stated, computed, Notation::Multiple, Round::Nearest)),
    );
}

fn low_roi(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let min = cx.thresholds.min_roi;
    // The annual value that gives the minimum ROI at this price, when both are known:
    // the help says it and the fix writes it (a stated ROI rewritten to match).
    let target = match (v.annual_value_per_customer.get(), acv(cx)) {
        (Some(annual), Some(acv)) if acv.value > 0.0 => Some((annual, min * acv.value)),
        _ => None,
    };
    let help = {
        let help = Message::new("quantified-value-low-roi.help").number("min", min);
        match target {
            Some((_, least)) => help
                .money("least", least, cx.currency())
                .text("known", "yes"),
            None => help.money("least", 0.0, cx.currency()).text("known", "no"),
        }
    };
    let fix = |stated: Option<&Val<f64>>| {
        let (annual, least) = target?;
        let fix = Fix::change().set(annual, least, Notation::Money, Round::Up);
        Some(match stated {
            Some(stated) => fix.set(stated, min, Notation::Multiple, Round::Up),
            None => fix,
        })
    };
    match &v.roi_multiple {
        Field::Present(stated) => {
            if stated.value >= min - EPSILON {
                return;
            }
            let finding = Finding::new(
                &LOW_ROI,
                stated,
                Message::new("quantified-value-low-roi")
                    .number("roi", stated.value)
                    .number("min", min),
                Message::new("quantified-value-low-roi.label").number("roi", stated.value),
            )
            .help(help);
            out.push(finding.fix(fix(Some(stated))));
        }
        Field::Invalid => {}
        Field::Missing => {
            let Some(roi) = cx.metrics.roi_computed else {
                return;
            };
            if roi >= min - EPSILON {
                return;
            }
            let (Some(annual), Some(acv)) = (v.annual_value_per_customer.get(), acv(cx)) else {
                return;
            };
            let currency = cx.currency();
            let finding = Finding::new(
                &LOW_ROI,
                annual,
                Message::new("quantified-value-low-roi-computed")
                    .number("roi", roi)
                    .money("annual", annual.value, currency)
                    .money("acv", acv.value, currency)
                    .number("min", min),
                Message::new("quantified-value-low-roi-computed.label").money(
                    "annual",
                    annual.value,
                    currency,
                ),
            )
            .label(
                acv,
                Message::new("quantified-value-low-roi-acv").money("acv", acv.value, currency),
            )
            .help(help);
            out.push(finding.fix(fix(None)));
        }
    }
}

fn cost_only(cx: &Context, out: &mut Vec<Finding>) {
    let Some(v) = value(cx) else { return };
    let Some(kind) = v.kind.get().filter(|k| k.value == ValueKind::Cost) else {
        return;
    };
    // The roadmap, when it can be read: a vision or roadmap that was reported invalid,
    // or an item whose value_kind was, might hold the revenue item, so stay silent.
    let roadmap = match &cx.plan.vision {
        Field::Invalid => return,
        Field::Missing => None,
        Field::Present(vision) => match &vision.value.roadmap {
            Field::Invalid => return,
            Field::Missing => None,
            Field::Present(r) => Some(r),
        },
    };
    if let Some(roadmap) = roadmap {
        let mut revenue = false;
        for item in &roadmap.value {
            match &item.value.value_kind {
                Field::Invalid => return,
                Field::Present(k) if k.value == RoadmapValueKind::Revenue => revenue = true,
                _ => {}
            }
        }
        if revenue {
            return;
        }
    }
    let mut finding = Finding::new(
        &COST_ONLY,
        kind,
        Message::new("quantified-value-cost-only").text(
            "roadmap",
            if roadmap.is_some() {
                "present"
            } else {
                "absent"
            },
        ),
        Message::new("quantified-value-cost-only.label"),
    );
    if let Some(roadmap) = roadmap {
        finding = finding.label(
            Place::from(roadmap),
            Message::new("quantified-value-cost-only-no-revenue-item"),
        );
    }
    out.push(finding.help(Message::new("quantified-value-cost-only.help")));
}

#[cfg(test)]
mod tests {
    /// `(line, rule, message)` of this principle's findings.
    fn findings(yaml: &str) -> Vec<(usize, &'static str, String)> {
        crate::engine::findings_with_prefix(yaml, "quantified-value/")
    }

    #[test]
    fn a_missing_value_section_is_reported_once_by_missing_input() {
        let yaml = "planlint: 1\ncompany: { name: A }\n";
        assert!(findings(yaml).is_empty());
        let gaps = crate::engine::findings_with_prefix(yaml, "plan/missing-input");
        let ours: Vec<_> = gaps
            .iter()
            .filter(|(_, _, m)| m.starts_with("`quantified-value` cannot be fully checked"))
            .collect();
        assert_eq!(ours.len(), 1, "{gaps:?}");
        assert_eq!(ours[0].0, 1);
        assert!(ours[0].2.contains("`value` is missing"), "{}", ours[0].2);
    }

    #[test]
    fn an_invalid_kpi_or_annual_value_is_not_missing() {
        let got = findings("value:\n  kpi: [a, b]\n  annual_value_per_customer: lots\n");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn cost_only_without_a_roadmap_fires_and_an_unreadable_item_silences_it() {
        let base = "value:\n  kind: cost\n  kpi: hours\n  annual_value_per_customer: 1M\n";
        let got = findings(base);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (2, "quantified-value/cost-only"));
        let unreadable =
            format!("{base}vision:\n  roadmap:\n    - {{ year: 2027, value_kind: sales }}\n");
        assert!(findings(&unreadable).is_empty());
    }

    #[test]
    fn an_invalid_stated_roi_does_not_fall_back_to_the_computed_one() {
        let got = findings(
            "value:\n  kpi: hours\n  annual_value_per_customer: 100k\n  roi_multiple: many\nunit_economics:\n  acv: 120k\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
