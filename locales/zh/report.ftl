# 报告本身的措辞（汇总行、未检查的规则）。

report-errors = { $n } 个错误
report-warnings = { $n } 个警告
report-infos = { $n } 条提示
report-no-findings = 没有发现问题
report-list-separator = 、
report-summary = { $what }，共 { $files } 个文件
report-not-fully-checked = ；{ $n } 个文件未完全检查
report-rules = { $n } 条规则
report-reason = { $reason ->
        [missing-input] 缺少输入
        [invalid-value] 值无效
        [no-fx-rate] 没有阈值币种的汇率
        [missing-currency] 计划没写币种
       *[not-parsed] 文件无法解析
    }
report-paths = { $n } 个路径
report-reason-rules = { $reason }：{ $rules }
report-group-separator = ；
report-not-checked-rules = { $count }（{ $groups }）
report-not-checked = { $file }：未检查 { $summary }

# Markdown 评分卡。
report-md-title = planlint 评分卡
report-md-plan = 计划
report-md-not-checked = 未检查
report-md-partly = （部分未检查）
report-md-legend = ✅ 通过（该原则的规则都已运行，没有错误或警告） · ⚠️ N 个警告，没有错误 · ❌ N 个错误（N 是该计划在该原则下的问题数，见下文） · — 未检查（该原则有规则没能在这份计划上运行，也没发现问题；见下文） · （部分未检查）：有问题，且该原则有规则没能运行
report-md-rows-left-out = 表中还有 { $n } 份计划未列出：为放进合并请求评论，报告上限为 { $max } 字节；`planlint --format json` 会全部列出。
report-md-findings = 问题
report-md-no-findings = 没有发现问题。
report-md-not-checked-heading = 未检查
report-md-left-out = 省略了{ $findings ->
        [0] {""}
       *[other] { $findings } 个问题
    }{ $findings ->
        [0] {""}
       *[other] { $notes ->
            [0] {""}
           *[other] 和
        }
    }{ $notes ->
        [0] {""}
       *[other] { $notes } 份未检查的计划
    }：为放进合并请求评论，报告上限为 { $max } 字节；`planlint --format json` 会全部列出。

report-help = 建议：{ $help }
