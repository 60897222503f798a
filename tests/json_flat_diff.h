/*
 * json_flat_diff.h - the differential check between json_check.c's cJSON-free
 * reading of flat JSON Lines records (rs_json_flat) and cJSON itself, shared
 * by the unit test (tests/unit/test_json_check.c) and the fuzz harness
 * (tests/fuzz/fuzz_json.c). Whatever rs_json_flat accepts, cJSON must accept
 * as the same members, in the same order, with the same types, the same
 * decoded strings and bit-identical numbers, and rs_json_not_row must find
 * nothing against it.
 */
#ifndef RS_TEST_JSON_FLAT_DIFF_H
#define RS_TEST_JSON_FLAT_DIFF_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_check.h"

#define JSON_FLAT_DIFF_MAX 64

/*
 * s[0..n) with s[n] == '\0'. Returns NULL when the two agree (*taken says
 * whether rs_json_flat took the line at all), else what differs, in a static
 * buffer.
 */
static const char *json_flat_diff(const char *s, size_t n, bool *taken)
{
	static char msg[160];
	rs_json_member m[JSON_FLAT_DIFF_MAX];
	size_t k = rs_json_flat(s, n, m, JSON_FLAT_DIFF_MAX), i = 0, c;
	const char *end = NULL, *bad = NULL;
	char reason[256], *copy;
	cJSON *v, *it;

	*taken = k != RS_JSON_NOT_FLAT;
	if (!*taken)
		return NULL;
	v = cJSON_ParseWithLengthOpts(s, n, &end, 0);
	if (v == NULL)
		return "flat took what cJSON refuses";
	if (rs_json_not_row(v, s, (size_t)(end - s), n, true, reason, sizeof reason) != NULL)
		bad = "flat took what is not a row";
	copy = malloc(n + 1); /* strings are decoded in place: in a copy */
	if (copy == NULL) {
		cJSON_Delete(v);
		return NULL;
	}
	memcpy(copy, s, n + 1);
	for (c = 0; c < k && bad == NULL; c++) {
		rs_json_member mc = m[c];

		if (mc.type != cJSON_String)
			continue; /* str is only meaningful for strings */
		mc.str = copy + (m[c].str - s);
		if (rs_json_flat_cstr(copy, &mc) != mc.str)
			bad = "a decoded string is not where its member says";
	}
	for (it = v->child; it != NULL && bad == NULL; it = it->next, i++) {
		if (i >= k)
			bad = "cJSON has more members";
		else if (strlen(it->string) != m[i].klen || memcmp(it->string, m[i].key, m[i].klen) != 0)
			bad = "a key differs";
		else if ((it->type & 0xFF) != m[i].type)
			bad = "a type differs";
		else if (m[i].type == cJSON_String &&
		         (strlen(it->valuestring) != m[i].slen ||
		          memcmp(it->valuestring, copy + (m[i].str - s), m[i].slen + 1) != 0))
			bad = "a string differs";
		else if (m[i].type == cJSON_Number && memcmp(&it->valuedouble, &m[i].num, sizeof(double)) != 0)
			bad = "a number differs";
	}
	if (bad == NULL && i != k)
		bad = "flat has more members";
	free(copy);
	cJSON_Delete(v);
	if (bad == NULL)
		return NULL;
	(void)snprintf(msg, sizeof msg, "%s: [%.100s]", bad, s);
	return msg;
}

#endif
