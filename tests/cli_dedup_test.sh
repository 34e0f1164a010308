#!/bin/sh
# cli_dedup_test.sh — end-to-end tests of `tidings dedup` on the invented flood story of
# tests/data/dedup/ (an original, a syndicated copy, a trimmed copy, a teaser and a rival article
# about the same flood with the same names and quotes). Run from the repository root:
#   sh tests/cli_dedup_test.sh PATH_TO_TIDINGS

NAME=cli_dedup_test
. tests/clilib.sh "$@"

DATA=tests/data/dedup

# jsonl_line ID FILE: the file as one JSON Lines article {"id": ID, "title": …, "text": …}.
jsonl_line() {
    awk -v id="$1" '
        { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); text = text (NR > 1 ? "\\n" : "") $0 }
        END { printf "{\"id\": \"%s\", \"title\": \"A headline\", \"source\": \"Wire\", \"text\": \"%s\"}\n", id, text }
    ' "$2"
}

for name in original syndicated trimmed teaser rival; do
    jsonl_line "$name" "$DATA/$name.txt"
done >"$tmp/articles.jsonl"

# ---------------------------------------------------------------- JSON output

if check_run "dedup --json on five articles" dedup --json "$tmp/articles.jsonl"; then
    want='{"id": "original", "group": "syndicated",
{"id": "syndicated", "group": "syndicated", "similarity": 1.0000}
{"id": "trimmed", "group": "syndicated",
{"id": "teaser", "group": "syndicated",
{"id": "rival", "group": "rival", "similarity": 1.0000}'
    got=$(cut -c 1-200 "$tmp/out" | sed -e 's/\("group": "[a-z]*",\) "similarity": 0\.[0-9]*}$/\1/')
    if [ "$got" = "$want" ]; then
        pass "copies grouped under the fullest version, the rival article alone, in input order"
    else
        fail "copies grouped under the fullest version, the rival article alone, in input order" "$got"
    fi
    if [ "$have_python" -eq 1 ]; then
        why=$(python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
bad = [r for r in rows if set(r) != {"id", "group", "similarity"} or not 0 < r["similarity"] <= 1]
print("%d bad lines" % len(bad) if bad or len(rows) != 5 else "")' "$tmp/out")
        verdict "every line is a JSON object with id, group and a similarity in (0, 1]" "$why"
    else
        skip "JSON check (no python3)"
    fi
fi

run_in "$tmp/articles.jsonl" dedup --json -
cp "$tmp/out" "$tmp/stdin.out"
run dedup --json "$tmp/articles.jsonl"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/out" "$tmp/stdin.out"; then
    pass "standard input gives the same groups as the file"
else
    fail "standard input gives the same groups as the file"
fi

# ---------------------------------------------------------------- text output

if check_run "dedup text output" dedup "$tmp/articles.jsonl"; then
    check_contains "a group of four with its representative" "$tmp/out" "group 1: 4 articles"
    check_contains "the representative is named" "$tmp/out" "syndicated  (representative, the fullest version)"
    check_contains "members with their similarity" "$tmp/out" "teaser  similarity 0."
    check_contains "the count of articles without copies" "$tmp/out" "4 articles in 1 group of copies; 1 article without copies"
fi

if check_run "dedup over a folder of text files" dedup --json "$DATA"; then
    n=$(grep -c -F '"group": "tests/data/dedup/syndicated.txt"' "$tmp/out")
    alone=$(grep -c -F '{"id": "tests/data/dedup/rival.txt", "group": "tests/data/dedup/rival.txt"' "$tmp/out")
    verdict "files are articles named by their path" "$([ "$n" -eq 4 ] && [ "$alone" -eq 1 ] || echo "$n in the group, rival alone: $alone")"
fi

# Stricter thresholds: the teaser (contained, Jaccard below one half) is no longer a copy.
if check_run "dedup --threshold 0.9 --containment 0.95" dedup --json --threshold 0.9 --containment 0.95 "$tmp/articles.jsonl"; then
    check_contains "a stricter threshold leaves the teaser alone" "$tmp/out" '{"id": "teaser", "group": "teaser", "similarity": 1.0000}'
fi

run dedup --help
check_exit "dedup --help exits 0" 0
check_contains "dedup --help has examples" "$tmp/out" "tidings dedup --json articles.jsonl"

# ---------------------------------------------------------------- bad input

printf '{"id": "a", "text": "One article."}\n{"id": "b", "text": "Broken\n' >"$tmp/broken.jsonl"
check_bad "malformed JSON names the file and line" 1 "broken.jsonl: line 2" dedup --json "$tmp/broken.jsonl"
printf '{"id": "a", "text": "One article."}\n{"id": "b", "title": "No text"}\n' >"$tmp/notext.jsonl"
check_bad "an article without text names the line" 1 "line 2" dedup --json "$tmp/notext.jsonl"
printf '{"id": "a", "text": "One article."}\n{"id": "", "text": "Another article."}\n' >"$tmp/noid.jsonl"
check_bad "an empty id is an error" 1 "noid.jsonl: line 2: empty \"id\"" dedup --json "$tmp/noid.jsonl"
printf '{"id": "a", "text": "One article."}\n{"id": "a", "text": "Another article."}\n' >"$tmp/twice.jsonl"
check_bad "an id given twice is an error" 1 '"a"' dedup --json "$tmp/twice.jsonl"
printf '{"id": "a", "text": "caf\351"}\n' >"$tmp/latin1.jsonl"
check_bad "invalid UTF-8 names the file" 1 "latin1.jsonl" dedup --json "$tmp/latin1.jsonl"
: >"$tmp/empty.jsonl"
check_bad "an empty file names the file" 1 "empty.jsonl" dedup --json "$tmp/empty.jsonl"
check_bad "a missing file names the file" 1 "nowhere.jsonl" dedup --json "$tmp/nowhere.jsonl"
printf 'GIF89a\001\000\001\000\200\000\000\377\377\377\000\000\000' >"$tmp/image.gif"
check_bad "a binary file names the file" 1 "image.gif" dedup "$tmp/image.gif"
check_bad "an unknown option is a usage error" 2 "--fast" dedup --fast "$tmp/articles.jsonl"
check_bad "a threshold of 0 is a usage error" 2 "--threshold" dedup --threshold 0 "$tmp/articles.jsonl"
check_bad "a threshold that is no number is a usage error" 2 "'half'" dedup --threshold half "$tmp/articles.jsonl"
check_bad "a containment above 1 is a usage error" 2 "--containment" dedup --containment 1.5 "$tmp/articles.jsonl"
check_bad "a missing option value is a usage error" 2 "--threshold" dedup "$tmp/articles.jsonl" --threshold

finish
