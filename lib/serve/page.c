/* page.c — the web page of the server: web/index.html (HTML, CSS and script in one file, nothing
 * fetched from elsewhere) put into the library's read-only data as it is, at build time. */
#include "serve/serve.h"

__asm__(".section .rodata\n"
        ".global serve_page\n"
        ".type serve_page, @object\n"
        "serve_page:\n"
        ".incbin \"web/index.html\"\n"
        ".global serve_page_end\n"
        ".type serve_page_end, @object\n"
        "serve_page_end:\n"
        ".byte 0\n"
        ".previous\n");
