/*
 * input.c - a FILE seen as a stream of valid UTF-8 (rs_input). UTF-8 input is
 * validated in the raw block it is read into; anything else goes through
 * iconv(3). Byte-order marks decide the
 * encoding; without one, "auto" picks UTF-16 by its zero bytes, UTF-8 if the
 * first block is valid UTF-8 or mostly so (the invalid bytes are then an
 * error naming their line), else whichever of GB18030, Big5, Windows-1252
 * and Shift_JIS makes the first block read as text (encoding_by_reading).
 */
#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "reader_impl.h"

#define RAW_CAP ((size_t)64 << 10)  /* raw bytes read per block */
#define PEEK_CAP ((size_t)64 << 10) /* decoded bytes kept for sniffing */

typedef enum { U8_OK, U8_SHORT, U8_BAD } u8_state;

struct rs_input {
	FILE *fp;
	const char *name;
	bool utf8;        /* validate in place; otherwise iconv */
	iconv_t cd;
	bool eof;         /* fread hit end of file */
	char *raw;        /* RAW_CAP raw bytes: raw_off..raw_len not yet delivered */
	size_t raw_off, raw_valid, raw_len; /* utf8: raw_off..raw_valid validated */
	char *dec;        /* peeked decoded bytes, delivered before anything else */
	size_t dec_off, dec_len;
	bool peeked;
	unsigned char guard; /* auto chose an encoding that UTF-8 bytes pass too:
	                        watch for UTF-8 lines (guard_scan) */
	size_t run_at;    /* guard: raw offset of a UTF-8 run, SIZE_MAX if none */
	size_t hold;      /* guard: a possible run reaches the block's end here */
	rs_status pending; /* an error to report once the bytes before it are out */
	char pending_msg[320]; /* Chinese takes more bytes */
	char enc[48];
	rs_lang lang; /* of the messages (--lang) */
};

/* The end of the run of ASCII bytes at p[i..n), eight at a time. */
static size_t ascii_end(const unsigned char *p, size_t i, size_t n)
{
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/*
 * Length of the longest valid UTF-8 prefix of p[0..n) (RFC 3629: no
 * overlongs, surrogates or code points above U+10FFFF). *st says why it
 * stopped: U8_SHORT when the rest is a valid but incomplete sequence.
 */
static size_t utf8_prefix(const unsigned char *p, size_t n, u8_state *st)
{
	size_t i = 0, len, k;

	for (; i < n; i += len) {
		unsigned c, lo = 0x80, hi = 0xBF;

		if ((i = ascii_end(p, i, n)) == n)
			break;
		if ((c = p[i]) >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			lo = c == 0xE0 ? 0xA0 : lo;
			hi = c == 0xED ? 0x9F : hi;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			lo = c == 0xF0 ? 0x90 : lo;
			hi = c == 0xF4 ? 0x8F : hi;
		} else {
			*st = U8_BAD;
			return i;
		}
		for (k = 1; k < len; k++) {
			if (i + k >= n) {
				*st = U8_SHORT;
				return i;
			}
			if (k == 1 ? p[i + 1] < lo || p[i + 1] > hi : (p[i + k] & 0xC0) != 0x80) {
				*st = U8_BAD;
				return i;
			}
		}
	}
	*st = U8_OK;
	return n;
}

bool rs_utf8_valid(const char *s, size_t n)
{
	u8_state st;

	return utf8_prefix((const unsigned char *)s, n, &st) == n;
}

/* fread that records end of file and turns a stream error into RS_EIO. */
static rs_status read_some(rs_input *in, char *dst, size_t cap, size_t *got, rs_error *err)
{
	errno = 0;
	*got = cap ? fread(dst, 1, cap, in->fp) : 0;
	if (*got < cap) {
		if (ferror(in->fp)) {
			err->file = in->name;
			return rs_error_set(err, RS_EIO, 0, "read error: %s", strerror(errno ? errno : EIO));
		}
		in->eof = true;
	}
	return RS_OK;
}

/* The encoding error to report once the bytes before it are delivered. */
static void set_pending(rs_input *in, const char *fmt, ...)
{
	va_list ap;

	in->pending = RS_EENCODING;
	va_start(ap, fmt);
	(void)vsnprintf(in->pending_msg, sizeof in->pending_msg, fmt, ap);
	va_end(ap);
}

/* Records the invalid bytes at p (n available) as the error to come. */
static void pending_bad_bytes(rs_input *in, const unsigned char *p, size_t n, bool truncated)
{
	char bytes[24] = "";
	size_t k, used = 0;

	for (k = 0; k < n && k < 4; k++)
		used += (size_t)snprintf(bytes + used, sizeof bytes - used, "%s0x%02X",
		                         k ? " " : "", p[k]);
	if (in->utf8)
		set_pending(in, rs_msg(in->lang, RS_M_E_ENC_UTF8),
		            rs_msg(in->lang, truncated ? RS_M_E_ENC_SEQ : RS_M_E_ENC_BYTES), bytes);
	else
		set_pending(in, rs_msg(in->lang, RS_M_E_ENC_BAD), in->enc,
		            truncated ? rs_msg(in->lang, RS_M_E_ENC_TRUNC) : "", bytes);
}

/* Validates raw[raw_valid..raw_len) after the raw block changed. */
static void utf8_scan_raw(rs_input *in)
{
	u8_state st;
	size_t rest = in->raw_len - in->raw_valid;
	const unsigned char *p = (const unsigned char *)in->raw + in->raw_valid;
	size_t v = utf8_prefix(p, rest, &st);

	in->raw_valid += v;
	if (st == U8_BAD || (st == U8_SHORT && in->eof))
		pending_bad_bytes(in, p + v, rest - v, st == U8_SHORT);
}

/* Moves the undelivered raw bytes to the front and reads more behind them. */
static rs_status refill_raw(rs_input *in, rs_error *err)
{
	size_t left = in->raw_len - in->raw_off, got;
	rs_status st;

	memmove(in->raw, in->raw + in->raw_off, left);
	in->raw_valid = 0; /* utf8: refilled only when all valid bytes are out */
	in->raw_off = 0;
	in->raw_len = left;
	st = read_some(in, in->raw + left, RAW_CAP - left, &got, err);
	in->raw_len += got;
	return st;
}

static rs_status utf8_decode(rs_input *in, char *dst, size_t cap, size_t *got, rs_error *err)
{
	rs_status st;

	*got = 0;
	while (*got == 0) {
		if (in->raw_off < in->raw_valid) {
			size_t n = in->raw_valid - in->raw_off;

			n = n < cap ? n : cap;
			memcpy(dst, in->raw + in->raw_off, n);
			in->raw_off += n;
			*got = n;
			break;
		}
		if (in->pending != RS_OK || in->eof)
			break;
		if ((st = refill_raw(in, err)) != RS_OK)
			return st;
		utf8_scan_raw(in);
	}
	return RS_OK;
}

/* UTF-8 characters in a row that make a line UTF-8, not GBK (guard_scan). */
#define UTF8_RUN 4
enum { GUARD_NONE, GUARD_CJK, GUARD_LATIN };

/*
 * Auto GB18030 decodes UTF-8 bytes without error, as mojibake, so a UTF-8
 * line in a GBK file would pass silently. UTF8_RUN consecutive 3-byte UTF-8
 * sequences of CJK ideographs (lead E4-E9) give it away: GBK text forms one
 * by chance at a few positions in a thousand, UTF8_RUN in a row practically
 * never. Marks the first such run in raw[raw_off..raw_len) (run_at) and,
 * before end of input, where a run that the next block might complete
 * starts (hold), so no byte of it is converted early.
 */
static void guard_scan(rs_input *in)
{
	const unsigned char *p = (const unsigned char *)in->raw;
	size_t i = in->raw_off, n = in->raw_len, start = 0, k = 0;

	in->run_at = in->hold = SIZE_MAX;
	/* Read as Windows-1252, UTF-8 accented letters are "Ã" and a symbol:
	 * C3 80-BF, which Latin text does not hold. */
	for (; in->guard == GUARD_LATIN && i < n; i++)
		if (p[i] == 0xC3 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
			in->run_at = i;
			return;
		} else if (p[i] == 0xC3 && i + 1 == n && !in->eof) {
			in->hold = i;
			return;
		}
	while (in->guard == GUARD_CJK && i < n) {
		if (p[i] >= 0xE4 && p[i] <= 0xE9 && i + 2 < n &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
			if (k++ == 0)
				start = i;
			if (k == UTF8_RUN) {
				in->run_at = start;
				return;
			}
			i += 3;
		} else if (i + 2 >= n && !in->eof) {
			break; /* fewer than 3 bytes left: they may start a sequence */
		} else {
			k = 0;
			i++;
		}
	}
	if (!in->eof && in->guard == GUARD_CJK)
		in->hold = k > 0 ? start : i;
}

static void pending_utf8_run(rs_input *in, size_t at)
{
	const unsigned char *p = (const unsigned char *)in->raw + at;

	set_pending(in, rs_msg(in->lang, RS_M_E_ENC_MIXED), p[0], p[1], in->enc,
	            in->guard == GUARD_CJK ? "GBK" : "Windows-1252",
	            in->guard == GUARD_CJK ? "gbk" : "cp1252");
}

/*
 * iconv from raw into dst; stops at the first invalid input byte and, with
 * the guard, before a UTF-8 run (an error) or a possible one (until more
 * input says which).
 */
static rs_status iconv_decode(rs_input *in, char *dst, size_t cap, size_t *got, rs_error *err)
{
	char *out = dst;
	size_t outleft = cap;
	rs_status st;

	while (out == dst && in->pending == RS_OK) {
		size_t stop = in->run_at < in->hold ? in->run_at : in->hold;
		char *inp = in->raw + in->raw_off;
		size_t inleft = (stop < in->raw_len ? stop : in->raw_len) - in->raw_off;
		size_t r = iconv(in->cd, &inp, &inleft, &out, &outleft);
		int e = errno;

		in->raw_off = (size_t)(inp - in->raw);
		if (r == (size_t)-1 && e == EILSEQ) {
			pending_bad_bytes(in, (unsigned char *)inp, inleft, false);
		} else if (r == (size_t)-1 && e != EINVAL) {
			break; /* E2BIG: dst is full */
		} else if (stop < in->raw_len && stop == in->run_at) {
			pending_utf8_run(in, stop);
			break;
		} else if (stop >= in->raw_len && in->eof) {
			if (inleft > 0)
				pending_bad_bytes(in, (unsigned char *)inp, inleft, true);
			else /* end of input: shift back a stateful encoding */
				(void)iconv(in->cd, NULL, NULL, &out, &outleft);
			break;
		} else if (out != dst) {
			break;
		} else if ((st = refill_raw(in, err)) != RS_OK) {
			return st;
		} else {
			guard_scan(in); /* without the guard, run_at and hold stay SIZE_MAX */
		}
	}
	*got = cap - outleft;
	return RS_OK;
}

static rs_status decode(rs_input *in, char *dst, size_t cap, size_t *got, rs_error *err)
{
	if (in->utf8)
		return utf8_decode(in, dst, cap, got, err);
	return iconv_decode(in, dst, cap, got, err);
}

static rs_status deliver_dec(rs_input *in, char *buf, size_t cap, size_t *got)
{
	size_t n = in->dec_len - in->dec_off;

	n = n < cap ? n : cap;
	memcpy(buf, in->dec + in->dec_off, n);
	in->dec_off += n;
	*got = n;
	return RS_OK;
}

/* Decodes into the peek buffer, behind what it holds, until it is full, the
 * input ends or an error waits. */
static rs_status fill_dec(rs_input *in, rs_error *err)
{
	size_t got = 1;
	rs_status st = RS_OK;

	if (in->dec == NULL && (in->dec = rs_malloc(PEEK_CAP)) == NULL) {
		err->file = in->name;
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	while (st == RS_OK && got > 0 && in->dec_len < PEEK_CAP) {
		st = decode(in, in->dec + in->dec_len, PEEK_CAP - in->dec_len, &got, err);
		in->dec_len += st == RS_OK ? got : 0;
	}
	return st;
}

rs_status rs_input_read(rs_input *in, char *buf, size_t cap, size_t *got, rs_error *err)
{
	rs_status st;

	*got = 0;
	/* iconv cannot write a character into fewer bytes than it takes (E2BIG
	 * with nothing written would look like end of input), so tiny reads go
	 * through the peek buffer. */
	if (in->dec_off == in->dec_len && !in->utf8 && cap < 16) {
		in->dec_off = in->dec_len = 0;
		if ((st = fill_dec(in, err)) != RS_OK)
			return st;
	}
	if (in->dec_off < in->dec_len)
		return deliver_dec(in, buf, cap, got);
	st = decode(in, buf, cap, got, err);
	if (st != RS_OK || *got > 0 || in->pending == RS_OK)
		return st;
	err->file = in->name; /* the bytes before the error are all out */
	return rs_error_set(err, in->pending, 0, "%s", in->pending_msg);
}

rs_status rs_input_peek(rs_input *in, const char **p, size_t *n, rs_error *err)
{
	rs_status st;

	if (!in->peeked) {
		in->peeked = true;
		if ((st = fill_dec(in, err)) != RS_OK)
			return st;
	}
	*p = in->dec + in->dec_off;
	*n = in->dec_len - in->dec_off;
	return RS_OK;
}

/* Byte-order marks and the encodings they start (UTF-32LE's before UTF-16LE's). */
static const struct {
	const char *bytes, *enc;
	size_t len;
} boms[] = {
	{"\xEF\xBB\xBF", "UTF-8", 3},       {"\xFF\xFE\0\0", "UTF-32LE", 4},
	{"\0\0\xFE\xFF", "UTF-32BE", 4},   {"\xFF\xFE", "UTF-16LE", 2},
	{"\xFE\xFF", "UTF-16BE", 2},
};

static bool is_utf8_name(const char *s)
{
	return strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0;
}

/* A converter from enc to UTF-8, or the usage error naming enc. */
static rs_status open_iconv(iconv_t *cd, const char *enc, rs_error *err)
{
	*cd = iconv_open("UTF-8", enc);
	if (*cd == (iconv_t)-1)
		return rs_error_set(err, RS_EUSAGE, 0, "unknown encoding %s (try utf-8, gb18030, gbk, "
		                    "big5 or latin1; `iconv -l` lists all)", enc);
	return RS_OK;
}

static rs_status use_iconv(rs_input *in, const char *enc, rs_error *err)
{
	err->file = in->name;
	if (open_iconv(&in->cd, enc, err) != RS_OK)
		return RS_EUSAGE;
	in->utf8 = false;
	(void)snprintf(in->enc, sizeof in->enc, "%s", enc);
	return RS_OK;
}

/*
 * For a first block that is not valid UTF-8: true when the bytes of valid
 * multi-byte UTF-8 characters outnumber the invalid bytes twice over: a UTF-8
 * file with a bad line (say one GBK name pasted in), which must be an error
 * naming that line, not a whole file decoded as GB18030 into mojibake. GBK
 * text read as UTF-8 is invalid at nearly every character, and only a small
 * share of its byte pairs happen to form valid sequences.
 */
static bool mostly_utf8(const unsigned char *p, size_t n)
{
	size_t good = 0, bad = 0, i = 0;
	u8_state st;

	while (i < n) {
		size_t v = utf8_prefix(p + i, n - i, &st);

		for (size_t k = i; k < i + v; k++)
			good += p[k] >= 0x80;
		i += v;
		if (st != U8_BAD)
			break;
		bad++;
		i++;
	}
	return good > 2 * bad;
}

/* Without a BOM: UTF-16 when one byte of most pairs is zero (ASCII text). */
static const char *utf16_by_zeros(const unsigned char *p, size_t n)
{
	size_t z[2] = {0, 0}, i;

	for (i = 0; i + 1 < n; i += 2) {
		z[0] += p[i] == 0;
		z[1] += p[i + 1] == 0;
	}
	if (n >= 4 && z[1] * 4 > n && z[0] * 16 < n)
		return "UTF-16LE";
	if (n >= 4 && z[0] * 4 > n && z[1] * 16 < n)
		return "UTF-16BE";
	return NULL;
}

/* Frequent Chinese characters, simplified and traditional, sorted: all
 * 3-byte UTF-8, so a byte order is the code point order. */
static const char common_hanzi[] =
	"一丁七万三上下不与专世业东两严並个中为主么义之九也书了争事二于五些交产享"
	"京亲人什今从他付代令以仪们件任份众会传似但位住体何余佛作你使來供侯便保信"
	"個們倒候做備傳像儀億儿元先光兒党入內全兩八公六共关兴兵其具内再写军冯决几"
	"出分刘则別利别到制刷前劉力办功加务动動務包化北区医區十千半华协協单南卢卫"
	"印即却卻历原厦去又及友双反发取受变口只叫可台史叶司吃各合同名后向吕否吧听"
	"吳吴呂告员呢周命和咨品員唐售商喜器嚴四回因团国國團在地圳场坏城基報場塑壞"
	"士声处备夏外多大天太夫失头女她好如始委姚姜子孔字孙孟学孩孫學宁它安宋完定"
	"实客家容密實寫对导将將專對導小少就尹局层展属層屬山岛崔州工己已市师带師帶"
	"常干平年并幾广庆应度廖建开式弟张張強强当形彭影往很後徐得從德心必志快怎思"
	"性总息情想意愛感應成我或战戰戴戶户房所手才打找技把报拿持指据接提收改放政"
	"教数數文料斯新方无日早时明易是時晤更書曹曾最會月有服望期未本术朱机权李材"
	"杜条来杨杭東极林果校样根梁條械楊業極樣權次正此步武歷死段每比毛民气氣水求"
	"汉江汤汪決汽沈没治法波注津活派流济海深清港湯源满滿潘澳濟火点為然熊爭爱父"
	"片版物特状狀独獨王环现現理環甚生產用田由电界留略當發白百的监監目直相看真"
	"眼眾着知石研社神离种科秦程種究空立站笑第等签算管簽米精系紅組結給統經網總"
	"織繫红纺组织经结给络统网罗署羅美義老者而联聯聲聽肖股胡能脸膠臉自至臺與興"
	"色花苏若英范药莞莫華萬落葉著董蒋蔡薛藥蘇處虽行術衛表袁被装裝裡製西要見視"
	"親覺觀见观视觉解言訊設許詢話該認語說誰論謝識譚議讀變讓计订认让议记许论设"
	"识话询该语说请读谁谢谭象貿賀資購购贸贺贾资走赵起越趙跟路身車軍軟較輕轉车"
	"转软轻较辦边达过运近还这进远连這通造連運過道達遠還邊邓那邱邵邹郑郝部郭都"
	"鄧鄭醫采里重量金銷鋼錢鍾鐵钟钢钱铁销键長长門間關门问间队际陆陈限院陳陶陸"
	"隊際难雄集雖雙離難雷電青非面革韓韦韩音領頭額顧项顾领题额風风飛飞食首香馬"
	"馮马體高魏麼黃黄黎點黨龔龙龚";

static int cmp3(const void *a, const void *b)
{
	return memcmp(a, b, 3);
}

static bool common_cjk(uint32_t c)
{
	unsigned char k[3] = {(unsigned char)(0xE0 | c >> 12), (unsigned char)(0x80 | (c >> 6 & 0x3F)),
	                      (unsigned char)(0x80 | (c & 0x3F))};

	return bsearch(k, common_hanzi, (sizeof common_hanzi - 1) / 3, 3, cmp3) != NULL;
}

static bool latin_letter(uint32_t c)
{
	return (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) || c == 0x152 || c == 0x153 ||
	       c == 0x160 || c == 0x161 || c == 0x178 || c == 0x17D || c == 0x17E;
}

static bool ascii_letter(uint32_t c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * How text of n code points reads, per character beyond ASCII: Chinese (a
 * frequent character 2, another ideograph or CJK punctuation 1, anything
 * else -2: kana, Greek, box drawing, private use), Japanese (the same, kana
 * 2: Big5's most frequent lead byte gives GB18030 kana) or, for a Latin
 * encoding, words with accents (a Latin letter beside an ASCII one 2, a
 * symbol 1, anything else -2: runs of accented capitals are CJK bytes).
 */
static double reading(const uint32_t *u, size_t n, bool latin, bool kana)
{
	double sum = 0;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		uint32_t c = u[i];

		if (c < 0x80)
			continue;
		k++;
		if (kana && c >= 0x3041 && c <= 0x30FE)
			sum += 2;
		else if (!latin)
			sum += common_cjk(c) ? 2
			       : (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
			                 (c >= 0xFF01 && c <= 0xFF5E) ? 1 : -2;
		else if (latin_letter(c))
			sum += (i > 0 && ascii_letter(u[i - 1])) || (i + 1 < n && ascii_letter(u[i + 1])) ? 2 : -2;
		else
			sum += (c >= 0xA0 && c <= 0xBF) || (c >= 0x2013 && c <= 0x2026) || c == 0x20AC ||
			       c == 0x2122 ? 1 : -2;
	}
	return k > 0 ? sum / (double)k : 0;
}

/*
 * The first block, to end, decoded as enc into u (cap code points): how it
 * reads, or -HUGE_VAL when a byte is invalid in enc.
 */
static double read_as(const rs_input *in, size_t end, const char *enc, uint32_t *u, size_t cap)
{
	iconv_t cd = iconv_open("UTF-32LE", enc);
	char *ip = in->raw + in->raw_off, *op = (char *)u;
	size_t il = end - in->raw_off, ol = cap * sizeof *u, r, i, n;
	const unsigned char *b = (const unsigned char *)u;
	int e;

	if (cd == (iconv_t)-1)
		return -HUGE_VAL;
	r = iconv(cd, &ip, &il, &op, &ol);
	e = errno;
	(void)iconv_close(cd);
	if (r == (size_t)-1 && (e == EILSEQ || (e == EINVAL && in->eof && end == in->raw_len)))
		return -HUGE_VAL;
	n = (cap * sizeof *u - ol) / 4;
	for (i = 0; i < n; i++)
		u[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 |
		       (uint32_t)b[4 * i + 3] << 24;
	return reading(u, n, strcmp(enc, "CP1252") == 0, strcmp(enc, "CP932") == 0);
}

/*
 * A first block that is not UTF-8: the encoding among GB18030, Big5,
 * Windows-1252 and Shift_JIS in which it reads best as text (ties go in that order),
 * not the first that accepts the bytes: GB18030 accepts nearly any.
 */
static rs_status encoding_by_reading(rs_input *in, rs_error *err)
{
	static const char *const iconv_name[] = {"GB18030", "BIG5", "CP1252", "CP932"};
	static const char *const shown[] = {"GB18030", "Big5", "Windows-1252", "Shift_JIS"};
	uint32_t *u = rs_malloc(RAW_CAP * sizeof *u);
	double best = 0.5, score; /* below: none reads clearly */
	size_t i, pick = 4, fails = 0, end;
	rs_status st;

	if (u == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	/* Only the text before a UTF-8 line: that line is the guard's error. */
	in->guard = GUARD_CJK;
	guard_scan(in);
	end = in->run_at < in->raw_len ? in->run_at : in->raw_len;
	for (i = 0; i < 4; i++) {
		if ((score = read_as(in, end, iconv_name[i], u, RAW_CAP)) > best) {
			best = score;
			pick = i;
		} else if (score == -HUGE_VAL) {
			fails++;
		}
	}
	rs_free(u);
	if (pick == 4) {
		/* The text up to the first byte that is not UTF-8 is delivered as
		 * such (a zip's "PK" included, for the reader's hint), then this. */
		in->utf8 = true;
		(void)snprintf(in->enc, sizeof in->enc, "UTF-8");
		utf8_scan_raw(in);
		set_pending(in, "%s",
		            rs_msg(in->lang, fails == 4 ? RS_M_E_ENC_NEITHER : RS_M_E_ENC_UNCLEAR));
		return RS_OK;
	}
	if ((st = use_iconv(in, iconv_name[pick], err)) != RS_OK)
		return st;
	(void)snprintf(in->enc, sizeof in->enc, "%s", shown[pick]);
	in->guard = pick == 0 ? GUARD_CJK : pick == 2 ? GUARD_LATIN : GUARD_NONE;
	guard_scan(in);
	return RS_OK;
}

/*
 * Picks the decoder from the first block, already in raw: a BOM decides
 * (UTF-16/32 are converted through iconv); else a named encoding (NULL:
 * auto); else UTF-16 by its zero bytes, valid UTF-8, or encoding_by_reading.
 */
static rs_status choose_encoding(rs_input *in, const char *encoding, rs_error *err)
{
	const unsigned char *p = (const unsigned char *)in->raw;
	bool automatic = encoding == NULL;
	const char *bom;
	size_t i;
	u8_state st8;

	for (i = 0; i < sizeof boms / sizeof boms[0]; i++)
		if (in->raw_len >= boms[i].len && memcmp(p, boms[i].bytes, boms[i].len) == 0)
			break;
	if (i == 0) {
		in->raw_off = in->raw_valid = 3;
		automatic = false;
		encoding = "UTF-8";
	} else if (i < sizeof boms / sizeof boms[0]) {
		in->raw_off = boms[i].len;
		return use_iconv(in, boms[i].enc, err);
	}
	if ((automatic || strcasecmp(encoding, "utf-16") == 0 || strcasecmp(encoding, "utf16") == 0) &&
	    (bom = utf16_by_zeros(p, in->raw_len)) != NULL)
		return use_iconv(in, bom, err);
	if (!automatic && !is_utf8_name(encoding))
		return use_iconv(in, strcasecmp(encoding, "utf-16") == 0 ? "UTF-16LE" : encoding, err);
	if (automatic) {
		(void)utf8_prefix(p, in->raw_len, &st8);
		if ((st8 == U8_BAD || (st8 == U8_SHORT && in->eof)) && !mostly_utf8(p, in->raw_len))
			return encoding_by_reading(in, err);
	}
	in->utf8 = true;
	(void)snprintf(in->enc, sizeof in->enc, "UTF-8");
	utf8_scan_raw(in);
	return RS_OK;
}

rs_status rs_input_open(rs_input **out, FILE *fp, const char *name,
                        const char *encoding, rs_lang lang, rs_error *err)
{
	rs_input *in;
	rs_status st;

	*out = NULL;
	err->file = name;
	if (encoding != NULL && (encoding[0] == '\0' || strcasecmp(encoding, "auto") == 0))
		encoding = NULL;
	/* A name a BOM overrides must still be one iconv knows. */
	if (encoding != NULL && !is_utf8_name(encoding)) {
		iconv_t cd;

		if ((st = open_iconv(&cd, encoding, err)) != RS_OK)
			return st;
		(void)iconv_close(cd);
	}
	in = rs_calloc(1, sizeof *in);
	if (in == NULL || (in->raw = rs_malloc(RAW_CAP)) == NULL) {
		rs_free(in);
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	}
	in->fp = fp;
	in->name = name;
	in->lang = lang;
	in->cd = (iconv_t)-1;
	in->run_at = in->hold = SIZE_MAX;
	st = read_some(in, in->raw, RAW_CAP, &in->raw_len, err);
	if (st == RS_OK)
		st = choose_encoding(in, encoding, err);
	if (st != RS_OK) {
		rs_input_free(in);
		return st;
	}
	*out = in;
	return RS_OK;
}

const char *rs_input_encoding(const rs_input *in)
{
	return in->enc;
}

void rs_input_free(rs_input *in)
{
	if (in == NULL)
		return;
	if (in->cd != (iconv_t)-1)
		(void)iconv_close(in->cd);
	rs_free(in->dec);
	rs_free(in->raw);
	rs_free(in);
}
