#!/bin/sh
# cli_extract_test.sh — end-to-end tests of `tidings extract` on pages of tests/data/html: the body
# of a page rendered by scripts comes from its JSON-LD articleBody, and a page that declares a
# JSON-LD body but holds no text anywhere is bad input. Run from the repository root:
#   sh tests/cli_extract_test.sh PATH_TO_TIDINGS

NAME=cli_extract_test
. tests/clilib.sh "$@"

PAGE=tests/data/html/jsonld_body.html

if check_run "extract: a rendering shell gives its JSON-LD body" extract "$PAGE"; then
    check_contains "extract: the body's first paragraph" "$tmp/out" "the night train from the capital to the valley towns"
    check_contains "extract: the body's markup cleaned" "$tmp/out" "with seven stops on the way"
    if grep -q -F "Loading the article" "$tmp/out"; then fail "extract: the shell's text left out" "it is there"
    else pass "extract: the shell's text left out"; fi
fi

if check_run "extract --json: the title from JSON-LD" extract --json "$PAGE"; then
    check_contains "extract --json: headline" "$tmp/out" "Night trains return to the valley"
fi

printf '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": ""}</script></head><body></body></html>' \
    > "$tmp/empty.html"
check_bad "extract: an empty JSON-LD body and no text is bad input" 1 empty.html extract "$tmp/empty.html"

finish
