/*
 * previous.c - an earlier relstage output, indexed by account id, for
 * --previous: upgrades, downgrades, new and vanished accounts. An open-
 * addressing hash table over ids kept in one arena (offsets, not pointers,
 * because the arena moves when it grows).
 */
#include <string.h>

#include "fields_impl.h"
#include "msg.h"
#include "previous_impl.h"

typedef struct entry {
	uint64_t hash;
	size_t off, len;
	long stage;              /* previous stage, or RS_PREV_NEW for ids only in this run */
	unsigned long seen_line; /* 0 until seen in this run */
	size_t seen_file;        /* where in files its file's name starts, + 1; 0: none */
	unsigned long rej_line;  /* 0 unless this run rejected a row with the id */
	unsigned long prev_line; /* where the previous file had it, 0 for new ids */
	bool used;
} entry;

struct rs_previous {
	entry *tab;
	size_t cap, count, loaded;
	rs_buf ids;
	rs_buf files;          /* this run's input names, each once, NUL-terminated */
	const char *last_file; /* the name last given to visit, and where its copy is */
	size_t last_off;
	/* while loading */
	const rs_rules *rules;
	const char *name;
	rs_fieldcfg cfg; /* the input's mapping: -m, --ignore, the map file (borrowed) */
	long id_col, stage_col;
	bool unquote; /* CSV or TSV: undo formula neutralisation of ids */
	rs_diag_fn diag;
	void *ctx;
};

static entry *find(const rs_previous *p, const char *id, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (p->cap - 1);

	while (p->tab[i].used) {
		entry *e = &p->tab[i];
		if (e->hash == h && e->len == n && memcmp(p->ids.data + e->off, id, n) == 0)
			return e;
		i = (i + 1) & (p->cap - 1);
	}
	return &p->tab[i];
}

static bool grow(rs_previous *p)
{
	size_t cap = p->cap ? p->cap * 2 : 1024, i, j;
	entry *tab = rs_calloc(cap, sizeof *tab);

	if (tab == NULL)
		return false;
	for (i = 0; i < p->cap; i++) {
		if (!p->tab[i].used)
			continue;
		j = (size_t)p->tab[i].hash & (cap - 1);
		while (tab[j].used)
			j = (j + 1) & (cap - 1);
		tab[j] = p->tab[i];
	}
	rs_free(p->tab);
	p->tab = tab;
	p->cap = cap;
	return true;
}

/* Inserts a new id; NULL when out of memory. */
static entry *insert(rs_previous *p, const char *id, size_t n, uint64_t h, long stage)
{
	entry *e;
	size_t off = p->ids.len;

	if ((p->count + 1) * 4 > p->cap * 3 && !grow(p))
		return NULL;
	if (!rs_buf_append(&p->ids, id, n) || !rs_buf_putc(&p->ids, '\0'))
		return NULL;
	e = find(p, id, n, h);
	*e = (entry){.hash = h, .off = off, .len = n, .stage = stage, .used = true};
	p->count++;
	return e;
}

long rs_previous_stage(const rs_previous *p, const char *id, size_t n)
{
	const entry *e = p->cap ? find(p, id, n, rs_hash(id, n)) : NULL;

	return e != NULL && e->used ? e->stage : RS_PREV_NEW;
}

/* The copy of this run's file name (its offset + 1, 0 for none); a name is
 * copied when it changes, so once per input file. */
static bool file_off(rs_previous *p, const char *file, size_t *off)
{
	if (file != NULL && file != p->last_file) {
		p->last_off = p->files.len + 1;
		if (!rs_buf_puts(&p->files, file) || !rs_buf_putc(&p->files, '\0'))
			return false;
		p->last_file = file;
	}
	*off = file != NULL ? p->last_off : 0;
	return true;
}

long rs_previous_visit(rs_previous *p, const char *id, size_t n, const char *file,
                       unsigned long line, const char **first_file, unsigned long *first_line)
{
	uint64_t h = rs_hash(id, n);
	entry *e = p->cap ? find(p, id, n, h) : NULL;
	size_t off;

	if (!file_off(p, file, &off))
		return RS_PREV_NOMEM;
	if (e == NULL || !e->used) {
		e = insert(p, id, n, h, RS_PREV_NEW);
		if (e == NULL)
			return RS_PREV_NOMEM;
		e->seen_line = line;
		e->seen_file = off;
		return RS_PREV_NEW;
	}
	if (e->seen_line != 0) {
		*first_file = e->seen_file ? p->files.data + e->seen_file - 1 : NULL;
		*first_line = e->seen_line;
		return RS_PREV_DUPLICATE;
	}
	e->seen_line = line;
	e->seen_file = off;
	return e->stage;
}

/*
 * The id column, found as in an input: the map file, -m and --ignore, then
 * the names. A previous output need not keep a share column (a file cut
 * down to id,stage is fine), so when the field map wants one, the stage
 * column stands in for it; and when a cut-down file lacks a column the map
 * file or --ignore names, -m alone decides. The first attempt's error is
 * the one reported.
 */
static rs_status find_id(rs_previous *p, const rs_row *h, rs_error *err)
{
	const char **maps = rs_calloc(p->cfg.nmaps + 1, sizeof *maps);
	rs_fieldcfg cfg = p->cfg;
	rs_fieldmap *m = NULL;
	rs_status st = RS_EUSAGE;
	rs_error again = {0};
	int pass;

	if (maps == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	for (size_t i = 0; i < p->cfg.nmaps; i++)
		maps[i] = p->cfg.maps[i];
	maps[p->cfg.nmaps] = "purchase_share=stage";
	for (pass = 0; pass < 4 && st == RS_EUSAGE; pass++) {
		cfg.maps = maps;
		cfg.nmaps = p->cfg.nmaps + (pass % 2 != 0);
		cfg.file = pass < 2 ? p->cfg.file : NULL;
		cfg.nignores = pass < 2 ? p->cfg.nignores : 0;
		again = *err;
		st = rs_fieldmap_build(&m, h, &cfg, NULL, pass == 0 ? err : &again);
		if (st != RS_OK) {
			rs_fieldmap_free(m);
			m = NULL;
		}
	}
	rs_free(maps);
	if (st != RS_OK && st != RS_EUSAGE && pass > 1)
		*err = again; /* out of memory on a later attempt */
	if (st != RS_OK)
		return st;
	p->id_col = rs_fieldmap_column(m, RS_F_ID);
	rs_fieldmap_free(m);
	return RS_OK;
}

/* Is column i "<P>_stage" (in lang) with "<P>_stage_label" after it? */
static bool prefixed_stage(const rs_row *h, size_t i, rs_lang lang)
{
	const char *stage = rs_col_names[lang][COL_STAGE], *label = rs_col_names[lang][COL_LABEL];
	size_t ns = strlen(stage), nl = strlen(label), np;

	if (h->len[i] <= ns + 1 || strcmp(h->cell[i] + h->len[i] - ns, stage) != 0 ||
	    h->cell[i][h->len[i] - ns - 1] != '_')
		return false;
	np = h->len[i] - ns; /* "P_" */
	return h->len[i + 1] == np + nl && memcmp(h->cell[i + 1], h->cell[i], np) == 0 &&
	       memcmp(h->cell[i + 1] + np, label, nl) == 0;
}

static rs_status on_header(void *ctx, const rs_row *h, rs_error *err)
{
	rs_previous *p = ctx;
	size_t i;

	p->stage_col = -1;
	for (i = 0; i < h->n; i++)
		if (strcmp(h->cell[i], rs_col_names[RS_LANG_EN][COL_STAGE]) == 0 ||
		    strcmp(h->cell[i], rs_col_names[RS_LANG_ZH][COL_STAGE]) == 0)
			p->stage_col = (long)i;
	/* Written with --prefix P: "P_stage" and right after it "P_stage_label". */
	for (i = 0; p->stage_col < 0 && i + 1 < h->n; i++)
		if (prefixed_stage(h, i, RS_LANG_EN) || prefixed_stage(h, i, RS_LANG_ZH))
			p->stage_col = (long)i;
	if (p->stage_col < 0)
		return rs_error_set(err, RS_EPARSE, 1,
		                    "no \"stage\" (or \"阶段\") %s: --previous takes an earlier relstage "
		                    "output written as csv, tsv, json or jsonl (not table)",
		                    rs_msg_tr(err->lang, RS_COL(p->cfg.keys)));
	return find_id(p, h, err);
}

static void report(rs_previous *p, unsigned long line, const char *fmt, const char *a,
                   unsigned long first)
{
	rs_error e = {.file = p->name};

	if (p->diag == NULL)
		return;
	(void)rs_error_set(&e, RS_EREJECT, line, fmt, a, first);
	p->diag(p->ctx, &e);
}

static rs_status on_row(void *ctx, const rs_row *r, rs_error *err)
{
	rs_previous *p = ctx;
	const char *id, *stage;
	size_t n;
	long si;
	entry *e;
	uint64_t h;

	if (r->reject != NULL || (size_t)p->stage_col >= r->n || (size_t)p->id_col >= r->n) {
		report(p, r->line, rs_msg(p->cfg.lang, RS_M_P_IGNORED),
		       r->reject ? r->reject : rs_msg(p->cfg.lang, RS_M_P_FEW), 0);
		return RS_OK;
	}
	id = r->cell[p->id_col];
	n = r->len[p->id_col];
	stage = r->cell[p->stage_col];
	/* CSV/TSV output neutralised formula-like ids with a leading quote. */
	if (p->unquote && n > 1 && id[0] == '\'' && strchr("=+-@\t\r", id[1]) != NULL) {
		id++;
		n--;
	}
	rs_value_trim(&id, &n); /* as this run's ids are read */
	if (rs_value_unformula(&id, &n)) /* ="00123" */
		rs_value_trim(&id, &n);
	if (n == 0) {
		report(p, r->line, "%s", rs_msg(p->cfg.lang, RS_M_P_EMPTY_ID), 0);
		return RS_OK;
	}
	si = rs_rules_stage_index(p->rules, stage);
	if (si < 0)
		return rs_error_set(err, RS_EPARSE, r->line,
		                    "stage \"%s\" is not a stage of the rules in force", stage);
	h = rs_hash(id, n);
	e = p->cap ? find(p, id, n, h) : NULL;
	if (e != NULL && e->used) {
		/* the id as stored: trimmed, ="..." undone */
		report(p, r->line, rs_msg(p->cfg.lang, RS_M_P_DUP), p->ids.data + e->off,
		       e->prev_line);
		return RS_OK;
	}
	if ((e = insert(p, id, n, h, si)) == NULL)
		return rs_error_set(err, RS_ENOMEM, r->line, "out of memory");
	e->prev_line = r->line;
	p->loaded++;
	return RS_OK;
}

rs_status rs_previous_load(rs_previous **out, FILE *fp, const char *name,
                           const rs_read_opts *ropts, const rs_rules *r,
                           const rs_classify_opts *co, rs_diag_fn diag, void *ctx, rs_error *err)
{
	rs_previous *p = rs_calloc(1, sizeof *p);
	rs_reader *rd = NULL;
	rs_read_opts ro = *ropts;
	rs_status st;

	*out = NULL;
	if (p == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	rs_buf_init(&p->ids);
	rs_buf_init(&p->files);
	p->rules = r;
	p->name = name;
	if (co != NULL) {
		p->cfg = rs_fieldcfg_of(co);
		ro.lang = co->lang;
	}
	p->diag = diag;
	p->ctx = ctx;
	p->id_col = p->stage_col = -1;
	ro.array_only = true; /* relstage's own output, never an object wrapping rows */
	err->file = name;
	st = rs_reader_open(&rd, fp, name, &ro, err);
	if (st == RS_OK) {
		rs_format f = rs_reader_format(rd);

		p->unquote = f == RS_FMT_CSV || f == RS_FMT_TSV;
		p->cfg.keys = f == RS_FMT_JSON || f == RS_FMT_JSONL;
		st = rs_reader_run(rd, on_header, on_row, p, err);
	}
	rs_reader_free(rd);
	if (st != RS_OK) {
		rs_previous_free(p);
		return st;
	}
	p->diag = NULL;
	*out = p;
	return RS_OK;
}

void rs_previous_reject(rs_previous *p, const char *id, size_t n, unsigned long line)
{
	entry *e;

	if (p->cap == 0)
		return;
	e = find(p, id, n, rs_hash(id, n));
	if (e->used && e->rej_line == 0)
		e->rej_line = line;
}

/*
 * In the previous file's order, so the list reads like that file. The id
 * arena holds the previous file's ids first, in file order (duplicates were
 * never inserted), then this run's new ids: walking its first `loaded` ids
 * needs no allocation, so the order cannot change when memory is short.
 */
void rs_previous_each(const rs_previous *p, bool rejected,
                      void (*fn)(void *ctx, const char *id, size_t stage), void *ctx)
{
	size_t off = 0, k, n;

	for (k = 0; k < p->loaded; k++, off += n + 1) {
		const char *id = p->ids.data + off;
		const entry *e;

		n = strlen(id);
		e = find(p, id, n, rs_hash(id, n));
		if (e->used && e->stage >= 0 && e->seen_line == 0 && (e->rej_line != 0) == rejected)
			fn(ctx, id, (size_t)e->stage);
	}
}

/*
 * An id as a spreadsheet or a person may reshape it between two months, into
 * b: full-width forms as ASCII (Ｍ０５ is M05: rs_value_fullwidth, but not the
 * ideographic space), ASCII lowercased, and an id of digits only without its
 * leading zeros (00123 is 123). *key points at it.
 */
static size_t loose_key(rs_buf *b, const char *s, size_t n, const char **key)
{
	size_t i, z = 0;
	bool digits = true;

	rs_buf_reset(b);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i], a;

		if (c == 0xEF && (a = rs_value_fullwidth((const unsigned char *)s + i, n - i)) != 0) {
			c = a; /* U+FF01..U+FF5E */
			i += 2;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + ('a' - 'A'));
		digits = digits && c >= '0' && c <= '9';
		(void)rs_buf_putc(b, (char)c);
	}
	while (digits && z + 1 < b->len && b->data[z] == '0')
		z++;
	*key = b->data != NULL ? b->data + z : "";
	return b->len - z;
}

/* The vanished ids by their loose keys: an open-addressing table of its own. */
typedef struct loose {
	uint64_t hash;
	size_t off, len, id; /* the key in keys; the id in p->ids */
} loose;

static bool loose_add(loose *t, size_t cap, rs_buf *keys, const char *k, size_t n, size_t id)
{
	uint64_t h = rs_hash(k, n);
	size_t i = (size_t)h & (cap - 1);

	while (t[i].len != 0)
		i = (i + 1) & (cap - 1);
	t[i] = (loose){h, keys->len, n, id};
	return rs_buf_append(keys, k, n);
}

static const loose *loose_find(const loose *t, size_t cap, const rs_buf *keys, const char *k, size_t n)
{
	uint64_t h = rs_hash(k, n);
	size_t i = (size_t)h & (cap - 1);

	for (; t[i].len != 0; i = (i + 1) & (cap - 1))
		if (t[i].hash == h && t[i].len == n && memcmp(keys->data + t[i].off, k, n) == 0)
			return &t[i];
	return NULL;
}

unsigned long rs_previous_reshaped(const rs_previous *p, rs_lang g, rs_buf *msg)
{
	size_t cap = 2, off = 0, k, n, kn;
	unsigned long found = 0;
	const loose *hit;
	const char *id, *key, *ex_new = NULL, *ex_old = NULL;
	rs_buf b, keys;
	loose *t;

	if (p->count == p->loaded)
		return 0; /* no id new in this run */
	while (cap < 2 * p->loaded + 2)
		cap *= 2;
	if ((t = rs_calloc(cap, sizeof *t)) == NULL) {
		msg->failed = true;
		return 0;
	}
	rs_buf_init(&b);
	rs_buf_init(&keys);
	for (k = 0; k < p->loaded; k++, off += n + 1) {
		const entry *e;

		id = p->ids.data + off;
		n = strlen(id);
		e = find(p, id, n, rs_hash(id, n));
		if (e->seen_line == 0 && e->rej_line == 0 && (kn = loose_key(&b, id, n, &key)) > 0)
			(void)loose_add(t, cap, &keys, key, kn, off);
	}
	for (; off < p->ids.len && !keys.failed && !b.failed; off += n + 1) { /* this run's new ids */
		id = p->ids.data + off;
		n = strlen(id);
		if ((kn = loose_key(&b, id, n, &key)) == 0 || (hit = loose_find(t, cap, &keys, key, kn)) == NULL)
			continue;
		if (found++ == 0) {
			ex_new = id;
			ex_old = p->ids.data + hit->id;
		}
	}
	if (found > 0 && !keys.failed && !b.failed) {
		(void)rs_buf_printf(
		    msg, rs_msg(g, found == 1 ? RS_M_P_RESHAPED_ONE : RS_M_P_RESHAPED_MANY), found,
		    ex_new, ex_old);
	} else if (keys.failed || b.failed) {
		msg->failed = true;
		found = 0;
	}
	rs_buf_free(&b);
	rs_buf_free(&keys);
	rs_free(t);
	return found;
}

const char *rs_previous_name(const rs_previous *p)
{
	return p->name;
}

void rs_previous_free(rs_previous *p)
{
	if (p == NULL)
		return;
	rs_free(p->tab);
	rs_buf_free(&p->ids);
	rs_buf_free(&p->files);
	rs_free(p);
}
