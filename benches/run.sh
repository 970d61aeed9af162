#!/usr/bin/env bash
# planlint's benchmarks (issue 7); BENCHMARKS.md explains the method and the results.
#
#   bash benches/run.sh            # everything: planlint, the parse floor, memory, peers
#   PEERS=0 bash benches/run.sh    # without yamllint and Spectral
#   N=2000 RUNS=3 bash benches/run.sh
#
# Installs what it needs when it is missing (hyperfine and GNU time with apt-get,
# yamllint into target/bench-tools/venv with pip, Spectral into target/bench-tools with
# npm); nothing it downloads is committed. Results go to target/bench/results/ and a
# summary to standard output.
#
# Never pass `-o /dev/null` to planlint: -o writes atomically (a temporary file renamed
# over the target), which as root replaces the /dev/null device with a regular file.
# Reports here go to standard output, which hyperfine discards.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
SMALL=${SMALL:-1000}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
PEERS=${PEERS:-1}
BENCH=target/bench
TOOLS=target/bench-tools
OUT=$BENCH/results
TREE=$BENCH/plans$N
TREE_SMALL=$BENCH/plans$SMALL
PLAN=fixtures/clean/lianheng.plan.yaml
mkdir -p "$OUT" "$TOOLS"

say() { printf '\n== %s\n' "$*"; }

need_apt() {
    local bin=$1 pkg=$2
    if ! command -v "$bin" >/dev/null 2>&1; then
        say "installing $pkg (apt-get)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
    fi
}
need_apt hyperfine hyperfine
[ -x /usr/bin/time ] || need_apt /usr/bin/time time

say "machine"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory: $(free -g | awk '/^Mem:/{print $2}') GiB"
    echo "kernel: $(uname -r)"
    echo "rustc: $(rustc --version)"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

say "build (release)"
cargo build --release --locked --bin planlint --example gen_plans --example parse_floor
PL=target/release/planlint
GEN=target/release/examples/gen_plans
FLOOR=target/release/examples/parse_floor

say "generate $N and $SMALL plans (seed $SEED)"
for t in "$N:$TREE" "$SMALL:$TREE_SMALL"; do
    n=${t%%:*} dir=${t#*:}
    if [ ! -f "$dir/.done-$SEED" ]; then
        rm -rf "$dir"
        "$GEN" "$dir" "$n" "$SEED" | tee "$dir.txt"
        touch "$dir/.done-$SEED"
    else
        cat "$dir.txt"
    fi
done
# Warm the page cache so every tool reads from memory.
find "$TREE" "$TREE_SMALL" -name '*.plan.yaml' -exec cat {} + >/dev/null

say "(a) one plan, whole process: planlint $PLAN"
hyperfine -N --warmup 20 --runs 300 \
    --export-json "$OUT/a-one-plan.json" \
    "$PL --isolated $PLAN"

say "(b) $N plans, whole process, 1 thread and all ($(nproc))"
hyperfine -N -i --warmup 1 --runs "$RUNS" \
    --export-json "$OUT/b-tree.json" \
    -n "planlint -j 1" "$PL --isolated -j 1 --format json $TREE" \
    -n "planlint -j $(nproc)" "$PL --isolated -j $(nproc) --format json $TREE"

say "(c) the parse floor: the same files parsed to YAML events, one thread"
hyperfine -N --warmup 1 --runs "$RUNS" \
    --export-json "$OUT/c-floor.json" \
    -n "parse floor (events)" "$FLOOR events $TREE" \
    -n "YAML step to nodes" "$FLOOR nodes $TREE" \
    -n "lint in process" "$FLOOR lint $TREE"
for mode in events nodes lint; do "$FLOOR" "$mode" "$TREE"; done | tee "$OUT/c-stages.txt"

say "(d) peak memory (max RSS) of (b): $SMALL vs $N plans"
: >"$OUT/d-memory.txt"
for dir in "$TREE_SMALL" "$TREE"; do
    for format in human json; do
        for j in 1 "$(nproc)"; do
            /usr/bin/time -f "%M" -o "$OUT/rss.tmp" "$PL" --isolated -j "$j" --format "$format" "$dir" >/dev/null || true
            echo "$(basename "$dir") --format $format -j $j: $(tail -1 "$OUT/rss.tmp") KB" | tee -a "$OUT/d-memory.txt"
        done
    done
done
# Where it goes: linting alone, in process, dropping each report; keeping every report
# with its source text to the end (what run.rs does); keeping only each file's JSON.
for mode in lint keep compact; do
    for dir in "$TREE_SMALL" "$TREE"; do
        /usr/bin/time -f "%M" -o "$OUT/rss.tmp" "$FLOOR" "$mode" "$dir" >/dev/null
        echo "in process, $mode, $(basename "$dir"): $(tail -1 "$OUT/rss.tmp") KB" | tee -a "$OUT/d-memory.txt"
    done
done
# Every format on a tree twice the size (issue 15: at most 100 MB each, streamed).
BIG=${BIG:-20000}
TREE_BIG=$BENCH/plans$BIG
if [ "$BIG" != 0 ]; then
    if [ ! -f "$TREE_BIG/.done-$SEED" ]; then
        rm -rf "$TREE_BIG"
        "$GEN" "$TREE_BIG" "$BIG" "$SEED" | tee "$TREE_BIG.txt"
        touch "$TREE_BIG/.done-$SEED"
    fi
    for format in human json sarif gitlab github junit markdown; do
        /usr/bin/time -f "%M" -o "$OUT/rss.tmp" "$PL" --isolated -j "$(nproc)" --format "$format" "$TREE_BIG" >/dev/null || true
        echo "$(basename "$TREE_BIG") --format $format -j $(nproc): $(tail -1 "$OUT/rss.tmp") KB" | tee -a "$OUT/d-memory.txt"
    done
fi
rm -f "$OUT/rss.tmp"

if [ "$PEERS" = 1 ]; then
    say "peers: install"
    if [ ! -x "$TOOLS/venv/bin/yamllint" ]; then
        python3 -m venv "$TOOLS/venv"
        "$TOOLS/venv/bin/pip" install -q yamllint
    fi
    if [ ! -x "$TOOLS/node_modules/.bin/spectral" ]; then
        npm install --silent --no-audit --no-fund --prefix "$TOOLS" @stoplight/spectral-cli
    fi
    YL=$TOOLS/venv/bin/yamllint
    SP=$TOOLS/node_modules/.bin/spectral
    echo "yamllint: $($YL --version)" | tee -a "$OUT/machine.txt"
    echo "spectral: $($SP --version)" | tee -a "$OUT/machine.txt"

    # Both peers are single-threaded, so planlint -j 1 is the fair comparison; -j all is
    # what a CI user gets. Spectral is slow enough that one run is a measurement.
    say "peers: $SMALL plans (planlint -j 1, yamllint default config, Spectral 3 rules)"
    hyperfine -N -i --warmup 1 --runs 3 \
        --export-json "$OUT/peers-small.json" \
        -n "planlint -j 1" "$PL --isolated -j 1 --format json $TREE_SMALL" \
        -n "yamllint" "$YL -f parsable $TREE_SMALL" \
        -n "spectral" "$SP lint -q -f text -r benches/spectral/.spectral.yaml $TREE_SMALL/**/*.plan.yaml"

    say "peers: $N plans, one run each"
    hyperfine -N -i --runs 1 \
        --export-json "$OUT/peers-tree.json" \
        -n "yamllint" "$YL -f parsable $TREE" \
        -n "spectral" "$SP lint -q -f text -r benches/spectral/.spectral.yaml $TREE/**/*.plan.yaml"

    say "peers: one plan, whole process"
    hyperfine -N -i --warmup 3 --runs 20 \
        --export-json "$OUT/peers-one.json" \
        -n "planlint" "$PL --isolated $PLAN" \
        -n "yamllint" "$YL $PLAN" \
        -n "spectral" "$SP lint -q -r benches/spectral/.spectral.yaml $PLAN"

    say "peers: do they agree on the three rules? ($SMALL plans)"
    "$PL" --isolated --format json \
        --select large-customers/churn-ceiling,value-pricing/flat-pricing,large-customers/acv-floor \
        "$TREE_SMALL" >"$OUT/planlint-3rules.json" || true
    "$SP" lint -q -f json -r benches/spectral/.spectral.yaml "$TREE_SMALL/**/*.plan.yaml" \
        >"$OUT/spectral-3rules.json" || true
    python3 - "$OUT" <<'PY' | tee "$OUT/agreement.txt"
import json, sys, collections
out = sys.argv[1]
pl = json.load(open(f"{out}/planlint-3rules.json"))["diagnostics"]
sp = json.load(open(f"{out}/spectral-3rules.json"))
names = {
    "large-customers/churn-ceiling": "churn", "value-pricing/flat-pricing": "flat",
    "large-customers/acv-floor": "acv",
}
p = collections.Counter(names[d["rule"]] for d in pl)
s = collections.Counter(d["code"].split("-")[0] for d in sp)
s = collections.Counter({"churn": s["churn"], "flat": s["flat"], "acv": s["acv"]})
for k in ("churn", "flat", "acv"):
    print(f"{k}: planlint {p[k]} findings, spectral {s[k]}")
PY
fi

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

say "summary"
python3 - "$OUT" "$N" "$PEERS" "$SMALL" <<'PY' | tee "$OUT/summary.txt"
import json, sys
out, n, peers, small = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
def res(name):
    return {r["command"]: r for r in json.load(open(f"{out}/{name}.json"))["results"]}
a = list(res("a-one-plan").values())[0]
b = res("b-tree")
c = res("c-floor")
j1 = next(v for k, v in b.items() if k.endswith("-j 1"))
jn = next(v for k, v in b.items() if not k.endswith("-j 1"))
floor = c["parse floor (events)"]
print(f"(a) one plan, whole process: mean {a['mean']*1e3:.2f} ms, median {a['median']*1e3:.2f} ms, min {a['min']*1e3:.2f} ms"
      f"  -> target <= 2 ms median: {'met' if a['median'] <= 0.002 else 'NOT met'}")
print(f"(b) {n} plans: -j 1 {j1['mean']:.2f} s (min {j1['min']:.2f}), -j all {jn['mean']:.2f} s (min {jn['min']:.2f})")
sp = j1["mean"] / jn["mean"]
print(f"    thread speed-up {sp:.2f}x (best runs {j1['min']/jn['min']:.2f}x)  -> target >= 1.7x: {'met' if sp >= 1.7 else 'NOT met'}")
print(f"(c) parse floor {floor['mean']:.2f} s; YAML step to nodes {c['YAML step to nodes']['mean']:.2f} s; lint in process {c['lint in process']['mean']:.2f} s")
ratio = floor["mean"] / j1["mean"]
print(f"    planlint -j 1 throughput / parse floor throughput = {ratio:.2f}  -> target >= 0.6: {'met' if ratio >= 0.6 else 'NOT met'}"
      f" (lint in process: {floor['mean']/c['lint in process']['mean']:.2f})")
print("(d) peak memory:")
print(open(f"{out}/d-memory.txt").read().rstrip())
if peers:
    ps = res("peers-small"); pt = res("peers-tree"); po = res("peers-one")
    pl1 = ps["planlint -j 1"]["mean"]
    for k in ("yamllint", "spectral"):
        print(f"peers, {small} plans: {k} {ps[k]['mean']:.2f} s = {ps[k]['mean']/pl1:.1f}x planlint -j 1 ({pl1:.2f} s)")
    for k in ("yamllint", "spectral"):
        print(f"peers, {n} plans: {k} {pt[k]['mean']:.1f} s = {pt[k]['mean']/j1['mean']:.1f}x planlint -j 1, {pt[k]['mean']/jn['mean']:.1f}x planlint -j all"
              f"  -> target -j all >= {25 if k == 'spectral' else 150}x: {'met' if pt[k]['mean']/jn['mean'] >= (25 if k == 'spectral' else 150) else 'NOT met'}")
    for k in ("planlint", "yamllint", "spectral"):
        print(f"peers, one plan: {k} {po[k]['mean']*1e3:.1f} ms")
PY
