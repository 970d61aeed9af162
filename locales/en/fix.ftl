# Fix titles. $changes: the edits as written, e.g. `ltv: 60万` (filled in by planlint).

# A derived figure rewritten to the value its inputs give.
fix-computed = write the computed value { $changes }
# A change to the business the plan describes (unsafe: offered, applied only with --unsafe-fixes).
fix-change = change { $changes }
# Industries beyond the maximum removed from a list ($n: how many are kept).
fix-keep-first = keep only the first { $n ->
        [one] industry
       *[other] { $n } industries
    }
# A misspelt key.
fix-rename-key = rename `{ $key }` to `{ $suggestion }`
# A misspelt word of a list of allowed words.
fix-replace-word = replace `{ $word }` with `{ $suggestion }`
# A bare number in a percent field.
fix-percent = write { $changes }
# A suppression comment that silences nothing.
fix-remove-suppression = remove the unused suppression of `{ $selector }`
# A suppression naming an unknown rule.
fix-replace-selector = replace `{ $selector }` with `{ $suggestion }`
# The value is defined at an anchor ($anchor, e.g. `&base`) on $line and shared.
fix-defined-at = the value is defined at line { $line } under the anchor `{ $anchor }`: changing it there changes every place that uses it
