# `planlint rules`: the summary of each rule (`rules-<principle>-<name>`), and the words
# of `planlint explain` around the rule pages.

rules-customer-focus-missing-portrait = market.niche, market.industries or market.customer_size is missing
rules-customer-focus-broad-niche = too many industries, or an employee range that spans too wide a factor
rules-customer-focus-no-hidden-need = no need is must-have, hidden and backed by evidence
rules-customer-focus-value-chain-gap = value_chain does not cover upstream, midstream and downstream
rules-customer-focus-value-chain-harm = a value-chain party loses from adoption (benefit: negative)
rules-customer-focus-not-10x = the improvement multiple (stated or computed) is below the minimum
rules-customer-focus-improvement-mismatch = stated improvement disagrees with the one computed from before/after
rules-customer-success-no-team = no customer success team of its own, separate from support
rules-customer-success-no-outcome-metrics = customer success measures no customer outcomes
rules-customer-success-under-covered = headcount x accounts_per_csm is below the first projection year's customers
rules-data-consent-no-consent = customer data is used without opt-in consent
rules-data-consent-cross-customer-use = one customer's data serves others by default
rules-data-consent-no-exit-terms = customer data is used but deletion on exit or residency is not stated
rules-data-consent-unexplained-network-effect = a network-effect data advantage is claimed without a mechanism
rules-large-customers-ltv-floor = customer lifetime value (stated or computed) is below the floor
rules-large-customers-acv-floor = annual contract value is below min_ltv / lifetime_years
rules-large-customers-churn-ceiling = annual revenue churn is at or above the ceiling
rules-large-customers-ltv-cac-ratio = LTV / CAC is below the minimum
rules-large-customers-ltv-mismatch = stated LTV disagrees with acv x lifetime (x gross margin)
rules-large-customers-lifetime-vs-churn = lifetime_years is longer than churn allows (1 / churn)
rules-large-customers-small-deals = ACV is in telesales territory and the company is no platform giant
rules-large-customers-net-shrink = net revenue retention is below 100%: the installed base shrinks
rules-patient-growth-hypergrowth = revenue grows more than the maximum from one projection year to the next
rules-patient-growth-short-horizon = projections cover fewer years than the minimum
rules-patient-growth-cash-out = a projection year ends with negative cash
rules-patient-growth-cash-bridge = cash_end disagrees with previous cash_end + raised - net_burn
rules-patient-growth-revenue-decline = revenue falls from one year to the next by more than the allowance
rules-patient-growth-burn-multiple = a year's net burn is larger than its revenue (past the early years)
rules-patient-growth-short-runway = cash at year end covers less than the minimum months of that year's net burn
rules-plan-syntax = the file is not valid YAML
rules-plan-invalid-value = a value has the wrong type, an unknown enum word, an unparseable amount or a reversed range
rules-plan-unknown-key = a key the plan format does not define
rules-plan-duplicate-key = a key appears twice in one mapping
rules-plan-unused-suppression = a suppression comment that suppressed nothing
rules-plan-no-fx-rate = the plan's currency differs from the thresholds' and no exchange rate is configured
rules-plan-limit = the file exceeds a safety limit (size, nesting depth, nodes or alias expansion)
rules-plan-missing-input = a principle cannot be fully checked: values its rules need are missing
rules-plan-missing-currency = the plan names no currency and its amounts do not agree on one
rules-plan-inferred-currency = the plan names no currency; the one its amounts name is used
rules-plan-rule-error = a rule pack's expression failed on this plan
rules-product-cycle-no-cycle = product.cycle lacks a standardize or a customize phase
rules-product-cycle-custom-not-productized = a customize phase's module never appears in a later standardize phase
rules-product-cycle-services-heavy = services revenue is above the maximum share of subscription revenue
rules-quantified-value-unquantified = the value names no KPI or no annual value per customer
rules-quantified-value-roi-mismatch = stated roi_multiple disagrees with annual_value_per_customer / acv
rules-quantified-value-low-roi = the customer's ROI multiple (stated or computed) is below the minimum
rules-quantified-value-cost-only = the value is cost reduction only and no roadmap item moves into revenue
rules-quantified-value-vague-claim = a claim written with an intensifier and no number
rules-sales-motion-payback-too-long = CAC payback months (stated or computed) exceed the maximum
rules-sales-motion-payback-mismatch = stated CAC payback differs from cac / (acv / 12 x gross margin) by more than 1 month
rules-sales-motion-field-sales-small-deals = a field-sales channel's deal size starts below the field-sales floor
rules-sales-motion-small-deals-need-telesales = small deals but no telesales, inside-sales or self-serve channel
rules-sales-motion-no-conference = no conference (event) selling channel
rules-trust-vision-weak-trust = fewer of the four trust sources than required
rules-trust-vision-no-decision-chain = trust.decision_chain is missing or names no budget owner
rules-trust-vision-no-vision = vision.industry_future is missing, or the roadmap spans too few years
rules-value-pricing-flat-pricing = pricing is flat: a customer that grows still pays the same
rules-value-pricing-narrow-tier-span = highest tier price / lowest tier price is below the minimum span
rules-value-pricing-price-inversion = a tier for larger customers costs less than the tier before it
rules-value-pricing-no-value-metric = a tiered, usage or per-seat model names no value metric the price grows with

## Around the pages of `planlint explain`.

rules-severity = { $severity }
rules-explain-header = { $id }  ({ $principle } · default { $severity })
rules-severity-line = **Default severity:** { $severity }
rules-severity-line-thresholds = **Default severity:** { $severity } · **{ $count ->
        [1] Threshold
       *[other] Thresholds
    } in force:** { $shown } (preset `{ $preset }` and the configuration)
rules-threshold-value = `{ $name }` = { $value }
rules-list-separator = {", "}
rules-explain-no-section = rule `{ $id }` has no documentation section (a planlint bug)
rules-explain-unknown = no rule or principle named `{ $query }`; { $hint ->
        [one] did you mean `{ $suggestion }`?
        [many] did you mean one of { $suggestions }?
       *[none] run `planlint rules` to list them
    }
rules-explain-unknown-help = run `planlint rules` to list the rules and principles
rules-quoted = `{ $name }`
rules-table-footer = { $rules } rules in { $groups } groups; `planlint explain ID` tells more
