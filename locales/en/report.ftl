# Words of the reports themselves (the summary line, what was not checked).

report-errors = { $n ->
        [one] { $n } error
       *[other] { $n } errors
    }
report-warnings = { $n ->
        [one] { $n } warning
       *[other] { $n } warnings
    }
report-infos = { $n ->
        [one] { $n } info
       *[other] { $n } infos
    }
report-no-findings = no findings
report-list-separator = {", "}
report-summary = { $what } in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }
report-not-fully-checked = {"; "}{ $n ->
        [one] { $n } file
       *[other] { $n } files
    } not fully checked
report-rules = { $n ->
        [one] { $n } rule
       *[other] { $n } rules
    }
report-reason = { $reason ->
        [missing-input] missing input
        [invalid-value] invalid value
        [no-fx-rate] no exchange rate for the thresholds' currency
        [missing-currency] the plan names no currency
       *[not-parsed] the file could not be parsed
    }
report-reason-rules = { $reason }: { $rules }
report-group-separator = {"; "}
report-not-checked-rules = { $count } ({ $groups })
report-not-checked = { $file }: not checked: { $summary }
