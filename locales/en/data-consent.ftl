# data-consent/: principle 9, data with consent.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

data-consent-uses-customer-data = uses customer data

data-consent-no-consent = the plan uses customer data with consent `{ $consent }`; the principle requires the customer's authorisation (`opt_in`) before its data is used
    .label = consent: { $consent }
    .help = set `data.consent: opt_in` and ask each customer to authorise the use of its data (in the contract or at onboarding); without it, do not use the data

data-consent-no-consent-missing = the plan uses customer data but states no `consent`; the principle requires the customer's authorisation (`opt_in`) before its data is used
    .label = no `consent` here

data-consent-cross-customer-use = one customer's data is used for other customers by default (`default_on`); the principle says the customer's own data serves the customer
    .label = cross_customer_use: default_on
    .help = set `data.cross_customer_use: opt_in_anonymized` (only customers who opt in, with anonymised data) or `none`

data-consent-no-exit-terms = the plan uses customer data but states { $missing ->
        [both] neither `deletion_on_exit_days` nor `residency`: a customer cannot see where its data is stored or when it is deleted after it leaves
        [deletion] no `deletion_on_exit_days`: a customer cannot see when its data is deleted after it leaves
       *[residency] no `residency`: a customer cannot see where its data is stored
    }
    .label = { $missing ->
        [both] neither `deletion_on_exit_days` nor `residency` here
        [deletion] no `deletion_on_exit_days` here
       *[residency] no `residency` here
    }
    .help = state the exit terms under `data`, e.g. { $missing ->
        [both] `deletion_on_exit_days: 30` (days until a leaving customer's data is deleted) and `residency: CN` (where the data is stored)
        [deletion] `deletion_on_exit_days: 30` (days until a leaving customer's data is deleted)
       *[residency] `residency: CN` (where the data is stored)
    }; the customer's data stays the customer's

data-consent-unexplained-network-effect = the plan claims a network-effect data advantage but gives no `mechanism`: how does one more customer make the product better for the others?
    .label = advantage: network_effect
    .help = add `data.mechanism` with one sentence on how more customers make the engine smarter (e.g. `more SKUs seen improve cold-start forecasts`), or claim `advantage: scale`
