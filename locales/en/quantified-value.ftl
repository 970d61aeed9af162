# quantified-value/: principle 7, the strongest reason to pay is a quantifiable business opportunity.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

quantified-value-unquantified = { $missing ->
        [section] the plan has no `value` section
        [both] `value` states neither `kpi` nor `annual_value_per_customer`
        [kpi] `value` states no `kpi`
       *[annual] `value` states no `annual_value_per_customer`
    }: the value to the customer is not quantified
    .label = { $missing ->
        [section] no `value` section
        [both] neither `kpi` nor `annual_value_per_customer` here
        [kpi] no `kpi` here
       *[annual] no `annual_value_per_customer` here
    }
    .help = name the KPI the product moves (`kpi: planner hours per 100 SKUs per week`) and what that is worth to one customer each year (`annual_value_per_customer: 1.9M`); an unquantified opportunity is hard to budget for

quantified-value-roi-mismatch = stated ROI { $stated }x differs from { $computed }x computed as annual value per customer { $annual } / ACV { $acv }
    .label = stated: { $stated }x
    .help = write `roi_multiple: { $computed }x` or correct the inputs; the tolerance is { $tolerance }

quantified-value-roi-mismatch-annual = annual value per customer: { $annual }

quantified-value-roi-mismatch-acv = ACV: { $acv }

quantified-value-low-roi = the customer's ROI is { $roi }x; the principle asks for at least { $min }x so the purchase is an easy budget decision
    .label = ROI { $roi }x
    .help = a customer should get at least { $min }x its price back each year: raise the value delivered{ $known ->
        [yes] {" "}to at least { $least } a year
       *[no] {""}
    } (and quantify it) or price lower

quantified-value-low-roi-computed = the customer's ROI is { $roi }x (annual value per customer { $annual } / ACV { $acv }); the principle asks for at least { $min }x so the purchase is an easy budget decision
    .label = annual value per customer { $annual }

quantified-value-low-roi-acv = ACV { $acv }

quantified-value-cost-only = the product only cuts cost, and { $roadmap ->
        [present] no roadmap item moves into revenue (`value_kind: revenue`)
       *[absent] there is no roadmap that moves into revenue
    }; the strongest budget is for revenue
    .label = cost only
    .help = plan the step from efficiency into revenue (as Salesforce did): add a `vision.roadmap` item with `value_kind: revenue`, or set `value.kind: both` if the product already grows revenue

quantified-value-cost-only-no-revenue-item = no item with `value_kind: revenue`

## quantified-value/vague-claim

quantified-value-vague-claim = "{ $words }" claims a change without saying how much
    .label = no number
    .help = say how much, before and after: `write-offs fall from 5% to 2% of sales`, `库存周转天数从 45 天降到 30 天`
