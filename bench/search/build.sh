#!/usr/bin/env bash
# Builds the four sites the search comparison uses, timing each step. See README.md.
#   bench/search/build.sh            # SC=/tmp/sc LOA=target/release/loa PAGEFIND=/tmp/pf/pagefind N=10000
set -euo pipefail
cd "$(dirname "$0")/../.."
SC=${SC:-/tmp/sc}
LOA=${LOA:-target/release/loa}
PAGEFIND=${PAGEFIND:-/tmp/pf/pagefind}
N=${N:-10000}
mkdir -p "$SC"
t() { /usr/bin/time -f "$1: %e s wall, %M KB max RSS" "${@:2}"; }

# The bundled site (base path /chuyen-doi-so/).
rm -rf "$SC/bundled" "$SC/pf-bundled" "$SC/pft-bundled"
t "loa build bundled" "$LOA" build -o "$SC/bundled"
# The generated site: N explainers per language.
[ -d "$SC/gen$N/loa" ] || python3 bench/gen.py --explainers "$N" --seed 1 --out "$SC/gen$N"
rm -rf "$SC/big" "$SC/pf-big" "$SC/pft-big"
t "loa build big" "$LOA" build -s "$SC/gen$N/loa" --output "$SC/big"

# Pagefind on copies: default settings (whole <body> of every page), and "tuned": only the
# explainer article (--root-selector article.explainer), which skips home, list and booklet
# pages and the navigation. Pagefind only reads the HTML, so hard-linked copies are enough.
for s in bundled big; do
  cp -al "$SC/$s" "$SC/pf-$s"
  cp -al "$SC/$s" "$SC/pft-$s"
  t "pagefind $s" "$PAGEFIND" --site "$SC/pf-$s" --silent
  t "pagefind tuned $s" "$PAGEFIND" --site "$SC/pft-$s" --silent --root-selector article.explainer
done
