#!/bin/sh
# cli_compare_test.sh — end-to-end tests of `tidings compare` and `tidings report`: the JSON
# schema scripts rely on, the bundled example's repair-cost disagreement, escaping of markup in
# the report, output files, bad input and usage errors. Run from the repository root:
#   sh tests/cli_compare_test.sh PATH_TO_TIDINGS

NAME=cli_compare_test
. tests/clilib.sh "$@"

# ---------------------------------------------------------------- compare --json

if check_run "compare --json on the example" compare --json examples/harbour-bridge/; then
    if [ "$have_python" -eq 1 ]; then
        why=$(python3 - "$tmp/out" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 1, "one line per story"
o = json.loads(lines[0])
for k in ("id", "documents", "quotes", "consensus", "unique", "disagreements"):
    assert k in o, k
n = len(o["documents"])
assert n == 5 and [d["index"] for d in o["documents"]] == list(range(5))
assert all(d["name"].endswith(".txt") and d["title"] for d in o["documents"])
for q in o["quotes"]:
    assert set(("text", "speaker", "role", "sources")) <= set(q) and all(0 <= s < n for s in q["sources"])
for item in o["consensus"] + o["unique"]:
    assert item["text"] and item["sources"] == sorted(set(item["sources"]))
assert all(len(u["sources"]) * 2 > n for u in o["consensus"]) and all(len(u["sources"]) == 1 for u in o["unique"])
money = [d for d in o["disagreements"] if any("$48 million" in c["value"] for c in d["claims"])
         and any("$52 million" in c["value"] for c in d["claims"])]
assert money, "the repair cost disagreement"
for c in money[0]["claims"]:
    assert 0 <= c["source"] < n and c["text"]
PY
        2>&1 | tail -n 1)
        verdict "compare --json: schema, sources, the \$48/\$52 million disagreement" "$why"
    else
        skip "compare --json schema (no python3)"
    fi
fi

if check_run "compare text output" compare examples/harbour-bridge/; then
    check_contains "text output names the disagreement" "$tmp/out" '$52 million'
    check_contains "text output lists consensus" "$tmp/out" 'Consensus'
fi

# ---------------------------------------------------------------- report

mkdir -p "$tmp/hostile"
printf 'Storm closes <b>bridge</b>\n\nMayor <script>alert(1)</script> said the <img src=x onerror="alert(2)"> bridge repairs will cost $10 million after the storm.\n' >"$tmp/hostile/a.txt"
printf 'Bridge shut\n\nMayor <script>alert(1)</script> said the bridge repairs will cost $12 million after the storm.\n' >"$tmp/hostile/b.txt"
if check_run "report HTML on stdout" report "$tmp/hostile/a.txt" "$tmp/hostile/b.txt"; then
    if grep -q -i -e '<script' -e '<img' -e '<b>' "$tmp/out"; then fail "report escapes markup from the input" "$(grep -o -i -e '<script[^>]*>' -e '<img[^>]*>' "$tmp/out" | head -n 1)"
    else pass "report escapes markup from the input"; fi
    check_contains "the markup shows as text" "$tmp/out" '&lt;script&gt;alert(1)&lt;/script&gt;'
    check_contains "onerror shows as text" "$tmp/out" 'onerror=&quot;alert(2)&quot;'
    check_contains "a Content-Security-Policy" "$tmp/out" "Content-Security-Policy\" content=\"default-src 'none'"
    if grep -q -e 'src="http' -e "href=\"http" -e '@import' -e 'url(' "$tmp/out"; then fail "nothing loaded from elsewhere"
    else pass "nothing loaded from elsewhere"; fi
fi

run report -o "$tmp/story.html" examples/harbour-bridge/
check_exit "report -o writes a file" 0
if [ -s "$tmp/story.html" ] && [ ! -s "$tmp/out" ]; then pass "report -o: the file, nothing on stdout"; else fail "report -o: the file, nothing on stdout"; fi
check_contains "the report shows the disagreement" "$tmp/story.html" '$52 million'
check_contains "the report has the heat map" "$tmp/story.html" '<svg'

if check_run "report --markdown" report --markdown examples/harbour-bridge/; then
    check_contains "markdown: the summary" "$tmp/out" '## Summary'
    check_contains "markdown: the disagreement" "$tmp/out" '$48 million'
fi
if check_run "report --json" report --json examples/harbour-bridge/ && [ "$have_python" -eq 1 ]; then
    why=$(python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))
for k in ("id", "title", "summary", "documents", "quotes", "consensus", "unique", "disagreements", "coverage", "timeline", "articles"):
    assert k in o, k
assert any(s["in_summary"] for a in o["articles"] for s in a["sentences"])
' "$tmp/out" 2>&1 | tail -n 1)
    verdict "report --json: the report's sections" "$why"
fi

# ---------------------------------------------------------------- help, usage and bad input

run compare --help
check_exit "compare --help" 0
check_contains "compare --help has examples" "$tmp/out" "Examples:"
run report --help
check_exit "report --help" 0
check_contains "report --help has examples" "$tmp/out" "Examples:"
check_bad "compare: unknown option" 2 "--frobnicate" compare --frobnicate examples/harbour-bridge/
check_bad "report: --json with --markdown" 2 "" report --json --markdown examples/harbour-bridge/
check_bad "compare: missing file" 1 "$tmp/none.txt" compare "$tmp/none.txt"
printf 'caf\351 au lait\n' >"$tmp/latin1.txt"
check_bad "compare: invalid UTF-8" 1 "latin1.txt" compare "$tmp/latin1.txt"
: >"$tmp/empty.txt"
check_bad "report: empty file" 1 "empty.txt" report "$tmp/empty.txt"
printf '{"id": "x", "text": "fine"}\n{"id": "y", "text": \n' >"$tmp/bad.jsonl"
check_bad "compare: malformed JSON" 1 "bad.jsonl" compare --json "$tmp/bad.jsonl"
check_bad "report: unwritable output" 1 "$tmp/no/such/dir/r.html" report -o "$tmp/no/such/dir/r.html" examples/harbour-bridge/
if [ ! -e "$tmp/no/such/dir/r.html.tmp" ]; then pass "nothing written half-way"; else fail "nothing written half-way"; fi

finish
