# `planlint server` 在编辑器里显示的文字。

server-suppress = 在这一行抑制 { $rule }（并写明理由）
server-suppress-reason = 理由
server-fix-all = 修复本文件所有安全的问题（{ $n } 处）
server-unsafe-fix = { $title }（不安全：会改变计划中的数字）
server-hover-field = `{ $field }`：{ $description }
server-hover-ltv = 计算得出的 LTV 为 { $ltv }（现行下限：{ $min }）
server-hover-payback = 计算得出的 CAC 回本周期为 { $months } 个月（最多 { $max } 个月）
server-hover-ltv-cac = LTV:CAC 为 { $ratio }（至少 { $min }）
server-hover-roi = 客户 ROI 为 { $roi } 倍（至少 { $min } 倍）
server-hover-improvement = 改进为 { $improvement } 倍（至少 { $min } 倍）
