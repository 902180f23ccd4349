#!/usr/bin/env bash
# The same input coded with -j1 and -j4 gives byte-identical output (JSONL
# and GDELT, which numbers its events), on 20,000 generated news sentences
# in 2,000 documents.
# usage: determinism.sh PATH/TO/entente PATH/TO/gen_news
set -eu
bin=$1
gen=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" -n 20000 > "$tmp/news.jsonl"
for f in jsonl gdelt; do
	"$bin" code --input jsonl -f "$f" -j1 < "$tmp/news.jsonl" > "$tmp/j1.$f"
	"$bin" code --input jsonl -f "$f" -j4 < "$tmp/news.jsonl" > "$tmp/j4.$f"
	n=$(wc -l < "$tmp/j1.$f")
	if [ "$n" -lt 1000 ]; then
		echo "FAIL: only $n events coded from 20,000 sentences ($f)" >&2
		exit 1
	fi
	if ! cmp -s "$tmp/j1.$f" "$tmp/j4.$f"; then
		echo "FAIL: -j1 and -j4 differ ($f)" >&2
		diff "$tmp/j1.$f" "$tmp/j4.$f" | head -5 >&2
		exit 1
	fi
	echo "ok: $f, $n events, -j1 and -j4 identical"
done
