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

/* A lead key ({"key": or ,"key":, then '"') of kn <= RS_JSON_LEAD_PAD
 * bytes into d as one fixed-size move: src has RS_JSON_LEAD_PAD readable
 * bytes, d as many writable; the bytes past kn are overwritten by what
 * follows or lie in room the caller keeps spare. */
static inline void json_lead32(char *d, const char *src)
{
#ifdef RS_SCAN_SSE2
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)src);
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(src + 16));

	_mm_storeu_si128((__m128i *)(void *)d, a);
	_mm_storeu_si128((__m128i *)(void *)(d + 16), b);
#else
	memcpy(d, src, RS_JSON_LEAD_PAD);
#endif
}

/*
 * The cells of json_object_direct. fast: the row has types and plain bits
 * and every lead key fits a slot (constant at each call, so the compiler
 * drops the tests). Each cell checks its own room first (a string that needs
 * no escaping for its bytes, anything else at its worst: every byte escaped
 * as \u00XX), with RS_JSON_LEAD_PAD bytes kept spare past end for the key's
 * fixed-size move and the closing brace. Returns NULL when a cell may not
 * fit, else the end of what was written.
 */
static inline __attribute__((always_inline)) char *
json_cells(char *d, char *end, const rs_json_keys *k, const rs_row *row, bool fast)
{
	const char *lead = k->lead.data, *slot = k->slot;
	const size_t *loff = k->loff;
	const unsigned char *klen = k->klen;
	const unsigned char *type = row->type, *plain = row->plain;
	const char *const *cell = row->cell;
	const size_t *len = row->len;
	size_t i, nc = row->n;

	for (i = 0; i < nc; i++) {
		const char *s = cell[i];
		size_t n = len[i];
		const char *key = fast ? slot + i * RS_JSON_LEAD_PAD : lead + loff[i];
		size_t kn = fast ? klen[i] : loff[i + 1] - loff[i];
		unsigned t = fast || type != NULL ? type[i] : (unsigned)RS_T_STRING;
		bool pl = fast || plain != NULL ? (plain[i] & RS_PLAIN_JSON) != 0 : false;

		if (t == RS_T_STRING && pl) {
			/* key, quote, the bytes as they are, quote */
			if ((size_t)(end - d) < kn + n + 1)
				return NULL;
			if (fast)
				json_lead32(d, key);
			else
				rs_copy(d, key, kn);
			d += kn;
			rs_copy(d, s, n);
			d += n;
			*d++ = '"';
			continue;
		}
		if ((size_t)(end - d) < kn + 6 * n + 5)
			return NULL;
		if (fast)
			json_lead32(d, key);
		else
			rs_copy(d, key, kn);
		d += kn;
		if (t == RS_T_STRING || t > RS_T_NULL) {
			d = json_string_direct(d - 1, s, n);
			continue;
		}
		d--; /* not a string: no opening quote */
		if (t == RS_T_NUMBER && n > 0) {
			rs_copy(d, s, n);
			d += n;
		} else if (t == RS_T_BOOL) {
			bool yes = n == 4 && memcmp(s, "true", 4) == 0;

			memcpy(d, yes ? "true" : "false", 5);
			d += yes ? 4 : 5;
		} else { /* RS_T_NULL, or an empty number */
			memcpy(d, "null", 4);
			d += 4;
		}
	}
	return d;
}

/*
 * json_object when the row fits in the buffer: written through a local
 * pointer, with no reloading of the buffer's fields after each store.
 * Returns false when it may not fit; the buffer's length is then unchanged
 * (what was written past it is not output).
 */
static bool json_object_direct(rs_wout *o, const rs_json_keys *k, const rs_row *row)
{
	char *d, *end;

	if (o->failed || o->cap - o->len < RS_JSON_LEAD_PAD + 2)
		return false;
	d = o->buf + o->len;
	end = o->buf + o->cap - RS_JSON_LEAD_PAD - 1; /* room for the '}' too */
	if (row->n == 0)
		*d++ = '{';
	else if (k->slot != NULL && row->type != NULL && row->plain != NULL)
		d = json_cells(d, end, k, row, true);
	else
		d = json_cells(d, end, k, row, false);
	if (d == NULL)
		return false;
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
	bool long_key = false;

	rs_buf_init(&k->keys);
	rs_buf_init(&k->lead);
	k->loff = NULL;
	k->slot = NULL;
	k->klen = NULL;
	k->off = rs_calloc(header->n + 1, sizeof *k->off);
	if (k->off == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (i = 0; i < header->n; i++) {
		rs_wout scratch = {.fd = -1, .buf = o->buf, .cap = o->cap};

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
	k->loff = rs_calloc(header->n + 1, sizeof *k->loff);
	if (k->loff == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (i = 0; i < header->n; i++) {
		k->loff[i] = k->lead.len;
		if (!rs_buf_append(&k->lead, i == 0 ? "{" : ",", 1) ||
		    !rs_buf_append(&k->lead, k->keys.data + k->off[i], k->off[i + 1] - k->off[i]) ||
		    !rs_buf_append(&k->lead, "\"", 1))
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
		if (k->lead.len - k->loff[i] > RS_JSON_LEAD_PAD)
			long_key = true;
	}
	k->loff[header->n] = k->lead.len;
	{
		static const char pad[RS_JSON_LEAD_PAD];

		if (!rs_buf_append(&k->lead, pad, sizeof pad))
			return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	if (long_key || header->n == 0)
		return RS_OK;
	k->slot = rs_calloc(header->n, RS_JSON_LEAD_PAD);
	k->klen = rs_calloc(header->n, 1);
	if (k->slot == NULL || k->klen == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (i = 0; i < header->n; i++) {
		k->klen[i] = (unsigned char)(k->loff[i + 1] - k->loff[i]);
		memcpy(k->slot + i * RS_JSON_LEAD_PAD, k->lead.data + k->loff[i], k->klen[i]);
	}
	return RS_OK;
}

void rs_json_keys_free(rs_json_keys *k)
{
	rs_free(k->off);
	rs_buf_free(&k->keys);
	rs_buf_free(&k->lead);
	rs_free(k->loff);
	rs_free(k->slot);
	rs_free(k->klen);
	k->loff = NULL;
	k->slot = NULL;
	k->klen = NULL;
}

