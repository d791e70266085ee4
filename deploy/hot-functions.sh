#!/usr/bin/env bash
# Records which functions a started, idle `kimbot run` executes (jobs, long polling,
# and monitoring asking /healthz, /readyz and /metrics every 10 s), into
# deploy/hot-functions.txt; release builds lay those out together (see build.rs).
# Needs valgrind. Run from the repository root after code changes that move a lot:
#   deploy/hot-functions.sh [SECONDS]        (default 90; valgrind runs ~50x slower)
# KIMBOT_BIN=path/to/release/kimbot skips the build and records that binary.
# Then rebuild (`cargo build --release`) and compare with `kimbot bench idle`.
set -euo pipefail
seconds=${1:-90}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
if [ -n "${KIMBOT_BIN:-}" ]; then
  bin=$KIMBOT_BIN
else
  cargo build --release --bin kimbot
  bin=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/kimbot
fi
work=$(mktemp -d)
trap 'kill ${fake_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT

# The fake Bot API serves until its stdin closes; it prints its URL first.
mkfifo "$work/fake_in"
"$bin" bench fake-server --groups 1 < "$work/fake_in" > "$work/fake_url" &
fake_pid=$!
exec 3> "$work/fake_in"
for _ in $(seq 50); do [ -s "$work/fake_url" ] && break; sleep 0.2; done
url=$(head -1 "$work/fake_url")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(while sleep 10; do
  for path in healthz readyz metrics; do
    curl -s --noproxy "*" -o /dev/null -H "Authorization: Bearer bench_idle_metrics_token" "http://127.0.0.1:$port/$path" || true
  done
done) &
probe_pid=$!
trap 'kill ${fake_pid:-} ${probe_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT

TELOXIDE_TOKEN=123:abc TELOXIDE_API_URL="$url" KIMBOT_METRICS_TOKEN=bench_idle_metrics_token \
DATABASE_URL="sqlite://$work/idle.db?mode=rwc" KIMBOT_HTTP_ADDR="127.0.0.1:$port" RUST_LOG=error \
  timeout -s INT "$seconds" valgrind --tool=callgrind --demangle=no \
  --callgrind-out-file="$work/callgrind.out" "$bin" run > "$work/run.log" 2>&1 || true
exec 3>&-

# Every function callgrind saw run (fn= and cfn= lines name each once), kept if the
# executable defines it; sorted so the file diffs well.
nm --defined-only "$bin" | awk '$2 ~ /^[tTwW]$/ {print $3}' | sort -u > "$work/defined"
sed -n -E "s/^c?fn=\([0-9]+\) ([^' ]+).*/\1/p" "$work/callgrind.out" | sort -u > "$work/executed"
comm -12 "$work/defined" "$work/executed" > "$work/hot"
# A run that never got going (bot failed to start) must not replace a good list.
if [ "$(wc -l < "$work/hot")" -lt 500 ]; then
  echo "only $(wc -l < "$work/hot") functions ran; see the bot's log:" >&2; tail -5 "$work/run.log" >&2; exit 1
fi
cp "$work/hot" deploy/hot-functions.txt
echo "deploy/hot-functions.txt: $(wc -l < deploy/hot-functions.txt) functions"
