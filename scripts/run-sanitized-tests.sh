#!/usr/bin/env bash
# The engine's test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (clang, in
# build-asan), as CI runs it after the README's test command. A finding fails its test.
# The same build holds the libFuzzer targets (the engine carries the fuzzer's coverage hooks),
# so scripts/run-fuzzers.sh runs them without building the engine a third time. The window's
# tests run in the README's suite only: built with the sanitizers too, CI took over 90 minutes
# on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
# A build-asan configured for another compiler (this script used GCC until 2026-12): changing
# the compiler would drop the cached options, so it starts again.
cache=build-asan/CMakeCache.txt
if [ -f "$cache" ] && ! grep -q "^CMAKE_CXX_COMPILER:.*clang++-14" "$cache"; then
  rm -rf build-asan
fi
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++-14 \
  -DDISTLAB_SANITIZE=ON -DDISTLAB_FUZZ=ON -DDISTLAB_BUILD_TESTS=ON -DDISTLAB_BUILD_GUI=OFF \
  -DDISTLAB_BUILD_BENCH=OFF
cmake --build build-asan --parallel 2
# halt_on_error: the first finding ends the process (its test fails, with the report on stderr).
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt"
ctest --test-dir build-asan --output-on-failure --parallel 2 --timeout 1800 --no-tests=error
