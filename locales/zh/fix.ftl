# 修复的标题。$changes：写入的内容，如 `ltv: 60万`（由 planlint 填入）。

fix-computed = 写入计算值 { $changes }
fix-change = 修改为 { $changes }
fix-keep-first = 只保留前 { $n } 个行业
fix-rename-key = 将 `{ $key }` 改名为 `{ $suggestion }`
fix-replace-word = 将 `{ $word }` 改为 `{ $suggestion }`
fix-percent = 写作 { $changes }
fix-remove-suppression = 删除未起作用的抑制 `{ $selector }`
fix-replace-selector = 将 `{ $selector }` 改为 `{ $suggestion }`
fix-defined-at = 该值定义在第 { $line } 行的锚点 `{ $anchor }` 下：在那里修改会改变所有引用它的地方
