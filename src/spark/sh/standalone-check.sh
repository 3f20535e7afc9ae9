#!/usr/bin/env bash
# The Spark job on a standalone cluster of one master and one worker on 127.0.0.1, started from
# Spark's jars in the local Maven repository (no Spark installation), against the command line on
# one machine: the same usage table, byte for byte. Run from the project folder:
#   bash src/spark/sh/standalone-check.sh [LOG…]
# With no LOG it generates a JSON Lines log with request ids and a Claude Code tree. Needs Java 17
# and Maven; about two minutes. Stops the master and the worker it started, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=target/standalone
rm -rf "$work" && mkdir -p "$work"
mvn -B -q -Pspark -DskipTests package
mvn -B -q -Pspark dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -DincludeScope=compile \
  -DexcludeArtifactIds=logback-classic,logback-core,picocli,sqlite-jdbc
# a SPARK_HOME whose jars/ are Maven's: the worker builds its executors' class path from it
mkdir -p "$work/home/jars"
tr ':' '\n' < "$work/cp.txt" | while read -r j; do ln -sf "$(realpath "$j")" "$work/home/jars/"; done
ln -sf "$(realpath target/token-metrics-spark.jar)" "$work/home/jars/"
# a RELEASE file makes it a distribution: jars/ is the class path (else it looks for a source build)
touch "$work/home/RELEASE"
# SPARK_SCALA_VERSION: the launcher asks for it before it looks at jars/ (Spark 3.5 for Scala 2.13, as the profile builds)
export SPARK_HOME="$PWD/$work/home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)
cp="$SPARK_HOME/jars/*"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
java "${opens[@]}" -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 18080 \
  > "$work/master.log" 2>&1 & pids+=($!)
for i in $(seq 1 60); do grep -q "I have been elected leader" "$work/master.log" && break; sleep 1; done
java "${opens[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 2g --webui-port 18081 \
  spark://127.0.0.1:7077 > "$work/worker.log" 2>&1 & pids+=($!)
for i in $(seq 1 60); do grep -q "Successfully registered with master" "$work/worker.log" && break; sleep 1; done
grep -q "Successfully registered with master" "$work/worker.log" || { echo "the worker did not register: $work/worker.log"; exit 1; }
logs=("$@")
if [ ${#logs[@]} -eq 0 ]; then
  # a generated vendor log with ids repeated across the file, and a bad row
  awk 'BEGIN { for (i = 0; i < 20000; i++) { id = (i % 7 == 0 && i > 0) ? i - 3 : i;
    printf "{\"id\":\"chatcmpl-%d\",\"object\":\"chat.completion\",\"created\":%d,\"model\":\"gpt-%d\",\"choices\":[{\"message\":{\"content\":\"x \\\"y\\\"\"}}],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}}\n",
      id, 1776038400 + (i * 37) % 604800, i % 3, 100 + i % 900, 1 + i % 50, 101 + i % 900 + i % 50 } }' > "$work/chat.jsonl"
  logs=("$work/chat.jsonl")
fi
for log in "${logs[@]}"; do
  java -jar target/token-metrics.jar usage "$log" --by model --period day --skip-bad --format csv > "$work/one-machine.csv"
  java "${opens[@]}" -Dspark.jars="$PWD/target/token-metrics-spark.jar" -Dspark.driver.host=127.0.0.1 \
    -cp "target/token-metrics-spark.jar:$(cat "$work/cp.txt")" io.tokenmetrics.spark.SparkUsage \
    "$log" --by model --period day --skip-bad --format csv --master spark://127.0.0.1:7077 > "$work/standalone.csv" 2> "$work/driver.log"
  if diff "$work/one-machine.csv" "$work/standalone.csv" > "$work/diff.txt"; then
    echo "$log: the standalone cluster's table equals one machine's ($(wc -l < "$work/one-machine.csv") lines)"
  else
    echo "$log: DIFFER"; cat "$work/diff.txt"; exit 1
  fi
done
grep -c "Launching executor\|Asked to launch executor" "$work/worker.log" | sed 's/^/executors launched by the worker: /'
