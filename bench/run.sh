#!/usr/bin/env bash
# Benchmarks (not tests): speed and memory of the stages, on a seeded
# generated corpus, with the optimised build in build/.  Figures go to
# docs/performance.md by hand, with this script's output.
#
# usage: bench/run.sh segment [MEGABYTES]
#        bench/run.sh net
#        bench/run.sh world
#        bench/run.sh actors [MEGABYTES]
#        bench/run.sh events [SENTENCES]
#        bench/run.sh store [SENTENCES]
#        bench/run.sh serve
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-segment}
mb=${2:-100}
out=bench/out
mkdir -p "$out"
scripts/build >/dev/null
corpus="$out/corpus-${mb}mb.jsonl"
if [ "$what" = segment ] || [ "$what" = actors ]; then
	[ -s "$corpus" ] || build/gen_corpus -s 1 -m "$mb" > "$corpus"
	bytes=$(stat -c %s "$corpus")
fi

timeit() { # prints seconds and max RSS (KB) of a command, stdout discarded
	{ /usr/bin/env time -f "%e %M" "$@" 2>&1 >/dev/null || true; } | tail -n 1
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
net)
	machine
	echo "-- triad census (target < 0.5 s on 10^6 ties)"
	build/bench_net census 100000 1000000 1
	build/bench_net census-clustered 77000 516000 1
	echo "-- exact frustration, planted two-bloc graphs of 200 nodes / 2,000 ties (target < 1 s at 5% noise)"
	for seed in 1 2 3; do build/bench_net exact 200 2000 0.05 10 $seed; done
	echo "-- the same at 15% noise: value, bound and gap reached within 10 s"
	for seed in 1 2 3; do build/bench_net exact 200 2000 0.15 10 $seed; done
	echo "-- local search on 10^6 ties (target < 10 s)"
	build/bench_net heuristic 100000 1000000 1 5
	echo "-- the built-in world: entente balance (baseline, exact)"
	/usr/bin/env time -f "%e s, %M KB" build/entente balance --as-of 2023-09-13 >/dev/null
	;;
world)
	machine
	echo "-- the built-in world, each command end to end (process start, loading the states, treaties, UNSC tables and baseline ties included; best of 5)"
	for c in "treaties --all" "scenario USA-attacks-PRK --as-of 2023-09-13" "unsc sanctions-on-PRK --as-of 2023-09-13" \
	         "cascade nuclear PRK --as-of 2023-09-13" "cascade nuclear PRK --as-of 2023-09-13 --runs 10000" \
	         "blocs --as-of 2023-09-13" "analyze"; do
		read -r -a a <<< "${c//-attacks-/ attacks }"
		a=("${a[@]//sanctions-on-PRK/sanctions on PRK}")
		best=""
		for run in 1 2 3 4 5; do
			r=$(timeit build/entente "${a[@]}")
			if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
		done
		printf '  entente %-55s %5.2f s  peak RSS %5.1f MB\n' "${a[*]}" "${best% *}" "$(awk -v k="${best#* }" 'BEGIN{print k/1024}')"
	done
	;;
actors)
	machine
	phoenix=../shared/dictionaries/phoenix
	pfiles=()
	if [ -d "$phoenix" ]; then
		pfiles=("$phoenix/Phoenix.Countries.actors.txt" "$phoenix/Phoenix.International.actors.txt"
		        "$phoenix/Phoenix.MilNonState.actors.txt" "$phoenix/Phoenix.agents.txt")
	fi
	echo "-- dictionary load (in process, best of 10)"
	echo " built-in:"
	build/bench_actors load
	if [ ${#pfiles[@]} -gt 0 ]; then
		echo " built-in + Phoenix (${#pfiles[@]} files):"
		build/bench_actors load "${pfiles[@]}" 2>/dev/null
	else
		echo " (../shared/dictionaries absent: Phoenix figures skipped)"
	fi
	echo "-- whole program, load only: entente dict lookup (process start included, best of 5)"
	best=""
	for run in 1 2 3 4 5; do
		r=$(timeit build/entente dict lookup Putin)
		if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
	done
	awk -v t="${best% *}" -v m="${best#* }" 'BEGIN{printf "  built-in: %.3f s, peak RSS %.1f MB\n", t, m/1024}'
	if [ ${#pfiles[@]} -gt 0 ]; then
		args=()
		for f in "${pfiles[@]:0:3}"; do args+=(--actors "$f"); done
		args+=(--agents "${pfiles[3]}")
		best=""
		for run in 1 2 3 4 5; do
			r=$(timeit build/entente dict lookup Putin "${args[@]}")
			if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
		done
		awk -v t="${best% *}" -v m="${best#* }" 'BEGIN{printf "  built-in + Phoenix: %.3f s, peak RSS %.1f MB\n", t, m/1024}'
	fi
	echo "-- recognition on the generated corpus ($((bytes / 1000000)) MB), the stage alone (text stage done beforehand)"
	echo " built-in:"
	/usr/bin/env time -f "  peak RSS %M KB (all documents held in memory)" build/bench_actors run "$corpus"
	if [ ${#pfiles[@]} -gt 0 ]; then
		echo " built-in + Phoenix:"
		build/bench_actors run "$corpus" "${pfiles[@]}" 2>/dev/null
	fi
	echo "-- end to end: entente actors CORPUS > /dev/null (read, text stage, recognise, write JSONL; best of 3)"
	best=""
	for run in 1 2 3; do
		r=$(timeit build/entente actors "$corpus")
		if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
	done
	awk -v b="$bytes" -v t="${best% *}" -v m="${best#* }" 'BEGIN{printf "  %.2f s, %.1f MB/s, peak RSS %.1f MB\n", t, b/1e6/t, m/1024}'
	;;
events)
	machine
	n=${2:-400000}
	news="$out/news-$n.jsonl"
	[ -s "$news" ] || build/gen_news -n "$n" > "$news"
	sentences=$(build/entente segment --input jsonl --format text "$news" | wc -l)
	echo "-- input: build/gen_news -n $n: $(stat -c %s "$news") bytes, $sentences sentences, $(wc -l < "$news") documents"
	tabari=../shared/dictionaries/tabari
	phoenix=../shared/dictionaries/phoenix
	sets=("a|built-in dictionaries|")
	if [ -d "$tabari" ] && [ -d "$phoenix" ]; then
		sets+=("b|TABARI CAMEO verbs + Phoenix actors and agents|--no-builtin --verbs $tabari/CAMEO.091003.master.verbs --actors $phoenix/Phoenix.Countries.actors.txt --actors $phoenix/Phoenix.International.actors.txt --actors $phoenix/Phoenix.MilNonState.actors.txt --agents $phoenix/Phoenix.agents.txt")
	else
		echo "(../shared/dictionaries absent: set (b) skipped)"
	fi
	for set in "${sets[@]}"; do
		IFS='|' read -r tag label extra <<< "$set"
		read -r -a xa <<< "$extra"
		echo "-- ($tag) $label"
		best=""
		for run in 1 2 3 4 5; do
			r=$(echo '{"id":"x","text":""}' | { /usr/bin/env time -f "%e %M" build/entente code --input jsonl -j1 "${xa[@]}" 2>&1 >/dev/null || true; } | tail -n 1)
			if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
		done
		awk -v t="${best% *}" -v m="${best#* }" 'BEGIN{printf "  load (process start + dictionaries, empty input): %.3f s, peak RSS %.1f MB\n", t, m/1024}'
		events=$( { build/entente code --input jsonl -j1 "${xa[@]}" "$news" 2>/dev/null || true; } | wc -l)
		for jobs in 1 "$(nproc)"; do
			best=""
			for run in 1 2 3; do
				r=$(timeit build/entente code --input jsonl -j"$jobs" "${xa[@]}" "$news")
				if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
			done
			awk -v t="${best% *}" -v m="${best#* }" -v n="$sentences" -v e="$events" -v j="$jobs" 'BEGIN{
				printf "  -j%d end to end: %.2f s, %.0f sentences/s (%.0f per core), %d events, peak RSS %.1f MB\n", j, t, n/t, n/t/j, e, m/1024 }'
		done
	done
	;;
store)
	machine
	n=${2:-400000}
	news="$out/news-$n.jsonl"
	[ -s "$news" ] || build/gen_news -n "$n" > "$news"
	docs=$(wc -l < "$news")
	db="$out/store-bench.db"
	echo "-- input: build/gen_news -n $n: $docs documents, $(stat -c %s "$news") bytes"
	r=$(timeit build/entente code --input jsonl -j1 "$news")
	awk -v t="${r% *}" -v d="$docs" 'BEGIN{printf "  coding alone (entente code -j1 > /dev/null): %.2f s, %.0f documents/s\n", t, d/t}'
	rm -f "$db" "$db-wal" "$db-shm"
	r=$(timeit build/entente ingest --db "$db" "$news")
	events=$(build/entente store --db "$db" | sed -n 's/.*documents, \([0-9]*\) event mentions.*/\1/p')
	awk -v t="${r% *}" -v d="$docs" -v e="$events" -v m="${r#* }" 'BEGIN{printf "  entente ingest (code + store, one core): %.2f s, %.0f documents/s, %.0f events/s, peak RSS %.1f MB\n", t, d/t, e/t, m/1024}'
	echo "  database: $(du -h "$db" | cut -f1) for $events events"
	r=$(timeit build/entente ingest --db "$db" "$news")
	awk -v t="${r% *}" -v d="$docs" 'BEGIN{printf "  re-ingest (all unchanged): %.2f s, %.0f documents/s\n", t, d/t}'
	best=""
	for run in 1 2 3 4 5; do
		r=$(timeit build/entente events --db "$db" --dyad RUS-UKR)
		if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
	done
	k=$(build/entente events --db "$db" --dyad RUS-UKR | wc -l)
	awk -v t="${best% *}" -v k="$k" 'BEGIN{printf "  one dyad, all its events (%d), whole process: %.3f s\n", k, t}'
	best=""
	for run in 1 2 3 4 5; do
		r=$(timeit build/entente dyads --db "$db")
		if [ -z "$best" ] || awk "BEGIN{exit !(${r% *} < ${best% *})}"; then best=$r; fi
	done
	awk -v t="${best% *}" 'BEGIN{printf "  every dyad aggregated (entente dyads), whole process: %.3f s\n", t}'
	rm -f "$db" "$db-wal" "$db-shm"
	echo "-- a generated store of ${STORE_EVENTS:-10000000} events (several GB of disk for a few minutes; removed at the end)"
	build/bench_store -n "${STORE_EVENTS:-10000000}" -o "$out/bench-10m.db"
	;;
serve)
	# the web view: a 200-state network with 5,000 ties (generated), served
	# on loopback; wrk on /api/network, then the page painted in Chromium
	machine
	command -v wrk > /dev/null || { echo "bench/run.sh serve: install wrk (apt install wrk)" >&2; exit 1; }
	ties="$out/serve-200x5000.ties"
	awk -F'\t' 'NR > 1 && n < 200 { s[n++] = $1 }
		END { srand(7); k = 0
			while (k < 5150) { a = int(rand() * n); b = int(rand() * n)
				if (a == b || ((a "-" b) in seen) || ((b "-" a) in seen)) continue
				seen[a "-" b] = 1; w = (rand() < 0.7 ? 1 : -1) * (0.2 + 0.8 * rand())
				printf "%s | %s | %.2f | 2000-01-01 | | generated | bench\n", s[a], s[b], w; k++ } }' \
		data/states.tsv > "$ties"
	build/entente serve --ties "$ties" --no-baseline --port 0 --web web/dist > "$out/serve.out" 2> "$out/serve.err" &
	spid=$!
	for _ in $(seq 100); do grep -q serving "$out/serve.out" 2> /dev/null && break; sleep 0.1; done
	url=$(sed -n 's/.*\(http:[^ ]*\) .*/\1/p' "$out/serve.out")
	echo "-- $url: $(curl -s "${url}api/network" | grep -o '"a":' | wc -l) ties"
	t=$(curl -s -o /dev/null -w '%{time_total}' "${url}api/network?layout=1")
	echo "  /api/network?layout=1 uncached (network, camps, Graphviz layout): ${t} s"
	t=$(curl -s -o /dev/null -w '%{time_total}' "${url}api/network?as_of=2010-01-01")
	echo "  /api/network?as_of=2010-01-01 uncached: ${t} s"
	echo "  wrk -t1 -c16 -d10s /api/network (cached answer, $(curl -s "${url}api/network" | wc -c) bytes):"
	wrk -t1 -c16 -d10s --latency "${url}api/network" | grep -E "Requests/sec|Transfer/sec| 50%| 99%|Latency " | sed 's/^/    /'
	if [ -f web/dist/index.html ] && [ -x /usr/bin/chromium ]; then
		node web/bench.mjs "$url"
	else
		echo "  page: skipped (scripts/web, apt install chromium)"
	fi
	kill -TERM $spid
	wait $spid
	;;
*)
	echo "unknown benchmark $what" >&2
	exit 2
	;;
esac
