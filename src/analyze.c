/*
 * analyze.c - decision-table analysis over share_pct in [0,100].
 *
 * The constants that decision rows compare share_pct with cut [0,100] into
 * pieces: each constant is a piece, and so is each open interval between two
 * neighbours. Every comparison is constant on a piece, so a set of share
 * values that conditions can describe is a bitset of pieces, and union,
 * intersection and complement are exact. For each condition we compute where
 * it can be true (other variables free: an upper approximation), where it is
 * surely true (whatever the other variables are: a lower approximation), and
 * the same two for false, which `not` swaps.
 *
 * Gaps are errors (a record there would be rejected); rows that can never
 * match, rows shadowed for part of their range, stages no row reaches and
 * repeated texts are warnings (status RS_OK in the finding).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rules_impl.h"

#define MAXPT 128                 /* distinct share constants analysed */
#define NPIECE (2 * MAXPT - 1)
#define WORDS ((NPIECE + 63) / 64)

typedef struct pset { uint64_t w[WORDS]; } pset;

typedef struct proj {
	pset can_t, sure_t, can_f, sure_f;
} proj;

typedef struct an {
	const rs_rules *r;
	double pt[MAXPT]; /* sorted, distinct, pt[0] = 0, pt[n-1] = 100 */
	size_t n;
	pset full;
} an;

static void set_bit(pset *s, size_t i) { s->w[i / 64] |= (uint64_t)1 << (i % 64); }
static bool has_bit(const pset *s, size_t i) { return (s->w[i / 64] >> (i % 64)) & 1; }

static void set_and(pset *a, const pset *b)
{
	for (size_t i = 0; i < WORDS; i++)
		a->w[i] &= b->w[i];
}

static void set_or(pset *a, const pset *b)
{
	for (size_t i = 0; i < WORDS; i++)
		a->w[i] |= b->w[i];
}

static bool set_empty(const pset *a)
{
	for (size_t i = 0; i < WORDS; i++)
		if (a->w[i] != 0)
			return false;
	return true;
}

/* a minus b within the full set. */
static pset set_minus(const an *x, const pset *a, const pset *b)
{
	pset d;

	for (size_t i = 0; i < WORDS; i++)
		d.w[i] = a->w[i] & ~b->w[i] & x->full.w[i];
	return d;
}

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
static bool an_init(an *x, const rs_rules *r)
{
	size_t i;

	memset(x, 0, sizeof *x);
	x->r = r;
	if (!add_point(x, 0) || !add_point(x, 100))
		return false;
	for (i = 0; i < r->nnodes; i++)
		if (r->node[i].op >= RS_C_EQ && r->node[i].op <= RS_C_GE &&
		    r->node[i].var == RS_V_SHARE_PCT && !add_point(x, r->node[i].value))
			return false;
	for (i = 0; i < 2 * x->n - 1; i++)
		set_bit(&x->full, i);
	return true;
}

/* A share value inside piece p. */
static double rep(const an *x, size_t p)
{
	return p % 2 == 0 ? x->pt[p / 2] : (x->pt[p / 2] + x->pt[p / 2 + 1]) / 2;
}

static int cmp(int op, double a, double b)
{
	switch (op) {
	case RS_C_EQ: return a == b;
	case RS_C_NE: return a != b;
	case RS_C_LT: return a < b;
	case RS_C_LE: return a <= b;
	case RS_C_GT: return a > b;
	default: return a >= b;
	}
}

static void atom(const an *x, const rs_cnode *n, proj *p)
{
	pset yes;
	size_t i;

	memset(p, 0, sizeof *p);
	memset(&yes, 0, sizeof yes);
	if (n->var != RS_V_SHARE_PCT && n->var != RS_V_CONTACT_SCORE &&
	    n->var != RS_V_COOPERATION_SCORE) {
		p->can_t = p->can_f = x->full; /* could be anything, unknown too */
		return;
	}
	if (n->var != RS_V_SHARE_PCT && n->op < RS_C_KNOWN) {
		p->can_t = p->can_f = x->full; /* a score: known, value free */
		return;
	}
	for (i = 0; i < 2 * x->n - 1; i++)
		if (n->op == RS_C_KNOWN || (n->op != RS_C_UNKNOWN && cmp(n->op, rep(x, i), n->value)))
			set_bit(&yes, i);
	p->can_t = p->sure_t = yes;
	p->can_f = p->sure_f = set_minus(x, &x->full, &yes);
}

static void project(const an *x, uint32_t root, proj *p)
{
	const rs_cnode *n = &x->r->node[root];
	uint32_t i, end = root + n->size;
	bool all = n->op == RS_C_ALL;
	proj k;

	if (n->op == RS_C_BOND) {
		project(x, root + 1, p);
		return;
	}
	if (n->op == RS_C_NOT) {
		project(x, root + 1, &k);
		p->can_t = k.can_f;
		p->sure_t = k.sure_f;
		p->can_f = k.can_t;
		p->sure_f = k.sure_t;
		return;
	}
	if (n->op != RS_C_ALL && n->op != RS_C_ANY) {
		atom(x, n, p);
		return;
	}
	memset(p, 0, sizeof *p);
	if (all)
		p->can_t = p->sure_t = x->full;
	else
		p->can_f = p->sure_f = x->full;
	for (i = root + 1; i < end; i += x->r->node[i].size) {
		project(x, i, &k);
		if (all) {
			set_and(&p->can_t, &k.can_t);
			set_and(&p->sure_t, &k.sure_t);
			set_or(&p->can_f, &k.can_f);
			set_or(&p->sure_f, &k.sure_f);
		} else {
			set_or(&p->can_t, &k.can_t);
			set_or(&p->sure_t, &k.sure_t);
			set_and(&p->can_f, &k.can_f);
			set_and(&p->sure_f, &k.sure_f);
		}
	}
}

/* Appends "share_pct >= 0 and < 50" for pieces a..b (inclusive). */
static void range_text(const an *x, size_t a, size_t b, char *buf, size_t size)
{
	double lo = x->pt[a / 2], hi = b % 2 == 0 ? x->pt[b / 2] : x->pt[b / 2 + 1];

	if (a == b && a % 2 == 0)
		(void)snprintf(buf, size, "share_pct == %.15g", lo);
	else
		(void)snprintf(buf, size, "share_pct %s %.15g and %s %.15g", a % 2 ? ">" : ">=", lo,
		               b % 2 ? "<" : "<=", hi);
}

typedef struct finder {
	rs_diag_fn diag;
	void *ctx;
	const char *file;
	size_t errors;
} finder;

static void find(finder *f, bool error, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void find(finder *f, bool error, const char *where, const char *fmt, ...)
{
	rs_error e;
	va_list ap;

	f->errors += error;
	if (f->diag == NULL)
		return;
	memset(&e, 0, sizeof e);
	e.status = error ? RS_ERULES : RS_OK;
	e.file = f->file;
	(void)snprintf(e.where, sizeof e.where, "%s", where);
	va_start(ap, fmt);
	(void)vsnprintf(e.msg, sizeof e.msg, fmt, ap);
	va_end(ap);
	f->diag(f->ctx, &e);
}

static void report_gaps(const an *x, const pset *covered, finder *f)
{
	pset gap = set_minus(x, &x->full, covered);
	size_t i = 0, j, np = 2 * x->n - 1;
	char range[128];

	while (i < np) {
		if (!has_bit(&gap, i)) {
			i++;
			continue;
		}
		for (j = i; j + 1 < np && has_bit(&gap, j + 1); j++)
			;
		range_text(x, i, j, range, sizeof range);
		find(f, true, "decision", "%s is covered by no decision row: a record there is rejected",
		     range);
		i = j + 1;
	}
}

/*
 * "share_pct ... by decision[k] (stage)" for each stretch of the pieces in
 * `shadow`, k the first row surely true there (sure[k]), appended to msg.
 */
static void shadow_text(const an *x, const pset *shadow, const pset *sure, size_t j, char *msg,
                        size_t size)
{
	size_t i = 0, e, k, kn, np = 2 * x->n - 1, n;
	char range[128];

	while (i < np) {
		if (!has_bit(shadow, i)) {
			i++;
			continue;
		}
		for (k = 0; k < j && !has_bit(&sure[k], i); k++)
			;
		for (e = i; e + 1 < np && has_bit(shadow, e + 1); e++) {
			for (kn = 0; kn < j && !has_bit(&sure[kn], e + 1); kn++)
				;
			if (kn != k)
				break;
		}
		range_text(x, i, e, range, sizeof range);
		n = strlen(msg);
		(void)snprintf(msg + n, size - n, "%s%s goes to decision[%zu] (%s)", n ? "; " : "", range,
		               k, x->r->stages[x->r->dec[k].stage].id);
		i = e + 1;
	}
}

/*
 * Walks the table in first-match order. A row is hidden where it can be true
 * but an earlier row is surely true. Rows that some share value reaches are
 * marked live and their stages reached; with a finder, rows hidden in part
 * or in whole are reported.
 */
static void walk(const an *x, finder *f, bool *reach, pset *covered, bool *live_out)
{
	const rs_rules *r = x->r;
	pset before, *sure = f != NULL ? rs_calloc(r->ndec ? r->ndec : 1, sizeof *sure) : NULL;
	size_t j;
	char where[32], msg[400];

	memset(&before, 0, sizeof before);
	memset(covered, 0, sizeof *covered);
	for (j = 0; j < r->ndec; j++) {
		const rs_decision *d = &r->dec[j];
		const char *id = r->stages[d->stage].id;
		pset left, shadow;
		bool live;
		proj p;

		project(x, d->cond, &p);
		left = set_minus(x, &p.can_t, &before);
		shadow = p.can_t;
		set_and(&shadow, &before);
		live = !set_empty(&left);
		reach[d->stage] = reach[d->stage] || live;
		if (live_out != NULL)
			live_out[j] = live;
		(void)snprintf(where, sizeof where, "decision[%zu]", j);
		msg[0] = '\0';
		if (f != NULL && sure != NULL && !set_empty(&shadow))
			shadow_text(x, &shadow, sure, j, msg, sizeof msg);
		if (f != NULL && set_empty(&p.can_t))
			find(f, false, where, "(stage %s) can never match: its share_pct conditions "
			                      "exclude every value from 0 to 100", id);
		else if (f != NULL && !live)
			find(f, false, where, "(stage %s) can never match: %s", id, msg);
		else if (f != NULL && msg[0] != '\0')
			find(f, false, where, "(stage %s) is shadowed in part: %s", id, msg);
		set_or(covered, &p.can_t);
		set_or(&before, &p.sure_t);
		if (sure != NULL)
			sure[j] = p.sure_t;
	}
	rs_free(sure);
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

size_t rs_rules_analyze(const rs_rules *r, rs_diag_fn diag, void *ctx)
{
	finder f = {diag, ctx, r->name, 0};
	bool reach[RS_MAX_STAGES] = {false};
	pset covered;
	an x;
	size_t s;
	char where[32];

	if (!an_init(&x, r)) {
		find(&f, false, "decision", "more than %d distinct share_pct values: not analysed", MAXPT);
		return f.errors;
	}
	walk(&x, &f, reach, &covered, NULL);
	report_gaps(&x, &covered, &f);
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
	bool reach[RS_MAX_STAGES] = {false}, live[RS_MAX_DECISIONS];
	pset covered;
	an x;
	size_t i;

	for (i = 0; i < r->ndec; i++)
		live[i] = true; /* not analysed: every row may be the one */
	if (an_init(&x, r))
		walk(&x, NULL, reach, &covered, live);
	for (i = 0; i < r->ndec; i++)
		r->dec[i].live = live[i];
}
