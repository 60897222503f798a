/*
 * gen.c - deterministic generator of a synthetic customer export for the
 * benchmark: `gen ROWS [csv|jsonl] > file`. Same seed, same bytes, on every
 * machine (own PRNG, no rand(), no floating-point formatting of randoms).
 *
 * The mix is meant to look like a real CRM export: ~60% of rows give
 * purchase_share (sometimes with '%'), the rest give our_sales and
 * customer_spend; ~30% Chinese names; English names with commas and double
 * quotes (so CSV quoting is exercised); a few empty cells (unknown); shares
 * spread so that all four stages occur, and bonds correlated with share so
 * that some high-share accounts are strategic and some are not.
 * Every row is classifiable: the share can always be derived and
 * our_sales <= customer_spend.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64: tiny, well-distributed, and the same everywhere. */
static uint64_t rng_state = 0x5EED2024C0FFEEULL;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

/* True with probability pct/100. */
static int chance(unsigned pct)
{
	return below(100) < pct;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const en_word[] = {
	"Acme",    "Northwind", "Contoso",  "Globex",  "Initech", "Umbrella",
	"Stark",   "Wayne",     "Tyrell",   "Cyberdyne", "Hooli", "Vandelay",
	"Soylent", "Massive",   "Oceanic",  "Pied Piper", "Aperture", "Gringotts",
};
static const char *const en_trade[] = {
	"Tools", "Plastics", "Logistics", "Foods", "Metals", "Chemicals",
	"Electronics", "Textiles", "Motors", "Packaging",
};
static const char *const en_suffix[] = {
	"Ltd", "Inc.", "GmbH", "LLC", "Co.", "AG", "S.A.", "plc",
};
static const char *const zh_city[] = {
	"上海", "北京", "深圳", "苏州", "杭州", "成都", "武汉", "天津", "宁波", "青岛",
};
static const char *const zh_core[] = {
	"华东", "恒信", "宏达", "金源", "新锐", "永辉", "中天", "瑞丰",
};
static const char *const zh_trade[] = {
	"精密", "机械", "电子", "化工", "物流", "食品", "材料", "科技",
};
static const char *const zh_suffix[] = {
	"有限公司", "股份有限公司", "集团", "公司",
};
static const char *const level_en[] = { "staff", "manager", "director", "executive" };
static const char *const level_zh[] = { "员工", "经理", "总监", "高层" };
static const char *const region_en[] = { "East China", "North China", "South China", "Southwest", "Central" };
static const char *const region_zh[] = { "华东", "华北", "华南", "西南" };
static const char *const owner[] = {
	"Li Wei", "Zhang Min", "J. Smith", "A. Müller", "Wang Fang", "K. Tanaka",
	"M. Rossi", "Chen Jie", "S. Patel", "刘洋", "王芳", "赵磊",
};

/* One generated account, already in the shape both writers need. */
struct acct {
	unsigned long id;
	char name[96];       /* raw text, unquoted */
	int share_given;     /* purchase_share column is filled */
	int share_pct_sign;  /* ... and carries a trailing '%' */
	unsigned share10;    /* share in tenths of a percent, 0..1000 */
	int amounts_given;   /* our_sales and customer_spend filled */
	unsigned long our_sales, spend;
	int v[11];           /* contacts..info_sharing; -1 = empty (unknown) */
	int zh;              /* Chinese row: Chinese words for booleans/levels */
	int boolstyle;       /* 0 yes/no, 1 Y/N, 2 true/false, 3 1/0, 4 是/否 */
	int region, owner;   /* index, -1 = empty */
};

enum { V_CONTACTS, V_DEPTS, V_LEVEL, V_KEY, V_YEARS, V_JOINT, V_MEET,
       V_AGREE, V_EQUITY, V_EXCL, V_INFO };

static void make_name(struct acct *a)
{
	if (a->zh) {
		snprintf(a->name, sizeof a->name, "%s%s%s%s", zh_city[below(COUNT(zh_city))],
		         zh_core[below(COUNT(zh_core))], zh_trade[below(COUNT(zh_trade))],
		         zh_suffix[below(COUNT(zh_suffix))]);
		return;
	}
	const char *w = en_word[below(COUNT(en_word))];
	const char *t = en_trade[below(COUNT(en_trade))];
	const char *s = en_suffix[below(COUNT(en_suffix))];
	unsigned k = below(10);
	if (k < 3) /* "Acme Tools, Inc." : a comma forces quoting */
		snprintf(a->name, sizeof a->name, "%s %s, %s", w, t, s);
	else if (k == 3) /* a nickname in double quotes: doubled in CSV */
		snprintf(a->name, sizeof a->name, "%s \"%s\" %s", w, t, s);
	else
		snprintf(a->name, sizeof a->name, "%s %s %s", w, t, s);
}

/* Share band first, then signals correlated with it, as in real books. */
static void make_acct(struct acct *a, unsigned long id)
{
	memset(a, 0, sizeof *a);
	a->id = id;
	a->zh = chance(30);
	make_name(a);
	unsigned band = below(100);
	if (band < 12)
		a->share10 = 0;
	else if (band < 50)
		a->share10 = 1 + below(499);
	else if (band < 82)
		a->share10 = 500 + below(300);
	else
		a->share10 = 800 + below(201);
	if (chance(3)) /* exact boundaries show up in real data */
		a->share10 = chance(50) ? 500 : 800;
	int hi = a->share10 >= 800, mid = a->share10 >= 500;

	a->share_given = chance(60);
	a->share_pct_sign = a->share_given && chance(40);
	a->amounts_given = !a->share_given || chance(40);
	if (a->amounts_given) {
		a->spend = (10000UL + below(490000)) * (1UL + below(10));
		/* rounding to whole units is the export's, as in real data */
		a->our_sales = (unsigned long)(((unsigned long long)a->spend * a->share10 + 500) / 1000);
	}
	a->v[V_CONTACTS] = 1 + (int)below(hi ? 25 : mid ? 12 : 4);
	a->v[V_DEPTS] = 1 + (int)below(hi ? 6 : mid ? 4 : 2);
	a->v[V_LEVEL] = (int)below(hi ? 4 : mid ? 3 : 2) + (hi && chance(50) ? 1 : 0);
	if (a->v[V_LEVEL] > 3)
		a->v[V_LEVEL] = 3;
	a->v[V_KEY] = chance(hi ? 70 : mid ? 45 : 15);
	a->v[V_YEARS] = (int)below(hi ? 20 : mid ? 12 : 5);
	a->v[V_JOINT] = chance(hi ? 55 : mid ? 20 : 3) ? 1 + (int)below(4) : 0;
	a->v[V_MEET] = (int)below(hi ? 7 : mid ? 3 : 2);
	a->v[V_AGREE] = chance(hi ? 45 : mid ? 10 : 1);
	a->v[V_EQUITY] = chance(hi ? 12 : 1);
	a->v[V_EXCL] = chance(hi ? 40 : mid ? 10 : 0);
	a->v[V_INFO] = chance(hi ? 60 : mid ? 30 : 5);
	for (size_t i = 0; i < COUNT(a->v); i++)
		if (chance(4))
			a->v[i] = -1;
	a->boolstyle = (int)below(10);
	a->boolstyle = a->zh && a->boolstyle < 5 ? 4 : a->boolstyle < 7 ? 0 : a->boolstyle - 6;
	a->region = chance(3) ? -1 : (int)below(a->zh ? COUNT(region_zh) : COUNT(region_en));
	a->owner = chance(3) ? -1 : (int)below(COUNT(owner));
}

static const char *boolword(int style, int v, int json)
{
	static const char *const w[5][2] = {
		{ "no", "yes" }, { "N", "Y" }, { "false", "true" }, { "0", "1" }, { "否", "是" },
	};
	if (json)
		return v ? "true" : "false";
	return w[style][v != 0];
}

/* Share in tenths as text without float formatting: 455 -> "45.5", 500 -> "50". */
static void put_share(FILE *f, unsigned s10)
{
	if (s10 % 10)
		fprintf(f, "%u.%u", s10 / 10, s10 % 10);
	else
		fprintf(f, "%u", s10 / 10);
}

static void put_csv_text(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

static void put_json_text(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putc('\\', f);
		putc(*s, f);
	}
	putc('"', f);
}

static const char *const column[] = {
	"account_id", "company", "purchase_share", "our_sales", "customer_spend",
	"contacts", "departments", "top_contact_level", "key_person",
	"relationship_years", "joint_projects", "exec_meetings",
	"strategic_agreement", "equity_tie", "exclusive", "info_sharing",
	"region", "owner",
};

/* One cell: key and separator for JSON, separator for CSV; NULL text = empty. */
static void cell(FILE *f, int json, size_t col, const char *text, int quoted)
{
	if (col > 0)
		putc(',', f);
	if (json)
		fprintf(f, "\"%s\":", column[col]);
	if (text == NULL) {
		if (json)
			fputs("null", f);
	} else if (quoted) {
		if (json)
			put_json_text(f, text);
		else
			put_csv_text(f, text);
	} else {
		fputs(text, f);
	}
}

static void write_acct(FILE *f, const struct acct *a, int json)
{
	char idbuf[24], num[32];
	size_t c = 0;

	if (json)
		putc('{', f);
	snprintf(idbuf, sizeof idbuf, "ACC-%08lu", a->id);
	cell(f, json, c++, idbuf, 1);
	cell(f, json, c++, a->name, 1);
	if (a->share_given) {
		cell(f, json, c++, "", 0);
		put_share(f, a->share10);
		if (a->share_pct_sign && !json)
			putc('%', f);
	} else {
		cell(f, json, c++, NULL, 0);
	}
	snprintf(num, sizeof num, "%lu", a->our_sales);
	cell(f, json, c++, a->amounts_given ? num : NULL, 0);
	snprintf(num, sizeof num, "%lu", a->spend);
	cell(f, json, c++, a->amounts_given ? num : NULL, 0);
	for (size_t i = 0; i < COUNT(a->v); i++, c++) {
		int v = a->v[i];
		if (v < 0) {
			cell(f, json, c, NULL, 0);
		} else if (i == V_LEVEL) {
			cell(f, json, c, (a->zh && a->boolstyle == 4 ? level_zh : level_en)[v], 1);
		} else if (i == V_KEY || i >= V_AGREE) {
			cell(f, json, c, boolword(a->boolstyle, v, json), 0);
		} else {
			snprintf(num, sizeof num, "%d", v);
			cell(f, json, c, num, 0);
		}
	}
	cell(f, json, c++, a->region < 0 ? NULL : (a->zh ? region_zh : region_en)[a->region], 1);
	cell(f, json, c++, a->owner < 0 ? NULL : owner[a->owner], 1);
	fputs(json ? "}\n" : "\n", f);
}

int main(int argc, char **argv)
{
	static char obuf[1 << 20];
	char *end;
	int json = 0;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gen ROWS [csv|jsonl] > file\n");
		return 2;
	}
	unsigned long rows = strtoul(argv[1], &end, 10);
	if (*end != '\0') {
		fprintf(stderr, "gen: ROWS must be a number\n");
		return 2;
	}
	if (argc == 3) {
		if (strcmp(argv[2], "jsonl") == 0)
			json = 1;
		else if (strcmp(argv[2], "csv") != 0) {
			fprintf(stderr, "gen: format must be csv or jsonl\n");
			return 2;
		}
	}
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	if (!json)
		for (size_t i = 0; i < COUNT(column); i++)
			printf("%s%s", i ? "," : "", column[i]);
	if (!json)
		putchar('\n');
	for (unsigned long r = 1; r <= rows; r++) {
		struct acct a;
		make_acct(&a, r);
		write_acct(stdout, &a, json);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen: write");
		return 2;
	}
	return 0;
}
