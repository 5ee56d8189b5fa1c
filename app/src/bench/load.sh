#!/usr/bin/env bash
# The HTTP load run of docs/performance.md in one command: the server started with railway.toml's
# production flags on a 512 MB budget (-XX:MaxRAM=512m), on production's Java 25 when the machine
# has one under /usr/lib/jvm, its embedded Postgres found, LoadRun sent at it with both pids (so it
# reports the server's and Postgres's CPU per request), a GC log, and the machine, the JDK and the
# load average printed beside the figures.
#
#   ./mvnw -q -B -DskipTests package
#   ./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
#       -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
#   bash app/src/bench/load.sh [rate] [users] [seconds] [views-fraction]    # 500 450 60 0
#
# JAR=<path> runs another build (to alternate base and new in the same minutes); JAVA=<path to a
# java> runs the server on another JDK; EXTRA="<flags>" adds JVM flags (both are printed);
# UPLOADERS=<n> adds n people uploading 12-megapixel photos back to back (the memory check). The
# output and the GC log go to target/load-<time>.{log,gc}.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rate=${1:-500} users=${2:-450} seconds=${3:-60} views=${4:-0}
jar=${JAR:-target/aide.jar}
port=$((20000 + RANDOM % 20000))
stamp=target/load-$(date +%H%M%S)
data=$(mktemp -d)
java=${JAVA:-$(ls /usr/lib/jvm/*-25-*/bin/java 2>/dev/null | head -1)}
java=${java:-java}
# errexit holds inside the trap too: the server's own exit status (143 after the TERM) must not
# stop it before the data folder is deleted.
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT

env MALLOC_ARENA_MAX=2 DATA_DIR="$data" PORT=$port TRUSTED_PROXY=true "$java" -XX:MaxRAM=512m \
    -XX:MaxRAMPercentage=40 -Xms128m -Xmn64m -XX:+UseParallelGC -XX:ParallelGCThreads=2 -XX:+IgnoreUnrecognizedVMOptions \
    -XX:TrimNativeHeapInterval=5000 -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m \
    -XX:+ExitOnOutOfMemoryError -Xlog:gc:file="$stamp.gc" ${EXTRA:-} -jar "$jar" serve >"$stamp.server" 2>&1 &
server=$!
for _ in $(seq 120); do
    curl -sf "http://localhost:$port/health/ready" >/dev/null && break
    sleep 0.5
done
postgres=$(pgrep -o -f "postgres.*$data" || true)

{
    echo "jar $jar ($(sha1sum "$jar" | cut -c1-10)), rate $rate, users $users, $seconds s, views $views, uploaders ${UPLOADERS:-0}"
    lscpu | grep -E '^(Model name|CPU\(s\))'
    grep -m1 'cpu MHz' /proc/cpuinfo
    echo "$("$java" -version 2>&1 | head -1)${EXTRA:+, extra flags: $EXTRA}"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$stamp.log"
java -cp target/test-classes:target/classes:"$(cat target/bench-cp.txt)" com.toaide.load.LoadRun \
    --url "http://localhost:$port" --users "$users" --warmup 60 --seconds "$seconds" --rate "$rate" \
    --views "$views" --uploaders "${UPLOADERS:-0}" --pid "$server" ${postgres:+--postgres-pid "$postgres"} | tee -a "$stamp.log"
{
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "server peak RSS: $(grep VmHWM /proc/$server/status 2>/dev/null | tr -s ' ' || echo gone)"
    echo "full collections (seconds since start, pause):"; grep "Pause Full" "$stamp.gc" | sed -E "s/^\[([0-9.]+)s\].* ([0-9.]+ms)$/  \1 s: \2/" || true
} | tee -a "$stamp.log"
