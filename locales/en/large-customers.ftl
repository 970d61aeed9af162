# large-customers/: principle 3, large customers are the best targets.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

# Labels several findings share.
large-customers-acv = ACV { $acv }
large-customers-lifetime = lifetime { $years } years
large-customers-gross-margin = gross margin { $gm }

# How a computed LTV was computed: `ACV 50,000 CNY × 5 years`, on the gross-margin basis
# `× 80% gross margin` too ($basis: revenue or gross_margin).
large-customers-ltv-formula = ACV { $acv } × { $years } years{ $basis ->
        [gross_margin] {" "}× { $gm } gross margin
       *[revenue] {""}
    }
# After an LTV: nothing when the plan states it ($basis: stated), else how it was computed.
large-customers-ltv-computed-as = { $basis ->
        [stated] {""}
       *[computed] {" "}({ large-customers-ltv-formula })
    }
# The label on the LTV a finding judges: the stated one, or the ACV it was computed from.
large-customers-ltv-source = { $basis ->
        [stated] LTV { $ltv }
       *[computed] ACV { $acv }
    }
large-customers-churn-kind = { $kind ->
        [logo] logo churn
       *[revenue] revenue churn
    }

# The help names the values its fixes write ($way: which ways passed this principle's
# rules; none when the inputs to compute them are missing).
large-customers-ltv-floor = LTV is { $ltv }{ large-customers-ltv-computed-as }, below the { $floor } floor
    .help = { $way ->
        [both] aim at larger customers (an ACV of at least { $acv }) or keep them longer (at least { $years } years), to an LTV of at least { $floor }
        [acv] aim at larger customers, with an ACV of at least { $acv }, to an LTV of at least { $floor }
        [acv_churn] aim at larger customers, with an ACV of at least { $acv }, to an LTV of at least { $floor }: keeping them longer would take { $years } years, more than churn allows
        [lifetime] keep customers longer, at least { $years } years, to an LTV of at least { $floor }
        [restate] the plan's own inputs give an LTV of { $computed }: state that (the floor is { $floor })
       *[none] aim at larger customers (a higher ACV) or keep them longer, to an LTV of at least { $floor }
    }

# $lifetime: stated, or assumed (the principles' default); $channel: the low-touch channel
# small deals are sold through, when the thresholds recognise that model, else none.
large-customers-acv-floor = ACV is { $acv }, below the { $floor } needed for an LTV of { $ltv } over { $years } years{ $lifetime ->
        [assumed] {" "}(assuming the principles' { $years }-year lifetime: the plan states none)
       *[stated] {""}
    }{ $channel ->
        [none] {""}
       *[other] ; the plan sells small deals through its `{ $channel }` channel, a recognised model under these thresholds
    }
    .help = { $lifetime ->
        [assumed] state `lifetime_years` (how long customers stay), or sell to larger customers so the ACV reaches { $floor }
       *[stated] sell to larger customers or a larger scope so the ACV reaches { $floor }
    }

# $kind: revenue, or logo when the plan states only logo churn.
large-customers-churn-ceiling = { $kind ->
        [logo] annual logo churn (the plan states no revenue churn)
       *[revenue] annual revenue churn
    } is { $churn }, at or above the { $ceiling } ceiling
    .label = churn { $churn }
    .help = { $way ->
        [fix] bring { large-customers-churn-kind } below { $ceiling }, to { $target } or less
       *[none] bring revenue churn below { $ceiling }
    }: re-check who this cohort was sold to and invest in customer success; the ideal is 0% or negative

large-customers-ltv-cac-ratio = LTV / CAC is { $ratio } (LTV { $ltv }{ large-customers-ltv-computed-as } / CAC { $cac }); the principle asks for at least { $min }
    .label = CAC { $cac }
    .help = keep CAC under 1/{ $min } of LTV: at most { $max_cac }

large-customers-ltv-mismatch = stated LTV { $stated } differs from { $computed } computed as { large-customers-ltv-formula }
    .label = stated: { $stated }
    .help = write `ltv: { $computed }` or correct the inputs; the tolerance is { $tolerance }{ $ltv_basis ->
        [revenue] {" "}(on the revenue basis; set `ltv_basis: gross_margin` if your LTV counts margin)
       *[gross_margin] {""}
    }
large-customers-ltv-mismatch-acv = ACV: { $acv }
large-customers-ltv-mismatch-lifetime = lifetime: { $years } years
large-customers-ltv-mismatch-gross-margin = gross margin: { $gm }

large-customers-lifetime-vs-churn = a { $years }-year customer lifetime is longer than { $churn } annual { large-customers-churn-kind } allows (1 / { $churn } = { $max } years)
    .help = { $way ->
        [both] lower `lifetime_years` to at most { $max }{ large-customers-lifetime-vs-churn-raise }, or show how { large-customers-churn-kind } will fall to { $target } or less
        [lifetime] lower `lifetime_years` to at most { $max }{ large-customers-lifetime-vs-churn-raise }
        [churn] show how { large-customers-churn-kind } will fall to { $target } or less
       *[none] lower `lifetime_years` to at most { $max } or show how churn will fall
    }
# When the shorter lifetime would fail a floor the plan passes now ($raise: yes), the ACV
# its fix raises with it.
large-customers-lifetime-vs-churn-raise = { $raise ->
        [yes] {" "}and raise ACV to { $acv } (the shorter lifetime needs it to keep this principle's LTV minimums)
       *[no] {""}
    }
large-customers-lifetime-vs-churn-churn = { large-customers-churn-kind } { $churn }

# $channel: the low-touch channel these small deals are sold through, when the thresholds
# recognise that model, else none.
large-customers-small-deals = ACV is { $acv }, below the { $ceiling } telesales ceiling{ $channel ->
        [none] : only platform giants can acquire customers this small at scale
       *[other] , sold through the plan's `{ $channel }` channel: a recognised model under these thresholds, if that channel's cost stays low
    }
    .help = { $channel ->
        [none] move up-market to larger customers, or set `company.platform_giant: true` if you truly are a platform-scale company
       *[other] keep the cost of acquiring these customers low: CAC well under a third of their LTV
    }

large-customers-net-shrink = net revenue retention is { $nrr }: the customers who stay spend less than those who leave took away, so revenue from the installed base shrinks; the principle asks for net churn of 0% or below (retention of at least { $min })
    .label = net retention { $nrr }
    .help = grow the accounts you keep (upsell with the customer's growth, pricing that scales with their size) until net retention is at least { $min }
