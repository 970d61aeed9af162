# data-consent/：原则九，数据要经客户授权。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

data-consent-uses-customer-data = 使用客户数据

data-consent-no-consent = 计划使用客户数据，授权方式却是 `{ $consent }`；原则要求先取得客户授权（`opt_in`）再使用其数据
    .label = 授权方式：{ $consent }
    .help = 设 `data.consent: opt_in`，请每个客户授权使用其数据（写进合同或在上线时确认）；没有授权就不要使用

data-consent-no-consent-missing = 计划使用客户数据，却没写 `consent`；原则要求先取得客户授权（`opt_in`）再使用其数据
    .label = 这里没有 `consent`

data-consent-cross-customer-use = 一个客户的数据默认被用于其他客户（`default_on`）；原则说客户自己的数据要为客户自己服务
    .label = cross_customer_use: default_on
    .help = 设 `data.cross_customer_use: opt_in_anonymized`（只用愿意加入的客户的匿名数据）或 `none`

data-consent-no-exit-terms = 计划使用客户数据，却{ $missing ->
        [both] 既没写 `deletion_on_exit_days` 也没写 `residency`：客户看不到数据存在哪里、离开后何时删除
        [deletion] 没写 `deletion_on_exit_days`：客户看不到离开后数据何时删除
       *[residency] 没写 `residency`：客户看不到数据存在哪里
    }
    .label = { $missing ->
        [both] 这里缺 `deletion_on_exit_days` 和 `residency`
        [deletion] 这里缺 `deletion_on_exit_days`
       *[residency] 这里缺 `residency`
    }
    .help = 在 `data` 下写明退出条款，例如 { $missing ->
        [both] `deletion_on_exit_days: 30`（客户离开后几天内删除其数据）和 `residency: CN`（数据存放地）
        [deletion] `deletion_on_exit_days: 30`（客户离开后几天内删除其数据）
       *[residency] `residency: CN`（数据存放地）
    }；客户的数据始终属于客户

data-consent-unexplained-network-effect = 计划声称有网络效应的数据优势，却没写 `mechanism`：多一个客户，如何让产品对其他客户更好？
    .label = advantage: network_effect
    .help = 在 `data.mechanism` 用一句话说明客户越多、引擎为何越聪明（例如 `见过的 SKU 越多，冷启动预测越准`），或改为 `advantage: scale`
