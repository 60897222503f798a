/*
 * xlsx_cell.c - a workbook cell's stored value as the text Excel shows: what
 * a number format shows (date, time, percentage), text's _xHHHH_ escapes,
 * numbers to 15 digits, date serials and ISO dates as ISO text. No state.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "xlsx.h"

/* ---------------------------------------------------- number formats */

/* What a custom number format shows: its first section, without quoted
 * text, escapes and [colour]/[$-locale] parts; [h] [mm] [ss] are times. */
static unsigned char code_kind(const char *s)
{
	bool date = false, time = false, month = false, pct = false;

	for (; *s != '\0' && *s != ';'; s++) {
		const char *e;

		switch (*s) {
		case '"':
			if ((e = strchr(s + 1, '"')) == NULL)
				return 0;
			s = e;
			break;
		case '\\': case '_': case '*':
			if (s[1] != '\0')
				s++;
			break;
		case '[': /* [h] [mm] [ss] are elapsed times; [Magenta], [$-409], [>=100] are not */
			if ((e = strchr(s, ']')) == NULL)
				return 0;
			time |= e > s + 1 && s + 1 + strspn(s + 1, "hHmMsS") == e;
			s = e;
			break;
		case 'y': case 'Y': case 'd': case 'D':
			date = true;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = true;
			break;
		case 'm': case 'M':
			month = true;
			break;
		case '%':
			pct = true;
			break;
		default:
			break;
		}
	}
	date |= month && !time; /* "mm" beside h or s is minutes */
	return (unsigned char)((date ? RS_XLSX_DATE : 0) | (time ? RS_XLSX_TIME : 0) |
	                       (!date && !time && pct ? RS_XLSX_PCT : 0));
}

/* The built-in number formats, including the CJK locales' dates. */
static unsigned char builtin_kind(unsigned long id)
{
	if (id == 9 || id == 10)
		return RS_XLSX_PCT;
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
		return RS_XLSX_DATE;
	if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
		return RS_XLSX_TIME;
	return id == 22 ? RS_XLSX_DATE | RS_XLSX_TIME : 0;
}

unsigned char rs_xlsx_fmt_kind(const char *id, const char *code)
{
	return code != NULL ? code_kind(code) : builtin_kind(strtoul(id, NULL, 10));
}

/* Bytes of the UTF-8 character that starts with byte c (1 for a stray one). */
static size_t char_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* The bytes of the character at p, not past the string's end. */
static size_t char_at(const char *p)
{
	size_t k = char_len((unsigned char)*p), i = 0;

	while (i < k && p[i] != '\0')
		i++;
	return i;
}

/*
 * Does literal text t name a scale: 万 萬 亿 億 千 anywhere, or a Latin word
 * (any case) as a header names one (units.c: K, T of T€, Tsd, TEUR, KUSD, mn,
 * Mio, MEUR, thousand, bn ...) or as other locales write one (French Md,
 * Italian and Polish mld, tys., Spanish mil, India's lakh and crore), M or MM?
 * A scale left out of the cell's text is a number 1,000 times off, in
 * silence; shown, the cell reads as a CSV's does, or is refused naming it.
 */
static bool names_scale(const char *t)
{
	static const char *const cjk[] = {"\xE4\xB8\x87", "\xE8\x90\xAC", "\xE4\xBA\xBF",
	                                  "\xE5\x84\x84", "\xE5\x8D\x83", NULL}; /* 万萬亿億千 */
	static const char *const latin[] = {
	    "k",     "t",     "ths",      "tsd",       "teur",     "keur",     "kusd",
	    "tusd",  "kcny",  "krmb",     "kchf",      "tchf",     "kgbp",     "thousand",
	    "thousands", "tys", "mil",    "mn",        "mln",      "mio",      "musd",
	    "meur",  "mchf",  "mgbp",     "mcny",      "million",  "millions", "bn",
	    "mrd",   "md",    "mds",      "mld",       "billion",  "billions", "lakh",
	    "lakhs", "lac",   "lacs",     "crore",     "crores",   "cr",       NULL}; /* any case */
	const char *const *w;

	for (w = cjk; *w != NULL; w++)
		if (strstr(t, *w) != NULL)
			return true;
	while (*t != '\0') {
		size_t n = 0;

		while ((t[n] >= 'a' && t[n] <= 'z') || (t[n] >= 'A' && t[n] <= 'Z'))
			n++;
		for (w = latin; n > 0 && *w != NULL; w++)
			if (strlen(*w) == n && strncasecmp(t, *w, n) == 0)
				return true;
		if ((n == 1 && t[0] == 'M') || (n == 2 && strncmp(t, "MM", 2) == 0))
			return true; /* a million (m is a metre) */
		t += n > 0 ? n : 1;
	}
	return false;
}

/* Appends s[0..k) to lit[*n] (whole characters), or marks lit too long: *n = cap. */
static void lit_put(char *lit, size_t *n, size_t cap, const char *s, size_t k)
{
	if (*n + k < cap)
		memcpy(lit + *n, s, k), *n += k;
	else
		*n = cap; /* too long: no unit */
}

/* A piece of a number format's first section, as fmt_next reads it. */
typedef enum { FT_END, FT_BAD, FT_TEXT, FT_BARE, FT_SYMBOL, FT_DIGIT, FT_COMMAS, FT_OTHER } fmt_kind;

/*
 * The piece of the format at *s, which it passes: text shown as written
 * (FT_TEXT: quoted or escaped, t[0..k) without the quotes; FT_BARE: a space,
 * $ - ( ) or a non-ASCII character written bare), the symbol of [$SYM-locale]
 * (FT_SYMBOL; other [...] parts show nothing: FT_OTHER with k 0), a digit
 * placeholder 0 # ? or General (FT_DIGIT, t[0] the placeholder), a run of
 * commas (FT_COMMAS, t the character after it), anything else (FT_OTHER, k 1:
 * a point, an exponent, %, @, a date's letters; _ and * with their
 * character: k 0). FT_END at the section's end, FT_BAD at an unclosed quote.
 */
static fmt_kind fmt_next(const char **s, const char **t, size_t *k)
{
	const char *p = *s, *e;

	*t = p, *k = 1;
	switch (*p) {
	case '\0': case ';':
		return FT_END;
	case '"':
		if ((e = strchr(p + 1, '"')) == NULL)
			return FT_BAD;
		*t = p + 1, *k = (size_t)(e - p - 1), *s = e + 1;
		return FT_TEXT;
	case '\\': case '!':
		if (p[1] == '\0')
			return *s = p + 1, *k = 0, FT_OTHER;
		*t = p + 1, *k = char_at(p + 1), *s = p + 1 + *k;
		return FT_TEXT;
	case '_': case '*': /* a space as wide as the next character; fill */
		*s = p + 1 + char_at(p + 1), *k = 0;
		return FT_OTHER;
	case '[':
		if ((e = strchr(p, ']')) == NULL)
			return FT_BAD;
		*s = e + 1;
		if (p[1] != '$')
			return *k = 0, FT_OTHER;
		*t = p + 2, *k = strcspn(p + 2, "-]");
		return *t + *k <= e ? FT_SYMBOL : (*k = 0, FT_OTHER);
	case 'G': case 'g': /* General: the number as it is */
		if (strncasecmp(p, "General", 7) != 0)
			return *s = p + 1, FT_OTHER;
		return *s = p + 7, FT_DIGIT;
	case '0': case '#': case '?':
		return *s = p + 1, FT_DIGIT;
	case ',':
		for (e = p; *e == ','; e++)
			;
		return *s = e, *t = e, FT_COMMAS;
	case ' ': case '$': case '-': case '(': case ')':
		return *s = p + 1, FT_BARE;
	default:
		*k = char_at(p);
		*s = p + *k;
		return (unsigned char)*p >= 0x80 ? FT_BARE : FT_OTHER;
	}
}

/*
 * What a custom number format shows around a whole number, when reading the
 * number alone would misread the cell:
 * - the text before and after it (`"¥"0"万元"`: ¥ and 万元) when it names a
 *   scale the stored number is in: a cell storing 88 under `#,##0"万元"` shows
 *   88万元, which is 880,000; read as 88 beside an amount in yuan, the share
 *   would be 10,000 times off. Not when the format scales the number itself
 *   (a comma after the digits, `#,##0,"千元"`, or a literal point among them,
 *   `0!.0000"万"`, Excel's way to show yuan in 万): the number is in plain units.
 * - the digits it pads a whole number to (`000000`: 1001 shows 001001, as an
 *   ERP's customer code is written and a CSV saved from the sheet keeps it),
 *   with its text (`"C"0000`: C0123); read as 1001, the id would match no
 *   other list's.
 * pre and post get up to RS_XLSX_UNIT - 1 bytes, *pad the digits (0: none);
 * false when the format shows neither.
 */
bool rs_xlsx_fmt_around(const char *code, char pre[RS_XLSX_UNIT], char post[RS_XLSX_UNIT],
                        unsigned *pad)
{
	char lit[2][RS_XLSX_UNIT];
	size_t n[2] = {0, 0}, side = 0, i, zeros = 0, k;
	bool scaled = false, dot = false, other = false;
	const char *s = code, *t;
	fmt_kind f;

	*pad = 0;
	while ((f = fmt_next(&s, &t, &k)) != FT_END) {
		switch (f) {
		case FT_BAD:
			return false;
		case FT_TEXT: case FT_BARE:
			dot |= f == FT_TEXT && memchr(t, '.', k) != NULL;
			lit_put(lit[side], &n[side], RS_XLSX_UNIT, t, k);
			break;
		case FT_DIGIT:
			if (dot && side == 1)
				return false; /* 0!.0000"万": digits placed around a literal point */
			zeros += *t == '0';
			other |= *t != '0' || (side == 1 && n[1] > 0); /* 000-0000: text among digits */
			side = 1;
			n[1] = 0, dot = false; /* the text after the number is what follows the last digit */
			break;
		case FT_COMMAS:
			scaled |= side == 1 && *t != '0' && *t != '#' && *t != '?';
			other = true;
			break;
		default: /* a decimal point, an exponent, a fraction, %, @, a date's letters */
			other |= f == FT_OTHER && k > 0;
			break;
		}
	}
	if (side == 0 || n[0] >= RS_XLSX_UNIT || n[1] >= RS_XLSX_UNIT)
		return false;
	for (i = 0; i < 2; i++)
		lit[i][n[i]] = '\0';
	if (!other && zeros >= 2 && zeros < RS_XLSX_UNIT)
		*pad = (unsigned)zeros;
	if (*pad == 0 && (scaled || (!names_scale(lit[0]) && !names_scale(lit[1]))))
		return false;
	memcpy(pre, lit[0], n[0] + 1);
	memcpy(post, lit[1], n[1] + 1);
	return true;
}

/*
 * The currency a custom number format shows beside a number, which the
 * cell's value does not hold: `[$€-407]#,##0.00` shows 1.200,00 €,
 * `"$"#,##0` $1,200, `#,##0"美元"` 1,200美元, `¥#,##0` ¥1,200. Read as the
 * number alone, euros beside dollars would pass where the same text in a
 * CSV is refused. The literal text of its first section before the digits
 * to pre and after them to post (quoted, escaped, a bare $ or non-ASCII
 * character, the symbol of a [$SYM-locale] part); the caller judges whether
 * it names a currency. False when the format shows no text around digits.
 */
bool rs_xlsx_fmt_currency(const char *code, char pre[RS_XLSX_UNIT], char post[RS_XLSX_UNIT])
{
	char lit[2][RS_XLSX_UNIT];
	size_t n[2] = {0, 0}, side = 0, k;
	const char *s = code, *t;
	fmt_kind f;

	while ((f = fmt_next(&s, &t, &k)) != FT_END)
		if (f == FT_BAD)
			return false;
		else if (f == FT_DIGIT)
			side = 1;
		else if (f == FT_TEXT || f == FT_SYMBOL || (f == FT_BARE && strchr(" -()", *t) == NULL))
			lit_put(lit[side], &n[side], RS_XLSX_UNIT, t, k);
	if (side == 0 || n[0] >= RS_XLSX_UNIT || n[1] >= RS_XLSX_UNIT || n[0] + n[1] == 0)
		return false;
	memcpy(pre, lit[0], n[0]);
	pre[n[0]] = '\0';
	memcpy(post, lit[1], n[1]);
	post[n[1]] = '\0';
	return true;
}

/* ------------------------------------------------------ text escapes */

/* The code unit of an escape "_xHHHH_" at s (n bytes left); -1 if none. */
static long escape_at(const char *s, size_t n)
{
	char hex[5] = "";

	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' ||
	    strspn(s + 2, "0123456789ABCDEFabcdef") < 4)
		return -1;
	memcpy(hex, s + 2, 4);
	return strtol(hex, NULL, 16);
}

const char *rs_xlsx_escape(rs_buf *b, const char *s, size_t n)
{
	size_t i, from = 0;

	rs_buf_reset(b);
	for (i = 0; i < n; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		bool bad = n - i >= 3 && u[0] == 0xEF && u[1] == 0xBF && (u[2] & 0xFE) == 0xBE;

		if (!bad && escape_at(s + i, n - i) < 0)
			continue;
		(void)rs_buf_append(b, s + from, i - from);
		(void)rs_buf_puts(b, !bad ? "_x005F_" : u[2] & 1 ? "_xFFFF_" : "_xFFFE_");
		from = i + (bad ? 3 : 1);
	}
	if (from == 0)
		return s;
	return rs_buf_append(b, s + from, n - from) ? b->data : NULL;
}

/*
 * Decodes, in place, the escapes Excel writes in text for characters XML
 * cannot hold or that a writer chose to escape: "_x000D_" is a carriage
 * return, "_x005F_" a '_' (how a literal "_x0041_" is written), a pair of
 * surrogates one character. Excel shows the characters, never the escapes.
 * "_x0000_" and a lone surrogate stay as written. Returns the new length;
 * the text never grows (7 bytes of escape give at most 3 of UTF-8, two
 * give 4).
 */
size_t rs_xlsx_unescape(char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		long cp = escape_at(s + i, n - i), lo;
		size_t used = 7;

		if (cp >= 0xD800 && cp <= 0xDBFF && (lo = escape_at(s + i + 7, n - i - 7)) >= 0xDC00 &&
		    lo <= 0xDFFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			used = 14;
		}
		if (cp <= 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
			s[o++] = s[i++];
			continue;
		}
		if (cp < 0x80) {
			s[o++] = (char)cp;
		} else if (cp < 0x800) {
			s[o++] = (char)(0xC0 | cp >> 6);
			s[o++] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			s[o++] = (char)(0xE0 | cp >> 12);
			s[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
			s[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			s[o++] = (char)(0xF0 | cp >> 18);
			s[o++] = (char)(0x80 | (cp >> 12 & 0x3F));
			s[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
			s[o++] = (char)(0x80 | (cp & 0x3F));
		}
		i += used;
	}
	return o;
}

/* ------------------------------------------------------ cell values */

/* The significant digits of a number's text (before any exponent). */
static int sig_digits(const char *s)
{
	int n = 0;

	for (s += strspn(s, "+-0."); *s != '\0' && *s != 'e' && *s != 'E'; s++)
		n += *s >= '0' && *s <= '9';
	return n;
}

/*
 * A number cell's text (v in the sheet's XML) as the shortest text of its
 * value, rounded to the 15 significant digits Excel and LibreOffice show,
 * times 10^shift (2: a percentage); 0 when s is not a number a double
 * holds, and the cell then keeps its text. Excel stores a formula's
 * 0.7 + 0.1 as 0.79999999999999993 and shows 80%: read unrounded, that
 * share would fall below a threshold of 80 the user sees it reach.
 */
size_t rs_xlsx_num_text(const char *s, int shift, char *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || s[strspn(s, "0123456789+-.eE")] != '\0' || errno == ERANGE)
		return 0;
	/* From 2^53 on a double holds no longer every whole number: the number
	 * stays as stored (as JSON's do). Rewritten through the double, an
	 * 18-digit id's last digits would change; written out in digits, the
	 * 1.97112051998031E+17 Excel keeps of one (15 digits) would pass for
	 * an exact id. Too long for out (32 bytes): the cell's text, 0. */
	if (shift == 0 && fabs(v) >= 9007199254740992.0)
		return strlen(s) < RS_NUM_TEXT ? (size_t)snprintf(out, RS_NUM_TEXT, "%s", s) : 0;
	/* Whole numbers keep every digit (a 16-digit id); only a fraction is rounded. */
	if (sig_digits(s) > 15 && v != floor(v)) {
		char r[32];

		(void)snprintf(r, sizeof r, "%.15g", v);
		v = strtod(r, NULL);
	}
	return rs_num_text(out, v == 0 ? 0 : v, shift); /* -0 shows as 0 in a sheet */
}

/*
 * A date serial as ISO text: YYYY-MM-DD, with " HH:MM:SS" when the format
 * shows a time, HH:MM:SS alone for a time format. Serials count days from
 * 1899-12-30 (1900 system, whose day 60 is Lotus's 29 Feb 1900) or from
 * 1904-01-01. Returns the length, 0 when the value is no date.
 */
size_t rs_xlsx_date_text(const char *s, unsigned char kind, bool date1904, char *out)
{
	char *end;
	double v = strtod(s, &end);
	long day, secs;
	time_t t;
	struct tm tm;

	if (end == s || *end != '\0' || !isfinite(v) || v < 0 || v > 2958465.0) /* 9999-12-31 */
		return 0;
	day = (long)floor(v);
	secs = lround((v - (double)day) * 86400.0);
	if (secs >= 86400)
		day++, secs -= 86400;
	if (!(kind & RS_XLSX_DATE)) /* an elapsed time may pass 24 hours */
		return (size_t)snprintf(out, RS_XLSX_CELL_TEXT, "%02ld:%02ld:%02ld",
		                        day * 24 + secs / 3600, secs / 60 % 60, secs % 60);
	if (date1904)
		day += 1462;
	else if (day < 61)
		day += 1; /* before Lotus's 29 Feb 1900 */
	/* 25569: 1970-01-01 */
	t = (time_t)(day - 25569) * 86400 + (kind & RS_XLSX_TIME ? secs : 0);
	if (gmtime_r(&t, &tm) == NULL)
		return 0;
	return strftime(out, RS_XLSX_CELL_TEXT,
	                kind & RS_XLSX_TIME ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d", &tm);
}

/* n digits at s as a number; -1 when they are not all digits. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (; n > 0; n--, s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/*
 * A date cell (t="d": ISO 8601, "2019-03-01T09:30:00", as openpyxl and
 * Excel's strict files write it) as rs_xlsx_date_text shows a serial with
 * the same format: the date, the time of day when the format shows one (or, without
 * a date format, when it is not midnight), or the time alone. A zone ("Z",
 * "+08:00") and fractions of a second are left out. 0 when s is no such
 * date: the cell keeps its text.
 */
size_t rs_xlsx_iso_text(const char *s, unsigned char kind, char *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;
	bool time;

	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	if (s[10] == 'T' && strlen(s) >= 16) {
		h = digits(s + 11, 2), mi = digits(s + 14, 2);
		sec = s[16] == ':' ? digits(s + 17, 2) : 0;
		if (s[13] != ':' || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
			return 0;
	} else if (s[10] != '\0') {
		return 0;
	}
	if (kind & RS_XLSX_DATE)
		time = (kind & RS_XLSX_TIME) != 0;
	else if (kind & RS_XLSX_TIME)
		return (size_t)snprintf(out, RS_XLSX_CELL_TEXT, "%02d:%02d:%02d", h, mi, sec);
	else
		time = h != 0 || mi != 0 || sec != 0;
	if (time)
		return (size_t)snprintf(out, RS_XLSX_CELL_TEXT, "%04d-%02d-%02d %02d:%02d:%02d", y,
		                        mo, d, h, mi, sec);
	return (size_t)snprintf(out, RS_XLSX_CELL_TEXT, "%04d-%02d-%02d", y, mo, d);
}
