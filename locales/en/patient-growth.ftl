# patient-growth/: principle 10, the enterprise market is slow, patient work.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

# How a projection entry is named: its year, or its position when it states none.
# `-year-name` names the one entry a finding is about; `-prev-name` and `-next-name` the
# earlier and the later entry of a pair. $*_kind: `year`, `position` or `unknown`.
patient-growth-year-name = { $year_kind ->
        [year] { $year }
        [position] projection entry { $year }
       *[unknown] a projection entry
    }
patient-growth-prev-name = { $prev_kind ->
        [year] { $prev }
        [position] projection entry { $prev }
       *[unknown] a projection entry
    }
patient-growth-next-name = { $next_kind ->
        [year] { $next }
        [position] projection entry { $next }
       *[unknown] a projection entry
    }

patient-growth-later-name = { $later_kind ->
        [year] { $later_year }
        [position] projection entry { $later_year }
       *[unknown] a projection entry
    }

# The earlier year's revenue, beside a change of revenue.
patient-growth-prev-revenue = { patient-growth-prev-name }: { $before }

# $gap: `years` when the two entries are more than a year apart.
patient-growth-hypergrowth = revenue grows { $gap ->
        [years] { $total }× over { $years } years, { $ratio }× a year,
       *[one-year] { $ratio }×
    } from { patient-growth-prev-name } ({ $before }) to { patient-growth-next-name } ({ $after }); the principle calls 2-3× a year a good pace for B2B, and asks for at most { $max }×
    .label = { patient-growth-next-name }: { $after }, { $ratio }× a year since { patient-growth-prev-name }
    .help = plan { patient-growth-next-name } revenue of at most { $most } ({ $max }× a year from { patient-growth-prev-name }){ $later ->
        [0] {""}
        [1] {" "}and { patient-growth-later-name } revenue of at most { $later_most }, which the cut would otherwise push over { $max }× a year,
       *[other] {" "}and the { $later } later years too, from { patient-growth-later-name } at { $later_most } or less, which the cut would otherwise push over { $max }× a year,
    } and spread the rest of the growth over more years, or show what makes this market grow faster than B2B usually does

# $tense: `past` for a reported year, `planned` for a projected one.
patient-growth-revenue-decline = revenue { $tense ->
        [past] fell
       *[planned] falls
    } { $fall } from { patient-growth-prev-name } ({ $before }) to { patient-growth-next-name } ({ $after }); the principle expects patient, compounding growth of 2-3× a year, and a shrinking top line means customers are leaving or paying less
    .label = { patient-growth-next-name }: { $after }, { $fall } below { patient-growth-prev-name }
    .help = say why revenue fell (churned customers, a product line dropped, a one-off year) and what turns it around: retention of the installed base first, then new customers

# $why: `runway` when the cut goes past $max× revenue ($limit) so that every year the cash
# it keeps is carried into lasts $months months, else `multiple`.
patient-growth-burn-multiple = { patient-growth-year-name } burns { $burn } on { $revenue } of revenue, { $multiple }× its revenue; the principle asks for patient growth the capital can last through, and a business that burns more than it earns at this stage depends on the next round
    .label = net burn { $burn }, { $multiple }× revenue
    .help = { $reported ->
        [yes] { patient-growth-year-name } is reported, so its burn stands: plan the years ahead to burn at most { $max }× their revenue, and show the revenue that will carry them
       *[no] bring { patient-growth-year-name }'s net burn to at most { $most } ({ $why ->
            [runway] { $max }× revenue is { $limit }, and every year's cash must still last { $months } months
           *[multiple] { $max }× revenue
        }), or show the revenue that will carry it
    }
patient-growth-burn-multiple-revenue = revenue { $revenue }

# $least = $cash + $short; $cut_kind: `cut` when cutting the burn by $cut passes too, else `none`.
patient-growth-short-runway = { patient-growth-year-name } ends with { $cash } of cash, { $runway } months at that year's net burn of { $burn }; the principle asks for capital that lasts through the slow years, at least { $months } months ahead
    .label = cash { $cash }: { $runway } months
    .help = end { patient-growth-year-name } with at least { $least } of cash (raise { $short } more by then){ $cut_kind ->
        [cut] , or cut its net burn by { $cut }: a lower burn needs less cash
       *[none] {""}
    }
patient-growth-short-runway-burn = net burn { $burn } a year

# $kind: `missing` when the plan has no `projections`, else `listed`; $count years are
# covered ($years, as written), the first being $first; $last is the last year to cover.
patient-growth-short-horizon = { $kind ->
        [missing] the plan has no `projections`
       *[listed] projections cover { $count ->
            [0] no year
            [one] { $count } year ({ $years })
           *[other] { $count } years ({ $years })
        }
    }; the principle expects 3-5 years of accumulation before real scale, so project at least { $min } years
    .label = { $kind ->
        [missing] no `projections` in this plan
       *[listed] { $count ->
            [0] no year
            [one] { $count } year ({ $years })
           *[other] { $count } years ({ $years })
        }
    }
    .help = { $count ->
        [0] add a `projections` list with one entry per year for at least { $min } years (year, revenue, customers, net_burn, raised, cash_end)
       *[other] add one `projections` entry per year from { $first } through at least { $last } (revenue, customers, net_burn, raised, cash_end for each)
    }

# $cut_kind as for short-runway; $runway: `yes` when $short is more than the shortfall, so
# that the cash also lasts $months months.
patient-growth-cash-out = { patient-growth-year-name } ends with { $cash } of cash: the plan runs out of money; the principle asks for patient capital that lasts through 3-5 years of accumulation
    .label = cash_end { $cash }
    .help = raise at least { $short } more by { patient-growth-year-name } (or earlier){ $cut_kind ->
        [cut] , or cut its net burn by { $cut }
       *[none] {""}
    }, so cash stays at or above zero{ $runway ->
        [yes] {" "}and lasts { $months } months
       *[no] {""}
    }

# $way: `write` (write the computed cash, $write), `raise` (also raise $raise in the later
# year named, the first the computed cash leaves out of cash or short of runway) or
# `short` (no raise can be written there); $runway: `yes` when that year needs runway,
# `no` when cash at or above zero.
patient-growth-cash-bridge = { patient-growth-next-name }: stated cash_end { $stated } differs from { $computed } computed as { patient-growth-prev-name } cash_end { $before } + raised { $raised } − net_burn { $burn }
    .label = stated: { $stated }
    .help = { $way ->
        [raise] write `cash_end: { $write }` for { patient-growth-next-name } and raise { $raise } more in { patient-growth-later-name } so its cash { $runway ->
                [yes] lasts { $months } months
               *[no] stays at or above zero
            }, or correct the inputs
        [short] the inputs give `cash_end: { $write }` for { patient-growth-next-name }, which leaves { patient-growth-later-name } { $runway ->
                [yes] short of { $months } months of cash
               *[no] out of cash
            }: correct the inputs, or raise more
       *[write] write `cash_end: { $write }` for { patient-growth-next-name } or correct the inputs
    }; the tolerance is { $tolerance }
patient-growth-cash-bridge-before = { patient-growth-prev-name } cash_end: { $before }
patient-growth-cash-bridge-raised = raised: { $raised }
patient-growth-cash-bridge-burn = net_burn: { $burn }
