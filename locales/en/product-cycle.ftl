# product-cycle/: principle 5, standardise, customise, standardise again.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

product-cycle-no-cycle = { $missing ->
        [product] the plan has no `product.cycle`
        [cycle] `product` has no `cycle`
        [standardize] `product.cycle` has no `standardize` phase
        [customize] `product.cycle` has no `customize` phase
       *[both] `product.cycle` has neither a `standardize` nor a `customize` phase
    }: the principle asks to standardise, customise for the fast-growing customers, then standardise the custom modules again
    .label = { $missing ->
        [product] no `product` section
        [cycle] no `cycle`
        [standardize] no `standardize` phase
        [customize] no `customize` phase
       *[both] no `standardize` or `customize` phase
    }
    .help = describe the cycle in order, e.g. `- {"{"} phase: standardize, period: 2025, scope: core {"}"}`, `- {"{"} phase: customize, period: 2026H1, modules: [m], for_customers: [A] {"}"}`, `- {"{"} phase: standardize, period: 2026H2, modules: [m] {"}"}`

product-cycle-custom-not-productized = module `{ $module }`, built in the { $dated ->
        [yes] customize phase ({ $period })
       *[no] customize phase
    }, never appears in a later standardize phase
    .label = customised, never standardised
    .help = add a later `{"{"} phase: standardize, period: ..., modules: [{ $module }] {"}"}` that turns it into a standard module for the long tail, or drop it from the customize phase

product-cycle-customize-phase = { $dated ->
        [yes] customize phase ({ $period })
       *[no] customize phase
    }

product-cycle-services-heavy = services revenue is { $share } of subscription revenue, above the { $max } maximum: custom work is not being turned into product
    .label = services { $share }
    .help = bring services to { $max } or less of subscription revenue: standardise the modules customers keep asking for (a `standardize` phase) and charge the rest as one-off projects outside the plan's core
