/*
 * fuzz_rules.c - the rules loader, validator, analysis and dump: any text ->
 * rs_rules_load (with a diag collector) -> rs_rules_analyze -> rs_rules_dump;
 * the dump must load again and dump to the same bytes (the header promises
 * this), and describe the same stages and actions.
 */
#include "fuzz_common.h"
#include "../unit/internals.h" /* rs_test_dump */

typedef struct diags {
	size_t n;
	rs_status first;
} diags;

static void on_diag(void *ctx, const rs_error *e)
{
	diags *d = ctx;
	char buf[700];

	FUZZ_CHECK(e != NULL && e->msg[0] != '\0');
	(void)rs_error_format(e, buf, sizeof buf);
	if (d->n++ == 0)
		d->first = e->status;
}

static void check_same(const rs_rules *a, const rs_rules *b)
{
	size_t i, n = rs_rules_stage_count(a);
	int l;

	FUZZ_CHECK(n >= 1 && n <= RS_MAX_STAGES);
	FUZZ_CHECK(rs_rules_stage_count(b) == n);
	FUZZ_CHECK(rs_rules_action_count(b) == rs_rules_action_count(a));
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(strcmp(rs_rules_stage_id(a, i), rs_rules_stage_id(b, i)) == 0);
		FUZZ_CHECK(rs_rules_stage_index(b, rs_rules_stage_id(a, i)) == (long)i);
		for (l = 0; l < RS_LANG_COUNT; l++) {
			FUZZ_CHECK(strcmp(rs_rules_stage_label(a, i, (rs_lang)l),
			                  rs_rules_stage_label(b, i, (rs_lang)l)) == 0);
			FUZZ_CHECK(strcmp(rs_rules_stage_actions(a, i, (rs_lang)l),
			                  rs_rules_stage_actions(b, i, (rs_lang)l)) == 0);
		}
	}
	for (i = 0; i < rs_rules_action_count(a); i++)
		FUZZ_CHECK(strcmp(a->act[i].id, b->act[i].id) == 0);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	rs_rules *r = NULL, *r2 = NULL;
	char *dump = NULL, *dump2 = NULL;
	size_t len = 0, len2 = 0;
	rs_error err;
	diags d;
	rs_status st;

	memset(&d, 0, sizeof d);
	memset(&err, 0, sizeof err);
	st = rs_rules_load(&r, (const char *)data, size, "fuzz.json", on_diag, &d, &err);
	FUZZ_CHECK((st == RS_OK) == (r != NULL));
	if (st != RS_OK) {
		FUZZ_CHECK(st == RS_ERULES || st == RS_ENOMEM || st == RS_ELIMIT);
		FUZZ_CHECK(err.status == st && err.msg[0] != '\0');
		return 0;
	}
	(void)rs_rules_analyze(r, RS_LANG_EN, NULL, NULL);
	(void)rs_rules_analyze(r, RS_LANG_EN, on_diag, &d);
	(void)rs_rules_analyze(r, RS_LANG_ZH, on_diag, &d);

	st = rs_test_dump(r, &dump, &len, &err);
	FUZZ_CHECK(st == RS_OK || st == RS_ENOMEM);
	if (st != RS_OK)
		goto done;
	FUZZ_CHECK(len > 0 && dump[len - 1] == '\n' && dump[len] == '\0');
	st = rs_rules_load(&r2, dump, len, "dump.json", NULL, NULL, &err);
	if (st != RS_OK) {
		fprintf(stderr, "the dump does not load: %s\n%.*s", err.msg, (int)len, dump);
		abort();
	}
	check_same(r, r2);
	st = rs_test_dump(r2, &dump2, &len2, &err);
	FUZZ_CHECK(st == RS_OK);
	if (len2 != len || memcmp(dump, dump2, len) != 0) {
		fprintf(stderr, "dump of the dump differs:\n--- first\n%.*s--- second\n%.*s",
		        (int)len, dump, (int)len2, dump2);
		abort();
	}
done:
	rs_free(dump);
	rs_free(dump2);
	rs_rules_free(r2);
	rs_rules_free(r);
	return 0;
}
