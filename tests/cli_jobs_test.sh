#!/bin/sh
# cli_jobs_test.sh — end-to-end tests of `summarize --jobs`: many stories summarised on several
# threads print exactly what one thread prints (text, JSON, Markdown, --output-dir), in input
# order, and a bad story in the middle stops the output at the same place. Run from the
# repository root:
#   sh tests/cli_jobs_test.sh PATH_TO_TIDINGS

NAME=cli_jobs_test
. tests/clilib.sh "$@"

# A Multi-News file of 40 stories made from the five articles of the bundled story: story k has
# four of them (one left out in turn), starting at a different one, so each summary differs.
# (Multi-News: one story a line, articles joined by " ||||| ", line breaks as NEWLINE_CHAR.)
article() { tr '\n' ' ' <"$EXAMPLE/0$1.txt" | sed 's/  */ /g'; }
for k in $(seq 0 39); do
    line=""
    for step in 0 1 2 3 4; do
        a=$(((k + step) % 5 + 1))
        [ "$a" -eq $((k / 5 % 5 + 1)) ] && continue
        line="$line${line:+ ||||| }$(article "$a")"
    done
    printf '%s\n' "$line"
done >"$tmp/stories.src"

# same_as_one_thread DESC ARGS…: the output of summarize ARGS with --jobs 2, 3 and 7 is that of
# --jobs 1, which has 40 stories (counted by COUNT, a grep pattern).
same_as_one_thread() {
    desc=$1 count=$2
    shift 2
    run summarize -q --jobs 1 "$@" "$tmp/stories.src"
    cp "$tmp/out" "$tmp/one"
    n=$(grep -c -e "$count" "$tmp/one")
    why=""
    [ "$rc" -eq 0 ] || why="--jobs 1: exit $rc: $(head -n 1 "$tmp/err")"
    [ -n "$why" ] || [ "$n" -eq 40 ] || why="--jobs 1: $n stories, want 40"
    for j in 2 3 7; do
        [ -n "$why" ] && break
        run summarize -q --jobs "$j" "$@" "$tmp/stories.src"
        if [ "$rc" -ne 0 ]; then why="--jobs $j: exit $rc: $(head -n 1 "$tmp/err")"
        elif ! cmp -s "$tmp/out" "$tmp/one"; then why="--jobs $j: $(diff "$tmp/one" "$tmp/out" | sed -n 2p)"
        fi
    done
    verdict "$desc" "$why"
}

same_as_one_thread "40 stories on 2, 3 and 7 threads: the text of one thread, in input order" '^== story ' --format multinews
same_as_one_thread "… and the same JSON Lines" '"sentences"' --format multinews --json
same_as_one_thread "… and the same Markdown" '^#' --format multinews --markdown
same_as_one_thread "… with lexrank and at 60 words" '^== story ' --format multinews --method lexrank --words 60

# The stories are in input order: story 1 leaves out article 1 and starts with article 2.
run summarize -q --jobs 3 --format multinews "$tmp/stories.src"
first=$(grep -m 1 '^== story ' "$tmp/out")
last=$(grep '^== story ' "$tmp/out" | tail -n 1)
verdict "the stories are numbered 1 to 40 in order" \
    "$([ "$first" = "== story 1 ==" ] && [ "$last" = "== story 40 ==" ] || echo "first '$first', last '$last'")"

mkdir -p "$tmp/dir1" "$tmp/dir4"
run summarize -q --jobs 1 --format multinews -o "$tmp/dir1" "$tmp/stories.src"
rc1=$rc
run summarize -q --jobs 4 --format multinews -o "$tmp/dir4" "$tmp/stories.src"
why=""
if [ "$rc1" -ne 0 ] || [ "$rc" -ne 0 ]; then why="exit $rc1 and $rc: $(head -n 1 "$tmp/err")"
elif [ "$(ls "$tmp/dir1" | wc -l)" -ne 40 ]; then why="$(ls "$tmp/dir1" | wc -l) files, want 40"
elif ! diff -r "$tmp/dir1" "$tmp/dir4" >"$tmp/diff"; then why=$(head -n 2 "$tmp/diff")
fi
verdict "--output-dir: the same 40 files from 1 and 4 threads" "$why"

# A folder of 40 story folders (four articles each, as above) whose story s23 has an empty file:
# stories s01 to s22 are printed, then the error, with any number of threads.
for k in $(seq 0 39); do
    d=$tmp/tree/s$(printf '%02d' $((k + 1)))
    mkdir -p "$d"
    for a in 1 2 3 4 5; do [ "$a" -eq $((k / 5 % 5 + 1)) ] || cp "$EXAMPLE/0$a.txt" "$d/"; done
done
: >"$tmp/tree/s23/empty.txt"
run summarize -q --jobs 1 "$tmp/tree"
cp "$tmp/out" "$tmp/bad1"
cp "$tmp/err" "$tmp/bad1.err"
why=""
if [ "$rc" -ne 1 ]; then why="--jobs 1: exit $rc, want 1"
elif [ "$(grep -c '^== story ' "$tmp/bad1")" -ne 22 ]; then why="--jobs 1: $(grep -c '^== story ' "$tmp/bad1") stories before the error, want 22"
elif ! grep -q 's23/empty.txt: empty file' "$tmp/bad1.err"; then why="--jobs 1: $(cat "$tmp/bad1.err")"
fi
for j in 2 5; do
    [ -n "$why" ] && break
    run summarize -q --jobs "$j" "$tmp/tree"
    if [ "$rc" -ne 1 ]; then why="--jobs $j: exit $rc"
    elif ! cmp -s "$tmp/out" "$tmp/bad1"; then why="--jobs $j: not the 22 stories of one thread"
    elif ! cmp -s "$tmp/err" "$tmp/bad1.err"; then why="--jobs $j: $(cat "$tmp/err")"
    fi
done
verdict "an empty file in story 23: stories 1-22, then one line naming it, exit 1, whatever the threads" "$why"

# A full disk: the first write that fails ends the run with one line saying so.
if [ -w /dev/full ]; then
    for j in 1 3; do
        "$TD" summarize -q --jobs "$j" --format multinews "$tmp/stories.src" >/dev/full 2>"$tmp/err"
        rc=$?
        why=""
        [ "$rc" -eq 1 ] || why="exit $rc"
        [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "^tidings summarize: cannot write the output: No space left on device$" "$tmp/err" ||
            why="$why $(cat "$tmp/err")"
        verdict "--jobs $j, output to /dev/full: exit 1, one line naming the problem" "$why"
    done
else
    skip "output to /dev/full: no /dev/full here"
fi

check_bad "--jobs 0 is a usage error" 2 "--jobs" summarize --jobs 0 "$tmp/stories.src"
check_bad "--jobs 65 is a usage error" 2 "from 1 to 64" summarize --jobs 65 "$tmp/stories.src"
check_bad "-j x is a usage error" 2 "'x'" summarize -j x "$tmp/stories.src"

# The 100 Multi-News dev clusters: every method prints the same on two threads as on one.
MN=../shared/data/multinews-dev/dev.src
if [ -f "$MN" ]; then
    why=""
    for m in concepts lead centroid lexrank textrank; do
        "$TD" summarize -q --jobs 1 --format multinews --method "$m" --json "$MN" >"$tmp/mn1" 2>&1
        "$TD" summarize -q --jobs 2 --format multinews --method "$m" --json "$MN" >"$tmp/mn2" 2>&1
        [ "$(wc -l <"$tmp/mn1")" -eq 100 ] || why="$why $m: $(wc -l <"$tmp/mn1") lines;"
        cmp -s "$tmp/mn1" "$tmp/mn2" || why="$why $m differs;"
    done
    verdict "Multi-News dev, each method: the same JSON Lines on 1 and 2 threads" "$why"
else
    skip "Multi-News dev on 1 and 2 threads: $MN is absent"
fi

finish
