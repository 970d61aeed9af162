# Words of the HTML report (`--format html`) and of the figures planlint diff compares.

html-title = planlint report
html-generated = Written by planlint { $version }. Every value below comes from the plans; the thresholds are those in force for this run.
html-overview = Portfolio overview
html-plan = Plan
html-legend = ✓ pass (every rule of the principle ran; no error or warning) · ⚠ N warnings, no error · ✗ N errors (N counts the principle's findings) · — not checked (a rule of the principle did not run and nothing was found)
html-verdict = { $verdict ->
        [pass] pass
        [warn] warnings
        [fail] errors
       *[not-checked] not checked
    }
html-partly = partly not checked
html-scorecard = Scorecard
html-principle = Principle
html-figures = Key figures
html-figure = Figure
html-value = Value
html-acv = ACV
html-ltv = LTV
html-ltv-stated = LTV stated
html-ltv-computed = LTV computed
html-ltv-cac = LTV:CAC
html-churn = Revenue churn
html-payback = Payback
html-roi = ROI
html-cash-out = Cash-out year
html-growth = Growth { $year }
html-months = { $n } months
html-times = { $n }×
html-none = none
html-not-stated = —
html-findings = Findings
html-no-findings = No findings.
html-severity = { $severity ->
        [error] error
        [warning] warning
       *[info] info
    }
html-help = Help: { $help }
html-long-line = the line is too long to show
html-not-checked = Not checked: { $summary }
html-unparsed = No figures or charts: the file could not be read as a plan.
html-charts = Charts
html-chart-projections = Projections by year
html-chart-revenue = revenue
html-chart-burn = net burn
html-chart-cash = cash at year end
html-chart-old = old version (dashed)
html-chart-cash-out = cash runs out
html-chart-above-ceiling = growth above { $max }× a year
html-chart-unit = Unit economics against the thresholds in force
html-chart-ltv = LTV { $value } · floor { $limit }
html-chart-churn = revenue churn { $value } · ceiling { $limit }
html-chart-ltv-cac = LTV:CAC { $value } · minimum { $limit }
html-chart-payback = payback { $value } months · maximum { $limit }
html-chart-missing = { $what }: not in the plan
html-chart-pricing = Pricing tiers against the customer-size range (log scales)
html-chart-customer-revenue = customer annual revenue
html-chart-price = price a year
html-chart-target = target customers
html-chart-no-data = Not enough figures in the plan for this chart.
