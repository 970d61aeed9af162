# `planlint rules`：每条规则的一句话说明（`rules-<原则>-<规则名>`），
# 以及 `planlint explain` 在规则页面周围的措辞。

rules-customer-focus-missing-portrait = 缺 `market.niche`、`market.industries` 或 `market.customer_size`：目标客户没有画像
rules-customer-focus-broad-niche = 行业太多，或客户员工规模跨度太大：细分市场不够聚焦
rules-customer-focus-no-hidden-need = 没有一项需求同时是刚需、隐性且有证据支撑
rules-customer-focus-value-chain-gap = `value_chain` 没有覆盖上游、中游和下游
rules-customer-focus-value-chain-harm = 价值链上有一方因产品受损（`benefit: negative`）
rules-customer-focus-not-10x = 效率提升倍数（写明或算出）低于下限：不到十倍价值
rules-customer-focus-improvement-mismatch = 写明的提升倍数与 before/after 算出的不一致
rules-customer-success-no-team = 没有独立于售后支持的客户成功团队
rules-customer-success-no-outcome-metrics = 客户成功不考核任何客户成果
rules-customer-success-under-covered = `headcount` × `accounts_per_csm` 少于预测首年的客户数
rules-data-consent-no-consent = 未经客户主动授权（opt-in）就使用客户数据
rules-data-consent-cross-customer-use = 一个客户的数据默认被用来服务其他客户
rules-data-consent-no-exit-terms = 使用客户数据，却没写明客户离开后的删除期限或数据存放地
rules-data-consent-unexplained-network-effect = 声称有数据网络效应，却没说明机制
rules-large-customers-ltv-floor = 客户终身价值 LTV（写明或算出）低于下限
rules-large-customers-acv-floor = 年合同额 ACV 低于 `min_ltv` / `lifetime_years`
rules-large-customers-churn-ceiling = 年收入流失率达到或超过上限
rules-large-customers-ltv-cac-ratio = LTV / 获客成本 CAC 低于下限
rules-large-customers-ltv-mismatch = 写明的 LTV 与 ACV × 生命周期（× 毛利率）不一致
rules-large-customers-lifetime-vs-churn = `lifetime_years` 比流失率允许的更长（1 / 流失率）
rules-large-customers-small-deals = ACV 落在电销区间，公司却不是平台级巨头
rules-large-customers-net-shrink = 净收入留存低于 100%：存量客户在萎缩
rules-patient-growth-hypergrowth = 收入年增长超过上限
rules-patient-growth-short-horizon = 预测覆盖的年数少于下限
rules-patient-growth-cash-out = 某个预测年份年末现金为负
rules-patient-growth-cash-bridge = `cash_end` 不等于上年 `cash_end` + `raised` - `net_burn`
rules-patient-growth-revenue-decline = 收入同比下滑超过允许幅度
rules-patient-growth-burn-multiple = 某年净烧钱超过当年收入（早期年份之后）
rules-patient-growth-short-runway = 年末现金撑不到当年净烧钱的最低月数
rules-plan-syntax = 文件不是合法的 YAML
rules-plan-invalid-value = 值的类型不对、枚举词不认识、金额无法解析，或区间上下颠倒
rules-plan-unknown-key = 计划格式里没有定义的键
rules-plan-duplicate-key = 同一个映射里一个键出现了两次
rules-plan-unused-suppression = 没有压制任何发现的压制注释
rules-plan-no-fx-rate = 计划的币种与阈值的币种不同，且没有配置汇率
rules-plan-limit = 文件超出安全限制（大小、嵌套深度、节点数或别名展开）
rules-plan-missing-input = 某条原则无法完整检查：其规则需要的数值缺失
rules-plan-missing-currency = 计划没写币种，金额里的币种也不一致
rules-plan-inferred-currency = 计划没写币种，采用金额里写的币种
rules-plan-rule-error = 规则包的表达式在这份计划上出错
rules-product-cycle-no-cycle = `product.cycle` 缺少标准化或定制化阶段
rules-product-cycle-custom-not-productized = 某个定制化阶段的模块没有在之后的标准化阶段出现
rules-product-cycle-services-heavy = 服务收入占订阅收入的比例超过上限
rules-quantified-value-unquantified = 价值没写 KPI，或没写每个客户每年得到的价值
rules-quantified-value-roi-mismatch = 写明的 `roi_multiple` 与 `annual_value_per_customer` / `acv` 不一致
rules-quantified-value-low-roi = 客户的投资回报倍数（写明或算出）低于下限
rules-quantified-value-cost-only = 价值只有节流，路线图里也没有一项走向开源（可量化的商机）
rules-quantified-value-vague-claim = 用强调词而不写数字的说法
rules-sales-motion-payback-too-long = CAC 回本周期（写明或算出）超过上限
rules-sales-motion-payback-mismatch = 写明的 CAC 回本周期与 cac / (acv / 12 × 毛利率) 相差超过 1 个月
rules-sales-motion-field-sales-small-deals = 拜访式销售渠道的客单价起点低于拜访式销售的下限
rules-sales-motion-small-deals-need-telesales = 客单价小，却没有电销、内部销售或自助购买渠道
rules-sales-motion-no-conference = 没有会议销售（会销）渠道
rules-trust-vision-weak-trust = 四种信任来源少于要求的数量
rules-trust-vision-no-decision-chain = 缺 `trust.decision_chain`，或没写预算负责人
rules-trust-vision-no-vision = 缺 `vision.industry_future`，或路线图覆盖的年数太少
rules-value-pricing-flat-pricing = 定价是一口价：客户业绩增长了，付费仍不变
rules-value-pricing-narrow-tier-span = 最高档价格 / 最低档价格低于最小跨度
rules-value-pricing-price-inversion = 面向更大客户的档位反而比前一档便宜
rules-value-pricing-no-value-metric = 分档、按用量或按席位的定价没写价格随之增长的价值指标

## `planlint explain` 规则页面周围的措辞。

rules-severity = { $severity ->
        [error] 错误
        [warning] 警告
       *[info] 提示
    }
rules-explain-header = { $id }  （{ $principle } · 默认{ $severity }）
rules-severity-line = **默认严重级别：** { $severity }
rules-severity-line-thresholds = **默认严重级别：** { $severity } · **当前阈值：** { $shown }（预设 `{ $preset }` 与配置{ $count ->
        [1] {""}
       *[other] {""}
    }）
rules-threshold-value = `{ $name }` = { $value }
rules-list-separator = {"、"}
rules-explain-no-section = 规则 `{ $id }` 没有说明章节（这是 planlint 的缺陷）
rules-explain-unknown = 没有名为 `{ $query }` 的规则或原则；{ $hint ->
        [one] 您是不是要找 `{ $suggestion }`？
        [many] 您是不是要找 { $suggestions } 之一？
       *[none] 运行 `planlint rules` 查看全部规则
    }
rules-explain-unknown-help = 运行 `planlint rules` 查看全部规则和原则
rules-quoted = `{ $name }`
rules-table-footer = 共 { $rules } 条规则，分为 { $groups } 组；`planlint explain ID` 查看详情
