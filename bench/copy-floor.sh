#!/usr/bin/env bash
# The copy floor on a real disk: how a cold build compares with copying its own output.
#
#   bench/copy-floor.sh SITE DIR [ROUNDS]     e.g. bench/copy-floor.sh bench/sites/10000/loa /work/e4 3
#
# Each round: `sync`, loa builds SITE into a fresh folder under DIR, `sync`, `cp -r` copies that
# output into another fresh folder; both timed with /usr/bin/time. Nothing is deleted between
# timed runs: deleting the gigabytes just written made the kernel's share of the next run swing
# tenfold. DIR must not exist (it is made, and removed at the end; if the script is killed,
# remove it by hand). Environment: LOA (default: this repository's target/release/loa).
# Needs GNU time (/usr/bin/time).
set -euo pipefail
site=${1:?usage: bench/copy-floor.sh SITE DIR [ROUNDS]}
dir=${2:?usage: bench/copy-floor.sh SITE DIR [ROUNDS]}
rounds=${3:-3}
loa=${LOA:-$(cd "$(dirname "$0")/.." && pwd)/target/release/loa}
. "$(dirname "$0")/lib.sh"
need_rounds "$rounds"
scratch_dir "$dir"
log="$dir/times"
for r in $(seq 1 "$rounds"); do
  sync
  /usr/bin/time -f "loa $r: %e s wall, %U user, %S sys" -a -o "$log" \
    "$loa" build --source "$site" --output "$dir/loa-$r" >"$dir/said" 2>&1 ||
    { cat "$dir/said" >&2; exit 1; }
  sync
  /usr/bin/time -f "cp $r: %e s wall, %U user, %S sys" -a -o "$log" \
    cp -r "$dir/loa-$r" "$dir/cp-$r"
done
cat "$log"
# Medians of the wall times, and their ratio.
python3 - "$log" <<'EOF'
import statistics, sys
walls = {"loa": [], "cp": []}
for line in open(sys.argv[1]):
    tool, rest = line.split(" ", 1)
    walls[tool].append(float(rest.split(": ")[1].split(" s")[0]))
loa, cp = statistics.median(walls["loa"]), statistics.median(walls["cp"])
print(f"median: loa {loa:.2f} s, cp -r {cp:.2f} s, build / copy {loa / cp:.2f}")
EOF
