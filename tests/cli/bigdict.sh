#!/usr/bin/env bash
# A 1 GB malformed dictionary on stdin: 100 MB of bad lines, then 924 MB of
# NUL bytes with no line end.  `entente dict check` must report errors
# (capped, then counted), finish, exit 1, and stay within bounded memory.
# usage: bigdict.sh PATH/TO/entente
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ yes 'BAD_LINE_ [[' | head -c 100M; head -c 924M /dev/zero; } |
	/usr/bin/env time -f "%M" -o "$tmp/rss" "$bin" dict check --kind actors - \
		>"$tmp/out" 2>"$tmp/err"
rc=$?
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
grep -q '^-: actors: 0 entries, 0 phrases, 0 dated restrictions; 8065970 errors' "$tmp/out" ||
	fail "summary: $(cat "$tmp/out")"
grep -q -- '-:1: unbalanced' "$tmp/err" || fail "first error not reported"
grep -q 'counted, not reported' "$tmp/err" || fail "no cap on reports"
[ "$(wc -l <"$tmp/err")" -le 10010 ] || fail "reports not capped"
rss=$(tail -n 1 "$tmp/rss")
[ "$rss" -lt 65536 ] || fail "peak memory ${rss} KB, expected under 64 MB"
echo "1 GB dictionary: exit $rc, peak memory ${rss} KB, $(wc -l <"$tmp/err") lines of diagnostics"
exit $((fails > 0))
