#!/usr/bin/env bash
# Runs the whole search comparison. See bench/search/README.md.
# Needs: the sites built into $SC (default /tmp/sc), Pagefind run on copies of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
SC=${SC:-/tmp/sc}
RUNS=${RUNS:-3}
OUT=bench/search/out
mkdir -p "$OUT"
node bench/search/compare.mjs --site "$SC/pf-bundled" --label bundled --runs "$RUNS" --queries all --out "$OUT/results-bundled.json"
node bench/search/compare.mjs --site "$SC/pft-bundled" --label bundled-tuned --tools pagefind --runs "$RUNS" --queries all --out "$OUT/results-bundled-tuned.json"
node bench/search/compare.mjs --site "$SC/pf-big" --label big --runs "$RUNS" --queries all --out "$OUT/results-big.json"
node bench/search/compare.mjs --site "$SC/pft-big" --label big-tuned --tools pagefind --runs "$RUNS" --queries all --out "$OUT/results-big-tuned.json"
# Typing key by key (120 ms a key) instead of one input event: what a reader's typing loads.
node bench/search/compare.mjs --site "$SC/pf-big" --label big-typed --tools loa --runs 1 --typed --out "$OUT/results-big-typed.json"
node bench/search/summarize.mjs "$OUT"/results-bundled.json "$OUT"/results-bundled-tuned.json "$OUT"/results-big.json "$OUT"/results-big-tuned.json > "$OUT/tables.md"
