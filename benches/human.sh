#!/usr/bin/env bash
# The human report against JSON on many findings far into one file (issue 11 item 8):
# miette's own `SourceCode` for `str` scanned from the start of the file for every
# snippet, so the human report took findings × offset. It must stay within 3× of JSON.
#
#   bash benches/human.sh                 # release build, the three cases of the issue
#   KEYS=20000 ROWS=4000 bash benches/human.sh
#
# Files go to target/bench/human/; the times (GNU time, one run each) to standard output.
# Never pass `-o /dev/null` to planlint (see run.sh): the reports go to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."

KEYS=${KEYS:-120000}      # unknown keys, one after the other
FAR=${FAR:-1000}          # unknown keys after COMMENT_MB of comments
COMMENT_MB=${COMMENT_MB:-9}
ROWS=${ROWS:-14000}       # projection rows, a cash-bridge finding each
DIR=target/bench/human
mkdir -p "$DIR"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release --locked --bin planlint
PL=target/release/planlint

# The clean plan up to its projections, then the case.
head_of_plan() { sed '/^projections:/,$d' fixtures/clean/lianheng.plan.yaml; }
{
    head_of_plan
    awk -v n="$KEYS" 'BEGIN { for (i = 0; i < n; i++) printf "unknown_key_%d: %d\n", i, i }'
} >"$DIR/keys.plan.yaml"
{
    head_of_plan
    awk -v mb="$COMMENT_MB" -v n="$FAR" 'BEGIN {
        line = "# "; for (i = 0; i < 76; i++) line = line "x"
        for (i = 0; i < mb * 1024 * 1024 / 79; i++) print line
        for (i = 0; i < n; i++) printf "unknown_key_%d: %d\n", i, i }'
} >"$DIR/comments.plan.yaml"
{
    head_of_plan
    echo "projections:"
    awk -v n="$ROWS" 'BEGIN { for (i = 0; i < n; i++)
        printf "  - { year: %d, revenue: 5M, customers: %d, new_customers: 40, headcount: 45, net_burn: 9M, raised: 0, cash_end: 12M }\n", 2026 + i % 250, 70 + i }'
} >"$DIR/rows.plan.yaml"

for case in keys comments rows; do
    for format in json human; do
        /usr/bin/time -f "$case $format: %e s, %M KB max RSS" \
            "$PL" --isolated --color never --format "$format" "$DIR/$case.plan.yaml" >/dev/null || true
    done
done
