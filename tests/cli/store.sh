#!/usr/bin/env bash
# The store, end to end on the real program: idempotent ingest, replaced
# and duplicate documents, hostile strings read back intact, a SIGKILL in
# the middle of a large ingest (the file stays sound, holds whole
# documents, and a re-run ends with the same counts as an uninterrupted
# run), two ingests at once, and damaged or foreign files refused.
# usage: store.sh PATH/TO/entente PATH/TO/gen_news
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
gen=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
info() { "$bin" store --db "$1" 2>&1; }

# 1. idempotent
printf '%s\n' '{"id":"a","date":"2024-06-01","text":"Russia attacked Ukraine. China praised Russia."}' \
	'{"id":"b","date":"2024-06-02","text":"Iran attacked Israel."}' > one.jsonl
"$bin" ingest --db s.db one.jsonl > out1 2>&1
"$bin" ingest --db s.db one.jsonl > out2 2>&1
check "first ingest adds" grep -q "2 added" out1
check "second ingest adds nothing" grep -q "0 added, 0 replaced, 2 unchanged" out2
check "counts after two ingests" grep -q "2 documents, 3 event mentions" <(info s.db)

# 2. the same id with new text replaces; the same text under a new id is a duplicate
printf '%s\n' '{"id":"a","date":"2024-06-01","text":"Russia condemned Ukraine."}' \
	'{"id":"c","date":"2024-06-02","text":"Iran attacked Israel."}' > two.jsonl
"$bin" ingest --db s.db two.jsonl > out3 2>&1
check "changed text replaces" grep -q "1 replaced" out3
check "same text, new id: duplicate" grep -q "same text as stored 'b'" out3
check "replaced events" test "$("$bin" events --db s.db --dyad RUS-UKR -f brief)" = "RUS UKR 111 2024-06-01"
check "duplicate not stored" grep -q "2 documents, 2 event mentions" <(info s.db)

# 3. hostile strings
big=$(head -c 1000000 /dev/zero | tr '\0' 'x')
printf '{"id":"x'"'"'; DROP TABLE documents; --","date":"2024-06-03","title":"%s","text":"Iran attacked Israel \\u0000 and \\"quotes\\" again."}\n' "$big" > hostile.jsonl
"$bin" ingest --db s.db hostile.jsonl > out4 2>&1
check "hostile document stored" grep -q "1 added" out4
check "hostile id read back" grep -q "x'; DROP TABLE documents; --" <("$bin" events --db s.db --actor IRN)
check "tables intact" grep -q "integrity ok; 3 documents" <(info s.db)

# 4. SIGKILL in the middle of a large ingest
"$gen" -n 30000 > news.jsonl
"$bin" ingest --db full.db --batch 50 news.jsonl > /dev/null 2>&1
want=$(info full.db | sed 's/.*integrity ok; //')
"$bin" ingest --db k.db --batch 50 news.jsonl > /dev/null 2>&1 &
pid=$!
for i in $(seq 200); do
	sleep 0.05
	n=$("$bin" store --db k.db 2>/dev/null | sed -n 's/.*ok; \([0-9]*\) documents.*/\1/p')
	[ -n "$n" ] && [ "$n" -gt 100 ] && break
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
mid=$("$bin" store --db k.db 2>&1)
n=$(printf '%s' "$mid" | sed -n 's/.*ok; \([0-9]*\) documents.*/\1/p')
total=$(wc -l < news.jsonl)
check "killed mid-way: sound file" grep -q "integrity ok" <<<"$mid"
check "killed mid-way: some but not all documents ($n of $total)" test -n "$n" -a "${n:-0}" -gt 0 -a "${n:-0}" -lt "$total"
check "killed mid-way: whole batches only" test $(( ${n:-1} % 50 )) -eq 0
"$bin" ingest --db k.db --batch 50 news.jsonl > /dev/null 2>&1
got=$(info k.db | sed 's/.*integrity ok; //; s/, [0-9]* ingest runs//')
check "re-run completes with the same counts ($got vs $want)" test "$got" = "$(printf '%s' "$want" | sed 's/, [0-9]* ingest runs//')"

# 5. two ingests at once
head -n 1000 news.jsonl > h1.jsonl
tail -n +1001 news.jsonl | head -n 1000 > h2.jsonl
"$bin" ingest --db c.db --batch 20 h1.jsonl > o1 2>&1 &
p1=$!
"$bin" ingest --db c.db --batch 20 h2.jsonl > o2 2>&1 &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
check "concurrent ingests both succeed" test $r1 -eq 0 -a $r2 -eq 0
check "concurrent ingests: no lock error" bash -c "! grep -qi locked o1 o2"
check "concurrent ingests: all documents" grep -q "2000 documents" <(info c.db)

# 6. damaged and foreign files: a clear error, exit 1, the file untouched
echo "not a database" > bad.db
cp bad.db bad.copy
"$bin" ingest --db bad.db one.jsonl > o3 2>&1
check "damaged file refused" test $? -eq 1
check "damaged file named" grep -q "bad.db: not an entente store" o3
check "damaged file untouched" cmp -s bad.db bad.copy

# 7. firsts and gaps
printf '%s\n' '{"id":"v1","date":"2023-01-10","text":"Kim Jong Un visited Russia."}' \
	'{"id":"v2","date":"2023-02-10","text":"Kim Jong Un visited China."}' \
	'{"id":"v3","date":"2024-06-10","text":"Kim Jong Un travelled to Russia."}' > visits.jsonl
"$bin" ingest --db v.db visits.jsonl > /dev/null 2>&1
sig=$("$bin" signals --db v.db --state PRK)
check "first trip on record" grep -q "2023-01-10 PRK: first trip abroad on record -> RUS" <<<"$sig"
check "no signal within the gap" bash -c "! grep -q '^2023-02-10' <<<'$sig'"
check "first trip after a gap" grep -q "2024-06-10 PRK: first trip abroad in 16 months (the last: CHN, 2023-02-10) -> RUS" <<<"$sig"

# a dyad month by month, and the latest N events
check "dyad by month" grep -q "^2023-01 *1 *1" <("$bin" dyads --db v.db --dyad PRK-RUS)
check "latest event first" test "$("$bin" events --db v.db --actor PRK --newest --limit 1 -f brief)" = "PRKGOV RUS 042 2024-06-10"

# a visit to a patron before the formal ally (China-DPRK treaty of 1961)
printf '%s\n' '{"id":"k1","date":"2019-04-25","text":"Kim Jong Un visited Russia for talks with Putin."}' > pat.jsonl
"$bin" ingest --db p.db pat.jsonl > /dev/null 2>&1
check "rival patron before the formal ally" grep -q "2019-04-25 PRK: visited RUS before its formal ally CHN (china_dprk_1961)" <("$bin" signals --db p.db)

# 8. a full disk (a file-size limit): a clear error, exit 1, what was
# stored before is intact
"$bin" ingest --db f.db one.jsonl > /dev/null 2>&1
before=$(info f.db)
(ulimit -f 400; "$bin" ingest --db f.db --batch 100000 news.jsonl > o4 2>&1)
r=$?
check "full disk: exit 1" test $r -eq 1
check "full disk: a clear error naming the file" grep -q "f.db" o4
after=$(info f.db)
check "full disk: stored documents intact ($after)" grep -q "integrity ok; 2 documents, 3 event mentions" <<<"$after"

# 9. a read-only file: a clear error, exit 1, nothing lost.  Root ignores
# file modes, so as root the program runs as nobody (setpriv).
as_user=()
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv > /dev/null; then
		as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	else
		echo "skip: read-only file (root without setpriv)"
	fi
fi
if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
	mkdir ro && "$bin" ingest --db ro/r.db one.jsonl > /dev/null 2>&1
	"$bin" store --db ro/r.db > /dev/null 2>&1 # checkpoint the WAL
	chmod 755 . && chmod 555 ro && chmod 444 ro/r.db ro/r.db-* 2> /dev/null
	"${as_user[@]}" "$bin" ingest --db ro/r.db news.jsonl > o5 2>&1
	r=$?
	check "read-only file: exit 1" test $r -eq 1
	check "read-only file: a clear error naming the file" grep -q "ro/r.db: cannot write to it: the file or its folder is read-only" o5
	chmod 755 ro && chmod 644 ro/r.db
	check "read-only file: stored documents intact" grep -q "integrity ok; 2 documents, 3 event mentions" <<<"$(info ro/r.db)"
fi

finish
