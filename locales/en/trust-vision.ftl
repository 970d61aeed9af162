# trust-vision/: principle 2, enterprise sales rest on trust and vision.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

trust-vision-no-section = no `{ $section }` section
trust-vision-no-key = no `{ $key }`

## The four trust sources, by key; lists come as a count and the keys `shown1`.., `absent1`..

trust-vision-shown-1 = { $shown1 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-shown-2 = { $shown2 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-shown-3 = { $shown3 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-shown-4 = { $shown4 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-shown-list = { $present ->
        [1] { trust-vision-shown-1 }
        [2] { trust-vision-shown-1 } and { trust-vision-shown-2 }
        [3] { trust-vision-shown-1 }, { trust-vision-shown-2 } and { trust-vision-shown-3 }
       *[other] { trust-vision-shown-1 }, { trust-vision-shown-2 }, { trust-vision-shown-3 } and { trust-vision-shown-4 }
    }
trust-vision-absent-1 = { $absent1 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-absent-2 = { $absent2 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-absent-3 = { $absent3 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-absent-4 = { $absent4 ->
        [expertise] expertise
        [staying_power] staying power
        [reference] a public reference customer
       *[authority] a certification or analyst report
    }
trust-vision-absent-list = { $absent ->
        [1] { trust-vision-absent-1 }
        [2] { trust-vision-absent-1 } and { trust-vision-absent-2 }
        [3] { trust-vision-absent-1 }, { trust-vision-absent-2 } and { trust-vision-absent-3 }
       *[other] { trust-vision-absent-1 }, { trust-vision-absent-2 }, { trust-vision-absent-3 } and { trust-vision-absent-4 }
    }

## Rules.

trust-vision-weak-trust = the plan shows { $present ->
        [0] none of the 4 trust sources
       *[other] { $present } of the 4 trust sources ({ trust-vision-shown-list })
    }; missing: { $absent ->
        [0] none that could be read
       *[other] { trust-vision-absent-list }
    }; the principle asks for at least { $min }
    .label = { $present } of 4 trust sources
    .help = answer the buyer's "why you?" under `trust`: `expertise` (why you are the expert of this niche), `staying_power` (why you will still be there), a `reference_customers` entry with `public: true`, and `certifications` or `analyst_reports`

trust-vision-no-decision-chain = { $kind ->
        [empty] the decision chain is empty; the principle asks the plan to know who decides, above all who owns the budget
        [unnamed] none of the { $people } people in the decision chain is marked `budget_owner: true`; the principle asks the plan to know who owns the budget
        [roles] the decision chain ({ $roles }) names no budget owner; the principle asks the plan to know who owns the budget
       *[missing] the plan has no decision chain; the principle asks the plan to know who decides, above all who owns the budget
    }
    .label = no `budget_owner: true`
    .help = list who decides under `trust.decision_chain`, what each cares about, and mark the one who holds the budget: `- {"{"} role: COO, cares_about: write-off rate, budget_owner: true {"}"}`

trust-vision-no-vision = the plan does not say where the industry is going (`vision.industry_future`); the principle asks for a vision that leads the customer's needs
    .help = write `vision.industry_future`: one sentence on where the customer's industry is heading and the part you play in it

trust-vision-no-roadmap = { $kind ->
        [missing] the plan has no roadmap
        [empty] the roadmap is empty
        [no-years] no roadmap entry names a year
       *[span] the roadmap spans { $span } { $span ->
            [1] year
           *[other] years
        } ({ $first }-{ $last })
    }; the principle asks for a vision of at least { $min } years
    .help = extend `vision.roadmap` to cover at least { $min } years, one entry per step: `- {"{"} year: 2028, theme: ... {"}"}`
trust-vision-roadmap-span = { $span } { $span ->
        [1] year
       *[other] years
    }
trust-vision-no-years = no years
