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
report-paths = { $n ->
        [one] { $n } path
       *[other] { $n } paths
    }
report-reason-rules = { $reason }: { $rules }
report-group-separator = {"; "}
report-not-checked-rules = { $count } ({ $groups })
report-not-checked = { $file }: not checked: { $summary }

# The markdown scorecard.
report-md-title = planlint scorecard
report-md-plan = Plan
report-md-not-checked = not checked
report-md-partly = (partly not checked)
report-md-legend = ✅ pass (every rule of the principle ran; no error or warning) · ⚠️ N warnings, no error · ❌ N errors (N counts the principle's findings in that plan, listed below) · — not checked (a rule of the principle did not run on that plan and nothing was found; see below) · (partly not checked): findings, and a rule of the principle that did not run
report-md-rows-left-out = { $n } more plans are not in the table: the report is capped at { $max } bytes for a pull-request comment; `planlint --format json` lists them all.
report-md-findings = Findings
report-md-no-findings = No findings.
report-md-not-checked-heading = Not checked
report-md-left-out = { $findings ->
        [0] {""}
        [one] { $findings } finding
       *[other] { $findings } findings
    }{ $findings ->
        [0] {""}
       *[other] { $notes ->
            [0] {""}
           *[other] {" and "}
        }
    }{ $notes ->
        [0] {""}
        [one] { $notes } not-checked plan
       *[other] { $notes } not-checked plans
    } left out: the report is capped at { $max } bytes for a pull-request comment; `planlint --format json` lists them all.

report-help = help: { $help }
