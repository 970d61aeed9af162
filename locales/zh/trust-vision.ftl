# trust-vision/：原则二，企业级服务销售的核心是信任和愿景。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

trust-vision-no-section = 没有 `{ $section }` 部分
trust-vision-no-key = 没有 `{ $key }`

## 四种信任来源；列表以数量和 `shown1`..、`absent1`.. 传入。

trust-vision-shown-1 = { $shown1 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-shown-2 = { $shown2 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-shown-3 = { $shown3 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-shown-4 = { $shown4 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-shown-list = { $present ->
        [1] { trust-vision-shown-1 }
        [2] { trust-vision-shown-1 }和{ trust-vision-shown-2 }
        [3] { trust-vision-shown-1 }、{ trust-vision-shown-2 }和{ trust-vision-shown-3 }
       *[other] { trust-vision-shown-1 }、{ trust-vision-shown-2 }、{ trust-vision-shown-3 }和{ trust-vision-shown-4 }
    }
trust-vision-absent-1 = { $absent1 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-absent-2 = { $absent2 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-absent-3 = { $absent3 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-absent-4 = { $absent4 ->
        [expertise] 细分领域的专业形象
        [staying_power] 长期陪伴客户的实力
        [reference] 公开的标杆客户
       *[authority] 第三方权威认证或行业报告
    }
trust-vision-absent-list = { $absent ->
        [1] { trust-vision-absent-1 }
        [2] { trust-vision-absent-1 }和{ trust-vision-absent-2 }
        [3] { trust-vision-absent-1 }、{ trust-vision-absent-2 }和{ trust-vision-absent-3 }
       *[other] { trust-vision-absent-1 }、{ trust-vision-absent-2 }、{ trust-vision-absent-3 }和{ trust-vision-absent-4 }
    }

## 规则。

trust-vision-weak-trust = 计划{ $present ->
        [0] 没有展示 4 种信任来源中的任何一种
       *[other] 展示了 4 种信任来源中的 { $present } 种（{ trust-vision-shown-list }）
    }；缺少：{ $absent ->
        [0] 无法确定（其余来源的值读不出来）
       *[other] { trust-vision-absent-list }
    }；原则要求至少 { $min } 种
    .label = 4 种信任来源中的 { $present } 种
    .help = 回答买方“为什么是你？”：在 `trust` 下写 `expertise`（你为何是这个细分领域的专家）、`staying_power`（你为何能一直陪伴客户成长）、一条 `public: true` 的 `reference_customers`，以及 `certifications` 或 `analyst_reports`

trust-vision-no-decision-chain = { $kind ->
        [empty] 决策链是空的；原则要求清楚谁来拍板，尤其是谁掌握预算
        [unnamed] 决策链上的 { $people } 个人都没有标 `budget_owner: true`；原则要求清楚谁掌握预算
        [roles] 决策链（{ $roles }）没有指明谁掌握预算；原则要求清楚谁掌握预算
       *[missing] 计划没有写决策链；原则要求清楚谁来拍板，尤其是谁掌握预算
    }
    .label = 没有 `budget_owner: true`
    .help = 在 `trust.decision_chain` 下列出参与决策的人、各自关心什么，并标出掌握预算的那一位：`- {"{"} role: COO, cares_about: write-off rate, budget_owner: true {"}"}`

trust-vision-no-vision = 计划没有说明行业将走向何方（`vision.industry_future`）；原则要求用愿景引领客户的需求
    .help = 写 `vision.industry_future`：用一句话说明客户所在行业的走向，以及你在其中扮演的角色

trust-vision-no-roadmap = { $kind ->
        [missing] 计划没有路线图
        [empty] 路线图是空的
        [no-years] 路线图没有一项写了年份
       *[span] 路线图只覆盖 { $span } 年（{ $first }-{ $last }）
    }；原则要求至少 { $min } 年的愿景
    .help = 把 `vision.roadmap` 延长到至少 { $min } 年，每一步一项：`- {"{"} year: 2028, theme: ... {"}"}`
trust-vision-roadmap-span = { $span } 年
trust-vision-no-years = 没有年份
