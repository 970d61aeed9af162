### fields: what every key of the plan format means, one sentence each: what the field
### means for the business, its unit, an example. `planlint schema` gives each property
### its English sentence as `description`; `planlint server` shows it on hover in the
### configured language.
###
### An id is `fields-` and the key's YAML path, with `.` written `-` and each list entry
### (`[]`) as one more `-`: `unit_economics.acv` is `fields-unit_economics-acv`,
### `projections[].revenue` is `fields-projections--revenue` (see `model::describe`).

fields-planlint = Plan format version this file is written for; only 1 exists, and directory walks lint only files that have this key (planlint: 1).
fields-currency = ISO 4217 code of every amount in the plan, e.g. CNY or USD; when absent, the one currency the amounts name (¥, $, 120k USD) is used, else the money rules are not checked.

## company
fields-company = Who is making the plan: name, founding year, funding stage.
fields-company-name = The company's name, e.g. Lianheng Demand Cloud.
fields-company-founded = Calendar year the company was founded, e.g. 2022.
fields-company-stage = Funding stage of the company, e.g. series_a.
fields-company-platform_giant = True only for a platform-scale company that can acquire small customers at scale, which exempts it from the small-deals warning; e.g. false.

## market
fields-market = Principle 1: a precise portrait of the target customer (niche, industries, size, number of accounts).
fields-market-category = The product category you sell in, e.g. demand sensing for packaged-food processors.
fields-market-new_category = True when you are creating the category rather than entering an existing one; e.g. true.
fields-market-niche = The target niche in one sentence, e.g. mid-size packaged-food processors in East China.
fields-market-industries = Target industries, at most max_industries (2 by default), e.g. [packaged_food].
fields-market-regions = Target regions, e.g. [East China].
fields-market-customer_size = Size of the target customers, as ranges of employees and annual revenue.
fields-market-customer_size-employees = Range [min, max] of the target customers' employee count; max/min at most max_size_span (50); e.g. [100, 2000].
fields-market-customer_size-annual_revenue = Range [min, max] of the target customers' annual revenue, money in the plan's currency, e.g. ["50M", "2B"].
fields-market-accounts = How many companies the market holds: total and serviceable accounts.
fields-market-accounts-tam = Total addressable market as a number of target companies (not money), e.g. 30000.
fields-market-accounts-sam = Serviceable addressable market as a number of target companies you can reach, e.g. 6000.

## needs
fields-needs = Principle 1: the customer needs the product answers; one must be a must-have, hidden need with evidence.
fields-needs--statement = The need in one sentence, e.g. promo SKUs expire in channel; write-offs are 3-6% of sales.
fields-needs--must_have = True when the need is rigid: customers must solve it, not merely like to; e.g. true.
fields-needs--hidden = True when competitors overlook the need or do not believe in it; e.g. true.
fields-needs--evidence = What shows the need is real, e.g. 42 interviews, 9 paid pilots.

## value_chain
fields-value_chain = Principle 1: every party of the industry's value chain (upstream, midstream, downstream) and what it gains.
fields-value_chain--position = Where the party sits in the value chain, e.g. upstream.
fields-value_chain--who = Who the party is, e.g. ingredient suppliers.
fields-value_chain--benefit = Whether the party gains from the product; negative is an error; e.g. positive.
fields-value_chain--how = How the party gains, e.g. 8-week rolling forecast shared with them.

## value
fields-value = Principles 1 and 7: the value the customer gets, as a KPI before and after and in money a year.
fields-value-kind = Whether the product raises the customer's revenue, cuts its cost, or both; e.g. revenue.
fields-value-kpi = The customer metric the product moves, with its unit, e.g. planner hours per 100 SKUs per week.
fields-value-before = The KPI's value before the product, in the KPI's unit, e.g. 40.
fields-value-after = The KPI's value with the product, in the KPI's unit, e.g. 3.
fields-value-better = Which direction of the KPI is an improvement: lower or higher; e.g. lower.
fields-value-improvement = The improvement as a multiple, before/after when lower is better (after/before when higher is), at least min_improvement (10); e.g. 13.3x.
fields-value-annual_value_per_customer = Money one customer gains a year from the product, in the plan's currency, e.g. 1.9M.
fields-value-roi_multiple = The customer's return as a multiple: annual_value_per_customer / unit_economics.acv, at least min_roi (3); e.g. 15.8x.

## trust
fields-trust = Principle 2: why customers trust you: decision chain, expertise, staying power, references, third-party authority.
fields-trust-decision_chain = The people who decide a purchase at a customer and what each cares about; one must own the budget.
fields-trust-decision_chain--role = The decision maker's role at the customer, e.g. COO.
fields-trust-decision_chain--cares_about = What this person judges the purchase by, e.g. write-off rate.
fields-trust-decision_chain--budget_owner = True when this person owns the budget for the purchase; e.g. true.
fields-trust-expertise = Why the team are experts of this niche (a professional image), e.g. founders ran supply-chain planning at a top-3 dairy for 15 years.
fields-trust-staying_power = Why customers can count on you still being there (real strength), e.g. 30 months of runway.
fields-trust-reference_customers = Customers who vouch for you; a public one counts as a trust source.
fields-trust-reference_customers--name = The reference customer's name, e.g. Customer A.
fields-trust-reference_customers--public = True when the customer may be named publicly as a reference; e.g. true.
fields-trust-reference_customers--in_segment = True when the customer belongs to the target niche; e.g. true.
fields-trust-reference_customers--case_study = True when a published case study about this customer exists; e.g. true.
fields-trust-certifications = Certifications the company holds (third-party authority), e.g. [ISO 27001, MLPS level 3].
fields-trust-analyst_reports = Analyst or industry reports that name the company (third-party authority), e.g. [IDC China 2026 vendor mention].

## vision
fields-vision = Principle 2: where you take the industry, and a roadmap of at least min_roadmap_years (3) years.
fields-vision-industry_future = The industry's future as you see it, in one sentence, e.g. a closed planning loop from supplier to shelf.
fields-vision-partnership = How you work with customers as a partner, e.g. joint quarterly business reviews.
fields-vision-roadmap = The product roadmap, one entry per theme and year.
fields-vision-roadmap--year = Calendar year of the roadmap item, e.g. 2027.
fields-vision-roadmap--theme = What the roadmap item delivers, e.g. markdown pricing.
fields-vision-roadmap--value_kind = Whether the item raises the customer's revenue or cuts its cost; e.g. revenue.

## unit_economics
fields-unit_economics = Principles 3 and 4: what one customer is worth and costs to win.
fields-unit_economics-acv = Annual contract value: money one customer pays a year, in the plan's currency, e.g. 120k.
fields-unit_economics-gross_margin = Gross margin on the contract, a percentage from 0% to 100%, e.g. 72%.
fields-unit_economics-lifetime_years = Average customer lifetime in years, greater than zero, e.g. 5.
fields-unit_economics-ltv_basis = How LTV is computed: revenue (acv × lifetime, the default) or gross_margin (× gross margin too); e.g. revenue.
fields-unit_economics-ltv = Customer lifetime value as stated, money in the plan's currency, checked against acv × lifetime_years; e.g. 600k.
fields-unit_economics-cac = Customer acquisition cost: money spent to win one customer, in the plan's currency, e.g. 100k.
fields-unit_economics-cac_payback_months = Months of gross margin to earn back the CAC, as stated, checked against cac / (acv / 12 × gross_margin); e.g. 13.9.
fields-unit_economics-revenue_churn = Annual gross revenue churn, the share of revenue lost a year, at most 100% and may be negative; e.g. 8%.
fields-unit_economics-net_revenue_retention = Net revenue retention: revenue kept a year from existing customers with expansion, may exceed 100%; e.g. 115%.
fields-unit_economics-logo_churn = Annual share of customers lost, a percentage from 0% to 100%, e.g. 15%.

## sales
fields-sales = Principle 4: the sales channels; the motion must fit the deal size.
fields-sales-channels = The sales channels, one entry per motion.
fields-sales-channels--motion = How this channel sells, e.g. field.
fields-sales-channels--deal_size = Range [min, max] of the annual deal size this channel sells, money in the plan's currency, e.g. ["60k", "1M"].
fields-sales-channels--share = This channel's share of new sales, a percentage from 0% to 100%, e.g. 60%.

## product
fields-product = Principle 5: the product cycle of standardizing, customizing and standardizing again, and the services share.
fields-product-cycle = The phases of the product cycle, in order.
fields-product-cycle--phase = Whether this phase builds the standard product or customizes it for customers; e.g. standardize.
fields-product-cycle--period = When the phase happens, as text, e.g. 2026H1.
fields-product-cycle--scope = What the phase covers, e.g. SKU forecast core.
fields-product-cycle--modules = Modules built in this phase; a customized module must appear in a later standardize phase; e.g. [promo_planner].
fields-product-cycle--for_customers = Customers a customize phase is for, e.g. [Customer A].
fields-product-services_share = Services revenue as a share of subscription revenue, a percentage from 0% to 100%, at most max_services_share (20%); e.g. 14%.

## pricing
fields-pricing = Principle 6: a price that grows with the value the customer gets.
fields-pricing-model = The pricing model; flat is an error; e.g. platform_plus_usage.
fields-pricing-value_metric = What the price scales with, e.g. annual sell-in value under management.
fields-pricing-tiers = The price tiers, ordered from the smallest customer to the largest.
fields-pricing-tiers--name = The tier's name, e.g. Growth.
fields-pricing-tiers--customer_revenue = Range [min, max] of the annual revenue of the customers this tier is for, money in the plan's currency, e.g. ["200M", "800M"].
fields-pricing-tiers--price = The tier's annual price, money in the plan's currency, e.g. 120k.

## customer_success
fields-customer_success = Principle 8: a customer success team, apart from support, that measures customer outcomes.
fields-customer_success-team = True when there is a customer success team; e.g. true.
fields-customer_success-separate_from_support = True when customer success is a team of its own, apart from technical support; e.g. true.
fields-customer_success-headcount = Number of customer success managers, a whole number, e.g. 4.
fields-customer_success-accounts_per_csm = Customer accounts one customer success manager looks after, a whole number, e.g. 18.
fields-customer_success-practices = What customer success does, e.g. [onboarding to first value in 30 days, quarterly business review].
fields-customer_success-outcome_metrics = Customer outcomes customer success is measured by, e.g. [customer write-off rate].

## data
fields-data = Principle 9: how customer data is used, with consent and exit terms.
fields-data-uses_customer_data = True when the product uses customers' data; e.g. true.
fields-data-ai_features = Features built on customer data, e.g. [demand forecast model per customer].
fields-data-advantage = What the data gives you over competitors; e.g. scale.
fields-data-mechanism = How more customers or data make the product better; needed to claim network_effect; e.g. more SKUs seen improve cold-start forecasts.
fields-data-consent = How customers agree to their data being used; opt_in is required when uses_customer_data is true; e.g. opt_in.
fields-data-cross_customer_use = Whether one customer's data serves others; default_on is an error; e.g. opt_in_anonymized.
fields-data-principle = The data principle you commit to, e.g. the customer's own data serves the customer.
fields-data-residency = Where customer data is stored, e.g. CN.
fields-data-deletion_on_exit_days = Days after a customer leaves within which its data is deleted, a whole number, e.g. 30.

## projections
fields-projections = Principle 10: the yearly financial projection, one entry per year, in order.
fields-projections--year = Calendar year of the projection, e.g. 2027.
fields-projections--actual = True for a past year as reported, a fact rather than a plan: growth rules judge only the planned years; e.g. true.
fields-projections--revenue = Revenue of the year, money in the plan's currency, e.g. 14M.
fields-projections--customers = Paying customers at the end of the year, a whole number, e.g. 150.
fields-projections--new_customers = Customers won during the year, a whole number, e.g. 90.
fields-projections--headcount = Employees at the end of the year, a whole number, e.g. 90.
fields-projections--net_burn = Cash spent beyond what came in during the year, money in the plan's currency, negative when cash was generated; e.g. 18M.
fields-projections--raised = Money raised from investors during the year, in the plan's currency, e.g. 45M.
fields-projections--cash_end = Cash at the end of the year, money in the plan's currency, previous cash_end + raised − net_burn; e.g. 39M.
