#!/bin/sh
# cli_test.sh — end-to-end tests of the tidings program on the bundled example story (and on
# ../shared/examples/sony-hack when ../shared is present). Run from the repository root:
#   sh tests/cli_test.sh PATH_TO_TIDINGS

NAME=cli_test
. tests/clilib.sh "$@"

METHODS="concepts lead centroid lexrank textrank"

# ---------------------------------------------------------------- output checkers

# chosen_sentences: the sentence lines of a text summary in $tmp/out (those before the first blank line).
chosen_sentences() {
    awk 'NF == 0 { exit } { print }' "$tmp/out"
}

# text_problem NDOCS: why the text summary in $tmp/out is malformed, or nothing. Every sentence line
# ends with its sources " [n,…]" (1 ≤ n ≤ NDOCS); a blank line; then "[1] …" … "[NDOCS] …".
text_problem() {
    awk -v ndocs="$1" '
        function bad(msg) { if (!problem) problem = msg }
        !blank && NF == 0 { blank = 1; next }
        !blank {
            sentences++
            if ($0 !~ / \[[0-9]+(,[0-9]+)*\]$/) { bad("no [sources] at the end of: " $0); next }
            list = $NF
            gsub(/[][]/, "", list)
            n = split(list, ids, ",")
            for (i = 1; i <= n; i++)
                if (ids[i] + 0 < 1 || ids[i] + 0 > ndocs) bad("source " ids[i] " out of range in: " $0)
            next
        }
        {
            sources++
            if (index($0, "[" sources "] ") != 1) bad("source line " sources " is: " $0)
        }
        END {
            if (!sentences) bad("no sentences")
            if (sources != ndocs) bad(sources + 0 " source lines, want " ndocs)
            if (problem) print problem
        }' "$tmp/out"
}

# text_words: the words of the sentences of the text summary in $tmp/out (sources left out).
text_words() {
    chosen_sentences | awk '{ words += NF - 1 } END { print words + 0 }'
}

# source_names_problem DIR WITH_TITLES: why the numbered sources in $tmp/out do not name the files
# of DIR in order (each with its first line as headline when WITH_TITLES is 1), or nothing.
source_names_problem() {
    awk 'blank { print } NF == 0 { blank = 1 }' "$tmp/out" >"$tmp/sources"
    i=0
    for file in "$1"/*.txt; do
        i=$((i + 1))
        line=$(sed -n "${i}p" "$tmp/sources")
        name=${file##*/}
        if [ "$2" -eq 1 ]; then
            title=$(head -n 1 "$file")
            case $line in
                "[$i] "*"$name — $title") ;;
                *) echo "source $i is '$line', want '[$i] …$name — $title'"; return ;;
            esac
        else
            case $line in
                "[$i] "*"$name"*) ;;
                *) echo "source $i is '$line', want it to name $name"; return ;;
            esac
        fi
    done
}

# The JSON checker: python3 "$tmp/check.py" MODE ARGS… < JSON Lines. It exits 0 when the output is
# right (printing an optional note) and 1 with the problem otherwise.
#   json [docs=N] [method=M] [ids=A,B,…] [words=N] [bytes=N] [sentences=N]: every line is a complete,
#       well-typed cluster object within the budget given.
#   quote NEEDLE1 NEEDLE2 DOC_A DOC_B REQUIRED: a chosen sentence holding both needles lists both
#       documents among its sources (when REQUIRED is 1, such a sentence must be chosen).
cat >"$tmp/check.py" <<'EOF'
import json, re, sys

WHITE = re.compile(r"[ \t\n\r\f\v]+")

def words(text):
    return len([w for w in WHITE.split(text) if w])

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)

def cluster_problem(c, opts):
    if not isinstance(c, dict):
        return "a line is not a JSON object"
    kinds = {"id": (str, int), "method": str, "words": int, "sentences": list, "documents": list}
    for key, kind in kinds.items():
        if key not in c:
            return "no %r field" % key
        if not isinstance(c[key], kind) or isinstance(c[key], bool):
            return "%r has the wrong type" % key
    if "method" in opts and c["method"] != opts["method"]:
        return "method is %r, want %r" % (c["method"], opts["method"])
    docs = c["documents"]
    if "docs" in opts and len(docs) != int(opts["docs"]):
        return "%d documents, want %s" % (len(docs), opts["docs"])
    for i, d in enumerate(docs):
        if not isinstance(d, dict) or set(d) < {"index", "name", "title"}:
            return "document %d lacks index, name or title" % i
        if not is_int(d["index"]) or d["index"] != i:
            return "document %d has index %r" % (i, d["index"])
        if not isinstance(d["name"], str) or not d["name"]:
            return "document %d has no name" % i
        if d["title"] is not None and not isinstance(d["title"], str):
            return "document %d title is not a string or null" % i
    sents = c["sentences"]
    if not sents:
        return "no sentences"
    for s in sents:
        if not isinstance(s, dict):
            return "a sentence is not an object"
        for key in ("text", "doc", "offset", "sources"):
            if key not in s:
                return "a sentence has no %r" % key
        if not isinstance(s["text"], str) or not s["text"].strip():
            return "a sentence text is empty or not a string"
        if not is_int(s["doc"]) or not 0 <= s["doc"] < len(docs):
            return "doc %r out of range in: %s" % (s["doc"], s["text"])
        if not is_int(s["offset"]) or s["offset"] < 0:
            return "bad offset %r in: %s" % (s["offset"], s["text"])
        src = s["sources"]
        if not isinstance(src, list) or not all(is_int(x) and 0 <= x < len(docs) for x in src):
            return "sources %r out of range in: %s" % (src, s["text"])
        if src != sorted(set(src)):
            return "sources %r not ascending in: %s" % (src, s["text"])
        if s["doc"] not in src:
            return "sources %r lack doc %d in: %s" % (src, s["doc"], s["text"])
    texts = [s["text"] for s in sents]
    total = sum(words(t) for t in texts)
    if c["words"] != total:
        return "words is %d but the sentences have %d" % (c["words"], total)
    size = {"words": total, "bytes": len(" ".join(texts).encode("utf-8")), "sentences": len(texts)}
    for key, value in size.items():
        if int(opts.get(key, 0)) and value > int(opts[key]):  # 0 is no limit
            return "%d %s, over the budget of %s" % (value, key, opts[key])
    return None

def check_json(args):
    opts = dict(a.split("=", 1) for a in args)
    lines = [line for line in sys.stdin.read().split("\n") if line]
    if not lines:
        return "no JSON lines"
    ids = []
    for n, line in enumerate(lines, 1):
        try:
            c = json.loads(line)
        except ValueError as e:
            return "line %d is not JSON: %s" % (n, e)
        problem = cluster_problem(c, opts)
        if problem:
            return "cluster %d: %s" % (n, problem)
        ids.append(str(c["id"]))
    if "ids" in opts and ids != opts["ids"].split(","):
        return "cluster ids %s, want %s" % (",".join(ids), opts["ids"])
    return None

def check_quote(args):
    a, b, doc_a, doc_b, required = args[0], args[1], int(args[2]), int(args[3]), args[4] == "1"
    for line in sys.stdin:
        if not line.strip():
            continue
        for s in json.loads(line)["sentences"]:
            if a in s["text"] and b in s["text"]:
                if doc_a in s["sources"] and doc_b in s["sources"]:
                    return None, "chosen, sources %s" % s["sources"]
                return "sources %s, want %d and %d: %s" % (s["sources"], doc_a, doc_b, s["text"]), None
    if required:
        return "not chosen", None
    return None, "not chosen"

mode, args = sys.argv[1], sys.argv[2:]
if mode == "json":
    problem, note = check_json(args), None
else:
    try:
        problem, note = check_quote(args)
    except (ValueError, KeyError, TypeError) as e:
        problem, note = "unreadable JSON: %s" % e, None
print(problem or note or "")
sys.exit(1 if problem else 0)
EOF

# check_py DESC MODE ARGS…: runs the JSON checker on $tmp/out.
check_py() {
    desc=$1
    shift
    if note=$(python3 "$tmp/check.py" "$@" <"$tmp/out"); then pass "$desc" "$note"
    else fail "$desc" "$note"; fi
}

# ---------------------------------------------------------------- checks of a story

# check_text_form SET DIR NDOCS WITH_TITLES: the default text summary of DIR.
check_text_form() {
    if check_run "$1: summarize exits 0 with output" summarize "$2"; then
        verdict "$1: text lines end with [sources], then the numbered sources" "$(text_problem "$3")"
        verdict "$1: sources name the files in order" "$(source_names_problem "$2" "$4")"
        words=$(text_words)
        if [ "$words" -le 250 ]; then pass "$1: default budget of 250 words kept" "$words words"
        else fail "$1: default budget of 250 words kept" "$words words"; fi
        if [ -s "$tmp/err" ]; then fail "$1: nothing on stderr" "$(head -n 1 "$tmp/err")"
        else pass "$1: nothing on stderr"; fi
    fi
}

# check_budgets SET DIR NDOCS: every method keeps every budget; its JSON is valid and complete.
check_budgets() {
    if [ "$have_python" -eq 0 ]; then
        skip "$1: JSON and budget checks (no python3)"
        return
    fi
    for method in $METHODS; do
        for budget in words=60 bytes=400 sentences=3; do
            desc="$1: --method $method --${budget%%=*} ${budget#*=}: valid JSON within the budget"
            run summarize --json --method "$method" "--${budget%%=*}" "${budget#*=}" "$2"
            why=$(run_problem)
            if [ -n "$why" ]; then fail "$desc" "$why"; continue; fi
            check_py "$desc" json "docs=$3" "method=$method" "$budget"
        done
    done
}

# check_debris SET DIR EXTRA…: no method chooses a sentence holding web debris at 400 words.
check_debris() {
    set_name=$1 dir=$2
    shift 2
    {
        printf '%s\n' "Share this" "Listen Live" "Get short URL" "Leave a Reply" \
            "email address will not be published" "More from" "About the author" \
            "Like and Follow" "Do you think" "[Image via" "Required fields" "in the comments" \
            "All rights reserved" "GMT"
        printf '%s\n' "$@"
    } >"$tmp/debris"
    for method in $METHODS; do
        desc="$set_name: --method $method --words 400 chooses no debris"
        run summarize --method "$method" --words 400 "$dir"
        why=$(run_problem)
        if [ -z "$why" ]; then
            hit=$(chosen_sentences | grep -F -f "$tmp/debris" | head -n 1)
            why=${hit:+chose: $hit}
        fi
        verdict "$desc" "$why"
    done
}

# check_quote SET DIR NEEDLE1 NEEDLE2 DOC_A DOC_B METHOD: the quote told by two outlets (0-based
# DOC_A and DOC_B) is chosen by METHOD at 400 words, and whenever a method chooses it, it lists both.
check_quote() {
    if [ "$have_python" -eq 0 ]; then
        skip "$1: shared quote checks (no python3)"
        return
    fi
    shown="$3 … $4"
    for method in $METHODS; do
        required=0
        [ "$method" = "$7" ] && required=1
        desc="$1: --method $method: the quote \"$shown\" lists outlets $(($5 + 1)) and $(($6 + 1))"
        [ "$required" -eq 1 ] && desc="$desc and is chosen"
        run summarize --json --method "$method" --words 400 "$2"
        why=$(run_problem)
        if [ -n "$why" ]; then fail "$desc" "$why"; continue; fi
        check_py "$desc" quote "$3" "$4" "$5" "$6" "$required"
    done
}

# check_markdown SET DIR: the Markdown form has a heading and list items.
check_markdown() {
    if check_run "$1: --markdown exits 0 with output" summarize --markdown "$2"; then
        if grep -q '^#' "$tmp/out"; then pass "$1: markdown has a heading"
        else fail "$1: markdown has a heading" "no line starts with #"; fi
        if grep -q -E '^([-*]|[0-9]+\.) ' "$tmp/out"; then pass "$1: markdown has list items"
        else fail "$1: markdown has list items" "no line starts with -, * or 1."; fi
    fi
}

# check_story SET DIR NDOCS WITH_TITLES: the checks every story gets.
check_story() {
    check_text_form "$@"
    check_markdown "$1" "$2"
    check_budgets "$1" "$2" "$3"
}

# ---------------------------------------------------------------- the program

run --version
verdict "--version prints the version" "$(run_problem)"
check_contains "--version names tidings" "$tmp/out" "tidings"
run --help
verdict "--help exits 0 with output" "$(run_problem)"
check_contains "--help lists summarize" "$tmp/out" "summarize"
run summarize --help
verdict "summarize --help exits 0 with output" "$(run_problem)"
check_contains "summarize --help lists --words" "$tmp/out" "--words"
run
check_exit "no command is a usage error" 2
check_bad "an unknown command is a usage error" 2 "no-such-command" no-such-command

# ---------------------------------------------------------------- the bundled example

check_story harbour-bridge "$EXAMPLE" 5 1
check_debris harbour-bridge "$EXAMPLE" "aheadCommuters" "end of the mon" "Harbour Bridge Closure (" \
    "By Samuel K. Brandt" "4:55 p.m." "Ferry Fares Waived" "What Drivers Need to Know" \
    "Council Calls Emergency Session" "Records Show" "infrastructure, traffic"
check_quote harbour-bridge "$EXAMPLE" "not going to fall down" "single car" 0 2 concepts

if [ "$have_python" -eq 1 ]; then
    if check_run "harbour-bridge: --json exits 0 with output" summarize --json "$EXAMPLE"; then
        check_py "harbour-bridge: default JSON is valid, method concepts, 250 words at most" \
            json docs=5 method=concepts words=250 ids=1
    fi
fi

if check_run "two named files are summarised" summarize "$EXAMPLE/01.txt" "$EXAMPLE/03.txt"; then
    verdict "two named files: two numbered sources" "$(text_problem 2)"
fi

# ---------------------------------------------------------------- stdin

run_in "$EXAMPLE/01.txt" summarize -
why=$(run_problem)
verdict "stdin (-) is summarised" "$why"
[ -n "$why" ] || verdict "stdin (-): one numbered source" "$(text_problem 1)"

# ---------------------------------------------------------------- cluster-a-line formats

# mn_cluster TOWN THING COST: one Multi-News line of two short articles (each ends in "|||||",
# line breaks are the token NEWLINE_CHAR).
mn_cluster() {
    printf 'The %s council voted on Monday to build a new %s by the river. NEWLINE_CHAR NEWLINE_CHAR ' "$1" "$2"
    printf 'Work on the %s will start in the spring and cost about $%s million, officials said. |||||' "$2" "$3"
    printf ' Residents of %s said the new %s was long overdue. NEWLINE_CHAR ' "$1" "$2"
    printf 'The %s will cost $%s million and open next year, the council said. |||||\n' "$2" "$3"
}
{
    mn_cluster Eastfield library 12
    mn_cluster Northgate school 30
    mn_cluster Westmoor pool 8
} >"$tmp/clusters.src"

if [ "$have_python" -eq 1 ]; then
    for format in multinews auto; do
        desc="--format $format: a Multi-News file gives one JSON line per cluster, ids 1,2,3"
        run summarize --json --format "$format" "$tmp/clusters.src"
        why=$(run_problem)
        if [ -n "$why" ]; then fail "$desc" "$why"; else check_py "$desc" json docs=2 ids=1,2,3; fi
    done

    for n in 1 2; do
        printf '{"id":"story-%s","documents":[' "$n"
        printf '{"id":"a%s","title":"Ferry timetable changes","text":"%s"},' "$n" \
            "The ferry will run every $((n * 10)) minutes from Monday. The operator said more boats are coming."
        printf '{"id":"b%s","title":"More ferries","text":"%s"}' "$n" \
            "Ferries will sail every $((n * 10)) minutes starting Monday, the operator said. Fares stay the same."
        printf ']}\n'
    done >"$tmp/clusters.jsonl"
    desc="--format jsonl: a cluster a line gives one JSON line per cluster, in order"
    run summarize --json --format jsonl "$tmp/clusters.jsonl"
    why=$(run_problem)
    if [ -n "$why" ]; then fail "$desc" "$why"; else check_py "$desc" json docs=2 ids=story-1,story-2; fi
else
    skip "cluster-a-line formats (no python3)"
fi

# ---------------------------------------------------------------- bad input and usage

printf '' >"$tmp/empty.txt"
printf 'PK\003\004\000\000\024\000bridge\000\000\377\376report' >"$tmp/binary.dat"
printf 'The bridge closed on Tuesday\377 after cracks were found.\n' >"$tmp/bad-utf8.txt"
head -c 10485760 /dev/zero | tr '\000' 'x' >"$tmp/huge.txt"
mkdir "$tmp/nothing"

check_bad "summarize: an empty file is bad input" 1 empty.txt summarize "$tmp/empty.txt"
check_bad "summarize: a binary file is bad input" 1 binary.dat summarize "$tmp/binary.dat"
check_bad "summarize: invalid UTF-8 is bad input" 1 bad-utf8.txt summarize "$tmp/bad-utf8.txt"
check_bad "summarize: a 10 MB single line is bad input" 1 huge.txt summarize "$tmp/huge.txt"
check_bad "summarize: a folder with no text files is bad input" 1 nothing summarize "$tmp/nothing"
check_bad "summarize: a missing file is bad input" 1 no-such-file.txt summarize "$tmp/no-such-file.txt"
check_bad "summarize: a missing file among good ones prints nothing" 1 no-such-file.txt \
    summarize "$EXAMPLE/01.txt" "$tmp/no-such-file.txt"
check_bad_in "summarize: empty stdin is bad input" 1 "" "$tmp/empty.txt" summarize -
check_bad "summarize: an unknown flag is a usage error" 2 --no-such-flag \
    summarize --no-such-flag "$EXAMPLE"
check_bad "summarize: --words abc is a usage error" 2 abc summarize --words abc "$EXAMPLE"
check_bad "summarize: --words -5 is a usage error" 2 -5 summarize --words -5 "$EXAMPLE"
check_bad "summarize: --bytes without a number is a usage error" 2 --bytes summarize --bytes
check_bad "summarize: an unknown method is a usage error" 2 nosuch \
    summarize --method nosuch "$EXAMPLE"
check_bad "summarize: an unknown format is a usage error" 2 nosuch \
    summarize --format nosuch "$EXAMPLE"

check_bad "sentences: an empty file is bad input" 1 empty.txt sentences "$tmp/empty.txt"
check_bad "sentences: a binary file is bad input" 1 binary.dat sentences "$tmp/binary.dat"
check_bad "sentences: invalid UTF-8 is bad input" 1 bad-utf8.txt sentences "$tmp/bad-utf8.txt"
check_bad "sentences: a missing file is bad input" 1 no-such-file.txt sentences "$tmp/no-such-file.txt"
check_bad "sentences: an unknown flag is a usage error" 2 --no-such-flag sentences --no-such-flag

# ---------------------------------------------------------------- sentences

if check_run "sentences: splits an article" sentences "$EXAMPLE/01.txt"; then
    cp "$tmp/out" "$tmp/sentences-file"
    empty=$(grep -c '^[[:space:]]*$' "$tmp/out")
    if [ "$empty" -eq 0 ]; then pass "sentences: no empty lines"
    else fail "sentences: no empty lines" "$empty empty"; fi
    # A single capital before the final period covers initials and U.S.
    hit=$(LC_ALL=C grep -E '(^|[^[:alpha:]])(Dr|St|No|Rep|Ave|Feb|[A-Z])\.$' "$tmp/out" | head -n 1)
    verdict "sentences: no split after Dr., St., No., Feb., U.S. or an initial" "${hit:+split after: $hit}"
    desc="sentences: the quote and its attribution are one sentence"
    line=$(grep -F "not going to fall down" "$tmp/out")
    case $line in
        *"The bridge is not going"*"cracks go,"*"said Dr. Maria T. Okafor, the authority"*"s chief bridge engineer.") pass "$desc" ;;
        *) fail "$desc" "got: $line" ;;
    esac
    check_contains "sentences: \$4.5 million and U.S. stay inside their sentence" "$tmp/out" \
        "a \$4.5 million emergency grant from the U.S. Department of Transportation to pay"
    desc="sentences: stdin by default gives the same lines"
    run_in "$EXAMPLE/01.txt" sentences
    if [ "$rc" -eq 0 ] && cmp -s "$tmp/out" "$tmp/sentences-file"; then pass "$desc"
    else fail "$desc" "exit $rc: $(head -n 1 "$tmp/err")"; fi
fi

# ---------------------------------------------------------------- rouge

# A case worked by hand. Tokens are runs of letters and digits, lowercased. The reference has 10:
# two children go to a park / the kids were there. The system has 11: the children went to the
# park / they stayed there all day. Shared unigrams, clipped: the, children, to, park, there = 5,
# so R = 5/10; with -m, "went" becomes "go" (WordNet's verb.exc), so 6 hits: R = 6/10, P = 6/11.
printf 'The children went to the park.\nThey stayed there all day.\n' >"$tmp/rouge-sys.txt"
printf 'Two children go to a park.\nThe kids were there.\n' >"$tmp/rouge-ref.txt"

if check_run "rouge: one case exits 0 with output" rouge -n 1 "$tmp/rouge-sys.txt" "$tmp/rouge-ref.txt"; then
    check_contains "rouge: ROUGE-1 Average_R is 5/10 by hand" "$tmp/out" \
        "S ROUGE-1 Average_R: 0.50000 (95%-conf.int. 0.50000 - 0.50000)"
fi
if check_run "rouge -m: one case exits 0 with output" rouge -n 1 -m "$tmp/rouge-sys.txt" "$tmp/rouge-ref.txt"; then
    check_contains "rouge -m: ROUGE-1 Average_R is 6/10 by hand (went = go)" "$tmp/out" \
        "S ROUGE-1 Average_R: 0.60000 (95%-conf.int. 0.60000 - 0.60000)"
    check_contains "rouge -m: ROUGE-1 Average_P is 6/11 by hand" "$tmp/out" \
        "S ROUGE-1 Average_P: 0.54545 (95%-conf.int. 0.54545 - 0.54545)"
fi

# Two cases: the one above and a reference scored against itself.
printf 'first\t%s\t%s\nsecond\t%s\t%s\n' "$tmp/rouge-sys.txt" "$tmp/rouge-ref.txt" \
    "$tmp/rouge-ref.txt" "$tmp/rouge-ref.txt" >"$tmp/rouge-pairs.tsv"
if check_run "rouge --pairs -d: two cases exit 0 with output" rouge -n 1 -m -d --pairs "$tmp/rouge-pairs.tsv"; then
    check_contains "rouge --pairs -d: the Eval line of the first case" "$tmp/out" \
        "S ROUGE-1 Eval first.S R:0.60000 P:0.54545 F:0.57143"
    check_contains "rouge --pairs -d: the Eval line of the second case" "$tmp/out" \
        "S ROUGE-1 Eval second.S R:1.00000 P:1.00000 F:1.00000"
fi

check_bad "rouge: a missing file is bad input" 1 no-such-file.txt \
    rouge -n 1 "$tmp/rouge-sys.txt" "$tmp/no-such-file.txt"
check_bad "rouge: an unknown option is a usage error" 2 --no-such-flag \
    rouge --no-such-flag "$tmp/rouge-sys.txt" "$tmp/rouge-ref.txt"
check_bad "rouge: -f C is a usage error" 2 "-f" rouge -f C "$tmp/rouge-sys.txt" "$tmp/rouge-ref.txt"
export TIDINGS_WORDNET_DIR="$tmp/nothing"
check_bad "rouge -m: missing WordNet lists are bad input" 1 "$tmp/nothing/adv.exc" \
    rouge -n 1 -m "$tmp/rouge-sys.txt" "$tmp/rouge-ref.txt"
unset TIDINGS_WORDNET_DIR

# The reference ROUGE-1.5.5 output on Multi-News: same options, same ROUGE-1 and ROUGE-2 averages
# (the intervals too: the bootstrap is seeded as the script's).
MN=../shared/data/rouge-compat/multinews
if [ -d ../shared ]; then
    want=$MN/f-n2-su4-stem.out
    opts=$(sed -n '1{s/^# ROUGE-1\.5\.5\.pl //;s/ *<config>.*$//;p;}' "$want")
    desc="rouge $opts: Multi-News ROUGE-1/2 averages as ROUGE-1.5.5"
    # $opts unquoted: the options are words
    run rouge $opts --system-dir "$MN/system" --reference-dir "$MN/reference"
    why=$(run_problem)
    if [ -z "$why" ]; then
        grep -E '^S ROUGE-[12] Average_[RPF]:' "$want" >"$tmp/rouge-want"
        grep -E '^S ROUGE-[12] Average_[RPF]:' "$tmp/out" >"$tmp/rouge-got"
        n=$(wc -l <"$tmp/rouge-want" | tr -d ' ')
        if [ "$n" -ne 6 ]; then why="$n ROUGE-1/2 average lines in $want, want 6"
        elif ! cmp -s "$tmp/rouge-want" "$tmp/rouge-got"; then
            why=$(diff "$tmp/rouge-want" "$tmp/rouge-got" | grep '^[<>]' | head -n 2)
        fi
    fi
    verdict "$desc" "$why"
else
    skip "rouge on Multi-News: ../shared absent"
fi

# ---------------------------------------------------------------- clean

if check_run "clean: prints the kept text" clean "$EXAMPLE"; then
    check_contains "clean: keeps the reporting" "$tmp/out" "cutting the busiest road link"
    hit=$(grep -F -e "Share this article" -e "Listen Live" -e "About the author" -e "aheadCommuters" \
        -e "end of the mon" -e "Ferry Fares Waived" -e "Leave a Reply" "$tmp/out" | head -n 1)
    verdict "clean: drops the planted debris" "${hit:+kept: $hit}"
fi
if check_run "clean --explain: exits 0 with output" clean --explain "$EXAMPLE/01.txt"; then
    check_contains "clean --explain: the share prompt is dropped as one" "$tmp/out" "drop  share-prompt"
    bad=$(grep -v -E '^(keep|drop)  [a-z-]+ *[|] ' "$tmp/out" | head -n 1)
    verdict "clean --explain: a verdict and a reason on every line" "${bad:+line: $bad}"
fi
if [ "$have_python" -eq 1 ]; then
    if check_run "clean --json: exits 0 with output" clean --json "$EXAMPLE"; then
        why=$(python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 5, "%d lines" % len(lines)
for line in lines:
    o = json.loads(line)
    last = 0
    for p in o["pieces"]:
        assert p["start"] >= last and p["end"] > p["start"], "pieces out of order"
        assert p["keep"] == (p["reason"] in ("content", "no-end", "question")), p["reason"]
        last = p["end"]
    kept = [p["text"] for p in o["pieces"] if p["keep"]]
    assert kept and all(k in o["text"] for k in kept), "kept pieces missing from the text"
' "$tmp/out" 2>&1 | tail -n 1)
        verdict "clean --json: one object an article, pieces in order, kept text complete" "$why"
    fi
fi
if check_run "summarize --no-clean: summarises the raw text" summarize --no-clean "$EXAMPLE"; then
    check_contains "summarize --no-clean: lists the sources" "$tmp/out" "[1]"
fi
check_bad "clean: a missing file is bad input" 1 no-such-file.txt clean "$tmp/no-such-file.txt"
check_bad "clean: an unknown flag is a usage error" 2 --no-such-flag clean --no-such-flag
check_bad "clean: an unknown format is a usage error" 2 nosuch clean --format nosuch "$EXAMPLE"

# ---------------------------------------------------------------- web pages

PAGE=tests/data/html/article.html
gzip -c "$PAGE" >"$tmp/article.html.gz"
if check_run "summarize: a web page and its gzip copy are read as articles" summarize --json "$PAGE" "$tmp/article.html.gz"; then
    check_contains "summarize: the page's title comes from its markup" "$tmp/out" '"title":"Harbour bridge reopens after repairs"'
    check_contains "summarize: the page's article is summarised" "$tmp/out" "first buses crossed it"
    if grep -q -F -e "must never appear" -e "<p>" "$tmp/out"; then fail "summarize: no script or markup in the summary"
    else pass "summarize: no script or markup in the summary"; fi
fi
if check_run "extract --json: one object a page" extract --json "$PAGE" "$tmp/article.html.gz"; then
    n=$(grep -c '"text"' "$tmp/out")
    if [ "$n" -eq 2 ]; then pass "extract --json: two pages, two objects"; else fail "extract --json: two pages, two objects" "$n"; fi
fi
printf '<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav></body></html>' >"$tmp/nothing.html"
check_bad "summarize: a page with nothing to extract is bad input" 1 nothing.html summarize "$tmp/nothing.html"
printf '\037\213\010\000not deflate data' >"$tmp/broken.gz"
check_bad "summarize: corrupt gzip data is bad input" 1 broken.gz summarize "$tmp/broken.gz"

# ---------------------------------------------------------------- the Sony example in ../shared

if [ -d ../shared ]; then
    check_story sony-hack "$SONY" 5 0
    check_debris sony-hack "$SONY" "USThis Friday" "Community standards" "Epoch Times" \
        "Scandal Behind It" "Biggest Cyber Attacks" "Jimmy Carter Calls" "hacker attack, Sony Pictures"
    check_quote sony-hack "$SONY" "nothing to do with" "Sony hacking" 0 1 lead
else
    skip "../shared absent"
fi

finish
