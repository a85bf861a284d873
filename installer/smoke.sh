#!/usr/bin/env bash
# Runs `dermdesk analyze --json IMAGE` through the packaged launcher under an empty home directory and
# checks that it succeeds and writes (almost) nothing there: the natives must come from the app image.
#   installer/smoke.sh [LAUNCHER] [IMAGE]
# Defaults: target/installer/dermdesk/bin/dermdesk and ../shared/data/ham10000/full/ISIC_0024306.jpg
# (or, when that data is absent, a synthetic lesion image drawn here).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LAUNCHER="${1:-$ROOT/target/installer/dermdesk/bin/dermdesk}"
IMAGE="${2:-$ROOT/../shared/data/ham10000/full/ISIC_0024306.jpg}"
MAX_HOME_KB=1024

[ -x "$LAUNCHER" ] || { echo "smoke: no launcher at $LAUNCHER" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if [ ! -f "$IMAGE" ]; then
  IMAGE="$WORK/lesion.png"
  java -Djava.awt.headless=true "$ROOT/installer/DrawIcon.java" "$IMAGE" 600
fi
HOME_DIR="$WORK/home"
mkdir -p "$HOME_DIR"
RUN=(env HOME="$HOME_DIR")
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  # as an ordinary user, so that a write into the installed tree would fail loudly
  chown nobody "$HOME_DIR"; chmod 755 "$WORK"
  [ -r "$IMAGE" ] || { cp "$IMAGE" "$WORK/"; IMAGE="$WORK/$(basename "$IMAGE")"; }
  RUN=(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$HOME_DIR")
fi
# Java takes its home from the password database, not $HOME
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME_DIR ${JAVA_TOOL_OPTIONS:-}"
RUN+=(JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS")
start=$(date +%s.%N)
set +e
"${RUN[@]}" "$LAUNCHER" analyze --json "$IMAGE" >"$WORK/out.json" 2>"$WORK/err.txt"
rc=$?
set -e
end=$(date +%s.%N)
cat "$WORK/out.json"
if ! grep -q '"status":"ok"' "$WORK/out.json"; then
  echo "smoke: analyze failed (exit $rc)" >&2; tail -20 "$WORK/err.txt" >&2; exit 1
fi
home_kb=$(du -sk "$HOME_DIR" | cut -f1)
printf 'smoke: ok in %.1f s; home directory after the run: %s KB\n' "$(echo "$end - $start" | bc)" "$home_kb"
find "$HOME_DIR" -mindepth 1 | sed 's/^/  /'
if [ "$home_kb" -gt "$MAX_HOME_KB" ]; then
  echo "smoke: the first run wrote ${home_kb} KB to the home directory (limit ${MAX_HOME_KB} KB)" >&2; exit 1
fi
