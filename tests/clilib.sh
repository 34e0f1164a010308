#!/bin/sh
# clilib.sh — what every end-to-end test script (tests/cli_*_test.sh) shares: the program under
# test, a scratch folder, reporting and running. A script sources it after setting its own NAME:
#   NAME=cli_test; . tests/clilib.sh "$@"   …checks…   finish
# Prints "ok - …", "not ok - …" or "skip - …" per check; finish prints "N passed, M failed" and
# returns non-zero when a check failed. JSON checks need python3 and are skipped without it.

set -u

if [ $# -ne 1 ]; then
    echo "usage: sh tests/$NAME.sh PATH_TO_TIDINGS" >&2
    exit 2
fi
case $1 in
    */*) TD=$1 ;;
    *) TD=./$1 ;; # "tidings" means the one here, not one on $PATH
esac
if [ ! -x "$TD" ]; then
    echo "$NAME: $TD is not an executable program" >&2
    exit 2
fi

EXAMPLE=examples/harbour-bridge
SONY=../shared/examples/sony-hack

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

passed=0
failed=0
if command -v python3 >/dev/null 2>&1; then have_python=1; else have_python=0; fi

# ---------------------------------------------------------------- reporting

pass() {
    passed=$((passed + 1))
    echo "ok - $1${2:+ ($2)}"
}

# fail DESC [WHY]: WHY is shortened to one line of at most 200 characters.
fail() {
    failed=$((failed + 1))
    reason=$(printf '%s' "${2:-}" | tr '\n' ' ' | cut -c 1-200)
    echo "not ok - $1${reason:+ ($reason)}"
}

skip() {
    echo "skip - $1"
}

# verdict DESC WHY: passes when WHY is empty.
verdict() {
    if [ -z "$2" ]; then pass "$1"; else fail "$1" "$2"; fi
}

# ---------------------------------------------------------------- running

# run ARGS…: runs tidings with stdin closed off; sets rc and fills $tmp/out and $tmp/err.
run() {
    "$TD" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
}

# run_in FILE ARGS…: like run, with FILE on stdin.
run_in() {
    input=$1
    shift
    "$TD" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}

# run_problem: why the last run did not succeed with output, or nothing.
run_problem() {
    if [ "$rc" -ne 0 ]; then
        echo "exit $rc: $(head -n 1 "$tmp/err")"
    elif [ ! -s "$tmp/out" ]; then
        echo "no output"
    fi
}

# check_run DESC ARGS…: runs tidings and expects exit 0 and some output; returns 1 otherwise so
# that checks of the output can be left out.
check_run() {
    desc=$1
    shift
    run "$@"
    why=$(run_problem)
    verdict "$desc" "$why"
    [ -z "$why" ]
}

# check_exit DESC WANT: the last run exited with status WANT.
check_exit() {
    if [ "$rc" -eq "$2" ]; then pass "$1"; else fail "$1" "exit $rc, want $2: $(head -n 1 "$tmp/err")"; fi
}

# check_contains DESC FILE STRING: FILE contains STRING (fixed string).
check_contains() {
    if grep -q -F -e "$3" "$2"; then pass "$1"; else fail "$1" "no '$3' in the output"; fi
}

# check_bad DESC WANT NAMED ARGS…: tidings must exit with WANT, print nothing on stdout and
# exactly one line on stderr, which contains NAMED when NAMED is not empty.
check_bad() {
    desc=$1 want=$2 named=$3
    shift 3
    run "$@"
    check_bad_result "$desc" "$want" "$named"
}

# check_bad_in DESC WANT NAMED FILE ARGS…: like check_bad, with FILE on stdin.
check_bad_in() {
    desc=$1 want=$2 named=$3 input=$4
    shift 4
    run_in "$input" "$@"
    check_bad_result "$desc" "$want" "$named"
}

check_bad_result() {
    lines=$(wc -l <"$tmp/err" | tr -d ' ')
    if [ "$rc" -ne "$2" ]; then
        fail "$1" "exit $rc, want $2: $(head -n 1 "$tmp/err")"
    elif [ -s "$tmp/out" ]; then
        fail "$1" "printed on stdout: $(head -n 1 "$tmp/out")"
    elif [ "$lines" -ne 1 ]; then
        fail "$1" "$lines lines on stderr, want 1: $(head -n 2 "$tmp/err")"
    elif [ -n "$3" ] && ! grep -q -F -e "$3" "$tmp/err"; then
        fail "$1" "the message does not name '$3': $(cat "$tmp/err")"
    else
        pass "$1"
    fi
}

# finish: the closing line; exit status 1 when a check failed.
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
