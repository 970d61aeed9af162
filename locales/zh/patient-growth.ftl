# patient-growth/：原则十，企业级市场是慢活细活，需要积累、坚持和熬。
# 每个 id 以原则开头；`.label` 是主标注，`.help` 是修改建议。

# 一条预测怎么称呼：写了年份就用年份，没写就用它在列表里的位置。
# `-year-name` 指本条发现所说的那一条；`-prev-name`、`-next-name` 指相邻两条中的前一条和后一条。
# $*_kind：`year`、`position` 或 `unknown`。
patient-growth-year-name = { $year_kind ->
        [year] { $year }年
        [position] 第{ $year }条预测
       *[unknown] 某条预测
    }
patient-growth-prev-name = { $prev_kind ->
        [year] { $prev }年
        [position] 第{ $prev }条预测
       *[unknown] 某条预测
    }
patient-growth-later-name = { $later_kind ->
        [year] { $later_year }年
        [position] 第{ $later_year }条预测
       *[unknown] 某条预测
    }
patient-growth-next-name = { $next_kind ->
        [year] { $next }年
        [position] 第{ $next }条预测
       *[unknown] 某条预测
    }

# 收入变化旁边，前一年的收入。
patient-growth-prev-revenue = { patient-growth-prev-name }：{ $before }

# $gap：两条预测相隔不止一年时为 `years`。
patient-growth-hypergrowth = 收入从{ patient-growth-prev-name }的 { $before } 涨到{ patient-growth-next-name }的 { $after }，{ $gap ->
        [years] { $years }年间涨到{ $total }倍，相当于每年{ $ratio }倍
       *[one-year] 一年涨到{ $ratio }倍
    }；原则认为 toB 一年2-3倍的增长就是不错的速度，这里最多接受每年{ $max }倍
    .label = { patient-growth-next-name }：{ $after }，自{ patient-growth-prev-name }起每年{ $ratio }倍
    .help = 把{ patient-growth-next-name }的收入计划在 { $most } 以内（从{ patient-growth-prev-name }起每年最多{ $max }倍）{ $later ->
        [0] {""}
        [1] ，并把{ patient-growth-later-name }的收入计划在 { $later_most } 以内，否则削减后它会超过每年{ $max }倍
       *[other] ，之后的 { $later } 年也要相应削减，{ patient-growth-later-name }在 { $later_most } 以内，否则削减后它们会超过每年{ $max }倍
    }，其余的增长分摊到更多年份；或者说明这个市场凭什么比一般 toB 市场长得更快

# $tense：已发生的年份为 `past`，预测的年份为 `planned`。
patient-growth-revenue-decline = 收入从{ patient-growth-prev-name }的 { $before } { $tense ->
        [past] 降到了
       *[planned] 将降到
    }{ patient-growth-next-name }的 { $after }，下滑{ $fall }；原则期待的是耐心、复利式的增长，一年2-3倍，收入缩水说明客户在流失，或者付得更少了
    .label = { patient-growth-next-name }：{ $after }，比{ patient-growth-prev-name }低{ $fall }
    .help = 说明收入为什么下滑（客户流失、砍掉了一条产品线、一次性的年份），以及靠什么扭转：先守住存量客户，再拓展新客户

patient-growth-burn-multiple = { patient-growth-year-name }净烧钱 { $burn }，收入却只有 { $revenue }，烧掉的是收入的{ $multiple }倍；原则要的是资本撑得住的耐心增长，到了这个阶段还烧得比赚得多，就只能指望下一轮融资
    .label = 净烧钱 { $burn }，是收入的{ $multiple }倍
    .help = { $reported ->
        [yes] { patient-growth-year-name }是已发生的实际数，这笔烧钱已成定局：让之后各年的净烧钱不超过当年收入的{ $max }倍，并拿出能撑起这些开销的收入
       *[no] 把{ patient-growth-year-name }的净烧钱降到 { $most } 以内（{ $why ->
            [runway] 收入的{ $max }倍是 { $limit }，但每年的现金还得撑满{ $months }个月
           *[multiple] 收入的{ $max }倍
        }），或者拿出能撑起这笔开销的收入
    }
patient-growth-burn-multiple-revenue = 收入 { $revenue }

patient-growth-short-runway = { patient-growth-year-name }结束时现金 { $cash }，按当年 { $burn } 的净烧钱只够{ $runway }个月；原则要求资本撑得过慢慢积累的年头，至少留出{ $months }个月
    .label = 现金 { $cash }：够{ $runway }个月
    .help = { patient-growth-year-name }结束时至少留 { $least } 现金（到那时再多融 { $short }）{ $cut_kind ->
        [cut] ，或者把当年净烧钱削减 { $cut }：烧得少，需要的现金也少
       *[none] {""}
    }
patient-growth-short-runway-burn = 每年净烧钱 { $burn }

# $kind：计划没有 `projections` 时为 `missing`，否则为 `listed`；覆盖了 $count 个年份
# （$years，照计划原样），第一年是 $first；$last 是至少要覆盖到的年份。
patient-growth-short-horizon = { $kind ->
        [missing] 计划没有 `projections`
       *[listed] { $count ->
            [0] `projections` 没写任何年份
           *[other] `projections` 只覆盖{ $count }个年份（{ $years }）
        }
    }；原则认为没有3-5年的积累很难成大器，预测至少要做{ $min }年
    .label = { $kind ->
        [missing] 这份计划没有 `projections`
       *[listed] { $count ->
            [0] 没写年份
           *[other] { $count }个年份（{ $years }）
        }
    }
    .help = { $count ->
        [0] 加一个 `projections` 列表，每年一条，至少{ $min }年（year、revenue、customers、net_burn、raised、cash_end）
       *[other] 从{ $first }年到至少{ $last }年，每年写一条 `projections`（每条写 revenue、customers、net_burn、raised、cash_end）
    }

patient-growth-cash-out = { patient-growth-year-name }结束时现金为 { $cash }：计划里的钱花光了；原则要求耐心资本撑过3-5年的积累
    .label = 期末现金 { $cash }
    .help = 在{ patient-growth-year-name }（或更早）之前至少再融 { $short }{ $cut_kind ->
        [cut] ，或者把当年净烧钱削减 { $cut }
       *[none] {""}
    }，让现金始终不低于零{ $runway ->
        [yes] ，并撑满{ $months }个月
       *[no] {""}
    }

patient-growth-cash-bridge = { patient-growth-next-name }：写的 cash_end 是 { $stated }，但按{ patient-growth-prev-name }的 cash_end { $before } + 融资 { $raised } − 净烧钱 { $burn } 算出来是 { $computed }
    .label = 写的是 { $stated }
    .help = { $way ->
        [raise] 为{ patient-growth-next-name }写上 `cash_end: { $write }`，并在{ patient-growth-later-name }再多融 { $raise }，让那年的现金{ $runway ->
                [yes] 撑满{ $months }个月
               *[no] 不低于零
            }，或者修正这几项输入
        [short] 按这几项输入，{ patient-growth-next-name }的 `cash_end` 是 { $write }，这会让{ patient-growth-later-name }{ $runway ->
                [yes] 的现金撑不满{ $months }个月
               *[no] 的现金花光
            }：请修正这几项输入，或者多融资
       *[write] 为{ patient-growth-next-name }写上 `cash_end: { $write }`，或者修正这几项输入
    }；允许误差为{ $tolerance }
patient-growth-cash-bridge-before = { patient-growth-prev-name }的 cash_end：{ $before }
patient-growth-cash-bridge-raised = 融资：{ $raised }
patient-growth-cash-bridge-burn = 净烧钱：{ $burn }
