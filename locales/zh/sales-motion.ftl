# sales-motion/：原则四，销售方式由客单价决定。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

# CAC 回本周期的算法。
sales-motion-payback-formula = CAC { $cac } / (ACV { $acv } / 12 × 毛利率 { $gm })

sales-motion-payback-too-long = CAC 回本周期为 { $months } 个月{ $source ->
        [stated] （计划所写）
       *[computed] （{ sales-motion-payback-formula }）
    }；原则要求不超过 { $max } 个月
    .label = { $source ->
        [stated] 回本周期 { $months } 个月
       *[computed] 获客成本 { $cac }
    }
    .help = { $remedy ->
        [stated] 按 CAC、ACV 和毛利率算出来是 { $computed } 个月：请修正 `cac_payback_months`；如果写的数字才是真实的，就修正这几项输入
       *[other] 把 CAC 回本周期缩短到 { $max } 个月以内{ sales-motion-payback-remedy }；客单价决定销售方式，换用更省钱的方式（电销、内部销售、会销）也能缩短回本周期
    }
sales-motion-payback-remedy = { $remedy ->
        [all] ：把 CAC 降到最多 { $max_cac }，把 ACV 提高到至少 { $min_acv }，或把毛利率提高到至少 { $min_gm }
        [cac_acv] ：把 CAC 降到最多 { $max_cac }，或把 ACV 提高到至少 { $min_acv }
        [gm] ：把毛利率提高到至少 { $min_gm }
       *[none] {""}
    }
sales-motion-acv = 年合同额 { $acv }
sales-motion-gross-margin = 毛利率 { $gm }

sales-motion-payback-mismatch = 写明的 CAC 回本周期为 { $stated } 个月，而按 { sales-motion-payback-formula } 算出的是 { $computed } 个月
    .label = 写明：{ $stated } 个月
    .help = 改写为 `cac_payback_months: { $computed }`，或修正 CAC、ACV 或毛利率；容差为 { $tolerance } 个月
sales-motion-payback-mismatch-cac = 获客成本：{ $cac }
sales-motion-payback-mismatch-acv = 年合同额：{ $acv }
sales-motion-payback-mismatch-gross-margin = 毛利率：{ $gm }

sales-motion-deals-from = 客单价从 { $min } 起

sales-motion-field-sales-small-deals = 拜访式销售渠道的单子从 { $min } 起，低于 { $floor }：客单价高于这个数，拜访式销售才划得来
    .help = 把拜访式销售渠道的客单价起点提到 { $floor } 或以上，更小的单子交给内部销售或电销
sales-motion-field-sales = 拜访式销售

sales-motion-small-deals-need-telesales = { $motion ->
        [none] 有一个渠道
       *[other] `{ $motion }` 渠道
    }接 { $min } 起的单子，低于 { $ceiling } 的电销上限，却没有 `telesales`、`inside_sales` 或 `self_serve` 渠道
    .help = 为 { $ceiling } 以下的单子加一个 `telesales`、`inside_sales` 或 `self_serve` 渠道，或把这个渠道的客单价提到 { $target } 或以上

sales-motion-no-conference = 没有会销渠道：原则认为会议销售是性价比最高的销售方式
    .label = 没有 `conference` 渠道
    .help = 加一个渠道，例如 `{"{"} motion: conference, deal_size: ["20k", "1M"], share: 15% {"}"}`：集中讲解、演示、案例分享、客户站台、面对面交流，能迅速建立信任，认识关键人
