# customer-success/: principle 8, customer success means understanding the customer.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

# $cause: what is false or missing (`no-section`, `team-false`, `team-missing`,
# `separate-false`, `separate-missing`).
customer-success-no-team = { $cause ->
        [no-section] the plan has no `customer_success` section: no customer success team is planned
        [team-false] the plan has no customer success team (`team: false`)
        [team-missing] `customer_success` does not say there is a team (`team` is missing)
        [separate-false] customer success is not separate from support (`separate_from_support: false`): it becomes after-sales work
       *[separate-missing] `customer_success` does not say the team is separate from support (`separate_from_support` is missing)
    }
    .label = { $cause ->
        [no-section] no `customer_success` section
        [team-missing] `team` missing
        [separate-missing] `separate_from_support` missing
       *[other] false
    }
    .help = set up a customer success team of its own (`team: true`, `separate_from_support: true`) that learns each customer's business and helps it get the most value, not only after-sales support or deployment

# $cause: `no-section`, `missing` (no `outcome_metrics`) or `empty`.
customer-success-no-outcome-metrics = { $cause ->
        [no-section] the plan has no `customer_success` section, so no customer outcome is measured
        [missing] `customer_success` lists no `outcome_metrics`: no customer outcome is measured
       *[empty] `outcome_metrics` is empty: no customer outcome is measured
    }
    .label = { $cause ->
        [no-section] no `customer_success` section
        [missing] no `outcome_metrics`
       *[empty] empty
    }
    .help = list the customer outcomes the team is measured on, e.g. `outcome_metrics: [customer write-off rate, planner hours saved]`: customer success is the customer's results, not features shipped

# $year_known: `yes` when the first projection entry states its $year.
# $per_csm_zero: `yes` when no account is assigned to a CSM ($needed is then 0).
customer-success-under-covered = { $headcount } CSMs × { $per_csm } accounts each cover { $capacity } accounts, fewer than the { $customers } customers of { $year_known ->
        [yes] { $year }, the first projection year
       *[no] the first projection year
    }
    .label = { $per_csm } accounts per CSM
    .help = plan { $per_csm_zero ->
        [yes] a number of accounts per CSM above zero
       *[no] at least { $needed } CSMs at { $per_csm } accounts each
    }, or show how each CSM can cover { $more_known ->
        [yes] { $more } accounts
       *[no] more accounts
    }, so every customer has a CSM who knows its business ({ $short ->
        [one] { $short } account
       *[other] { $short } accounts
    } short)
customer-success-under-covered-headcount = { $headcount } CSMs
customer-success-under-covered-customers = { $customers } customers
