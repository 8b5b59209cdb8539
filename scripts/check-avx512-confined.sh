#!/usr/bin/env bash
# Fails if any function of the given binaries outside the AVX-512 kernel table uses AVX-512
# (zmm or mask registers, the upper 16 vector registers, EVEX-only instructions): the portable
# build must run on a CPU with AVX2 only, and reaches those kernels only where the CPU has them.
# Usage: scripts/check-avx512-confined.sh BINARY...
set -euo pipefail
status=0
for binary in "$@"; do
  offenders=$(objdump -d --no-show-raw-insn -C "$binary" | awk '
    /^[0-9a-f]+ <.*>:$/ { fn = $0; next }
    /%zmm|%k[1-7]|%[xy]mm(1[6-9]|2[0-9]|3[01])|vpternlog|vperm[it]2|vpcompress|vpexpand|vrndscale|vscalef/ {
      if (fn !~ /Avx512|Zmm/) print fn
    }' | sort -u)
  kernels=$(objdump -d --no-show-raw-insn -C "$binary" | grep -c "Avx512.*>:$\|Zmm.*>:$" || true)
  if [ -n "$offenders" ]; then
    echo "AVX-512 instructions outside the AVX-512 kernels in $binary:"
    echo "$offenders"
    status=1
  elif [ "$kernels" -eq 0 ]; then
    echo "no AVX-512 kernels found in $binary (was the check's pattern renamed?)"
    status=1
  else
    echo "$binary: AVX-512 only in its $kernels AVX-512 kernel functions"
  fi
done
exit $status
