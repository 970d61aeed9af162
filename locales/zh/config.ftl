# planlint.toml（或 --config 给出的文件）中的问题：标在文件里；文件读不了时以
# `planlint：错误：` 一行说明。

config-here = 此处
config-unreadable = 无法读取配置文件 { $path }：{ cli-reason }
    .help = 检查 --config 给出的路径，或传入 --isolated 不使用任何配置
config-invalid-toml = TOML 格式有误：{ $error }
    .help = 修正此处的 TOML 语法

## 值的类型。

config-a-type = { $type ->
        [string] 字符串
        [integer] 整数
        [float] 浮点数
        [boolean] 布尔值
        [datetime] 日期时间
        [array] 数组
       *[table] 表
    }
config-found = { $found_kind ->
        [float-overflow] 一个超出 64 位浮点数范围的数
        [int-overflow] 一个大到无法读取的整数
        [not-amount] 一段不是金额的文字
        [not-percent] 一段不是百分比的文字
        [type] { config-a-type }
       *[number] {" "}{ $found }
    }
config-expected = { $expected ->
        [overrides] 表数组：[[overrides]]
        [table] 表
        [strings] 字符串数组，例如 ["archive/**"]
        [string] 字符串
       *[override-entry] 含 `files` 和 `rules` 的表
    }

## 键和值。

config-unknown-key = { $place ->
        [top] 顶层
        [thresholds] 在 [thresholds] 中
        [limits] 在 [limits] 中
       *[overrides] 在 [[overrides]] 中
    }有未知的键 `{ $key }`
    .help = { $suggested ->
        [yes] 您是不是要找 `{ $suggestion }`？可用的键：{ $known }
       *[no] 可用的键：{ $known }
    }
config-unknown-value = 未知的{ $what ->
        [preset] 预设
        [lang] 语言
        [fail-on] fail-on 级别
       *[severity] 严重级别
    } `{ $value }`
    .help = { $suggested ->
        [yes] 您是不是要找 `{ $suggestion }`？可选值：{ $known }
       *[no] 可选值：{ $known }
    }
config-wrong-type = `{ $key }` 应为{ config-expected }，实际是{ config-a-type }
    .help = 把 `{ $key }` 写成{ config-expected }
config-not-string = `{ $key }` 应为字符串，实际是{ config-a-type }
    .help = 例如 `{ $toml_key } = { $example }`
config-bad-glob = 无效的 glob `{ $glob }`：{ $error }
    .help = glob 语法见 https://docs.rs/globset
config-bad-globs = { $file } 中的 glob 无效：{ $error }
    .help = 简化 `exclude` 和 `files` 中的 glob；语法见 https://docs.rs/globset
config-unknown-rule = `{ $selector }` 不是任何规则或原则
    .help = { $suggested ->
        [yes] 您是不是要找 `{ $suggestion }`？`planlint rules` 列出了所有规则 id
       *[no] `planlint rules` 列出了所有规则 id；原则前缀以 `/` 结尾
    }
config-override-no-files = 有一条 [[overrides]] 没有写 `files`
    .help = 加上 `files = ["legacy/**"]`：它适用的 glob，相对于本配置文件所在目录

## 货币和汇率。

config-bad-currency = `{ $code }` 不是 ISO 4217 货币代码
    .help = 写三个大写字母的代码，例如 USD
config-bad-rate = { $code } 的汇率必须是 { $min } 到 { $max } 之间的{ $finite ->
        [yes] 有限数
       *[no] 数
    }，实际是{ config-found }
    .help = 写每 1 { $code } 折合多少阈值货币，例如 `{ $code } = 7.1`
config-no-rate = `{ $name }` 以 { $cur } 计价，但 `{ $preset }` 预设的阈值以 { $currency } 计价，而 [fx] 中没有 { $cur } 的汇率
    .help =
        加上 `[fx]
        { $cur } = <每 1 { $cur } 折合多少 { $currency }>`，或直接用 { $currency } 写这个金额
config-converted-too-large = 按 { $cur } = { $rate } 折算，`{ $name }` 为 { $converted } { $currency }，超过了金额阈值的上限 { $max } { $currency }
    .help = 写一个更小的金额，或检查 [fx] 中 { $cur } 的汇率：它表示每 1 { $cur } 折合多少 { $currency }

## 阈值。

config-range = { $unit ->
        [money] 介于 0 到 { $max } 之间的金额
        [percent] 介于 0% 到 { $max } 之间的百分比
       *[number] 介于 0 到 { $max } 之间的数
    }
config-bad-threshold = `{ $name }` 必须是{ $finite ->
        [yes] 有限数：{ config-range }
       *[no] { config-range }
    }，实际是{ config-found }
    .help = { $unit ->
        [money] 例如 `{ $name } = "400k CNY"`；不带货币的金额按预设的货币计
        [percent] 例如 `{ $name } = "{ $example }%"`，即 article 预设的取值
       *[number] 例如 `{ $name } = { $example }`，即 article 预设的取值
    }

## 资源上限。

config-limit-range = 介于 1 到 { $max } 之间的整数
config-bad-limit = { $why ->
        [infinite] `{ $name }` 必须是有限数：{ config-limit-range }，实际是{ config-found }
        [depth] `max_depth` 最多为 { $max }：{ config-limit-range }，实际是{ config-found }
       *[range] `{ $name }` 必须是{ config-limit-range }，实际是{ config-found }
    }
    .help = { $why ->
        [depth] 没有计划会嵌套这么深，更深的结构会有栈溢出的风险；默认值是 `{ $name } = { $default }`
       *[other] 默认值是 `{ $name } = { $default }`
    }

config-pack-outside = 规则包 `{ $path }` 不在 planlint.toml 所在的目录里
    .help = 把规则包放在仓库里 planlint.toml 旁边（不会跟随指向外部的符号链接），或在命令行用 --pack 指定
