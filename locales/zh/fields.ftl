### fields：计划格式里每个键的含义，每个一句话：这个字段对生意意味着什么、单位、示例。
### `planlint schema` 输出的是英文版（JSON Schema 是机器接口）；`planlint server` 悬停时按配置的语言显示。
###
### id 是 `fields-` 加上键的 YAML 路径，`.` 写作 `-`，每层列表项（`[]`）再加一个 `-`：
### `unit_economics.acv` 是 `fields-unit_economics-acv`，`projections[].revenue` 是 `fields-projections--revenue`。
### 键名、枚举值和示例中的取值照原样保留。

fields-planlint = 这份文件遵循的计划格式版本；目前只有 1，遍历目录时只检查写了这个键的文件（planlint: 1）。
fields-currency = 计划中所有金额的 ISO 4217 币种代码，例如 CNY 或 USD；不写时，如果金额只标了一种币种（¥、$、120k USD）就用它，否则涉及金额的规则不做检查。

## company
fields-company = 谁在做这份计划：公司名称、成立年份、融资阶段。
fields-company-name = 公司名称，例如联恒需求云。
fields-company-founded = 公司成立的年份，例如 2022。
fields-company-stage = 公司的融资阶段，例如 series_a。
fields-company-platform_giant = 仅当公司是能大规模获取小客户的平台级巨头时为 true，此时不再提示客单价过小；例如 false。

## market
fields-market = 原则一：对目标客户的精准画像（细分市场、行业、客户规模、客户家数）。
fields-market-category = 你所在的产品品类，例如面向包装食品加工企业的需求感知。
fields-market-new_category = 你是在开创一个新品类、而不是进入已有品类时为 true；例如 true。
fields-market-niche = 用一句话写目标细分市场，例如华东地区的中型包装食品加工企业。
fields-market-industries = 目标行业，最多 max_industries 个（默认 2 个），例如 [packaged_food]。
fields-market-regions = 目标地区，例如 [华东]。
fields-market-customer_size = 目标客户的规模，用员工人数和年收入的区间表示。
fields-market-customer_size-employees = 目标客户员工人数的区间 [min, max]；max/min 不超过 max_size_span（50）；例如 [100, 2000]。
fields-market-customer_size-annual_revenue = 目标客户年收入的区间 [min, max]，金额按计划的币种计，例如 ["50M", "2B"]。
fields-market-accounts = 市场上有多少家目标公司：总数和你能服务的家数。
fields-market-accounts-tam = 总潜在市场 TAM，按目标公司的家数计（不是金额），例如 30000。
fields-market-accounts-sam = 可服务市场 SAM，即你能触达的目标公司家数，例如 6000。

## needs
fields-needs = 原则一：产品满足的客户需求；其中必须有一项是有证据支撑的隐性刚需。
fields-needs--statement = 用一句话写这个需求，例如促销 SKU 在渠道里临期过期，报废占销售额的 3-6%。
fields-needs--must_have = 这是刚需时为 true：客户非解决不可，而不只是有了更好；例如 true。
fields-needs--hidden = 同行忽视这个需求或不看好它时为 true；例如 true。
fields-needs--evidence = 证明需求真实存在的依据，例如访谈了 42 家客户、9 个付费试点。

## value_chain
fields-value_chain = 原则一：行业价值链上的每一方（上游、中游、下游）以及它得到什么好处。
fields-value_chain--position = 这一方在价值链上的位置，例如 upstream。
fields-value_chain--who = 这一方是谁，例如原料供应商。
fields-value_chain--benefit = 这一方是否从产品中受益；negative 会报错；例如 positive。
fields-value_chain--how = 这一方怎样受益，例如与他们共享 8 周滚动预测。

## value
fields-value = 原则一和原则七：客户得到的价值，用 KPI 的前后对比和每年带来的金额来写。
fields-value-kind = 产品是帮客户开源（增加收入）、节流（降低成本），还是两者兼有；例如 revenue。
fields-value-kpi = 产品改变的客户指标及其单位，例如每 100 个 SKU 每周耗费的计划员工时。
fields-value-before = 用产品之前这个 KPI 的数值，单位同 KPI，例如 40。
fields-value-after = 用了产品之后这个 KPI 的数值，单位同 KPI，例如 3。
fields-value-better = KPI 往哪个方向变算改善：lower（越低越好）或 higher（越高越好）；例如 lower。
fields-value-improvement = 提升的倍数，越低越好时为 before/after（越高越好时为 after/before），至少 min_improvement（10 倍，即十倍价值）；例如 13.3x。
fields-value-annual_value_per_customer = 一个客户每年从产品中得到的价值，金额按计划的币种计，例如 1.9M。
fields-value-roi_multiple = 客户的投入产出倍数：annual_value_per_customer / unit_economics.acv，至少 min_roi（3）；例如 15.8x。

## trust
fields-trust = 原则二：客户为什么信任你：决策链、专业化的形象、实力、标杆客户、第三方权威。
fields-trust-decision_chain = 客户那边决定这笔采购的人，以及每个人关心什么；其中必须有一人掌握预算。
fields-trust-decision_chain--role = 决策人在客户公司的职位，例如 COO。
fields-trust-decision_chain--cares_about = 这个人拿什么来衡量这笔采购，例如报废率。
fields-trust-decision_chain--budget_owner = 这个人掌握这笔采购的预算时为 true；例如 true。
fields-trust-expertise = 团队为什么是这个细分领域的专家（专业化的形象），例如创始人在国内前三的乳企负责供应链计划 15 年。
fields-trust-staying_power = 客户为什么能放心你会一直陪着他们（强大的实力），例如账上现金够用 30 个月。
fields-trust-reference_customers = 为你背书的客户；可以公开的标杆客户算作一个信任来源。
fields-trust-reference_customers--name = 标杆客户的名称，例如客户 A。
fields-trust-reference_customers--public = 这个客户可以公开作为标杆客户时为 true；例如 true。
fields-trust-reference_customers--in_segment = 这个客户属于目标细分市场时为 true；例如 true。
fields-trust-reference_customers--case_study = 已经发布了这个客户的案例时为 true；例如 true。
fields-trust-certifications = 公司拿到的认证（第三方权威认证），例如 [ISO 27001, 等保三级]。
fields-trust-analyst_reports = 提到公司的分析机构报告或行业报告（第三方权威），例如 [IDC 中国 2026 厂商报告提及]。

## vision
fields-vision = 原则二：你要把行业带向哪里，以及一份至少覆盖 min_roadmap_years（3）年的路线图。
fields-vision-industry_future = 用一句话写你对行业未来的判断，例如从供应商到货架的计划闭环。
fields-vision-partnership = 你怎样作为合作伙伴与客户共事，例如每季度与客户一起做业务复盘。
fields-vision-roadmap = 产品路线图，每个主题、每一年一项。
fields-vision-roadmap--year = 路线图这一项的年份，例如 2027。
fields-vision-roadmap--theme = 路线图这一项交付什么，例如临期降价定价。
fields-vision-roadmap--value_kind = 这一项是帮客户增加收入还是降低成本；例如 revenue。

## unit_economics
fields-unit_economics = 原则三和原则四：一个客户值多少钱，赢得一个客户要花多少钱。
fields-unit_economics-acv = 年合同额 ACV：一个客户每年付的钱，金额按计划的币种计，例如 120k。
fields-unit_economics-gross_margin = 合同的毛利率，0% 到 100% 之间的百分比，例如 72%。
fields-unit_economics-lifetime_years = 客户平均生命周期，单位为年，大于零，例如 5。
fields-unit_economics-ltv_basis = LTV 的算法：revenue（acv × 生命周期，默认）或 gross_margin（再乘以毛利率）；例如 revenue。
fields-unit_economics-ltv = 计划写明的客户终身价值 LTV，金额按计划的币种计，会与 acv × lifetime_years 核对；例如 600k。
fields-unit_economics-cac = 获客成本 CAC：赢得一个客户要花的钱，金额按计划的币种计，例如 100k。
fields-unit_economics-cac_payback_months = 计划写明的 CAC 回本周期，即靠毛利赚回 CAC 需要的月数，会与 cac / (acv / 12 × gross_margin) 核对；例如 13.9。
fields-unit_economics-revenue_churn = 年收入流失率，即每年流失的收入占比，最高 100%，可以为负；例如 8%。
fields-unit_economics-net_revenue_retention = 净收入留存率，即老客户算上增购后一年留下的收入占比，可以超过 100%；例如 115%。
fields-unit_economics-logo_churn = 年客户流失率，即每年流失的客户占比，0% 到 100% 之间，例如 15%。

## sales
fields-sales = 原则四：销售渠道；销售方式必须与客单价相称。
fields-sales-channels = 销售渠道，每种销售方式一项。
fields-sales-channels--motion = 这个渠道怎么卖，例如 field。
fields-sales-channels--deal_size = 这个渠道所做单子的年客单价区间 [min, max]，金额按计划的币种计，例如 ["60k", "1M"]。
fields-sales-channels--share = 这个渠道占新增销售额的比例，0% 到 100% 之间，例如 60%。

## product
fields-product = 原则五：先标准化、再定制化、再标准化的产品周期，以及服务收入的占比。
fields-product-cycle = 产品周期的各个阶段，按先后顺序写。
fields-product-cycle--phase = 这个阶段是打磨标准产品，还是为客户定制；例如 standardize。
fields-product-cycle--period = 这个阶段在什么时候，用文字写，例如 2026H1。
fields-product-cycle--scope = 这个阶段覆盖什么，例如 SKU 预测核心。
fields-product-cycle--modules = 这个阶段开发的模块；定制的模块必须出现在之后的某个标准化阶段里；例如 [promo_planner]。
fields-product-cycle--for_customers = 定制化阶段是为哪些客户做的，例如 [客户 A]。
fields-product-services_share = 服务收入占订阅收入的比例，0% 到 100% 之间，最多 max_services_share（20%）；例如 14%。

## pricing
fields-pricing = 原则六：价格随客户得到的价值一起增长。
fields-pricing-model = 定价模式；flat 会报错；例如 platform_plus_usage。
fields-pricing-value_metric = 价格随之增长的价值指标，例如纳入管理的年进货额。
fields-pricing-tiers = 定价档位，从最小的客户排到最大的客户。
fields-pricing-tiers--name = 档位的名称，例如成长版。
fields-pricing-tiers--customer_revenue = 这一档面向的客户年收入区间 [min, max]，金额按计划的币种计，例如 ["200M", "800M"]。
fields-pricing-tiers--price = 这一档的年价格，金额按计划的币种计，例如 120k。

## customer_success
fields-customer_success = 原则八：独立于技术支持、以客户成果来考核的客户成功团队。
fields-customer_success-team = 有客户成功团队时为 true；例如 true。
fields-customer_success-separate_from_support = 客户成功是独立的团队、不挂在技术支持下面时为 true；例如 true。
fields-customer_success-headcount = 客户成功经理的人数，整数，例如 4。
fields-customer_success-accounts_per_csm = 每位客户成功经理负责的客户数，整数，例如 18。
fields-customer_success-practices = 客户成功团队做哪些事，例如 [30 天内完成上线并见到首个价值, 季度业务复盘]。
fields-customer_success-outcome_metrics = 考核客户成功的客户成果指标，例如 [客户报废率]。

## data
fields-data = 原则九：如何使用客户数据，包括授权和客户退出时的约定。
fields-data-uses_customer_data = 产品使用客户数据时为 true；例如 true。
fields-data-ai_features = 基于客户数据做的功能，例如 [为每个客户单独训练的需求预测模型]。
fields-data-advantage = 数据让你胜过竞争对手的地方；例如 scale。
fields-data-mechanism = 客户和数据越多、产品就越好的机制；声称 network_effect 时必须写；例如见过的 SKU 越多，新品冷启动预测越准。
fields-data-consent = 客户如何同意使用其数据；uses_customer_data 为 true 时必须是 opt_in；例如 opt_in。
fields-data-cross_customer_use = 一个客户的数据是否用来服务其他客户；default_on 会报错；例如 opt_in_anonymized。
fields-data-principle = 你承诺遵守的数据原则，例如客户自己的数据服务客户自己。
fields-data-residency = 客户数据存放在哪里，例如 CN。
fields-data-deletion_on_exit_days = 客户离开后多少天内删除其数据，整数，例如 30。

## projections
fields-projections = 原则十：逐年的财务预测，每年一项，按年份先后排列。
fields-projections--year = 这一项预测的年份，例如 2027。
fields-projections--actual = 已经过去、按实际数据填写的年份为 true，表示这是事实而不是计划：增长类规则只评判计划中的年份；例如 true。
fields-projections--revenue = 当年收入，金额按计划的币种计，例如 14M。
fields-projections--customers = 年末付费客户数，整数，例如 150。
fields-projections--new_customers = 当年新签的客户数，整数，例如 90。
fields-projections--headcount = 年末员工人数，整数，例如 90。
fields-projections--net_burn = 当年净烧钱，即花出去的现金超出收进来的部分，金额按计划的币种计，现金净流入时为负；例如 18M。
fields-projections--raised = 当年从投资人那里融到的钱，金额按计划的币种计，例如 45M。
fields-projections--cash_end = 年末现金，金额按计划的币种计，等于上年的 cash_end + raised − net_burn；例如 39M。
