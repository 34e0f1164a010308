#!/bin/sh
# cli_stories_test.sh — end-to-end tests of `tidings cluster` and `tidings stories` on invented
# events (tests/data/stories/events.jsonl: a ferry fire, a museum theft, a mayoral election, three
# articles each) and the bundled harbour-bridge story. Run from the repository root:
#   sh tests/cli_stories_test.sh PATH_TO_TIDINGS
NAME=cli_stories_test
. tests/clilib.sh "$@"
EVENTS=tests/data/stories/events.jsonl

# stories_of FILE: "id story" pairs from JSON Lines placements, in order
placements() {
    python3 -c 'import json,sys
for l in open(sys.argv[1]): p=json.loads(l); print(p["id"], p["story"])' "$1"
}

# bad_line DESC LINE TEXT: a stream whose line LINE is TEXT (the others good) fails naming the line
bad_line() {
    desc=$1 num=$2 text=$3
    head -n $((num - 1)) "$EVENTS" >"$tmp/bad.jsonl"
    printf '%s\n' "$text" >>"$tmp/bad.jsonl"
    tail -n +$((num + 1)) "$EVENTS" >>"$tmp/bad.jsonl"
    run cluster --json "$tmp/bad.jsonl"
    lines=$(wc -l <"$tmp/err" | tr -d ' ')
    if [ "$rc" -ne 1 ]; then fail "$desc" "exit $rc, want 1"
    elif [ "$lines" -ne 1 ]; then fail "$desc" "$lines lines on stderr"
    elif ! grep -q "bad.jsonl: line $num" "$tmp/err"; then fail "$desc" "does not name line $num: $(cat "$tmp/err")"
    elif [ "$(wc -l <"$tmp/out" | tr -d ' ')" -ne $((num - 1)) ]; then fail "$desc" "printed past the bad line"
    else pass "$desc"; fi
}

# ---------------------------------------------------------------- cluster

if [ "$have_python" -eq 1 ] && check_run "cluster --json places every article" cluster --json "$EVENTS"; then
    placements "$tmp/out" >"$tmp/pairs"
    got=$(awk '{print $1}' "$tmp/pairs" | tr '\n' ' ')
    verdict "cluster: one line an article, in input order" \
        "$([ "$got" = "$(python3 -c 'import json,sys
print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])), end=" ")' "$EVENTS")" ] || echo "order: $got")"
    why=""
    for e in ferry museum vote; do
        n=$(grep "^$e-" "$tmp/pairs" | awk '{print $2}' | sort -u | wc -l | tr -d ' ')
        [ "$n" -eq 1 ] || why="$why $e in $n stories;"
    done
    n=$(awk '{print $2}' "$tmp/pairs" | sort -u | wc -l | tr -d ' ')
    [ "$n" -eq 3 ] || why="$why $n stories, want 3"
    verdict "cluster: three invented events, three stories" "$why"
    python3 -c 'import json,sys
for l in open(sys.argv[1]):
    p=json.loads(l); assert set(p)=={"id","story","confidence"} and 0<=p["confidence"]<=1' "$tmp/out" 2>"$tmp/why"
    verdict "cluster --json: id, story, confidence in [0, 1]" "$(cat "$tmp/why")"
fi

if check_run "cluster: the harbour-bridge folder" cluster "$EXAMPLE"; then
    n=$(cut -f 2 "$tmp/out" | sort -u | wc -l | tr -d ' ')
    verdict "cluster: the five harbour-bridge articles are one story" "$([ "$n" -eq 1 ] || echo "$n stories")"
fi

run_in "$EVENTS" cluster --json
verdict "cluster reads standard input" "$(run_problem)"

# streaming: the first line comes out before the input ends (the rest is held back 8 s; the wait
# for the first line is long, so that a loaded machine does not fail it)
if command -v timeout >/dev/null 2>&1; then
    (head -n 1 "$EVENTS"; sleep 8; tail -n +2 "$EVENTS") | timeout 20 "$TD" cluster --json - >"$tmp/stream" 2>/dev/null &
    waited=0
    while [ ! -s "$tmp/stream" ] && [ "$waited" -lt 75 ]; do sleep 0.1; waited=$((waited + 1)); done
    n=$(wc -l <"$tmp/stream" | tr -d ' ')
    wait
    verdict "cluster streams: a line is printed as soon as its article is placed" \
        "$([ "$n" -eq 1 ] || echo "$n lines while the input waited")"
fi

# out-of-order dates are accepted
python3 -c 'import json,sys
lines=[json.loads(l) for l in open(sys.argv[1])]
lines[0]["date"]="2025-06-30"; lines[-1]["date"]="2024-01-01T08:00:00+02:00"
print("\n".join(json.dumps(a) for a in lines))' "$EVENTS" >"$tmp/unordered.jsonl"
run cluster --json "$tmp/unordered.jsonl"
verdict "cluster accepts dates out of order" "$(run_problem)"

bad_line "cluster: missing id names the line" 4 '{"text": "A ferry caught fire off Kelmsley."}'
bad_line "cluster: empty id names the line" 2 '{"id": "", "text": "A ferry caught fire off Kelmsley."}'
bad_line "cluster: missing text names the line" 3 '{"id": "x"}'
bad_line "cluster: empty text names the line" 5 '{"id": "x", "text": "  "}'
bad_line "cluster: malformed JSON names the line" 2 '{"id": "x", "text": "unterminated}'
bad_line "cluster: a date that does not parse names the line" 6 '{"id": "x", "text": "A fire.", "date": "March 3"}'
bad_line "cluster: an impossible date names the line" 2 '{"id": "x", "text": "A fire.", "date": "2025-02-30"}'
printf '{"id": "x", "text": "caf\351"}\n' >"$tmp/latin1.jsonl"
run cluster "$tmp/latin1.jsonl"
verdict "cluster: invalid UTF-8 names the line" \
    "$([ "$rc" -eq 1 ] && grep -q 'line 1: invalid UTF-8' "$tmp/err" || echo "exit $rc: $(cat "$tmp/err")")"

check_bad "cluster: a missing file" 1 "no-such.jsonl" cluster no-such.jsonl
check_bad "cluster: an unknown option" 2 "--frobnicate" cluster --frobnicate "$EVENTS"
check_bad "cluster: a bad threshold" 2 "--threshold" cluster --threshold 2 "$EVENTS"
check_bad "cluster: bad features" 2 "--features" cluster --features words "$EVENTS"
run cluster --help
verdict "cluster --help" "$([ "$rc" -eq 0 ] && grep -q Examples "$tmp/out" || echo "exit $rc")"

# ---------------------------------------------------------------- the store

COPIES=tests/data/stories/copies.jsonl
DB=$tmp/news.db

# sql DB QUERY: one value from a store (python3's sqlite3)
sql() {
    python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchone(); print(r[0] if r else "")' "$1" "$2"
}

if [ "$have_python" -eq 1 ]; then
    run cluster --store "$DB" --json "$EVENTS" "$COPIES" "$EXAMPLE"
    verdict "cluster --store: one run" "$(run_problem)"
    cp "$tmp/out" "$tmp/one-run.out"
    run stories --store "$DB" --json
    cp "$tmp/out" "$tmp/one.json"
    python3 -c 'import json,sys
stories=[json.loads(l) for l in open(sys.argv[1])]
assert len(stories)==4, len(stories)
for s in stories:
    assert set(s)=={"id","headline","updated","articles","summary"}, s.keys()
    assert s["summary"] and all(set(x)=={"text","sources"} and x["sources"] for x in s["summary"])
    for a in s["articles"]: assert set(a)=={"id","source","title","date","copy_of"}
dated=[s["updated"] for s in stories if s["updated"]]
assert dated==sorted(dated, reverse=True), dated
ferry=[s for s in stories if s["id"]=="ferry-1"][0]
assert ["ferry-2" if a["id"]=="ferry-2-wire" else None for a in ferry["articles"]]==[a["copy_of"] for a in ferry["articles"]]
assert any("Island Weekly" in x["sources"] for x in ferry["summary"]), "a copy counts among the sources"
' "$tmp/out" 2>"$tmp/why"
    verdict "stories --json: four stories newest first, copies named and credited" "$(tail -n 1 "$tmp/why")"
    verdict "store: WAL mode and schema version" \
        "$([ "$(sql "$DB" 'PRAGMA journal_mode')" = wal ] && [ "$(sql "$DB" 'PRAGMA user_version')" = 6 ] || echo "not WAL or no version")"

    # the same stream in three runs gives the same stories
    DB3=$tmp/three.db
    "$TD" cluster --store "$DB3" --json "$EVENTS" >"$tmp/three-run.out" 2>/dev/null &&
        "$TD" cluster --store "$DB3" --json "$COPIES" >>"$tmp/three-run.out" 2>/dev/null &&
        "$TD" cluster --store "$DB3" --json "$EXAMPLE" >>"$tmp/three-run.out" 2>/dev/null
    run stories --store "$DB3" --json
    verdict "store: a stream fed in three runs gives the same stories as in one" \
        "$(cmp -s "$tmp/out" "$tmp/one.json" && cmp -s "$tmp/three-run.out" "$tmp/one-run.out" || echo differ)"

    # ids seen again: same text ignored, another text an update
    run cluster --store "$DB" --json "$EVENTS"
    verdict "store: ids seen again with the same text are not added twice" \
        "$([ "$rc" -eq 0 ] && [ "$(sql "$DB" 'SELECT count(*) FROM articles')" = 16 ] || echo "exit $rc, $(sql "$DB" 'SELECT count(*) FROM articles') articles")"
    python3 -c 'import json,sys
a=json.loads(open(sys.argv[1]).readline()); a["text"]+=" Late on Sunday the coastguard said a second lifeboat crew had been stood down."
print(json.dumps(a))' "$EVENTS" >"$tmp/update.jsonl"
    run cluster --store "$DB" --json "$tmp/update.jsonl"
    story=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["story"])' "$tmp/out" 2>/dev/null)
    verdict "store: an id seen again with another text updates the article in its story" \
        "$([ "$story" = ferry-1 ] && [ "$(sql "$DB" 'SELECT count(*) FROM articles')" = 16 ] &&
            sql "$DB" "SELECT t.text FROM articles a JOIN texts t ON t.key = a.text_key WHERE a.id = 'ferry-1'" | grep -q 'second lifeboat' || echo "story '$story'")"
    run stories --store "$DB" --json
    verdict "stories: an updated story is summarised again, the others keep their summary" \
        "$([ "$rc" -eq 0 ] && [ "$(sql "$DB" 'SELECT count(*) FROM stories WHERE stale')" = 0 ] || echo "exit $rc")"

    # a bad line: its batch is not committed, earlier batches are
    DBB=$tmp/batch.db
    head -n 4 "$EVENTS" >"$tmp/badbatch.jsonl"
    echo '{"id": "x", "text": "A fire.", "date": "not a date"}' >>"$tmp/badbatch.jsonl"
    run cluster --store "$DBB" --batch 2 --json "$tmp/badbatch.jsonl"
    verdict "store: a bad line undoes its batch only (exit 1, the batches before it kept)" \
        "$([ "$rc" -eq 1 ] && grep -q 'line 5' "$tmp/err" && [ "$(sql "$DBB" 'SELECT count(*) FROM articles')" = 4 ] || echo "exit $rc, $(sql "$DBB" 'SELECT count(*) FROM articles') articles")"
    run cluster --store "$tmp/whole.db" --json "$tmp/badbatch.jsonl"
    verdict "store: with one batch, a bad line leaves nothing committed" \
        "$([ "$rc" -eq 1 ] && [ "$(sql "$tmp/whole.db" 'SELECT count(*) FROM articles')" = 0 ] || echo "exit $rc")"

    # stories: filters and formats
    run stories --store "$DB" --json --since 2025-04-01
    verdict "stories --since keeps the stories updated since" \
        "$([ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out" | tr -d ' ')" = 2 ] || echo "exit $rc, $(wc -l <"$tmp/out") stories")"
    run stories --store "$DB" --json --min-articles 5
    verdict "stories --min-articles" "$([ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out" | tr -d ' ')" = 1 ] || echo "exit $rc")"
    run stories --store "$DB" --markdown
    verdict "stories --markdown: a section a story" "$([ "$(grep -c '^## ' "$tmp/out")" = 4 ] || echo "$(grep -c '^## ' "$tmp/out") sections")"
    td_abs=$(cd "$(dirname "$TD")" && pwd)/$(basename "$TD")
    (cd "$tmp" && cp news.db tidings.db && "$td_abs" stories >"$tmp/default.out" 2>&1)
    verdict "stories: tidings.db in the working folder by default" "$(grep -q 'Ferry fire' "$tmp/default.out" || head -n 1 "$tmp/default.out")"

    # stores that cannot be used: one clear line each
    check_bad "stories: no store" 1 "no-such.db" stories --store "$tmp/no-such.db"
    echo "just some text, not a database at all, long enough to fill a header of a SQLite file........" >"$tmp/text.db"
    check_bad "cluster: a file that is not a store" 1 "not a tidings store" cluster --store "$tmp/text.db" "$EVENTS"
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t (x)"); c.commit()' "$tmp/other.db"
    check_bad "cluster: a SQLite file of another program" 1 "not a tidings store" cluster --store "$tmp/other.db" "$EVENTS"
    cp "$DB" "$tmp/newer.db"
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 7"); c.commit()' "$tmp/newer.db"
    check_bad "stories: a store of a newer schema" 1 "newer tidings (schema 7" stories --store "$tmp/newer.db"
    python3 -c 'import sqlite3,sys,time
c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("BEGIN EXCLUSIVE"); open(sys.argv[2],"w").close(); time.sleep(20)' \
        "$DB" "$tmp/locked" &
    lock_pid=$!
    while [ ! -e "$tmp/locked" ]; do sleep 0.1; done
    check_bad "cluster: a store locked by another process" 1 "locked" cluster --store "$DB" "$EVENTS"
    kill "$lock_pid" 2>/dev/null
    wait "$lock_pid" 2>/dev/null
    cp "$DB" "$tmp/ro.db"
    rm -f "$tmp/ro.db-wal" "$tmp/ro.db-shm"
    if [ "$(id -u)" -ne 0 ]; then
        chmod 444 "$tmp/ro.db"
        check_bad "cluster: a read-only store" 1 "cannot be written" cluster --store "$tmp/ro.db" "$EVENTS"
    elif chattr +i "$tmp/ro.db" 2>/dev/null; then # root ignores file modes, not the immutable flag
        check_bad "cluster: a read-only store" 1 "cannot be written" cluster --store "$tmp/ro.db" "$EVENTS"
        chattr -i "$tmp/ro.db"
    else
        skip "cluster: a read-only store (running as root without chattr: file modes do not bind)"
    fi
    # a crash in the middle of a batch: SIGKILL, then the file is intact and a rerun catches up
    if [ -f ../shared/data/stories-dev/articles.jsonl ]; then
        python3 -c 'import json,sys
for l in open(sys.argv[1]):
    a=json.loads(l); a.pop("story", None); print(json.dumps(a))' ../shared/data/stories-dev/articles.jsonl >"$tmp/stream.jsonl"
    else
        python3 -c 'import json,sys
arts=[json.loads(l) for f in sys.argv[1:] for l in open(f)]
for r in range(40):
    for a in arts: b=dict(a); b["id"]="%s-r%d" % (a["id"], r); b["text"]=a["text"]+" (%d)" % r; print(json.dumps(b))' \
            "$EVENTS" "$COPIES" >"$tmp/stream.jsonl"
    fi
    total=$(wc -l <"$tmp/stream.jsonl" | tr -d ' ')
    "$TD" cluster --store "$tmp/calm.db" --batch 25 --json "$tmp/stream.jsonl" >/dev/null 2>&1
    "$TD" stories --store "$tmp/calm.db" --json >"$tmp/calm.json" 2>&1
    : >"$tmp/crash.out" # there before the wait below counts its lines (the pipeline starts in the background)
    python3 -c 'import sys,time
for l in open(sys.argv[1]):
    sys.stdout.write(l); sys.stdout.flush(); time.sleep(0.002)' "$tmp/stream.jsonl" 2>/dev/null |
        "$TD" cluster --store "$tmp/crash.db" --batch 25 --json - >"$tmp/crash.out" 2>/dev/null &
    crash_pid=$! # the last command of the pipeline: tidings
    while [ "$(wc -l <"$tmp/crash.out" | tr -d ' ')" -lt 140 ]; do sleep 0.01; done
    kill -9 "$crash_pid"
    wait 2>/dev/null
    printed=$(wc -l <"$tmp/crash.out" | tr -d ' ')
    kept=$(sql "$tmp/crash.db" 'SELECT count(*) FROM articles')
    integrity=$(sql "$tmp/crash.db" 'PRAGMA integrity_check')
    verdict "crash: SIGKILL mid-batch leaves an intact store with whole batches ($kept of $printed printed)" \
        "$([ "$integrity" = ok ] && [ $((kept % 25)) -eq 0 ] && [ "$kept" -gt 0 ] && [ "$kept" -le "$printed" ] &&
            [ "$printed" -lt "$total" ] || echo "integrity '$integrity', $kept kept of $printed printed")"
    "$TD" cluster --store "$tmp/crash.db" --batch 25 --json "$tmp/stream.jsonl" >/dev/null 2>&1
    run stories --store "$tmp/crash.db" --json
    verdict "crash: a rerun gives the stories of an uninterrupted run" \
        "$(cmp -s "$tmp/out" "$tmp/calm.json" || echo "differ: $(wc -l <"$tmp/out") vs $(wc -l <"$tmp/calm.json") stories")"

    check_bad "stories: a bad --since" 2 "--since" stories --store "$DB" --since yesterday
    check_bad "stories: --json with --markdown" 2 "together" stories --store "$DB" --json --markdown
fi

finish
