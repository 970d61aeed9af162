# planlint 自己在 stderr 上说的话：一次运行的错误、建议和提示。

cli-error = planlint：错误：{ $message }
cli-help = 建议：{ $help }
cli-at-path = { $path }：{ $message }

cli-reason = { $why ->
        [directory] 是目录，不是文件
        [not-regular] 不是普通文件（而是 FIFO、套接字或设备）
        [too-large] 超过 { $n } 字节
        [not-utf8] 不是有效的 UTF-8（字节偏移 { $n }）
        [loop] 这里的符号链接指回了它的某个上级目录
        [not-found] 文件或目录不存在
        [permission-denied] 没有权限
        [is-a-directory] 是目录
        [not-a-directory] 路径中有一段不是目录
        [storage-full] 磁盘空间已满
        [read-only] 文件系统只读
        [already-exists] 已经存在
       *[io] { $os }
    }

## 输入。

cli-walk-error-help = 删除这个链接或无法读取的条目；其余文件已照常检查
cli-check-file-help = 确认这个文件可以读取
cli-check-path-help = 确认这个路径可以读取
cli-not-found-help = 检查路径；planlint 检查的是 *.plan.yaml 文件以及包含它们的目录
cli-permission-help = 让当前用户有权读取这个文件
cli-directory-help = 直接传入目录，planlint 会在其中查找计划文件
cli-not-regular-help = planlint 读取的是计划文件；要检查数据流，请用管道传给 `planlint -`
cli-outside-link = 是指向{ $exists ->
        [yes] {" "}{ $to }{" "}
       *[no] 一个不存在的目标
    }的符号链接，位于 { $root } 之外；未读取
    .help = --follow 只跟随指向被遍历目录内部的链接；要检查链接目标，请在命令行上直接写出它
cli-stdin = 无法读取标准输入：{ cli-reason }
    .help = 检查通过管道传给 planlint 的内容

## 规则选择。

cli-unknown-selector = `{ $selector }` 不是任何规则或原则；{ $suggested ->
        [yes] 您是不是要找 `{ $suggestion }`？
       *[no] 运行 `planlint rules` 查看所有规则 id
    }

## 基线。

cli-baseline-unreadable = 无法读取基线 { $path }：{ cli-reason }
cli-baseline-not-json = { $path }:{ $line }:{ $column }：不是 planlint 基线文件：{ $error }
cli-baseline-version = { $path }：不支持基线版本 { $version }；请用 --write-baseline 重新生成
cli-baseline-load-help = 检查 --baseline 给出的路径；基线用 --write-baseline FILE 生成
cli-write-baseline-stdout = --write-baseline 需要一个文件：标准输出留给报告
    .help = 给出文件名，例如 --write-baseline planlint-baseline.json
cli-baseline-dir = 无法写入基线 { $path }：无法访问其所在目录（{ cli-reason }）
    .help = 先创建这个目录，或换一个路径
cli-baseline-hidden = planlint：基线隐藏了 { $hidden } 条问题；{ $stale } 条基线记录已不再匹配（已过期）{ $stale ->
        [0] {""}
       *[other] ：用 --write-baseline 重写基线即可把它们清掉
    }
cli-baseline-not-written = 基线 { $path } 没有写入：{ $cause ->
        [unreadable] 有 { $n } 个输入无法读取
       *[no-plans] 没有检查任何计划
    }
    .help = 先修好上面列出的输入（或把它们排除在外），再重新生成基线；只覆盖部分计划的基线会丢掉其余计划的记录
cli-baseline-wrote = planlint：已把 { $files } 个文件中的 { $n } 条问题写入基线 { $path }

## 运行提示。

cli-skipped = planlint：跳过了 { $n } 个 YAML 文件：顶层没有 `planlint:` 键（若仍要检查，请在命令行上直接写出文件名）
cli-links-not-followed = planlint：有 { $n } 个符号链接未跟随（传入 --follow 可跟随仍在被遍历目录之内的链接）
cli-no-plans = 在 { $paths } 下没有找到计划文件
    .help = 检查路径；遍历目录时只查找顶层带 `planlint:` 键的 *.plan.yaml、*.plan.yml、plan.yaml 和 plan.yml 文件

## 输出。

cli-cannot-write = 无法把{ $what ->
        [report] 报告
        [baseline] 基线
        [plan] 修复后的计划
       *[starter] 起步计划
    }写入 { $path }：{ cli-reason }
cli-cannot-write-help = { $kind ->
        [no-dir] 先创建目录 { $dir }，或换一个路径
        [permission] 换一个当前用户有写权限的路径
        [directory] 请给出文件名，例如 { $path }/planlint-report.txt
        [full] 清理这块磁盘的空间，或写到别处
       *[other] 检查这个路径及其所在目录，或换一个路径
    }
cli-stdout = 无法把报告写到标准输出：{ cli-reason }
    .help = 检查标准输出去了哪里（磁盘满了？），或用 -o FILE 把报告写入文件
cli-output-clash = { $flag } { $path } 是{ $clash ->
        [input] 要检查的输入文件
        [config] 配置文件
       *[baseline] --baseline 读取的基线
    }：写到那里会覆盖它
    .help = 为 { $flag } 换一个文件
cli-output-same = -o { $report } 和 --write-baseline { $baseline } 是同一个文件：一个会覆盖另一个
    .help = 把报告和基线写到不同的文件

## planlint init。

cli-init-bad-currency = `{ $code }` 不是 ISO 4217 货币代码
    .help = 写三个字母的代码，例如 CNY、USD 或 EUR
cli-init-exists = { $path } 已经存在；planlint init 从不覆盖已有文件
    .help = 换一个文件名：`planlint init new.plan.yaml`
cli-init-raced = 无法写入 { $path }：文件已经存在
    .help = planlint init 从不覆盖已有文件；请换一个文件名
cli-init-wrote = planlint：已在 { $path } 写好一份以 { $currency } 计价的起步计划；填好后运行 `planlint{ $how } { $path }`
cli-init-preset-help = 要把 `{ $preset }` 设为默认，请在 planlint.toml 中写上 `preset = "{ $preset }"`
cli-init-fx-help = `{ $preset }` 预设的阈值以 { $preset_currency } 计价：请在 planlint.toml 的 `[fx]` 下为 { $currency } 添加汇率

## 修复（--fix、--diff）。

cli-fixed = planlint：已修复 { $path } 中的 { $n } 个问题
cli-fix-summary = planlint：在 { $files } 个文件中修复了 { $fixed } 个问题，还剩 { $remaining } 个{ $unsafe ->
        [0] {""}
       *[other] ；另有 { $unsafe } 个修复需加 --unsafe-fixes 才会应用
    }
cli-would-fix = planlint：{ $fixed ->
        [0] 没有可修复的问题
       *[other] 将在 { $files } 个文件中修复 { $fixed } 个问题
    }{ $unsafe ->
        [0] {""}
       *[other] ；另有 { $unsafe } 个需加 --unsafe-fixes
    }
cli-fix-link-outside = { $path } 是指向本目录树之外文件的符号链接：未修复
    .help = 请到目标文件所在的目录，对目标文件本身运行 --fix
cli-fix-changed = planlint 修复期间 { $path } 被改动了：未写入
    .help = 等没有别的程序在写这个文件时，再运行一次 planlint --fix
