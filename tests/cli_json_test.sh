#!/bin/sh
# cli_json_test.sh — the commands as thin users of lib/tidings.h: the program's sources include
# no internal header, and the JSON that extract, quotes and rouge build with jansson is valid JSON
# that says what their text output says, also for file names that are not UTF-8.
#   sh tests/cli_json_test.sh PATH_TO_TIDINGS

NAME=cli_json_test
. tests/clilib.sh "$@"

# ---------------------------------------------------------------- sources

desc="cli/*.c include only tidings.h, the program's own headers and system headers"
bad=$(grep -n '#include "' cli/*.c cli/*.h | grep -v -E '"(tidings|commands|options|json)\.h"')
verdict "$desc" "$bad"

if [ "$have_python" -eq 0 ]; then
    skip "JSON checks (no python3)"
    finish
    exit
fi

# py DESC SCRIPT ARGS…: the script (python3 -c) prints nothing when the check holds, else why.
py() {
    desc=$1
    shift
    verdict "$desc" "$(python3 -c "$@" 2>&1)"
}

# ---------------------------------------------------------------- a file name that is not UTF-8

latin="$tmp/$(printf 'caf\351')"
mkdir "$latin"
cp "$EXAMPLE/01.txt" "$latin/"
printf '<html><head><title>Ferry times</title></head><body><article><p>The ferry ran every fifteen minutes between the quay and the point while the bridge was closed for repairs.</p></article></body></html>\n' >"$latin/page.html"
CHECK_NAME='
import json, sys
key, want = sys.argv[1], "caf\ufffd" + sys.argv[2]
for line in open(sys.argv[3], "rb"):
    o = json.loads(line.decode("utf-8"))
    if not o[key].endswith(want): print("%s is %r" % (key, o[key]))
'
if check_run "quotes --json: a folder whose name is not UTF-8" quotes --json "$latin/01.txt"; then
    py "quotes --json: the id is valid JSON, the bad byte as U+FFFD" "$CHECK_NAME" id /01.txt "$tmp/out"
fi
if check_run "extract --json: a page whose folder is not UTF-8" extract --json "$latin/page.html"; then
    py "extract --json: the file is valid JSON, the bad byte as U+FFFD" "$CHECK_NAME" file /page.html "$tmp/out"
fi

# ---------------------------------------------------------------- extract

gzip -c "$latin/page.html" >"$tmp/page.html.gz"
for mode in "" --markdown; do
    run extract $mode "$latin/page.html"
    cp "$tmp/out" "$tmp/plain"
    run extract $mode "$tmp/page.html.gz"
    if cmp -s "$tmp/out" "$tmp/plain" && [ -s "$tmp/out" ]; then pass "extract $mode: a gzip page reads as the plain one"
    else fail "extract $mode: a gzip page reads as the plain one" "$(head -n 2 "$tmp/out")"; fi
done
run extract --json "$tmp/page.html.gz" "$tmp/no-such-page.html"
py "extract --json: the article's fields in order, then the error of a missing page" '
import json, sys
lines = [json.loads(l, object_pairs_hook=list) for l in open(sys.argv[1])]
keys = [[k for k, _ in o] for o in lines]
if keys != [["file", "url", "title", "authors", "date", "site", "language", "text"], ["file", "error"]]: print(keys)
elif dict(lines[0])["title"] != "Ferry times" or "every fifteen minutes" not in dict(lines[0])["text"]: print(lines[0])
elif "no-such-page.html: No such file or directory" not in dict(lines[1])["error"]: print(lines[1])
' "$tmp/out"

# ---------------------------------------------------------------- rouge

mkdir "$tmp/sys" "$tmp/ref"
printf 'The harbour bridge reopened on Monday.\nDivers found the crack.\n' >"$tmp/sys/d1.txt"
printf 'Ferries ran every fifteen minutes.\n' >"$tmp/sys/d2.txt"
printf 'The bridge opened again on Monday.\nA crack was found by divers.\n' >"$tmp/ref/d1.A.txt"
printf 'The old bridge reopened on Monday after repairs.\n' >"$tmp/ref/d1.B.txt"
printf 'The ferry ran every fifteen minutes while the bridge was shut.\n' >"$tmp/ref/d2.A.txt"
printf 'd1\t%s\t%s\t%s\nd2\t%s\t%s\n' "$tmp/sys/d1.txt" "$tmp/ref/d1.A.txt" "$tmp/ref/d1.B.txt" \
    "$tmp/sys/d2.txt" "$tmp/ref/d2.A.txt" >"$tmp/pairs.tsv"
run rouge -n 2 -d --system-dir "$tmp/sys" --reference-dir "$tmp/ref"
cp "$tmp/out" "$tmp/dirs.txt"
run rouge -n 2 -d --pairs "$tmp/pairs.tsv"
if [ -s "$tmp/out" ] && cmp -s "$tmp/out" "$tmp/dirs.txt"; then pass "rouge: --pairs and the folders give the same cases and scores"
else fail "rouge: --pairs and the folders give the same cases and scores" "$(diff "$tmp/out" "$tmp/dirs.txt" | head -n 3)"; fi
if check_run "rouge --json: exits 0 with output" rouge --json -n 2 --system-dir "$tmp/sys" --reference-dir "$tmp/ref"; then
    py "rouge --json: keys in order, and the averages and scores of the text output" '
import json, re, sys
text = open(sys.argv[2]).read()
for line in open(sys.argv[1]):
    o = json.loads(line, object_pairs_hook=list)
    keys = [k for k, _ in o]
    if keys != ["system", "measure", "average", "counts", "cases"]: print(keys); break
    o = json.loads(line)
    m = o["measure"]
    r = re.search(r"S %s Average_R: (\S+) \(95%%-conf.int. (\S+) - (\S+)\)" % m, text)
    if not r or [float(x) for x in r.groups()] != [o["average"]["recall"]] + o["average"]["recall_ci"]: print(m, r and r.groups(), o["average"])
    for c in o["cases"]:
        e = re.search(r"S %s Eval %s.S R:(\S+) P:(\S+) F:(\S+)" % (m, c["id"]), text)
        if not e or [float(x) for x in e.groups()] != [c["recall"], c["precision"], c["f"]]: print(m, c)
' "$tmp/out" "$tmp/dirs.txt"
fi
run rouge --json -n 1 --system-id "$(printf 'sys\351')" "$tmp/sys/d2.txt" "$tmp/ref/d2.A.txt"
py "rouge --json: a system id that is not UTF-8 is valid JSON" '
import json, sys
for line in open(sys.argv[1], "rb"):
    o = json.loads(line.decode("utf-8"))
    if o["system"] != "sys\ufffd" or o["cases"][0]["id"] != "d2": print(o)
' "$tmp/out"

finish
