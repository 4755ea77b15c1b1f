#!/usr/bin/env bash
# Runs the whole comparison on one fresh PostgreSQL (fsync on): pgbench's TPC-B-like script
# (scale 10, 8 clients), then a Release gateway on the same server and every benchmark scenario.
# Prints the ratios and writes bench/results/latest.md and bench.json.
#   bench/compare.sh            full run (BENCH_SECONDS per scenario, 20 by default)
#   bench/compare.sh --smoke    a short run that checks the harness, not the figures
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0; [ "${1:-}" = "--smoke" ] && smoke=1
if [ $smoke = 1 ]; then seconds=3; warmup=1; scale=1; accounts=200; pgbench_seconds=3
else seconds=${BENCH_SECONDS:-20}; warmup=3; scale=10; accounts=${BENCH_ACCOUNTS:-10000}; pgbench_seconds=${BENCH_SECONDS:-20}; fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server programs not found (apt-get install -y postgresql)"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
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
dotnet bench/Bench/bin/Release/net10.0/epoomasi-bench.dll --gateway "http://127.0.0.1:$grpc_port" \
  --seconds "$seconds" --warmup-seconds "$warmup" --accounts "$accounts" --out "$out" ${BENCH_ARGS:-}
rss_mb=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$gateway_pid/status")

python3 - "$out/bench.json" "$pgbench_tps" "$rss_mb" "$smoke" <<'PY' | tee "$out/ratios.md"
import json, sys, platform, os
results = {r["scenario"]: r for r in json.load(open(sys.argv[1]))}
pgbench, rss, smoke = float(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
spread = results.get("spread", {}).get("transfersPerSecond", 0)
print(f"\n== Ratios to pgbench tpcb-like ({pgbench:.0f} tps) in the same run" + (" [smoke: harness check only]" if smoke else ""))
print("| scenario | transfers/s | ratio | target |\n|---|---:|---:|---|")
targets = {"spread": ("x pgbench", 1.0, pgbench), "batch": ("x pgbench", 5.0, pgbench), "hot": ("x spread", 0.8, spread), "cross": ("x pgbench", None, pgbench)}
for name, r in results.items():
    label, target, base = targets[name]
    ratio = r["transfersPerSecond"] / base if base else 0
    goal = f">= {target} {label}" if target else "(no target)"
    met = "" if target is None else (" met" if ratio >= target else " NOT met")
    print(f"| {name} | {r['transfersPerSecond']:.0f} | {ratio:.2f} {label} | {goal}{met} |")
print(f"\ngateway peak resident memory: {rss} MB (target <= 300 MB); machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}")
PY
[ $smoke = 1 ] && echo "smoke run: the harness works; figures from a 3-second run mean nothing"
exit 0
