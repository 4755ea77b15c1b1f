#!/usr/bin/env bash
# Runs the whole comparison on one fresh PostgreSQL (fsync on): pgbench's TPC-B-like script
# (scale 10, 8 clients), then a Release gateway on the same server and every benchmark scenario.
# Prints the ratios and writes bench/results/bench.md, bench.json and ratios.md.
# Then spread again at half its peak rate (for latency), and, in a full run, again with
# BENCH_HISTORY transfers stored (5,000,000 by default, loaded with batches; 0 skips it).
# Between them, a 60 s batch phase samples every second how far the journal's sealing trails the log.
# Last, an auditor's CLI verifies the journal's chain and rebuilds every projection against the gateway
# that has just served all of it, and both must pass.
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
# The latency target is a ratio too: spread's p99 at half its peak against pgbench's p99 at half its
# own peak, on the same machine in the same minute. pgbench logs every transaction's time (-l).
pgbench_half=$(python3 -c "print(max(1, int(float('$pgbench_tps') / 2)))")
echo "== pgbench at half its peak: $pgbench_half transactions/s"
( cd "$work" && "$bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -c 8 -j 2 -T "$pgbench_seconds" -R "$pgbench_half" \
    -M prepared -l --log-prefix=pgbench-half pgbench >/dev/null 2>&1 )
pgbench_half_p99=$(cat "$work"/pgbench-half.* | awk '{print $3}' | sort -n | awk '{v[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", v[i] / 1000}')
echo "   p99 $pgbench_half_p99 ms"
# pgbench leaves autovacuum work behind (its accounts table took about 140,000 updates).
settle pgbench

echo "== Building the gateway and the load generator (Release)"
for project in src/Gateway/Gateway.csproj bench/Bench/Bench.csproj src/Cli/Cli.csproj; do
  dotnet build -c Release -v q -nologo "$project" >"$work/build.log" 2>&1 || { cat "$work/build.log"; echo "Building $project failed."; exit 1; }
done

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

# Sealing lag, once a second: unsealed event rows (the log's last row minus the chain's head) and the age
# of the oldest unsealed row. Sealing keeps up when neither grows over the phase.
sealing_seconds=60; [ $smoke = 1 ] && sealing_seconds=5
echo "== batch for ${sealing_seconds}s, sampling how far sealing trails the log"
mkdir -p "$out/sealing"; : >"$out/sealing/lag.tsv"
( while :; do
    "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d ledger -AtF $'\t' -c \
      "select extract(epoch from clock_timestamp()), (select coalesce(max(seq_id), 0) from ledger.mt_events) - h.seq,
              coalesce(extract(epoch from clock_timestamp() - (select min(timestamp) from ledger.mt_events where seq_id > h.seq)), 0)
       from (select coalesce(max(seq_id), 0) as seq from ledger.journal_links) h" >>"$out/sealing/lag.tsv" 2>/dev/null || true
    sleep 1
  done ) &
sampler_pid=$!
bench --scenario batch --seconds "$sealing_seconds" --out "$out/sealing" | tail -n 1
kill "$sampler_pid"; wait "$sampler_pid" 2>/dev/null || true

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

# What an auditor runs: the chain over everything the benchmark wrote, then every projection rebuilt from
# the log and compared. Sealing trails by a moment, so give it a few rounds to reach the head first.
cli() { dotnet src/Cli/bin/Release/net10.0/epoomasi.dll --gateway "http://127.0.0.1:$grpc_port" "$@"; }
export EPOOMASI_TOKEN; EPOOMASI_TOKEN=$(cli token auditor bench-auditor)
sleep 2
audit() { local started; started=$(date +%s.%N)
  if cli "$1" >"$out/$1.txt" 2>&1; then echo "passed $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s"; else echo "FAILED"; fi; }
echo "== verify-journal and rebuild-projections, as an auditor, against this gateway"
verify_result=$(audit verify-journal); rebuild_result=$(audit rebuild-projections)
cat "$out/verify-journal.txt" "$out/rebuild-projections.txt"

python3 - "$out" "$pgbench_tps" "$rss_mb" "$smoke" "$history" "$verify_result" "$rebuild_result" "$pgbench_half" "$pgbench_half_p99" <<'PY' | tee "$out/ratios.md"
import json, os, platform, sys
out, pgbench, rss, smoke, history = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", int(sys.argv[5])
verify, rebuild = sys.argv[6], sys.argv[7]
pgbench_half, pgbench_half_p99 = int(sys.argv[8]), float(sys.argv[9])
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
    target("spread p99 at half peak", f"{p99:.1f} ms at {rate(half, 'spread'):.0f}/s; pgbench {pgbench_half_p99:.1f} ms at {pgbench_half} tps",
           "<= pgbench's p99 at half its peak", p99 <= pgbench_half_p99)
if stored:
    later = rate(stored, "spread")
    target(f"spread, {history:,} stored", f"{later:.0f}/s = {later / spread if spread else 0:.2f}x empty", ">= 0.8x empty store", spread > 0 and later >= 0.8 * spread)
reads = stored or main
if "balance-long" in reads:
    short, long = reads["balance-short"], reads["balance-long"]
    target("balance read, long vs short history", f"p50 {long['p50Milliseconds']:.2f} vs {short['p50Milliseconds']:.2f} ms",
           "long no slower (p50 within 1.2x)", long["p50Milliseconds"] <= 1.2 * max(short["p50Milliseconds"], 0.5))
sealing_run = load("sealing").get("batch", {})
lag = [tuple(map(float, line.split("\t"))) for line in open(os.path.join(out, "sealing", "lag.tsv")) if line.strip()]
lag = [row for row in lag if sealing_run.get("measuredFrom", 0) <= row[0] <= sealing_run.get("measuredUntil", float("inf"))]
if lag:
    third = max(1, len(lag) // 3)
    mean = lambda rows, i: sum(r[i] for r in rows) / len(rows)
    first, last = lag[:third], lag[-third:]
    sealing = sealing_run.get("transfersPerSecond", 0)
    target(f"sealing lag, batch at {sealing:.0f}/s for {lag[-1][0] - lag[0][0]:.0f} s",
           f"{mean(first, 2):.2f} s / {mean(first, 1):.0f} rows at first, {mean(last, 2):.2f} s / {mean(last, 1):.0f} rows at last, max {max(r[2] for r in lag):.2f} s / {max(r[1] for r in lag):.0f} rows",
           "does not grow (last third <= 1.5x first + 0.25 s)", mean(last, 2) <= 1.5 * mean(first, 2) + 0.25)
target("verify-journal after the benchmark", verify, "passes", verify.startswith("passed"))
target("rebuild-projections after the benchmark", rebuild, "passes", rebuild.startswith("passed"))
target("gateway peak resident memory", f"{rss} MB", "<= 300 MB", rss <= 300)
print(f"\n== Targets, against pgbench tpcb-like ({pgbench:.0f} tps) in the same run" + (" [smoke: harness check only]" if smoke else ""))
print("| target | measured | goal | |\n|---|---|---|---|")
print("\n".join(rows))
print(f"\ncross-district: {rate(main, 'cross'):.0f}/s ({rate(main, 'cross') / pgbench:.2f}x pgbench, no target); machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}")
PY
[ $smoke = 1 ] && echo "smoke run: the harness works; figures from a 3-second run mean nothing"
exit 0
