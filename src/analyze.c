/*
 * analyze.c - decision-table analysis over share_pct in [0,100].
 *
 * The constants that conditions compare share_pct with cut [0,100] into
 * pieces: each constant is a piece, and so is each open interval between two
 * neighbours. Every comparison on the share is constant on a piece, so a
 * condition is evaluated once per piece, at a value inside it, with the other
 * values free: in Kleene logic with them unknown, TRUE means surely true
 * there, FALSE never true, UNKNOWN either (the exact answer for the share,
 * an approximation for the rest).
 *
 * Gaps are errors (a record there would be rejected); rows that can never
 * match, rows shadowed for part of their range, stages no row reaches and
 * repeated texts are warnings (status RS_OK in the finding). Findings are
 * worded in the caller's language: each English format's row in msg.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "rules_impl.h"

#define MAXPT 128 /* distinct share constants analysed */

typedef struct an {
	const rs_rules *r;
	rs_lang lang; /* the findings' */
	double pt[MAXPT]; /* sorted, distinct, pt[0] = 0, pt[n-1] = 100 */
	size_t n, np;     /* np = 2n - 1 pieces */
} an;

static bool add_point(an *x, double v)
{
	size_t i;

	if (!(v >= 0 && v <= 100))
		return true;
	for (i = 0; i < x->n && x->pt[i] < v; i++)
		;
	if (i < x->n && x->pt[i] == v)
		return true;
	if (x->n == MAXPT)
		return false;
	memmove(&x->pt[i + 1], &x->pt[i], (x->n - i) * sizeof x->pt[0]);
	x->pt[i] = v;
	x->n++;
	return true;
}

/* Collects the share constants; false when there are too many. */
static bool an_init(an *x, const rs_rules *r, rs_lang lang)
{
	size_t i;

	*x = (an){.r = r, .lang = lang};
	if (!add_point(x, 0) || !add_point(x, 100))
		return false;
	for (i = 0; i < r->nnodes; i++)
		if (r->node[i].op >= RS_C_EQ && r->node[i].op <= RS_C_GE &&
		    r->node[i].var == RS_V_SHARE_PCT && !add_point(x, r->node[i].value))
			return false;
	x->np = 2 * x->n - 1;
	return true;
}

/* A share value inside piece p. */
static double rep(const an *x, size_t p)
{
	return p % 2 == 0 ? x->pt[p / 2] : (x->pt[p / 2] + x->pt[p / 2 + 1]) / 2;
}

/*
 * Condition i where share_pct is x (enum rs_kv): TRUE or FALSE when that
 * decides it whatever the other values are, else UNKNOWN ("either"). The
 * scores are always there: "known" is TRUE on them, "unknown" FALSE.
 */
static int at_share(const rs_rules *r, uint32_t i, double x)
{
	double v[RS_VAR_COUNT] = {[RS_V_SHARE_PCT] = x};

	return rs_cond_partial(r->prog, i, v, 1u << RS_V_SHARE_PCT,
	                       1u << RS_V_CONTACT_SCORE | 1u << RS_V_COOPERATION_SCORE);
}

/* Appends "share_pct >= 0 and < 50" for pieces a..b (inclusive). */
static void range_text(const an *x, size_t a, size_t b, char *buf, size_t size)
{
	double lo = x->pt[a / 2], hi = b % 2 == 0 ? x->pt[b / 2] : x->pt[b / 2 + 1];

	if (a == b && a % 2 == 0)
		(void)snprintf(buf, size, "share_pct == %.15g", lo);
	else
		(void)snprintf(buf, size, rs_msg_tr(x->lang, "share_pct %s %.15g and %s %.15g"),
		               a % 2 ? ">" : ">=", lo, b % 2 ? "<" : "<=", hi);
}

typedef struct finder {
	rs_diag_fn diag;
	void *ctx;
	const char *file;
	rs_lang lang;
	size_t errors;
} finder;

static void find(finder *f, bool error, const char *where, const char *fmt, ...) RS_PRINTF(4, 5);

static void find(finder *f, bool error, const char *where, const char *fmt, ...)
{
	rs_error e = {.status = error ? RS_ERULES : RS_OK, .lang = f->lang, .file = f->file};
	va_list ap;
	int n;

	f->errors += error;
	if (f->diag == NULL)
		return;
	(void)snprintf(e.where, sizeof e.where, "%s", where);
	va_start(ap, fmt);
	n = vsnprintf(e.msg, sizeof e.msg, rs_msg_tr(f->lang, fmt), ap);
	va_end(ap);
	if (n >= (int)sizeof e.msg)
		rs_error_cut(&e);
	f->diag(f->ctx, &e);
}

static void report_gaps(const an *x, const bool *covered, finder *f)
{
	size_t i, j;
	char range[128];

	for (i = 0; i < x->np; i = j + 1) {
		j = i;
		if (covered[i])
			continue;
		while (j + 1 < x->np && !covered[j + 1])
			j++;
		range_text(x, i, j, range, sizeof range);
		find(f, true, "decision", "%s is covered by no decision row: a record there is rejected",
		     range);
	}
}

/*
 * "share_pct ... goes to decision[k] (stage)" for each stretch of the
 * pieces where row j can match but a row k before it surely does (first[p]:
 * the first such row), appended to msg; a stretch that does not fit is cut
 * at a character, the rest left out.
 */
static void shadow_text(const an *x, const uint8_t *t, const size_t *first, char *msg, size_t size)
{
	size_t i, e, n, k;
	char range[128], piece[256];

	for (i = 0; i < x->np; i = e + 1) {
		e = i;
		if (t[i] == RS_K_F || first[i] == SIZE_MAX)
			continue;
		while (e + 1 < x->np && t[e + 1] != RS_K_F && first[e + 1] == first[i])
			e++;
		range_text(x, i, e, range, sizeof range);
		n = strlen(msg);
		(void)snprintf(piece, sizeof piece, rs_msg_tr(x->lang, "%s%s goes to decision[%zu] (%s)"),
		               n ? rs_msg(x->lang, RS_M_AND) : "", range, first[i],
		               x->r->stages[x->r->dec[first[i]].stage].id);
		k = strlen(piece);
		k = rs_utf8_cut(piece, k, size - n - 1); /* as much as fits, in whole characters */
		memcpy(msg + n, piece, k);
		msg[n + k] = '\0';
	}
}

/*
 * Walks the table in first-match order, piece by piece. A row is hidden
 * where it can be true but an earlier row is surely true. Rows that some
 * share value reaches are marked live and their stages reached; with a
 * finder, rows hidden in part or in whole are reported.
 */
static void walk(const an *x, finder *f, bool *reach, bool *covered, bool *live_out)
{
	const rs_rules *r = x->r;
	uint8_t t[2 * MAXPT - 1];
	size_t first[2 * MAXPT - 1], j, p;
	char where[32], msg[400];

	for (p = 0; p < x->np; p++) {
		first[p] = SIZE_MAX;
		covered[p] = false;
	}
	for (j = 0; j < r->ndec; j++) {
		const rs_decision *d = &r->dec[j];
		const char *id = r->stages[d->stage].id;
		bool live = false, can = false;

		for (p = 0; p < x->np; p++) {
			t[p] = (uint8_t)at_share(r, d->cond, rep(x, p));
			can = can || t[p] != RS_K_F;
			live = live || (t[p] != RS_K_F && first[p] == SIZE_MAX);
		}
		reach[d->stage] = reach[d->stage] || live;
		if (live_out != NULL)
			live_out[j] = live;
		if (f != NULL) {
			(void)snprintf(where, sizeof where, "decision[%zu]", j);
			msg[0] = '\0';
			shadow_text(x, t, first, msg, sizeof msg);
			if (!can)
				find(f, false, where, "(stage %s) can never match: its share_pct conditions "
				                      "exclude every value from 0 to 100", id);
			else if (!live)
				find(f, false, where, "(stage %s) can never match: %s", id, msg);
			else if (msg[0] != '\0')
				find(f, false, where, "(stage %s) is shadowed in part: %s", id, msg);
		}
		for (p = 0; p < x->np; p++) {
			covered[p] = covered[p] || t[p] != RS_K_F;
			if (t[p] == RS_K_T && first[p] == SIZE_MAX)
				first[p] = j;
		}
	}
}

/* The place of action text k in language g: the stages' lists, then the rules. */
static const char *text_at(const rs_rules *r, size_t k, int g, char *where, size_t size)
{
	size_t s;

	for (s = 0; s < r->nstages && k >= r->stages[s].nactions; s++)
		k -= r->stages[s].nactions;
	if (s < r->nstages)
		(void)snprintf(where, size, "stages[%zu].actions.%s[%zu]", s, g ? "zh" : "en", k);
	else
		(void)snprintf(where, size, "actions[%zu].text.%s", k, g ? "zh" : "en");
	return s < r->nstages ? r->stages[s].actions[g][k] : r->act[k].text.s[g];
}

/* Warns about an action text that repeats an earlier one: read twice. */
static void repeats(finder *f, const rs_rules *r)
{
	char where[64], first[64];
	size_t i, j, n = r->nact;
	int g;

	for (i = 0; i < r->nstages; i++)
		n += r->stages[i].nactions;
	for (g = 0; g < RS_LANG_COUNT; g++)
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (strcmp(text_at(r, i, g, where, sizeof where),
				           text_at(r, j, g, first, sizeof first)) == 0) {
					find(f, false, where, "repeats %s: an account would read it twice", first);
					break;
				}
}

size_t rs_rules_analyze(const rs_rules *r, rs_lang lang, rs_diag_fn diag, void *ctx)
{
	finder f = {diag, ctx, r->name, lang, 0};
	bool reach[RS_MAX_STAGES] = {false}, covered[2 * MAXPT - 1];
	an x;
	size_t s;
	char where[32];

	if (!an_init(&x, r, lang)) {
		find(&f, false, "decision", "more than %d distinct share_pct values: not analysed", MAXPT);
		return f.errors;
	}
	walk(&x, &f, reach, covered, NULL);
	report_gaps(&x, covered, &f);
	for (s = 0; s < r->nstages; s++) {
		if (reach[s])
			continue;
		(void)snprintf(where, sizeof where, "stages[%zu]", s);
		find(&f, false, where, "stage %s can never be reached: no decision row that names it can match",
		     r->stages[s].id);
	}
	repeats(&f, r);
	return f.errors;
}

void rs_rules_live(rs_rules *r)
{
	bool reach[RS_MAX_STAGES] = {false}, live[RS_MAX_DECISIONS], covered[2 * MAXPT - 1];
	an x;
	size_t i;

	for (i = 0; i < r->ndec; i++)
		live[i] = true; /* not analysed: every row may be the one */
	if (an_init(&x, r, RS_LANG_EN))
		walk(&x, NULL, reach, covered, live);
	for (i = 0; i < r->ndec; i++)
		r->dec[i].live = live[i];
}
