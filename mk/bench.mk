# mk/bench.mk - `make bench` (included by the top Makefile).
#   make bench                          100k, 1M and 10M rows (about 10 minutes)
#   make bench BENCH_SIZES=100000       one size
#   make bench BENCH_SLOW=1             also Python and Miller at 10M rows
#   make bench BENCH_OUT=null           timed runs write to /dev/null (the
#                                       program's cost without the kernel's
#                                       cost of storing its output)
# bench/run.sh does the work; see bench/README.md for how to read the table.
# The bench builds its own optimised relstage from the current sources with
# the top Makefile's own rules (make BUILD=build-bench CFLAGS=-O2
# BIN=build-bench/bench/relstage), so what is measured never depends on how
# ./relstage was last built, and never overwrites it.

BENCH_SIZES ?= 100000 1000000 10000000
BENCH_SLOW  ?= 0
BENCH_BUILD ?= build-bench
BENCH_CFLAGS ?= -O2
BENCH_OUT   ?= file

BENCH_TOOLS := gen bare_csv bare_jsonl runstat
BENCH_PROGS := $(BENCH_TOOLS:%=$(BUILD)/bench/%)

$(BUILD)/bench:
	mkdir -p $@

$(BUILD)/bench/bare_csv: bench/bare_csv.c | $(BUILD)/bench
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< -lcsv

$(BUILD)/bench/bare_jsonl: bench/bare_jsonl.c | $(BUILD)/bench
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CJSON_LIBS)

$(BUILD)/bench/%: bench/%.c | $(BUILD)/bench
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

bench-tools: $(BENCH_PROGS)

bench:
	@BENCH_SIZES="$(BENCH_SIZES)" BENCH_SLOW="$(BENCH_SLOW)" \
	 BENCH_BUILD="$(BENCH_BUILD)" BENCH_CFLAGS="$(BENCH_CFLAGS)" BENCH_OUT="$(BENCH_OUT)" \
	 MAKE="$(MAKE)" sh bench/run.sh

.PHONY: bench-tools
