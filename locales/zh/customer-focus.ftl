# customer-focus/：原则一，精准的目标客户画像。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。
# 列表以数量 `n` 和至多三个词 `a`、`b`、`c` 传入，在这里连接。

customer-focus-no-section = 没有 `{ $section }` 部分

## 价值链位置（`upstream`、`midstream`、`downstream`）的列表。

customer-focus-position-a = { $a ->
        [upstream] 上游
        [midstream] 中游
       *[downstream] 下游
    }
customer-focus-position-b = { $b ->
        [upstream] 上游
        [midstream] 中游
       *[downstream] 下游
    }
customer-focus-position-c = { $c ->
        [upstream] 上游
        [midstream] 中游
       *[downstream] 下游
    }
customer-focus-positions-and = { $n ->
        [1] { customer-focus-position-a }
        [2] { customer-focus-position-a }和{ customer-focus-position-b }
       *[other] { customer-focus-position-a }、{ customer-focus-position-b }和{ customer-focus-position-c }
    }
customer-focus-positions-or = { $n ->
        [1] { customer-focus-position-a }
        [2] { customer-focus-position-a }或{ customer-focus-position-b }
       *[other] { customer-focus-position-a }、{ customer-focus-position-b }或{ customer-focus-position-c }
    }

## 提升倍数的算法：`formula` 为 `lower` 或 `higher`。

customer-focus-formula = { $formula ->
        [lower] 使用前 { $before } / 使用后 { $after }
       *[higher] 使用后 { $after } / 使用前 { $before }
    }
customer-focus-lower-or-higher = { $formula ->
        [lower] 越低越好
       *[higher] 越高越好
    }
customer-focus-before = 使用前：{ $before }
customer-focus-after = 使用后：{ $after }
customer-focus-better = better: { $better }（{ $better ->
        [lower] 越低越好
       *[higher] 越高越好
    }）

## 规则。

customer-focus-missing-portrait = 客户画像不完整：缺少 { $n ->
        [1] `market.{ $a }`
        [2] `market.{ $a }` 和 `market.{ $b }`
       *[other] `market.{ $a }`、`market.{ $b }` 和 `market.{ $c }`
    }；原则要求精准描绘目标客户：聚焦的细分市场、所在行业和客户规模
    .label = 缺少 { $n ->
        [1] `{ $a }`
        [2] `{ $a }`、`{ $b }`
       *[other] `{ $a }`、`{ $b }`、`{ $c }`
    }
    .help = 在 `market` 下描绘目标客户：用一句话写 `niche:`，列出 `industries: [..]`（一到两个），并写 `customer_size: {"{"} employees: [min, max] {"}"}`

customer-focus-broad-niche-industries = 计划瞄准了 { $count } 个行业；原则要求聚焦一个细分市场，行业最多 { $max } 个
    .label = 第 { $index } 个行业（共 { $count } 个），超出允许的 { $max } 个
    .help = { $form ->
        [one] 先集中在需求最痛的 { $max } 个行业
       *[many] 先从需求最痛的 { $max } 个行业做起
    }，在那里先打赢；拿下这个细分市场后再扩展到其他行业
customer-focus-industry-count = { $count } 个行业

customer-focus-broad-niche-size = 客户员工规模 { $min }-{ $max }人，最大是最小的 { $span } 倍（{ $max } / { $min }）；原则要求客户规模聚焦，跨度不超过 { $allowed } 倍
    .label = 最大：{ $max }人
    .help = 收窄 `customer_size.employees`，让最大的目标客户不超过最小的 { $allowed } 倍：最小 { $min }人时，最大不超过 { $limit }人；或者最大 { $max }人时，最小不低于 { $least }人
customer-focus-min-employees = 最小：{ $min }人

customer-focus-no-hidden-need = { $needs } 个需求中，没有一个同时是刚需、隐性且有证据（刚需 { $must_have } 个，隐性 { $hidden } 个，有证据 { $evidenced } 个）；原则要求找到杀手级的隐性刚需
    .label = 没有同时写明 `must_have: true`、`hidden: true` 和 `evidence` 的需求
    .help = 写出被同行忽视的刚性需求，标上 `must_have: true`、`hidden: true`，并用 `evidence` 证明它真实存在（客户访谈、付费试点）
customer-focus-no-hidden-need-none = 计划没有写任何客户需求；原则要求找到杀手级的隐性刚需：是刚需、被同行忽视、并有证据支撑
    .label = 没有列出需求

customer-focus-value-chain-gap = 价值链没有说明{ customer-focus-positions-and }如何受益；原则要求引入产品后，上游、中游、下游都受益
    .label = 没有{ customer-focus-positions-or }
    .help = 在 `value_chain` 里补上{ customer-focus-positions-and }的条目：`- {"{"} position: { $a }, who: ..., benefit: positive, how: ... {"}"}`

customer-focus-party-position = { $position ->
        [upstream] 上游
        [midstream] 中游
       *[downstream] 下游
    }
customer-focus-value-chain-harm = 引入产品会让{ $kind ->
        [who-position] “{ $who }”（{ customer-focus-party-position }）
        [who] “{ $who }”
        [position] { customer-focus-party-position }一方
       *[none] 价值链上的某一方
    }受损（`benefit: negative`）；原则要求价值链上每一方都受益，否则产品会像器官移植一样遭到排斥
    .label = 收益为负
    .help = 调整方案，让这一方也受益（与他们分享预测、节省下来的成本或数据），并在 `how:` 里写明做法
customer-focus-who = 受损方：{ $who }

customer-focus-not-10x = 声称的提升是 { $stated } 倍{ $formula ->
        [none] {""}
       *[other] （{ customer-focus-formula }）
    }；原则要求至少 { $min } 倍：仅仅几倍的优化没有意义
    .label = 提升 { $stated } 倍
    .help = 在{ $has_kpi ->
        [yes] {" "}`{ $kpi }`{" "}
       *[no] 价值指标
    }上追求数量级的提升：至少 { $min } 倍{ $target ->
        [lower] （从 { $from } 降到 { $to } 或更低）
        [higher] （从 { $from } 提到 { $to } 或更高）
       *[none] {""}
    }；几倍的提升打动不了企业的预算，要找产品能带来数量级变化的那个需求
customer-focus-not-10x-computed = 提升只有 { $computed } 倍{ $formula ->
        [none] {""}
       *[other] （{ customer-focus-formula }，{ customer-focus-lower-or-higher }）
    }；原则要求至少 { $min } 倍：仅仅几倍的优化没有意义

customer-focus-improvement-mismatch = 声称提升 { $stated } 倍，但由使用前后的数据算出是 { $computed } 倍（{ customer-focus-formula }，{ customer-focus-lower-or-higher }）
    .label = 声称：{ $stated } 倍
    .help = 改为 `improvement: { $computed }x`，或修正 `before`/`after`/`better`；允许的误差为 { $tolerance }
