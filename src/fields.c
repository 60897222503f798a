/*
 * fields.c - the canonical fields and variables, their aliases, value parsing
 * (numbers, booleans, levels) and the field map: header cells -> fields once,
 * then per row a walk over the mapped columns only.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------ variables */

static const char *const var_names[RS_V_COUNT] = {
	"id", "name", "purchase_share", "our_sales", "customer_spend",
	"contacts", "departments", "top_contact_level", "key_person",
	"relationship_years", "joint_projects", "exec_meetings",
	"strategic_agreement", "equity_tie", "exclusive", "info_sharing",
	"share_pct", "contact_score", "cooperation_score",
};

static const unsigned char var_kinds[RS_V_COUNT] = {
	RS_KIND_TEXT,   RS_KIND_TEXT,   RS_KIND_NUMBER, RS_KIND_NUMBER,
	RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_LEVEL,
	RS_KIND_BOOL,   RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER,
	RS_KIND_BOOL,   RS_KIND_BOOL,   RS_KIND_BOOL,   RS_KIND_BOOL,
	RS_KIND_NUMBER, RS_KIND_NUMBER, RS_KIND_NUMBER,
};

const char *rs_var_name(int var)
{
	if (var < 0 || var >= RS_V_COUNT)
		return NULL;
	return var_names[var];
}

int rs_var_lookup(const char *name)
{
	int v;

	if (name == NULL)
		return -1;
	for (v = 0; v < RS_V_COUNT; v++)
		if (strcmp(name, var_names[v]) == 0)
			return v;
	return -1;
}

rs_kind rs_var_kind(int var)
{
	if (var < 0 || var >= RS_V_COUNT)
		return RS_KIND_TEXT;
	return (rs_kind)var_kinds[var];
}
