#!/bin/sh
# cli_serve_test.sh — end-to-end tests of `tidings serve` with curl on a free port: every route, the
# ways to send articles, errors with their status and JSON body, the token, the body limit, search,
# and a SIGKILL during ingest after which every acknowledged article is still there. Run from the
# repository root:   sh tests/cli_serve_test.sh PATH_TO_TIDINGS
NAME=cli_serve_test
. tests/clilib.sh "$@"

. tests/servelib.sh

# req METHOD PATH [CURL ARGS…]: sets code; the body goes to $tmp/body, the headers to $tmp/headers.
req() {
    method=$1
    path=$2
    shift 2
    code=$(curl -s -X "$method" -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' "$@" "$base$path")
}

# json EXPR: evaluates EXPR (Python) on the last body as `d`; prints the result.
json() {
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$tmp/body" 2>&1
}

# expect_error DESC STATUS: the last answer has this status and a JSON {"error": …} body.
expect_error() {
    msg=$(json 'd["error"]')
    if [ "$code" = "$2" ] && [ -n "$msg" ] && ! printf '%s' "$msg" | grep -q Traceback; then
        pass "$1" "$code: $msg"
    else
        fail "$1" "status $code, body $(cat "$tmp/body")"
    fi
}

# ---------------------------------------------------------------- routes and articles

start_server "$tmp/news.db"
if [ -z "$port" ]; then
    fail "serve: starts and says where it listens" "$(cat "$tmp/log")"
    finish
    exit $?
fi
pass "serve: starts on a free port ($port)"

req GET /health
verdict "GET /health" "$([ "$code" = 200 ] && [ "$(json 'd["status"]')" = ok ] || echo "$code $(cat "$tmp/body")")"
verdict "answers carry a Content-Security-Policy" "$(grep -qi '^Content-Security-Policy: default-src .none.' "$tmp/headers" || echo missing)"

# the example story as a JSON array (with outlets and dates), one article as plain text
python3 - "$EXAMPLE" > "$tmp/articles.json" <<'PY'
import glob, json, sys
outlets = ["Port Varrow Ledger", "KVRW", "Harbour Times", "Coastal Wire", "Evening Post"]
files = sorted(glob.glob(sys.argv[1] + "/*.txt"))
print(json.dumps([{"id": "hb-%d" % i, "source": outlets[i], "date": "2025-02-1%d" % (1 + i % 2),
                   "text": open(f, encoding="utf-8").read()} for i, f in enumerate(files[:4])]))
PY
req POST /articles -H 'Content-Type: application/json' --data-binary @"$tmp/articles.json"
verdict "POST a JSON array: 4 accepted, all in one story" \
    "$([ "$code" = 200 ] && [ "$(json 'd["accepted"], len({a["story"] for a in d["articles"]})')" = "4 1" ] || echo "$code $(cat "$tmp/body")")"
story=$(json 'd["articles"][0]["story"]')
req POST "/articles?id=hb-4&source=Evening%20Post&date=2025-02-12" -H 'Content-Type: text/plain; charset=utf-8' \
    --data-binary @"$EXAMPLE/05.txt"
verdict "POST text/plain with id, source and date in the query joins the story" \
    "$([ "$code" = 200 ] && [ "$(json 'd["articles"][0]["id"], d["articles"][0]["story"]')" = "hb-4 $story" ] || echo "$code $(cat "$tmp/body")")"

req GET /stories
verdict "GET /stories: one story of five articles from five outlets, with a summary" \
    "$([ "$(json 'len(d["stories"]), d["stories"][0]["articles"], len(d["stories"][0]["outlets"]), len(d["stories"][0]["summary"]) > 0')" = "1 5 5 True" ] || cat "$tmp/body")"
req GET "/stories/$story"
verdict "GET /stories/ID: summary with sources, documents, quotes, disagreements" \
    "$([ "$code" = 200 ] && [ "$(json 'len(d["documents"]), all(s["sources"] for s in d["summary"]), len(d["quotes"]) > 0, len(d["disagreements"]) > 0')" = "5 True True True" ] || echo "$code $(head -c 300 "$tmp/body")")"
req GET "/stories/$story/report"
verdict "GET /stories/ID/report: the HTML report" \
    "$([ "$code" = 200 ] && grep -qi '^Content-Type: text/html' "$tmp/headers" && grep -q 'Tamsin' "$tmp/body" || echo "$code")"
req GET /articles/hb-1
verdict "GET /articles/ID: id, story, source, date, text" \
    "$([ "$(json 'd["id"], d["story"] == "'"$story"'", d["source"], d["date"], "Tamsin" in d["text"]')" = "hb-1 True KVRW 2025-02-12 True" ] || cat "$tmp/body")"
req GET /
verdict "GET /: the web page" "$([ "$code" = 200 ] && grep -q '<html' "$tmp/body" || echo "$code")"

# JSON Lines and a web page; an id sent again with the same text changes nothing
printf '%s\n\n%s\n' '{"id":"ferry-1","source":"Ledger","text":"The ferry Marisol caught fire off Dunmore Head on Sunday. All 212 passengers were taken off by lifeboats, the coastguard said."}' \
    '{"id":"ferry-2","source":"KVRW","text":"Fire broke out on the ferry Marisol near Dunmore Head; the coastguard said all 212 passengers were rescued by lifeboats."}' > "$tmp/ferry.jsonl"
req POST /articles -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/ferry.jsonl"
verdict "POST JSON Lines (a blank line skipped): 2 accepted in one new story" \
    "$([ "$(json 'd["accepted"], d["articles"][0]["story"] == d["articles"][1]["story"] != "'"$story"'"')" = "2 True" ] || cat "$tmp/body")"
req POST /articles -H 'Content-Type: text/html' --data-binary @tests/data/html/$(ls tests/data/html | grep -m1 '\.html$')
verdict "POST text/html: one page's main text accepted" "$([ "$code" = 200 ] && [ "$(json 'd["accepted"]')" = 1 ] || echo "$code $(cat "$tmp/body")")"
req POST /articles -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/ferry.jsonl"
verdict "the same articles again: acknowledged, still one story of two" \
    "$(req GET /stories; [ "$(json '[s["articles"] for s in d["stories"] if s["id"] == "ferry-1"]')" = "[2]" ] || cat "$tmp/body")"

# search
req GET "/stories?q=ferry%20lifeboats"
verdict "search: ?q=ferry lifeboats finds the ferry story only" "$([ "$(json '[s["headline"][:40] for s in d["stories"]] and len(d["stories"])')" = 1 ] || cat "$tmp/body")"
req GET "/stories?q=anchorage&limit=5"
verdict "search: ?q=anchorage finds the bridge story" "$([ "$(json '[s["id"] for s in d["stories"]]')" = "['$story']" ] || cat "$tmp/body")"
req GET "/stories?q=zeppelin"
verdict "search: a word in no story finds nothing" "$([ "$(json 'len(d["stories"])')" = 0 ] || cat "$tmp/body")"
req GET "/stories?limit=1"
verdict "?limit=1 gives one story" "$([ "$(json 'len(d["stories"])')" = 1 ] || cat "$tmp/body")"

# ---------------------------------------------------------------- errors

req POST /articles -H 'Content-Type: application/json' --data-binary '{"id": "x", "text": '
expect_error "malformed JSON: 400" 400
printf '{"id":"bad","text":"caf\351"}' > "$tmp/latin1.json"
req POST /articles -H 'Content-Type: application/json' --data-binary @"$tmp/latin1.json"
expect_error "invalid UTF-8: 400" 400
req POST /articles -H 'Content-Type: application/json' --data-binary '{"text": "no id"}'
expect_error "missing id: 400" 400
req POST /articles -H 'Content-Type: application/json' --data-binary '[{"id": "ok-1", "text": "fine"}, {"id": "no-text"}]'
expect_error "missing text in a batch: 400" 400
req GET /articles/ok-1
expect_error "…and nothing of that batch was stored: 404" 404
req POST /articles -H 'Content-Type: application/json' --data-binary '{"id": "d", "text": "t", "date": "yesterday"}'
expect_error "a date that does not parse: 400" 400
req POST /articles -H 'Content-Type: image/png' --data-binary 'x'
expect_error "unknown media type: 415" 415
req POST /articles --data-binary 'x' -H 'Content-Type:'
expect_error "no media type: 415" 415
req DELETE "/stories/$story"
expect_error "DELETE: 405" 405
verdict "405 names the methods allowed" "$(grep -qi '^Allow: GET' "$tmp/headers" || echo missing)"
req GET /articles
expect_error "GET /articles: 405" 405
req GET /stories/no-such-story
expect_error "unknown story: 404" 404
req GET /articles/no-such-article
expect_error "unknown article: 404" 404
req GET /../../etc/passwd --path-as-is
expect_error "path traversal: 404" 404
req GET "/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd/report"
expect_error "encoded traversal in an id: 404" 404
req GET "/stories/a%zz"
expect_error "a bad escape in an id: 400" 400
req GET "/stories?limit=0"
expect_error "?limit=0: 400" 400
req GET "/stories?since=tuesday"
expect_error "?since=tuesday: 400" 400
stop_server

# ---------------------------------------------------------------- token and limits

TIDINGS_TOKEN=s3cret start_server "$tmp/news.db" --max-body 4096 --max-articles 3
req POST /articles -H 'Content-Type: application/json' --data-binary '{"id":"t1","text":"A token test."}'
expect_error "with a token set, a write without it: 401" 401
req POST /articles -H 'Authorization: Bearer wrong' -H 'Content-Type: application/json' --data-binary '{"id":"t1","text":"A token test."}'
expect_error "a wrong token: 401" 401
req POST /articles -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' --data-binary '{"id":"t1","text":"A token test."}'
verdict "the right token: 200" "$([ "$code" = 200 ] || echo "$code $(cat "$tmp/body")")"
req GET /stories
verdict "reads need no token" "$([ "$code" = 200 ] || echo "$code")"
head -c 5000 /dev/zero | tr '\0' 'a' > "$tmp/big"
req POST /articles -H 'Authorization: Bearer s3cret' -H 'Content-Type: text/plain' --data-binary @"$tmp/big"
expect_error "a body over --max-body: 413" 413
req POST /articles -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' \
    --data-binary '[{"id":"m1","text":"a"},{"id":"m2","text":"b"},{"id":"m3","text":"c"},{"id":"m4","text":"d"}]'
expect_error "more articles than --max-articles: 413" 413
kill -TERM "$pid"
wait "$pid"
rc=$?
pid=""
verdict "SIGTERM stops it cleanly (exit 0)" "$([ "$rc" = 0 ] && grep -q 'stopping (SIGTERM)' "$tmp/log" || echo "rc $rc")"
verdict "one log line per request on stderr" \
    "$([ "$(grep -c '^[0-9TZ:-]* 127.0.0.1 \(GET\|POST\) /[a-z]* [0-9]* [0-9]*$' "$tmp/log")" = 6 ] || cat "$tmp/log")"

check_bad "--port 70000: usage error" 2 "--port 70000" serve --port 70000
check_bad "--bind nowhere: usage error" 2 "nowhere" serve --bind nowhere --port 0 --store "$tmp/x.db"
printf 'not a database at all, just text\n' > "$tmp/text.db"
check_bad "a store that is not a store: exit 1" 1 "$tmp/text.db" serve --store "$tmp/text.db" --port 0

# ---------------------------------------------------------------- SIGKILL during ingest

start_server "$tmp/crash.db"
python3 - "$tmp" <<'PY'
import json, sys
words = "harbour ferry museum council river tunnel airport strike storm market school bridge".split()
for b in range(40):
    with open("%s/batch%d.jsonl" % (sys.argv[1], b), "w") as f:
        for i in range(25):
            n = b * 25 + i
            w = words[n % len(words)]
            f.write(json.dumps({"id": "c-%d" % n, "text": "The %s report number %d was filed on day %d. Officials said the %s work of %d crews went on." % (w, n, b, w, i)}) + "\n")
PY
: > "$tmp/acked"
(
    for b in $(seq 0 39); do
        out=$(curl -s -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/batch$b.jsonl" "$base/articles") || break
        printf '%s\n' "$out" | python3 -c 'import json,sys; [print(a["id"]) for a in json.load(sys.stdin)["articles"]]' >> "$tmp/acked" 2>/dev/null || break
    done
) &
feeder=$!
for _ in $(seq 100); do
    [ "$(wc -l < "$tmp/acked")" -ge 100 ] && break
    sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=""
wait "$feeder" 2>/dev/null
acked=$(sort -u "$tmp/acked" | wc -l)
start_server "$tmp/crash.db"
missing=0
for id in $(sort -u "$tmp/acked"); do
    c=$(curl -s -o /dev/null -w '%{http_code}' "$base/articles/$id")
    [ "$c" = 200 ] || missing=$((missing + 1))
done
verdict "SIGKILL during ingest: all $acked acknowledged articles are there after a restart" \
    "$([ "$acked" -ge 25 ] && [ "$missing" = 0 ] || echo "acked $acked, missing $missing")"
req POST /articles -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/batch39.jsonl"
verdict "…and the restarted server takes articles again" "$([ "$code" = 200 ] || echo "$code $(cat "$tmp/body")")"
stop_server

finish
