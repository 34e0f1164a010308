#!/bin/sh
# cli_summary_test.sh — end-to-end tests of `tidings summarize --method ilp` (the exact concept
# coverage) and of datelines in summaries, on the bundled example story. Run from the repository root:
#   sh tests/cli_summary_test.sh PATH_TO_TIDINGS

NAME=cli_summary_test
. tests/clilib.sh "$@"

if check_run "--method ilp --words 100 summarises the example" summarize --method ilp --words 100 "$EXAMPLE"; then
    words=$(awk 'NF == 0 { exit } { sub(/ \[[0-9,]+\]$/, ""); n += NF } END { print n + 0 }' "$tmp/out")
    if [ "$words" -gt 0 ] && [ "$words" -le 100 ]; then pass "--method ilp keeps 100 words ($words)"
    else fail "--method ilp keeps 100 words" "$words words"; fi
    if grep -q -F "PORT VARROW" "$tmp/out"; then fail "no dateline in the summary" "$(grep -F 'PORT VARROW' "$tmp/out")"
    else pass "no dateline in the summary"; fi
fi

if check_run "--method ilp --json" summarize --method ilp --json --sentences 3 "$EXAMPLE"; then
    if [ "$have_python" -eq 1 ]; then
        why=$(python3 -c '
import json, sys
o = json.loads(open(sys.argv[1]).read())
s = o["sentences"]
if o.get("method") != "ilp": print("method is %r" % o.get("method"))
elif not 1 <= len(s) <= 3: print("%d sentences" % len(s))
elif any(not x["sources"] for x in s): print("a sentence without sources")
' "$tmp/out")
        verdict "--method ilp --json: method, at most 3 sentences, sources" "$why"
    else
        skip "--method ilp --json" "no python3"
    fi
fi

run summarize --help
check_contains "--help names the ilp method" "$tmp/out" "ilp"
check_bad "an unknown method is refused, naming it" 2 "magic" summarize --method magic "$EXAMPLE"

finish
