# mk/robust.mk - reliability targets (included by the top Makefile).
#   make valgrind      every e2e case with relstage under valgrind memcheck:
#                      any error or leak (all kinds) fails the run
#   make failalloc     fail the Nth allocation of a small run, for every N
#                      (FAILALLOC_STEP=K: every Kth N only, for a quick run)
# The I/O-failure and hostile-input tests are e2e scripts (tests/e2e/scripts/
# robust_*.sh), so `make check` runs them.
# The sanitizer run is the top Makefile's `make check SANITIZE=1`.

VG_LOGDIR ?= $(BUILD)/valgrind
FAILALLOC_STEP ?= 1

.PHONY: valgrind failalloc

valgrind: $(BIN)
	@if [ "$(SANITIZE)" = 1 ]; then echo "valgrind: use a plain build (no SANITIZE=1)"; exit 2; fi
	@command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)"; exit 2; }
	@rm -rf $(VG_LOGDIR) && mkdir -p $(VG_LOGDIR)
	@VG_REAL=$(abspath $(BIN)) VG_LOGDIR=$(abspath $(VG_LOGDIR)) RELSTAGE_VALGRIND=1 \
	 RELSTAGE=$(abspath tools/valgrind_wrap.sh) sh tests/e2e/run.sh; rc=$$?; \
	 runs=$$(ls $(VG_LOGDIR) | wc -l); bad=$$(sh tools/valgrind_bad.sh $(VG_LOGDIR)); \
	 killed=$$(grep -l "Process terminating with default action" $(VG_LOGDIR)/* | wc -l); \
	 echo "valgrind: $$runs runs ($$killed killed by a test's signal), $$(echo $$bad | wc -w) with errors or leaks"; \
	 for f in $$(echo $$bad | tr ' ' '\n' | head -5); do echo "== $$f"; head -60 $$f; done; \
	 [ $$rc = 0 ] && [ -z "$$bad" ]

# The real front end behind a hook that fails allocation $RS_FAIL_AT: main.c
# is compiled again with main renamed, the rest are the usual objects.
FAILALLOC := $(BUILD)/failalloc/relstage-failalloc

$(BUILD)/failalloc:
	mkdir -p $@

$(BUILD)/failalloc/relstage_main.o: src/main.c | $(BUILD)/failalloc
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Dmain=relstage_main -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/failalloc/failalloc_main.o: tests/unit/failalloc_main.c | $(BUILD)/failalloc
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(FAILALLOC): $(BUILD)/failalloc/failalloc_main.o $(BUILD)/failalloc/relstage_main.o \
              $(filter-out $(BUILD)/main.o,$(CLI_OBJ)) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# Leaks are only seen under ASan, so this always runs the sanitized build.
ifeq ($(SANITIZE),1)
failalloc: $(FAILALLOC)
	@FAILALLOC_STEP=$(FAILALLOC_STEP) sh tools/failalloc.sh $(abspath $(FAILALLOC))
else
failalloc:
	@$(MAKE) --no-print-directory SANITIZE=1 failalloc
endif

# main.c and failalloc_main.c read the headers too: rebuild when one changes.
-include $(wildcard $(BUILD)/failalloc/*.d)
