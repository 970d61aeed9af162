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
report-reason-rules = { $reason }：{ $rules }
report-group-separator = ；
report-not-checked-rules = { $count }（{ $groups }）
report-not-checked = { $file }：未检查 { $summary }
