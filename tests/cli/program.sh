#!/usr/bin/env bash
# CLI tests on the real program: run from a temporary directory, the README
# example, documented output fields, and --help / man page / completion /
# docs/cli.md all listing the same options.
# usage: program.sh PATH/TO/entente SOURCE_DIR
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# 1. the program works from any directory, on its built-in samples
out=$("$bin" analyze 2>&1)
check "analyze from a temporary directory" grep -q "36 documents" <<<"$out"

# 2. the example from the foundation issue
out=$(echo 'North Korean leader Kim Jong -un arrived.During the visit, he met Putin. The U.S. said 3.5 percent rose.' | "$bin" segment --format jsonl)
check "three sentences" test "$(wc -l <<<"$out")" -eq 3
check "first contains Kim Jong-un" grep -q '"sentence":0,.*Kim Jong-un' <<<"$out"

# 3. exit statuses
"$bin" segment --bogus </dev/null >/dev/null 2>&1
check "usage error exits 2" test $? -eq 2
printf '{"id":"x","date":"bad","text":"t"}\n' | "$bin" segment >/dev/null 2>&1
check "bad input exits 1" test $? -eq 1
"$bin" --help >/dev/null
check "--help exits 0" test $? -eq 0
"$bin" --help | grep -q "usage:"
check "--help goes to stdout" test $? -eq 0

# 4. every documented JSON field appears in the output, with its JSON type
line=$(echo 'One sentence.' | "$bin" segment --format jsonl)
for f in '"doc":"-"' '"sentence":0' '"start":0' '"end":13' '"text":"One sentence."'; do
	check "segment field $f" grep -qF "$f" <<<"$line"
done
for f in doc sentence start end text; do
	check "docs/cli.md documents segment field $f" grep -q "\`$f\`" "$src/docs/cli.md"
done

# 5. --help, man page, completion and docs/cli.md list the same options
man=$("$bin" man)
comp=$("$bin" completion bash)
for cmd in $("$bin" --help | awk '/^commands:/{f=1;next} f&&!NF{exit} f{print $1}'); do
	opts=$("$bin" "$cmd" --help | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
	check "man page has command $cmd" grep -q "entente $cmd\"" <<<"$man"
	check "docs/cli.md has command $cmd" grep -q "entente $cmd" "$src/docs/cli.md"
	for o in $opts; do
		esc=${o//-/\\-}
		check "man page has $cmd $o" grep -qF -- "$esc" <<<"$man"
		check "completion has $cmd $o" grep -qF -- "$o" <<<"$comp"
		check "docs/cli.md has $cmd $o" grep -qF -- "$o" "$src/docs/cli.md"
	done
done
bash -n <(echo "$comp")
check "completion is valid bash" test $? -eq 0

# 6. progress bar and colour only on a terminal (script(1) gives a pty)
if command -v script >/dev/null; then
	printf '{"id":"a","date":"2023-01-01","text":"One."}\n%.0s' $(seq 50) > many.jsonl
	tty_out=$(ENTENTE_PROGRESS_DELAY=0 script -qec "$bin segment --format text many.jsonl >/dev/null" /dev/null)
	check "progress bar on a terminal" grep -q "docs" <<<"$tty_out"
	plain=$(ENTENTE_PROGRESS_DELAY=0 "$bin" segment --format text many.jsonl 2>&1 >/dev/null)
	check "no progress bar when stderr is not a terminal" test -z "$plain"
	col=$(script -qec "$bin analyze" /dev/null)
	check "colour on a terminal" grep -q $'\033\[1m' <<<"$col"
	nocol=$(NO_COLOR=1 script -qec "$bin analyze" /dev/null)
	check "no colour with NO_COLOR" bash -c '! grep -q $'"'"'\033\['"'"' <<<"$1"' _ "$nocol"
	pipe=$("$bin" analyze | cat)
	check "no colour into a pipe" bash -c '! grep -q $'"'"'\033\['"'"' <<<"$1"' _ "$pipe"
fi

# 7. the installed program works too
if cmake --install "$(dirname "$bin")" --prefix "$tmp/prefix" >/dev/null 2>&1; then
	check "installed analyze" grep -q "36 documents" <<<"$("$tmp/prefix/bin/entente" analyze 2>&1)"
	check "installed man page" test -s "$tmp/prefix/share/man/man1/entente.1"
else
	echo "FAIL: cmake --install" >&2
	fails=$((fails + 1))
fi

finish
