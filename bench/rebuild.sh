#!/usr/bin/env bash
# Rebuilding into the same folder, as a user does after every edit: each binary builds SITE
# once into its own folder under DIR, then rebuilds into it ROUNDS times, the binaries taking
# turns round by round (the machine is noisy; turns spread the noise over all of them).
#
#   bench/rebuild.sh SITE DIR ROUNDS LOA [LOA...]
#   e.g. bench/rebuild.sh bench/sites/10000/loa /work/rb 3 /tmp/loa-before target/release/loa
#
# `sync` before every timed run. DIR must not exist (it is made, and removed at the end).
# Needs GNU time (/usr/bin/time).
set -euo pipefail
usage="usage: bench/rebuild.sh SITE DIR ROUNDS LOA [LOA...]"
site=${1:?$usage}
dir=${2:?$usage}
rounds=${3:?$usage}
shift 3
[ $# -ge 1 ] || { echo "$usage" >&2; exit 2; }
. "$(dirname "$0")/lib.sh"
need_rounds "$rounds"
scratch_dir "$dir"
log="$dir/times"
run() { # label binary output
  sync
  /usr/bin/time -f "$1: %e s wall, %U user, %S sys" -a -o "$log" \
    "$2" build --source "$site" --output "$3" >"$dir/said" 2>&1 ||
    { cat "$dir/said" >&2; exit 1; }
}
n=0
for loa in "$@"; do
  n=$((n + 1))
  echo "binary $n: $loa" >>"$log"
  run "cold $n" "$loa" "$dir/out-$n"
done
for r in $(seq 1 "$rounds"); do
  n=0
  for loa in "$@"; do
    n=$((n + 1))
    run "rebuild $n" "$loa" "$dir/out-$n"
  done
done
cat "$log"
python3 - "$log" <<'EOF'
import statistics, sys
walls = {}
for line in open(sys.argv[1]):
    if line.startswith("rebuild "):
        label, rest = line.split(": ", 1)
        walls.setdefault(label, []).append(float(rest.split(" s")[0]))
for label, w in sorted(walls.items()):
    print(f"{label}: median {statistics.median(w):.2f} s, min {min(w):.2f} s of {len(w)}")
EOF
