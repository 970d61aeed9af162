# product-cycle/：原则五，先标准化，再定制化，再标准化，循环往复。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

product-cycle-no-cycle = { $missing ->
        [product] 计划没有写 `product.cycle`
        [cycle] `product` 下没有 `cycle`
        [standardize] `product.cycle` 里没有标准化（`standardize`）阶段
        [customize] `product.cycle` 里没有定制化（`customize`）阶段
       *[both] `product.cycle` 里既没有标准化（`standardize`）阶段，也没有定制化（`customize`）阶段
    }：原则要求先标准化，再为成长快的客户定制化，然后把定制模块重新标准化，循环往复
    .label = { $missing ->
        [product] 没有 `product` 部分
        [cycle] 没有 `cycle`
        [standardize] 缺 `standardize` 阶段
        [customize] 缺 `customize` 阶段
       *[both] 缺 `standardize` 和 `customize` 阶段
    }
    .help = 按先后顺序写出这个循环，例如 `- {"{"} phase: standardize, period: 2025, scope: core {"}"}`、`- {"{"} phase: customize, period: 2026H1, modules: [m], for_customers: [A] {"}"}`、`- {"{"} phase: standardize, period: 2026H2, modules: [m] {"}"}`

product-cycle-custom-not-productized = 模块 `{ $module }` 是在{ $dated ->
        [yes] 定制化阶段（{ $period }）
       *[no] 定制化阶段
    }为客户定制的，之后却没有出现在任何标准化阶段里
    .label = 只做了定制，从未标准化
    .help = 在后面加一个 `{"{"} phase: standardize, period: ..., modules: [{ $module }] {"}"}`，把它做成标准模块给长尾客户使用；否则就把它从定制化阶段中去掉

product-cycle-customize-phase = { $dated ->
        [yes] 定制化阶段（{ $period }）
       *[no] 定制化阶段
    }

product-cycle-services-heavy = 服务收入占订阅收入的 { $share }，超过了 { $max } 的上限：定制工作没有沉淀成产品
    .label = 服务收入占 { $share }
    .help = 把服务收入降到订阅收入的 { $max } 以内：把客户反复要的模块标准化出来（加一个 `standardize` 阶段），其余按一次性项目收费，不算进计划的核心业务
