# value-pricing/：原则六，商业模式最好跟客户的业绩成正比。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

value-pricing-flat-pricing = 定价是固定价格：客户业绩涨了 100 倍，付的钱还是一样，这就是原则所说最糟糕的商业模式，收入很快碰到天花板
    .label = 固定价格
    .help = 按随客户一起成长的价值指标定价：`model: tiered`、`usage`、`revenue_share` 或 `platform_plus_usage`

value-pricing-no-value-metric = `pricing` 是 `{ $model }`，却没写 `value_metric`：计划没说价格随什么增长
    .label = 这种定价模式缺 `value_metric`
    .help = 加上 `value_metric:`，写明价格随什么增长，例如 `所管理的年进货额`，让评审者看得到价格随客户一起增长

value-pricing-no-value-metric-blank = `value_metric` 是空的：计划没说价格随什么增长
    .label = `value_metric` 为空

value-pricing-narrow-tier-span = 各档价格最高只差 { $span } 倍（最高是{ $high_kind ->
        [named] 「{ $high_tier }」档
       *[numbered] 第 { $high_tier } 档
    }的 { $high }，最低是{ $low_kind ->
        [named] 「{ $low_tier }」档
       *[numbered] 第 { $low_tier } 档
    }的 { $low }）；原则要求至少差 { $min } 倍，价格才能随客户一起增长
    .label = 最高：{ $high }
    .help = { $tiers ->
        [one] 为更大的客户增设档位，让最高档价格至少达到 { $target }（最低档 { $low } 的 { $min } 倍）；大 100 倍的客户付得起多得多的钱
       *[several] 把最高档价格提高到至少 { $target }（最低档 { $low } 的 { $min } 倍），或为更大的客户增设达到这个价格的档位；大 100 倍的客户付得起多得多的钱
    }

value-pricing-narrow-tier-span-lowest = 最低：{ $low }

value-pricing-narrow-tier-span-single = 只有一个价格档：{ $tier_kind ->
        [named] 「{ $tier }」档
       *[numbered] 第 { $tier } 档
    }，{ $price }；不论客户大小都付一样的钱，原则要求最高档价格至少是最低档的 { $min } 倍
    .label = 唯一一档：{ $price }

value-pricing-price-inversion = { $after_kind ->
        [named] 「{ $after_tier }」档
       *[numbered] 第 { $after_tier } 档
    }定价 { $after }，反而低于它前面面向更小客户的{ $before_kind ->
        [named] 「{ $before_tier }」档
       *[numbered] 第 { $before_tier } 档
    }（{ $before }）
    .label = 后一档：{ $after }
    .help = `tiers` 按客户从小到大排列，每一档的价格都不低于前一档（这里至少 { $before }）

value-pricing-price-inversion-before = 前一档：{ $before }
