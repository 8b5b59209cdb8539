#!/usr/bin/env bash
# The README's run command: installs what is missing (Debian 12), builds the app and the engine,
# and opens DistLab on the default lesson. Extra arguments go to the app (e.g. --run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --parallel 2 --target distlab distlab-engine
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat >&2 <<'MSG'
No display found, so the window cannot open here. To run DistLab headless:
  xvfb-run -a -s "-screen 0 1280x800x24" bash scripts/run-app.sh --run --screenshot distlab.png
(trains the default lesson in a virtual display and saves a picture of the window), or
  build/engine/distlab-engine train resources/presets/default.json
for the same training without a window.
MSG
  exit 1
fi
exec build/app/distlab "$@"
