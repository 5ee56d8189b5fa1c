#!/usr/bin/env bash
# Postgres's CPU per direct edit, the edit's statement alone (docs/performance.md): the server is
# started only to bring up its embedded Postgres with the migrations applied, 450 users each get
# an aide with a small league table, and pgbench runs EditDao's statement as the app's role,
# 4 clients, against random aides. Printed: the Postgres processes' CPU (user + system, from
# /proc, reaped backends included) per edit, for each of a few rounds.
#
#   ./mvnw -q -B -DskipTests package
#   bash app/src/bench/edit-statement.sh [edits per client and round] [rounds]    # 2000 3
#
# Needs psql, pgbench and ss (Debian: apt-get install -y postgresql iproute2; pgbench ships
# with the server package there, psql with postgresql-client, which it pulls in).
# JAR=<path> runs another build's schema. pgbench sends begin, the role, the statement and
# commit as four round trips where the app sends one, so compare builds, not this with the
# load run's Postgres figure.
set -euo pipefail
cd "$(dirname "$0")/../../.."
edits=${1:-2000} rounds=${2:-3}
jar=${JAR:-target/aide.jar}
port=$((20000 + RANDOM % 20000))
data=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT

DATA_DIR="$data" PORT=$port java -jar "$jar" serve >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 120); do
    curl -sf "http://localhost:$port/health/ready" >/dev/null && break
    sleep 0.5
done
postmaster=$(pgrep -o -f "postgres.*$data")
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres PGPASSWORD
PGPASSWORD=$(cat "$data/postgres.password")
PGPORT=$(ss -ltnp | grep "pid=$postmaster," | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
export PGPORT

# A league of ten players, about 1.6 KB of snapshot, stored whole by every edit as the app does.
# A space follows every colon: pgbench reads ":name" as one of its variables.
state='{"version": 3, "meta": {}, "entities": {"page": {"display": "page", "props": {"title": "League"}}, "players": {"display": "table", "parent": "page", "props": {"title": "Players"}}'
for r in $(seq 0 9); do
    state+=", \"p$r\": {\"parent\": \"players\", \"props\": {\"name\": \"Player $r\", \"wins\": $r, \"paid\": false}, \"created_seq\": $r, \"updated_seq\": $r}"
done
state+='}, "rels": [], "styles": {}}'
psql -q -v ON_ERROR_STOP=1 -v state="$state" <<'SQL'
insert into users (id, email)
select ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, 'u' || g || '@example.com' from generate_series(1, 450) g;
insert into aides (id, user_id, state, title)
select ('10000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid,
       :'state'::json, 'League' from generate_series(1, 450) g;
SQL

# EditDao.WRITE with the values inlined; log_seq + 1 stands for the version the app computed.
cat >"$data/edit.sql" <<SQL
\set n random(1, 450)
begin;
select set_config('role', 'aide_app', true), set_config('app.user_id', '00000000-0000-0000-0000-' || lpad(:n::text, 12, '0'), true);
with saved as (
    update aides
       set state = cast('$state' as json), log_seq = log_seq + 1, title = 'League', updated_at = clock_timestamp(),
           edit_answers = coalesce(cast(null as jsonb), edit_answers)
     where id = ('10000000-0000-0000-0000-' || lpad(:n::text, 12, '0'))::uuid
    returning id, log_seq, coalesce(auto_publish and published_version is not null, false) as auto_publish
), appended as (
    insert into aide_events (aide_id, seq, user_id, batch, actor, source, ts, event)
    select saved.id, saved.log_seq, app_user_id(), e.batch, e.actor, e.source, e.ts, e.event
      from saved, json_to_recordset(cast('[{"batch": "b", "actor": "a", "source": "edit", "ts": "2026-12-04T12:00:00Z", "event": {"t": "entity.update", "ref": "p3", "p": {"wins": 5}}}]' as json))
           as e(batch text, actor text, source text, ts timestamptz, event json)
)
select saved.auto_publish from saved;
commit;
SQL

# Clock ticks of every live Postgres process, and of the backends already reaped (the postmaster's children).
ticks() {
    { for p in $(pgrep -P "$postmaster") "$postmaster"; do awk '{print $14 + $15}' "/proc/$p/stat"; done
      awk '{print $16 + $17}' "/proc/$postmaster/stat"; } | awk '{s += $1} END {print s}'
}
hz=$(getconf CLK_TCK)
echo "jar $jar ($(sha1sum "$jar" | cut -c1-10)), $rounds rounds of 4 x $edits edits"
lscpu | grep -E '^(Model name|CPU\(s\))'
grep -m1 'cpu MHz' /proc/cpuinfo
for round in $(seq "$rounds"); do
    before=$(ticks)
    tps=$(pgbench -n -M prepared -c 4 -j 2 -t "$edits" -f "$data/edit.sql" | grep -o 'tps = [0-9.]*')
    after=$(ticks)
    echo "round $round: Postgres CPU $(( (after - before) * 1000000 / hz / (4 * edits) )) µs per edit ($tps)"
done
psql -Atc "select 'aides updates: ' || n_tup_upd || ', heap-only: ' || n_tup_hot_upd from pg_stat_user_tables where relname = 'aides'"
