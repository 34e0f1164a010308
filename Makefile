# tidings — build, test and demo. `make` leaves the program at ./tidings.
# `make demo` and `make check` first install missing Debian packages (scripts/install-deps.sh).
# `make install` (PREFIX=/usr/local, DESTDIR) installs the program, tidings.h, libtidings.a and .so,
# tidings.pc, the manual and bash completion; `make uninstall` removes them; `make python` builds
# what the Python binding in python/ loads.

CC      ?= cc
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?=
CPPFLAGS += -Ilib -I/usr/include/libxml2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
LIBS    := -lstemmer -lutf8proc -ljansson -lxml2 -lz -lm -lglpk -lsqlite3 -lmicrohttpd -lpthread
TESTLIBS := -lcmocka

# SANITIZE=1 builds everything under AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/;
# FUZZ=1 builds the library with clang for libFuzzer in build-fuzz/ (see the fuzz targets below).
ifeq ($(FUZZ),1)
CC      := clang
BUILD   := build-fuzz
OPT     := -O1 -g -fno-omit-frame-pointer
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
PROGRAM := $(BUILD)/tidings
SERVE_PROGRAM := $(BUILD)/tidings-serve
else ifeq ($(SANITIZE),1)
BUILD   := build-asan
OPT     := -O1 -g -fno-omit-frame-pointer
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
PROGRAM := $(BUILD)/tidings
SERVE_PROGRAM := $(BUILD)/tidings-serve
else
BUILD   := build
SANFLAGS :=
PROGRAM := tidings
SERVE_PROGRAM := tidings-serve
endif

ALL_CFLAGS := $(CSTD) $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(SANFLAGS) $(LDFLAGS)

LIB_SRC  := $(sort $(wildcard lib/*/*.c))
# `tidings serve` is a program of its own, tidings-serve, run by `tidings serve` (cli/main.c), so
# that only it loads libmicrohttpd and GnuTLS.
SERVE_SRC := cli/serve.c cli/options.c
CLI_SRC  := $(filter-out cli/serve.c,$(sort $(wildcard cli/*.c)))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
SERVE_OBJ := $(SERVE_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
LIBA     := $(BUILD)/libtidings.a

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= -1
FUZZ_SEED ?= 0

# Installation (`make install`, `make uninstall`; PREFIX and DESTDIR as usual). The shared library
# is built from position-independent copies of the objects ($(BUILD)/pic/) and exports only the td_
# names (lib/tidings.map); its soname changes when the ABI breaks (docs/api.md).
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
INCLUDEDIR ?= $(PREFIX)/include
LIBDIR  ?= $(PREFIX)/lib
MANDIR  ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
VERSION := $(shell sed -n 's/^\#define TD_VERSION "\(.*\)"/\1/p' lib/tidings.h)
SOVERSION := 0
SONAME  := libtidings.so.$(SOVERSION)
SHLIB   := $(BUILD)/libtidings.so.$(VERSION)
PIC_OBJ := $(LIB_SRC:%.c=$(BUILD)/pic/%.o)
# pkg-config modules of the libraries in LIBS: tidings.pc lists those in Requires.private and any
# other -l flag of LIBS as it is in Libs.private, so a library added to LIBS needs nothing here
# (or one -lNAME=MODULE word when Debian ships a .pc for it).
PC_MODULES := -lutf8proc=libutf8proc -ljansson=jansson -lxml2=libxml-2.0 -lz=zlib \
              -lsqlite3=sqlite3
# The manual pages: man/*.1 and man/*.3 as written, and one tidings-COMMAND.1 per command made
# from its --help by scripts/help2man.sh (made under build/, so always as current as the program).
MAN_STAMP := $(BUILD)/man/.made
PYTHON  ?= /usr/bin/python3
# The tests of the installed files use the build without sanitizers; under SANITIZE=1 the Python
# binding's tests run with the sanitizers preloaded into python (leaks not checked: the
# interpreter keeps its own memory to the end).
ifeq ($(BUILD),build)
PACKAGE_TESTS := package-test python-test
else ifeq ($(SANITIZE),1)
PACKAGE_TESTS := python-test
PYTHON_ENV := LD_PRELOAD=$$($(CC) -print-file-name=libasan.so):$$($(CC) -print-file-name=libubsan.so) \
              ASAN_OPTIONS=detect_leaks=0
endif

.PHONY: all deps demo check test unit e2e browser bench clean fuzz fuzz-run
all: $(PROGRAM) $(SERVE_PROGRAM) $(MAN_STAMP)

deps:
	@sh scripts/install-deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The program links the third-party libraries statically (STATIC=0: shared, as a distribution may
# want): loading libxml2's shared dependencies (ICU, libstdc++, liblzma) took about 1 ms of every
# run, a third of a one-cluster summary (bench/speed); SQLite's 2,963 relocations took 1.3M instructions of
# every start; GLPK's shared chain (gmp, amd, colamd, ltdl) 0.8M. tidings itself is linked fully
# static, the C library included: the dynamic loader's mapping of libc, libm and libgcc_s, their
# symbol look-ups and lazy binding took 0.19M instructions and 43 page faults of every one-cluster
# summary. And at a fixed address (-static, not -static-pie): a position-independent program
# relocates its own 23,300 pointers at every start (half of them libstemmer's tables of all its
# languages), 0.31M instructions and 120 copied pages, 0.3 ms of CPU a run (bench/RESULTS.md);
# the stack, heap and mappings stay random. STATIC=pie links it -static-pie (the program's
# addresses random too), STATIC=0 with shared libraries.
# The link warns that dlopen (ICU's plug-ins), getaddrinfo and gethostbyname (libxml2's HTTP
# client) need the C library's shared objects at run time: tidings calls none of them; iconv's
# code pages other than UTF-8, UTF-16 and Latin-1 load glibc's gconv modules that way, which
# works with the glibc the program was built with (tests/cli_startup_test.sh).
# tidings-serve keeps libmicrohttpd shared (it brings GnuTLS), --as-needed dropping the shared
# copies of the rest in LIBS.
STATIC ?= 1
STATIC_LIBS := -lstemmer -lutf8proc -ljansson -lxml2 -licuuc -licudata -llzma -lz -lstdc++ -lsqlite3 \
               -lglpk -lgmp -lamd -lcolamd -lsuitesparseconfig -lltdl
ifneq ($(filter 1build piebuild,$(STATIC)$(BUILD)),)
PROGRAM_LIBS = $(if $(filter pie,$(STATIC)),-static-pie,-static) $(STATIC_LIBS) $(filter-out -lmicrohttpd,$(LIBS))
SERVE_LIBS = -Wl,-Bstatic $(STATIC_LIBS) -Wl,-Bdynamic -Wl,--as-needed $(LIBS)
else
PROGRAM_LIBS = -Wl,--as-needed $(LIBS)
SERVE_LIBS = $(PROGRAM_LIBS)
endif

$(PROGRAM): $(CLI_OBJ) $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(PROGRAM_LIBS)

$(SERVE_PROGRAM): $(SERVE_OBJ) $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(SERVE_OBJ) $(LIBA) $(SERVE_LIBS)

$(BUILD)/tests/%: tests/%.c $(LIBA) tests/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(ALL_CFLAGS) -o $@ $< $(LIBA) $(LIBS) $(TESTLIBS) $(ALL_LDFLAGS)

# Unit tests (cmocka), then end-to-end tests of the program.
unit: $(TEST_BIN)
	@failed=""; for t in $(TEST_BIN); do echo "== $$t"; $$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed"; exit 1; fi

# Every tests/cli_*_test.sh, each sourcing tests/clilib.sh.
E2E_SH := $(sort $(wildcard tests/cli_*test.sh))
e2e: $(PROGRAM) $(SERVE_PROGRAM)
	@failed=""; for t in $(E2E_SH); do echo "== $$t"; sh $$t $(PROGRAM) || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed"; exit 1; fi

test: unit e2e $(PACKAGE_TESTS)

check: deps
	@$(MAKE) --no-print-directory test browser

# The story report rendered in Debian's headless Chromium by npm's playwright-core (tests/browser;
# `npm ci` when node_modules is missing); screenshots go to tests/out/.
tests/browser/node_modules: tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund
	@touch $@

browser: $(PROGRAM) $(SERVE_PROGRAM) tests/browser/node_modules
	node tests/browser/report_test.mjs $(PROGRAM)
	node tests/browser/serve_test.mjs $(PROGRAM)

demo: deps
	@$(MAKE) --no-print-directory $(PROGRAM)
	./$(PROGRAM) summarize examples/harbour-bridge/
	./$(PROGRAM) compare examples/harbour-bridge/ | sed -n '1,12p'
	@mkdir -p build && ./$(PROGRAM) report -o build/harbour-bridge.html examples/harbour-bridge/

# The benchmarks' C programs (bench/*.c), built against the library with the project's flags and
# libraries: `make build/bench/NAME` (the bench scripts ask for theirs).
build/bench/%: bench/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIBA) $(LIBS) $(ALL_LDFLAGS)

bench: $(PROGRAM)
	@sh bench/quality
	@sh bench/speed

# libFuzzer targets (clang): `make fuzz-run` runs each for FUZZ_SECONDS (and at most FUZZ_RUNS
# inputs; FUZZ_SEED 0 picks a random seed, another value repeats a run), starting from our own
# test pages (HTML), a saved story state, or the example story (plain text).
fuzz:
	@sh scripts/install-deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-targets

fuzz-targets: $(FUZZ_BIN)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIBA)
	$(CC) $(CPPFLAGS) $(CSTD) $(WARN) $(OPT) -fsanitize=fuzzer,address,undefined -o $@ $< $(LIBA) $(LIBS)

fuzz-run: fuzz
	@set -e; for f in $(FUZZ_BIN); do \
	    name=$${f#build-fuzz/fuzz_}; corpus=$$(mktemp -d); \
	    case $$name in html) seeds=tests/data/html;; story_state) seeds=tests/data/stories/state;; serve) seeds=tests/data/serve;; *) seeds=examples/harbour-bridge;; esac; \
	    cp $$seeds/* $$corpus/; \
	    echo "== $$f ($(FUZZ_SECONDS) s)"; \
	    if ! $$f -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) -seed=$(FUZZ_SEED) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	            -artifact_prefix=build-fuzz/ -print_final_stats=1 $$corpus > build-fuzz/$$name.log 2>&1; then \
	        tail -n 40 build-fuzz/$$name.log; rm -rf $$corpus; exit 1; \
	    fi; \
	    tail -n 6 build-fuzz/$$name.log; rm -rf $$corpus; \
	done

# ---------------------------------------------------------------- install, shared library, manual

.PHONY: shared man install uninstall package-test python python-test
shared: $(SHLIB)

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fPIC -MMD -MP -c $< -o $@

$(SHLIB): $(PIC_OBJ) lib/tidings.map
	$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=lib/tidings.map \
	    -Wl,--no-undefined -o $@ $(PIC_OBJ) $(LIBS)
	ln -sf $(notdir $@) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libtidings.so

man: $(MAN_STAMP)

$(MAN_STAMP): $(PROGRAM) $(SERVE_PROGRAM) scripts/help2man.sh $(wildcard man/*)
	@rm -rf $(dir $@) && mkdir -p $(dir $@)
	cp man/*.[13] $(dir $@)
	sh scripts/help2man.sh $(PROGRAM) $(VERSION) $(dir $@)
	@touch $@

# tidings.pc for the PREFIX and LIBDIR of this install.
$(BUILD)/tidings.pc: FORCE
	@mkdir -p $(dir $@)
	@requires=""; libs=""; for flag in $(LIBS); do \
	    module=""; for pair in $(PC_MODULES); do [ "$${pair%%=*}" = "$$flag" ] && module=$${pair#*=}; done; \
	    if [ -n "$$module" ]; then requires="$$requires$${requires:+, }$$module"; else libs="$$libs $$flag"; fi; \
	done; \
	printf '%s\n' 'prefix=$(PREFIX)' 'includedir=$(INCLUDEDIR)' 'libdir=$(LIBDIR)' '' \
	    'Name: tidings' 'Description: many news articles about one event into one story, with sources' \
	    'Version: $(VERSION)' "Requires.private: $$requires" 'Cflags: -I$${includedir}' \
	    'Libs: -L$${libdir} -ltidings' "Libs.private:$$libs" > $@
FORCE:

install: $(PROGRAM) $(SERVE_PROGRAM) $(LIBA) $(SHLIB) $(MAN_STAMP) $(BUILD)/tidings.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(PROGRAM) $(DESTDIR)$(BINDIR)/tidings
	install -m 755 $(SERVE_PROGRAM) $(DESTDIR)$(BINDIR)/tidings-serve
	install -m 644 lib/tidings.h $(DESTDIR)$(INCLUDEDIR)/tidings.h
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/libtidings.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/$(notdir $(SHLIB))
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libtidings.so
	install -m 644 $(BUILD)/tidings.pc $(DESTDIR)$(LIBDIR)/pkgconfig/tidings.pc
	install -m 644 $(BUILD)/man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(BUILD)/man/*.3 $(DESTDIR)$(MANDIR)/man3/
	install -m 644 scripts/tidings.bash-completion $(DESTDIR)$(COMPLETIONDIR)/tidings
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tidings $(DESTDIR)$(BINDIR)/tidings-serve $(DESTDIR)$(INCLUDEDIR)/tidings.h \
	    $(DESTDIR)$(LIBDIR)/libtidings.a $(DESTDIR)$(LIBDIR)/libtidings.so.$(SOVERSION).* \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libtidings.so \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/tidings.pc $(DESTDIR)$(MANDIR)/man1/tidings.1 \
	    $(DESTDIR)$(MANDIR)/man1/tidings-*.1 $(DESTDIR)$(MANDIR)/man3/tidings.3 \
	    $(DESTDIR)$(COMPLETIONDIR)/tidings

# Installs into a scratch folder, builds and runs a program against it with pkg-config, checks
# the exported symbols and the manual pages, uninstalls (tests/package_test.sh).
package-test: $(PROGRAM) $(SERVE_PROGRAM) $(LIBA) $(SHLIB) $(MAN_STAMP)
	@echo "== tests/package_test.sh"
	@MAKE="$(MAKE)" sh tests/package_test.sh $(PROGRAM)

# The Python binding (python/tidings) loads the shared library; its tests run with pytest.
python: $(SHLIB)

python-test: $(SHLIB) $(PROGRAM)
	@echo "== python/tests"
	@cd python && TIDINGS_LIBRARY=$(CURDIR)/$(BUILD)/$(SONAME) TIDINGS_PROGRAM=$(CURDIR)/$(PROGRAM) $(PYTHON_ENV) $(PYTHON) -m pytest -q --tb=short -p no:cacheprovider; \
	rc=$$?; if [ $$rc -eq 5 ]; then echo "python/tests: no tests collected"; rc=1; fi; exit $$rc

clean:
	rm -rf build build-asan build-fuzz tidings tidings-serve python/tidings/__pycache__ python/tests/__pycache__

# The web page of `tidings serve` is assembled into the library (lib/serve/page.c).
$(BUILD)/lib/serve/page.o $(BUILD)/pic/lib/serve/page.o: web/index.html

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(SERVE_OBJ:.o=.d) $(PIC_OBJ:.o=.d)
