#!/bin/sh
# cli_sentences_test.sh — end-to-end tests of `tidings sentences` on text written here (the rules of
# docs/sentences.md) and of balanced quotation marks in summaries (bundled example, and
# ../shared/examples/sony-hack when ../shared is present). Run from the repository root:
#   sh tests/cli_sentences_test.sh PATH_TO_TIDINGS

NAME=cli_sentences_test
. tests/clilib.sh "$@"

# ---------------------------------------------------------------- the splitter

# Each rule's case, one a paragraph; the expected sentences, one a line.
cat > "$tmp/in.txt" <<'TEXT'
The bridge opened in 1932. [4] It carried trams until 1958.[6] Buses replaced them.

The council agreed on three steps: 1. Close the bridge. 2. Inspect the cables.

The bridge closed at 4 a.m. Engineers found a crack. It reopens at 6 p.m. Friday.

The contract went to Harbour Steel Ltd. Rivals said they would appeal.

is the ferry running today? and how late does it go? thanks

"Who pays?" asked one commuter. The prize went to Mr.
Theodore Blake at a dinner on
Saturday.
TEXT
cat > "$tmp/want.txt" <<'TEXT'
The bridge opened in 1932. [4]
It carried trams until 1958.[6]
Buses replaced them.
The council agreed on three steps:
Close the bridge.
Inspect the cables.
The bridge closed at 4 a.m.
Engineers found a crack.
It reopens at 6 p.m. Friday.
The contract went to Harbour Steel Ltd.
Rivals said they would appeal.
is the ferry running today?
and how late does it go?
thanks
"Who pays?" asked one commuter.
The prize went to Mr. Theodore Blake at a dinner on Saturday.
TEXT
run sentences "$tmp/in.txt"
desc="sentences: references, inline items, times, companies, lower-case starts, wrapped titles"
why=$(run_problem)
if [ -n "$why" ]; then fail "$desc" "$why"
elif cmp -s "$tmp/out" "$tmp/want.txt"; then pass "$desc"
else fail "$desc" "$(diff "$tmp/want.txt" "$tmp/out" | head -n 4)"; fi

# ---------------------------------------------------------------- quotation marks in summaries

# Every summary sentence has as many opening as closing curly double quotes and an even number of
# straight ones, and the summary keeps to the byte limit given (0: none). NEEDLE, when given, must
# be in a chosen sentence that starts and ends with a quotation mark.
cat > "$tmp/quotes.py" <<'PY'
import json, sys
limit, needle = int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else ""
found = not needle
for line in sys.stdin:
    if not line.strip():
        continue
    texts = [s["text"] for s in json.loads(line)["sentences"]]
    size = len(" ".join(texts).encode())
    if limit and size > limit:
        print("over the byte limit: %d" % size)
        sys.exit(1)
    for t in texts:
        if t.count("\u201c") != t.count("\u201d") or t.count('"') % 2:
            print("unbalanced: " + t)
            sys.exit(1)
        if needle and needle in t:
            if t[0] not in '"\u201c' or t.rstrip()[-1] not in '"\u201d':
                print("not a whole quotation: " + t)
                sys.exit(1)
            found = True
if not found:
    print("not chosen: " + needle)
    sys.exit(1)
print("balanced")
PY

# check_balanced SET DIR LIMIT: every method's summary of DIR keeps its quotation marks balanced
# (under --bytes LIMIT when LIMIT is not 0, else at 400 words).
check_balanced() {
    if [ "$have_python" -eq 0 ]; then
        skip "$1: balanced quotation marks (no python3)"
        return
    fi
    for method in concepts lead centroid lexrank textrank; do
        desc="$1: --method $method: quotation marks balanced"
        if [ "$3" -eq 0 ]; then
            run summarize --json --method "$method" --words 400 "$2"
        else
            run summarize --json --method "$method" --bytes "$3" "$2"
            desc="$desc within $3 bytes"
        fi
        why=$(run_problem)
        if [ -n "$why" ]; then fail "$desc" "$why"
        elif note=$(python3 "$tmp/quotes.py" "$3" <"$tmp/out"); then pass "$desc" "$note"
        else fail "$desc" "$note"; fi
    done
}

check_balanced harbour-bridge "$EXAMPLE" 0
check_balanced harbour-bridge "$EXAMPLE" 600
if [ -d "$SONY" ]; then
    check_balanced sony-hack "$SONY" 0
    check_balanced sony-hack "$SONY" 500
    # The first sentence of a quotation of three, told by two outlets, is chosen and closed.
    if [ "$have_python" -eq 1 ]; then
        run summarize --json --words 400 "$SONY"
        desc="sony-hack: the quoted \"My country has nothing to do with...\" is closed"
        if note=$(python3 "$tmp/quotes.py" 0 "My country has nothing to do with" <"$tmp/out"); then pass "$desc" "$note"
        else fail "$desc" "$note"; fi
    fi
else
    skip "sony-hack: $SONY is absent"
fi

finish
