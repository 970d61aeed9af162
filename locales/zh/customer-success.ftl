# customer-success/：原则八，客户成功的关键是深刻理解客户，而不是简单基于功能。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

# $cause：哪一项是 false 或缺失（`no-section`、`team-false`、`team-missing`、
# `separate-false`、`separate-missing`）。
customer-success-no-team = { $cause ->
        [no-section] 计划没有 `customer_success` 部分：没有规划客户成功团队
        [team-false] 计划没有客户成功团队（`team: false`）
        [team-missing] `customer_success` 没说有没有客户成功团队（缺 `team`）
        [separate-false] 客户成功没有独立于售后支持（`separate_from_support: false`）：最后只会变成售后工作
       *[separate-missing] `customer_success` 没说团队是否独立于售后支持（缺 `separate_from_support`）
    }
    .label = { $cause ->
        [no-section] 没有 `customer_success` 部分
        [team-missing] 缺 `team`
        [separate-missing] 缺 `separate_from_support`
       *[other] false
    }
    .help = 建立自己的客户成功团队（`team: true`、`separate_from_support: true`）：理解客户的实际状况，协助客户梳理业务，最大化运用产品实现价值，而不仅仅是售后或技术部署

# $cause：`no-section`、`missing`（没有 `outcome_metrics`）或 `empty`。
customer-success-no-outcome-metrics = { $cause ->
        [no-section] 计划没有 `customer_success` 部分，也就没有衡量任何客户成果
        [missing] `customer_success` 没列 `outcome_metrics`：没有衡量任何客户成果
       *[empty] `outcome_metrics` 是空的：没有衡量任何客户成果
    }
    .label = { $cause ->
        [no-section] 没有 `customer_success` 部分
        [missing] 没有 `outcome_metrics`
       *[empty] 空列表
    }
    .help = 列出考核团队的客户成果指标，例如 `outcome_metrics: [客户报损率, 计划员节省的工时]`：客户成功看的是客户拿到的结果，而不是交付了多少功能

# $year_known：第一条预测写了年份 $year 时为 `yes`。
# $per_csm_zero：每名 CSM 负责 0 个客户时为 `yes`（此时 $needed 为 0）。
customer-success-under-covered = { $headcount }名客户成功经理（CSM）× 每人{ $per_csm }个客户，只能覆盖{ $capacity }个客户，少于{ $year_known ->
        [yes] 第一个预测年度（{ $year }年）
       *[no] 第一个预测年度
    }的{ $customers }个客户
    .label = 每名 CSM 负责{ $per_csm }个客户
    .help = { $per_csm_zero ->
        [yes] 把每名 CSM 负责的客户数设为大于零
       *[no] 至少配{ $needed }名 CSM，每人负责{ $per_csm }个客户
    }，或者说明每名 CSM 如何覆盖{ $more_known ->
        [yes] { $more }个客户
       *[no] 更多客户
    }，让每个客户都有一位懂它业务的 CSM（还差{ $short }个客户）
customer-success-under-covered-headcount = { $headcount }名 CSM
customer-success-under-covered-customers = { $customers }个客户
