#!/usr/bin/env bash
# Cluster figures on Fashion-MNIST (MLP 784-256-128-10, batch 64 per worker), real processes:
#  1. BSP samples/s with 1 and 2 workers (median of ROUNDS interleaved runs of EPOCHS epochs),
#     training alone and with periodic evaluations; in the same rounds, what this machine gives
#     two processes that never talk (two single-process trainings at once against one) and the
#     64-byte loopback ping-pong, so a round's ratio can be read against the machine's state;
#  2. with 4 workers and worker 0 slowed 3x: wall time to 84% test accuracy for BSP, ASP and
#     SSP(3), and the accuracy-vs-time data of every run in stragglers.csv.
# Usage: bench/cluster_bench.sh [EPOCHS=2] [ROUNDS=3] [OUT=bench/out]
#   SKIP_STRAGGLERS=1 stops after part 1; TRANSPORT=tcp|shared-memory sets cluster.transport.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-2}
rounds=${2:-3}
outdir=${3:-bench/out}
engine=build/engine/distlab-engine
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$outdir"

spec() {  # NAME EPOCHS CLUSTER_JSON -> spec path
  /usr/bin/python3 - "$tmp/$1.json" "$2" "$3" <<'PY'
import json, os, sys
s = json.load(open("bench/specs/mlp.json"))
s["training"]["epochs"] = int(sys.argv[2])
s["cluster"] = json.loads(sys.argv[3])
if os.environ.get("TRANSPORT"):
    s["cluster"]["transport"] = os.environ["TRANSPORT"]
json.dump(s, open(sys.argv[1], "w"))
PY
  echo "$tmp/$1.json"
}

run() {  # SPEC NAME -> run folder
  "$engine" run "$1" --out "$tmp/$2" >/dev/null 2>"$tmp/$2.log" || { cat "$tmp/$2.log"; exit 1; }
  echo "$tmp/$2"
}

ratio() { /usr/bin/python3 -c "print(round($2 / $1, 3))"; }

# Samples/s of a single-process training (the mean of its epochs' rates, evaluation excluded).
train_alone() {  # SPEC NAME
  "$engine" train "$1" --out "$tmp/$2" >/dev/null 2>"$tmp/$2.log" || { cat "$tmp/$2.log"; exit 1; }
  /usr/bin/python3 -c "
import csv, statistics
print(round(statistics.mean(float(r['samples_per_s']) for r in csv.DictReader(open('$tmp/$2/metrics.csv')))))"
}

# The reference ping-pong of ../shared/bench (64 bytes, median round trip in us), if it is there.
pingpong=""
if [ -f ../shared/bench/pingpong.c ] && gcc -O2 -o "$tmp/pingpong" ../shared/bench/pingpong.c; then
  pingpong="$tmp/pingpong"
fi
wakeup() {
  [ -n "$pingpong" ] || { echo "-"; return; }
  "$pingpong" 5000 64 none | /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)['rtt_median_us'])"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

# Training throughput with the evaluation only at the end, and then with an evaluation of the
# 10,000 test images every 25,600 samples (with one worker it runs on the idle core; with two it
# takes a core from a worker for ~57 ms each time).
echo "== BSP scaling, $epochs epochs, $rounds rounds (samples/s)"
s1=$(spec bsp1 "$epochs" '{"workers": 1, "sync": "bsp", "eval_every": 1000000}')
s2=$(spec bsp2 "$epochs" '{"workers": 2, "sync": "bsp", "eval_every": 1000000}')
e1=$(spec bsp1e "$epochs" '{"workers": 1, "sync": "bsp", "eval_every": 400}')
e2=$(spec bsp2e "$epochs" '{"workers": 2, "sync": "bsp", "eval_every": 200}')
t1=$(spec trainer "$epochs" '{"workers": 1}')
train=(); evald=(); ceiling=()
for ((r = 1; r <= rounds; r++)); do
  a=$(/usr/bin/python3 bench/throughput.py training "$(run "$s1" "bsp1-$r")" 1 64)
  b=$(/usr/bin/python3 bench/throughput.py training "$(run "$s2" "bsp2-$r")" 2 64)
  c=$(/usr/bin/python3 bench/throughput.py evaluations "$(run "$e1" "bsp1e-$r")")
  d=$(/usr/bin/python3 bench/throughput.py evaluations "$(run "$e2" "bsp2e-$r")")
  alone=$(train_alone "$t1" "alone-$r")
  # Each into its own file: two writers on one pipe once ran their numbers together.
  train_alone "$t1" "pair-a-$r" >"$tmp/pair-a" & train_alone "$t1" "pair-b-$r" >"$tmp/pair-b" & wait
  pair=$(( $(cat "$tmp/pair-a") + $(cat "$tmp/pair-b") ))
  ping=$(wakeup)
  train+=("$(ratio "$a" "$b")"); evald+=("$(ratio "$c" "$d")"); ceiling+=("$(ratio "$alone" "$pair")")
  echo "round $r: training 1 worker $a, 2 workers $b, ratio ${train[-1]};" \
       "with evaluations $c, $d, ratio ${evald[-1]};" \
       "two trainings at once $pair against one $alone, ratio ${ceiling[-1]}; 64-byte ping-pong $ping us"
done
echo "median ratio: training $(median "${train[@]}"), with evaluations $(median "${evald[@]}")," \
     "two trainings at once $(median "${ceiling[@]}")"

[ -n "${SKIP_STRAGGLERS:-}" ] && exit 0
echo "== 4 workers, worker 0 slowed 3x: wall time to 84% test accuracy"
csv="$outdir/stragglers.csv"
echo "sync,version,elapsed_s,samples,test_accuracy" >"$csv"
for sync in bsp asp ssp; do
  s=$(spec "$sync" 10 "{\"workers\": 4, \"sync\": \"$sync\", \"staleness\": 3, \"slowdown\": [3, 1, 1, 1], \"eval_every\": $([ $sync = bsp ] && echo 25 || echo 100)}")
  dir=$(run "$s" "straggler-$sync")
  /usr/bin/python3 - "$dir/metrics.csv" "$sync" "$csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
with open(sys.argv[3], "a") as out:
    for r in rows:
        out.write(f'{sys.argv[2]},{r["version"]},{r["elapsed_s"]},{r["samples"]},{r["test_accuracy"]}\n')
hit = next((r for r in rows if float(r["test_accuracy"]) >= 0.84), None)
when = f'{float(hit["elapsed_s"]):.1f} s (epoch {float(hit["epoch"]):.2f})' if hit else "not reached"
print(f'{sys.argv[2]}: 84% after {when}; final {float(rows[-1]["test_accuracy"]):.4f} at {float(rows[-1]["elapsed_s"]):.1f} s')
PY
done
echo "chart data: $csv"
