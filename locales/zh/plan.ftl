# plan/：计划文件本身的格式问题，在读取计划时报告。
# 共用片段（`plan-found`、`plan-expected`、`plan-list` 等）被下面的消息引用，读取引用它们的消息的参数。

## 消息里如何呈现一个值：它是哪种 YAML 值，或照原样引用所写的文字（过长时截断并注明长度）。
plan-found = { $found ->
        [empty] 空值
        [bool] 布尔值
        [number] 数字
        [text] 文本
        [list] 列表
        [mapping] 键值映射
        [empty-key] 空键
        [list-of] 含 { $found_len } 项的列表
       *[other] { $found }{ $found_len ->
            [0] {""}
           *[other] （共 { $found_len } 个字符）
        }
    }

plan-expected = { $expected ->
        [number] 数字
        [whole] 整数
        [money] 金额
        [percent] 百分比
        [list] 列表
        [bool] 布尔值（true 或 false）
        [multiple] 倍数
       *[text] 文本
    }

plan-plausible-noun = { $bounds ->
        [money] 金额
        [number] 数字
        [count] 数量
        [multiple] 倍数
       *[percent] 百分比
    }

plan-plausible-accepted = { $bounds ->
        [money] 介于 0.000001 和 10^15（1,000,000,000,000,000）之间的金额，或者 0
        [number] 绝对值介于 0.000000001 和 10^15（1,000,000,000,000,000）之间的数字，或者 0
        [count] 从 0 到 10^15（1,000,000,000,000,000）的整数
        [multiple] 从 0 到 1,000,000 倍的倍数，例如 `12x`
       *[percent] 不超过 100,000% 的百分比，例如 `72%`
    }

## `a`、`b` 和 `c`：前面几项由代码连接，最后一项或余下的项数在这里写。
plan-list = { $list_form ->
        [one] { $list_head }
        [and] { $list_head } 和 { $list_last }
       *[more] { $list_head } 等，另有 { $list_more } 项
    }

plan-did-you-mean = 是不是想写 `{ $suggestion }`？

## plan/invalid-value

plan-invalid-value = 取值无效

plan-wrong-type = `{ $key }` 应当是{ plan-expected }，这里却是{ plan-found }
    .help = 请写{ plan-expected }，例如 `{ $key }: { $example }`

plan-full-width-colon = 全角冒号 `：` 不能分隔 YAML 的键和值：请写半角 `:` 再加一个空格
    .label = 全角冒号
    .help = 用半角冒号加空格写键，如 `acv: 84000`；YAML 会把 `acv：84000` 整个读成一段文本

plan-not-a-mapping = `{ $key }` 应当是键值映射（`key: value`），这里却是{ plan-found }
    .help = 在它下面逐行缩进写 `key: value`；各部分的写法见 docs/plan-format.md，`planlint init` 会生成一份包含所有部分的计划

plan-not-a-mapping-top = 整份计划应当是键值映射（`key: value`），这里却是{ plan-found }

plan-complex-key = 键应当是 `acv` 这样的词，这里却是{ plan-found }
    .label = 不是键
    .help = 键写成纯文本，后面跟 `: ` 和它的值；计划格式里没有列表、映射或空的键

plan-implausible = `{ $key }` 是 { plan-found }，不是一个合理的{ plan-plausible-noun }

plan-write-accepted = 请写{ plan-plausible-accepted }

plan-comma-what = { $commas ->
        [one] { plan-found } 里的逗号不是千位分隔符
       *[many] { plan-found } 里的逗号没有按千位分组
    }

plan-comma = `{ $key }`：{ plan-comma-what }

plan-comma-help = 请写 { $fix }：小数用点号，逗号只用来分隔千位

plan-not-finite = `{ $key }` 是 { plan-found }，{ $why ->
        [nan] 这不是一个数
        [inf] 这是无穷大
       *[large] 数字太大，无法读取
    }

plan-not-positive = `{ $key }` 必须大于零，这里是 { plan-found }
    .help = 请写一个正数

plan-unsupported-version = 不支持的格式版本 { $version }
    .help = 这个版本的 planlint 只读格式版本 { $supported }；请写 `planlint: { $supported }`

plan-not-a-year = `{ $key }` 应当是年份，例如 2027，这里却是 { plan-found }
    .help = 请写公历年份，例如 `{ $key }: 2027`

plan-not-a-count = `{ $key }` 应当是 0 或更大的整数，这里却是 { plan-found }
    .help = 请写一个数量，例如 `12`

plan-negative = `{ $key }` 不能为负，这里是 { plan-found }

plan-negative-percent-help = 请写 0% 或以上的百分比

plan-negative-money-help = 只有 `cash_end` 和 `net_burn` 可以小于零

plan-not-a-percent = `{ $key }` 应当是百分比，这里却是 { plan-found }
    .help = 写成 `{ $key }: 72%`，或写成小数 `0.72`

plan-above-100 = `{ $key }` 是 { $percent }，超过了 100%
    .help = { $bare ->
        [yes] 不带 % 的数字按小数理解（0.72 = 72%）；如果你指的是 { $written }%，请写 `{ $key }: { $written }%`
       *[no] 这个占比不能超过 100%
    }

plan-other-currency = `{ $key }` 用的是 { $written }，但计划的币种是 { $currency }
    .help = 请用 { $currency } 写这笔金额，或者把整份计划设为 `currency: { $written }`

plan-money-error = { $problem ->
        [empty] 金额是空的
        [two-currencies] 这笔金额同时写了两种币种：{ $first } 和 { $second }
        [too-large] { plan-found } 太大，不可能是一笔金额
        [comma] { plan-comma-what }
       *[not-amount] { plan-found } 不是一笔金额
    }

plan-not-money = `{ $key }`：{ plan-money-error }
    .help = 请写数字，可带单位和币种：`120000`、`120k`、`1.2M`、`12万`、`1.2亿`、`¥120,000` 或 `120,000 CNY`

plan-not-in-enum = { plan-found } 不是 `{ $key }` 的有效取值

plan-allowed = 可选值：{ $allowed }

plan-allowed-suggest = 是不是想写 `{ $suggestion }`？可选值：{ $allowed }

plan-not-a-range = `{ $key }` 应当是区间 `[min, max]`，这里却是{ plan-found }
    .help = 写两个值，例如 `{ $key }: [100, 2000]`

plan-reversed-range = `{ $key }` 写反了：最小值大于最大值
    .label = 区间写反了
    .help = 先写较小的值：`[min, max]`

plan-range-min = 最小值

plan-range-max = 最大值

plan-not-a-currency = `{ $code }` 不是 ISO 4217 币种代码

plan-currency-capitals = 币种代码请用大写：`currency: { $code }`

plan-currency-example = 请写 ISO 4217 币种代码，例如 CNY、USD 或 EUR

plan-empty-file = 文件里没有计划：它是空的，或者只有注释
    .label = 这里没有计划
    .help = 在这里写计划的各个部分；`planlint init` 会生成一份起步用的计划

## plan/unknown-key、plan/duplicate-key

plan-unknown-key = { $where ->
        [top] 顶层
       *[section] `{ $section }` 里
    }有未知的键 `{ $key }`
    .label = 计划格式里没有这个键

plan-unknown-key-remove = 删掉它

plan-unknown-key-known = 这里可用的键：{ $keys }

plan-duplicate-key = `{ $key }` 在同一个映射里出现了两次
    .label = 这里又写了一次（采用这个值）
    .help = 保留一个 `{ $key }`，删掉另一个；YAML 的键不能重复

plan-duplicate-key-first = 第一次写在这里

## plan/missing-currency、plan/inferred-currency

plan-inferred-currency = 计划没写 `currency`；凡是标了币种的金额都是 { $code }，所以按 { $code } 作为计划的币种
    .label = 币种 { $code }
    .help = 在计划开头加上 `currency: { $code }`，明确写出来

plan-missing-currency = 计划没写 `currency`，金额也都没标币种：涉及金额的规则无法拿金额和门槛比较，因此没有运行
    .label = 这份计划没有 `currency`
    .help = 在计划开头写上金额所用的 ISO 4217 币种代码，例如 `currency: CNY` 或 `currency: USD`

plan-several-currencies = 计划没写 `currency`，金额却标了好几种币种（{ $codes }）：涉及金额的规则没有运行
    .help = 在开头加上 `currency: { $code }`（或计划实际使用的币种），并把所有金额都用它来写

## plan/syntax。`parser` 细节是 YAML 解析库自己的英文原话。

plan-syntax = YAML 无效：{ plan-syntax-detail }
    .label = { $problem ->
        [parser] YAML 语法错误：{ $detail }
       *[other] { plan-syntax-detail }
    }
    .help = { $tab ->
        [yes] YAML 不允许用制表符缩进：请用空格缩进
       *[no] 修正这里的 YAML 语法；文件能解析后，其余部分才会检查
    }

plan-syntax-detail = { $problem ->
        [too-costly] YAML 解析器认为读取这个文件代价太高，拒绝读取
        [merge] 合并键 `<<` 的值必须是映射或映射的列表
        [merge-found] 合并键 `<<` 的值必须是映射或映射的列表，这里却是{ plan-found }
        [merge-in-list] 合并键 `<<` 的值必须是映射或映射的列表，这里的列表里却有{ plan-found }
        [tab] 这一行用制表符缩进；YAML 只能用空格缩进
        [full-width-colon] { plan-full-width-colon }
       *[parser] { $detail }
    }

plan-not-utf8 = 文件不是有效的 UTF-8：偏移 { $offset } 处的字节 0x{ $byte }
    .label = 无效的 UTF-8 从这里开始
    .help = 把计划另存为 UTF-8（多数编辑器：文件 › 以某种编码保存 › UTF-8）

## plan/limit

plan-limit = { $what ->
        [depth] 计划的嵌套超过 { $n } 层
        [nodes] 计划的 YAML 节点超过 { $n } 个
        [anchors] 计划的锚点（`&name`）超过 { $n } 个
        [merge-keys] 计划的合并键（`<<`）超过 { $n } 个
        [aliases] 计划使用的别名（`*name`）超过 { $n } 个
        [anchor-events] 锚点（`&name`）记录的 YAML 事件超过 { $n } 个
        [bytes] 别名展开后，计划的文本超过 { $n } 字节
        [documents] 文件里的 YAML 文档（以 `---` 分隔）超过 { $n } 个
        [alias-depth] 别名嵌套超过 { $n } 层
        [alias-expansion] 别名展开后的 YAML 事件超过 { $n } 个（别名炸弹？）
       *[file-size] 文件超过 { $n } 字节
    }（上限 `{ $limit }` = { $value }）
    .label = 在这里达到上限
    .help =
        如果这是一份真实的计划，请在 planlint.toml 里调高上限：`[limits]
        { $limit } = <更大的值>`

## plan/missing-input

plan-missing-input = 无法完整检查 `{ $principle }`：缺少 { plan-list }{ $paths ->
        [1] {""}
       *[other] （共 { $paths } 项）
    }，所以{ $ran ->
        [none] 它的 { $total } 条规则都没有运行
       *[some] 它的 { $total } 条规则中有 { $skipped } 条没有运行
    }（{ $names }）
    .help = 补上缺少的值（见 `planlint explain { $principle }`）；计划还是草稿时，可以在 planlint.toml 的 `[rules]` 下写 `"plan/missing-input" = "warning"`，让它先通过检查

plan-missing-input-here = 这里缺少：{ plan-list }

plan-missing-input-no-section = 这份计划没有 { plan-list }

## plan/unused-suppression

plan-suppression-no-rule = 这条抑制注释没有指明规则
    .label = 没有指明规则
    .help = 写明它要屏蔽的规则：`# planlint-disable-line large-customers/churn-ceiling -- 理由`

plan-suppression-unknown = 这条抑制注释里的 `{ $selector }` 不对应任何规则
    .label = 没有这条规则

plan-suppression-list-rules = `planlint rules` 会列出所有规则 id

plan-suppression-unused = 对 `{ $selector }` 的抑制没有屏蔽任何结果
    .label = 没有屏蔽任何结果
    .help = 删掉它：它针对的问题已经不存在了，留着过时的抑制会把下一个问题也藏起来

## plan/no-fx-rate

plan-no-fx-rate = 计划用 { $plan_currency }，门槛却是 { $threshold_currency }，而且没有配置汇率
    .label = { $plan_currency } 没有汇率
    .help = 在 planlint.toml 里加汇率：`[fx]` 下写 `{ $plan_currency } = <每 1 { $plan_currency } 折合多少 { $threshold_currency }>`；在此之前，涉及金额门槛的规则不会对这个文件运行

plan-no-fx-rate-preset = 在 planlint.toml 里设 `preset = "{ $preset }"`（门槛以 { $plan_currency } 计），或者加汇率：`[fx]` 下写 `{ $plan_currency } = <每 1 { $plan_currency } 折合多少 { $threshold_currency }>`；在此之前，涉及金额门槛的规则不会对这个文件运行

## plan/rule-error

plan-rule-error = `{ $rule }` 的表达式在这份计划上出错：{ $error }
    .label = `{ $rule }` 在这里出错
    .help = 修正这个值，或在规则包里给 `{ $rule }` 的表达式加上保护（`has(…)`、除法前先检查）；其他规则照常运行
