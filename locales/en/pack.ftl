## Rule packs (docs/packs.md): loading a pack, its errors, `planlint pack test`.

pack-unreadable = cannot read the rule pack { $path }: { cli-reason }
    .help = check the path in `packs` in planlint.toml or given to --pack
pack-yaml = invalid YAML in the rule pack: { plan-syntax-detail }
    .help = fix the YAML syntax here
pack-limit = the rule pack exceeds the safety limit `{ $limit }`
    .help = a pack is a few kilobytes of YAML: split it, or remove what makes it so large or so deeply nested
pack-empty = the rule pack is empty
    .help = write `pack: NAME` and `rules:` (see docs/packs.md)

# $where: top, rule or examples.
pack-unknown-field = unknown field `{ $field }` { $where ->
        [top] at the top of the pack
        [rule] in a rule
       *[examples] in `examples`
    }
    .help = { $suggested ->
        [yes] did you mean `{ $suggestion }`? The fields here are: { $known }
       *[no] the fields here are: { $known }
    }
pack-duplicate-field = `{ $field }` is written twice here
    .help = keep one of them
pack-missing-field = { $where ->
        [top] the pack has no `{ $field }`
       *[other] this rule has no `{ $field }`
    }
    .help = add `{ $field }:` (see docs/packs.md)
# $expected and $found: text, list, mapping, bool; $found may also be number, empty.
pack-wrong-type = `{ $field }` must be { $expected ->
        [list] a list
        [mapping] a mapping
        [bool] true or false
       *[text] text
    }, found { $found ->
        [list] a list
        [mapping] a mapping
        [bool] a boolean
        [number] a number
        [empty] nothing
       *[text] text
    }
    .help = write { $expected ->
        [list] a list (`[a, b]` or one `- item` per line)
        [mapping] a mapping (`key: value` lines)
        [bool] `true` or `false`
       *[text] text
    } here
pack-bad-name = `{ $name }` cannot name a pack
    .help = a pack name is lowercase letters, digits and `-`, at most 64 characters, such as `acme-ic`
pack-builtin-name = `{ $name }` is a principle of planlint's own rules
    .help = name the pack after its owner (`acme-ic`), so that its rule ids cannot be taken for built-in ones
pack-bad-id = the rule id `{ $id }` is not `{ $pack }/NAME`
    .help = every rule id starts with the pack's name and `/`, then lowercase letters, digits and `-`: `{ $pack }/min-gross-margin`
pack-duplicate-id = the rule id `{ $id }` is already taken
    .help = give the rule an id of its own: ids are how findings, `[rules]`, suppressions and baselines name a rule
pack-bad-severity = `{ $found }` is not a severity
    .help = write `error`, `warning` or `info`
pack-too-many-rules = the pack declares more than { $max } rules
    .help = split it into several packs
pack-bad-path = `{ $path }` is not a path into a plan
    .help = write keys separated by `.`, `[*]` after a list and `*` for every field: `projections[*].headcount`, `unit_economics.*`
pack-unknown-path = `{ $path }`: the plan format has no `{ $key }` here
    .help = { $suggested ->
        [yes] did you mean `{ $suggestion }`? The fields here are: { $known }
       *[no] the fields here are: { $known } (see docs/plan-format.md)
    }
pack-path-not-container = `{ $path }`: `{ $key }` follows a value that is not a list or a mapping
    .help = `[*]` goes after a list (`needs[*]`) and a key after a mapping (`unit_economics.acv`)
pack-cel-syntax = this CEL expression does not parse: { $detail }
    .help = fix the expression (CEL: https://cel.dev); a YAML value that starts with `!`, `{"{"}` or `[` must be quoted
pack-cel-type = this CEL expression does not fit the plan's types: { $detail }
    .help = check the names and types it uses: `value` is the value at `given`, `item` the mapping that holds it, `plan` the whole plan, `metrics` the derived values (docs/packs.md)
pack-cel-too-long = this CEL expression is longer than { $max } bytes
    .help = split the rule into several rules
pack-cel-too-deep = this CEL expression nests too deeply (more than { $max } list macros inside one another, or brackets 64 deep)
    .help = write a simpler expression, or split the rule
pack-regex = `{ $pattern }` is not a regular expression planlint accepts: { $detail }
    .help = fix the pattern (the syntax of the Rust `regex` crate, at most 1 MiB compiled)
pack-money-argument = `money()` takes one amount written as a string, such as `money("80k CNY")`
    .help = write the amount in the expression; to compare with a value of the plan, use the value itself
pack-money = `{ $text }` is not an amount
    .help = write an amount the way plans do: `80k CNY`, `1.2M USD`, `30万`
pack-unclosed-brace = a `{"{"}` here is not closed by `{"}"}`
    .help = close the expression with `{"}"}`, or write `{"{{"}` for a brace

## A rule's `required: true`.

pack-required-missing = `{ $path }` is missing, and `{ $given }` is required
    .label = `{ $path }` is missing here
    .help = add the value: this rule requires `{ $given }`

## planlint pack test

pack-test-pass = { $file }: { $n ->
        [one] 1 example
       *[other] { $n } examples
    } of { $rules ->
        [one] 1 rule
       *[other] { $rules } rules
    }, all as expected
pack-test-failed = { $file }: { $failed } of { $n } examples are not as expected
pack-test-fail-example = a `fail` example of `{ $rule }` produced no `{ $rule }` finding
    .label = expected a `{ $rule }` finding
    .help = fix the rule's `when`, or the example: a `fail` example must break the rule
pack-test-pass-example = a `pass` example of `{ $rule }` produced a `{ $rule }` finding: { $message }
    .label = expected no `{ $rule }` finding
    .help = fix the rule's `when`, or the example: a `pass` example must not break the rule
pack-test-not-checked = an example of `{ $rule }` left the rule not checked ({ $reason })
    .label = `{ $rule }` did not run
    .help = the example must give the value at the rule's `given` (it is merged into a plan that passes every built-in rule)
pack-test-bad-example = an example of `{ $rule }` is not a YAML mapping of plan sections
    .label = not a mapping
    .help = write the sections the example changes, such as `unit_economics: {"{"} gross_margin: 50% {"}"}`
pack-test-no-examples = { $file } has no examples
    .help = add `examples:` with `fail:` and `pass:` snippets to its rules (see docs/packs.md)
