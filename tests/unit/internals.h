/*
 * internals.h - what the unit tests reach inside the library, as Lua's
 * ltests.h does: small helpers over the private headers, compiled into the
 * tests only, so the shipped library carries no function only a test calls.
 */
#ifndef RS_TEST_INTERNALS_H
#define RS_TEST_INTERNALS_H

#include "fields_impl.h"
#include "previous_impl.h"
#include "rules_impl.h"

/* The decimal mark the tests give a map: ';'-separated input's comma. */
typedef struct rs_numfmt {
	bool decimal_comma;
} rs_numfmt;

/* rs_value_number as a field of numbers with a currency reads it. */
static inline rs_parse rs_parse_number(const char *s, size_t n, const rs_numfmt *nf,
                                       bool allow_percent, double *out, const char **why)
{
	return rs_value_number(s, n, nf != NULL && nf->decimal_comma ? ',' : '.',
	                       RS_NUM_CURRENCY | (allow_percent ? RS_NUM_PERCENT : 0), out, NULL, why);
}

/* rs_fieldmap_read without the bits, m's file mark as nf says ('.' when NULL). */
static inline rs_status rs_fieldmap_apply(const rs_fieldmap *m, const rs_row *row,
                                          const rs_numfmt *nf, rs_account *a, rs_error *err)
{
	uint32_t guessed = 0, failed = 0;
	rs_fieldmap *w = (rs_fieldmap *)m; /* the tests' own map */

	w->conv = nf != NULL && nf->decimal_comma ? ',' : '.';
	return rs_fieldmap_read(m, row, a, &guessed, &failed, err);
}

/* The map of a header from -m specs alone (rs_fieldmap_build); *out is
 * NULL unless RS_OK. */
static inline rs_status rs_fieldmap_new(rs_fieldmap **out, const rs_row *header,
                                        const char *const *maps, size_t nmaps, rs_error *err)
{
	rs_fieldcfg cfg;
	rs_status st;

	memset(&cfg, 0, sizeof cfg);
	cfg.maps = maps;
	cfg.nmaps = nmaps;
	st = rs_fieldmap_build(out, header, &cfg, NULL, err);
	if (st != RS_OK) {
		rs_fieldmap_free(*out);
		*out = NULL;
	}
	return st;
}

/* The embedded default rules (build/default_rules.c, made by tools/embed.c). */
extern const char rs_default_rules_json[];
extern const size_t rs_default_rules_json_len;

/* rs_rules_dump as one block owned by the caller (free with rs_free). */
static inline rs_status rs_test_dump(const rs_rules *r, char **out, size_t *len, rs_error *e)
{
	rs_buf b;
	rs_status st;

	rs_buf_init(&b);
	st = rs_rules_dump(r, &b, e);
	*out = b.data;
	*len = b.len;
	if (st != RS_OK)
		rs_buf_free(&b), *out = NULL, *len = 0;
	return st;
}

/* The id of action rule i. */
static inline const char *rs_test_action_id(const rs_rules *r, size_t i)
{
	return i < r->nact ? r->act[i].id : NULL;
}

/* Kleene truth values, as the tests write them. */
enum rs_tri { RS_FALSE = 0, RS_TRUE = 1, RS_UNKNOWN = 2 };

/* The condition at `root` on a's values, stage at `stage` (the stage is
 * always known): RS_TRUE, RS_FALSE or RS_UNKNOWN. */
static inline int rs_test_cond_eval(const rs_rules *r, uint32_t root, const rs_account *a,
                                    double stage)
{
	static const int tri[3] = {RS_FALSE, RS_UNKNOWN, RS_TRUE};
	double v[RS_VAR_COUNT] = {0};

	memcpy(v, a->v, sizeof a->v);
	v[RS_VAR_STAGE] = stage;
	return tri[rs_cond_k(r->prog, root, v, a->known | 1u << RS_VAR_STAGE)];
}

static inline void rs_test_count_one(void *ctx, const char *id, size_t stage)
{
	(void)id;
	(void)stage;
	(*(size_t *)ctx)++;
}

/* Accounts loaded from the previous run, before any is visited: all of
 * them are still "vanished". */
static inline size_t rs_test_previous_count(const rs_previous *p)
{
	size_t n = 0;

	rs_previous_each(p, false, rs_test_count_one, &n);
	return n;
}

#endif
