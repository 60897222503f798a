# relstage - one Makefile. CFLAGS, LDFLAGS, PREFIX, DESTDIR are yours to set.
#   make            build ./relstage (and build/librelstage.a)
#   make check      unit tests (cmocka) + end-to-end tests
#   make demo       install missing packages, build, classify data/sample.csv
#   make check SANITIZE=1   the same under ASan + UBSan (in build-san/)
#   make WERROR=1   warnings are errors (CI)

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share/relstage
CC         ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS     ?= -O2 -g
LDFLAGS    ?=

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wwrite-strings \
       -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN += -Werror
endif

ifeq ($(SANITIZE),1)
BUILD  ?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD  ?= build
SANFLAGS =
endif

CJSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcjson 2>/dev/null)
CJSON_LIBS   := $(shell $(PKG_CONFIG) --libs libcjson 2>/dev/null || echo -lcjson)
# Workbooks: libxlsxwriter writes .xlsx, libzip and expat read it.
XLSX_CFLAGS := $(shell $(PKG_CONFIG) --cflags xlsxwriter libzip expat 2>/dev/null)
XLSX_LIBS   := $(shell $(PKG_CONFIG) --libs xlsxwriter libzip expat 2>/dev/null || echo -lxlsxwriter -lzip -lexpat)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc $(CJSON_CFLAGS) $(XLSX_CFLAGS)
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS) -MMD -MP
LIBS = -lcsv $(CJSON_LIBS) $(XLSX_LIBS) -lm

CLI_SRC  := src/main.c $(wildcard src/cli_*.c)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/%.o)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/default_rules.o
LIB      := $(BUILD)/librelstage.a
BIN      := relstage
ifeq ($(SANITIZE),1)
BIN      := $(BUILD)/relstage
endif
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all check unit e2e demo clean install uninstall format deps bench fuzz
# test objects are intermediate files of a chain rule: keep them, so make
# does not rebuild them on every run
.SECONDARY:

all: $(BIN)

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(CC) -O1 -o $@ $<

$(BUILD)/default_rules.c: data/rules/default.json $(BUILD)/embed
	$(BUILD)/embed rs_default_rules_json $< $@

$(BUILD)/default_rules.o: $(BUILD)/default_rules.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD):
	mkdir -p $(BUILD)/tests

$(BUILD)/tests/%.o: tests/unit/%.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(CMOCKA_LIBS)

# The command line's files are not in the library: test_cli_*.c link them
# (all but main.o), and test_main.c links main.c built with its main()
# renamed relstage_main, which it calls with argument vectors.
CLI_PARTS := $(filter-out $(BUILD)/main.o,$(CLI_OBJ))

$(BUILD)/tests/test_cli_%: $(BUILD)/tests/test_cli_%.o $(CLI_PARTS) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(CMOCKA_LIBS)

$(BUILD)/tests/main_entry.o: src/main.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Dmain=relstage_main -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tests/test_main: $(BUILD)/tests/test_main.o $(BUILD)/tests/main_entry.o $(CLI_PARTS) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(CMOCKA_LIBS)

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do \
	  echo "== $$t"; (cd tests/unit && ../../$$t) || fail=1; \
	done; exit $$fail

e2e: $(BIN)
	@RELSTAGE=$(abspath $(BIN)) sh tests/e2e/run.sh

check: deps
	@$(MAKE) --no-print-directory $(BIN) $(UNIT_BIN)
	@fail=0; $(MAKE) --no-print-directory unit || fail=1; \
	 $(MAKE) --no-print-directory e2e || fail=1; exit $$fail

deps:
	@sh tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN) --summary --to table data/sample.csv

format:
	clang-format -i src/*.c src/*.h include/*.h tests/unit/*.c tools/*.c

clean:
	rm -rf build build-san build-fuzz relstage

-include mk/*.mk
-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d)
