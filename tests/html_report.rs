//! `--format html` through the real binary, read back with an HTML5 parser (scraper, on
//! html5ever) the way a browser would: one self-contained page, no script, no external
//! reference, plan text escaped; and a headless Chromium screenshot that shows it renders.

mod support;

use std::path::Path;
use std::time::Duration;

use scraper::{Html, Selector};
use support::{in_ci, planlint, planlint_in, tool_available, write_file};

const PLANS: &[&str] = &[
    "fixtures/clean/lianheng.plan.yaml",
    "fixtures/patient-growth/hypergrowth.plan.yaml",
    "fixtures/patient-growth/cash-out.plan.yaml",
    "fixtures/large-customers/acv-floor.plan.yaml",
];

fn html_of(args: &[&str]) -> (String, Option<i32>) {
    let out = planlint()
        .args(["--format", "html"])
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code())
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let s = Selector::parse(css).unwrap();
    doc.select(&s).collect()
}

/// Every URL an element of the page could fetch or navigate to: none may leave the page.
fn assert_self_contained(doc: &Html) {
    assert!(select(doc, "script").is_empty(), "a <script> element");
    for tag in [
        "iframe",
        "object",
        "embed",
        "link",
        "img",
        "base",
        "form",
        "meta[http-equiv]",
    ] {
        assert!(select(doc, tag).is_empty(), "a <{tag}> element");
    }
    for el in select(doc, "*") {
        for (name, value) in el.value().attrs() {
            let name = name.to_ascii_lowercase();
            assert!(!name.starts_with("on"), "event handler {name}={value:?}");
            if matches!(
                name.as_str(),
                "src"
                    | "href"
                    | "xlink:href"
                    | "action"
                    | "formaction"
                    | "poster"
                    | "srcset"
                    | "data"
                    | "background"
                    | "ping"
            ) {
                assert!(
                    value.starts_with('#'),
                    "<{}> {name}={value:?} is not a link inside the page",
                    el.value().name()
                );
            }
            if name == "style" {
                assert!(!value.contains("url("), "style {value:?}");
            }
        }
    }
    for style in select(doc, "style") {
        let css: String = style.text().collect();
        assert!(!css.contains("url(") && !css.contains("@import"), "{css}");
    }
}

#[test]
fn one_page_for_a_tree_with_an_overview_and_charts_per_plan() {
    let (html, code) = html_of(PLANS);
    assert_eq!(code, Some(1), "findings at the fail level");
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty() || html.starts_with("<!DOCTYPE html>"));
    assert_self_contained(&doc);
    assert_eq!(
        select(&doc, "html")[0].value().attr("lang"),
        Some("en"),
        "the page's language"
    );
    // The overview: one row per plan, each linking to its section.
    let rows = select(&doc, "table.overview tbody tr");
    assert_eq!(rows.len(), PLANS.len());
    for row in rows {
        let link = row
            .select(&Selector::parse("a").unwrap())
            .next()
            .expect("a link to the plan");
        let target = link.value().attr("href").unwrap().trim_start_matches('#');
        assert_eq!(
            select(&doc, &format!("section#{target}")).len(),
            1,
            "{target}"
        );
    }
    // Each plan with projections has the three charts.
    let sections = select(&doc, "section.plan");
    assert_eq!(sections.len(), PLANS.len());
    for s in &sections {
        let svgs = s
            .select(&Selector::parse("figure.chart svg").unwrap())
            .count();
        assert_eq!(
            svgs,
            3,
            "{}",
            s.html().chars().take(300).collect::<String>()
        );
    }
    // The cash-out plan marks the year; the hypergrowth plan shades the year above the
    // ceiling; findings show their excerpt with the labelled values marked.
    assert!(html.contains("cash runs out"));
    assert!(html.contains("growth above 3× a year"));
    let marks = select(&doc, "article.finding mark");
    assert!(marks.len() >= 3, "labelled values are marked");
    let acv = select(&doc, "article.finding")
        .into_iter()
        .find(|a| {
            a.text()
                .collect::<String>()
                .contains("large-customers/acv-floor")
        })
        .expect("the ACV finding");
    let text: String = acv.text().collect();
    assert!(text.contains("ACV 50,000 CNY"), "the label: {text}");
}

#[test]
fn plan_text_cannot_inject_markup_or_script() {
    let dir = tempfile::tempdir().unwrap();
    let evil = [
        "planlint: 1",
        "company:",
        "  name: \"<script>alert(1)</script>\"",
        "currency: CNY",
        "\"<img src=x onerror=alert(2)>\": 1",
        "unit_economics:",
        "  acv: 40k",
        "  lifetime_years: 5",
        "pricing:",
        "  tiers:",
        "    - { name: \"</svg><script>alert(3)</script>\", price: 10k, customer_revenue: [1M, 10M] }",
        "    - { name: \"B\\e[2J\", price: 100k, customer_revenue: [10M, 100M] }",
        "projections:",
        "  - { year: 2026, revenue: 1M, cash_end: 2M }",
        "  - { year: 2027, revenue: 9M, cash_end: -1M }",
        "",
    ]
    .join("\n");
    write_file(dir.path(), "x<script>.plan.yaml", &evil);
    let out = planlint_in(dir.path(), Duration::from_secs(60))
        .args(["--format", "html", "x<script>.plan.yaml"])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let doc = Html::parse_document(&html);
    assert_self_contained(&doc);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>"), "shown as text");
    assert!(
        text.contains("<img src=x onerror=alert(2)>"),
        "shown as text"
    );
    assert!(
        !html.contains('\u{1b}'),
        "control characters are made visible"
    );
    assert!(html.contains("\\u{1b}"));
    // The tier name was escaped inside the chart: its svg stays whole.
    assert_eq!(select(&doc, "figure.chart svg").len(), 3);
}

#[test]
fn the_page_follows_lang() {
    let (html, _) = html_of(&[
        "--lang",
        "zh",
        "fixtures/patient-growth/hypergrowth.plan.yaml",
    ]);
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("zh-CN"));
    let title: String = select(&doc, "title")[0].text().collect();
    assert_eq!(title, "planlint 报告");
    assert!(html.contains("逐年预测"), "chart captions in Chinese");
    // The CSS font stack has CJK fonts.
    assert!(html.contains("Noto Sans CJK SC"));
}

/// A single clean plan: no overview, its section and charts; exit 0.
#[test]
fn one_plan_has_no_overview() {
    let (html, code) = html_of(&["fixtures/clean/freightwise.plan.yaml"]);
    assert_eq!(code, Some(0));
    let doc = Html::parse_document(&html);
    assert!(select(&doc, "#overview").is_empty());
    assert_eq!(select(&doc, "section.plan").len(), 1);
    assert_eq!(select(&doc, "figure.chart svg").len(), 3);
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| support::runs(c, &["--version"]))
}

/// The page as headless Chromium renders it: a screenshot that is not blank, and the
/// DOM Chromium built holding the charts' SVG elements.
#[test]
fn chromium_renders_the_report() {
    let browser = chromium();
    if !tool_available("chromium", browser.is_some(), "apt-get install -y chromium") {
        return;
    }
    let Some(browser) = browser else { return };
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let (html, _) = html_of(PLANS);
    std::fs::write(&report, &html).unwrap();
    let png = dir.path().join("report.png");
    let profile = dir.path().join("profile");
    let url = format!("file://{}", report.display());
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let profile_arg = format!("--user-data-dir={}", profile.display());
    let shot = std::process::Command::new(browser)
        .args(common)
        .arg(&profile_arg)
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,2000")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        png.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&shot.stderr)
    );
    assert_not_blank(&png);
    let dom = std::process::Command::new(browser)
        .args(common)
        .arg(&profile_arg)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = Html::parse_document(&String::from_utf8_lossy(&dom.stdout));
    let svgs = select(&dom, "figure.chart svg");
    assert!(
        svgs.len() >= 3 * PLANS.len() - 1,
        "Chromium's DOM has {} chart svgs",
        svgs.len()
    );
    assert!(!select(&dom, "svg polyline, svg path, svg rect").is_empty());
    if in_ci() {
        eprintln!("chromium rendered the report: {} charts", svgs.len());
    }
}

/// A PNG with enough ink: at least 2% of its pixels not near-white, and several colours.
fn assert_not_blank(path: &Path) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    assert!(channels >= 3, "{:?}", info.color_type);
    let pixels = bytes.len() / channels;
    let mut ink = 0usize;
    let mut colours = std::collections::HashSet::new();
    for px in bytes.chunks(channels) {
        if px[..3].iter().any(|c| *c < 200) {
            ink += 1;
        }
        colours.insert((px[0] / 16, px[1] / 16, px[2] / 16));
    }
    assert!(
        ink * 50 > pixels,
        "{}: only {ink} of {pixels} pixels are not white",
        path.display()
    );
    assert!(colours.len() > 20, "{} colours", colours.len());
}
