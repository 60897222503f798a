# mk/fuzz.mk - libFuzzer harnesses (included by the top Makefile).
#   make fuzz                     build all harnesses, run each FUZZ_SECONDS (60)
#   make fuzz FUZZ_SECONDS=20     a short run (CI)
#   make fuzz-regress             each harness once over its regression inputs
#                                 and seed corpus: no fuzzing, seconds (CI)
#   make fuzz-build               build only
# Everything goes to build-fuzz/: the harnesses, the corpus a run grows
# (build-fuzz/corpus/<harness>, kept between runs), crashes in
# build-fuzz/crashes/. Needs clang with libFuzzer (Debian: clang,
# libclang-rt-14-dev). See tests/fuzz/README.md.
#
# The harnesses compile libcsv's and cJSON's sources in, since coverage
# feedback does not reach into the shared system libraries; the sources come
# from Debian's source packages (tests/fuzz/get-sources.sh, apt-get source, as
# root). When that cannot work the harnesses link the system libraries and
# the build says so. The product always links the system packages.

FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 16384
FUZZ_FLAGS   ?=
FUZZ_CFLAGS  ?= -O1 -g
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
FUZZ_HARNESSES := fuzz_csv fuzz_json fuzz_rules fuzz_values fuzz_pipeline fuzz_xlsx

FUZZ_DEPS  := $(FUZZ_BUILD)/src
FUZZ_OBJ   := $(FUZZ_BUILD)/obj
FUZZ_LIBOBJ := $(LIB_SRC:src/%.c=$(FUZZ_OBJ)/%.o) $(FUZZ_OBJ)/default_rules.o
FUZZ_BINS  := $(FUZZ_HARNESSES:%=$(FUZZ_BUILD)/%)

# FUZZ_SRC=1 (set by fuzz-build once the sources are there): compile them in.
ifeq ($(FUZZ_SRC),1)
FUZZ_INC    := -I$(FUZZ_DEPS)/cjson -I$(FUZZ_DEPS)/libcsv
FUZZ_EXTOBJ := $(FUZZ_OBJ)/ext_libcsv.o $(FUZZ_OBJ)/ext_cJSON.o
FUZZ_EXTLIB := $(XLSX_LIBS) -lm
else
FUZZ_INC    :=
FUZZ_EXTOBJ :=
FUZZ_EXTLIB := -lcsv $(CJSON_LIBS) $(XLSX_LIBS) -lm
endif

FUZZ_CPPFLAGS := $(FUZZ_INC) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                 -Iinclude -Isrc $(CJSON_CFLAGS) $(XLSX_CFLAGS)
FUZZ_ALL_CFLAGS := $(WARN) $(FUZZ_CFLAGS) $(FUZZ_SAN) -MMD -MP

.PHONY: fuzz-build fuzz-bins fuzz-regress

fuzz-build:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || \
	  { echo "fuzz: $(FUZZ_CC) not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
	@if sh tests/fuzz/get-sources.sh $(FUZZ_DEPS); then src=1; \
	 echo "fuzz: libcsv and cJSON compiled in from $(FUZZ_DEPS) ($$(tr '\n' ' ' < $(FUZZ_DEPS)/VERSIONS))"; \
	 else src=0; \
	 echo "fuzz: linking the system libcsv and cJSON (no coverage feedback inside them)"; fi; \
	 $(MAKE) --no-print-directory fuzz-bins FUZZ_SRC=$$src

fuzz-bins: $(FUZZ_BINS)

$(FUZZ_OBJ):
	mkdir -p $@

$(FUZZ_OBJ)/%.o: src/%.c | $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_ALL_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_OBJ)/ext_libcsv.o: $(FUZZ_DEPS)/libcsv/libcsv.c | $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -w -c -o $@ $<

$(FUZZ_OBJ)/ext_cJSON.o: $(FUZZ_DEPS)/cjson/cJSON.c | $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -w -c -o $@ $<

$(FUZZ_BUILD)/embed: tools/embed.c | $(FUZZ_OBJ)
	$(CC) -O1 -o $@ $<

$(FUZZ_OBJ)/default_rules.c: data/rules/default.json $(FUZZ_BUILD)/embed
	$(FUZZ_BUILD)/embed rs_default_rules_json $< $@

$(FUZZ_OBJ)/default_rules.o: $(FUZZ_OBJ)/default_rules.c
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(FUZZ_OBJ)/h_%.o: tests/fuzz/%.c | $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_ALL_CFLAGS) -fsanitize=fuzzer -c -o $@ $<

# The mode is part of the link: relink when it changes.
$(FUZZ_BUILD)/mode-$(FUZZ_SRC): | $(FUZZ_OBJ)
	rm -f $(FUZZ_BUILD)/mode-*
	touch $@

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_OBJ)/h_fuzz_%.o $(FUZZ_LIBOBJ) $(FUZZ_EXTOBJ) $(FUZZ_BUILD)/mode-$(FUZZ_SRC)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ \
	  $(filter %.o,$^) $(FUZZ_EXTLIB)

# Options per harness: a dictionary when there is one; short values.
fuzz_opts = $(if $(wildcard tests/fuzz/$(1:fuzz_%=%).dict),-dict=tests/fuzz/$(1:fuzz_%=%).dict) \
            -max_len=$(if $(filter fuzz_values,$(1)),512,$(FUZZ_MAX_LEN))

fuzz: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/crashes; fail=0; \
	 $(foreach h,$(FUZZ_HARNESSES),\
	   mkdir -p $(FUZZ_BUILD)/corpus/$(h) tests/fuzz/corpus/$(h) tests/fuzz/regress/$(h); \
	   echo "== $(h) for $(FUZZ_SECONDS)s"; \
	   $(FUZZ_BUILD)/$(h) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	     -artifact_prefix=$(FUZZ_BUILD)/crashes/$(h)- $(call fuzz_opts,$(h)) $(FUZZ_FLAGS) \
	     $(FUZZ_BUILD)/corpus/$(h) tests/fuzz/corpus/$(h) tests/fuzz/regress/$(h) \
	     > $(FUZZ_BUILD)/$(h).log 2>&1 || { fail=1; echo "$(h): FAILED, see $(FUZZ_BUILD)/$(h).log"; \
	     tail -n 40 $(FUZZ_BUILD)/$(h).log; }; \
	   grep -E '^#[0-9]+.*(DONE|cov:)' $(FUZZ_BUILD)/$(h).log | tail -n 1; \
	   grep -E 'stat::number_of_executed_units' $(FUZZ_BUILD)/$(h).log;) \
	 exit $$fail

# An empty scratch directory comes first so -runs=0 writes nowhere that matters.
fuzz-regress: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/crashes; fail=0; \
	 $(foreach h,$(FUZZ_HARNESSES),\
	   rm -rf $(FUZZ_BUILD)/scratch/$(h); mkdir -p $(FUZZ_BUILD)/scratch/$(h) \
	     tests/fuzz/corpus/$(h) tests/fuzz/regress/$(h); \
	   printf '%-14s %4s inputs: ' $(h) \
	     "$$(ls tests/fuzz/regress/$(h) tests/fuzz/corpus/$(h) | grep -vc -e '^$$' -e ':$$')"; \
	   if $(FUZZ_BUILD)/$(h) -runs=0 $(call fuzz_opts,$(h)) \
	        -artifact_prefix=$(FUZZ_BUILD)/crashes/regress-$(h)- \
	        $(FUZZ_BUILD)/scratch/$(h) tests/fuzz/regress/$(h) tests/fuzz/corpus/$(h) \
	        > $(FUZZ_BUILD)/$(h).regress.log 2>&1; then echo ok; \
	   else fail=1; echo FAILED; tail -n 40 $(FUZZ_BUILD)/$(h).regress.log; fi;) \
	 exit $$fail

ifneq ($(filter fuzz fuzz-build fuzz-bins fuzz-regress,$(MAKECMDGOALS)),)
-include $(wildcard $(FUZZ_OBJ)/*.d)
endif
