#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (in FUZZ_BUILD, below) and runs each
# for SECONDS (default 60) from its committed seed corpus. A crash, a sanitizer finding or a
# broken property fails the script; the input that did it is left in BUILD/findings/<target>/.
# Usage: [FUZZ_BUILD=DIR] scripts/run-fuzzers.sh [SECONDS] [TARGET...]
# FUZZ_BUILD (default build-fuzz): a folder configured here, or one already configured with
# DISTLAB_FUZZ=ON, as scripts/run-sanitized-tests.sh leaves build-asan (CI uses that one).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(frame handshake spec idx cifar events files)
build="${FUZZ_BUILD:-build-fuzz}"
bash scripts/setup-debian.sh
if ! grep -q "^DISTLAB_FUZZ:BOOL=ON" "$build/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++-14 \
    -DDISTLAB_FUZZ=ON -DDISTLAB_BUILD_GUI=OFF -DDISTLAB_BUILD_TESTS=OFF -DDISTLAB_BUILD_BENCH=OFF
fi
cmake --build "$build" --parallel 2 --target "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for t in "${targets[@]}"; do
  # The committed seeds stay as they are; what the fuzzer adds goes to a working copy.
  work="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$work" "$findings"
  cp -n tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  echo "== fuzz_$t: $seconds s"
  dict=()
  [ -f tests/fuzz/"$t".dict ] && dict=(-dict=tests/fuzz/"$t".dict)
  # A fixed seed (FUZZ_SEED, default 1) makes a CI run repeat the same inputs in the same order:
  # a run that passed here passes there, and a longer local run covers CI's.
  if ! "$build"/tests/fuzz/fuzz_"$t" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" \
      -rss_limit_mb=2048 "${dict[@]}" \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" "$work" \
      > "$build/fuzz_$t.log" 2>&1; then
    status=1
    tail -60 "$build/fuzz_$t.log"
    echo "fuzz_$t FAILED: the input is in $findings/"
  else
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "$build/fuzz_$t.log" | sed "s/^/fuzz_$t /"
  fi
done
exit $status
