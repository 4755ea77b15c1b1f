#!/usr/bin/env bash
# What callers see while the database is away, measured: a private PostgreSQL and a Release gateway, the probe
# (faults/Probe) calling without pause, and PostgreSQL stopped twice mid-load, once with a fast and once with an
# immediate shutdown, each for OUTAGE_SECONDS. For each outage it reports how the calls made meanwhile were
# answered and how long the slowest took against its 2 s deadline, how soon health said NOT_SERVING, and how
# long after PostgreSQL was back the first call succeeded, without restarting the gateway; and the gateway's
# resident memory throughout. It fails when a call outlives its deadline, a status other than UNAVAILABLE or
# DEADLINE_EXCEEDED appears, or recovery takes more than 5 s.
#   faults/outage.sh             about 1 minute (OUTAGE_SECONDS=10)
set -euo pipefail
cd "$(dirname "$0")/.."

outage=${OUTAGE_SECONDS:-10}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server programs not found (apt-get install -y postgresql)"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

work=$(mktemp -d /tmp/epoomasi-outage.XXXXXX); chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
pg_port=$(free_port); grpc_port=$(free_port); http_port=$(free_port)
gateway_pid=""; probe_pid=""; sampler_pid=""
cleanup() {
  for pid in "$probe_pid" "$sampler_pid" "$gateway_pid"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$bin/pg_ctl" stop -D "$work/pg" -m fast >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Building the gateway and the probe (Release)"
for project in src/Gateway/Gateway.csproj faults/Probe/Probe.csproj; do
  dotnet build -c Release -v q -nologo "$project" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done

pg_start() { as_pg "$bin/pg_ctl" start -D "$work/pg" -w -l "$work/pg.log" -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" >/dev/null; }
as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust --no-instructions >/dev/null
pg_start
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ledger

ASPNETCORE_ENVIRONMENT=Production \
Ledger__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ledger" \
Auth__SigningKeys__0="$(head -c 32 /dev/urandom | base64)" Auth__DevelopmentIssuerEnabled=true \
Limits__OfficialRequestsPerSecond=10000000 Limits__AnonymousRequestsPerSecond=10000000 \
Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc_port" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" \
Logging__LogLevel__Default=Warning \
  dotnet src/Gateway/bin/Release/net10.0/EPoomasi.Gateway.dll >"$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http_port/" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$http_port/" >/dev/null || { echo "The gateway did not start:"; tail -20 "$work/gateway.log"; exit 1; }

total=$(( 3 * outage + 25 ))
dotnet faults/Probe/bin/Release/net10.0/EPoomasi.Probe.dll "http://127.0.0.1:$grpc_port" "$total" >"$work/probe.csv" 2>"$work/probe.err" &
probe_pid=$!
( while kill -0 "$gateway_pid" 2>/dev/null; do echo "rss,$(now_ms),$(awk '/VmRSS/ {print $2}' /proc/$gateway_pid/status)"; sleep 0.5; done ) >"$work/rss.csv" 2>/dev/null &
sampler_pid=$!

: >"$work/events.csv"
sleep 5
for mode in fast immediate; do
  echo "== PostgreSQL stopped ($mode) for ${outage}s"
  echo "stop,$mode,$(now_ms)" >>"$work/events.csv"
  as_pg "$bin/pg_ctl" stop -D "$work/pg" -m "$mode" >/dev/null
  echo "stopped,$mode,$(now_ms)" >>"$work/events.csv"
  sleep "$outage"
  pg_start
  echo "ready,$mode,$(now_ms)" >>"$work/events.csv"
  sleep 8
done
wait "$probe_pid" || true; probe_pid=""
out=${OUTAGE_OUT:-faults/results/outage}; mkdir -p "$out"; cp "$work/events.csv" "$work/probe.csv" "$work/rss.csv" "$out/"

python3 - "$work/events.csv" "$work/probe.csv" "$work/rss.csv" <<'EOF'
import sys
events = [l.strip().split(',') for l in open(sys.argv[1]) if l.strip()]
rows = [l.strip().split(',') for l in open(sys.argv[2]) if l.strip()]
calls = [(int(r[1]), int(r[2]), r[3]) for r in rows if r[0] == 'call']
health = [(int(r[1]), int(r[2]), r[3]) for r in rows if r[0] == 'health']
rss = [int(r[2]) for r in (l.strip().split(',') for l in open(sys.argv[3]) if l.strip()) if len(r) == 3 and r[2]]
failed = []
print(f"   calls {len(calls):,}, health checks {len(health):,}; before the first outage every call OK: {all(s == 'OK' for a, e, s in calls if a < int(events[0][2]))}")
for mode in ('fast', 'immediate'):
    stop = next(int(e[2]) for e in events if e[0] == 'stop' and e[1] == mode)
    ready = next(int(e[2]) for e in events if e[0] == 'ready' and e[1] == mode)
    during = [(a, e, s) for a, e, s in calls if a >= stop + 200 and e <= ready]
    statuses = {}
    for _, _, s in during: statuses[s] = statuses.get(s, 0) + 1
    slowest = max((e - a for a, e, _ in during), default=0)
    not_serving = next((e for a, e, s in health if a >= stop and s != 'Serving'), None)
    first_ok = next((e for a, e, s in calls if a >= ready and s == 'OK'), None)
    serving = next((e for a, e, s in health if a >= ready and s == 'Serving'), None)
    recovery = None if first_ok is None else (first_ok - ready) / 1000
    print(f"== {mode} shutdown, PostgreSQL away {(ready - stop) / 1000:.1f} s")
    print(f"   calls meanwhile: {sum(statuses.values()):,} {statuses}; slowest answer {slowest} ms (deadline 2,000 ms)")
    print(f"   health NOT_SERVING {((not_serving - stop) / 1000) if not_serving else float('nan'):.2f} s after the stop began")
    print(f"   first call OK {recovery if recovery is not None else float('nan'):.2f} s after PostgreSQL was ready; health SERVING after "
          f"{((serving - ready) / 1000) if serving else float('nan'):.2f} s; no gateway restart")
    if slowest > 2_500: failed.append(f"{mode}: a call took {slowest} ms")
    if set(statuses) - {'Unavailable', 'DeadlineExceeded'}: failed.append(f"{mode}: statuses {statuses}")
    if recovery is None or recovery > 5: failed.append(f"{mode}: recovery {recovery}")
    if not_serving is None: failed.append(f"{mode}: health never said NOT_SERVING")
print(f"== Gateway resident memory: {min(rss) / 1024:.0f}–{max(rss) / 1024:.0f} MB over {len(rss)} samples")
if failed:
    print("FAILED: " + "; ".join(failed)); sys.exit(1)
print("== Outages passed: every call answered within its deadline, recovery by itself within 5 s")
EOF
