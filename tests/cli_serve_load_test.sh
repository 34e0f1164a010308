#!/bin/sh
# cli_serve_load_test.sh — end-to-end tests of `tidings serve` under concurrent writes: POSTs sent at
# once share commits (a group commit) and each is acknowledged with its own articles, all stored; the
# summaries, made in the background after the answers, all reach the store, and a story read right
# after a POST already has the summary of its articles. Run from the repository root:
#   sh tests/cli_serve_load_test.sh PATH_TO_TIDINGS
NAME=cli_serve_load_test
. tests/clilib.sh "$@"

. tests/servelib.sh
start_server "$tmp/load.db"

# eight requests of 25 articles: each request one topic, its articles told in their own words
python3 - "$tmp" <<'PY'
import json, sys
topics = ["harbour ferry fire", "museum paintings theft", "council budget vote", "river flood warning",
          "airport strike talks", "school roof collapse", "market fire damage", "tunnel repair delay"]
for r, topic in enumerate(topics):
    a, b, c = topic.split()
    with open("%s/post%d.jsonl" % (sys.argv[1], r), "w") as f:
        for i in range(25):
            f.write(json.dumps({"id": "r%d-%d" % (r, i), "source": "Outlet %d" % i,
                                "text": "The %s %s drew %d reports on day %d. Officials of the %s said the %s was"
                                        " looked into by %d staff. Witness %d described the %s." %
                                        (a, b, i + 3, r + 1, a, c, 10 + i, i, c)}) + "\n")
PY
for r in 0 1 2 3 4 5 6 7; do
    curl -s -o "$tmp/answer$r" -w '%{http_code}\n' -H 'Content-Type: application/x-ndjson' \
        --data-binary @"$tmp/post$r.jsonl" "$base/articles" > "$tmp/code$r" &
done
wait_posts() { for r in 0 1 2 3 4 5 6 7; do while [ ! -s "$tmp/code$r" ]; do sleep 0.05; done; done; }
wait_posts
answers=$(python3 - "$tmp" <<'PY'
import json, sys
bad = []
for r in range(8):
    code = open("%s/code%d" % (sys.argv[1], r)).read().strip()
    d = json.load(open("%s/answer%d" % (sys.argv[1], r)))
    ids = [a["id"] for a in d["articles"]]
    if code != "200" or d["accepted"] != 25 or ids != ["r%d-%d" % (r, i) for i in range(25)]:
        bad.append("request %d: %s %s" % (r, code, ids[:3]))
print("; ".join(bad))
PY
)
verdict "eight POSTs at once: each answered 200 with its own 25 articles" "$answers"

missing=$(python3 - "$base" <<'PY'
import sys, urllib.request
missing = 0
for r in range(8):
    for i in range(25):
        try:
            urllib.request.urlopen("%s/articles/r%d-%d" % (sys.argv[1], r, i)).read()
        except Exception:
            missing += 1
print(missing)
PY
)
verdict "…and all 200 articles are stored" "$([ "$missing" = 0 ] || echo "$missing missing")"

# a story read right after its POST: the summary credits the new article's outlet
printf '{"id":"r0-late","source":"Late Gazette","text":"The harbour ferry drew 3 reports on day 1. Officials of the harbour said the fire was looked into by 10 staff. Witness 0 described the fire."}' > "$tmp/late.json"
story=$(curl -s -H 'Content-Type: application/json' --data-binary @"$tmp/late.json" "$base/articles" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"][0]["story"])')
curl -s "$base/stories/$story" > "$tmp/story.json"
verdict "a story read right after a POST has the summary of its articles now" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("" if any("Late Gazette" in s["sources"] for s in d["summary"]) and "r0-late" in [a["id"] for a in d["documents"]] else d["summary"])' "$tmp/story.json")"

# the background summariser writes every story's summary to the store
stale=""
for _ in $(seq 100); do
    stale=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True).execute("SELECT count(*) FROM stories WHERE stale").fetchone()[0])' "$tmp/load.db")
    [ "$stale" = 0 ] && break
    sleep 0.1
done
verdict "the summaries made in the background reach the store (no story left stale)" "$([ "$stale" = 0 ] || echo "$stale stale")"
stored=$(python3 -c 'import sqlite3,sys; db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True); print(db.execute("SELECT count(*) FROM stories WHERE key NOT IN (SELECT story FROM summary_sentences)").fetchone()[0], db.execute("SELECT sources FROM summary_sentences s JOIN stories t ON t.key = s.story WHERE t.id = ?", (sys.argv[2],)).fetchall())' "$tmp/load.db" "$story")
verdict "…each story has its summary, the late article's outlet credited" \
    "$(case $stored in "0 "*Late\ Gazette*) ;; *) echo "$stored" ;; esac)"

kill -TERM "$pid"
wait "$pid"
rc=$?
pid=""
verdict "SIGTERM stops it, the summariser with it (exit 0)" "$([ "$rc" = 0 ] || echo "exit $rc")"
finish
