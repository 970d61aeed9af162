# `planlint diff` 的用语：比较一份计划书的两个版本。

diff-title = planlint 版本对比
diff-summary = { $new } 个新发现，{ $fixed } 个已修复，{ $unchanged } 个未变，共 { $plans } 份计划书
diff-gate = { $n ->
        [0] 没有达到失败级别（{ $level }）的新发现
       *[other] { $n } 个新发现达到失败级别（{ $level }）
    }
diff-plan = { $file }（原为 { $old }）
diff-plan-new = { $file }（{ $rev } 中没有此文件：所有发现均为新发现）
diff-figure = 指标
diff-old = 旧
diff-new = 新
diff-points = { $n } 个百分点
diff-change = 变化
diff-unchanged-figure = =
diff-new-findings = 新发现（{ $n }）
diff-fixed-findings = 已修复（{ $n }）
diff-unchanged-findings = 未变（{ $n }）
diff-moved = 原在第 { $from } 行
diff-old-place = 位于旧版本
diff-no-figures = 无关键数字：两个版本都无法作为计划书读取。
diff-left-out = 另有 { $n } 个发现未列出：为适应拉取请求评论，报告上限为 { $max } 字节；`planlint diff --format json` 会列出全部。
diff-usage = planlint diff 需要两个计划书文件 OLD NEW，或 --git REV 加上要与之比较的计划书；收到了 { $n } 个路径
    .help = 运行 `planlint diff old.plan.yaml new.plan.yaml`，或 `planlint diff --git origin/main plans/`
diff-not-a-file = `{ $path }` 是目录：不带 --git 时，OLD 和 NEW 须为两个计划书文件
    .help = 指定两个文件，或将目录与某个版本比较：`planlint diff --git REV { $path }`
diff-no-git = 无法运行 git：{ $error }
    .help = 安装 git，或比较两个文件：`planlint diff OLD NEW`
diff-not-a-repo = { $path } 不在 git 仓库中：{ $error }
    .help = 请在存放计划书的仓库内运行 planlint diff --git
diff-bad-rev = `{ $rev }` 不是本仓库的版本
    .help = 请指定 `git rev-parse` 认得的分支、标签或提交，例如 `origin/main`（在浅克隆的 CI 中请先 fetch）
diff-outside-repo = `{ $path }` 位于 { $root } 的 git 仓库之外
    .help = 请指定仓库内的计划书；`git show REV:PATH` 只能读取仓库内的文件
diff-git-failed = git 无法读取 `{ $rev }:{ $path }`：{ $error }
    .help = 请确认该版本已 fetch，且该路径在其中是文件
