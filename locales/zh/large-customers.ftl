# large-customers/：原则三，大客户是最佳目标客户。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

# 多条发现共用的标注。
large-customers-acv = 年合同额 { $acv }
large-customers-lifetime = 客户生命周期 { $years } 年
large-customers-gross-margin = 毛利率 { $gm }

# 算出的 LTV 是怎么算的：`ACV 5万 CNY × 5 年`，按毛利口径再 `× 毛利率 80%`。
large-customers-ltv-formula = ACV { $acv } × { $years } 年{ $basis ->
        [gross_margin] {" "}× 毛利率 { $gm }
       *[revenue] {""}
    }
# 跟在 LTV 后面：计划写明的 LTV 不加说明，算出的注明算法。
large-customers-ltv-computed-as = { $basis ->
        [stated] {""}
       *[computed] （{ large-customers-ltv-formula }）
    }
# 发现所评判的 LTV 上的标注：写明的 LTV，或据以计算的年合同额。
large-customers-ltv-source = { $basis ->
        [stated] 客户终身价值 { $ltv }
       *[computed] 年合同额 { $acv }
    }
large-customers-churn-kind = { $kind ->
        [logo] 客户流失率
       *[revenue] 收入流失率
    }

# 建议里写出修复所写的数值（$way：哪些办法通过了本原则的各条规则；缺少计算所需的输入时为 none）。
large-customers-ltv-floor = 客户终身价值 LTV 为 { $ltv }{ large-customers-ltv-computed-as }，低于 { $floor } 的底线
    .help = { $way ->
        [both] 瞄准更大的客户（ACV 至少 { $acv }），或把客户留得更久（至少 { $years } 年），让 LTV 至少达到 { $floor }
        [acv] 瞄准更大的客户，把 ACV 提到至少 { $acv }，让 LTV 至少达到 { $floor }
        [acv_churn] 瞄准更大的客户，把 ACV 提到至少 { $acv }，让 LTV 至少达到 { $floor }：若靠把客户留得更久，得留 { $years } 年，超出了流失率允许的范围
        [lifetime] 把客户留得更久，至少 { $years } 年，让 LTV 至少达到 { $floor }
        [restate] 按计划自己的输入算出的 LTV 是 { $computed }：写明这个数（底线是 { $floor }）
       *[none] 瞄准更大的客户（提高 ACV），或把客户留得更久，让 LTV 至少达到 { $floor }
    }

large-customers-acv-floor = 年合同额 ACV 为 { $acv }，低于 { $floor }：要在 { $years } 年里做到 { $ltv } 的 LTV，ACV 至少得这么多{ $lifetime ->
        [assumed] （计划没写客户生命周期，按原则的 { $years } 年估算）
       *[stated] {""}
    }{ $channel ->
        [none] {""}
       *[other] ；计划通过 `{ $channel }` 渠道做小单，在这套阈值下是公认的模式
    }
    .help = { $lifetime ->
        [assumed] 写明 `lifetime_years`（客户平均留存几年），或转向更大的客户，让 ACV 达到 { $floor }
       *[stated] 转向更大的客户或扩大服务范围，让 ACV 达到 { $floor }
    }

large-customers-churn-ceiling = { $kind ->
        [logo] 年客户流失率（计划没写收入流失率）
       *[revenue] 年收入流失率
    }为 { $churn }，达到或超过了 { $ceiling } 的上限
    .label = 流失率 { $churn }
    .help = { $way ->
        [fix] 把{ large-customers-churn-kind }降到 { $ceiling } 以下，即不超过 { $target }
       *[none] 把收入流失率降到 { $ceiling } 以下
    }：复盘这批客户卖给了谁，并投入客户成功；理想状态是 0% 甚至为负

large-customers-ltv-cac-ratio = LTV / CAC 只有 { $ratio }（LTV { $ltv }{ large-customers-ltv-computed-as } / CAC { $cac }）；原则要求至少 { $min }
    .label = 获客成本 { $cac }
    .help = 把获客成本 CAC 控制在 LTV 的 1/{ $min } 以内：最多 { $max_cac }

large-customers-ltv-mismatch = 写明的 LTV { $stated } 与按 { large-customers-ltv-formula } 算出的 { $computed } 不符
    .label = 写明：{ $stated }
    .help = 改写为 `ltv: { $computed }`，或修正各项输入；容差为 { $tolerance }{ $ltv_basis ->
        [revenue] （这是按收入口径算的；如果你的 LTV 按毛利计，请设 `ltv_basis: gross_margin`）
       *[gross_margin] {""}
    }
large-customers-ltv-mismatch-acv = 年合同额：{ $acv }
large-customers-ltv-mismatch-lifetime = 客户生命周期：{ $years } 年
large-customers-ltv-mismatch-gross-margin = 毛利率：{ $gm }

large-customers-lifetime-vs-churn = 客户生命周期写了 { $years } 年，但 { $churn } 的年{ large-customers-churn-kind }撑不了这么久（1 / { $churn } = { $max } 年）
    .help = { $way ->
        [both] 把 `lifetime_years` 降到不超过 { $max }{ large-customers-lifetime-vs-churn-raise }，或说明{ large-customers-churn-kind }将如何降到不超过 { $target }
        [lifetime] 把 `lifetime_years` 降到不超过 { $max }{ large-customers-lifetime-vs-churn-raise }
        [churn] 说明{ large-customers-churn-kind }将如何降到不超过 { $target }
       *[none] 把 `lifetime_years` 降到不超过 { $max }，或说明流失率将如何降下来
    }
# 生命周期缩短后，若会跌破计划现在满足的底线（$raise：yes），修复同时把 ACV 提到的数。
large-customers-lifetime-vs-churn-raise = { $raise ->
        [yes] ，并把 ACV 提到 { $acv }（生命周期缩短后，要靠它守住本原则对 LTV 的各项下限）
       *[no] {""}
    }
large-customers-lifetime-vs-churn-churn = { large-customers-churn-kind } { $churn }

large-customers-small-deals = ACV 为 { $acv }，低于 { $ceiling } 的电销上限{ $channel ->
        [none] ：只有少数平台级巨头才能大规模获取这么小的客户
       *[other] ，通过计划中的 `{ $channel }` 渠道销售：在这套阈值下是公认的模式，前提是这个渠道的成本一直够低
    }
    .help = { $channel ->
        [none] 向上突破，去服务更大的客户；如果你确实是平台级公司，设 `company.platform_giant: true`
       *[other] 把获取这些客户的成本压低：CAC 要远低于其 LTV 的三分之一
    }

large-customers-net-shrink = 净收入留存率为 { $nrr }：留下的客户多付的钱抵不上流失客户带走的收入，存量客户的收入在萎缩；原则要求净流失率为 0% 或更低（净留存率至少 { $min }）
    .label = 净留存率 { $nrr }
    .help = 让留下的客户越用越多（随客户成长增购服务，定价随客户规模增长），直到净留存率至少达到 { $min }
