#!/bin/sh
# cli_startup_test.sh — end-to-end tests of what the fully static program (make, STATIC=1) still
# loads at run time: iconv's code pages beyond UTF-8 and Latin-1 come from glibc's gconv modules.
#   sh tests/cli_startup_test.sh PATH_TO_TIDINGS

NAME=cli_startup_test
. tests/clilib.sh "$@"

# page ENCODING LABEL TEXT: an article page declaring LABEL, its text converted from UTF-8 into
# ENCODING, in $tmp/page.html (false when this iconv cannot make it).
page() {
    body=$(printf '%s' "$3" | iconv -f UTF-8 -t "$1") || return 1
    { printf '<html><head><meta charset="%s"><title>Test page</title></head><body><article>' "$2"
      printf '<p>%s</p><p>%s</p><p>%s</p>' "$body" "$body" "$body"
      printf '</article></body></html>\n'; } >"$tmp/page.html"
}

RUSSIAN='Вчера вечером городской совет обсуждал новый мост через гавань, и жители задали много вопросов о стоимости работ.'
GREEK='Χθες το βράδυ το δημοτικό συμβούλιο συζήτησε τη νέα γέφυρα στο λιμάνι και οι κάτοικοι ρώτησαν για το κόστος των έργων.'
POLISH='Wczoraj wieczorem rada miasta omawiała nowy most nad portem, a mieszkańcy pytali o koszt prac i termin otwarcia.'

for case in "KOI8-R koi8-r $RUSSIAN" "CP1251 windows-1251 $RUSSIAN" "ISO-8859-7 iso-8859-7 $GREEK" \
        "ISO-8859-2 iso-8859-2 $POLISH"; do
    encoding=${case%% *}
    rest=${case#* }
    label=${rest%% *}
    text=${rest#* }
    what="a page in $label (iconv's gconv module)"
    if ! page "$encoding" "$label" "$text"; then
        skip "$what (this iconv has no $encoding)"
        continue
    fi
    if check_run "$what: extract exits 0" extract "$tmp/page.html"; then
        check_contains "$what: its text comes out in UTF-8" "$tmp/out" "$text"
    fi
done

finish
