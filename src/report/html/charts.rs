//! The HTML report's charts, drawn with plotters' SVG backend: projections by year,
//! unit economics against the thresholds in force, pricing tiers against the
//! customer-size range. Each is an `<svg>` element to inline in the page, or `None` when
//! the plan has too few figures for it.
//!
//! plotters escapes the text it writes (`<`, `>`, `&`, quotes); text from a plan (a tier
//! name) is also passed through [`escape_line`] first, so that no control character
//! reaches the page raw. The font family written on each `<text>` is overridden by the
//! page's CSS font stack, which has CJK glyphs.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::figures::Figures;
use crate::i18n::{Lang, Message};
use crate::lint::EPSILON;
use crate::model::value::{format_number, format_percent};
use crate::text::escape_line;

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Drawn = Result<(), Box<dyn std::error::Error>>;

const REVENUE: RGBColor = RGBColor(37, 99, 235);
const BURN: RGBColor = RGBColor(217, 119, 6);
const CASH: RGBColor = RGBColor(22, 163, 74);
const PASS: RGBColor = RGBColor(22, 163, 74);
const FAIL: RGBColor = RGBColor(220, 38, 38);
const CEILING: RGBColor = RGBColor(253, 230, 138);
const TARGET: RGBColor = RGBColor(219, 234, 254);
const INK: RGBColor = RGBColor(31, 41, 55);
const GRID: RGBColor = RGBColor(229, 231, 235);

/// The family plotters writes; the page's CSS replaces it with its font stack.
const FAMILY: &str = "sans-serif";

/// Draws into a fresh SVG of `size`; `None` when plotters reports an error.
fn svg(size: (u32, u32), draw: impl FnOnce(&Area) -> Drawn) -> Option<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE).ok()?;
        draw(&root).ok()?;
        root.present().ok()?;
    }
    Some(out)
}

/// An amount on an axis, short: `1.2M`, `350k` in English, `1.2亿`, `35万` in Chinese.
pub fn compact(v: f64, lang: Lang) -> String {
    if lang == Lang::Zh {
        return crate::i18n::zh_amount(v);
    }
    let a = v.abs();
    let (div, suffix) = if a >= 1e9 {
        (1e9, "B")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e3 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    format!("{}{suffix}", format_number(v / div))
}

fn word(id: &'static str, lang: Lang) -> String {
    Message::new(id).render(lang)
}

/// Where each projection entry sits on the x axis and its tick label: its year when
/// every entry states one in increasing order, else its position.
fn x_positions(f: &Figures) -> (Vec<f64>, Vec<String>) {
    let years: Vec<Option<i64>> = f.years.iter().map(|y| y.year).collect();
    let increasing = years.iter().all(Option::is_some)
        && years
            .windows(2)
            .all(|w| matches!(w, [Some(a), Some(b)] if b > a));
    if increasing {
        let xs = years.iter().flatten().map(|y| *y as f64).collect();
        let labels = years.iter().flatten().map(|y| y.to_string()).collect();
        (xs, labels)
    } else {
        let xs = (0..f.years.len()).map(|i| i as f64).collect();
        let labels = (1..=f.years.len()).map(|i| format!("#{i}")).collect();
        (xs, labels)
    }
}

/// The runs of consecutive stated values of a series, as points.
fn runs(xs: &[f64], values: impl Iterator<Item = Option<f64>>) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (x, v) in xs.iter().zip(values) {
        match v.filter(|v| v.is_finite()) {
            Some(v) => {
                if let Some(run) = out.last_mut() {
                    run.push((*x, v));
                }
            }
            None => out.push(Vec::new()),
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Revenue, net burn and cash at year end by year; the years whose growth is above the
/// ceiling shaded, the year cash runs out marked. With `old`, the old version's series
/// dashed beneath (for `planlint diff`), on the same axis when its years line up.
pub fn projections(f: &Figures, old: Option<&Figures>, lang: Lang) -> Option<String> {
    let (xs, labels) = x_positions(f);
    type Pick = fn(&crate::figures::Year) -> Option<f64>;
    let series: [(&'static str, RGBColor, Pick); 3] = [
        ("html-chart-revenue", REVENUE, |y| y.revenue),
        ("html-chart-burn", BURN, |y| y.net_burn),
        ("html-chart-cash", CASH, |y| y.cash_end),
    ];
    let new_runs: Vec<Vec<Vec<(f64, f64)>>> = series
        .iter()
        .map(|(_, _, pick)| runs(&xs, f.years.iter().map(pick)))
        .collect();
    // The old version is drawn only where its years are on this chart's axis.
    let old_runs: Vec<Vec<Vec<(f64, f64)>>> = match old {
        Some(o) if o.years.iter().all(|y| y.year.is_some()) && xs.len() == labels.len() => {
            let (oxs, _) = x_positions(o);
            let on_axis = labels.iter().all(|l| !l.starts_with('#'));
            if on_axis && !oxs.is_empty() {
                series
                    .iter()
                    .map(|(_, _, pick)| {
                        runs(&oxs, o.years.iter().map(pick))
                            .into_iter()
                            .map(|r| {
                                r.into_iter()
                                    .filter(|(x, _)| xs.contains(x))
                                    .collect::<Vec<_>>()
                            })
                            .filter(|r| !r.is_empty())
                            .collect()
                    })
                    .collect()
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    let all: Vec<f64> = new_runs
        .iter()
        .chain(&old_runs)
        .flatten()
        .flatten()
        .map(|(_, y)| *y)
        .collect();
    if all.is_empty() || xs.is_empty() {
        return None;
    }
    let lo = all.iter().copied().fold(0.0_f64, f64::min);
    let hi = all.iter().copied().fold(0.0_f64, f64::max);
    let pad = ((hi - lo) * 0.08).max(1.0);
    let (ylo, yhi) = (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad);
    let x0 = xs.first().copied().unwrap_or(0.0) - 0.5;
    let x1 = xs.last().copied().unwrap_or(0.0) + 0.5;
    let ceiling = format_number(f.limits.max_annual_growth);
    svg((760, 360), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(64)
            .build_cartesian_2d(x0..x1, ylo..yhi)?;
        let label_of = |x: &f64| {
            xs.iter()
                .position(|v| (v - x).abs() < 1e-6)
                .and_then(|i| labels.get(i).cloned())
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .x_labels(xs.len().min(12))
            .x_label_formatter(&label_of)
            .y_label_formatter(&|v| compact(*v, lang))
            .label_style((FAMILY, 13).into_font().color(&INK))
            .draw()?;
        // Years above the growth ceiling: a shaded band behind the series.
        let above: Vec<f64> = xs
            .iter()
            .zip(&f.years)
            .filter(|(_, y)| y.above_ceiling)
            .map(|(x, _)| *x)
            .collect();
        if !above.is_empty() {
            let text = Message::new("html-chart-above-ceiling")
                .text("max", ceiling.clone())
                .render(lang);
            chart
                .draw_series(
                    above.iter().map(|x| {
                        Rectangle::new([(x - 0.45, ylo), (x + 0.45, yhi)], CEILING.filled())
                    }),
                )?
                .label(text)
                .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], CEILING.filled()));
        }
        if ylo < 0.0 {
            chart.draw_series(LineSeries::new([(x0, 0.0), (x1, 0.0)], INK.stroke_width(1)))?;
        }
        for (k, (id, color, _)) in series.iter().enumerate() {
            let name = word(id, lang);
            if let Some(old) = old_runs.get(k) {
                for run in old {
                    chart.draw_series(DashedLineSeries::new(
                        run.iter().copied(),
                        6,
                        4,
                        color.mix(0.55).stroke_width(2),
                    ))?;
                }
            }
            let mut first = true;
            for run in &new_runs[k] {
                let drawn = chart
                    .draw_series(LineSeries::new(run.iter().copied(), color.stroke_width(3)))?;
                if first {
                    let c = *color;
                    drawn.label(name.clone()).legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 16, y)], c.stroke_width(3))
                    });
                    first = false;
                }
                chart.draw_series(run.iter().map(|p| Circle::new(*p, 4, color.filled())))?;
            }
        }
        if !old_runs.is_empty() {
            let text = word("html-chart-old", lang);
            chart
                .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
                .label(text)
                .legend(|(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], INK.mix(0.55).stroke_width(2))
                });
        }
        // The year cash runs out: a red line and its label.
        if let Some(i) = f
            .years
            .iter()
            .position(|y| y.cash_end.is_some_and(|c| c < 0.0))
            && let Some(x) = xs.get(i).copied()
        {
            chart
                .draw_series(LineSeries::new([(x, ylo), (x, yhi)], FAIL.stroke_width(2)))?
                .label(word("html-chart-cash-out", lang))
                .legend(|(x, y)| {
                    PathElement::new(vec![(x + 8, y - 6), (x + 8, y + 6)], FAIL.stroke_width(2))
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(GRID)
            .label_font((FAMILY, 13).into_font().color(&INK))
            .draw()?;
        Ok(())
    })
}

/// One bullet of the unit-economics chart: its caption, value and threshold, and
/// whether a higher value is the better one.
struct Bullet {
    caption: String,
    /// How the axis writes a value.
    tick: fn(f64, Lang) -> String,
    value: Option<f64>,
    limit: f64,
    higher_is_better: bool,
}

/// LTV against the floor, revenue churn against the ceiling, LTV:CAC against the
/// minimum, payback months against the maximum: a bar per figure with the threshold
/// drawn across it, green when the figure is on the right side of it.
pub fn unit_economics(f: &Figures, lang: Lang) -> Option<String> {
    let l = &f.limits;
    let missing = |what: &'static str| {
        Message::new("html-chart-missing")
            .text("what", word(what, lang))
            .render(lang)
    };
    let money = |v: f64| crate::i18n::money(v, &f.currency, lang);
    let mut bullets = Vec::new();
    if let Some(floor) = l.min_ltv {
        bullets.push(Bullet {
            caption: match f.ltv {
                Some(v) => Message::new("html-chart-ltv")
                    .text("value", money(v))
                    .text("limit", money(floor))
                    .render(lang),
                None => missing("html-ltv"),
            },
            tick: compact,
            value: f.ltv,
            limit: floor,
            higher_is_better: true,
        });
    }
    bullets.push(Bullet {
        caption: match f.revenue_churn {
            Some(v) => Message::new("html-chart-churn")
                .text("value", format_percent(v))
                .text("limit", format_percent(l.max_revenue_churn))
                .render(lang),
            None => missing("html-churn"),
        },
        tick: |v, _| format_percent(v),
        value: f.revenue_churn,
        limit: l.max_revenue_churn,
        higher_is_better: false,
    });
    bullets.push(Bullet {
        caption: match f.ltv_cac {
            Some(v) => Message::new("html-chart-ltv-cac")
                .text("value", format_number(v))
                .text("limit", format_number(l.min_ltv_cac))
                .render(lang),
            None => missing("html-ltv-cac"),
        },
        tick: |v, _| format_number(v),
        value: f.ltv_cac,
        limit: l.min_ltv_cac,
        higher_is_better: true,
    });
    bullets.push(Bullet {
        caption: match f.payback() {
            Some(v) => Message::new("html-chart-payback")
                .text("value", format_number(v))
                .text("limit", format_number(l.max_cac_payback_months))
                .render(lang),
            None => missing("html-payback"),
        },
        tick: |v, _| format_number(v),
        value: f.payback(),
        limit: l.max_cac_payback_months,
        higher_is_better: false,
    });
    if bullets.iter().all(|b| b.value.is_none()) {
        return None;
    }
    let height = 86 * bullets.len() as u32;
    svg((760, height), |root| {
        let rows = root.split_evenly((bullets.len(), 1));
        for (area, b) in rows.iter().zip(&bullets) {
            let top = b.value.unwrap_or(0.0).max(b.limit).max(EPSILON) * 1.25;
            let mut chart = ChartBuilder::on(area)
                .margin_left(12)
                .margin_right(24)
                .margin_top(4)
                .caption(
                    &*escape_line(&b.caption),
                    (FAMILY, 15).into_font().color(&INK),
                )
                .x_label_area_size(22)
                .build_cartesian_2d(0.0..top, 0.0..1.0)?;
            chart
                .configure_mesh()
                .disable_y_axis()
                .disable_mesh()
                .x_labels(6)
                .x_label_formatter(&|v| (b.tick)(*v, lang))
                .label_style((FAMILY, 12).into_font().color(&INK))
                .draw()?;
            if let Some(v) = b.value {
                let ok = if b.higher_is_better {
                    v >= b.limit - EPSILON
                } else {
                    v <= b.limit + EPSILON
                };
                let color = if ok { PASS } else { FAIL };
                chart.draw_series([Rectangle::new(
                    [(0.0, 0.3), (v.max(0.0), 0.7)],
                    color.filled(),
                )])?;
            }
            chart.draw_series(LineSeries::new(
                [(b.limit, 0.1), (b.limit, 0.9)],
                INK.stroke_width(3),
            ))?;
        }
        Ok(())
    })
}

/// The pricing tiers on log scales: each tier a bar over the customer revenue it is for,
/// at its price; the target customers' revenue range shaded behind.
pub fn pricing(f: &Figures, lang: Lang) -> Option<String> {
    let tiers: Vec<(String, f64, f64, f64)> = f
        .tiers
        .iter()
        .filter_map(|t| {
            let (lo, hi) = t.customer_revenue?;
            let price = t.price?;
            (lo > 0.0 && hi >= lo && price > 0.0).then(|| {
                let name = escape_line(t.name.as_deref().unwrap_or("")).into_owned();
                (name, lo, hi, price)
            })
        })
        .collect();
    if tiers.is_empty() {
        return None;
    }
    let target = f.customer_revenue.filter(|(lo, hi)| *lo > 0.0 && hi >= lo);
    let xs = tiers
        .iter()
        .flat_map(|(_, lo, hi, _)| [*lo, *hi])
        .chain(target.iter().flat_map(|(lo, hi)| [*lo, *hi]));
    let (xmin, xmax) = xs.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
    let (pmin, pmax) = tiers
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), t| (a.min(t.3), b.max(t.3)));
    let (x0, x1) = (xmin / 2.0, xmax * 2.0);
    let (y0, y1) = (pmin / 3.0, pmax * 3.0);
    svg((760, 340), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(64)
            .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())?;
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .x_desc(word("html-chart-customer-revenue", lang))
            .y_desc(word("html-chart-price", lang))
            .x_label_formatter(&|v| compact(*v, lang))
            .y_label_formatter(&|v| compact(*v, lang))
            .label_style((FAMILY, 12).into_font().color(&INK))
            .axis_desc_style((FAMILY, 13).into_font().color(&INK))
            .draw()?;
        if let Some((lo, hi)) = target {
            chart
                .draw_series([Rectangle::new([(lo, y0), (hi, y1)], TARGET.filled())])?
                .label(word("html-chart-target", lang))
                .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], TARGET.filled()));
        }
        for (name, lo, hi, price) in &tiers {
            chart.draw_series(LineSeries::new(
                [(*lo, *price), (*hi, *price)],
                REVENUE.stroke_width(6),
            ))?;
            let mid = (lo * hi).sqrt();
            chart.draw_series([Text::new(
                format!("{name} {}", compact(*price, lang)),
                (mid, price * 1.25),
                (FAMILY, 13)
                    .into_font()
                    .color(&INK)
                    .pos(plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Center,
                        plotters::style::text_anchor::VPos::Bottom,
                    )),
            )])?;
        }
        if target.is_some() {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.85))
                .border_style(GRID)
                .label_font((FAMILY, 13).into_font().color(&INK))
                .draw()?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::{Tier, Year};

    fn plan() -> Figures {
        Figures {
            currency: "CNY".into(),
            ltv: Some(600_000.0),
            ltv_cac: Some(2.0),
            revenue_churn: Some(0.1),
            payback_computed: Some(14.0),
            years: vec![
                Year {
                    year: Some(2026),
                    revenue: Some(1e6),
                    cash_end: Some(5e6),
                    ..Year::default()
                },
                Year {
                    year: Some(2027),
                    revenue: Some(5e6),
                    cash_end: Some(-1e6),
                    growth: Some(5.0),
                    above_ceiling: true,
                    ..Year::default()
                },
            ],
            cash_out_year: Some(2027),
            tiers: vec![Tier {
                name: Some("<script>alert(1)</script>\u{1b}[2J".into()),
                price: Some(30_000.0),
                customer_revenue: Some((1e7, 1e8)),
            }],
            customer_revenue: Some((5e6, 5e8)),
            limits: crate::figures::Limits {
                min_ltv: Some(300_000.0),
                max_revenue_churn: 0.2,
                min_ltv_cac: 3.0,
                max_cac_payback_months: 12.0,
                max_annual_growth: 3.0,
            },
            ..Figures::default()
        }
    }

    #[test]
    fn amounts_are_short_on_axes() {
        assert_eq!(compact(1_200_000.0, Lang::En), "1.2M");
        assert_eq!(compact(350_000.0, Lang::En), "350k");
        assert_eq!(compact(-2e9, Lang::En), "-2B");
        assert_eq!(compact(350_000.0, Lang::Zh), "35万");
    }

    #[test]
    fn every_chart_is_an_svg_with_its_marks() {
        let f = plan();
        let p = projections(&f, None, Lang::En).expect("projections");
        assert!(p.starts_with("<svg"), "{p}");
        assert!(p.contains("cash runs out"), "{p}");
        assert!(p.contains("growth above 3× a year"), "{p}");
        let u = unit_economics(&f, Lang::En).expect("unit economics");
        assert!(u.contains("LTV:CAC 2 · minimum 3"), "{u}");
        let t = pricing(&f, Lang::En).expect("pricing");
        // The tier name is escaped: no markup and no raw control character.
        assert!(!t.contains("<script"), "{t}");
        assert!(t.contains("&lt;script&gt;"), "{t}");
        assert!(!t.contains('\u{1b}'), "{t}");
    }

    #[test]
    fn too_few_figures_draw_no_chart() {
        let f = Figures::default();
        assert_eq!(projections(&f, None, Lang::En), None);
        assert_eq!(unit_economics(&f, Lang::En), None);
        assert_eq!(pricing(&f, Lang::En), None);
    }
}
