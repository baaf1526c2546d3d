#!/usr/bin/env bash
# The .deb as a user installs it: cpack -G DEB, apt-get install ./patchbank_*.deb, the demo and the GUI
# (offscreen) from /usr/bin, the desktop file and AppStream metadata validated, then apt-get remove.
# Needs root (or sudo) and apt; exits 77 (skipped) without them.
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else echo "packaging test: needs root or sudo" >&2; exit 77; fi
fi
command -v apt-get >/dev/null || { echo "packaging test: needs apt-get" >&2; exit 77; }

(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb="$(ls "$work"/pkg/patchbank_*_amd64.deb "$work"/pkg/patchbank_*.deb 2>/dev/null | head -n1)"
[ -n "$deb" ] || { echo "no patchbank_*.deb made"; cat "$work/cpack.log"; exit 1; }
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ */  depends: /'

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" 2>&1 | tail -n 3
[ -x /usr/bin/patchbank-cli ] && [ -x /usr/bin/patchbank ] || { echo "binaries not installed in /usr/bin"; exit 1; }

cd "$work"
/usr/bin/patchbank-cli demo --out "$work/demo-report" --data "$work/demo" --no-images --quiet
grep -q '^carpet,' "$work/demo-report/metrics.csv" || { echo "the installed demo wrote no metrics"; exit 1; }
echo "installed demo: $(cut -d, -f1,2 "$work/demo-report/metrics.csv" | tr '\n' ' ')"
/usr/bin/patchbank-cli suite list | head -n 3

QT_QPA_PLATFORM=offscreen /usr/bin/patchbank "$work/demo" --screenshot "$work/gui.png" --seconds 4
[ -s "$work/gui.png" ] || { echo "the installed GUI saved no screenshot"; exit 1; }
echo "installed GUI: screenshot of $(stat -c %s "$work/gui.png") bytes"

desktop-file-validate /usr/share/applications/patchbank.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.patchbank.PatchBank.metainfo.xml

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q patchbank 2>&1 | tail -n 2
for f in /usr/bin/patchbank /usr/bin/patchbank-cli /usr/share/applications/patchbank.desktop \
         /usr/share/metainfo/io.patchbank.PatchBank.metainfo.xml /usr/share/patchbank; do
  [ ! -e "$f" ] || { echo "left behind after removal: $f"; exit 1; }
done
echo "removed cleanly"
