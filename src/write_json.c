/*
 * write_json.c - rows out as JSON objects (the array and JSON Lines forms
 * write.c frames), with the header's keys encoded once; its string escaper
 * also serves the summary, inspect and rules JSON. U+2028 and U+2029
 * are escaped too: valid JSON, but line terminators to JavaScript before
 * ES2019 and to some JSON Lines splitters.
 */
#include <stdio.h>
#include <string.h>

#include "write.h"

/* 1 for bytes a JSON string must escape; 2 for the lead byte of U+2028/9. */
static const unsigned char json_special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, [0xE2] = 2,
};

/* Index of the first byte at or after i with json_special set; n if none.
 * Four table lookups a step: most text has none and is scanned whole. */
static size_t json_special_at(const unsigned char *u, size_t n, size_t i)
{
	while (i + 4 <= n && !(json_special[u[i]] | json_special[u[i + 1]] |
	                       json_special[u[i + 2]] | json_special[u[i + 3]]))
		i += 4;
	while (i < n && !json_special[u[i]])
		i++;
	return i;
}

/* Where json_string writes: an rs_out (rows) or an rs_buf (summary,
 * inspect, rules). It is inlined into its two callers below, so each put is
 * a direct call, inlined: the rows' escaping keeps its speed. */
typedef void json_put(void *sink, const char *p, size_t n);
static void put_out(void *o, const char *p, size_t n) { rs_out_put(o, p, n); }
static void put_buf(void *b, const char *p, size_t n) { (void)rs_buf_append(b, p, n); }

/* The n bytes at s as a JSON string: \" \\ \n \r \t \b \f, other controls
 * \u00XX, U+2028/9 \u2028/9; the rest, UTF-8 or not, as it is. */
static inline void json_string(json_put *put, void *sink, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef", from[] = "\"\\\n\r\t\b\f", to[] = "\"\\nrtbf";
	const unsigned char *u = (const unsigned char *)s;
	size_t i, run = 0;

	put(sink, "\"", 1);
	for (i = 0; (i = json_special_at(u, n, i)) < n; i++) {
		bool sep = json_special[u[i]] == 2; /* U+2028/9, or other text */
		const char *k = sep || u[i] == 0 ? NULL : strchr(from, u[i]);
		char e[6] = {'\\', k != NULL ? to[k - from] : 'u', '0', '0', hex[u[i] >> 4], hex[u[i] & 15]};

		if (sep && !(i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] & 0xFE) == 0xA8))
			continue;
		if (sep)
			memcpy(e + 2, u[i + 2] == 0xA8 ? "2028" : "2029", 4);
		put(sink, s + run, i - run);
		put(sink, e, k != NULL ? 2 : sizeof e);
		i += sep ? 2 : 0;
		run = i + 1;
	}
	put(sink, s + run, n - run);
	put(sink, "\"", 1);
}

void rs_buf_json_mem(rs_buf *b, const char *s, size_t n)
{
	json_string(put_buf, b, s, n);
}

static void out_string(rs_out *o, const char *s, size_t n)
{
	json_string(put_out, o, s, n);
}

static void json_value(rs_out *o, const char *s, size_t n, unsigned char type)
{
	switch (type) {
	case RS_T_NUMBER:
	case RS_T_JSON:
		/* The text is a JSON literal by contract; empty would not be. */
		if (n > 0)
			rs_out_put(o, s, n);
		else
			rs_out_put(o, "null", 4);
		return;
	case RS_T_BOOL:
		if (n == 4 && memcmp(s, "true", 4) == 0)
			rs_out_put(o, "true", 4);
		else
			rs_out_put(o, "false", 5);
		return;
	case RS_T_NULL:
		rs_out_put(o, "null", 4);
		return;
	default:
		out_string(o, s, n);
		return;
	}
}

void rs_json_object(rs_out *o, const rs_json_keys *k, const rs_row *row)
{
	size_t i;

	rs_out_putc(o, '{');
	for (i = 0; i < row->n; i++) {
		if (i > 0)
			rs_out_putc(o, ',');
		rs_out_put(o, k->keys.data + k->off[i], k->off[i + 1] - k->off[i]);
		json_value(o, row->cell[i], row->len[i],
		           row->type ? row->type[i] : (unsigned char)RS_T_STRING);
	}
	rs_out_putc(o, '}');
}

/*
 * An unnamed column's key (an empty header cell), from its position: ""
 * twice would be one key to most readers. "column_2", or "column_2_2" and
 * on when another column is named so: keys are never twins.
 */
static size_t unnamed_key(const rs_row *header, size_t col, char *name, size_t cap)
{
	unsigned long k;
	size_t n = 0, i = 0;

	for (k = 1; k == 1 || i < header->n; k++) {
		int w = k == 1 ? snprintf(name, cap, "column_%zu", col + 1)
		               : snprintf(name, cap, "column_%zu_%lu", col + 1, k);

		n = w > 0 ? (size_t)w : 0;
		for (i = 0; i < header->n; i++)
			if (header->len[i] == n && memcmp(header->cell[i], name, n) == 0)
				break;
	}
	return n;
}

rs_status rs_json_keys_init(rs_json_keys *k, rs_out *o, const rs_row *header, rs_error *err)
{
	size_t i;

	rs_buf_init(&k->keys);
	k->off = rs_calloc(header->n + 1, sizeof *k->off);
	if (k->off == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (i = 0; i < header->n; i++) {
		/* Worst case 6 bytes per input byte plus quotes and colon. */
		if (header->len[i] > (o->cap - 3) / 6)
			return rs_error_set(err, RS_ELIMIT, 0, "column name %zu is too long for JSON output", i + 1);
		o->len = 0;
		if (header->len[i] == 0) {
			char name[48];

			out_string(o, name, unnamed_key(header, i, name, sizeof name));
		} else {
			out_string(o, header->cell[i], header->len[i]);
		}
		rs_out_putc(o, ':');
		k->off[i] = k->keys.len;
		if (!rs_buf_append(&k->keys, o->buf, o->len))
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	o->len = 0;
	k->off[header->n] = k->keys.len;
	return RS_OK;
}

void rs_json_keys_free(rs_json_keys *k)
{
	rs_free(k->off);
	k->off = NULL;
	rs_buf_free(&k->keys);
}
