# customer-focus/: principle 1, a precise picture of the target customer.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.
# Lists come as a count `n` and up to three words `a`, `b`, `c`, joined here.

customer-focus-no-section = no `{ $section }` section

## A list of value-chain positions (`upstream`, `midstream`, `downstream`), as words.

customer-focus-position-a = { $a }
customer-focus-position-b = { $b }
customer-focus-position-c = { $c }
customer-focus-positions-and = { $n ->
        [1] { customer-focus-position-a }
        [2] { customer-focus-position-a } and { customer-focus-position-b }
       *[other] { customer-focus-position-a }, { customer-focus-position-b } and { customer-focus-position-c }
    }
customer-focus-positions-or = { $n ->
        [1] { customer-focus-position-a }
        [2] { customer-focus-position-a } or { customer-focus-position-b }
       *[other] { customer-focus-position-a }, { customer-focus-position-b } or { customer-focus-position-c }
    }

## How an improvement is computed: `formula` is `lower` or `higher`.

customer-focus-formula = { $formula ->
        [lower] before { $before } / after { $after }
       *[higher] after { $after } / before { $before }
    }
customer-focus-lower-or-higher = { $formula ->
        [lower] lower is better
       *[higher] higher is better
    }
customer-focus-before = before: { $before }
customer-focus-after = after: { $after }
customer-focus-better = better: { $better }

## Rules.

customer-focus-missing-portrait = the customer portrait is incomplete: { $n ->
        [1] `market.{ $a }` is
        [2] `market.{ $a }` and `market.{ $b }` are
       *[other] `market.{ $a }`, `market.{ $b }` and `market.{ $c }` are
    } missing; the principle asks for a precise niche, its industries and the size of its customers
    .label = missing: { $n ->
        [1] { $a }
        [2] { $a }, { $b }
       *[other] { $a }, { $b }, { $c }
    }
    .help = describe the target customer under `market`: `niche:` in one sentence, `industries: [..]` (one or two), and `customer_size: {"{"} employees: [min, max] {"}"}`

customer-focus-broad-niche-industries = the plan targets { $count } industries; the principle asks for a focused niche of at most { $max }
    .label = industry { $index } of { $count }, beyond the { $max } allowed
    .help = start with the { $max } { $form ->
        [one] industry
       *[many] industries
    } where the need is sharpest and win there first; add others once the niche is won
customer-focus-industry-count = { $count } industries

customer-focus-broad-niche-size = the employee range { $min }-{ $max } spans a factor of { $span } (max { $max } / min { $min }); the principle asks for a focused size band of at most { $allowed }x
    .label = max: { $max } employees
    .help = narrow `customer_size.employees` so the largest target is at most { $allowed }x the smallest: for a minimum of { $min } employees, a maximum of { $limit } or fewer; or, for a maximum of { $max }, a minimum of { $least } or more
customer-focus-min-employees = min: { $min } employees

customer-focus-no-hidden-need = none of the { $needs } needs is at once must-have, hidden and backed by evidence ({ $must_have } must-have, { $hidden } hidden, { $evidenced } with evidence); the principle asks for a killer hidden need
    .label = no need with `must_have: true`, `hidden: true` and `evidence`
    .help = name the rigid need competitors overlook, with `must_have: true`, `hidden: true` and the `evidence` that it is real (interviews, paid pilots)
customer-focus-no-hidden-need-none = the plan names no customer need; the principle asks for a killer hidden need: must-have, overlooked by competitors, and backed by evidence
    .label = no needs listed

customer-focus-value-chain-gap = the value chain does not say how { customer-focus-positions-and } parties gain; the principle asks that upstream, midstream and downstream all gain from adoption
    .label = no { customer-focus-positions-or }
    .help = add a `value_chain` entry for { customer-focus-positions-and }: `- {"{"} position: { $a }, who: ..., benefit: positive, how: ... {"}"}`

customer-focus-party-position = { $position }
customer-focus-value-chain-harm = adoption leaves { $kind ->
        [who-position] { $who } ({ customer-focus-party-position })
        [who] { $who }
        [position] the { customer-focus-party-position } party
       *[none] a value-chain party
    } worse off (`benefit: negative`); the principle asks that every party in the chain gain, or the product is rejected like a transplanted organ
    .label = negative benefit
    .help = change the offer so this party gains too (share the forecast, the savings or the data with them), and say how in `how:`
customer-focus-who = who: { $who }

customer-focus-not-10x = the stated improvement is { $stated }x{ $formula ->
        [none] {""}
       *[other] {" "}({ customer-focus-formula })
    }; the principle asks for { $min }x or more: an optimisation of a few times is not enough
    .label = improvement { $stated }x
    .help = aim for an order-of-magnitude gain on `{ $has_kpi ->
        [yes] { $kpi }
       *[no] the value KPI
    }`: at least { $min }x{ $target ->
        [lower] {" "}(from { $from } to { $to } or less)
        [higher] {" "}(from { $from } to { $to } or more)
       *[none] {""}
    }; a gain of a few times will not win an enterprise budget, so look for the need where the product changes the order of magnitude
customer-focus-not-10x-computed = the improvement is { $computed }x{ $formula ->
        [none] {""}
       *[other] {" "}({ customer-focus-formula }, { customer-focus-lower-or-higher })
    }; the principle asks for { $min }x or more: an optimisation of a few times is not enough

customer-focus-improvement-mismatch = stated improvement { $stated }x differs from { $computed }x computed as { customer-focus-formula } ({ customer-focus-lower-or-higher })
    .label = stated: { $stated }x
    .help = write `improvement: { $computed }x` or correct `before`/`after`/`better`; the tolerance is { $tolerance }
