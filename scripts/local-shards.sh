#!/bin/sh
# Run an exploration as N shard processes on this machine, all at once, then merge them:
# what a CI matrix or a Kubernetes Indexed Job does across machines (docs/parallel.md).
#
#   scripts/local-shards.sh N OUTDIR PROGRAM [explore options...]
#   scripts/local-shards.sh 4 results zoo/dining-philosophers --strategy pct --max-executions 100000
#
# Each shard writes OUTDIR/shard-I.json; the merged report goes to standard output (--json
# among the options gives the merged --json). Exits as `threadsim explore` would.
set -eu
if [ $# -lt 3 ]; then
  echo "usage: $0 N OUTDIR PROGRAM [explore options...]" >&2
  exit 2
fi
n=$1
dir=$2
shift 2
bin="$(dirname "$0")/../bin/threadsim.js"
json=""
for a in "$@"; do [ "$a" = "--json" ] && json="--json"; done
mkdir -p "$dir"
pids=""
i=1
while [ "$i" -le "$n" ]; do
  node "$bin" explore "$@" --shard "$i/$n" --workers 1 -o "$dir/shard-$i.json" --force &
  pids="$pids $!"
  i=$((i + 1))
done
failed=0
for p in $pids; do wait "$p" || failed=1; done
if [ "$failed" -ne 0 ]; then
  echo "$0: a shard failed; not merging" >&2
  exit 2
fi
exec node "$bin" merge "$dir"/shard-*.json $json
