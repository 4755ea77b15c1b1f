#!/usr/bin/env bash
# The fault run (docs/faults.md): three Release gateways on one private PostgreSQL, load from faults/Chaos whose
# clients retry unanswered calls under the same ids, and the fuzzer against every gateway, while this script kills
# gateways with SIGKILL at random moments and restarts PostgreSQL with a fast and an immediate shutdown. Then the
# driver's verifier holds every acknowledged outcome against the database. Exits non-zero on any violation, any
# fuzzer violation, or a gateway that died without being killed.
#   faults/chaos.sh [load seconds (600)] [fuzz requests in all (100000)]
#   CHAOS_KILLS=5          gateway kills at least (default: one per 30 s of load, 5 at least)
#   CHAOS_WORKERS=24       the driver's clients sending at once
#   CHAOS_BACKUP=1         afterwards, rehearse a backup and restore (faults/backup-rehearsal.sh)
#   CHAOS_CONFIGURATION=Debug CHAOS_NO_BUILD=1   what the test suite's short run uses (already built)
#   CHAOS_RESULTS=DIR      where each run's summary, faults and fuzz reports are kept (faults/results/chaos)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}; fuzz_requests=${2:-100000}
kills=${CHAOS_KILLS:-$(( seconds / 30 > 5 ? seconds / 30 : 5 ))}
configuration=${CHAOS_CONFIGURATION:-Release}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server programs not found (apt-get install -y postgresql)"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# Ports below the kernel's ephemeral range: a killed gateway restarts on its port, which the kernel must not hand in
# the meantime to a test or a client that asked for any free port.
free_port() { python3 -c '
import random, socket
while True:
    port = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port)); print(port); break
    except OSError:
        pass
    finally:
        s.close()'; }
stamp() { date +%H:%M:%S; }

work=$(mktemp -d /tmp/epoomasi-chaos.XXXXXX); chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
pg_port=$(free_port)
declare -a grpc_ports http_ports
for i in 0 1 2; do grpc_ports[$i]=$(free_port); http_ports[$i]=$(free_port); done
# A gateway's pid lives in a file: the fault loop, a subshell, restarts gateways and the main shell must find them.
gateway_pid() { cat "$work/gateway-$1.pid" 2>/dev/null || true; }
fault_pid=""; fuzz_pids=()
cleanup() {
  [ -n "$fault_pid" ] && kill "$fault_pid" 2>/dev/null || true
  for pid in "${fuzz_pids[@]}" $(gateway_pid 0) $(gateway_pid 1) $(gateway_pid 2); do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; done
  as_pg "$bin/pg_ctl" stop -D "$work/pg" -m immediate >/dev/null 2>&1 || true
  [ -n "${CHAOS_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust --no-instructions >/dev/null
pg_options="-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300"
as_pg "$bin/pg_ctl" start -D "$work/pg" -w -l "$work/pg.log" -o "$pg_options" >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ledger

if [ -z "${CHAOS_NO_BUILD:-}" ]; then
  echo "$(stamp) == Building the gateway, the driver and the fuzzer ($configuration)"
  for project in src/Gateway/Gateway.csproj faults/Chaos/Chaos.csproj faults/Fuzzer/Fuzzer.csproj; do
    dotnet build -c "$configuration" -v q -nologo "$project" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  done
fi

signing_key=$(head -c 32 /dev/urandom | base64)
launch_gateway() {
  local i=$1
  ASPNETCORE_ENVIRONMENT=Production \
  Ledger__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ledger;Maximum Pool Size=60;Timeout=3" \
  Ledger__HoldExpiryIntervalSeconds=1 Ledger__DealSchedulerIntervalSeconds=1 \
  Ledger__Exchange__AnswerWithin=00:00:03 Ledger__Exchange__WorkWithin=00:00:04 Ledger__Exchange__ConfirmWithin=00:00:03 \
  Auth__SigningKeys__0="$signing_key" Auth__DevelopmentIssuerEnabled=true \
  Limits__MemberRequestsPerSecond=10000000 Limits__OfficialRequestsPerSecond=10000000 \
  Limits__PartnerAppRequestsPerSecond=10000000 Limits__AnonymousRequestsPerSecond=10000000 \
  Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:${grpc_ports[$i]}" Kestrel__Endpoints__Http__Url="http://127.0.0.1:${http_ports[$i]}" \
  Logging__LogLevel__Default=Warning \
    dotnet "src/Gateway/bin/$configuration/net10.0/EPoomasi.Gateway.dll" >>"$work/gateway-$i.log" 2>&1 &
  echo $! >"$work/gateway-$i.pid"
  # Two minutes: on a machine loaded by everything else a restart can take long, and that is not what is tested here.
  for _ in $(seq 1 480); do
    curl -sf "http://127.0.0.1:${http_ports[$i]}/" >/dev/null && return 0
    kill -0 "$(gateway_pid "$i")" 2>/dev/null || return 2
    sleep 0.25
  done
  return 1
}
# As a supervisor does (systemd's Restart=always): a gateway that gives up at start, e.g. when PostgreSQL is still
# recovering from an immediate shutdown, is started again, five times at most.
start_gateway() {
  local i=$1 try
  for try in 1 2 3 4 5; do
    launch_gateway "$i" && return 0
    echo "$(stamp)    gateway-$i did not start (try $try); starting it again" >&2
    kill -9 "$(gateway_pid "$i")" 2>/dev/null || true
    sleep 2
  done
  echo "Gateway $i did not start:"; tail -60 "$work/gateway-$i.log"; return 1
}
# The schema first, as an operator would, without the short connect timeout the load runs with; then three gateways.
ASPNETCORE_ENVIRONMENT=Production dotnet "src/Gateway/bin/$configuration/net10.0/EPoomasi.Gateway.dll" migrate \
  --Ledger:ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ledger" --Logging:LogLevel:Default=Warning >"$work/migrate.log" 2>&1 \
  || { echo "Migrating the database failed:"; tail -40 "$work/migrate.log"; exit 1; }
for i in 0 1 2; do start_gateway "$i"; done
echo "$(stamp) == Three gateways on gRPC ports ${grpc_ports[*]}"

gateways=$(printf 'http://127.0.0.1:%s,' "${grpc_ports[@]}")
dotnet "faults/Chaos/bin/$configuration/net10.0/EPoomasi.Chaos.dll" --gateways "${gateways%,}" --seconds "$seconds" --workers "${CHAOS_WORKERS:-24}" \
  --faults-log "$work/faults.log" --ready-file "$work/ready" --faults-done-file "$work/faults.done" >"$work/chaos.out" 2>&1 &
chaos_pid=$!
per_fuzzer=$(( (fuzz_requests + 2) / 3 ))
for i in 0 1 2; do
  dotnet "faults/Fuzzer/bin/$configuration/net10.0/EPoomasi.Fuzzer.dll" --grpc "http://127.0.0.1:${grpc_ports[$i]}" \
    --http "http://127.0.0.1:${http_ports[$i]}" --requests "$per_fuzzer" --seed "$(( RANDOM * 32768 + RANDOM ))" \
    --under-faults --ready-file "$work/fuzz-ready-$i" >"$work/fuzz-$i.out" 2>&1 &
  fuzz_pids+=($!)
done
for _ in $(seq 1 600); do
  [ -f "$work/ready" ] && [ -f "$work/fuzz-ready-0" ] && [ -f "$work/fuzz-ready-1" ] && [ -f "$work/fuzz-ready-2" ] && break
  kill -0 "$chaos_pid" 2>/dev/null || { cat "$work/chaos.out"; exit 1; }
  sleep 0.2
done
echo "$(stamp) == Load and fuzzing under way for ${seconds}s: $kills gateway kills, PostgreSQL restarted fast and immediately"

# Faults, one at a time, at random moments within the load: the kills, and the two restarts of PostgreSQL. Each has
# a slot of the load's time and happens at a random point of its slot, or at once when the one before ran late.
inject() { echo "$*" >>"$work/faults.log"; echo "$(stamp)    $*"; }
faults() {
  local events=() slot start=$(date +%s.%N) k=0 at
  for _ in $(seq 1 "$kills"); do events+=(kill); done
  events+=(postgres-fast postgres-immediate)
  mapfile -t events < <(printf '%s\n' "${events[@]}" | shuf)
  slot=$(python3 -c "print($seconds * 0.9 / ${#events[@]})")
  for event in "${events[@]}"; do
    at=$(python3 -c "import random; print($start + ($k + random.uniform(0.1, 0.7)) * $slot)")
    k=$((k + 1))
    python3 -c "import time; time.sleep(max(0, $at - time.time()))"
    case $event in
      kill)
        local i=$(( RANDOM % 3 )) pid
        pid=$(gateway_pid "$i")
        kill -0 "$pid" 2>/dev/null || inject "crash gateway-$i died by itself"
        kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
        inject "sigkill gateway-$i"
        sleep "$(python3 -c 'import random; print(random.uniform(0, 3))')"
        start_gateway "$i" ;;
      postgres-*)
        inject "postgres-restart ${event#postgres-}"
        as_pg "$bin/pg_ctl" stop -D "$work/pg" -m "${event#postgres-}" >/dev/null 2>&1 || true
        sleep "$(python3 -c 'import random; print(random.uniform(1, 6))')"
        as_pg "$bin/pg_ctl" start -D "$work/pg" -w -l "$work/pg.log" -o "$pg_options" >/dev/null ;;
    esac
  done
  touch "$work/faults.done"
}
faults &
fault_pid=$!

status=0
wait "$chaos_pid" || status=$?
wait "$fault_pid" || true; fault_pid=""
for i in 0 1 2; do wait "${fuzz_pids[$i]}" || status=1; done
for i in 0 1 2; do kill -0 "$(gateway_pid "$i")" 2>/dev/null || { echo "gateway-$i is not running at the end"; status=1; }; done
grep -q "^crash" "$work/faults.log" 2>/dev/null && { grep "^crash" "$work/faults.log"; status=1; }

out="${CHAOS_RESULTS:-faults/results/chaos}/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
cp "$work/chaos.out" "$out/summary.txt"; cp "$work/faults.log" "$out/faults.log" 2>/dev/null || true
for i in 0 1 2; do cp "$work/fuzz-$i.out" "$out/fuzz-$i.txt"; grep -E '"LogLevel":"(Error|Critical)"' "$work/gateway-$i.log" >"$out/gateway-$i-errors.log" || true; done
cat "$work/chaos.out"
for i in 0 1 2; do head -4 "$work/fuzz-$i.out"; grep "  ! " "$work/fuzz-$i.out" | head -10 || true; done
echo "$(stamp) == Results kept in $out"
if [ -n "${CHAOS_BACKUP:-}" ]; then
  echo "$(stamp) == Backup and restore rehearsal"
  faults/backup-rehearsal.sh || status=1
fi
[ "$status" = 0 ] && echo "== 위반 없음 / no violations" || echo "== 위반 있음 / VIOLATIONS (exit $status)"
exit "$status"
