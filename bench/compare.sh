#!/usr/bin/env bash
# Runs the whole comparison on one fresh PostgreSQL (fsync on): pgbench's TPC-B-like script
# (scale 10, 8 clients), then a Release gateway on the same server and every benchmark scenario.
# Prints the ratios and writes bench/results/bench.md, bench.json and ratios.md.
# Then spread again at half its peak rate (for latency), and, in a full run, again with
# BENCH_HISTORY transfers stored (5,000,000 by default, loaded with batches; 0 skips it).
#   bench/compare.sh            full run (BENCH_SECONDS per scenario, 20 by default; about 12 minutes)
#   bench/compare.sh --smoke    a short run that checks the harness, not the figures
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0; [ "${1:-}" = "--smoke" ] && smoke=1
if [ $smoke = 1 ]; then seconds=3; warmup=1; scale=1; accounts=200; pgbench_seconds=3
else seconds=${BENCH_SECONDS:-20}; warmup=3; scale=10; accounts=${BENCH_ACCOUNTS:-10000}; pgbench_seconds=${BENCH_SECONDS:-20}; fi
history=${BENCH_HISTORY:-5000000}; [ $smoke = 1 ] && history=0

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server programs not found (apt-get install -y postgresql)"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# VACUUM (ANALYZE) and CHECKPOINT, so that a measurement does not race autovacuum catching up with
# the rows written just before it (seen in pg_stat_activity during runs).
settle() { "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -qc "vacuum (analyze)" -c "checkpoint"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/epoomasi-bench.XXXXXX); chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
pg_port=$(free_port); grpc_port=$(free_port); http_port=$(free_port)
gateway_pid=""
cleanup() {
  [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true
  as_pg "$bin/pg_ctl" stop -D "$work/pg" -m fast >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (fsync on)"
as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust --no-instructions >/dev/null
as_pg "$bin/pg_ctl" start -D "$work/pg" -w -l "$work/pg.log" \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=512MB" >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres pgbench
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ledger

echo "== pgbench tpcb-like, scale $scale, 8 clients, ${pgbench_seconds}s"
"$bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -i -s "$scale" -q pgbench >/dev/null 2>&1
pgbench_tps=$("$bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -c 8 -j 2 -T "$pgbench_seconds" -M prepared pgbench 2>/dev/null \
  | awk '/^tps = / {print $3; exit}')
echo "   $pgbench_tps transactions/s"
# pgbench leaves autovacuum work behind (its accounts table took about 140,000 updates).
settle pgbench

echo "== Building the gateway and the load generator (Release)"
dotnet build -c Release -v q -nologo src/Gateway/Gateway.csproj >/dev/null
dotnet build -c Release -v q -nologo bench/Bench/Bench.csproj >/dev/null

echo "== Gateway on 127.0.0.1:$grpc_port against the same server"
ASPNETCORE_ENVIRONMENT=Production \
Ledger__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ledger;Maximum Pool Size=100" \
Auth__SigningKeys__0="$(head -c 32 /dev/urandom | base64)" Auth__DevelopmentIssuerEnabled=true \
Limits__MemberRequestsPerSecond=10000000 Limits__OfficialRequestsPerSecond=10000000 \
Limits__PartnerAppRequestsPerSecond=10000000 Limits__AnonymousRequestsPerSecond=10000000 \
Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc_port" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" \
Logging__LogLevel__Default=Warning \
  dotnet src/Gateway/bin/Release/net10.0/EPoomasi.Gateway.dll >"$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http_port/" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$http_port/" >/dev/null || { echo "The gateway did not start:"; tail -20 "$work/gateway.log"; exit 1; }

out=${BENCH_OUT:-bench/results}
[ $smoke = 1 ] && out="$work/results"
bench() { dotnet bench/Bench/bin/Release/net10.0/epoomasi-bench.dll --gateway "http://127.0.0.1:$grpc_port" \
  --warmup-seconds "$warmup" --accounts "$accounts" ${BENCH_ARGS:-} "$@"; }
rate_of() { python3 -c 'import json,sys; print(int(next(r["transfersPerSecond"] for r in json.load(open(sys.argv[1])) if r["scenario"] == sys.argv[2])))' "$@"; }

bench --seconds "$seconds" --out "$out"

half=$(( $(rate_of "$out/bench.json" spread) / 2 )); [ "$half" -lt 1 ] && half=1
echo "== spread at half its peak: $half requests/s"
bench --scenario spread --rate "$half" --seconds "$seconds" --out "$out/half-load" | tail -n 1

if [ "$history" -gt 0 ]; then
  stored=$("$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d ledger -Atc "select count(*) from ledger.transfers")
  echo "== Loading history: $stored transfers stored, batches until $history"
  [ "$stored" -lt "$history" ] && bench --scenario batch --seconds 7200 --until-transfers $(( history - stored )) --out "$out/history-load" | tail -n 1
  echo "== VACUUM (ANALYZE) and CHECKPOINT after loading"
  settle ledger
  echo "== spread and balance reads with $history transfers stored"
  bench --scenario spread,balance-short,balance-long --seconds "$seconds" --out "$out/stored" | tail -n 3
fi
rss_mb=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$gateway_pid/status")

python3 - "$out" "$pgbench_tps" "$rss_mb" "$smoke" "$history" <<'PY' | tee "$out/ratios.md"
import json, os, platform, sys
out, pgbench, rss, smoke, history = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", int(sys.argv[5])
def load(name):
    path = os.path.join(out, name, "bench.json")
    return {r["scenario"]: r for r in json.load(open(path))} if os.path.exists(path) else {}
main, half, stored = load(""), load("half-load"), load("stored")
rate = lambda runs, name: runs.get(name, {}).get("transfersPerSecond", 0)
rows = []
def target(what, shown, goal, met):
    rows.append(f"| {what} | {shown} | {goal} | {'met' if met else 'NOT met'} |")
spread = rate(main, "spread")
target("spread, unary", f"{spread:.0f}/s = {spread / pgbench:.2f}x pgbench", ">= 1.0x pgbench", spread >= pgbench)
target("batch of 1,000", f"{rate(main, 'batch'):.0f}/s = {rate(main, 'batch') / pgbench:.2f}x pgbench", ">= 5x pgbench", rate(main, "batch") >= 5 * pgbench)
hot = rate(main, "hot")
target("hot account", f"{hot:.0f}/s = {hot / spread if spread else 0:.2f}x spread", ">= 0.8x spread", spread > 0 and hot >= 0.8 * spread)
if half:
    p99 = half["spread"]["p99Milliseconds"]
    target("spread p99 at half peak", f"{p99:.1f} ms at {rate(half, 'spread'):.0f}/s", "<= 20 ms", p99 <= 20)
if stored:
    later = rate(stored, "spread")
    target(f"spread, {history:,} stored", f"{later:.0f}/s = {later / spread if spread else 0:.2f}x empty", ">= 0.8x empty store", spread > 0 and later >= 0.8 * spread)
reads = stored or main
if "balance-long" in reads:
    short, long = reads["balance-short"], reads["balance-long"]
    target("balance read, long vs short history", f"p50 {long['p50Milliseconds']:.2f} vs {short['p50Milliseconds']:.2f} ms",
           "long no slower (p50 within 1.2x)", long["p50Milliseconds"] <= 1.2 * max(short["p50Milliseconds"], 0.5))
target("gateway peak resident memory", f"{rss} MB", "<= 300 MB", rss <= 300)
print(f"\n== Targets, against pgbench tpcb-like ({pgbench:.0f} tps) in the same run" + (" [smoke: harness check only]" if smoke else ""))
print("| target | measured | goal | |\n|---|---|---|---|")
print("\n".join(rows))
print(f"\ncross-district: {rate(main, 'cross'):.0f}/s ({rate(main, 'cross') / pgbench:.2f}x pgbench, no target); machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}")
PY
[ $smoke = 1 ] && echo "smoke run: the harness works; figures from a 3-second run mean nothing"
exit 0
