# What planlint itself says on stderr: errors, help lines and notes of a run.
# `cli-error` and `cli-help` frame every error (the help line is indented by the code).

cli-error = planlint: error: { $message }
cli-help = help: { $help }
cli-at-path = { $path }: { $message }

# Why a file could not be read or written. $why: `directory`, `not-regular`, `too-large`,
# `not-utf8`, `loop`, or the kind of an I/O error (`not-found`, `permission-denied`,
# `is-a-directory`, `not-a-directory`, `storage-full`, `read-only`, `already-exists`,
# `io`) whose operating system words are $os. $n: a byte count or offset.
cli-reason = { $why ->
        [directory] is a directory, not a file
        [not-regular] is not a regular file (a FIFO, socket or device)
        [too-large] is larger than { $n } bytes
        [not-utf8] is not valid UTF-8 (byte offset { $n })
        [loop] a symbolic link here leads back to one of its parent directories
       *[io] { $os }
    }

## Inputs.

cli-walk-error-help = remove the link or the unreadable entry; the other files were still linted
cli-check-file-help = check that the file can be read
cli-check-path-help = check that the path can be read
cli-not-found-help = check the path; planlint lints files and directories of *.plan.yaml
cli-permission-help = make the file readable by this user
cli-directory-help = pass the directory itself to walk it for plan files
cli-not-regular-help = planlint reads plan files; to lint a stream, pipe it to `planlint -`
# $exists: `yes` when the link's target exists ($to), else `no`.
cli-outside-link = is a symbolic link to { $exists ->
        [yes] { $to }
       *[no] a target that does not exist
    }, outside { $root }; not read
    .help = --follow follows links only inside the walked directory; name the target on the command line to lint it
cli-stdin = cannot read standard input: { cli-reason }
    .help = check what is piped into planlint

## Selection.

# $suggested: `yes` when there is a $suggestion.
cli-unknown-selector = `{ $selector }` names no rule or principle; { $suggested ->
        [yes] did you mean `{ $suggestion }`?
       *[no] run `planlint rules` to list the rule ids
    }

## Baselines.

cli-baseline-unreadable = cannot read the baseline { $path }: { cli-reason }
cli-baseline-not-json = { $path }:{ $line }:{ $column }: not a planlint baseline: { $error }
cli-baseline-version = { $path }: baseline version { $version } is not supported; rewrite it with --write-baseline
cli-baseline-load-help = check the path given to --baseline; write a baseline with --write-baseline FILE
cli-write-baseline-stdout = --write-baseline needs a file: standard output is for the report
    .help = name a file, e.g. --write-baseline planlint-baseline.json
cli-baseline-dir = cannot write the baseline { $path }: its directory: { cli-reason }
    .help = create the directory first, or choose another path
cli-baseline-hidden = planlint: { $hidden } { $hidden ->
        [one] finding
       *[other] findings
    } hidden by the baseline; { $stale } baseline { $stale ->
        [one] entry no longer matches
       *[other] entries no longer match
    } (stale){ $stale ->
        [0] {""}
       *[other] : rewrite it with --write-baseline to shrink it
    }
# $cause: `unreadable` ($n inputs could not be read) or `no-plans`.
cli-baseline-not-written = the baseline { $path } was not written: { $cause ->
        [unreadable] { $n } { $n ->
            [one] input
           *[other] inputs
        } could not be read
       *[no-plans] no plan was linted
    }
    .help = fix the inputs named above (or leave them out), then write the baseline again; a baseline of part of the plans would drop the rest
cli-baseline-wrote = planlint: wrote { $n } { $n ->
        [one] finding
       *[other] findings
    } in { $files } { $files ->
        [one] file
       *[other] files
    } to the baseline { $path }

## The run's notes.

cli-skipped = planlint: { $n } YAML { $n ->
        [one] file
       *[other] files
    } skipped: no top-level `planlint:` key (name a file on the command line to lint it anyway)
cli-links-not-followed = planlint: { $n } symbolic { $n ->
        [one] link
       *[other] links
    } not followed (pass --follow to follow links that stay inside the walked directory)
cli-no-plans = no plans found under { $paths }
    .help = check the paths; a directory is walked for *.plan.yaml, *.plan.yml, plan.yaml and plan.yml files with a top-level `planlint:` key

## Outputs. $what: `report`, `baseline` or `starter`.

cli-cannot-write = cannot write { $what ->
        [report] the report
        [baseline] the baseline
        [plan] the fixed plan
       *[starter] the starter plan
    } to { $path }: { cli-reason }
# $kind: `no-dir` ($dir is missing), `permission`, `directory`, `full` or `other`.
cli-cannot-write-help = { $kind ->
        [no-dir] create the directory { $dir } first, or choose another path
        [permission] choose a path this user can write to
        [directory] name a file, e.g. { $path }/planlint-report.txt
        [full] free some space on that disk, or write elsewhere
       *[other] check the path and its directory, or choose another path
    }
cli-stdout = cannot write the report to standard output: { cli-reason }
    .help = check where standard output goes (a full disk?), or write the report with -o FILE
# $clash: `input`, `config` or `baseline`.
cli-output-clash = { $flag } { $path } is { $clash ->
        [input] an input to lint
        [config] the config file
       *[baseline] the baseline read with --baseline
    }: writing there would replace it
    .help = choose another file for { $flag }
cli-output-same = -o { $report } and --write-baseline { $baseline } are the same file: one would replace the other
    .help = write the report and the baseline to different files

## planlint init.

cli-init-bad-currency = `{ $code }` is not an ISO 4217 currency code
    .help = write a three-letter code such as CNY, USD or EUR
cli-init-exists = { $path } already exists; planlint init never overwrites a file
    .help = choose another name: `planlint init new.plan.yaml`
cli-init-raced = cannot write { $path }: it already exists
    .help = planlint init never overwrites a file; choose another name
# $how: the options to repeat, with a leading space (` --preset us-saas`), or empty.
cli-init-wrote = planlint: wrote a starter plan in { $currency } to { $path }; fill it in, then run `planlint{ $how } { $path }`
cli-init-preset-help = to make `{ $preset }` the default, put `preset = "{ $preset }"` in planlint.toml
cli-init-fx-help = the `{ $preset }` thresholds are in { $preset_currency }: add a rate for { $currency } under `[fx]` in planlint.toml

## Fixes (--fix, --diff).

cli-fixed = planlint: fixed { $n } { $n ->
        [one] problem
       *[other] problems
    } in { $path }
# $unsafe: fixes left that only --unsafe-fixes applies.
cli-fix-summary = planlint: { $fixed } { $fixed ->
        [one] problem
       *[other] problems
    } fixed in { $files } { $files ->
        [one] file
       *[other] files
    }, { $remaining } left{ $unsafe ->
        [0] {""}
       *[other] {"; "}{ $unsafe } more { $unsafe ->
            [one] fix is
           *[other] fixes are
        } available with --unsafe-fixes
    }
cli-would-fix = planlint: { $fixed ->
        [0] nothing to fix
       *[other] { $fixed } { $fixed ->
            [one] problem
           *[other] problems
        } would be fixed in { $files } { $files ->
            [one] file
           *[other] files
        }
    }{ $unsafe ->
        [0] {""}
       *[other] {"; "}{ $unsafe } more with --unsafe-fixes
    }
cli-fix-link-outside = { $path } is a symbolic link to a file outside this directory tree: not fixed
    .help = run --fix on the link's target itself, from its own directory
cli-fix-changed = { $path } changed while planlint was fixing it: not written
    .help = run planlint --fix again once nothing else is writing the file
