#!/usr/bin/env bash
# Pictures and the report, end to end on the real program: the network as
# SVG and PNG (camps, signed ties, stable layout), the HTML report from a
# store (self-contained, every section, evidence marked from byte spans),
# `analyze -o`, and clear errors.
# usage: pictures.sh PATH/TO/entente [SOURCE_DIR]
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=${2:+$(realpath "$2")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# the network as SVG: nodes and ties with ids, signed styles, stable
"$bin" network -f svg --as-of 2024-06-30 > n1.svg
check "svg: exit 0" test $? -eq 0
check "svg: an SVG document" grep -q "<svg" n1.svg
check "svg: USA and RUS are nodes" grep -q 'id="n_USA"' n1.svg
grep -q 'id="n_RUS"' n1.svg || check "svg: RUS" false
check "svg: a cooperative tie solid blue (GBR-USA)" \
	grep -A4 'id="e_GBR_USA"' n1.svg -m1 | grep -q 'stroke="#2b6cb0"'
check "svg: hostile ties dashed red" grep -q 'stroke="#c53030".*stroke-dasharray' n1.svg
check "svg: camps filled" grep -q 'fill="#f4a261"' n1.svg
"$bin" network -f svg --as-of 2024-06-30 > n2.svg
check "svg: the same input gives the same picture" cmp -s n1.svg n2.svg
"$bin" network -f svg --as-of 2014-06-30 > n3.svg
check "svg: another date, another picture" bash -c "! cmp -s n1.svg n3.svg"
if [ -n "$src" ]; then
	"$bin" network -f svg --as-of 2023-09-13 > readme.svg
	check "the README's picture is what the code draws (docs/network.svg)" cmp -s readme.svg "$src/docs/network.svg"
fi
"$bin" network -f png --as-of 2024-06-30 > n.png
check "png: a PNG file" test "$(head -c 8 n.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a"

# the report from a store
printf '%s\n' '{"id":"kcna-0619","date":"2024-06-19","text":"Vladimir Putin arrived in Pyongyang on Wednesday. Kim Jong Un greeted Putin at the airport. Russia and North Korea signed a mutual defence treaty."}' \
	'{"id":"w1","date":"2024-05-02","text":"Russia attacked Ukraine. Ukraine shelled Russian positions."}' > news.jsonl
"$bin" ingest --db r.db news.jsonl > /dev/null 2>&1
"$bin" report --db r.db -o r.html 2> err
check "report: exit 0" test $? -eq 0
check "report: says where it wrote" grep -q "r.html" err
for section in network camps balance hostile cooperative timelines scenarios events; do
	check "report: section $section" grep -q "id=\"$section\"" r.html
done
check "report: the network picture inline" grep -q '<svg' r.html
check "report: nothing fetched (no src=, no http link but SVG namespaces)" \
	bash -c "! grep -q 'src=' r.html && ! grep -o 'https\\?://[^\" ]*' r.html | grep -vq 'www.w3.org'"
check "report: evidence marked from the spans" \
	grep -q '<mark class="src">Kim Jong Un</mark> <mark class="trg">greeted</mark> <mark class="tgt">Putin</mark> at the airport.' r.html
check "report: the event id beside its evidence" grep -q "kcna-0619:1:0" r.html
check "report: a month chart" grep -q '<svg class="chart"' r.html
check "report: a scenario answer" grep -q "If RUS attacks UKR on 2024-06-19" r.html

# analyze -o writes the same report from the articles it reads
"$bin" analyze -o a.html news.jsonl > a.txt 2> a.err
check "analyze -o: exit 0" test $? -eq 0
check "analyze -o: the report has the events read" grep -q "kcna-0619:1:0" a.html
check "analyze -o: the text summary still printed" grep -q "Alignment picture" a.txt

# bad input: invalid UTF-8, NUL bytes and markup in the stored text are
# escaped; an empty store gives a report with an empty events table
printf '{"id":"bad","date":"2024-05-03","text":"Russia attacked \xff\xfe Ukraine <script>x</script>."}\n' > bad.jsonl
"$bin" ingest --db b.db bad.jsonl > /dev/null 2>&1
"$bin" report --db b.db -o b.html 2> /dev/null
check "report of odd text: exit 0" test $? -eq 0
check "report of odd text: markup escaped" bash -c "! grep -q '<script>' b.html && grep -q '&lt;script&gt;' b.html"
"$bin" ingest --db empty.db /dev/null > /dev/null 2>&1
"$bin" report --db empty.db -o e.html 2> /dev/null
check "report of an empty store: exit 0" test $? -eq 0
check "report of an empty store: no event rows" grep -q "<p>0 events;" e.html

# errors
"$bin" report --rows many -o x.html 2> e3
check "bad --rows: exit 2" test $? -eq 2
check "bad --rows: says why" grep -q "\-\-rows 'many' is not a number from 1 to 100000" e3
"$bin" network -f gif > /dev/null 2> e1
check "bad format: exit 2" test $? -eq 2
check "bad format: names the choices" grep -q "svg|png" e1
"$bin" report --db r.db -o /nonexistent/dir/r.html 2> e2
check "unwritable report: exit 1" test $? -eq 1
check "unwritable report: names the file" grep -q "/nonexistent/dir/r.html" e2

finish
