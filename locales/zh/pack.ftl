## 规则包（docs/packs.md）：加载规则包、它的错误、`planlint pack test`。

pack-unreadable = 无法读取规则包 { $path }：{ cli-reason }
    .help = 检查 planlint.toml 里 `packs` 的路径或 --pack 给出的路径
pack-yaml = 规则包的 YAML 无效：{ plan-syntax-detail }
    .help = 修正这里的 YAML 语法
pack-limit = 规则包超出了安全限制 `{ $limit }`
    .help = 一个规则包只有几 KB 的 YAML：拆分它，或去掉使它过大、嵌套过深的内容
pack-empty = 规则包是空的
    .help = 写上 `pack: 名称` 和 `rules:`（见 docs/packs.md）

pack-unknown-field = { $where ->
        [top] 规则包顶层
        [rule] 规则里
       *[examples] `examples` 里
    }有未知字段 `{ $field }`
    .help = { $suggested ->
        [yes] 您是不是要写 `{ $suggestion }`？这里的字段有：{ $known }
       *[no] 这里的字段有：{ $known }
    }
pack-duplicate-field = `{ $field }` 在这里写了两次
    .help = 只保留一个
pack-missing-field = { $where ->
        [top] 规则包没有 `{ $field }`
       *[other] 这条规则没有 `{ $field }`
    }
    .help = 加上 `{ $field }:`（见 docs/packs.md）
pack-wrong-type = `{ $field }` 必须是{ $expected ->
        [list] 列表
        [mapping] 映射
        [bool] true 或 false
       *[text] 文本
    }，实际是{ $found ->
        [list] 列表
        [mapping] 映射
        [bool] 布尔值
        [number] 数字
        [empty] 空值
       *[text] 文本
    }
    .help = 这里写{ $expected ->
        [list] 一个列表（`[a, b]` 或每行一个 `- 项`）
        [mapping] 一个映射（`键: 值` 的行）
        [bool] `true` 或 `false`
       *[text] 文本
    }
pack-bad-name = `{ $name }` 不能作为规则包的名称
    .help = 规则包名称由小写字母、数字和 `-` 组成，最多 64 个字符，例如 `acme-ic`
pack-builtin-name = `{ $name }` 是 planlint 内置规则的原则名
    .help = 用规则包所有者的名字命名（`acme-ic`），以免它的规则 ID 被当成内置规则
pack-bad-id = 规则 ID `{ $id }` 不是 `{ $pack }/名称` 的形式
    .help = 每个规则 ID 都以规则包名称和 `/` 开头，后接小写字母、数字和 `-`：`{ $pack }/min-gross-margin`
pack-duplicate-id = 规则 ID `{ $id }` 已被占用
    .help = 给这条规则一个独有的 ID：发现、`[rules]`、抑制注释和基线都靠 ID 指称规则
pack-bad-severity = `{ $found }` 不是严重级别
    .help = 写 `error`、`warning` 或 `info`
pack-too-many-rules = 规则包声明了超过 { $max } 条规则
    .help = 把它拆成几个规则包
pack-bad-path = `{ $path }` 不是计划里的路径
    .help = 键之间用 `.` 分隔，列表后写 `[*]`，`*` 表示每个字段：`projections[*].headcount`、`unit_economics.*`
pack-unknown-path = `{ $path }`：计划格式在这里没有 `{ $key }`
    .help = { $suggested ->
        [yes] 您是不是要写 `{ $suggestion }`？这里的字段有：{ $known }
       *[no] 这里的字段有：{ $known }（见 docs/plan-format.md）
    }
pack-path-not-container = `{ $path }`：`{ $key }` 前面的值不是列表也不是映射
    .help = `[*]` 写在列表后（`needs[*]`），键写在映射后（`unit_economics.acv`）
pack-cel-syntax = 这个 CEL 表达式无法解析：{ $detail }
    .help = 修正表达式（CEL：https://cel.dev）；以 `!`、`{"{"}` 或 `[` 开头的 YAML 值必须加引号
pack-cel-type = 这个 CEL 表达式与计划的类型不符：{ $detail }
    .help = 检查它用到的名称和类型：`value` 是 `given` 处的值，`item` 是包含它的映射，`plan` 是整份计划，`metrics` 是推导出的数值（docs/packs.md）
pack-cel-too-long = 这个 CEL 表达式超过了 { $max } 字节
    .help = 把这条规则拆成几条
pack-cel-too-deep = 这个 CEL 表达式嵌套过深（列表宏相互嵌套超过 { $max } 层，或括号嵌套 64 层）
    .help = 写一个更简单的表达式，或拆分这条规则
pack-regex = `{ $pattern }` 不是 planlint 接受的正则表达式：{ $detail }
    .help = 修正这个模式（Rust `regex` crate 的语法，编译后最多 1 MiB）
pack-money-argument = `money()` 只接受一个写成字符串的金额，例如 `money("80k CNY")`
    .help = 在表达式里写出金额；要和计划里的值比较，直接用那个值
pack-money = `{ $text }` 不是金额
    .help = 按计划的写法写金额：`80k CNY`、`1.2M USD`、`30万`
pack-unclosed-brace = 这里的 `{"{"}` 没有用 `{"}"}` 闭合
    .help = 用 `{"}"}` 结束表达式，或写 `{"{{"}` 表示一个花括号

pack-required-missing = 缺少 `{ $path }`，而 `{ $given }` 是必填的
    .label = 这里缺少 `{ $path }`
    .help = 补上这个值：这条规则要求有 `{ $given }`

pack-test-pass = { $file }：{ $rules } 条规则的 { $n } 个示例全部符合预期
pack-test-failed = { $file }：{ $n } 个示例中有 { $failed } 个不符合预期
pack-test-fail-example = `{ $rule }` 的一个 `fail` 示例没有产生 `{ $rule }` 发现
    .label = 预期有 `{ $rule }` 发现
    .help = 修正规则的 `when` 或这个示例：`fail` 示例必须违反规则
pack-test-pass-example = `{ $rule }` 的一个 `pass` 示例产生了 `{ $rule }` 发现：{ $message }
    .label = 预期没有 `{ $rule }` 发现
    .help = 修正规则的 `when` 或这个示例：`pass` 示例不能违反规则
pack-test-not-checked = `{ $rule }` 的一个示例使这条规则没有被检查（{ $reason }）
    .label = `{ $rule }` 没有运行
    .help = 示例必须给出规则 `given` 处的值（它会合并进一份通过所有内置规则的计划）
pack-test-bad-example = `{ $rule }` 的一个示例不是由计划段落组成的 YAML 映射
    .label = 不是映射
    .help = 写出示例要改的段落，例如 `unit_economics: {"{"} gross_margin: 50% {"}"}`
pack-test-no-examples = { $file } 没有示例
    .help = 给它的规则加上带 `fail:` 和 `pass:` 片段的 `examples:`（见 docs/packs.md）
