#!/bin/sh
# package_test.sh — tests of what `make install` puts on a machine: installs into a scratch
# PREFIX, builds the example of tidings(3) against it with pkg-config (shared and static) and runs
# it on the bundled story, checks the symbols the shared library exports, renders every manual
# page, tries the bash completion, then installs with DESTDIR and uninstalls both.
# Run from the repository root by `make package-test` (MAKE names the make to call):
#   sh tests/package_test.sh PATH_TO_TIDINGS

NAME=package_test
. tests/clilib.sh "$@"

MAKE=${MAKE:-make}
prefix=$tmp/prefix
pc() { PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config "$@"; }

# ---------------------------------------------------------------- install into a PREFIX

if $MAKE --no-print-directory -s install PREFIX="$prefix" >"$tmp/make.out" 2>&1; then
    pass "make install PREFIX=…"
else
    fail "make install PREFIX=…" "$(tail -n 3 "$tmp/make.out")"
    finish
    exit
fi

commands=$("$TD" --help | awk '/^Commands:$/ {on = 1; next} on && /^ *$/ {exit} on {print $1}')
missing=""
for f in bin/tidings bin/tidings-serve include/tidings.h lib/libtidings.a lib/libtidings.so lib/libtidings.so.0 \
         lib/pkgconfig/tidings.pc share/man/man1/tidings.1 share/man/man3/tidings.3 \
         share/bash-completion/completions/tidings; do
    [ -e "$prefix/$f" ] || missing="$missing $f"
done
for c in $commands; do
    [ -e "$prefix/share/man/man1/tidings-$c.1" ] || missing="$missing share/man/man1/tidings-$c.1"
done
verdict "the program, header, libraries, pkg-config file, pages and completion are installed" \
    "${missing:+missing:$missing}"

# `tidings serve` runs the tidings-serve installed beside the program; a program without one says so.
why=""
if ! out=$(PATH=/usr/bin:/bin "$prefix/bin/tidings" serve --help 2>&1); then why="exit non-zero: $out"
else case $out in "Usage: tidings serve"*) ;; *) why="printed: $(echo "$out" | head -n 1)" ;; esac; fi
verdict "the installed tidings serve runs the installed tidings-serve" "$why"
mkdir -p "$tmp/alone" && cp "$prefix/bin/tidings" "$tmp/alone/tidings"
out=$("$tmp/alone/tidings" serve --help 2>&1); rc=$?
why=""
[ "$rc" -eq 1 ] || why="exit $rc"
case $out in "tidings serve: cannot run $tmp/alone/tidings-serve: No such file or directory") ;;
    *) why="$why printed: $out" ;; esac
verdict "without tidings-serve beside it, tidings serve says which file it could not run (exit 1)" "$why"

real=$(readlink "$prefix/lib/libtidings.so.0")
soname=$(readelf -d "$prefix/lib/libtidings.so.0" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
why=""
[ "$(readlink "$prefix/lib/libtidings.so")" = libtidings.so.0 ] || why="libtidings.so does not point to libtidings.so.0"
case $real in libtidings.so.0.*) [ -f "$prefix/lib/$real" ] || why="$real is missing" ;;
    *) why="libtidings.so.0 points to '$real'" ;; esac
[ "$soname" = libtidings.so.0 ] || why="soname '$soname'"
verdict "libtidings.so → libtidings.so.0 → $real, soname libtidings.so.0" "$why"

# ---------------------------------------------------------------- pkg-config

if ! command -v pkg-config >/dev/null 2>&1; then
    fail "pkg-config is installed (scripts/install-deps.sh)" "no pkg-config"
else
    flags=$(pc --cflags --libs tidings 2>&1)
    case $flags in
        *"-I$prefix/include"*"-L$prefix/lib"*"-ltidings"*) pass "pkg-config --cflags --libs tidings" ;;
        *) fail "pkg-config --cflags --libs tidings" "$flags" ;;
    esac
    if out=$(pc --validate tidings 2>&1) && [ -z "$out" ]; then pass "tidings.pc is valid"
    else fail "tidings.pc is valid" "$out"; fi

    # The example of tidings(3), as printed in the page: un-escape the troff between its markers.
    sed -n '/^\.\\" example begin/,/^\.\\" example end/p' "$prefix/share/man/man3/tidings.3" |
        sed '1d;$d' | sed 's/\\e/\\/g; s/\\-/-/g; s/\\&//g' >"$tmp/story.c"
    # What the program prints for the example story at 100 words: the sentences (sources removed).
    "$TD" summarize --words 100 $EXAMPLE/*.txt </dev/null | awk 'NF == 0 { exit } { print }' |
        sed 's/ \[[0-9,]*\]$//' >"$tmp/cli.txt"

    # story_problem BINARY: why the example program did not print the program's summary, or nothing.
    story_problem() {
        if ! LD_LIBRARY_PATH=$prefix/lib "$1" $EXAMPLE/*.txt >"$tmp/story.out" 2>"$tmp/story.err"; then
            echo "exit non-zero: $(head -n 1 "$tmp/story.err")"
        elif [ ! -s "$tmp/cli.txt" ]; then
            echo "tidings summarize printed no sentences"
        elif ! sed 's/ \[[^]]*\]$//' "$tmp/story.out" | cmp -s - "$tmp/cli.txt"; then
            echo "not the sentences of tidings summarize --words 100: $(head -n 1 "$tmp/story.out")"
        elif grep -v -E "\[$EXAMPLE/0[1-5]\.txt(, $EXAMPLE/0[1-5]\.txt)*\]$" "$tmp/story.out" | grep -q .; then
            echo "a line without its sources: $(grep -v -E "\]$" "$tmp/story.out" | head -n 1)"
        fi
    }

    if cc -std=c17 -Wall -Wextra -Wpedantic -Werror $(pc --cflags tidings) -o "$tmp/story" "$tmp/story.c" \
            $(pc --libs tidings) 2>"$tmp/cc.err"; then
        pass "the example of tidings(3) builds against the installed files"
        if LD_LIBRARY_PATH=$prefix/lib ldd "$tmp/story" | grep -q "libtidings.so.0 => $prefix/lib/"; then
            pass "it loads the installed libtidings.so.0"
        else
            fail "it loads the installed libtidings.so.0" "$(ldd "$tmp/story" | grep tidings)"
        fi
        verdict "it prints the summary of the example story with the names of its sources" "$(story_problem "$tmp/story")"
    else
        fail "the example of tidings(3) builds against the installed files" "$(head -n 3 "$tmp/cc.err")"
    fi

    # Static linking needs Requires.private and Libs.private to be complete.
    static_libs=$(pc --static --libs tidings | sed "s|-ltidings|$prefix/lib/libtidings.a|")
    if cc -std=c17 $(pc --cflags tidings) -o "$tmp/story-static" "$tmp/story.c" $static_libs 2>"$tmp/cc.err"; then
        if ldd "$tmp/story-static" | grep -q libtidings; then
            fail "the example links statically with pkg-config --static" "it still needs libtidings.so"
        else
            verdict "the example links statically with pkg-config --static and prints the same" \
                "$(story_problem "$tmp/story-static")"
        fi
    else
        fail "the example links statically with pkg-config --static" "$(head -n 3 "$tmp/cc.err")"
    fi
fi

# ---------------------------------------------------------------- exported symbols

nm -D --defined-only "$prefix/lib/libtidings.so.0" | awk '$2 != "A" { print $3 }' | sed 's/@.*//' | sort >"$tmp/exported"
grep -o '\btd_[a-z0-9_]*(' "$prefix/include/tidings.h" | tr -d '(' | sort -u >"$tmp/declared"
extra=$(comm -23 "$tmp/exported" "$tmp/declared" | head -n 5 | tr '\n' ' ')
absent=$(comm -13 "$tmp/exported" "$tmp/declared" | head -n 5 | tr '\n' ' ')
why=""
[ -s "$tmp/declared" ] || why="no td_ functions found in tidings.h"
[ -n "$extra" ] && why="exported but not in tidings.h: $extra"
[ -n "$absent" ] && why="$why declared but not exported: $absent"
verdict "libtidings.so exports exactly the $(wc -l <"$tmp/declared" | tr -d ' ') functions of tidings.h" "$why"

# ---------------------------------------------------------------- manual pages

if ! command -v man >/dev/null 2>&1; then
    fail "man is installed (scripts/install-deps.sh)" "no man"
else
    for page in "$prefix"/share/man/man1/*.1 "$prefix"/share/man/man3/*.3; do
        name=${page##*/}
        why=""
        for locale in C.UTF-8 C; do
            LC_ALL=$locale MANWIDTH=80 man --warnings -l "$page" >"$tmp/page.txt" 2>"$tmp/page.err"
            if [ -s "$tmp/page.err" ]; then why="LC_ALL=$locale: $(head -n 2 "$tmp/page.err")"
            elif ! grep -q '^NAME' "$tmp/page.txt"; then why="no NAME section"
            elif ! grep -q '^SEE ALSO' "$tmp/page.txt"; then why="no SEE ALSO section"
            fi
        done
        verdict "man -l $name renders without warnings" "$why"
    done
    found=$(MANPATH=$prefix/share/man man -w tidings 2>&1)
    verdict "man tidings finds the installed page" \
        "$([ "$found" = "$prefix/share/man/man1/tidings.1" ] || echo "$found")"
    found=$(MANPATH=$prefix/share/man man -w 3 tidings 2>&1)
    verdict "man 3 tidings finds the library's page" \
        "$([ "$found" = "$prefix/share/man/man3/tidings.3" ] || echo "$found")"

    # Every option of every --help is in the command's page, and every command in tidings(1).
    why=""
    LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$prefix/share/man/man1/tidings.1" >"$tmp/page.txt" 2>/dev/null
    for c in $commands; do
        grep -q "tidings-$c(1)" "$tmp/page.txt" || why="$why tidings(1) does not name tidings-$c(1);"
        LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$prefix/share/man/man1/tidings-$c.1" >"$tmp/cmd.txt" 2>/dev/null
        for opt in $("$TD" "$c" --help | grep -o -E -- '(^|[ ,])--[a-z][a-z0-9-]*' | tr -d ' ,' | sort -u); do
            grep -q -F -e "$opt" "$tmp/cmd.txt" || why="$why tidings-$c(1) lacks $opt;"
        done
        grep -q "^EXAMPLES" "$tmp/cmd.txt" || why="$why tidings-$c(1) has no EXAMPLES;"
    done
    verdict "each command's page has every option of its --help, and tidings(1) lists them all" "$why"
fi

# The page maker on --help texts with what troff would misread: lines starting with a dot or a
# quote, backslashes, a long option whose description starts after one space, a sub-heading.
cat >"$tmp/fake" <<'FAKE'
#!/bin/sh
if [ "$1" = --help ]; then
    printf 'Usage: tidings COMMAND\n\nCommands:\n  tricky   a command with \\ and -x in its line\n\n'
    exit 0
fi
cat <<'HELP'
Usage: tidings tricky [options] FILE...
       tidings tricky --list

Splits "a.b" at '.' and prints \n-separated parts.
.hidden files are skipped; 'quoted' lines stay.

Options:
  -s, --separator SEP  split at SEP (default '\t')
      --very-long-option-name VALUE what happens: the description
                       goes on here
  -h, --help           show this help

Output format:
  One part a line.

Examples:
  tidings tricky --separator . a.txt
  printf 'a\\nb' | tidings tricky -

Exit status: 0 on success, 2 on a usage error.
HELP
FAKE
chmod +x "$tmp/fake"
mkdir -p "$tmp/fakeman"
why=""
if ! sh scripts/help2man.sh "$tmp/fake" 9.9 "$tmp/fakeman" 2>"$tmp/fake.err"; then
    why="failed: $(head -n 1 "$tmp/fake.err")"
elif ! LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l "$tmp/fakeman/tidings-tricky.1" >"$tmp/fake.txt" 2>"$tmp/fake.err" ||
        [ -s "$tmp/fake.err" ]; then
    why="man: $(head -n 1 "$tmp/fake.err")"
else
    for want in "tidings-tricky - a command with \\ and -x in its line" "tidings tricky --list" \
            "prints \\n-separated parts." ".hidden files are skipped;" \
            "(default '\\t')" "OUTPUT FORMAT" "printf 'a\\\\nb' | tidings tricky -" \
            "0 on success, 2 on a usage error."; do
        grep -q -F -e "$want" "$tmp/fake.txt" || why="$why no '$want';"
    done
    # the long option is a term of its own, its description below it
    awk '/--very-long-option-name VALUE$/ { getline; if ($0 ~ /^ +what happens: the description goes on here$/) ok = 1 }
         END { exit !ok }' "$tmp/fake.txt" || why="$why the long option is not an item;"
fi
verdict "help2man.sh keeps troff's special characters and items of a made-up --help" "$why"

# ---------------------------------------------------------------- bash completion

completion=/usr/share/bash-completion/bash_completion
if ! command -v bash >/dev/null 2>&1 || [ ! -f $completion ]; then
    fail "bash-completion is installed (scripts/install-deps.sh)" "no $completion"
else
    # complete WORD…: what the completion offers for the last word of "tidings WORD…".
    complete_words() {
        PATH=$prefix/bin:$PATH bash -c '
            . "$1"; . "$2"; shift 2
            COMP_WORDS=(tidings "$@"); COMP_CWORD=$#
            COMP_LINE="tidings $*"; COMP_POINT=${#COMP_LINE}
            _tidings tidings "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf "%s\n" "${COMPREPLY[@]}"' sh $completion \
            "$prefix/share/bash-completion/completions/tidings" "$@" 2>&1 | tr '\n' ' '
    }
    got=$(complete_words su)
    verdict "bash completes 'tidings su' to summarize" "$([ "$got" = "summarize " ] || echo "got '$got'")"
    got=$(complete_words summarize --wo)
    verdict "bash completes 'tidings summarize --wo' to --words" "$([ "$got" = "--words " ] || echo "got '$got'")"
    got=$(complete_words summarize --method lex)
    verdict "bash completes the method after --method" "$([ "$got" = "lexrank " ] || echo "got '$got'")"
fi

# ---------------------------------------------------------------- Python

if command -v python3 >/dev/null 2>&1; then
    # the binding finds the installed library by its soname (LD_LIBRARY_PATH stands for ldconfig)
    got=$(cd "$tmp" && env -u TIDINGS_LIBRARY LD_LIBRARY_PATH="$prefix/lib" PYTHONPATH="$OLDPWD/python" python3 -c '
import tidings
print(len(tidings.sentences("One. Two.")))
print(next(l.split()[-1] for l in open("/proc/self/maps") if "libtidings.so" in l))' 2>&1 | tr '\n' ' ')
    verdict "the Python binding loads the installed libtidings.so.0" \
        "$([ "$got" = "2 $prefix/lib/$real " ] || echo "got '$got'")"
else
    skip "the Python binding loads the installed libtidings.so.0 (no python3)"
fi

# ---------------------------------------------------------------- DESTDIR, uninstall

dest=$tmp/dest
if $MAKE --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr >"$tmp/make.out" 2>&1 &&
        [ -x "$dest/usr/bin/tidings" ] && grep -q '^prefix=/usr$' "$dest/usr/lib/pkgconfig/tidings.pc"; then
    pass "make install DESTDIR=… PREFIX=/usr stages under DESTDIR, tidings.pc says /usr"
else
    fail "make install DESTDIR=… PREFIX=/usr stages under DESTDIR, tidings.pc says /usr" "$(tail -n 3 "$tmp/make.out")"
fi
for root in "$dest:PREFIX=/usr DESTDIR=$dest" "$prefix:PREFIX=$prefix"; do
    dir=${root%%:*}
    $MAKE --no-print-directory -s uninstall ${root#*:} >"$tmp/make.out" 2>&1
    left=$(find "$dir" ! -type d | head -n 3 | tr '\n' ' ')
    verdict "make uninstall ${root#*:} leaves no file behind" "$left"
done

finish
