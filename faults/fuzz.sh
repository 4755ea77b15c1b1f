#!/usr/bin/env bash
# The long fuzz run (docs/fuzzing.md): a Release gateway on a private PostgreSQL of its own, with the
# development issuer on and rate limits out of the way, then the fuzzer against it. Exits non-zero on
# any violation; the summary is also written to faults/results/fuzz-<seed>.txt.
#   faults/fuzz.sh [requests (100000)] [seed (random)]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100000}
seed=${2:-$((RANDOM * 32768 + RANDOM))}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/epoomasi-fuzz.XXXXXX); chmod 755 "$work"
grpc_port=$(free_port); http_port=$(free_port); pg_port=$(free_port)
gateway_pid=""
cleanup() {
  if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release -v q src/Gateway/Gateway.csproj >/dev/null
dotnet build -c Release -v q faults/Fuzzer/Fuzzer.csproj >/dev/null
ASPNETCORE_ENVIRONMENT=Development dotnet src/Gateway/bin/Release/net10.0/EPoomasi.Gateway.dll \
  --Ledger:DataDirectory="$work/postgres" --Ledger:EmbeddedPostgresPort="$pg_port" \
  --Kestrel:Endpoints:Grpc:Url="http://127.0.0.1:$grpc_port" --Kestrel:Endpoints:Http:Url="http://127.0.0.1:$http_port" \
  --Limits:MemberRequestsPerSecond=1000000 --Limits:OfficialRequestsPerSecond=1000000 \
  --Limits:PartnerAppRequestsPerSecond=1000000 --Limits:AnonymousRequestsPerSecond=1000000 \
  --Logging:LogLevel:Default=Warning >"$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 120); do
  grep -q "gateway is running" "$work/gateway.log" 2>/dev/null && break
  kill -0 "$gateway_pid" 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
  sleep 0.5
done

mkdir -p faults/results
status=0
dotnet faults/Fuzzer/bin/Release/net10.0/EPoomasi.Fuzzer.dll --grpc "http://127.0.0.1:$grpc_port" --http "http://127.0.0.1:$http_port" \
  --requests "$requests" --seed "$seed" | tee "faults/results/fuzz-$seed.txt" || status=$?
if grep -E '"LogLevel":"(Error|Critical)"' "$work/gateway.log" >/dev/null; then
  grep -E '"LogLevel":"(Error|Critical)"' "$work/gateway.log" >"faults/results/fuzz-$seed-gateway-errors.log"
  echo "The gateway logged errors during the run (all of them: faults/results/fuzz-$seed-gateway-errors.log):"
  head -20 "faults/results/fuzz-$seed-gateway-errors.log"
  status=1
fi
exit $status
