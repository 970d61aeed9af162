# Generated from the clap definitions in src/cli.rs (the English source) by
# `PLANLINT_WRITE_HELP=1 cargo test --lib cli`; a test fails when it drifts.
# locales/zh/help.ftl holds the Chinese.

help-planlint-about = Lint B2B business plans kept as YAML against ten principles of what makes a B2B business work
help-planlint-after =
    Examples:
      planlint plans/acme.plan.yaml
      planlint .                      lint every *.plan.yaml below here
      planlint --format json plan.yaml
      planlint explain large-customers/acv-floor

    Walking a directory lints the *.plan.yaml, *.plan.yml, plan.yaml and plan.yml files whose
    top level has a `planlint:` key (a line starting with `planlint:`); other files are skipped
    and counted on stderr. A file named on the command line is linted whatever it holds.
    Symbolic links are not followed when walking unless --follow.

    Exit codes: 0 no finding at the fail level, 1 findings, 2 planlint could not do its job
    (bad usage, an unreadable input or config, no plan found, a report it could not write).
    When standard output is closed early (`planlint . | head`), the report stops quietly and
    the exit code is that of the findings.
help-planlint-paths = Plan files or directories to lint; `-` reads standard input
help-planlint-format = Output format
help-planlint-output = Write the report to FILE instead of standard output (atomically; through a symbolic link to its target; `-` is standard output). FILE may not be an input, the config or the baseline
help-planlint-fail-on = Lowest severity that makes the exit code 1 [default: error, or the config's fail-on]
help-planlint-max-warnings = Exit 1 when there are more than N warnings
help-planlint-select = Rules to run: ids or principle prefixes such as `large-customers/`
help-planlint-ignore = Rules to skip: ids or principle prefixes
help-planlint-config = Use this config file instead of discovering planlint.toml
help-planlint-isolated = Use no config file
help-planlint-preset = Threshold preset (overrides the config's)
help-planlint-lang = Language of messages and pages (default: the config's `lang`, else the environment's: LC_ALL, LC_MESSAGES or LANG starting with `zh` is Chinese)
help-planlint-packs = Load the rules of this rule pack (repeatable), besides the config's `packs`
help-planlint-baseline = Hide the findings listed in this baseline file
help-planlint-write-baseline = Write the current findings to this baseline file (only when every input was read); prints a one-line summary instead of the findings
help-planlint-no-inline-suppressions = Ignore planlint-disable comments (for a central CI policy)
help-planlint-exit-zero = Always exit 0 unless planlint itself failed
help-planlint-color = When to use colours (NO_COLOR is honoured)
help-planlint-quiet = Print only findings and errors, no summary line
help-planlint-threads = Lint with N threads, 1 to 256 (a larger N is refused); 0 means the default [default: the number of cores]
help-planlint-follow = Follow symbolic links when walking directories; a link whose target lies outside the walked directory is then reported and not read
help-planlint-stdin-filename = Name for standard input in the output
help-planlint-fix = Apply the safe fixes to the plan files (in place, atomically; standard input's fixed text goes to standard output), then report what is left
help-planlint-unsafe-fixes = With --fix or --diff, apply the unsafe fixes too (changes to the business the plan describes, values shared through YAML anchors)
help-planlint-diff = Print the fixes as a unified diff and write nothing; exit 1 when something would change
help-rules-about = List every rule: id, principle, default severity, summary
help-rules-config = Use this config file instead of discovering planlint.toml
help-rules-isolated = Use no config file
help-rules-preset = Threshold preset (overrides the config's)
help-rules-lang = Language of messages and pages (default: the config's `lang`, else the environment's: LC_ALL, LC_MESSAGES or LANG starting with `zh` is Chinese)
help-rules-packs = Load the rules of this rule pack (repeatable), besides the config's `packs`
help-pack-about = Test rule packs: `planlint pack test FILE...` runs their rules' examples
help-test-about = Run every rule's `examples` (each merged into a plan that passes every built-in rule): a `fail` example must produce the rule's finding, a `pass` example must not
help-test-files = The pack files to test
help-test-config = Use this config file instead of discovering planlint.toml
help-test-isolated = Use no config file
help-test-preset = Threshold preset (overrides the config's)
help-test-lang = Language of messages and pages (default: the config's `lang`, else the environment's: LC_ALL, LC_MESSAGES or LANG starting with `zh` is Chinese)
help-test-packs = Load the rules of this rule pack (repeatable), besides the config's `packs`
help-explain-about = Explain a rule (its id) or a whole principle (its slug)
help-explain-rule = A rule id such as `large-customers/acv-floor`, or a principle such as `large-customers`
help-explain-config = Use this config file instead of discovering planlint.toml
help-explain-isolated = Use no config file
help-explain-preset = Threshold preset (overrides the config's)
help-explain-lang = Language of messages and pages (default: the config's `lang`, else the environment's: LC_ALL, LC_MESSAGES or LANG starting with `zh` is Chinese)
help-explain-packs = Load the rules of this rule pack (repeatable), besides the config's `packs`
help-init-about = Write a starter plan that passes every rule; never overwrites
help-init-file = Where to write it
help-init-preset = Write a plan that passes under this preset (in its currency)
help-init-currency = The plan's currency (ISO 4217); by default the preset's
help-schema-about = Print the JSON Schema (2020-12) of the plan format
help-completions-about = Print shell completions
help-diff-about = Compare two versions of a plan: key figures, findings new, fixed, unchanged
help-diff-paths = OLD and NEW plan files; with --git, the plan files or directories to compare with their versions at REV
help-diff-git = Take each old version from this git revision (`git show REV:PATH`); a plan that does not exist there is all new
help-diff-format = Output format
help-diff-output = Write the report to FILE instead of standard output (atomically; `-` is standard output)
help-diff-fail-on = Lowest severity of a new finding that makes the exit code 1 [default: error, or the config's fail-on]
help-diff-config = Use this config file instead of discovering planlint.toml
help-diff-isolated = Use no config file
help-diff-preset = Threshold preset (overrides the config's)
help-diff-lang = Language of messages and pages (default: the config's `lang`, else the environment's: LC_ALL, LC_MESSAGES or LANG starting with `zh` is Chinese)
help-diff-packs = Load the rules of this rule pack (repeatable), besides the config's `packs`
help-server-about = Run the language server (LSP over standard input and output) for editors
help-config-about = Print the effective configuration (for a plan file, with its overrides applied)
help-config-file = A plan file whose [[overrides]] to apply
help-config-config = Use this config file instead of discovering planlint.toml
help-config-isolated = Use no config file
help-config-preset = Threshold preset (overrides the config's)
help-config-lang = Language of messages and pages (default: the config's `lang`, else the environment's: LC_ALL, LC_MESSAGES or LANG starting with `zh` is Chinese)
help-config-packs = Load the rules of this rule pack (repeatable), besides the config's `packs`
help-template =
    {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-flag-help = Print help
help-flag-version = Print version
help-subcommand-help = Print this message or the help of the given subcommand(s)
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
