# value-pricing/: principle 6, the price grows with the customer's own results.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

value-pricing-flat-pricing = pricing is flat: a customer that grows 100x still pays the same, a revenue ceiling the principle calls the worst model
    .label = flat pricing
    .help = price on a value metric that grows with the customer: `model: tiered`, `usage`, `revenue_share` or `platform_plus_usage`

value-pricing-no-value-metric = `pricing` is `{ $model }` but names no `value_metric`: the plan does not say what the price grows with
    .label = no `value_metric` for this model
    .help = add `value_metric:` naming what the price scales with, e.g. `annual sell-in value under management`, so a reviewer can see the price grow with the customer

value-pricing-no-value-metric-blank = `value_metric` is blank: the plan does not say what the price grows with
    .label = blank `value_metric`

# In the help, $tiers is one (a single tier: only new tiers can widen the span) or several.
value-pricing-narrow-tier-span = tier prices span only { $span }x (highest { $high } for { $high_kind ->
        [named] the { $high_tier } tier
       *[numbered] tier { $high_tier }
    } / lowest { $low } for { $low_kind ->
        [named] the { $low_tier } tier
       *[numbered] tier { $low_tier }
    }); the principle asks for at least { $min }x so the price grows with the customer
    .label = highest: { $high }
    .help = { $tiers ->
        [one] add tiers for larger customers so the top price reaches at least { $target } ({ $min }x the lowest { $low }); a customer 100x larger can pay far more
       *[several] raise the top price to at least { $target } ({ $min }x the lowest { $low }), or add tiers for larger customers that reach it; a customer 100x larger can pay far more
    }

value-pricing-narrow-tier-span-lowest = lowest: { $low }

value-pricing-narrow-tier-span-single = { $tier_kind ->
        [named] the { $tier } tier
       *[numbered] tier { $tier }
    } is the only price tier, at { $price }: every customer pays the same whatever its size; the principle asks the top price to be at least { $min }x the lowest
    .label = the only tier: { $price }

value-pricing-price-inversion = { $after_kind ->
        [named] the { $after_tier } tier
       *[numbered] tier { $after_tier }
    } costs { $after }, less than the { $before } of { $before_kind ->
        [named] the { $before_tier } tier
       *[numbered] tier { $before_tier }
    } before it, for smaller customers
    .label = after: { $after }
    .help = order `tiers` from the smallest customer to the largest and price each tier at least as high as the one before it (here at least { $before })

value-pricing-price-inversion-before = before: { $before }
