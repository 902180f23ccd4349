#!/usr/bin/env bash
# The web server, end to end on 127.0.0.1: the API answers as the CLI
# does, with 400/404/405/413/414 for what it refuses; no file outside the
# web root is served ("..", "%2e%2e", absolute paths, links out); slow
# clients do not hold the workers and are cut off after --timeout; a
# client that goes away mid-response does not hurt the server; answers
# follow the store when it changes; SIGTERM stops it cleanly.
# usage: serve.sh PATH/TO/entente   (needs curl; skipped without it)
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
if ! command -v curl > /dev/null; then
	echo "skip: curl is not installed"
	exit 77
fi
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2> /dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

printf '%s\n' '{"id":"kcna-0619","date":"2024-06-19","text":"Vladimir Putin arrived in Pyongyang on Wednesday. Kim Jong Un greeted Putin at the airport."}' \
	'{"id":"w1","date":"2024-05-02","text":"Russia attacked Ukraine."}' > news.jsonl
"$bin" ingest --db t.db news.jsonl > /dev/null 2>&1
mkdir web
echo '<!DOCTYPE html><title>test page</title>' > web/index.html
echo 'secret' > secret.txt
ln -s ../secret.txt web/link.txt

"$bin" serve --db t.db --port 0 --web web --timeout 2 > out 2> err &
pid=$!
for _ in $(seq 100); do grep -q serving out 2> /dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' out)
check "serving on 127.0.0.1 (loopback by default)" test -n "$port"
base="http://127.0.0.1:$port"
code() { curl -s -o body -w '%{http_code}' "$@"; }

# the page and the API
check "GET / is the page" test "$(code "$base/")" = 200
check "the page's content" grep -q "test page" body
check "HEAD / answers" test "$(curl -s -I -o /dev/null -w '%{http_code}' "$base/")" = 200
check "/api/ lists the routes" test "$(code "$base/api/")" = 200
check "/api/ names /api/network" grep -q '"/api/network"' body
check "/api/network answers" test "$(code "$base/api/network")" = 200
"$bin" network -f json --db t.db > cli.json
check "/api/network is the CLI's JSON" cmp -s body cli.json
check "/api/network?layout=1 has positions" \
	bash -c "curl -s '$base/api/network?layout=1' | grep -q '\"x\":'"
check "/api/scenario USA attacks PRK" test "$(code "$base/api/scenario?attacker=USA&target=PRK")" = 200
check "the scenario names the 1961 treaty" grep -q "china_dprk_1961" body
check "/api/unsc" test "$(code "$base/api/unsc?target=PRK")" = 200
check "/api/balance" test "$(code "$base/api/balance?as_of=2020-01-01")" = 200
check "/api/events of a dyad" test "$(code "$base/api/events?dyad=RUS-UKR")" = 200
check "the events are the store's" grep -q '"id":"w1:0:0"' body
check "/api/evidence/ID" test "$(code "$base/api/evidence/kcna-0619:1:0")" = 200
check "the evidence marked" grep -q 'mark class=\\"trg\\">greeted' body

# refused
check "a bad date: 400" test "$(code "$base/api/network?as_of=2024-13-01")" = 400
check "a bad date: the CLI's message" grep -q "is not a YYYY-MM-DD date" body
check "an unknown parameter: 400" test "$(code "$base/api/network?colour=red")" = 400
check "an option smuggled as a value: 400" test "$(code "$base/api/position?state=--db=/etc/passwd")" = 400
check "an unknown state: 400" test "$(code "$base/api/scenario?attacker=Atlantis&target=PRK")" = 400
check "invalid UTF-8 in a value: 400" test "$(code "$base/api/position?state=%FF%FE")" = 400
check "an empty value keeps the CLI's default" test "$(code "$base/api/network?as_of=")" = 200
check "an invalid-UTF-8 event id: 404" test "$(code "$base/api/evidence/%FF%00x")" = 404
check "an unknown route: 404" test "$(code "$base/api/nothing")" = 404
check "an unknown page: 404" test "$(code "$base/nothing.html")" = 404
check "an unknown event: 404" test "$(code "$base/api/evidence/nope:0:0")" = 404
check "POST: 405" test "$(code -X POST -d x=1 "$base/api/network")" = 405
check "a body on GET: 413" test "$(code -X GET -d x=1 "$base/api/network")" = 413
long=$(head -c 40000 /dev/zero | tr '\0' a)
c=$(code "$base/api/network?as_of=$long")
check "an oversized request: 414 or 431 ($c)" bash -c "[ $c = 414 ] || [ $c = 431 ]"
c=$(code -H "X-Big: $long" "$base/api/")
check "oversized headers: 431 or 413 ($c)" bash -c "[ $c = 431 ] || [ $c = 413 ] || [ $c = 414 ]"

# nothing outside the web root
for p in "/../secret.txt" "/%2e%2e/secret.txt" "/%2E%2E/%2e%2e/etc/passwd" "//etc/passwd" \
	"/../../../../etc/passwd" "/link.txt" "/./index.html" "/%2fetc%2fpasswd" "/web/../secret.txt"; do
	c=$(code --path-as-is "$base$p")
	check "outside the root refused: $p ($c)" bash -c "[ $c = 404 ] && ! grep -q -e secret -e root: body"
done

# slow clients: 20 idle connections do not stop others, and are cut off
fds=()
for _ in $(seq 20); do
	exec {fd}<> "/dev/tcp/127.0.0.1/$port"
	printf 'GET /api/ HTTP/1.1\r\nHost: x\r\n' >&"$fd"
	fds+=("$fd")
done
check "served beside 20 idle clients" test "$(code "$base/api/balance")" = 200
# ...while they were still connected (not after they were cut off): the
# first one has nothing to read yet, so reading it does not end
timeout 0.5 cat <&"${fds[0]}" > /dev/null 2>&1
check "...while the idle clients were still connected" test $? -eq 124
sleep 3
cut=0
for fd in "${fds[@]}"; do
	if timeout 2 cat <&"$fd" > /dev/null 2>&1; then cut=$((cut + 1)); fi
	exec {fd}>&-
done
check "idle clients cut off after --timeout ($cut of 20)" test $cut -eq 20

# clients that go away mid-response
for _ in $(seq 20); do
	exec {fd}<> "/dev/tcp/127.0.0.1/$port"
	printf 'GET /api/network?layout=1 HTTP/1.0\r\n\r\n' >&"$fd"
	head -c 100 <&"$fd" > /dev/null
	exec {fd}>&-
done
check "alive after 20 clients left mid-response" test "$(code "$base/api/network?layout=1")" = 200
check "the server process still runs" kill -0 $pid

# answers follow the store
printf '%s\n' '{"id":"n2","date":"2024-07-01","text":"Ukraine attacked Russia."}' > more.jsonl
"$bin" ingest --db t.db more.jsonl > /dev/null 2>&1
check "a new event is served after ingest" \
	bash -c "curl -s '$base/api/events?dyad=RUS-UKR' | grep -q '\"id\":\"n2:0:0\"'"

kill -TERM $pid
wait $pid
r=$?
pid=""
check "SIGTERM stops it with status 0 ($r)" test $r -eq 0

# the assets missing: it says what to run, the API still works
"$bin" serve --db t.db --port 0 --web "$tmp/none" > out2 2> err2 &
pid=$!
for _ in $(seq 100); do grep -q serving out2 2> /dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' out2)
check "missing assets: says to run scripts/web" grep -q "scripts/web" err2
check "missing assets: / says so (503)" test "$(code "http://127.0.0.1:$port/")" = 503
check "missing assets: the API works" test "$(code "http://127.0.0.1:$port/api/balance")" = 200
kill -TERM $pid
wait $pid
pid=""

# a port in use: a clear error
"$bin" serve --port 0 > out3 2> /dev/null &
p3=$!
for _ in $(seq 100); do grep -q serving out3 2> /dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' out3)
"$bin" serve --port "$port" > /dev/null 2> err4
check "a port in use: exit 1" test $? -eq 1
check "a port in use: says so" grep -q "cannot listen on 127.0.0.1 port $port" err4
kill -TERM $p3
wait $p3

finish
