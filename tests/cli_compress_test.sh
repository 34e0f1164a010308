#!/bin/sh
# cli_compress_test.sh — end-to-end tests of compressed summary sentences: the printed text, the
# "kept" ranges of --json and --no-compress. Run from the repository root:
#   sh tests/cli_compress_test.sh PATH_TO_TIDINGS

NAME=cli_compress_test
. tests/clilib.sh "$@"

# Two articles; the first's sentence fits 20 words only without its aside.
mkdir -p "$tmp/ferry"
printf '%s\n' "Mayor Helen Strand, who took office in 2019 after two terms on the city council, said the harbour ferry would run every 15 minutes until the Tamsin bridge reopens." > "$tmp/ferry/a.txt"
printf '%s\n' "Commuters lined up at dawn on Tuesday at the Quay St. terminal, where Mayor Helen Strand said the harbour ferry would run every 15 minutes until the Tamsin bridge reopens in March, officials confirmed." > "$tmp/ferry/b.txt"

if check_run "summarize compresses a sentence to fit" summarize -q --no-clean --words 20 "$tmp/ferry"; then
    check_contains "the aside is left out" "$tmp/out" "Mayor Helen Strand said the harbour ferry would run every 15 minutes until the Tamsin bridge reopens. [1,2]"
fi

if [ "$have_python" = 1 ] && check_run "summarize --json with a compressed sentence" summarize -q --no-clean --json --words 20 "$tmp/ferry"; then
    why=$(python3 - "$tmp/out" "$tmp/ferry/a.txt" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).readline())
src = open(sys.argv[2], 'rb').read()
s = d["sentences"][0]
kept = b"".join(src[o:o + n] for o, n in s["kept"])
full = src[s["offset"]:s["offset"] + s["length"]].decode()
if s["offset"] != 0 or not full.startswith("Mayor") or not full.rstrip().endswith("reopens."):
    print("offset/length are not the whole source sentence:", s["offset"], s["length"])
elif " ".join(kept.decode().split()) != s["text"]:
    print("kept ranges do not make the text:", kept)
elif d["words"] > 20 or s["sources"] != [0, 1]:
    print("words", d["words"], "sources", s["sources"])
PY
)
    verdict "kept ranges rebuild the text, offset/length the whole sentence" "$why"
fi

if check_run "summarize --no-compress" summarize -q --no-clean --no-compress --words 40 "$tmp/ferry"; then
    check_contains "the sentence is printed whole" "$tmp/out" "Mayor Helen Strand, who took office in 2019"
fi
run summarize -q --no-clean --no-compress --json --words 40 "$tmp/ferry"
if grep -q '"kept"' "$tmp/out"; then fail "--no-compress prints no kept ranges"; else pass "--no-compress prints no kept ranges"; fi

finish
