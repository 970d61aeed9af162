# plan/: the format itself, reported while the plan is read.
# Shared pieces (`plan-found`, `plan-expected`, `plan-list`, ...) are referenced by the
# messages below and read the same arguments as the message that references them.

## A value as a message shows it: what kind of YAML value it is, or the text written
## (quoted, with its length when it was cut short).
plan-found = { $found ->
        [empty] an empty value
        [bool] a boolean
        [number] a number
        [text] text
        [list] a list
        [mapping] a mapping
        [empty-key] an empty key
        [list-of] a list of { $found_len }
       *[other] { $found }{ $found_len ->
            [0] {""}
           *[other] {" "}({ $found_len } characters)
        }
    }

plan-expected = { $expected ->
        [number] a number
        [whole] a whole number
        [money] an amount of money
        [percent] a percentage
        [list] a list
        [bool] true or false
        [multiple] a multiple
       *[text] text
    }

plan-plausible-noun = { $bounds ->
        [money] amount
        [number] number
        [count] count
        [multiple] multiple
       *[percent] percentage
    }

plan-plausible-accepted = { $bounds ->
        [money] an amount between 0.000001 and 1,000,000,000,000,000 (10^15), or 0
        [number] a number between 0.000000001 and 1,000,000,000,000,000 (10^15) in size, or 0
        [count] a whole number from 0 to 1,000,000,000,000,000 (10^15)
        [multiple] a multiple from 0 to 1,000,000x, such as `12x`
       *[percent] a percentage up to 100,000%, such as `72%`
    }

## `` `a`, `b` and `c` ``: the head is joined by the code, the last or the rest counted here.
plan-list = { $list_form ->
        [one] { $list_head }
        [and] { $list_head } and { $list_last }
       *[more] { $list_head } and { $list_more } more
    }

plan-did-you-mean = did you mean `{ $suggestion }`?

## plan/invalid-value

plan-invalid-value = invalid value

plan-wrong-type = `{ $key }` must be { plan-expected }, found { plan-found }
    .help = write { plan-expected }, for example `{ $key }: { $example }`

plan-full-width-colon = a full-width colon `：` is not a YAML key separator: write `:` followed by a space
    .label = full-width colon
    .help = write the key with an ASCII colon and a space, `acv: 84000`; YAML reads `acv：84000` as one text

plan-not-a-mapping = `{ $key }` must be a mapping of keys to values, found { plan-found }
    .help = write `key: value` lines indented under it; the sections are in docs/plan-format.md, and `planlint init` writes a plan that has them all

plan-not-a-mapping-top = the plan must be a mapping of keys to values, found { plan-found }

plan-complex-key = a key must be a word such as `acv`, found { plan-found }
    .label = not a key
    .help = write the key as plain text followed by `: ` and its value; the plan format has no list, mapping or empty keys

plan-implausible = `{ $key }` is { plan-found }, not a plausible { plan-plausible-noun }

plan-write-accepted = write { plan-plausible-accepted }

plan-comma-what = { $commas ->
        [one] the comma in { plan-found } is not a thousands separator
       *[many] the commas in { plan-found } do not group thousands
    }

plan-comma = `{ $key }`: { plan-comma-what }

plan-comma-help = write { $fix }: a point marks decimals, commas only group thousands

plan-not-finite = `{ $key }` is { plan-found }, { $why ->
        [nan] which is not a number
        [inf] which is infinite
       *[large] too large to read as a number
    }

plan-not-positive = `{ $key }` must be greater than zero, found { plan-found }
    .help = write a positive number

plan-unsupported-version = unsupported format version { $version }
    .help = this planlint reads format version { $supported }; write `planlint: { $supported }`

plan-not-a-year = `{ $key }` must be a year such as 2027, found { plan-found }
    .help = write the calendar year, for example `{ $key }: 2027`

plan-not-a-count = `{ $key }` must be a whole number of 0 or more, found { plan-found }
    .help = write a count such as `12`

plan-negative = `{ $key }` cannot be negative, found { plan-found }

plan-negative-percent-help = write a percentage of 0% or more

plan-negative-money-help = only `cash_end` and `net_burn` may go below zero

plan-not-a-percent = `{ $key }` must be a percentage, found { plan-found }
    .help = write it as `{ $key }: 72%` or as a fraction `0.72`

plan-above-100 = `{ $key }` is { $percent }, above 100%
    .help = { $bare ->
        [yes] a bare number is a fraction (0.72 = 72%); write `{ $key }: { $written }%` if you mean { $written }%
       *[no] this share cannot exceed 100%
    }

plan-other-currency = `{ $key }` is written in { $written }, but the plan's currency is { $currency }
    .help = write the amount in { $currency }, or set `currency: { $written }` for the whole plan

plan-money-error = { $problem ->
        [empty] the amount is empty
        [two-currencies] the amount names two currencies, { $first } and { $second }
        [too-large] { plan-found } is too large to be an amount
        [comma] { plan-comma-what }
       *[not-amount] { plan-found } is not an amount of money
    }

plan-not-money = `{ $key }`: { plan-money-error }
    .help = write a number with an optional suffix and currency: `120000`, `120k`, `1.2M`, `12万`, `1.2亿`, `¥120,000` or `120,000 CNY`

plan-not-in-enum = { plan-found } is not a valid `{ $key }`

plan-allowed = allowed: { $allowed }

plan-allowed-suggest = did you mean `{ $suggestion }`? allowed: { $allowed }

plan-not-a-range = `{ $key }` must be a range `[min, max]`, found { plan-found }
    .help = write two values, for example `{ $key }: [100, 2000]`

plan-reversed-range = `{ $key }` is reversed: its minimum is above its maximum
    .label = reversed range
    .help = write the smaller value first: `[min, max]`

plan-range-min = min

plan-range-max = max

plan-not-a-currency = `{ $code }` is not an ISO 4217 currency code

plan-currency-capitals = write the code in capitals: `currency: { $code }`

plan-currency-example = write an ISO 4217 code such as CNY, USD or EUR

plan-empty-file = the file holds no plan: it is empty or only comments
    .label = no plan here
    .help = write the plan's sections here; `planlint init` writes a starter plan

## plan/unknown-key, plan/duplicate-key

plan-unknown-key = unknown key `{ $key }` { $where ->
        [top] at the top level
       *[section] in `{ $section }`
    }
    .label = not a key of the plan format

plan-unknown-key-remove = remove it

plan-unknown-key-known = known keys here: { $keys }

plan-duplicate-key = `{ $key }` appears twice in this mapping
    .label = defined again here (this value is used)
    .help = keep one `{ $key }` and delete the other; YAML keys must be unique

plan-duplicate-key-first = first defined here

## plan/missing-currency, plan/inferred-currency

plan-inferred-currency = the plan names no `currency`; every amount that names one is in { $code }, so { $code } is taken as the plan's currency
    .label = in { $code }
    .help = add `currency: { $code }` at the top of the plan to say so

plan-missing-currency = the plan names no `currency` and no amount names one: the money rules cannot compare its amounts with their thresholds, so they did not run
    .label = no `currency` in this plan
    .help = add the ISO 4217 code of the plan's amounts at the top, e.g. `currency: CNY` or `currency: USD`

plan-several-currencies = the plan names no `currency` and its amounts name several ({ $codes }): the money rules did not run
    .help = add `currency: { $code }` (or the code the plan is kept in) at the top, and write every amount in it

## plan/syntax. A `parser` detail is the YAML parser's own words, in English.

plan-syntax = invalid YAML: { plan-syntax-detail }
    .label = { $problem ->
        [parser] { $detail }
       *[other] { plan-syntax-detail }
    }
    .help = { $tab ->
        [yes] YAML does not allow tabs for indentation: indent with spaces
       *[no] fix the YAML syntax here; the rest of the file is checked once it parses
    }

plan-syntax-detail = { $problem ->
        [too-costly] the YAML parser refused the file as too costly to read
        [merge] a merge key `<<` takes a mapping or a list of mappings
        [merge-found] a merge key `<<` takes a mapping or a list of mappings, found { plan-found }
        [merge-in-list] a merge key `<<` takes a mapping or a list of mappings, found a list holding { plan-found }
        [tab] a tab indents this line; YAML indents with spaces only
        [full-width-colon] { plan-full-width-colon }
       *[parser] { $detail }
    }

plan-not-utf8 = the file is not valid UTF-8: byte 0x{ $byte } at offset { $offset }
    .label = invalid UTF-8 starts here
    .help = save the plan as UTF-8 (most editors: File › Save with Encoding › UTF-8)

## plan/limit

plan-limit = { $what ->
        [depth] the plan nests deeper than { $n } levels
        [nodes] the plan has more than { $n } YAML nodes
        [anchors] the plan has more than { $n } anchors (`&name`)
        [merge-keys] the plan has more than { $n } merge keys (`<<`)
        [aliases] the plan uses more than { $n } aliases (`*name`)
        [anchor-events] anchors (`&name`) record more than { $n } YAML events
        [bytes] aliases expand the plan's text to more than { $n } bytes
        [documents] the file holds more than { $n } YAML documents (separated by `---`)
        [alias-depth] aliases nest deeper than { $n } levels
        [alias-expansion] aliases expand to more than { $n } YAML events (an alias bomb?)
       *[file-size] the file is larger than { $n } bytes
    } (limit `{ $limit }` = { $value })
    .label = the limit is reached here
    .help =
        if this is a real plan, raise it in planlint.toml: `[limits]
        { $limit } = <higher>`

## plan/missing-input

plan-missing-input = `{ $principle }` cannot be fully checked: { plan-list } { $paths ->
        [one] is
       *[other] are
    } missing, so { $ran ->
        [none] none of its { $total } rules ran
       *[some] { $skipped } of its { $total } rules did not run
    } ({ $names })
    .help = add the missing values (see `planlint explain { $principle }`); while the plan is a draft, `"plan/missing-input" = "warning"` under `[rules]` in planlint.toml lets it pass the gate

plan-missing-input-here = missing here: { plan-list }

plan-missing-input-no-section = this plan has no { plan-list }

## plan/unused-suppression

plan-suppression-no-rule = this suppression names no rule
    .label = names no rule
    .help = name the rules it silences: `# planlint-disable-line large-customers/churn-ceiling -- reason`

plan-suppression-unknown = `{ $selector }` in this suppression names no rule
    .label = no such rule

plan-suppression-list-rules = `planlint rules` lists every rule id

plan-suppression-unused = the suppression of `{ $selector }` silenced nothing
    .label = suppresses nothing
    .help = remove it: the finding it was written for is gone, and a stale suppression would hide the next one

## plan/no-fx-rate

plan-no-fx-rate = the plan is in { $plan_currency } but the thresholds are in { $threshold_currency }, and no exchange rate is configured
    .label = { $plan_currency } has no rate
    .help = add a rate to planlint.toml: `[fx]` with `{ $plan_currency } = <{ $threshold_currency } per { $plan_currency }>`; until then the rules with money thresholds do not run for this file

plan-no-fx-rate-preset = set `preset = "{ $preset }"` in planlint.toml (thresholds in { $plan_currency }), or add a rate to planlint.toml: `[fx]` with `{ $plan_currency } = <{ $threshold_currency } per { $plan_currency }>`; until then the rules with money thresholds do not run for this file

## plan/rule-error

plan-rule-error = the expression of `{ $rule }` failed on this plan: { $error }
    .label = `{ $rule }` failed here
    .help = fix the value, or guard the expression of `{ $rule }` in its pack (`has(…)`, a check before a division); the other rules still ran
