#!/bin/sh
# cli_junk_test.sh — end-to-end tests of articles with no news in them (failed extractions: a
# web-archive notice, a video page's notices, a tweet prompt, share prompts; invented, in
# tests/data/stories/junk.jsonl) mixed into the invented events of tests/data/stories/events.jsonl:
# each is a story of its own with confidence 0, never a copy, and the real stories are placed as
# without them. Run from the repository root:
#   sh tests/cli_junk_test.sh PATH_TO_TIDINGS
NAME=cli_junk_test
. tests/clilib.sh "$@"
EVENTS=tests/data/stories/events.jsonl
JUNK=tests/data/stories/junk.jsonl

# the events with the junk (and a short brief about the ferry fire, ferry-brief) between them
{ head -n 3 "$EVENTS"; sed -n 1,2p "$JUNK"; sed -n 4,6p "$EVENTS"; sed -n 3,7p "$JUNK"; sed -n 7,9p "$EVENTS"; } \
    >"$tmp/mixed.jsonl"
# the same stream without the junk
{ head -n 6 "$EVENTS"; grep '"ferry-brief"' "$JUNK"; sed -n 7,9p "$EVENTS"; } >"$tmp/clean.jsonl"

if check_run "cluster: a stream with junk articles" cluster "$tmp/mixed.jsonl"; then
    cp "$tmp/out" "$tmp/mixed.tsv"
    why=$(awk -F '\t' '$1 ~ /^junk-/ && ($2 != $1 || $3 != "0.000") { print $1 " -> " $2 " " $3 }' "$tmp/mixed.tsv")
    verdict "cluster: each junk article is a story of its own with confidence 0" "$why"
    why=$(awk -F '\t' '$1 !~ /^junk-/ && $2 ~ /^junk-/ { print $1 " joined " $2 }' "$tmp/mixed.tsv")
    verdict "cluster: no article joins a junk article's story" "$why"
    story=$(awk -F '\t' '$1 == "ferry-brief" { print $2 }' "$tmp/mixed.tsv")
    verdict "cluster: a three-sentence brief is placed in its story" \
        "$([ "$story" = ferry-1 ] || echo "ferry-brief in '$story'")"
    n=$(cut -f 2 "$tmp/mixed.tsv" | sort -u | wc -l | tr -d ' ')
    verdict "cluster: three events and six junk articles, nine stories" "$([ "$n" -eq 9 ] || echo "$n stories")"
fi

if check_run "cluster: the stream without the junk" cluster "$tmp/clean.jsonl"; then
    grep -v '^junk-' "$tmp/mixed.tsv" >"$tmp/mixed_real.tsv"
    verdict "cluster: junk changes no story (the same stories and confidences as without it)" \
        "$(diff "$tmp/out" "$tmp/mixed_real.tsv" | head -n 3)"
fi

# what the rule does: without it the three copies of the archive notice are one story
if check_run "cluster --min-words 0 places every article" cluster --min-words 0 "$tmp/mixed.jsonl"; then
    n=$(awk -F '\t' '$1 ~ /^junk-archive/ { print $2 }' "$tmp/out" | sort -u | wc -l | tr -d ' ')
    verdict "cluster --min-words 0: the archive notices are copies in one story" \
        "$([ "$n" -eq 1 ] || echo "$n stories")"
fi

# a title does not place an article whose text has no news
printf '%s\n' '{"id": "t-1", "title": "Ferry fire off Kelmsley", "text": "Share this article\n\nFollow us on Facebook and Twitter. Sign up for our newsletter."}' \
    >"$tmp/titled.jsonl"
run cluster "$tmp/titled.jsonl"
verdict "cluster: a title over a text with no news is not placed" \
    "$(run_problem)$(grep -v "$(printf 't-1\tt-1\t0.000')" "$tmp/out")"

# short news is news: one sentence with a name, a place and a number
printf '%s\n' '{"id": "q-1", "text": "A magnitude 6.1 earthquake struck off northern Japan on Friday; no tsunami warning was issued."}' \
    >"$tmp/short.jsonl"
run cluster "$tmp/short.jsonl"
verdict "cluster: a one-sentence brief is placed" "$(run_problem)$(grep "0.000" "$tmp/out")"

run cluster --min-words 51 "$tmp/mixed.jsonl"
check_exit "cluster --min-words 51 is a usage error" 2
run cluster --min-words five "$tmp/mixed.jsonl"
check_exit "cluster --min-words five is a usage error" 2

# ---------------------------------------------------------------- the store

store=$tmp/junk.db
if check_run "cluster --store: the stream with junk" cluster --store "$store" "$tmp/mixed.jsonl"; then
    verdict "cluster --store: the same placements as in memory" "$(diff "$tmp/out" "$tmp/mixed.tsv" | head -n 3)"
    run stories --store "$store" --min-articles 2
    n=$(grep -c '^  [0-9]* articles' "$tmp/out")
    verdict "stories --min-articles 2: the three events, without the junk" \
        "$(run_problem)$([ "$n" -eq 3 ] || echo "$n stories")$(grep 'junk-' "$tmp/out")"
fi
# fed in two runs, the same stories as in one
head -n 8 "$tmp/mixed.jsonl" >"$tmp/first.jsonl"
tail -n +9 "$tmp/mixed.jsonl" >"$tmp/second.jsonl"
run cluster --store "$tmp/two.db" "$tmp/first.jsonl"
cp "$tmp/out" "$tmp/two.tsv"
run cluster --store "$tmp/two.db" "$tmp/second.jsonl"
cat "$tmp/out" >>"$tmp/two.tsv"
verdict "cluster --store in two runs: the same placements as in one" "$(run_problem)$(diff "$tmp/two.tsv" "$tmp/mixed.tsv" | head -n 3)"

# a store made before min_words existed keeps placing every article, as it did
if [ "$have_python" -eq 1 ]; then
    head -n 3 "$tmp/mixed.jsonl" >"$tmp/events3.jsonl"
    tail -n +4 "$tmp/mixed.jsonl" >"$tmp/rest.jsonl"
    run cluster --store "$tmp/old.db" "$tmp/events3.jsonl"
    python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); s=c.execute("SELECT settings FROM state").fetchone()[0]
assert " min_words=5" in s, s
c.execute("UPDATE state SET settings = ?", (s.replace(" min_words=5", ""),)); c.commit()' "$tmp/old.db" 2>"$tmp/why"
    run cluster --store "$tmp/old.db" "$tmp/rest.jsonl"
    story=$(awk -F '\t' '$1 == "junk-archive-2" { print $2 }' "$tmp/out")
    verdict "an earlier store's settings (no min_words): every article placed, as before" \
        "$(cat "$tmp/why")$(run_problem)$([ "$story" = junk-archive-1 ] || echo "junk-archive-2 in '$story'")"
else
    skip "an earlier store's settings (needs python3)"
fi

# ---------------------------------------------------------------- the server (same library code)

. tests/servelib.sh
start_server "$tmp/serve.db"
if [ -z "$port" ]; then
    fail "serve: starts" "$(cat "$tmp/log")"
else
    curl -s -o "$tmp/body" -X POST -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/mixed.jsonl" \
        "$base/articles"
    python3 -c 'import json,sys
placed={a["id"]: a["story"] for a in json.load(open(sys.argv[1]))["articles"]}
tsv=dict(l.split("\t")[:2] for l in open(sys.argv[2]))
assert placed == tsv, [(k, placed.get(k), tsv[k]) for k in tsv if placed.get(k) != tsv[k]]' "$tmp/body" "$tmp/mixed.tsv" \
        >"$tmp/why" 2>&1
    verdict "serve: POST /articles places the stream as cluster does (junk alone)" "$(tail -n 1 "$tmp/why")"
fi
stop_server

finish
