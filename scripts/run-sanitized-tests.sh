#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer (a second build
# folder, build-asan), as CI runs it after the README's test command. A finding fails its test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DDISTLAB_SANITIZE=ON \
  -DDISTLAB_BUILD_BENCH=OFF
cmake --build build-asan --parallel 2
# halt_on_error: the first finding ends the process (its test fails, with the report on stderr).
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt"
ctest --test-dir build-asan --output-on-failure --parallel 2 --timeout 1800
