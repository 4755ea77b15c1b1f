#!/usr/bin/env bash
# How long PostgreSQL sessions ending at the same moment hold a query on another session. Each of N sessions reads
# a 391 MB table held in shared buffers (so it maps them all), waits, and all end together while pgbench sends
# `select 1` 200 times a second on its own session. Prints the probe's slowest tenths of a second and its max.
#   bench/experiments/sessions-ending-together.sh 32              # 512 MB shared buffers, huge pages off
#   SHARED_BUFFERS=128MB HUGE_PAGES=on bench/experiments/sessions-ending-together.sh 16
# Huge pages need root to reserve them first: sysctl -w vm.nr_hugepages=320 (and 0 afterwards).
set -euo pipefail
sessions=${1:-32}; shared_buffers=${SHARED_BUFFERS:-512MB}; huge_pages=${HUGE_PAGES:-off}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/epoomasi-ending.XXXXXX); chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
trap 'as_pg "$bin/pg_ctl" stop -D "$work/pg" -m fast >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust --no-instructions >/dev/null
as_pg "$bin/pg_ctl" start -D "$work/pg" -w -l "$work/pg.log" -o "-p $port -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=$shared_buffers -c huge_pages=$huge_pages" >/dev/null
psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt)
"${psql[@]}" -c "create table big as select g, repeat('x', 400) as pad from generate_series(1, 900000) g" \
  -c "create extension pg_prewarm" -c "select pg_prewarm('big')" >/dev/null

end=$(( $(date +%s) + 20 ))
for _ in $(seq 1 "$sessions"); do
  "${psql[@]}" -c "set max_parallel_workers_per_gather = 0" -c "select count(*) from big" \
    -c "select pg_sleep_until(to_timestamp($end))" >/dev/null &
done
sleep $(( end - $(date +%s) - 4 ))
echo "select 1;" >"$work/probe.sql"
(cd "$work" && "$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -f probe.sql -R 200 -T 8 -l postgres >/dev/null 2>&1)
wait
python3 - "$work" "$end" <<'PY'
import collections, glob, sys
work, end = sys.argv[1], int(sys.argv[2])
sent = [(int(p[4]) + int(p[5]) / 1e6, int(p[2]) / 1000) for f in glob.glob(work + "/pgbench_log.*") for p in map(str.split, open(f))]
tenths = collections.defaultdict(float)
for at, ms in sent: tenths[round(at - end, 1)] = max(tenths[round(at - end, 1)], ms)
slow = ", ".join(f"{ms:.0f} ms at {at:+.1f} s" for at, ms in sorted(tenths.items()) if ms > 3)
print(f"{len(sent)} probes; the sessions ended at 0 s; slowest tenths: {slow or 'none over 3 ms'}; max {max(ms for _, ms in sent):.1f} ms")
PY
