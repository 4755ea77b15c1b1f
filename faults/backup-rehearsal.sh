#!/usr/bin/env bash
# Rehearses the backups of docs/operations.md on a private PostgreSQL, end to end, and fails unless the restored
# ledgers verify:
#   1. a cluster with WAL archiving; a Release gateway on it; load (transfers through the API);
#   2. a base backup (pg_basebackup) taken while the load goes on;
#   3. more load, a named restore point, the books as they stand there written down, and more load after it;
#   4. point-in-time recovery of the base backup plus the archive to the restore point, into a new cluster:
#      exactly the books written down (transfers, events, balances), nothing of the load after;
#   5. a gateway on the restored cluster, whose auditor verifies the journal's chain and rebuilds every
#      projection from the event log;
#   6. the small-installation way: pg_dump of the live ledger, pg_restore into a new database, verified the same.
#   faults/backup-rehearsal.sh               about 3 minutes (BENCH_SECONDS=10 of load per phase)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-10}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server programs not found (apt-get install -y postgresql)"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sql() { "$bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d "$2" -Atqc "$3"; }

work=$(mktemp -d /tmp/epoomasi-backup.XXXXXX); chmod 755 "$work"; mkdir -p "$work/wal"
[ "$(id -u)" = 0 ] && chown -R postgres "$work"
live_port=$(free_port); restored_port=$(free_port)
gateway_pid=""
stop_gateway() { [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true; gateway_pid=""; }
cleanup() {
  stop_gateway
  for data in live restored; do as_pg "$bin/pg_ctl" stop -D "$work/$data" -m fast >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

signing_key=$(head -c 32 /dev/urandom | base64)
start_gateway() { # $1: connection string
  local grpc http
  grpc=$(free_port); http=$(free_port)
  ASPNETCORE_ENVIRONMENT=Production Ledger__ConnectionString="$1" Auth__SigningKeys__0="$signing_key" Auth__DevelopmentIssuerEnabled=true \
  Limits__MemberRequestsPerSecond=10000000 Limits__OfficialRequestsPerSecond=10000000 Limits__PartnerAppRequestsPerSecond=10000000 \
  Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http" Logging__LogLevel__Default=Warning \
    dotnet src/Gateway/bin/Release/net10.0/EPoomasi.Gateway.dll >>"$work/gateway.log" 2>&1 &
  gateway_pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http/" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$http/" >/dev/null || { echo "The gateway did not start:"; tail -20 "$work/gateway.log"; exit 1; }
  gateway="http://127.0.0.1:$grpc"
}
load() { dotnet bench/Bench/bin/Release/net10.0/epoomasi-bench.dll --gateway "$gateway" --scenario spread --accounts 500 --seconds "$1" --warmup-seconds 0 \
  --out "$work/bench" 2>/dev/null | grep "^| spread" | awk -F'|' '{print "   " $4 " transfers/s"}'; }
cli() { dotnet src/Cli/bin/Release/net10.0/epoomasi.dll --gateway "$gateway" "$@"; }
# The books, as one line: transfer records, events in the log, sealed rows, and every account's balance summed
# (zero in a sound ledger) with a checksum of every balance.
books() { sql "$1" "$2" "select (select count(*) from ledger.transfers) || ' transfers, ' || (select count(*) from ledger.mt_events) || ' events, sum ' ||
  (select coalesce(sum(credits_posted - debits_posted), 0) from ledger.accounts) || ', balances ' ||
  (select md5(string_agg(id::text || ':' || (credits_posted - debits_posted), ',' order by id)) from ledger.accounts)"; }
audit() { # the auditor's two proofs against the gateway now running
  local token; token=$(cli token auditor auditor:rehearsal)
  cli --token "$token" verify-journal | sed 's/^/   /'
  cli --token "$token" rebuild-projections | sed 's/^/   /'
}

echo "== Building the gateway, the CLI and the load generator (Release)"
for project in src/Gateway/Gateway.csproj src/Cli/Cli.csproj bench/Bench/Bench.csproj; do
  dotnet build -c Release -v q -nologo "$project" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done

echo "== A cluster archiving its WAL to $work/wal"
as_pg "$bin/initdb" -D "$work/live" -U postgres --auth=trust --no-instructions >/dev/null
as_pg "$bin/pg_ctl" start -D "$work/live" -w -l "$work/live.log" -o "-p $live_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' \
  -c wal_level=replica -c archive_mode=on -c archive_command='test ! -f $work/wal/%f && cp %p $work/wal/%f' -c max_connections=200" >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$live_port" -U postgres ledger
live="Host=127.0.0.1;Port=$live_port;Username=postgres;Database=ledger"
start_gateway "$live"

echo "== Load, ${seconds}s"; load "$seconds"
echo "== Base backup during load"
load "$seconds" & loading=$!
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$live_port" -U postgres -D "$work/base" -X stream -c fast
wait $loading
echo "== More load, then the restore point"
load "$seconds"
# The journal sealed up to its head before the point is marked, so the restored chain ends where the books do.
sleep 2
at_point=$(books "$live_port" ledger)
sql "$live_port" postgres "select pg_create_restore_point('rehearsal')" >/dev/null
[ "$(books "$live_port" ledger)" = "$at_point" ] || { echo "FAILED: the ledger changed while the restore point was marked; run again"; exit 1; }
sql "$live_port" postgres "select pg_switch_wal()" >/dev/null
echo "   at the restore point: $at_point"
echo "== Load after the restore point, which the restore must not bring back"; load "$seconds"
sleep 1
after=$(books "$live_port" ledger)
echo "   afterwards: $after"
[ "$after" != "$at_point" ] || { echo "FAILED: the load after the restore point changed nothing"; exit 1; }
echo "== pg_dump of the live ledger (small installations)"
"$bin/pg_dump" -h 127.0.0.1 -p "$live_port" -U postgres -Fc -f "$work/ledger.dump" ledger
dumped=$(books "$live_port" ledger)
stop_gateway
as_pg "$bin/pg_ctl" stop -D "$work/live" -m fast >/dev/null

echo "== Point-in-time recovery to 'rehearsal' into a new cluster"
as_pg cp -a "$work/base" "$work/restored"
as_pg bash -c "cat >> '$work/restored/postgresql.auto.conf' <<EOF
restore_command = 'cp $work/wal/%f %p'
recovery_target_name = 'rehearsal'
recovery_target_action = 'promote'
EOF
touch '$work/restored/recovery.signal'"
as_pg "$bin/pg_ctl" start -D "$work/restored" -w -t 300 -l "$work/restored.log" -o "-p $restored_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c archive_mode=off -c max_connections=200" >/dev/null \
  || { echo "FAILED: the restored cluster did not start:"; tail -20 "$work/restored.log"; exit 1; }
for _ in $(seq 1 120); do [ "$(sql "$restored_port" postgres "select pg_is_in_recovery()")" = "f" ] && break; sleep 0.5; done
restored=$(books "$restored_port" ledger)
echo "   restored: $restored"
[ "$restored" = "$at_point" ] || { echo "FAILED: the restored books differ from the restore point's"; tail -20 "$work/restored.log"; exit 1; }
echo "== The auditor on the restored ledger"
start_gateway "Host=127.0.0.1;Port=$restored_port;Username=postgres;Database=ledger"
audit
stop_gateway

echo "== pg_restore of the dump into a new database"
"$bin/createdb" -h 127.0.0.1 -p "$restored_port" -U postgres from_dump
"$bin/pg_restore" -h 127.0.0.1 -p "$restored_port" -U postgres -d from_dump "$work/ledger.dump"
from_dump=$(books "$restored_port" from_dump)
echo "   restored from the dump: $from_dump"
[ "$from_dump" = "$dumped" ] || { echo "FAILED: the books restored from the dump differ from the dumped ones ($dumped)"; exit 1; }
start_gateway "Host=127.0.0.1;Port=$restored_port;Username=postgres;Database=from_dump"
audit
echo "== Rehearsal passed: both restores hold exactly the books they should, and both verify"
