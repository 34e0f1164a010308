#!/bin/sh
# cli_quotes_test.sh — end-to-end tests of `tidings quotes`: JSON Lines in and out (one object an
# article, in input order, offsets into the article's text), text output, folders and stdin, the
# bundled example story, bad input. Run from the repository root:
#   sh tests/cli_quotes_test.sh PATH_TO_TIDINGS

NAME=cli_quotes_test
. tests/clilib.sh "$@"

# ---------------------------------------------------------------- JSON Lines in, JSON Lines out

cat >"$tmp/articles.jsonl" <<'JSON'
{"id": "b", "title": "Bridge", "date": "2025-02-11", "text": "\u201cThe bridge is safe,\u201d said Ian Cole, a spokesman for the port. \u201cWe checked it twice.\u201d\n\nThe film \u201cThe Last Ferry\u201d opened."}
{"id": "a", "text": "Nothing was said here."}
{"id": "c", "text": "Mayor Helen Strand spoke on Monday.\n\n\"We will rebuild,\" she said."}
JSON

if check_run "quotes --json reads JSON Lines" quotes --json "$tmp/articles.jsonl"; then
    if [ "$have_python" = 1 ]; then
        why=$(python3 - "$tmp/out" "$tmp/articles.jsonl" <<'PY'
import json, sys
out = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
arts = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
problems = []
if [o["id"] for o in out] != ["b", "a", "c"]:
    problems.append("ids %r" % [o["id"] for o in out])
for o, a in zip(out, arts):
    text = a["text"].encode("utf-8")
    for q in o["quotes"]:
        if set(q) != {"text", "speaker", "role", "start", "end"}:
            problems.append("fields %r" % sorted(q))
        if not 0 <= q["start"] < q["end"] <= len(text):
            problems.append("offsets %r" % q)
        if not text[q["start"]:q["end"]].decode("utf-8").startswith(q["text"].split(" ")[0]):
            problems.append("offsets do not point at %r" % q["text"])
b, a, c = out
if len(b["quotes"]) != 1 or b["quotes"][0]["text"] != "The bridge is safe We checked it twice.":
    problems.append("split quote: %r" % b["quotes"])
elif b["quotes"][0]["speaker"] != "Ian Cole" or b["quotes"][0]["role"] != "spokesman for the port":
    problems.append("speaker: %r" % b["quotes"][0])
if a["quotes"]:
    problems.append("quotes where there are none: %r" % a["quotes"])
if len(c["quotes"]) != 1 or c["quotes"][0]["speaker"] != "Helen Strand":
    problems.append("pronoun speaker: %r" % c["quotes"])
print("; ".join(problems))
PY
)
        verdict "quotes --json: ids in input order, fields, offsets, split quote, role, pronoun, no title" "$why"
    else
        skip "quotes --json content (no python3)"
    fi
fi

# the same from standard input
run_in "$tmp/articles.jsonl" quotes --json -
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out" | tr -d ' ')" -eq 3 ]; then
    pass "quotes --json - reads standard input"
else
    fail "quotes --json - reads standard input" "exit $rc, $(wc -l <"$tmp/out") lines"
fi

# unknown speakers are null
printf '{"id": "u", "text": "\\"Nobody knows what comes next.\\""}\n' >"$tmp/unknown.jsonl"
if check_run "quotes --json with an unknown speaker" quotes --json "$tmp/unknown.jsonl"; then
    check_contains "an unknown speaker is null" "$tmp/out" '"speaker":null,"role":null'
fi

# ---------------------------------------------------------------- text output, the example story

if check_run "quotes on the example story (a folder)" quotes "$EXAMPLE"; then
    check_contains "Okafor's quote with her name" "$tmp/out" "Maria T. Okafor"
    check_contains "the mayor's quote with her name and role" "$tmp/out" "Helen Strand (Mayor)"
    n=$(grep -c '^== ' "$tmp/out")
    if [ "$n" -eq "$(ls "$EXAMPLE" | wc -l | tr -d ' ')" ]; then pass "one heading per article"; else fail "one heading per article" "$n headings"; fi
fi

if [ -d "$SONY" ]; then
    if check_run "quotes on the Sony articles" quotes --json "$SONY"; then
        check_contains "An Myong Hun speaks" "$tmp/out" '"speaker":"An Myong Hun"'
        check_contains "his role as the text gives it" "$tmp/out" "North Korea’s deputy U.N. ambassador"
    fi
else
    skip "quotes on the Sony articles ($SONY is absent)"
fi

run quotes --help
if [ "$rc" -eq 0 ] && grep -q "Examples:" "$tmp/out"; then pass "quotes --help with examples"; else fail "quotes --help with examples" "exit $rc"; fi

# ---------------------------------------------------------------- bad input

printf '{"id": "x", "text": "fine"}\n{"id": "y", "text": \n' >"$tmp/broken.jsonl"
check_bad "malformed JSON Lines: one line naming the file" 1 "broken.jsonl" quotes --json "$tmp/broken.jsonl"
printf 'caf\351 "au lait," he said\n' >"$tmp/latin1.txt"
check_bad "invalid UTF-8: one line naming the file" 1 "latin1.txt" quotes "$tmp/latin1.txt"
: >"$tmp/empty.txt"
check_bad "an empty file" 1 "empty.txt" quotes "$tmp/empty.txt"
check_bad "a missing file" 1 "missing.txt" quotes "$tmp/missing.txt"
check_bad "an unknown option" 2 "--loud" quotes --loud "$EXAMPLE"
check_bad "an unknown format" 2 "" quotes --format nope "$EXAMPLE"
check_bad "a good file then a bad one: nothing printed" 1 "empty.txt" quotes --json "$tmp/articles.jsonl" "$tmp/empty.txt"

finish
