#!/usr/bin/env bash
# The exchange's search under load: a private PostgreSQL (fsync on), a Release gateway, N listings loaded through the
# API from the seeded corpus, then one-syllable Korean, two-syllable Korean and English searches, each for a while.
#   bench/search.sh              # 100,000 listings, then 20 s per scenario at full speed, at half, and at a steady
#                                # 200/s (BENCH_SEARCH_RATE): about 7 minutes
#   BENCH_LISTINGS=2000 BENCH_SECONDS=3 bench/search.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

listings=${BENCH_LISTINGS:-100000}; seconds=${BENCH_SECONDS:-20}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server programs not found (apt-get install -y postgresql)"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/epoomasi-search.XXXXXX); chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
pg_port=$(free_port); grpc_port=$(free_port); http_port=$(free_port)
gateway_pid=""
out=${BENCH_OUT:-bench/results/search}
cleanup() {
  [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true
  as_pg "$bin/pg_ctl" stop -D "$work/pg" -m fast >/dev/null 2>&1 || true
  # PostgreSQL's log (checkpoints, autovacuum) and the gateway's, to line up with a slow second in the results.
  mkdir -p "$out" && cp "$work/pg.log" "$work/gateway.log" "$out/" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust --no-instructions >/dev/null
as_pg "$bin/pg_ctl" start -D "$work/pg" -w -l "$work/pg.log" \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=512MB -c log_checkpoints=on -c log_autovacuum_min_duration=0 -c log_min_duration_statement=200" >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ledger

echo "== Building the gateway and the load generator (Release)"
for project in src/Gateway/Gateway.csproj bench/Bench/Bench.csproj; do
  dotnet build -c Release -v q -nologo "$project" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done

ASPNETCORE_ENVIRONMENT=Production \
Ledger__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ledger" \
Auth__SigningKeys__0="$(head -c 32 /dev/urandom | base64)" Auth__DevelopmentIssuerEnabled=true \
Limits__MemberRequestsPerSecond=10000000 Limits__OfficialRequestsPerSecond=10000000 \
Limits__PartnerAppRequestsPerSecond=10000000 Limits__AnonymousRequestsPerSecond=10000000 \
Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc_port" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" \
Logging__LogLevel__Default=Warning \
  dotnet src/Gateway/bin/Release/net10.0/EPoomasi.Gateway.dll >"$work/gateway.log" 2>&1 &
gateway_pid=$!
gateway_started=$(date +%s.%N)
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http_port/" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$http_port/" >/dev/null || { echo "The gateway did not start:"; tail -20 "$work/gateway.log"; exit 1; }

bench() { dotnet bench/Bench/bin/Release/net10.0/epoomasi-bench.dll --gateway "http://127.0.0.1:$grpc_port" --scenario search \
  --accounts 200 --seconds "$seconds" --warmup-seconds 3 "$@"; }
echo "== Listing $listings offers and requests"
bench --listings "$listings" --seconds 1 --warmup-seconds 0 --out "$work/load" | tail -n 0
# What autovacuum would have done by the time members search: the planner knows the words' frequencies. And the
# load's writes on disk: otherwise its checkpoint (fsync on) falls inside the measured searches.
"$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d ledger -qc "vacuum (analyze) ledger.module_states" -c "checkpoint"
echo "== $(date -u +%H:%M:%S) Searches at full speed, ${seconds}s each"
bench --listings 0 --out "$out" | grep -v "so far"
half=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(max(1, int(min(x["transfersPerSecond"] for x in r) / 2)))' "$out/bench.json")
echo "== $(date -u +%H:%M:%S) Searches at half the slowest one's peak: $half per second"
bench --listings 0 --rate "$half" --out "$out/half-load" | grep -v "so far"
# A steady rate far above a city's time bank (200 a second is 720,000 searches an hour), so that the p99 measured is
# the search's own, not the queueing of two cores saturated by the load generator, the gateway and PostgreSQL at once.
steady=${BENCH_SEARCH_RATE:-200}
echo "== $(date -u +%H:%M:%S) Searches at a steady $steady per second"
bench --listings 0 --rate "$steady" --out "$out/steady" | grep -v "so far"
# The slowest searches of each phase, with when they were sent: a pause shows as several at the same moment, to be
# lined up with gateway.log and pg.log (kept in $out).
python3 - "$gateway_started" "$out/bench.json" "$out/half-load/bench.json" "$out/steady/bench.json" <<'PY'
import json, sys, datetime
started = float(sys.argv[1])
for path in sys.argv[2:]:
    for result in json.load(open(path)):
        slow = ", ".join(f"{r['milliseconds']:.0f} ms at {datetime.datetime.fromtimestamp(r['sentAt'], datetime.timezone.utc):%H:%M:%S.%f}"[:-3] + f" (+{r['sentAt'] - started:.0f} s)"
                         for r in result["slowest"][:5])
        print(f"{path.split('/')[-2] if '/' in path else ''} {result['scenario']}: {slow}")
PY
