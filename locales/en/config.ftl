# Problems in planlint.toml (or a file given to --config): shown into the file, or as a
# `planlint: error:` line when the file cannot be read.

config-here = here
config-unreadable = cannot read the config file { $path }: { cli-reason }
    .help = check the path given to --config, or pass --isolated to use no config
config-invalid-toml = invalid TOML: { $error }
    .help = fix the TOML syntax here

## What a value is. $type: the TOML type of what was written.

config-a-type = { $type ->
        [string] a string
        [integer] an integer
        [float] a float
        [boolean] a boolean
        [datetime] a date-time
        [array] an array
       *[table] a table
    }
# $found_kind: `number` ($found), `type` ($type), `float-overflow`, `int-overflow`,
# `not-amount` or `not-percent`.
config-found = { $found_kind ->
        [float-overflow] a number too large for a 64-bit float
        [int-overflow] an integer too large to read
        [not-amount] text that is not an amount
        [not-percent] text that is not a percentage
        [type] { config-a-type }
       *[number] { $found }
    }
# $expected: what the key takes.
config-expected = { $expected ->
        [overrides] an array of tables: [[overrides]]
        [table] a table
        [strings] an array of strings, for example ["archive/**"]
        [string] a string
       *[override-entry] a table with `files` and `rules`
    }

## Keys and values.

# $place: `top`, `thresholds`, `limits` or `overrides`. $known: the keys, joined.
config-unknown-key = unknown key `{ $key }` { $place ->
        [top] at the top level
        [thresholds] in [thresholds]
        [limits] in [limits]
       *[overrides] in [[overrides]]
    }
    .help = { $suggested ->
        [yes] did you mean `{ $suggestion }`? known keys: { $known }
       *[no] known keys: { $known }
    }
# $what: `preset`, `lang`, `fail-on` or `severity`.
config-unknown-value = unknown { $what ->
        [preset] preset
        [lang] lang
        [fail-on] fail-on level
       *[severity] severity
    } `{ $value }`
    .help = { $suggested ->
        [yes] did you mean `{ $suggestion }`? allowed: { $known }
       *[no] allowed: { $known }
    }
config-wrong-type = `{ $key }` must be { config-expected }, found { config-a-type }
    .help = write `{ $key }` as { config-expected }
config-not-string = `{ $key }` must be a string, found { config-a-type }
    .help = for example `{ $toml_key } = { $example }`
config-bad-glob = invalid glob `{ $glob }`: { $error }
    .help = see https://docs.rs/globset for the glob syntax
config-bad-globs = invalid globs in { $file }: { $error }
    .help = simplify the `exclude` and `files` globs; see https://docs.rs/globset for the syntax
config-unknown-rule = `{ $selector }` names no rule or principle
    .help = { $suggested ->
        [yes] did you mean `{ $suggestion }`? `planlint rules` lists every id
       *[no] `planlint rules` lists every id; a principle prefix ends with `/`
    }
config-override-no-files = an [[overrides]] entry has no `files`
    .help = add `files = ["legacy/**"]`: the globs it applies to, relative to this file

## Currencies and rates.

config-bad-currency = `{ $code }` is not an ISO 4217 currency code
    .help = write a three-letter code in capitals, such as USD
# $finite: `yes` when an infinite rate was written.
config-bad-rate = the rate for { $code } must be { $finite ->
        [yes] a finite number
       *[no] a number
    } from { $min } to { $max }, found { config-found }
    .help = write units of the thresholds' currency per { $code }, for example `{ $code } = 7.1`
# $cur: the threshold's currency; $currency: the preset's.
config-no-rate = `{ $name }` is in { $cur } but the `{ $preset }` preset's thresholds are in { $currency }, and [fx] has no rate for { $cur }
    .help =
        add `[fx]
        { $cur } = <{ $currency } per { $cur }>`, or write the amount in { $currency }
config-converted-too-large = `{ $name }` is { $converted } { $currency } at { $cur } = { $rate }, more than the { $max } { $currency } a money threshold can be
    .help = write a smaller amount, or check the rate for { $cur } in [fx]: it is { $currency } per { $cur }

## Thresholds. $unit: `money`, `percent` or `number`.

config-range = { $unit ->
        [money] an amount of money from 0 to { $max }
        [percent] a percentage from 0% to { $max }
       *[number] a number from 0 to { $max }
    }
config-bad-threshold = `{ $name }` must be { $finite ->
        [yes] a finite number: { config-range }
       *[no] { config-range }
    }, found { config-found }
    .help = { $unit ->
        [money] for example `{ $name } = "400k CNY"`; an amount without a currency is in the preset's
        [percent] for example `{ $name } = "{ $example }%"`, the article preset's value
       *[number] for example `{ $name } = { $example }`, the article preset's value
    }

## Limits. $why: `infinite`, `depth` (above the ceiling) or `range`.

config-limit-range = a whole number from 1 to { $max }
config-bad-limit = { $why ->
        [infinite] `{ $name }` must be a finite number: { config-limit-range }, found { config-found }
        [depth] `max_depth` can be at most { $max }: { config-limit-range }, found { config-found }
       *[range] `{ $name }` must be { config-limit-range }, found { config-found }
    }
    .help = { $why ->
        [depth] no plan nests that deep, and a deeper tree would risk the stack; the default is `{ $name } = { $default }`
       *[other] the default is `{ $name } = { $default }`
    }

config-pack-outside = the rule pack `{ $path }` lies outside the directory of planlint.toml
    .help = keep the pack in the repository next to planlint.toml (a symbolic link out of it is not followed), or name it on the command line with --pack
