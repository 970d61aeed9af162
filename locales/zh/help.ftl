# 命令行帮助（`planlint --help`）的中文。英文在 src/cli.rs 的 clap 定义里，
# locales/en/help.ftl 由测试从中生成。

help-planlint-about = 按照“什么样的 toB 生意能做成”的十条原则，检查用 YAML 写的 B2B 商业计划书
help-planlint-after =
    示例：
      planlint plans/acme.plan.yaml
      planlint .                      检查当前目录下所有 *.plan.yaml
      planlint --format json plan.yaml
      planlint explain large-customers/acv-floor

    遍历目录时，只检查顶层有 `planlint:` 键（以 `planlint:` 开头的行）的
    {"*"}.plan.yaml、*.plan.yml、plan.yaml 和 plan.yml 文件；其他文件跳过，并在标准错误里
    计数。命令行上点名的文件无论内容如何都会检查。遍历时不跟随符号链接，除非加 --follow。

    退出码：0 没有达到失败级别的问题，1 有问题，2 planlint 没能完成工作（用法错误、输入或
    配置读不了、没找到计划书、报告写不出去）。标准输出提前关闭时（`planlint . | head`），
    报告安静地停止，退出码仍按检查结果给出。
help-planlint-paths = 要检查的计划书文件或目录；`-` 从标准输入读取
help-planlint-format = 输出格式
help-planlint-output = 把报告写到 FILE 而不是标准输出（原子写入；符号链接则写到它指向的文件；`-` 是标准输出）。FILE 不能是输入、配置文件或基线文件
help-planlint-fail-on = 退出码为 1 的最低严重级别 [默认：error，或配置里的 fail-on]
help-planlint-max-warnings = 警告超过 N 条时退出码为 1
help-planlint-select = 要运行的规则：规则 id 或原则前缀，例如 `large-customers/`
help-planlint-ignore = 要跳过的规则：规则 id 或原则前缀
help-planlint-config = 使用这个配置文件，而不是自动查找 planlint.toml
help-planlint-isolated = 不使用任何配置文件
help-planlint-preset = 阈值预设（覆盖配置里的设置）
help-planlint-lang = 提示和文档的语言（默认：配置里的 `lang`，否则看环境变量：LC_ALL、LC_MESSAGES 或 LANG 以 `zh` 开头即为中文）
help-planlint-baseline = 隐藏这个基线文件里已记录的问题
help-planlint-write-baseline = 把当前的问题写进这个基线文件（只在所有输入都读到时写）；不列出问题，只打印一行汇总
help-planlint-no-inline-suppressions = 忽略 planlint-disable 注释（用于统一的 CI 策略）
help-planlint-exit-zero = 除非 planlint 自身出错，总是以 0 退出
help-planlint-color = 何时使用颜色（遵守 NO_COLOR）
help-planlint-quiet = 只打印问题和错误，不打印汇总行
help-planlint-threads = 用 N 个线程检查，1 到 256（更大的 N 会被拒绝）；0 表示默认 [默认：CPU 核数]
help-planlint-follow = 遍历目录时跟随符号链接；指向被遍历目录之外的链接会被报告，不会读取
help-planlint-stdin-filename = 标准输入在输出里显示的名字
help-rules-about = 列出所有规则：id、原则、默认严重级别、说明
help-rules-lang = 提示和文档的语言（默认：配置里的 `lang`，否则看环境变量：LC_ALL、LC_MESSAGES 或 LANG 以 `zh` 开头即为中文）
help-explain-about = 解释一条规则（给出 id）或一整条原则（给出原则名）
help-explain-rule = 规则 id，例如 `large-customers/acv-floor`；或原则名，例如 `large-customers`
help-explain-config = 使用这个配置文件，而不是自动查找 planlint.toml
help-explain-isolated = 不使用任何配置文件
help-explain-preset = 阈值预设（覆盖配置里的设置）
help-explain-lang = 提示和文档的语言（默认：配置里的 `lang`，否则看环境变量：LC_ALL、LC_MESSAGES 或 LANG 以 `zh` 开头即为中文）
help-init-about = 写一份能通过所有规则的计划书模板；不会覆盖已有文件
help-init-file = 写到哪里
help-init-preset = 写一份在这个预设下能通过的计划书（用它的币种）
help-init-currency = 计划书的币种（ISO 4217）；默认用预设的币种
help-schema-about = 打印计划书格式的 JSON Schema（2020-12）
help-completions-about = 打印 shell 补全脚本
help-config-about = 打印生效的配置（给出计划书文件时，应用它的 [[overrides]]）
help-config-file = 要应用其 [[overrides]] 的计划书文件
help-config-config = 使用这个配置文件，而不是自动查找 planlint.toml
help-config-isolated = 不使用任何配置文件
help-config-preset = 阈值预设（覆盖配置里的设置）
help-config-lang = 提示和文档的语言（默认：配置里的 `lang`，否则看环境变量：LC_ALL、LC_MESSAGES 或 LANG 以 `zh` 开头即为中文）
help-diff-about = 比较一份计划书的两个版本：关键数字，以及新增、已修复、未变的问题
help-diff-paths = 旧版和新版计划书文件；加 --git 时，是要与 REV 版本比较的计划书文件或目录
help-diff-git = 从这个 git 版本取旧版（`git show REV:PATH`）；在那个版本里不存在的计划书，问题全算新增
help-diff-format = 输出格式
help-diff-output = 把报告写到 FILE 而不是标准输出（原子写入；`-` 是标准输出）
help-diff-fail-on = 新增问题达到这个严重级别时退出码为 1 [默认：error，或配置里的 fail-on]
help-diff-config = 使用这个配置文件，而不是自动查找 planlint.toml
help-diff-isolated = 不使用任何配置文件
help-diff-preset = 阈值预设（覆盖配置里的设置）
help-diff-lang = 提示和文档的语言（默认：配置里的 `lang`，否则看环境变量：LC_ALL、LC_MESSAGES 或 LANG 以 `zh` 开头即为中文）
help-planlint-fix = 把安全的修复应用到计划书文件（原地、原子写入；标准输入的修复结果写到标准输出），然后报告剩下的问题
help-planlint-unsafe-fixes = 配合 --fix 或 --diff，连不安全的修复也应用（会改变计划书所描述的生意本身，或改动通过 YAML 锚点共享的值）
help-planlint-diff = 把修复打印成统一 diff 格式，不写任何文件；有内容要改时退出码为 1
help-server-about = 运行语言服务器（通过标准输入输出的 LSP），供编辑器使用
help-planlint-packs = 加载这个规则包里的规则（可重复），在配置的 `packs` 之外
help-rules-config = 使用这个配置文件，而不是自动查找 planlint.toml
help-rules-isolated = 不使用任何配置文件
help-rules-preset = 阈值预设（覆盖配置里的设置）
help-rules-packs = 加载这个规则包里的规则（可重复），在配置的 `packs` 之外
help-explain-packs = 加载这个规则包里的规则（可重复），在配置的 `packs` 之外
help-diff-packs = 加载这个规则包里的规则（可重复），在配置的 `packs` 之外
help-config-packs = 加载这个规则包里的规则（可重复），在配置的 `packs` 之外
help-pack-about = 测试规则包：`planlint pack test FILE...` 运行其中各条规则的示例
help-test-about = 运行每条规则的 `examples`（每个示例都并入一份能通过所有内置规则的计划书）：`fail` 示例必须触发该规则，`pass` 示例必须不触发
help-test-files = 要测试的规则包文件
help-test-config = 使用这个配置文件，而不是自动查找 planlint.toml
help-test-isolated = 不使用任何配置文件
help-test-preset = 阈值预设（覆盖配置里的设置）
help-test-lang = 提示和文档的语言（默认：配置里的 `lang`，否则看环境变量：LC_ALL、LC_MESSAGES 或 LANG 以 `zh` 开头即为中文）
help-test-packs = 加载这个规则包里的规则（可重复），在配置的 `packs` 之外
help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-arguments = 参数
help-heading-options = 选项
help-heading-commands = 命令
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-subcommand-help = 显示本帮助，或指定子命令的帮助
help-default = [默认：{ $value }]
help-possible-values = [可选值：{ $values }]
