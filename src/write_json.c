/*
 * write_json.c - rows out as JSON objects (the array and JSON Lines forms
 * write.c frames): the header's keys encoded once, strings escaped 16 bytes
 * at a time, and a row that surely fits the buffer written through a local
 * pointer. U+2028 and U+2029 are escaped too: valid JSON, but line
 * terminators to JavaScript before ES2019 and to some JSON Lines splitters.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "copy_impl.h"
#include "scan_impl.h"
#include "write_impl.h"

/* 1 for bytes a JSON string must escape; 2 for the lead byte of U+2028/9. */
static const unsigned char json_special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, [0xE2] = 2,
};

static void json_escape_byte(rs_wout *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};

	switch (c) {
	case '"': rs_wout_put(o, "\\\"", 2); return;
	case '\\': rs_wout_put(o, "\\\\", 2); return;
	case '\n': rs_wout_put(o, "\\n", 2); return;
	case '\r': rs_wout_put(o, "\\r", 2); return;
	case '\t': rs_wout_put(o, "\\t", 2); return;
	case '\b': rs_wout_put(o, "\\b", 2); return;
	case '\f': rs_wout_put(o, "\\f", 2); return;
	default: rs_wout_put(o, e, sizeof e); return;
	}
}

/*
 * Index of the first byte at or after i with json_special set; n if none.
 * 16 bytes at a time where SSE2 exists: bytes below 0x20, '"', '\\', 0xE2.
 */
static size_t json_special_at(const unsigned char *u, size_t n, size_t i)
{
#ifdef RS_SCAN_SSE2
	const __m128i ctl = _mm_set1_epi8(0x1F), q = _mm_set1_epi8('"');
	const __m128i bs = _mm_set1_epi8('\\'), e2 = _mm_set1_epi8((char)0xE2);

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x),
		                                      _mm_cmpeq_epi8(x, q)),
		                         _mm_or_si128(_mm_cmpeq_epi8(x, bs), _mm_cmpeq_epi8(x, e2)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);

		if (bits != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	while (i < n && json_special[u[i]] == 0)
		i++;
	return i;
}

/*
 * A JSON string. U+2028 and U+2029 are escaped too: valid JSON, but line
 * terminators to JavaScript before ES2019 and to some JSON Lines splitters.
 */
static void json_string(rs_wout *o, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	rs_wout_putc(o, '"');
	while ((i = json_special_at(u, n, i)) < n) {
		unsigned char k = json_special[u[i]];

		if (k == 2 && !(i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))) {
			i++;
			continue;
		}
		rs_wout_put(o, s + run, i - run);
		if (k == 2) {
			rs_wout_put(o, u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
			i += 3;
		} else {
			json_escape_byte(o, u[i]);
			i++;
		}
		run = i;
	}
	rs_wout_put(o, s + run, n - run);
	rs_wout_putc(o, '"');
}

static void json_value(rs_wout *o, const char *s, size_t n, unsigned char type, bool plain)
{
	switch (type) {
	case RS_T_NUMBER:
		/* The text is a JSON number literal by contract; empty would not be. */
		if (n > 0)
			rs_wout_put(o, s, n);
		else
			rs_wout_put(o, "null", 4);
		return;
	case RS_T_BOOL:
		if (n == 4 && memcmp(s, "true", 4) == 0)
			rs_wout_put(o, "true", 4);
		else
			rs_wout_put(o, "false", 5);
		return;
	case RS_T_NULL:
		rs_wout_put(o, "null", 4);
		return;
	default:
		if (plain && n + 2 <= o->cap - o->len) { /* nothing to escape */
			o->buf[o->len] = '"';
			rs_copy(o->buf + o->len + 1, s, n);
			o->buf[o->len + n + 1] = '"';
			o->len += n + 2;
			return;
		}
		json_string(o, s, n);
		return;
	}
}

/* json_string into d, which has room for 6 bytes a byte of s and 2 more;
 * returns the end. The same escapes as json_string. */
static char *json_string_direct(char *d, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	*d++ = '"';
	while ((i = json_special_at(u, n, i)) < n) {
		unsigned char k = json_special[u[i]], c = u[i];

		if (k == 2 && !(i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))) {
			i++;
			continue;
		}
		rs_copy(d, s + run, i - run);
		d += i - run;
		*d++ = '\\';
		if (k == 2) {
			memcpy(d, u[i + 2] == 0xA8 ? "u2028" : "u2029", 5);
			d += 5;
			i += 3;
		} else {
			const char *e = c == '"' ? "\"" : c == '\\' ? "\\" : c == '\n' ? "n" : c == '\r' ? "r"
			                : c == '\t' ? "t" : c == '\b' ? "b" : c == '\f' ? "f" : NULL;

			if (e != NULL) {
				*d++ = *e;
			} else {
				memcpy(d, "u00", 3);
				d[3] = hex[c >> 4];
				d[4] = hex[c & 15];
				d += 5;
			}
			i++;
		}
		run = i;
	}
	rs_copy(d, s + run, n - run);
	d += n - run;
	*d++ = '"';
	return d;
}

/*
 * json_object when the row surely fits in the buffer (counted at its worst:
 * every byte escaped as \u00XX): written through a local pointer, with no
 * room check per piece and no reloading of the buffer's fields after each
 * store. Returns false, having written nothing, when it may not fit.
 */
static bool json_object_direct(rs_wout *o, const rs_json_keys *k, const rs_row *row)
{
	const char *keys = k->keys.data;
	const size_t *koff = k->off;
	const unsigned char *type = row->type, *plain = row->plain;
	size_t need = 2 + k->keys.len + 8 * row->n, i;
	char *d;

	for (i = 0; i < row->n; i++)
		need += 6 * row->len[i];
	if (need > o->cap - o->len || o->failed)
		return false;
	d = o->buf + o->len;
	*d++ = '{';
	for (i = 0; i < row->n; i++) {
		const char *s = row->cell[i];
		size_t n = row->len[i], kn = koff[i + 1] - koff[i];
		unsigned char t = type != NULL ? type[i] : (unsigned char)RS_T_STRING;

		if (i > 0)
			*d++ = ',';
		rs_copy(d, keys + koff[i], kn);
		d += kn;
		if ((t == RS_T_NUMBER && n == 0) || t == RS_T_NULL) {
			memcpy(d, "null", 4);
			d += 4;
		} else if (t == RS_T_NUMBER) {
			rs_copy(d, s, n);
			d += n;
		} else if (t == RS_T_BOOL) {
			bool yes = n == 4 && memcmp(s, "true", 4) == 0;

			memcpy(d, yes ? "true" : "false", 5);
			d += yes ? 4 : 5;
		} else if (plain != NULL && (plain[i] & RS_PLAIN_JSON)) {
			*d = '"';
			rs_copy(d + 1, s, n);
			d[n + 1] = '"';
			d += n + 2;
		} else {
			d = json_string_direct(d, s, n);
		}
	}
	*d++ = '}';
	o->len = (size_t)(d - o->buf);
	return true;
}

void rs_json_object(rs_wout *o, const rs_json_keys *k, const rs_row *row)
{
	size_t i;

	if (json_object_direct(o, k, row))
		return;
	rs_wout_putc(o, '{');
	for (i = 0; i < row->n; i++) {
		if (i > 0)
			rs_wout_putc(o, ',');
		rs_wout_put(o, k->keys.data + k->off[i], k->off[i + 1] - k->off[i]);
		json_value(o, row->cell[i], row->len[i],
		           row->type ? row->type[i] : (unsigned char)RS_T_STRING,
		           row->plain != NULL && (row->plain[i] & RS_PLAIN_JSON));
	}
	rs_wout_putc(o, '}');
}

/*
 * Encodes the header's keys once ("key":) into w->keys, borrowing the output
 * buffer's escaping: the keys are written into a scratch rs_wout over the
 * same memory before any output exists.
 */
rs_status rs_json_keys_init(rs_json_keys *k, const rs_wout *o, const rs_row *header, rs_error *err)
{
	size_t i;

	rs_buf_init(&k->keys);
	k->off = rs_calloc(header->n + 1, sizeof *k->off);
	if (k->off == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (i = 0; i < header->n; i++) {
		rs_wout scratch = {NULL, o->buf, 0, o->cap, false, 0};

		/* Worst case 6 bytes per input byte plus quotes and colon. */
		if (header->len[i] > (o->cap - 3) / 6)
			return rs_error_set(err, RS_ELIMIT, 0, "column name %zu is too long for JSON output", i + 1);
		if (header->len[i] == 0) {
			/* An unnamed column (an empty header cell) gets a key from
			 * its position: "" twice would be one key to most readers. */
			char name[32];
			int n = snprintf(name, sizeof name, "column_%zu", i + 1);
			json_string(&scratch, name, n > 0 ? (size_t)n : 0);
		} else {
			json_string(&scratch, header->cell[i], header->len[i]);
		}
		rs_wout_putc(&scratch, ':');
		k->off[i] = k->keys.len;
		if (!rs_buf_append(&k->keys, scratch.buf, scratch.len))
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	k->off[header->n] = k->keys.len;
	return RS_OK;
}

void rs_json_keys_free(rs_json_keys *k)
{
	rs_free(k->off);
	rs_buf_free(&k->keys);
}

