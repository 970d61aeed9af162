# sales-motion/: principle 4, the sales motion follows the deal size.
# Every id starts with the principle; `.label` is the primary label, `.help` the help line.

# How the CAC payback is computed from its inputs.
sales-motion-payback-formula = CAC { $cac } / (ACV { $acv } / 12 × { $gm } gross margin)

# $source: stated (the plan's figure) or computed (from CAC, ACV and gross margin).
# $remedy: stated when the inputs already pay back in time (only the stated figure is off),
# else which ways to a shorter payback apply (sales-motion-payback-remedy).
sales-motion-payback-too-long = CAC payback is { $months } months { $source ->
        [stated] (stated)
       *[computed] ({ sales-motion-payback-formula })
    }; the principle asks for { $max } months or fewer
    .label = { $source ->
        [stated] payback { $months } months
       *[computed] CAC { $cac }
    }
    .help = { $remedy ->
        [stated] CAC, ACV and gross margin give { $computed } months: correct `cac_payback_months`, or the inputs if the stated figure is the true one
       *[other] bring CAC payback to { $max } months or fewer{ sales-motion-payback-remedy }; deal size decides the motion, so a cheaper motion (telesales, inside sales, conferences) also shortens payback
    }
# The ways that would bring the payback down, those the inputs allow.
sales-motion-payback-remedy = { $remedy ->
        [all] : cut CAC to at most { $max_cac }, raise ACV to at least { $min_acv }, or raise gross margin to at least { $min_gm }
        [cac_acv] : cut CAC to at most { $max_cac }, or raise ACV to at least { $min_acv }
        [gm] : raise gross margin to at least { $min_gm }
       *[none] {""}
    }
sales-motion-acv = ACV { $acv }
sales-motion-gross-margin = gross margin { $gm }

sales-motion-payback-mismatch = stated CAC payback of { $stated } months differs from the { $computed } months computed as { sales-motion-payback-formula }
    .label = stated: { $stated } months
    .help = write `cac_payback_months: { $computed }` or correct CAC, ACV or gross margin; the tolerance is { $tolerance } month
sales-motion-payback-mismatch-cac = CAC: { $cac }
sales-motion-payback-mismatch-acv = ACV: { $acv }
sales-motion-payback-mismatch-gross-margin = gross margin: { $gm }

# On a channel's smallest deal.
sales-motion-deals-from = deals from { $min }

sales-motion-field-sales-small-deals = the field-sales channel takes deals from { $min }, below the { $floor } where field sales pays for itself
    .help = start the field channel's deal size at { $floor } or more and leave smaller deals to inside sales or telesales
sales-motion-field-sales = field sales

# $motion: the channel's motion, or none when it states none. In the help, $target is the
# deal size the channel should start at: the ceiling, or the field-sales floor for a field channel.
sales-motion-small-deals-need-telesales = { $motion ->
        [none] a
       *[other] the { $motion }
    } channel takes deals from { $min }, below the { $ceiling } telesales ceiling, but no channel is telesales, inside_sales or self_serve
    .help = add a `telesales`, `inside_sales` or `self_serve` channel for deals under { $ceiling }, or raise this channel's deal size to { $target } or more

sales-motion-no-conference = no conference channel: the principle calls conference (event) selling the most cost-effective motion
    .label = no `conference` channel
    .help = add a channel such as `{"{"} motion: conference, deal_size: ["20k", "1M"], share: 15% {"}"}`: group demos, case sharing and customers on stage build trust and reach the decision makers at once
