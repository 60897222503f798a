/*
 * tally.c - sums, counts, largest and smallest values of the numeric fields
 * over a file's account rows and its current group's: a spreadsheet's
 * totals row, or Excel's Subtotal row of another function (Average, Count,
 * Max, Min), is skipped only when its figures are what its label says.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tally.h"

/* The fields a spreadsheet's SUM row adds up: amounts and counts. */
static const int additive[] = {RS_F_OUR_SALES, RS_F_CUSTOMER_SPEND, RS_F_CONTACTS,
                               RS_F_DEPARTMENTS, RS_F_JOINT_PROJECTS, RS_F_EXEC_MEETINGS};
/* And those an average, a count, a largest or smallest value is taken of:
 * the share and the years too (their sum means nothing). */
static const int numeric[] = {RS_F_OUR_SALES, RS_F_CUSTOMER_SPEND, RS_F_CONTACTS,
                              RS_F_DEPARTMENTS, RS_F_JOINT_PROJECTS, RS_F_EXEC_MEETINGS,
                              RS_F_PURCHASE_SHARE, RS_F_RELATIONSHIP_YEARS};
#define NADDITIVE (sizeof additive / sizeof additive[0])
#define NNUMERIC (sizeof numeric / sizeof numeric[0])

void rs_tally_reset(rs_tally *t)
{
	memset(t, 0, sizeof *t);
}

void rs_tally_merge(rs_tally *dst, const rs_tally *src)
{
	int f;

	for (f = 0; f < RS_F_COUNT; f++) {
		if (src->known[f] > 0 && (dst->known[f] == 0 || src->max[f] > dst->max[f]))
			dst->max[f] = src->max[f];
		if (src->known[f] > 0 && (dst->known[f] == 0 || src->min[f] < dst->min[f]))
			dst->min[f] = src->min[f];
		dst->sum[f] += src->sum[f];
		dst->known[f] += src->known[f];
		dst->filled[f] += src->filled[f];
	}
	dst->rows += src->rows;
}

void rs_tally_add(rs_tally *t, const rs_account *a, uint32_t failed, bool id_filled)
{
	size_t k;

	for (k = 0; k < NNUMERIC; k++) {
		int f = numeric[k];

		t->filled[f] += (rs_known(a, f) || (failed >> f & 1u)) ? 1u : 0u;
		if (!rs_known(a, f))
			continue;
		t->sum[f] += a->v[f];
		if (t->known[f] == 0 || a->v[f] > t->max[f])
			t->max[f] = a->v[f];
		if (t->known[f] == 0 || a->v[f] < t->min[f])
			t->min[f] = a->v[f];
		t->known[f]++;
	}
	t->filled[RS_F_ID] += id_filled;
	t->rows++;
}

/* Half a unit in the last decimal v shows (0.5 for 1235, 0.005 for
 * 1234.57): a rounded average is within it of the true one. */
static double shown_half_unit(double v)
{
	double scale = 1;
	int d;

	for (d = 0; d < 6; d++, scale *= 10)
		if (fabs(v * scale - nearbyint(v * scale)) < 1e-6)
			break;
	return 0.5 / scale;
}

/* What t says field f's `agg` is; NAN when it has none. */
static double figure(const rs_tally *t, int agg, int f)
{
	switch (agg) {
	case RS_AGG_SUM:
		return t->sum[f];
	case RS_AGG_AVERAGE:
		return t->known[f] > 0 ? t->sum[f] / (double)t->known[f] : NAN;
	case RS_AGG_COUNT:
		return (double)t->filled[f];
	case RS_AGG_MAX:
		return t->known[f] > 0 ? t->max[f] : NAN;
	case RS_AGG_MIN:
		return t->known[f] > 0 ? t->min[f] : NAN;
	default:
		return NAN;
	}
}

bool rs_tally_matches(const rs_tally *t, int agg, const rs_account *a, long id_count,
                      unsigned long min_rows, bool zh, char names[96])
{
	const int *fields = agg == RS_AGG_SUM ? additive : numeric;
	size_t k, nfields = agg == RS_AGG_SUM ? NADDITIVE : NNUMERIC, len = 0, matched = 0;

	names[0] = '\0';
	if (t->rows < min_rows || agg == RS_AGG_NONE)
		return false;
	if (id_count >= 0) {
		if (agg != RS_AGG_COUNT || (unsigned long)id_count != t->filled[RS_F_ID])
			return false;
		matched += id_count > 0;
	}
	for (k = 0; k < nfields; k++) {
		int f = fields[k];
		double want, tol;

		if (!rs_known(a, f))
			continue;
		want = figure(t, agg, f);
		tol = 0.005 + 1e-9 * fabs(want);
		if (agg == RS_AGG_AVERAGE)
			tol = shown_half_unit(a->v[f]) + 1e-9 * fabs(want);
		if (isnan(want) || fabs(a->v[f] - want) > tol)
			return false;
		matched += a->v[f] != 0;
		len += (size_t)snprintf(names + len, 96 - len, "%s%s", len == 0 ? "" : zh ? "、" : ", ",
		                        rs_var_name(f));
		if (len >= 96)
			len = 95;
	}
	return matched > 0;
}
