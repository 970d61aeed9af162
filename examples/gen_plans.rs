//! Generates a tree of realistic, varied plans for the benchmarks in `benches/`.
//!
//! ```sh
//! cargo run --release --example gen_plans -- DIR N [SEED]
//! ```
//!
//! Writes `N` plans under `DIR`, 100 to a folder and 10 folders to a group
//! (`DIR/g00/d000/p000000.plan.yaml`), deterministically from `SEED` (default 1). Each
//! plan is a complete plan in the shape of `fixtures/clean/`, 3-8 KB, in Chinese or
//! English (or a mix: English keys of course, Chinese names with English prose), with
//! its numbers drawn so that about half the plans are clean and the rest break one to
//! four rules (churn at or above 20%, flat pricing, ACV under the floor, payback too
//! long, hypergrowth, a missing consent, a misspelt key, a reversed range...). It prints
//! a one-line summary: files, bytes, and the flavours drawn.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }
    fn chance(&mut self, p: f64) -> bool {
        self.float(0.0, 1.0) < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    En,
    Zh,
}

/// Text pools: (English, Chinese).
const CATEGORIES: &[(&str, &str)] = &[
    (
        "demand sensing for packaged-food processors",
        "快消食品企业的需求感知",
    ),
    ("freight invoice audit and recovery", "货运发票审计与追回"),
    (
        "inline visual inspection for auto parts",
        "汽车零部件在线视觉质检",
    ),
    (
        "predictive maintenance for injection molding",
        "注塑设备预测性维护",
    ),
    (
        "energy management for cold-chain warehouses",
        "冷链仓储能耗管理",
    ),
    (
        "supplier risk monitoring for electronics makers",
        "电子制造商供应商风险监控",
    ),
    (
        "batch traceability for pharmaceutical plants",
        "制药工厂批次追溯",
    ),
    (
        "dispatch optimisation for regional 3PLs",
        "区域三方物流的调度优化",
    ),
    (
        "contract review for procurement teams",
        "采购团队的合同审核",
    ),
    (
        "yield analytics for solar-cell lines",
        "光伏电池产线良率分析",
    ),
];

const NICHES: &[(&str, &str)] = &[
    (
        "mid-size processors in East China with 100-2000 staff",
        "华东地区 100 至 2000 人的中型加工企业",
    ),
    (
        "tier-2 suppliers to the top ten carmakers",
        "为前十大主机厂供货的二级供应商",
    ),
    (
        "regional distributors shipping 50-500M CNY a year",
        "年发货额 5000 万至 5 亿元的区域分销商",
    ),
    (
        "contract manufacturers with three or more plants",
        "拥有三座及以上工厂的代工企业",
    ),
    (
        "listed mid-caps that must report to a group headquarters",
        "需要向集团总部汇报的上市中型企业",
    ),
];

const INDUSTRIES: &[(&str, &str)] = &[
    ("packaged_food", "快消食品"),
    ("auto_parts", "汽车零部件"),
    ("electronics", "电子制造"),
    ("pharma", "医药"),
    ("logistics", "物流"),
    ("chemicals", "化工"),
    ("solar", "光伏"),
];

const REGIONS: &[(&str, &str)] = &[
    ("East China", "华东"),
    ("South China", "华南"),
    ("Yangtze River Delta", "长三角"),
    ("Pearl River Delta", "珠三角"),
    ("North China", "华北"),
];

const NEEDS: &[(&str, &str)] = &[
    (
        "promo SKUs expire in channel; write-offs are 3-6% of sales",
        "促销品在渠道过期，报废占销售额的 3-6%",
    ),
    (
        "4-7% of freight invoices overcharge, and nobody has the hours to check them",
        "4-7% 的运费发票多收费，却没有人手逐张核对",
    ),
    (
        "carmakers charge per escaped defect; one recall can eat a year's profit",
        "主机厂对漏检按件索赔，一次批量召回可吞掉全年利润",
    ),
    (
        "unplanned downtime costs each line about 80k CNY an hour",
        "非计划停机每条产线每小时损失约 8 万元",
    ),
    (
        "auditors ask for batch records that take two weeks to assemble",
        "审计要求的批次记录需要两周才能整理出来",
    ),
    (
        "planners rebuild the same spreadsheet every Monday morning",
        "计划员每周一早上都要重做同一张表",
    ),
    (
        "a single late supplier stops the whole line without warning",
        "一家供应商延迟交货就会让整条产线毫无预警地停下",
    ),
];

const EVIDENCE: &[(&str, &str)] = &[
    (
        "42 interviews, 9 paid pilots",
        "访谈 42 家客户，9 家付费试点",
    ),
    (
        "audits of 11 customers' past invoices",
        "审计了 11 家客户的历史发票",
    ),
    ("36 quality directors interviewed", "访谈 36 位质量总监"),
    (
        "three years of downtime logs from 5 plants",
        "5 座工厂三年的停机记录",
    ),
];

const WHO: &[(&str, &str, &str)] = &[
    (
        "upstream",
        "ingredient and part suppliers",
        "原材料与零件供应商",
    ),
    ("midstream", "the manufacturers themselves", "制造企业自身"),
    ("downstream", "distributors and retailers", "分销商与零售商"),
    ("upstream", "carriers", "承运商"),
    (
        "downstream",
        "end customers' procurement teams",
        "终端客户的采购部门",
    ),
];

const HOW: &[(&str, &str)] = &[
    (
        "an 8-week rolling forecast shared with them",
        "共享 8 周滚动预测",
    ),
    (
        "fewer write-offs and planner hours",
        "报废减少，计划工时下降",
    ),
    ("fewer stock-outs of promoted SKUs", "促销品缺货减少"),
    (
        "disputes arrive structured instead of by phone",
        "争议以结构化数据到达，不再靠电话",
    ),
    ("traceable incoming quality", "来料质量可追溯"),
];

const ROLES: &[(&str, &str, &str, &str)] = &[
    ("COO", "write-off rate", "运营副总", "报废率"),
    (
        "CFO",
        "freight cost as a share of revenue",
        "财务总监",
        "运费占收入比",
    ),
    (
        "head of planning",
        "planner workload",
        "计划总监",
        "计划员工作量",
    ),
    (
        "VP quality",
        "claims from carmakers",
        "质量副总",
        "主机厂索赔金额",
    ),
    ("plant manager", "takt time", "厂长", "节拍不受影响"),
    ("CIO", "integration effort", "信息总监", "系统集成工作量"),
];

const THEMES: &[(&str, &str)] = &[
    ("forecasting", "需求预测"),
    ("markdown pricing", "降价定价"),
    ("supplier network", "供应商网络"),
    ("defect root-cause tracing", "缺陷根因溯源"),
    ("energy trading", "能源交易"),
    ("closed-loop planning", "闭环计划"),
];

const PRACTICES: &[(&str, &str)] = &[
    ("onboarding to first value in 30 days", "30 天内首次见效"),
    ("health score", "客户健康度评分"),
    ("quarterly business review", "季度业务复盘"),
    ("executive sponsor per account", "每个客户配高管联系人"),
];

const METRICS: &[(&str, &str)] = &[
    ("customer write-off rate", "客户报废率"),
    ("planner hours saved", "节省的计划工时"),
    ("escaped defects per thousand", "每千件漏检数"),
    ("recovered overcharges", "追回的多收运费"),
    ("unplanned downtime hours", "非计划停机小时数"),
];

const COMPANY_EN: &[&str] = &[
    "Lianheng Demand Cloud",
    "Freightwise",
    "Moldsense",
    "Coldwatt",
    "Partguard",
    "Batchline",
    "Routewell",
    "Clausely",
    "Cellyield",
    "Tracefort",
];
const COMPANY_ZH: &[&str] = &[
    "智检云",
    "联恒需求云",
    "运审通",
    "模感科技",
    "冷链能效",
    "链安",
    "批次通",
    "途优",
    "契审",
    "光良",
];

/// Money in the plan's style: `120k`, `1.2M`, `12万`, `1.2亿`, `120000`.
fn money(v: f64, zh: bool, rng: &mut Rng) -> String {
    if zh {
        if v >= 1e8 {
            format!("{}亿", trim(v / 1e8))
        } else {
            format!("{}万", trim(v / 1e4))
        }
    } else if rng.chance(0.1) {
        format!("{}", v.round() as u64)
    } else if v >= 1e6 {
        format!("{}M", trim(v / 1e6))
    } else {
        format!("{}k", trim(v / 1e3))
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// A money amount rounded to what a founder would write: two significant figures.
fn round2(v: f64) -> f64 {
    if v <= 0.0 {
        return 0.0;
    }
    let mag = 10f64.powf(v.log10().floor() - 1.0);
    (v / mag).round() * mag
}

/// What, if anything, a plan gets wrong.
#[derive(Default)]
struct Faults {
    churn: bool,
    flat: bool,
    small_acv: bool,
    long_payback: bool,
    hypergrowth: bool,
    no_consent: bool,
    typo: bool,
    reversed: bool,
    no_cs: bool,
    low_roi: bool,
}

impl Faults {
    fn draw(rng: &mut Rng) -> (Self, usize) {
        let mut f = Faults::default();
        if rng.chance(0.5) {
            return (f, 0);
        }
        let n = rng.int(1, 4);
        for _ in 0..n {
            match rng.int(0, 9) {
                0 => f.churn = true,
                1 => f.flat = true,
                2 => f.small_acv = true,
                3 => f.long_payback = true,
                4 => f.hypergrowth = true,
                5 => f.no_consent = true,
                6 => f.typo = true,
                7 => f.reversed = true,
                8 => f.no_cs = true,
                _ => f.low_roi = true,
            }
        }
        (f, n as usize)
    }
}

/// One plan. `zh` chooses Chinese text and 万/亿 amounts; `mixed` English prose with a
/// Chinese company name.
fn plan(rng: &mut Rng, index: usize) -> (String, bool) {
    let lang = if rng.chance(0.5) { Lang::Zh } else { Lang::En };
    let zh = lang == Lang::Zh;
    let mixed = !zh && rng.chance(0.25);
    let t = |pair: &(&'static str, &'static str)| if zh { pair.1 } else { pair.0 };
    let (faults, nfaults) = Faults::draw(rng);
    // A lean plan leaves out what no rule needs: header, notes, extra parties and needs.
    let lean = rng.chance(0.3);
    let mut y = String::with_capacity(8192);

    // A header comment of varying length, as real plans carry.
    let name = if zh || mixed {
        *rng.pick(COMPANY_ZH)
    } else {
        *rng.pick(COMPANY_EN)
    };
    let cat = *rng.pick(CATEGORIES);
    let header_lines = if lean { 0 } else { rng.int(1, 5) };
    for i in 0..header_lines {
        if zh {
            let _ = writeln!(
                y,
                "# {name}（第 {} 版）：{}。第 {} 段说明：本计划按十条原则自查，数字来自试点客户。",
                index % 7 + 1,
                cat.1,
                i + 1
            );
        } else {
            let _ = writeln!(
                y,
                "# {name} (revision {}): {}. Note {}: figures come from pilot customers and are reviewed quarterly.",
                index % 7 + 1,
                cat.0,
                i + 1
            );
        }
    }
    y.push_str("planlint: 1\ncompany:\n");
    let _ = writeln!(y, "  name: {name}");
    let _ = writeln!(y, "  founded: {}", rng.int(2012, 2024));
    let _ = writeln!(
        y,
        "  stage: {}",
        rng.pick(&["seed", "series_a", "series_b", "growth"])
    );
    y.push_str("  platform_giant: false\ncurrency: CNY\n\n");

    // market
    let emp_min = rng.int(1, 5) * 100;
    let rev_min = round2(rng.float(5e7, 5e8));
    let rev_max = round2(rev_min * rng.float(8.0, 40.0));
    y.push_str("market:\n");
    let _ = writeln!(y, "  category: {}", t(&cat));
    let _ = writeln!(y, "  new_category: {}", rng.chance(0.5));
    let _ = writeln!(y, "  niche: {}", t(rng.pick(NICHES)));
    let _ = writeln!(y, "  industries: [{}]", t(rng.pick(INDUSTRIES)));
    let nreg = rng.int(1, 2) as usize;
    let regs: Vec<&str> = (0..nreg).map(|_| t(rng.pick(REGIONS))).collect();
    let _ = writeln!(y, "  regions: [{}]", regs.join(", "));
    y.push_str("  customer_size:\n");
    if faults.reversed {
        let _ = writeln!(y, "    employees: [{}, {}]", emp_min * 10, emp_min);
    } else {
        let _ = writeln!(y, "    employees: [{}, {}]", emp_min, emp_min * 10);
    }
    let _ = writeln!(
        y,
        "    annual_revenue: [\"{}\", \"{}\"]",
        money(rev_min, zh, rng),
        money(rev_max, zh, rng)
    );
    let tam = rng.int(5, 40) * 1000;
    let _ = writeln!(y, "  accounts: {{ tam: {tam}, sam: {} }}\n", tam / 5);

    // needs
    y.push_str("needs:\n");
    for i in 0..if lean { 1 } else { rng.int(1, 4) } {
        let _ = writeln!(y, "  - statement: {}", t(rng.pick(NEEDS)));
        let _ = writeln!(y, "    must_have: true");
        let _ = writeln!(y, "    hidden: {}", i == 0);
        let _ = writeln!(y, "    evidence: {}", t(rng.pick(EVIDENCE)));
    }
    y.push('\n');

    // value chain: up, mid and downstream, sometimes a second party.
    y.push_str("value_chain:\n");
    for pos in ["upstream", "midstream", "downstream"] {
        let reps = if !lean && rng.chance(0.3) { 2 } else { 1 };
        for _ in 0..reps {
            let parties: Vec<_> = WHO.iter().filter(|w| w.0 == pos).collect();
            let party = rng.pick(&parties);
            let who = if zh { party.2 } else { party.1 };
            let _ = writeln!(y, "  - position: {pos}");
            let _ = writeln!(y, "    who: {who}");
            let _ = writeln!(y, "    benefit: positive");
            let _ = writeln!(y, "    how: {}", t(rng.pick(HOW)));
        }
    }
    y.push('\n');

    // unit economics, drawn so that clean plans agree with themselves.
    let acv = if faults.small_acv {
        round2(rng.float(2e4, 5.5e4))
    } else {
        round2(rng.float(1e5, 6e5))
    };
    let life = rng.int(4, 7) as f64;
    let gm = rng.int(62, 82) as f64 / 100.0;
    let payback_target = if faults.long_payback {
        rng.float(14.0, 30.0)
    } else {
        rng.float(5.0, 11.0)
    };
    let cac = round2(payback_target * acv / 12.0 * gm);
    let payback = cac / (acv / 12.0 * gm);
    let churn = if faults.churn {
        rng.int(20, 35)
    } else {
        rng.int(2, (100.0 / life) as u64 - 2)
    };
    let ltv = acv * life;

    // value
    let before = rng.int(20, 90) as f64;
    let factor = rng.float(11.0, 25.0);
    let after = ((before / factor) * 10.0).round() / 10.0;
    let after = if after <= 0.0 { 0.1 } else { after };
    let improvement = before / after;
    let roi = if faults.low_roi {
        rng.float(1.2, 2.5)
    } else {
        rng.float(4.0, 18.0)
    };
    let annual = round2(acv * roi);
    y.push_str("value:\n");
    let _ = writeln!(y, "  kind: {}", rng.pick(&["revenue", "both", "cost"]));
    let _ = writeln!(y, "  kpi: {}", t(rng.pick(METRICS)));
    let _ = writeln!(y, "  before: {before}");
    let _ = writeln!(y, "  after: {after}");
    y.push_str("  better: lower\n");
    let _ = writeln!(
        y,
        "  improvement: {}x",
        trim((improvement * 10.0).floor() / 10.0)
    );
    let _ = writeln!(y, "  annual_value_per_customer: {}", money(annual, zh, rng));
    let _ = writeln!(y, "  roi_multiple: {}x\n", trim(annual / acv));

    // trust
    y.push_str("trust:\n  decision_chain:\n");
    for i in 0..rng.int(2, 4) {
        let r = rng.pick(ROLES);
        let (role, cares) = if zh { (r.2, r.3) } else { (r.0, r.1) };
        let _ = writeln!(
            y,
            "    - {{ role: {role}, cares_about: {cares}, budget_owner: {} }}",
            i == 0
        );
    }
    if zh {
        y.push_str("  expertise: 创始团队在行业龙头做了 12 年相关业务\n");
        y.push_str("  staying_power: 账上资金可支撑 28 个月，领投方已承诺下一轮\n");
    } else {
        y.push_str("  expertise: founders ran this function at a top-3 player for 15 years\n");
        y.push_str(
            "  staying_power: 30 months of runway, lead investor committed to the next round\n",
        );
    }
    y.push_str("  reference_customers:\n");
    for i in 0..rng.int(1, 3) {
        let _ = writeln!(
            y,
            "    - {{ name: {}, public: true, in_segment: true, case_study: {} }}",
            if zh {
                format!("客户{}", i + 1)
            } else {
                format!("Customer {}", (b'A' + i as u8) as char)
            },
            i == 0
        );
    }
    y.push_str(if zh {
        "  certifications: [ISO 27001, 等保三级]\n  analyst_reports: [2026 年中国工业 AI 厂商图谱]\n\n"
    } else {
        "  certifications: [ISO 27001, SOC 2 Type II]\n  analyst_reports: [IDC China 2026 vendor mention]\n\n"
    });

    // vision
    y.push_str("vision:\n");
    y.push_str(if zh {
        "  industry_future: 从单点工具走向全链路闭环，数据成为供应链的通用语言\n  partnership: 与客户按季度共同复盘\n"
    } else {
        "  industry_future: a closed loop from supplier to shelf\n  partnership: joint quarterly business reviews\n"
    });
    y.push_str("  roadmap:\n");
    let nroad = rng.int(3, 5);
    for i in 0..nroad {
        let _ = writeln!(
            y,
            "    - {{ year: {}, theme: {}, value_kind: {} }}",
            2026 + i,
            t(rng.pick(THEMES)),
            if i % 2 == 0 { "cost" } else { "revenue" }
        );
    }
    y.push('\n');

    // unit economics
    y.push_str("unit_economics:\n");
    let _ = writeln!(y, "  acv: {}", money(acv, zh, rng));
    let _ = writeln!(y, "  gross_margin: {}%", (gm * 100.0).round());
    let _ = writeln!(y, "  lifetime_years: {life}");
    y.push_str("  ltv_basis: revenue\n");
    let _ = writeln!(y, "  ltv: {}", money(ltv, zh, rng));
    let _ = writeln!(y, "  cac: {}", money(cac, zh, rng));
    let _ = writeln!(y, "  cac_payback_months: {:.1}", payback);
    if faults.typo {
        let _ = writeln!(y, "  revenu_churn: {churn}%");
    } else {
        let _ = writeln!(y, "  revenue_churn: {churn}%");
    }
    if !lean {
        let _ = writeln!(y, "  net_revenue_retention: {}%", rng.int(100, 130));
    }
    if !lean {
        let _ = writeln!(
            y,
            "  logo_churn: {}%",
            rng.int(3, (100.0 / life) as u64 - 1)
        );
    }
    y.push('\n');

    // sales: deal sizes that fit the motions.
    y.push_str("sales:\n  channels:\n");
    let lo = round2(acv / 5.0).max(2e4);
    let mid = round2(acv / 2.0).max(6e4);
    let hi = round2(acv * 8.0);
    let _ = writeln!(
        y,
        "    - {{ motion: inside_sales, deal_size: [\"{}\", \"{}\"], share: 25% }}",
        money(lo, zh, rng),
        money(mid, zh, rng)
    );
    let _ = writeln!(
        y,
        "    - {{ motion: field, deal_size: [\"{}\", \"{}\"], share: 60% }}",
        money(mid, zh, rng),
        money(hi, zh, rng)
    );
    let _ = writeln!(
        y,
        "    - {{ motion: conference, deal_size: [\"{}\", \"{}\"], share: 15% }}\n",
        money(lo, zh, rng),
        money(hi, zh, rng)
    );

    // product
    let module = if zh {
        "促销计划模块"
    } else {
        "promo_planner"
    };
    let cust = if zh { "客户1" } else { "Customer A" };
    y.push_str("product:\n  cycle:\n");
    let _ = writeln!(
        y,
        "    - {{ phase: standardize, period: 2025, scope: {} }}",
        t(&cat)
    );
    let _ = writeln!(
        y,
        "    - {{ phase: customize, period: 2026H1, modules: [{module}], for_customers: [{cust}] }}"
    );
    let _ = writeln!(
        y,
        "    - {{ phase: standardize, period: 2026H2, modules: [{module}] }}"
    );
    let _ = writeln!(y, "  services_share: {}%\n", rng.int(5, 18));

    // pricing
    y.push_str("pricing:\n");
    if faults.flat {
        y.push_str("  model: flat\n");
        let _ = writeln!(
            y,
            "  value_metric: {}",
            if zh {
                "每年订阅"
            } else {
                "annual subscription"
            }
        );
    } else {
        let _ = writeln!(
            y,
            "  model: {}",
            rng.pick(&["tiered", "platform_plus_usage", "usage"])
        );
        let _ = writeln!(
            y,
            "  value_metric: {}",
            if zh {
                "每年受管理的业务量"
            } else {
                "annual sell-in value under management"
            }
        );
        y.push_str("  tiers:\n");
        let names: &[&str] = if zh {
            &["基础版", "专业版", "旗舰版", "集团版"]
        } else {
            &["Starter", "Growth", "Enterprise", "Group"]
        };
        let ntiers = rng.int(3, 4) as usize;
        let step = (rev_max / rev_min).powf(1.0 / ntiers as f64);
        let mut r = rev_min;
        let mut p = round2(acv * 0.3);
        for name in &names[..ntiers] {
            let r2 = if name == &names[ntiers - 1] {
                rev_max
            } else {
                round2(r * step)
            };
            let _ = writeln!(
                y,
                "    - {{ name: {name}, customer_revenue: [\"{}\", \"{}\"], price: {} }}",
                money(r, zh, rng),
                money(r2, zh, rng),
                money(p, zh, rng)
            );
            r = r2;
            p = round2(p * 4.0);
        }
    }
    y.push('\n');

    // customer success, staffed for the first projection year's customers.
    let revenue0 = round2(acv * rng.float(20.0, 60.0));
    let customers0 = (revenue0 / acv).round().max(5.0) as u64;
    if !faults.no_cs {
        y.push_str("customer_success:\n  team: true\n  separate_from_support: true\n");
        let per_csm = rng.int(8, 20);
        let _ = writeln!(
            y,
            "  headcount: {}",
            customers0.div_ceil(per_csm) + rng.int(0, 2)
        );
        let _ = writeln!(y, "  accounts_per_csm: {per_csm}");
        let np = rng.int(2, 4) as usize;
        let pr: Vec<&str> = PRACTICES[..np].iter().map(t).collect();
        let _ = writeln!(y, "  practices: [{}]", pr.join(", "));
        let m: Vec<&str> = (0..2).map(|_| t(rng.pick(METRICS))).collect();
        let _ = writeln!(y, "  outcome_metrics: [{}]\n", m.join(", "));
    }

    // data
    y.push_str("data:\n  uses_customer_data: true\n");
    let _ = writeln!(
        y,
        "  ai_features: [{}]",
        if zh {
            "按客户训练的预测模型"
        } else {
            "a forecast model per customer"
        }
    );
    y.push_str("  advantage: scale\n");
    let _ = writeln!(
        y,
        "  mechanism: {}",
        if zh {
            "见过的样本越多，新客户冷启动越准"
        } else {
            "more SKUs seen improve cold-start forecasts"
        }
    );
    if !faults.no_consent {
        y.push_str("  consent: opt_in\n");
    }
    y.push_str("  cross_customer_use: opt_in_anonymized\n");
    let _ = writeln!(
        y,
        "  principle: {}",
        if zh {
            "客户的数据为客户服务"
        } else {
            "the customer's own data serves the customer"
        }
    );
    let _ = writeln!(y, "  residency: {}", if zh { "中国大陆" } else { "CN" });
    y.push_str("  deletion_on_exit_days: 30\n\n");

    // projections: growth under 3x a year unless the plan is to break that rule, and
    // enough cash at every year end.
    y.push_str("projections:\n");
    let years = if lean { 3 } else { rng.int(3, 6) };
    let mut revenue = revenue0;
    let mut customers = customers0;
    let mut cash = round2(revenue * rng.float(2.0, 4.0));
    let mut headcount = rng.int(20, 60);
    for i in 0..years {
        let burn = round2(revenue * rng.float(0.4, 0.9));
        // The first year's cash_end is given; later ones follow from the bridge.
        let raised = if i > 0 && cash - burn < burn {
            round2(burn * 3.0)
        } else {
            0.0
        };
        if i > 0 {
            cash = cash + raised - burn;
        }
        let newc = (customers as f64 * 0.5).round() as u64 + 3;
        let _ = writeln!(
            y,
            "  - {{ year: {}, revenue: {}, customers: {customers}, new_customers: {newc}, headcount: {headcount}, net_burn: {}, raised: {}, cash_end: {} }}",
            2026 + i,
            money(revenue, zh, rng),
            money(burn, zh, rng),
            if raised > 0.0 {
                money(raised, zh, rng)
            } else {
                "0".to_string()
            },
            money(cash, zh, rng),
        );
        let g = if faults.hypergrowth && i == 1 {
            rng.float(3.5, 6.0)
        } else {
            rng.float(1.4, 2.6)
        };
        revenue = round2(revenue * g);
        customers = (customers as f64 * g.min(2.5)).round() as u64;
        headcount = (headcount as f64 * 1.4).round() as u64;
    }
    // Notes at the end: a realistic tail, and the size spread of 3-8 KB.
    let notes = if lean { 0 } else { rng.int(0, 10) };
    if notes > 0 {
        y.push_str("\n# Notes\n");
    }
    for i in 0..notes {
        if zh {
            let _ = writeln!(
                y,
                "# {}. {} 复盘：{}；下一步在 {} 验证。",
                i + 1,
                2025 + i % 3,
                t(rng.pick(NEEDS)),
                t(rng.pick(REGIONS))
            );
        } else {
            let _ = writeln!(
                y,
                "# {}. {} review: {}; next we test it in {}.",
                i + 1,
                2025 + i % 3,
                t(rng.pick(NEEDS)),
                t(rng.pick(REGIONS))
            );
        }
    }
    (y, nfaults > 0)
}

fn path_for(dir: &Path, i: usize) -> PathBuf {
    dir.join(format!("g{:02}", i / 1000))
        .join(format!("d{:03}", i / 100))
        .join(format!("p{i:06}.plan.yaml"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gen_plans DIR N [SEED]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[0]);
    let n: usize = args[1].parse().expect("N is a number");
    let seed: u64 = args
        .get(2)
        .map_or(1, |s| s.parse().expect("SEED is a number"));
    let mut rng = Rng(seed);
    let (mut bytes, mut min, mut max, mut faulty, mut zh) = (0usize, usize::MAX, 0usize, 0, 0);
    for i in 0..n {
        let (text, has_faults) = plan(&mut rng, i);
        let path = path_for(&dir, i);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the folder");
        }
        std::fs::write(&path, &text).expect("write the plan");
        bytes += text.len();
        min = min.min(text.len());
        max = max.max(text.len());
        faulty += usize::from(has_faults);
        zh += usize::from(text.contains("currency: CNY") && text.contains("万"));
    }
    println!(
        "{n} plans in {}: {bytes} bytes (mean {}, min {min}, max {max}); {faulty} drawn with faults, {zh} with Chinese amounts",
        dir.display(),
        bytes / n.max(1),
    );
}
