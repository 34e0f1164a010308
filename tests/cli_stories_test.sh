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

# streaming: the first line comes out before the input ends
if command -v timeout >/dev/null 2>&1; then
    (head -n 1 "$EVENTS"; sleep 3; tail -n +2 "$EVENTS") | timeout 10 "$TD" cluster --json - >"$tmp/stream" 2>/dev/null &
    sleep 1.5
    n=$(wc -l <"$tmp/stream" | tr -d ' ')
    wait
    verdict "cluster streams: a line is printed as soon as its article is placed" "$([ "$n" -eq 1 ] || echo "$n lines after 1.5 s")"
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

finish
