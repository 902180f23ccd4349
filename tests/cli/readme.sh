#!/usr/bin/env bash
# The README's examples are tests: every "$ entente ..." line inside a
# ```console block is run with the built program, and every output line shown
# under it (except "...") must appear in the real output, in that order.
# usage: readme.sh PATH/TO/entente README.md
set -u
bin=$(realpath "$1")
readme=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fails=0
in_block=0
cmd=""
: > "$tmp/expect"

check() {
	[ -n "$cmd" ] || return 0
	local out="$tmp/out" line pos=0 n
	# run it like a user would: the word "entente" is the program
	eval "\"$bin\" ${cmd#entente }" > "$out" 2>&1
	local rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: README: '$cmd' exited $rc" >&2
		fails=$((fails + 1))
		return
	fi
	while IFS= read -r line; do
		[ "$line" = "..." ] && continue
		n=$(awk -v want="$line" -v from="$pos" 'NR > from && $0 == want { print NR; exit }' "$out")
		if [ -z "$n" ]; then
			echo "FAIL: README: '$cmd' did not print (in order): $line" >&2
			fails=$((fails + 1))
			return
		fi
		pos=$n
	done < "$tmp/expect"
	pass=$((pass + 1))
}

# run the examples in a scratch directory (some write files: news.db)
cd "$tmp" || exit 1
while IFS= read -r l; do
	if [ "$in_block" -eq 0 ]; then
		[ "$l" = '```console' ] && in_block=1
		continue
	fi
	if [ "$l" = '```' ]; then
		check
		cmd=""
		: > "$tmp/expect"
		in_block=0
		continue
	fi
	case "$l" in
	'$ entente '*)
		check
		cmd=${l#\$ }
		: > "$tmp/expect"
		;;
	*)
		printf '%s\n' "$l" >> "$tmp/expect"
		;;
	esac
done < "$readme"

echo "$pass passed, $fails failed"
test "$fails" -eq 0 && test "$pass" -gt 0
