/*
 * fixture_rules.h - the default rules, loaded once per test group: the
 * cmocka group setup and teardown shared by the tests that classify with them.
 */
#ifndef RS_FIXTURE_RULES_H
#define RS_FIXTURE_RULES_H

#include <string.h>

#include "internal.h"

static rs_rules *rules;

static int setup(void **state)
{
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	return rs_rules_load_default(&rules, &e) == RS_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rs_rules_free(rules);
	return 0;
}

#endif
