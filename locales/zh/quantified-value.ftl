# quantified-value/：原则七，企业最强的付费动力是“可量化的商机”。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

quantified-value-unquantified = { $missing ->
        [section] 计划没有 `value` 部分
        [both] `value` 里既没写 `kpi`，也没写 `annual_value_per_customer`
        [kpi] `value` 里没写 `kpi`
       *[annual] `value` 里没写 `annual_value_per_customer`
    }：给客户带来的价值没有量化
    .label = { $missing ->
        [section] 没有 `value` 部分
        [both] 这里缺 `kpi` 和 `annual_value_per_customer`
        [kpi] 这里缺 `kpi`
       *[annual] 这里缺 `annual_value_per_customer`
    }
    .help = 写明产品改善的是哪个 KPI（`kpi: 每 100 个 SKU 每周的计划员工时`），以及它每年对一个客户值多少钱（`annual_value_per_customer: 1.9M`）；商机不够量化，客户的预算就很难评估

quantified-value-roi-mismatch = 写的 ROI 是 { $stated } 倍，但按每个客户的年价值 { $annual } ÷ 年合同额 ACV { $acv } 算出来是 { $computed } 倍
    .label = 写的是 { $stated } 倍
    .help = 改成 `roi_multiple: { $computed }x`，或者修正输入数据；容差为 { $tolerance }

quantified-value-roi-mismatch-annual = 每个客户的年价值：{ $annual }

quantified-value-roi-mismatch-acv = 年合同额 ACV：{ $acv }

quantified-value-low-roi = 客户的 ROI 只有 { $roi } 倍；原则要求至少 { $min } 倍，客户才容易批下这笔预算
    .label = ROI { $roi } 倍
    .help = 客户每年拿回的价值至少应是所付价格的 { $min } 倍：提高交付的价值{ $known ->
        [yes] ，每年至少 { $least }
       *[no] {""}
    }（并把它量化），或者降低价格

quantified-value-low-roi-computed = 客户的 ROI 只有 { $roi } 倍（每个客户的年价值 { $annual } ÷ 年合同额 ACV { $acv }）；原则要求至少 { $min } 倍，客户才容易批下这笔预算
    .label = 每个客户的年价值 { $annual }

quantified-value-low-roi-acv = 年合同额 ACV { $acv }

quantified-value-cost-only = 产品只能帮客户节流（降低成本），{ $roadmap ->
        [present] 路线图上也没有哪一项走向开源（`value_kind: revenue`）
       *[absent] 也没有走向开源的路线图
    }；企业最舍得花钱的是开源，也就是能带来收入的产品
    .label = 只有节流
    .help = 规划从提效到开源的路径（Salesforce 就是这么走的）：在 `vision.roadmap` 里加一项 `value_kind: revenue`；如果产品已经能帮客户增加收入，就改成 `value.kind: both`

quantified-value-cost-only-no-revenue-item = 没有 `value_kind: revenue` 的项

## quantified-value/vague-claim

quantified-value-vague-claim = “{ $words }”声称有变化，却没说变化多少
    .label = 没有数字
    .help = 写出变化多少、之前和之后：`库存周转天数从 45 天降到 30 天`、`write-offs fall from 5% to 2% of sales`
