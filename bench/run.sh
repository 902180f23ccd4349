#!/usr/bin/env bash
# Benchmarks (not tests): speed and memory of the stages, on a seeded
# generated corpus, with the optimised build in build/.  Figures go to
# docs/performance.md by hand, with this script's output.
#
# usage: bench/run.sh [segment] [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-segment}
mb=${2:-100}
out=bench/out
mkdir -p "$out"
scripts/build >/dev/null
cc -O2 -o "$out/gen_corpus" bench/gen_corpus.c -lm
corpus="$out/corpus-${mb}mb.jsonl"
[ -s "$corpus" ] || "$out/gen_corpus" -s 1 -m "$mb" > "$corpus"
bytes=$(stat -c %s "$corpus")

timeit() { # prints seconds and max RSS (KB) of a command, stdout discarded
	/usr/bin/env time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1
}

machine() {
	echo "machine: $(nproc) cores, $(awk -F': ' '/model name/{print $2;exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/{print $2}') GiB"
}

case "$what" in
segment)
	machine
	sentences=$(build/entente segment --format text "$corpus" | wc -l)
	best=""
	rss=0
	for run in 1 2 3; do
		r=$(timeit build/entente segment --format jsonl "$corpus")
		s=${r% *}
		if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; rss=${r#* }; fi
	done
	awk -v b="$bytes" -v s="$best" -v n="$sentences" -v r="$rss" 'BEGIN{
		printf "segment --format jsonl, generated corpus: %.1f MB, %d sentences\n", b/1e6, n
		printf "  best of 3: %.2f s  %.1f MB/s  %.0f sentences/s  peak RSS %.1f MB\n", s, b/1e6/s, n/s, r/1024 }'
	r=$(timeit build/entente segment --format tokens "$corpus")
	s=${r% *}
	awk -v b="$bytes" -v s="$s" 'BEGIN{printf "segment --format tokens (tokenise + fold every sentence): %.2f s  %.1f MB/s\n", s, b/1e6/s}'
	samples=data/samples/articles.jsonl
	args=()
	for i in $(seq 200); do args+=("$samples"); done
	sbytes=$(( $(stat -c %s "$samples") * 200 ))
	r=$(timeit build/entente segment --format jsonl "${args[@]}")
	s=${r% *}
	awk -v b="$sbytes" -v s="$s" 'BEGIN{printf "bundled samples x200 (%.1f MB): %.2f s  %.1f MB/s\n", b/1e6, s, b/1e6/s}'
	;;
*)
	echo "unknown benchmark $what" >&2
	exit 2
	;;
esac
