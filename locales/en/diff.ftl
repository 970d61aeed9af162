# Words of `planlint diff`: two versions of a plan compared.

diff-title = planlint diff
diff-summary = { $new ->
        [one] { $new } new finding
       *[other] { $new } new findings
    }, { $fixed } fixed, { $unchanged } unchanged in { $plans ->
        [one] { $plans } plan
       *[other] { $plans } plans
    }
diff-gate = { $n ->
        [0] nothing new at the fail level ({ $level })
        [one] { $n } new finding at the fail level ({ $level })
       *[other] { $n } new findings at the fail level ({ $level })
    }
diff-plan = { $file } (was { $old })
diff-plan-new = { $file } (not at { $rev }: every finding is new)
diff-figure = Figure
diff-old = Old
diff-new = New
diff-points = { $n } pts
diff-change = Change
diff-unchanged-figure = =
diff-new-findings = New ({ $n })
diff-fixed-findings = Fixed ({ $n })
diff-unchanged-findings = Unchanged ({ $n })
diff-moved = moved from line { $from }
diff-old-place = in the old version
diff-no-figures = No figures: neither version could be read as a plan.
diff-left-out = { $n } more findings left out: the report is capped at { $max } bytes for a pull-request comment; `planlint diff --format json` lists them all.
diff-usage = planlint diff takes two plan files, OLD NEW, or --git REV and the plans to compare with it; it got { $n ->
        [one] { $n } path
       *[other] { $n } paths
    }
    .help = run `planlint diff old.plan.yaml new.plan.yaml`, or `planlint diff --git origin/main plans/`
diff-not-a-file = `{ $path }` is a directory: without --git, OLD and NEW are two plan files
    .help = name two files, or compare a directory with a revision: `planlint diff --git REV { $path }`
diff-no-git = could not run git: { $error }
    .help = install git, or compare two files: `planlint diff OLD NEW`
diff-not-a-repo = { $path } is not inside a git repository: { $error }
    .help = run planlint diff --git from inside the repository that holds the plans
diff-bad-rev = `{ $rev }` is not a revision of this repository
    .help = name a branch, a tag or a commit that `git rev-parse` knows, such as `origin/main` (fetch it first in a shallow CI checkout)
diff-outside-repo = `{ $path }` is outside the git repository at { $root }
    .help = name plans inside the repository; `git show REV:PATH` reads only its files
diff-git-failed = git could not read `{ $rev }:{ $path }`: { $error }
    .help = check that the revision is fetched and that the path is a file there
