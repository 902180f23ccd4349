#!/usr/bin/env bash
# The development gold set must not score below the figures recorded in
# docs/accuracy.md (F1 at state dyad + root and at state dyad + full code);
# the held-out files' hashes must match the ones committed.
# usage: eval.sh PATH/TO/entente SOURCE_DIR
set -eu
bin=$1
src=$2
cd "$src"
sha256sum --quiet -c tests/eval/heldout.sha256
out=$("$bin" eval -f json --worst 0 tests/eval/dev.tsv)
f1s=$(printf '%s\n' "$out" | grep -o '"f1":[0-9.]*' | cut -d: -f2 | tr '\n' ' ')
set -- $f1s
echo "dev F1: root $1, full code $2, full actors $3"
awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= 0.65 && b >= 0.55) }' || {
	echo "FAIL: dev F1 fell below the recorded floor 0.65 / 0.55" >&2
	exit 1
}
