# tidings — build, test and demo. `make` leaves the program at ./tidings.
# `make demo` and `make check` first install missing Debian packages (scripts/install-deps.sh).

CC      ?= cc
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?=
CPPFLAGS += -Ilib -I/usr/include/libxml2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
LIBS    := -lstemmer -lutf8proc -ljansson -lxml2 -lz -lm
TESTLIBS := -lcmocka

# SANITIZE=1 builds everything under AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/.
ifeq ($(SANITIZE),1)
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

.PHONY: all deps demo check test unit e2e bench clean
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

e2e: $(PROGRAM)
	@sh tests/cli_test.sh $(PROGRAM)

test: unit e2e

check: deps
	@$(MAKE) --no-print-directory test

demo: deps
	@$(MAKE) --no-print-directory $(PROGRAM)
	./$(PROGRAM) summarize examples/harbour-bridge/

bench: $(PROGRAM)
	@sh bench/quality
	@sh bench/speed

clean:
	rm -rf build build-asan tidings

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
