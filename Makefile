# tidings — build, test and demo. `make` leaves the program at ./tidings.
# `make demo` and `make check` first install missing Debian packages (scripts/install-deps.sh).

CC      ?= cc
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?=
CPPFLAGS += -Ilib -I/usr/include/libxml2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
LIBS    := -lstemmer -lutf8proc -ljansson -lxml2 -lz -lm -lxxhash -lsqlite3
TESTLIBS := -lcmocka

# SANITIZE=1 builds everything under AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/;
# FUZZ=1 builds the library with clang for libFuzzer in build-fuzz/ (see the fuzz targets below).
ifeq ($(FUZZ),1)
CC      := clang
BUILD   := build-fuzz
OPT     := -O1 -g -fno-omit-frame-pointer
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
PROGRAM := $(BUILD)/tidings
else ifeq ($(SANITIZE),1)
BUILD   := build-asan
OPT     := -O1 -g -fno-omit-frame-pointer
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
PROGRAM := $(BUILD)/tidings
else
BUILD   := build
SANFLAGS :=
PROGRAM := tidings
endif

ALL_CFLAGS := $(CSTD) $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(SANFLAGS) $(LDFLAGS)

LIB_SRC  := $(sort $(wildcard lib/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
LIBA     := $(BUILD)/libtidings.a

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= -1
FUZZ_SEED ?= 0

.PHONY: all deps demo check test unit e2e bench clean fuzz fuzz-run
all: $(PROGRAM)

deps:
	@sh scripts/install-deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(PROGRAM): $(CLI_OBJ) $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(LIBS)

$(BUILD)/tests/%: tests/%.c $(LIBA) tests/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(ALL_CFLAGS) -o $@ $< $(LIBA) $(LIBS) $(TESTLIBS) $(ALL_LDFLAGS)

# Unit tests (cmocka), then end-to-end tests of the program.
unit: $(TEST_BIN)
	@failed=""; for t in $(TEST_BIN); do echo "== $$t"; $$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed"; exit 1; fi

# Every tests/cli_*_test.sh, each sourcing tests/clilib.sh.
E2E_SH := $(sort $(wildcard tests/cli_*test.sh))
e2e: $(PROGRAM)
	@failed=""; for t in $(E2E_SH); do echo "== $$t"; sh $$t $(PROGRAM) || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed"; exit 1; fi

test: unit e2e

check: deps
	@$(MAKE) --no-print-directory test

demo: deps
	@$(MAKE) --no-print-directory $(PROGRAM)
	./$(PROGRAM) summarize examples/harbour-bridge/

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
	    case $$name in html) seeds=tests/data/html;; story_state) seeds=tests/data/stories/state;; *) seeds=examples/harbour-bridge;; esac; \
	    cp $$seeds/* $$corpus/; \
	    echo "== $$f ($(FUZZ_SECONDS) s)"; \
	    if ! $$f -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) -seed=$(FUZZ_SEED) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	            -artifact_prefix=build-fuzz/ -print_final_stats=1 $$corpus > build-fuzz/$$name.log 2>&1; then \
	        tail -n 40 build-fuzz/$$name.log; rm -rf $$corpus; exit 1; \
	    fi; \
	    tail -n 6 build-fuzz/$$name.log; rm -rf $$corpus; \
	done

clean:
	rm -rf build build-asan build-fuzz tidings

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
