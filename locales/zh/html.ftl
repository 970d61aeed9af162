# HTML 报告（`--format html`）以及 planlint diff 所比较的关键数字的用语。

html-title = planlint 报告
html-generated = 由 planlint { $version } 生成。以下数值均来自计划书；阈值为本次运行所用的阈值。
html-overview = 组合总览
html-plan = 计划书
html-legend = ✓ 通过（该原则的规则全部运行，无错误或警告）· ⚠ N 个警告，无错误 · ✗ N 个错误（N 为该原则的发现数）· — 未检查（该原则有规则未运行，且未发现问题）
html-verdict = { $verdict ->
        [pass] 通过
        [warn] 有警告
        [fail] 有错误
       *[not-checked] 未检查
    }
html-partly = 部分未检查
html-scorecard = 评分卡
html-principle = 原则
html-figures = 关键数字
html-figure = 指标
html-value = 数值
html-acv = 年合同额（ACV）
html-ltv = 客户终身价值（LTV）
html-ltv-stated = 填写的 LTV
html-ltv-computed = 计算的 LTV
html-ltv-cac = LTV:CAC
html-churn = 收入流失率
html-payback = 回本周期
html-roi = 投资回报倍数（ROI）
html-cash-out = 现金耗尽年份
html-growth = { $year } 年增长
html-months = { $n } 个月
html-times = { $n } 倍
html-none = 无
html-not-stated = —
html-findings = 发现
html-no-findings = 没有发现。
html-severity = { $severity ->
        [error] 错误
        [warning] 警告
       *[info] 提示
    }
html-help = 建议：{ $help }
html-long-line = 该行过长，不予显示
html-not-checked = 未检查：{ $summary }
html-unparsed = 无关键数字和图表：该文件无法作为计划书读取。
html-charts = 图表
html-chart-projections = 逐年预测
html-chart-revenue = 收入
html-chart-burn = 净消耗
html-chart-cash = 年末现金
html-chart-old = 旧版本（虚线）
html-chart-cash-out = 现金耗尽
html-chart-above-ceiling = 年增长超过 { $max } 倍
html-chart-unit = 单位经济与所用阈值
html-chart-ltv = LTV { $value } · 下限 { $limit }
html-chart-churn = 收入流失率 { $value } · 上限 { $limit }
html-chart-ltv-cac = LTV:CAC { $value } · 下限 { $limit }
html-chart-payback = 回本 { $value } 个月 · 上限 { $limit }
html-chart-missing = { $what }：计划书中未填写
html-chart-pricing = 定价档位与目标客户规模（对数刻度）
html-chart-customer-revenue = 客户年收入
html-chart-price = 年价格
html-chart-target = 目标客户
html-chart-no-data = 计划书中的数字不足以绘制此图。
