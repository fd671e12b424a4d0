#!/usr/bin/env bash
# Submits the Spark job the way spark-submit does (org.apache.spark.deploy.SparkSubmit, the class the spark-submit
# script runs) with master local[2], on a machine without a Spark installation: Spark's jars come from Maven.
#   scripts/spark-submit-local.sh --input BOOK --format csv|parquet --as-of DATE --policy default --out DIR
# Everything after the script's name is passed to io.fidelis.spark.ClassifyBook.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/fidelis-spark/target/fidelis-spark.jar"
classpath="$here/fidelis-spark/target/spark-classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$classpath" ]; then
  echo "building the Spark job's jar and class path..." >&2
  (cd "$here" && mvn -B -q -DskipTests -Dspotless.check.skip=true -pl fidelis-spark -am package \
     && mvn -B -q -pl fidelis-spark dependency:build-classpath -Dmdep.includeScope=compile \
          -Dmdep.outputFile="$classpath.all") >&2
  tr ':' '\n' < "$classpath.all" | grep -v '/io/fidelis/' | paste -sd: - > "$classpath"
fi
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
export SPARK_LOCAL_IP=127.0.0.1
exec java ${FIDELIS_SPARK_JAVA_OPTS:--Xmx4g} "${opens[@]}" -Djdk.reflect.useDirectMethodHandle=false \
  -Dio.netty.tryReflectionSetAccessible=true -cp "$(cat "$classpath")" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=4 \
  --class io.fidelis.spark.ClassifyBook "$jar" "$@"
