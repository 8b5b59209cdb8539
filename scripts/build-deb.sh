#!/usr/bin/env bash
# Builds DistLab's Debian package from a Release build folder (default build/) and checks what it
# holds: both programs, the desktop entry, the icon, the AppStream metadata, the translations
# and the lessons; the desktop entry and metadata are validated where the tools are installed.
# Usage: scripts/build-deb.sh [BUILD_DIR]      (then: sudo apt install ./BUILD_DIR/distlab_*.deb)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
bash scripts/setup-debian.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" --parallel 2 --target distlab distlab-engine
rm -f "$build"/distlab_*.deb
(cd "$build" && cpack -G DEB > cpack.log) || { cat "$build/cpack.log"; exit 1; }
deb=$(ls "$build"/distlab_*.deb)
contents=$(dpkg-deb --contents "$deb")
status=0
for want in ./usr/bin/distlab ./usr/bin/distlab-engine \
    ./usr/share/applications/io.github.distlab.DistLab.desktop \
    ./usr/share/icons/hicolor/scalable/apps/io.github.distlab.DistLab.svg \
    ./usr/share/metainfo/io.github.distlab.DistLab.metainfo.xml \
    ./usr/share/distlab/translations/distlab_zh_CN.qm \
    ./usr/share/distlab/lessons/default.json; do
  if ! grep -q " $want\$" <<< "$contents"; then
    echo "build-deb: $deb lacks $want"
    status=1
  fi
done
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libqt6widgets6 libqt6charts6 libopenblas0-serial libssl3; do
  grep -q "$lib" <<< "$depends" || { echo "build-deb: Depends lacks $lib: $depends"; status=1; }
done
if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate resources/io.github.distlab.DistLab.desktop || status=1
fi
if command -v appstreamcli > /dev/null; then
  appstreamcli validate --no-net --pedantic resources/io.github.distlab.DistLab.metainfo.xml \
    > "$build/appstream.log" 2>&1 || { cat "$build/appstream.log"; status=1; }
fi
[ $status -eq 0 ] && echo "build-deb: $deb ($(du -h "$deb" | cut -f1)), Depends: $depends"
exit $status
