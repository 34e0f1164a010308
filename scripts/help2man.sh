#!/bin/sh
# help2man.sh — makes the manual pages of the program from its --help texts, so that the manual
# and --help cannot drift apart: tidings.1 from `tidings --help` (plus the hand-written sections
# of man/tidings.1.extra), and tidings-COMMAND.1 from `tidings COMMAND --help` for every command
# that `tidings --help` lists under "Commands:".
#   sh scripts/help2man.sh PROGRAM VERSION OUTDIR
#
# Both styles of --help text in cli/ are understood:
#  - "Usage: tidings CMD …", paragraphs, then headings like "Options:" and "Examples:", and a
#    closing "Exit status: …" paragraph;
#  - man-like: upper-case headings (NAME, SYNOPSIS, DESCRIPTION, …) with indented bodies.
# In a section, a line at the body's indent that starts with "-", or has a term and a description
# separated by two or more spaces, starts a tagged item (a term too long for the gap ends at the
# first word that is neither an option nor an upper-case placeholder); deeper lines continue it.
# SYNOPSIS and EXAMPLES are kept line for line. The NAME line comes from the command list of
# `tidings --help`.
set -eu
if [ $# -ne 3 ]; then
    echo "usage: sh scripts/help2man.sh PROGRAM VERSION OUTDIR" >&2
    exit 2
fi
prog=$1 version=$2 out=$3
case $prog in */*) ;; *) prog=./$prog ;; esac
here=$(dirname "$0")
mkdir -p "$out"

# to_man NAME SECTION-TITLE DESCRIPTION: man(7) text of the --help text on stdin.
to_man() {
    awk -v name="$1" -v title="$2" -v desc="$3" -v version="$version" '
    function esc(s) { gsub(/\\/, "\\e", s); return s }
    # Dashes of option-like words become \- (a real hyphen-minus when copied from the page).
    function prose(s,    n, i, w, outs, words) {
        s = esc(s)
        n = split(s, words, / /)
        outs = ""
        for (i = 1; i <= n; i++) {
            w = words[i]
            if (w ~ /^[(\[\x27"`]*-/) gsub(/-/, "\\-", w)
            outs = outs (i > 1 ? " " : "") w
        }
        return outs
    }
    function line_out(s) {
        if (s ~ /^[.\x27]/) s = "\\&" s
        print s
    }
    # An item term: options bold, upper-case placeholders italic.
    function term(s,    n, i, w, tail, outs, words) {
        s = esc(s)
        sub(/ +$/, "", s)
        n = split(s, words, / +/)
        outs = ""
        for (i = 1; i <= n; i++) {
            w = words[i]; tail = ""
            if (w ~ /,$/) { tail = ","; w = substr(w, 1, length(w) - 1) }
            if (w ~ /^-/) { gsub(/-/, "\\-", w); w = "\\fB" w "\\fR" }
            else if (w ~ /^[A-Z][A-Z_.|]*$/) w = "\\fI" w "\\fR"
            outs = outs (i > 1 ? " " : "") w tail
        }
        return outs
    }
    function verbatim(s) { s = esc(s); gsub(/-/, "\\-", s); return s }
    function indent_of(s) { match(s, /^ */); return RLENGTH }
    # The heading a line is, or "": upper-case headings ("OPTIONS (ROUGE-1.5.5.pl)"), "Options:"
    # and the "Exit status: …" paragraph.
    function heading(s) {
        if (s ~ /^[A-Z][A-Z0-9 ]+[A-Z0-9]( \(.*\))?$/) return s
        if (s ~ /^[A-Z][a-z ]*:$/) return toupper(substr(s, 1, length(s) - 1))
        if (s ~ /^Exit status: /) return "EXIT STATUS"
        return ""
    }
    # Where an item line (option or term) ends its term: the start of the description after a gap
    # of two or more spaces, or 0.
    function gap_end(t) { return match(t, /[^ ]  +[^ ]/) ? RSTART + RLENGTH - 1 : 0 }
    # A term too long for a gap ("--output-dir DIR write ..."): options and upper-case
    # placeholders, then the description from the first other word; 0 when there is none.
    function term_end(t,    rest, w, pos) {
        rest = t; pos = 1
        while (match(rest, /^[^ ]+ +/)) {
            w = substr(rest, 1, RLENGTH); sub(/ +$/, "", w)
            if (w !~ /^-/ && w !~ /^[A-Z][A-Z0-9_.|]*,?$/ && w !~ /^[<\[]/) return pos
            pos += RLENGTH; rest = substr(rest, RLENGTH + 1)
        }
        return 0
    }
    function is_item(ind, t) { return (t ~ /^-/ && ind < base + 8) || (ind <= base && gap_end(t)) }
    function section(h) {
        close_block()
        base = -1; state = "start"; blank = 0
        skip = (h == "NAME")
        if (!skip) print ".SH " (h ~ / / ? "\"" h "\"" : h)
        if (h == "SYNOPSIS" || h == "EXAMPLES" || h == "EXAMPLE") { verb = 1; print ".nf" } else verb = 0
    }
    function close_block() { if (verb) print ".fi"; verb = 0 }
    function body(s,    ind, t, g) {
        if (skip) return
        if (s ~ /^ *$/) { if (state != "start") blank = 1; return }
        ind = indent_of(s)
        if (base < 0) base = ind
        t = substr(s, ind + 1)
        if (verb) {
            if (blank) print ".sp"
            blank = 0
            line_out(sprintf("%*s", ind > base ? ind - base : 0, "") verbatim(t))
            state = "text"
            return
        }
        if (is_item(ind, t)) {
            print ".TP"
            g = gap_end(t)
            if (!g) g = term_end(t)
            if (g) {
                line_out(term(substr(t, 1, g - 1)))
                t = substr(t, g)
                line_out(prose(t))
            } else line_out(term(t))
            state = "item"
        } else if (ind > base && state == "item" && !blank) {
            line_out(prose(t))
        } else {
            if (blank || state == "item") print ".PP"
            line_out(prose(t))
            state = "text"
        }
        blank = 0
    }
    BEGIN {
        print ".\\\" Made by scripts/help2man.sh from the --help text of the program: edit that, not this."
        printf ".TH %s %s \"\" \"tidings %s\" \"tidings manual\"\n", toupper(name), title, version
        print ".nh"
        print ".\\\" an ASCII ellipsis where the output device has none (LANG=C)"
        print ".if !c\\[u2026] .char \\[u2026] ..."
        print ".ad l"
        print ".SH NAME"
        print esc(name) " \\- " prose(desc)
    }
    { line[++n] = $0 }
    END {
        i = 1
        if (line[1] ~ /^[Uu]sage: /) {
            section("SYNOPSIS")
            body(substr(line[1], 8))
            for (i = 2; i <= n && line[i] ~ /^ +[^ ]/; i++) {
                t = line[i]; sub(/^ *(or: )?/, "", t); body(t)
            }
            section("DESCRIPTION")
        }
        for (; i <= n; i++) {
            hd = heading(line[i])
            if (hd != "") {
                section(hd)
                if (hd == "EXIT STATUS" && line[i] ~ /^Exit status: /) body(substr(line[i], 14))
                continue
            }
            body(line[i])
        }
        close_block()
    }
    '
}

# The commands and their one-line descriptions, from the "Commands:" list of the program.
"$prog" --help | awk '
    /^Commands:$/ { inlist = 1; next }
    inlist && /^ *$/ { exit }
    inlist && match($0, /^  [a-z][a-z0-9-]*  +/) {
        name = $1; d = substr($0, RLENGTH + 1)
        print name "\t" d
    }' > "$out/commands.tsv"
if [ ! -s "$out/commands.tsv" ]; then
    echo "help2man.sh: $prog --help lists no commands under 'Commands:'" >&2
    exit 1
fi

see_also=".BR tidings (1)"
tab=$(printf '\t')
while IFS="$tab" read -r cmd desc; do
    if ! "$prog" "$cmd" --help > "$out/help.txt" || [ ! -s "$out/help.txt" ]; then
        echo "help2man.sh: '$prog $cmd --help' failed or printed nothing" >&2
        exit 1
    fi
    to_man "tidings-$cmd" 1 "$desc" < "$out/help.txt" > "$out/tidings-$cmd.1"
    printf '.SH "SEE ALSO"\n%s\n' "$see_also" >> "$out/tidings-$cmd.1"
done < "$out/commands.tsv"

# The overview: the program's --help, the hand-written sections, then every command's page.
{
    "$prog" --help | to_man tidings 1 "news articles about one event into one story, with sources"
    cat "$here/../man/tidings.1.extra"
    echo '.SH "SEE ALSO"'
    while IFS="$tab" read -r cmd desc; do
        printf '.BR tidings\\-%s (1),\n' "$cmd"
    done < "$out/commands.tsv"
    echo '.BR tidings (3)'
} > "$out/tidings.1"
rm -f "$out/commands.tsv" "$out/help.txt"
