/* test_classify.c - the classifier: output header and appended columns with
 * their types, name collisions, later headers, explain and previous columns,
 * and the counts it keeps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify_impl.h"
#include "previous_impl.h"
#include "rules_impl.h"

#include "fixture_rules.h"

/* A row over borrowed cells; lengths computed into `len`. */
static rs_row row_of(const char *const *cells, size_t *len, size_t n, unsigned long line)
{
	rs_row r;
	size_t i;

	for (i = 0; i < n; i++)
		len[i] = strlen(cells[i]);
	memset(&r, 0, sizeof r);
	r.n = n;
	r.cell = cells;
	r.len = len;
	r.line = line;
	return r;
}

static const char *const hdr3[] = {"id", "name", "purchase_share"};

static rs_classifier *classifier(bool explain, rs_previous *prev, const rs_row **out_hdr)
{
	rs_classify_opts o;
	rs_classifier *c = NULL;
	size_t len[3];
	rs_row h = row_of(hdr3, len, 3, 1);
	rs_error e;

	memset(&o, 0, sizeof o);
	memset(&e, 0, sizeof e);
	o.explain = explain;
	o.previous = prev;
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_classifier_header(c, &h, ',', out_hdr, &e), RS_OK);
	return c;
}

/* Index of column `name` in row r, or -1. */
static long col(const rs_row *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->cell[i], name) == 0)
			return (long)i;
	return -1;
}

static const rs_row *classify(rs_classifier *c, const char *id, const char *share,
                              unsigned long line, rs_status want, rs_error *e)
{
	const char *cells[3] = {id, "Name", share};
	size_t len[3];
	rs_row in = row_of(cells, len, 3, line);
	const rs_row *out = NULL;

	memset(e, 0, sizeof *e);
	assert_int_equal(rs_classifier_row(c, &in, &out, e), want);
	return out;
}

static void test_output_header_is_input_then_appended_columns(void **state)
{
	static const char *const want[] = {"id", "name", "purchase_share", "stage", "stage_label",
	                                   "share_pct", "contact_score", "cooperation_score",
	                                   "next_stage", "share_gap", "flags", "actions",
	                                   "relationship_type", "relationship_label", "bonds",
	                                   "needs", "alliance_model"};
	const rs_row *h = NULL;
	rs_classifier *c = classifier(false, NULL, &h);
	size_t i;

	(void)state;
	assert_int_equal(h->n, 17);
	for (i = 0; i < h->n; i++) {
		assert_string_equal(h->cell[i], want[i]);
		assert_int_equal(h->len[i], strlen(want[i]));
	}
	rs_classifier_free(c);
}

static void test_appended_cells_and_their_types(void **state)
{
	const rs_row *h = NULL, *r;
	rs_classifier *c = classifier(false, NULL, &h);
	rs_error e;

	(void)state;
	r = classify(c, "A1", "60", 2, RS_OK, &e);
	assert_string_equal(r->cell[0], "A1");
	assert_string_equal(r->cell[col(h, "stage")], "stable");
	assert_string_equal(r->cell[col(h, "stage_label")], "Stable cooperation");
	assert_string_equal(r->cell[col(h, "share_pct")], "60");
	assert_int_equal(r->type[col(h, "share_pct")], RS_T_NUMBER);
	assert_int_equal(r->type[col(h, "contact_score")], RS_T_NUMBER);
	assert_int_equal(r->type[col(h, "stage")], RS_T_STRING);
	assert_int_equal(r->type[col(h, "actions")], RS_T_STRING);
	assert_string_equal(r->cell[col(h, "next_stage")], "strategic");
	assert_string_equal(r->cell[col(h, "share_gap")], "20");
	assert_int_equal(r->type[col(h, "share_gap")], RS_T_NUMBER);
	assert_string_equal(r->cell[col(h, "relationship_type")], "buy_sell");
	assert_string_equal(r->cell[col(h, "relationship_label")], "Buy-sell");
	assert_string_equal(r->cell[col(h, "bonds")], "");
	assert_int_equal(r->type[col(h, "bonds")], RS_T_STRING);
	assert_string_equal(r->cell[col(h, "needs")],
	                    "share +20 points to 80; cooperation score +50 to 50; contact score +40 "
	                    "to 40; one of: strategic agreement, equity tie, joint project");
	/* bonds unknown: no alliance model (an empty value proves no weakness) */
	assert_int_equal(r->len[col(h, "alliance_model")], 0);
	assert_int_equal(r->type[col(h, "alliance_model")], RS_T_NULL);
	assert_int_equal(r->type[0], RS_T_STRING); /* input cells keep their (absent) types */
	assert_int_equal(r->line, 2);
	rs_classifier_free(c);
}

static void test_top_stage_has_null_next_stage_and_gap(void **state)
{
	static const char *const hdr[] = {"id", "purchase_share", "contacts", "departments",
	                                   "top_contact_level", "key_person", "relationship_years",
	                                   "joint_projects", "exec_meetings", "strategic_agreement",
	                                   "exclusive", "info_sharing"};
	static const char *const cells[] = {"A10", "80", "9", "5", "executive", "yes", "11",
	                                     "4", "6", "yes", "yes", "yes"};
	rs_classify_opts o;
	rs_classifier *c = NULL;
	const rs_row *h = NULL, *r = NULL;
	size_t len[12];
	rs_row in;
	rs_error e;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	in = row_of(hdr, len, 12, 1);
	assert_int_equal(rs_classifier_header(c, &in, ',', &h, &e), RS_OK);
	in = row_of(cells, len, 12, 2);
	assert_int_equal(rs_classifier_row(c, &in, &r, &e), RS_OK);
	assert_string_equal(r->cell[col(h, "stage")], "strategic");
	assert_int_equal(r->len[col(h, "next_stage")], 0);
	assert_int_equal(r->type[col(h, "next_stage")], RS_T_NULL);
	assert_int_equal(r->len[col(h, "share_gap")], 0);
	assert_int_equal(r->type[col(h, "share_gap")], RS_T_NULL);
	assert_int_equal(r->len[col(h, "needs")], 0);
	assert_int_equal(r->type[col(h, "needs")], RS_T_NULL);
	assert_string_equal(r->cell[col(h, "relationship_type")], "partner");
	assert_string_equal(r->cell[col(h, "bonds")], "social;structural");
	rs_classifier_free(c);
}

static void test_input_column_named_stage_collides(void **state)
{
	static const char *const cells[] = {"id", "purchase_share", "stage"};
	rs_classify_opts o;
	rs_classifier *c = NULL;
	const rs_row *out = NULL;
	size_t len[3];
	rs_row h = row_of(cells, len, 3, 1);
	rs_error e;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_classifier_header(c, &h, ',', &out, &e), RS_EUSAGE);
	assert_non_null(strstr(e.msg, "input column 3 is named \"stage\""));
	rs_classifier_free(c);
}

static void test_previous_stage_collides_only_with_previous(void **state)
{
	static const char *const cells[] = {"id", "purchase_share", "transition"};
	rs_classify_opts o;
	rs_classifier *c = NULL;
	const rs_row *out = NULL;
	size_t len[3];
	rs_row h = row_of(cells, len, 3, 1);
	rs_error e;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_classifier_header(c, &h, ',', &out, &e), RS_OK);
	assert_int_equal(out->n, 17);
	rs_classifier_free(c);
}

static void test_second_header_must_match_the_first(void **state)
{
	static const char *const same[] = {"id", "name", "purchase_share"};
	static const char *const renamed[] = {"id", "company", "purchase_share"};
	static const char *const fewer[] = {"id", "purchase_share"};
	const rs_row *h = NULL, *out = NULL;
	rs_classifier *c = classifier(false, NULL, &h);
	size_t len[3];
	rs_row r;
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	r = row_of(same, len, 3, 1);
	assert_int_equal(rs_classifier_header(c, &r, ',', &out, &e), RS_OK);
	assert_ptr_equal(out, h);
	r = row_of(renamed, len, 3, 1);
	assert_int_equal(rs_classifier_header(c, &r, ',', &out, &e), RS_EUSAGE);
	assert_string_equal(e.msg, "column 2 is \"company\" here but \"name\" in the first file; "
	                           "files classified together need the same columns");
	r = row_of(fewer, len, 2, 1);
	assert_int_equal(rs_classifier_header(c, &r, ',', &out, &e), RS_EUSAGE);
	assert_non_null(strstr(e.msg, "2 columns here but 3 in the first file"));
	rs_classifier_free(c);
}

static void test_explain_column_follows_actions(void **state)
{
	const rs_row *h = NULL, *r;
	rs_classifier *c = classifier(true, NULL, &h);
	rs_error e;

	(void)state;
	assert_int_equal(h->n, 18);
	assert_string_equal(h->cell[17], "explain");
	r = classify(c, "A1", "60", 2, RS_OK, &e);
	assert_true(r->len[17] > 0);
	assert_non_null(strstr(r->cell[17], "share"));
	assert_int_equal(r->type[17], RS_T_STRING);
	rs_classifier_free(c);
}

static rs_previous *previous(const char *text)
{
	rs_previous *p = NULL;
	rs_read_opts ro;
	rs_error e;
	FILE *fp = fmemopen((void *)text, strlen(text), "r");

	assert_non_null(fp);
	memset(&ro, 0, sizeof ro);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_previous_load(&p, fp, "prev.csv", &ro, rules, NULL, NULL, NULL, &e), RS_OK);
	fclose(fp);
	return p;
}

static void test_previous_columns_transitions_and_counts(void **state)
{
	rs_previous *p = previous("id,stage\nD1,stable\nU1,initial\nS1,initial\nV1,strategic\n");
	const rs_row *h = NULL, *r;
	rs_classifier *c = classifier(false, p, &h);
	const rs_stats *s;
	long pc = col(h, "previous_stage"), tc = col(h, "transition");
	const char *down_msg = rs_rules_message(rules, "downgrade", RS_LANG_EN);
	rs_error e;

	(void)state;
	assert_int_equal(h->n, 19);
	assert_int_equal(pc, 17);
	assert_int_equal(tc, 18);
	r = classify(c, "D1", "30", 2, RS_OK, &e);
	assert_string_equal(r->cell[pc], "stable");
	assert_string_equal(r->cell[tc], "down");
	assert_non_null(strstr(r->cell[col(h, "flags")], "downgraded"));
	assert_non_null(down_msg);
	assert_memory_equal(r->cell[col(h, "actions")], down_msg, strlen(down_msg));
	r = classify(c, "U1", "60", 3, RS_OK, &e);
	assert_string_equal(r->cell[tc], "up");
	assert_null(strstr(r->cell[col(h, "flags")], "downgraded"));
	r = classify(c, "S1", "30", 4, RS_OK, &e);
	assert_string_equal(r->cell[tc], "same");
	r = classify(c, "N1", "0", 5, RS_OK, &e);
	assert_string_equal(r->cell[tc], "new");
	assert_int_equal(r->len[pc], 0);
	assert_int_equal(r->type[pc], RS_T_NULL);
	(void)classify(c, "U1", "60", 6, RS_EREJECT, &e);
	assert_int_equal(e.line, 6);
	assert_non_null(strstr(e.msg, "duplicate id \"U1\" (first at line 3)"));
	(void)classify(c, "X1", "abc", 7, RS_EREJECT, &e);
	s = rs_classifier_stats(c);
	assert_int_equal(s->read, 6);
	assert_int_equal(s->classified, 4);
	assert_int_equal(s->rejected, 2);
	assert_int_equal(s->up + s->down + s->same + s->added, s->classified);
	assert_int_equal(s->up, 1);
	assert_int_equal(s->down, 1);
	assert_int_equal(s->same, 1);
	assert_int_equal(s->added, 1);
	assert_int_equal(s->vanished, 1);
	assert_int_equal(s->vanished_per_stage[rs_rules_stage_index(rules, "strategic")], 1);
	assert_int_equal(s->transition[rs_rules_stage_index(rules, "stable")]
	                               [rs_rules_stage_index(rules, "initial")], 1);
	assert_true(s->with_previous);
	assert_ptr_equal(rs_classifier_stats(c), s); /* vanished counted once */
	assert_int_equal(s->vanished, 1);
	rs_classifier_free(c);
	rs_previous_free(p);
}

/* Without --previous only the last id is kept: an id repeated on the next
 * rows (one row per contact) is rejected, naming the first; apart, it is not. */
static void test_id_repeated_on_the_next_row_is_rejected(void **state)
{
	const rs_row *h = NULL;
	rs_classifier *c = classifier(false, NULL, &h);
	rs_error e;

	(void)state;
	(void)classify(c, "A1", "30", 2, RS_OK, &e);
	(void)classify(c, "A1", "30", 3, RS_EREJECT, &e);
	assert_non_null(strstr(e.msg, "duplicate id \"A1\" (first at line 2, just above)"));
	(void)classify(c, "A1", "31", 4, RS_EREJECT, &e); /* line 3 was not kept */
	assert_non_null(strstr(e.msg, "(first at line 2; no other account was read between)"));
	(void)classify(c, "A10", "30", 5, RS_OK, &e); /* a longer id with the same start */
	(void)classify(c, "A", "30", 6, RS_OK, &e);
	(void)classify(c, "A1", "30", 7, RS_OK, &e); /* apart: not caught, as documented */
	(void)classify(c, "B1", "abc", 8, RS_EREJECT, &e); /* a rejected row is not remembered */
	(void)classify(c, "A1", "30", 9, RS_EREJECT, &e);
	assert_non_null(strstr(e.msg, "(first at line 7; no other account was read between)"));
	assert_int_equal(rs_classifier_stats(c)->classified, 4);
	assert_int_equal(rs_classifier_stats(c)->rejected, 4);
	rs_classifier_free(c);
}

static void test_reader_rejected_row_is_counted_with_its_reason(void **state)
{
	const char *cells[1] = {"A1,\"broken"};
	size_t len[1];
	const rs_row *h = NULL, *out = NULL;
	rs_classifier *c = classifier(false, NULL, &h);
	rs_row in = row_of(cells, len, 1, 9);
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	in.reject = "unterminated quoted field";
	assert_int_equal(rs_classifier_row(c, &in, &out, &e), RS_EREJECT);
	assert_string_equal(e.msg, "unterminated quoted field");
	assert_int_equal(e.line, 9);
	c->stats.rejected++; /* a row counted from outside: read adds it too */
	assert_int_equal(rs_classifier_stats(c)->read, 2);
	assert_int_equal(rs_classifier_stats(c)->rejected, 2);
	rs_classifier_free(c);
}

static void test_key_columns_for_the_table(void **state)
{
	rs_previous *p = previous("id,stage\nA1,stable\n");
	const rs_row *h = NULL;
	rs_classifier *c = classifier(false, p, &h);
	unsigned char rank[16];
	size_t idx[16], n = rs_classifier_key_columns(c, idx, rank, 16);

	(void)state;
	assert_int_equal(n, 11);
	assert_string_equal(h->cell[idx[0]], "id");
	assert_string_equal(h->cell[idx[1]], "name");
	assert_string_equal(h->cell[idx[2]], "stage_label");
	assert_string_equal(h->cell[idx[n - 1]], "transition");
	/* A narrow table leaves out contact_score first, keeps flags longer
	 * than the relationship label. */
	assert_string_equal(h->cell[idx[4]], "contact_score");
	assert_int_equal(rank[4], 1);
	assert_true(rank[8] > rank[6]);
	assert_int_equal(rs_classifier_key_columns(c, idx, rank, 3), 3);
	rs_classifier_free(c);
	rs_previous_free(p);
}

/* Every appended cell is NUL-terminated at its length (rs_row's contract). */
static void assert_terminated(const rs_row *r, size_t nin)
{
	size_t k;

	for (k = nin; k < r->n; k++) {
		assert_int_equal(r->cell[k][r->len[k]], '\0');
		assert_int_equal(strlen(r->cell[k]), r->len[k]);
	}
}

/*
 * The flags and actions cells are joined per row from the fired rules.
 * Eight action rules on eight independent fields give 256 combinations a
 * stage: 3000 random rows must each get exactly their fired flags and
 * texts, in rule order, then the stage's own actions.
 */
static void test_flags_and_actions_match_the_fired_rules(void **state)
{
	static const char *const hdr[] = {"id", "purchase_share", "key_person", "strategic_agreement",
	                                  "equity_tie", "exclusive", "info_sharing", "joint_projects",
	                                  "exec_meetings", "relationship_years"};
	FILE *fp = fopen("data/rules_eight_actions.json", "rb");
	static char text[1 << 16];
	size_t n, len[10], i, k;
	rs_rules *r8 = NULL;
	rs_classifier *c = NULL;
	rs_classify_opts o;
	const rs_row *out = NULL;
	rs_row h;
	rs_error e;
	unsigned long x = 7;
	long fcol, acol;

	(void)state;
	assert_non_null(fp);
	n = fread(text, 1, sizeof text, fp);
	fclose(fp);
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_rules_load(&r8, text, n, "rules_eight_actions.json", NULL, NULL, &e), RS_OK);
	memset(&o, 0, sizeof o);
	assert_int_equal(rs_classifier_new(&c, r8, &o, &e), RS_OK);
	h = row_of(hdr, len, 10, 1);
	assert_int_equal(rs_classifier_header(c, &h, ',', &out, &e), RS_OK);
	fcol = col(out, "flags");
	acol = col(out, "actions");
	assert_true(fcol > 0 && acol > 0);
	for (i = 0; i < 3000; i++) {
		static const char *const shares[] = {"0", "30", "60", "90"};
		const char *cells[10];
		char id[16], want_flags[64] = "", want_actions[4096] = "";
		const rs_row *row = NULL;
		rs_row in;
		size_t stage;

		x = x * 6364136223846793005UL + 1442695040888963407UL;
		(void)snprintf(id, sizeof id, "A%zu", i);
		cells[0] = id;
		cells[1] = shares[(x >> 40) % 4];
		for (k = 0; k < 8; k++) {
			bool on = (x >> (20 + k)) & 1;

			cells[2 + k] = k < 5 ? (on ? "yes" : "no") : (on ? "2" : "0");
			if (!on)
				continue;
			(void)snprintf(want_flags + strlen(want_flags), sizeof want_flags - strlen(want_flags),
			               "%sf%zu", want_flags[0] ? ";" : "", k);
			(void)snprintf(want_actions + strlen(want_actions),
			               sizeof want_actions - strlen(want_actions), "T%zu, done" RS_ACTION_SEP, k);
		}
		in = row_of(cells, len, 10, i + 2);
		assert_int_equal(rs_classifier_row(c, &in, &row, &e), RS_OK);
		assert_string_equal(row->cell[fcol], want_flags);
		assert_int_equal(row->len[fcol], strlen(want_flags));
		for (stage = 0; stage < rs_rules_stage_count(r8); stage++)
			if (strcmp(row->cell[col(out, "stage")], rs_rules_stage_id(r8, stage)) == 0)
				break;
		assert_true(stage < rs_rules_stage_count(r8));
		(void)snprintf(want_actions + strlen(want_actions), sizeof want_actions - strlen(want_actions),
		               "%s", rs_rules_stage_actions(r8, stage, RS_LANG_EN));
		assert_string_equal(row->cell[acol], want_actions);
		assert_int_equal(row->len[acol], strlen(want_actions));
		assert_terminated(row, 10);
	}
	rs_classifier_free(c);
	rs_rules_free(r8);
}

/* Replaces the first `from` in text[0..*n) (room: cap) by `to`. */
static void replace_once(char *text, size_t *n, size_t cap, const char *from, const char *to)
{
	char *at = strstr(text, from);
	size_t fl = strlen(from), tl = strlen(to);

	assert_non_null(at);
	assert_true(*n - fl + tl < cap);
	memmove(at + tl, at + fl, *n - (size_t)(at - text) - fl + 1);
	memcpy(at, to, tl);
	*n = *n - fl + tl;
}

/*
 * The number cells as rs_buf_put_num writes them at their edges (0, a share
 * rounding up to 100, 0.005 up to 0.01, whole and fractional gaps, scores
 * 0-20), with the explain text and the --previous cells after them (each
 * row has another stage, so another label length).
 */
static void test_number_cells_at_their_edges(void **state)
{
	static const char *const hdr[] = {"id", "purchase_share", "contacts"};
	static const struct {
		const char *share, *contacts, *pct, *contact, *gap, *stage, *transition;
	} rows[] = {
		{"0.005", "4", "0.01", "20", "49.99", "initial", "new"},
		{"99.995", "1", "100", "5", "", "stable", "up"},
		{"49.995", "", "50", "0", "30", "stable", "same"},
		{"12.345", "3", "12.35", "15", "37.65", "initial", "down"},
		{"0", "0", "0", "0", "0.01", "development", "new"},
	};
	rs_previous *p = previous("id,stage\nB,initial\nC,stable\nD,strategic\n");
	rs_classify_opts o;
	rs_classifier *c = NULL;
	const rs_row *h = NULL, *r = NULL;
	rs_row in;
	rs_error e;
	size_t len[3], i;
	char id[2] = "A";

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&e, 0, sizeof e);
	o.explain = true;
	o.previous = p;
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	in = row_of(hdr, len, 3, 1);
	assert_int_equal(rs_classifier_header(c, &in, ',', &h, &e), RS_OK);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *cells[3] = {id, rows[i].share, rows[i].contacts};

		id[0] = (char)('A' + i);
		in = row_of(cells, len, 3, i + 2);
		assert_int_equal(rs_classifier_row(c, &in, &r, &e), RS_OK);
		assert_terminated(r, 3);
		assert_string_equal(r->cell[col(h, "stage")], rows[i].stage);
		assert_string_equal(r->cell[col(h, "share_pct")], rows[i].pct);
		assert_string_equal(r->cell[col(h, "contact_score")], rows[i].contact);
		assert_string_equal(r->cell[col(h, "cooperation_score")], "0");
		assert_string_equal(r->cell[col(h, "share_gap")], rows[i].gap);
		assert_int_equal(r->type[col(h, "share_gap")], rows[i].gap[0] ? RS_T_NUMBER : RS_T_NULL);
		assert_int_equal(r->type[col(h, "share_pct")], RS_T_NUMBER);
		assert_string_equal(r->cell[col(h, "transition")], rows[i].transition);
		assert_memory_equal(r->cell[col(h, "explain")], "share ", 6);
		assert_non_null(strstr(r->cell[col(h, "explain")], rows[i].pct));
	}
	rs_classifier_free(c);
	rs_previous_free(p);
}

/*
 * A stage label longer than the arena's first allocation (here 600 bytes,
 * in Chinese too) makes it grow while a row is laid out; the cells must
 * then still point at the right text, with the cache full
 * (rules_eight_actions.json: 256 flag combinations a stage) and with
 * --explain.
 */
static void test_cells_stay_right_when_the_arena_grows(void **state)
{
	static const char *const hdr[] = {"id", "purchase_share", "key_person", "strategic_agreement",
	                                  "equity_tie", "exclusive", "info_sharing", "joint_projects",
	                                  "exec_meetings", "relationship_years"};
	FILE *fp = fopen("data/rules_eight_actions.json", "rb");
	static char text[1 << 16];
	char label[640], zh[640], from[64];
	size_t n, len[10], i, k, g;
	rs_rules *r8 = NULL;
	unsigned long x = 5;
	rs_error le;

	(void)state;
	assert_non_null(fp);
	n = fread(text, 1, sizeof text - 1, fp);
	fclose(fp);
	text[n] = '\0';
	memset(label, 'L', 601);
	label[0] = label[601] = '"';
	label[602] = '\0';
	(void)snprintf(zh, sizeof zh, "\"%s\"", "初期合作阶段初期合作阶段初期合作阶段初期合作阶段初期合作阶段"
	               "初期合作阶段初期合作阶段初期合作阶段初期合作阶段初期合作阶段初期合作阶段");
	(void)snprintf(from, sizeof from, "\"%s\"", "Initial cooperation");
	replace_once(text, &n, sizeof text, from, label);
	replace_once(text, &n, sizeof text, "\"初期合作阶段\"", zh);
	memset(&le, 0, sizeof le);
	if (rs_rules_load(&r8, text, n, "rules_eight_actions.json", NULL, NULL, &le) != RS_OK)
		fail_msg("%s: %s", le.where, le.msg);
	for (g = 0; g < 4; g++) {
		rs_classify_opts o;
		rs_classifier *c = NULL;
		const rs_row *out = NULL;
		rs_row h;
		rs_error e;
		const char *want_label = g & 1 ? zh + 1 : label + 1;
		size_t want_len = strlen(want_label) - 1;

		memset(&o, 0, sizeof o);
		memset(&e, 0, sizeof e);
		o.explain = g >= 2;
		o.lang = g & 1 ? RS_LANG_ZH : RS_LANG_EN;
		assert_int_equal(rs_classifier_new(&c, r8, &o, &e), RS_OK);
		h = row_of(hdr, len, 10, 1);
		assert_int_equal(rs_classifier_header(c, &h, ',', &out, &e), RS_OK);
		for (i = 0; i < 1500; i++) {
			static const char *const shares[] = {"30", "60", "25.5", "0"};
			const char *cells[10];
			const rs_row *row = NULL;
			rs_row in;
			bool initial;

			x = x * 6364136223846793005UL + 1442695040888963407UL;
			cells[0] = i % 2 ? "A" : "B"; /* never one id twice in a row */
			cells[1] = shares[(x >> 40) % 4];
			for (k = 0; k < 8; k++) {
				bool on = (x >> (20 + k)) & 1;

				cells[2 + k] = k < 5 ? (on ? "yes" : "no") : (on ? "2" : "0");
			}
			in = row_of(cells, len, 10, i + 2);
			assert_int_equal(rs_classifier_row(c, &in, &row, &e), RS_OK);
			assert_terminated(row, 10);
			initial = strcmp(row->cell[10], "initial") == 0;
			assert_int_equal(initial, cells[1][0] == '3' || cells[1][0] == '2');
			if (initial) {
				assert_int_equal(row->len[11], want_len);
				assert_memory_equal(row->cell[11], want_label, want_len);
			}
			assert_string_equal(row->cell[12], cells[1][0] == '2' ? "25.5" : cells[1]);
			if (o.explain)
				assert_non_null(strstr(row->cell[24], row->cell[12]));
		}
		rs_classifier_free(c);
	}
	rs_rules_free(r8);
}

/*
 * Every share in hundredths from 0 to 100 and the halves between them:
 * share_pct and share_gap as rs_buf_put_num writes the values the
 * classifier computes (share_pct rounded half up to hundredths; the gap to
 * 50 below it, to 80 from 50, none from 80).
 */
static void test_share_and_gap_cells_match_put_num_for_every_hundredth(void **state)
{
	const rs_row *h = NULL, *r;
	rs_classifier *c = classifier(false, NULL, &h);
	long pc = col(h, "share_pct"), gc = col(h, "share_gap");
	rs_buf want;
	rs_error e;
	int i;

	(void)state;
	rs_buf_init(&want);
	for (i = 0; i <= 20000; i++) {
		char share[32];
		double sv, y, t, thr;

		(void)snprintf(share, sizeof share, "%d.%03d", i / 200, (i % 200) * 5);
		r = classify(c, i % 2 ? "A" : "B", share, (unsigned long)i + 2, RS_OK, &e);
		y = strtod(share, NULL) * 100;
		t = (double)(long long)y;
		sv = (y - t >= 0.5 ? t + 1 : t) / 100;
		rs_buf_reset(&want);
		assert_true(rs_buf_put_num(&want, sv, 2));
		assert_string_equal(r->cell[pc], want.data);
		/* a first order, else the share to 50, else to 80; at 80 and above
		 * the share is not what strategic needs: no gap */
		thr = sv == 0 ? 0.01 : sv < 50 ? 50 : 80;
		rs_buf_reset(&want);
		if (sv < 80)
			assert_true(rs_buf_put_num(&want, thr - sv, 2));
		assert_string_equal(r->cell[gc], sv < 80 ? want.data : "");
		assert_terminated(r, 3);
	}
	rs_buf_free(&want);
	rs_classifier_free(c);
}

/*
 * Input cells' types come from the row, or are STRING when it has none,
 * also right after a row that had them (the classifier clears them only
 * then).
 */
static void test_input_types_reset_after_a_typed_row(void **state)
{
	static const unsigned char types[3] = {RS_T_STRING, RS_T_STRING, RS_T_NUMBER};
	const char *cells[3] = {"A", "Name", "60"};
	const rs_row *h = NULL, *r = NULL;
	rs_classifier *c = classifier(false, NULL, &h);
	size_t len[3], i, k;
	rs_row in;
	rs_error e;

	(void)state;
	memset(&e, 0, sizeof e);
	for (i = 0; i < 6; i++) {
		bool typed = i % 3 == 1;

		cells[0] = i % 2 ? "A" : "B";
		in = row_of(cells, len, 3, i + 2);
		in.type = typed ? types : NULL;
		assert_int_equal(rs_classifier_row(c, &in, &r, &e), RS_OK);
		for (k = 0; k < 3; k++)
			assert_int_equal(r->type[k], typed ? types[k] : RS_T_STRING);
	}
	rs_classifier_free(c);
}

/*
 * A long number (a share_gap of 1e9 or more: no rules file gives one,
 * thresholds are shares, so the test sets the strategic row's share
 * threshold, as needs reads it, after loading) may move the arena in the
 * middle of a row: the cells must still be right, flags after it included,
 * over rows that fill the flags cache and overflow it.
 */
static void test_long_number_in_a_row_keeps_the_cells_right(void **state)
{
	static const char *const hdr[] = {"id", "purchase_share", "key_person", "strategic_agreement",
	                                  "equity_tie", "exclusive", "info_sharing", "joint_projects",
	                                  "exec_meetings", "relationship_years"};
	FILE *fp = fopen("data/rules_eight_actions.json", "rb");
	static char text[1 << 16];
	size_t n, len[10], i, k;
	rs_rules *r8 = NULL;
	rs_classifier *c = NULL;
	rs_classify_opts o;
	const rs_row *out = NULL;
	rs_row h;
	rs_error e;
	rs_buf want;
	unsigned long x = 9;

	(void)state;
	assert_non_null(fp);
	n = fread(text, 1, sizeof text - 1, fp);
	fclose(fp);
	text[n] = '\0';
	for (k = 0; k < 8; k++) { /* flags of 30 bytes: more than the numbers' room */
		char from[32], to[64];

		(void)snprintf(from, sizeof from, "\"flag\": \"f%zu\"", k);
		(void)snprintf(to, sizeof to, "\"flag\": \"f%zu_%s\"", k, "abcdefghijklmnopqrstuvwxyz01");
		replace_once(text, &n, sizeof text, from, to);
	}
	memset(&e, 0, sizeof e);
	assert_int_equal(rs_rules_load(&r8, text, n, "rules_eight_actions.json", NULL, NULL, &e), RS_OK);
	for (i = 0; i < r8->ndec; i++) /* decision[3]: share_pct >= 80 is its first leaf */
		if (r8->dec[i].stage == (size_t)rs_rules_stage_index(r8, "strategic"))
			r8->node[r8->dec[i].cond + 1].value = 123456789012.5;
	memset(&o, 0, sizeof o);
	assert_int_equal(rs_classifier_new(&c, r8, &o, &e), RS_OK);
	h = row_of(hdr, len, 10, 1);
	assert_int_equal(rs_classifier_header(c, &h, ',', &out, &e), RS_OK);
	rs_buf_init(&want);
	for (i = 0; i < 2000; i++) {
		const char *cells[10];
		const rs_row *row = NULL;
		rs_row in;

		x = x * 6364136223846793005UL + 1442695040888963407UL;
		cells[0] = i % 2 ? "A" : "B";
		cells[1] = i % 2 ? "60" : "61.25";
		for (k = 0; k < 8; k++) {
			bool on = (x >> (20 + k)) & 1;

			cells[2 + k] = k < 5 ? (on ? "yes" : "no") : (on ? "2" : "0");
		}
		in = row_of(cells, len, 10, i + 2);
		assert_int_equal(rs_classifier_row(c, &in, &row, &e), RS_OK);
		assert_terminated(row, 10);
		assert_string_equal(row->cell[10], "stable");
		assert_string_equal(row->cell[12], cells[1]);
		rs_buf_reset(&want);
		assert_true(rs_buf_put_num(&want, 123456789012.5 - (i % 2 ? 60 : 61.25), 2));
		assert_string_equal(row->cell[16], want.data);
		assert_int_equal(row->type[16], RS_T_NUMBER);
	}
	rs_buf_free(&want);
	rs_classifier_free(c);
	rs_rules_free(r8);
}

/*
 * With decimal_comma (--excel=eu), share_pct and share_gap have a decimal
 * comma, whole numbers none; the scores and the input cells (a share given
 * as "33.333") are unchanged; without it, a point.
 */
static void test_decimal_comma_in_share_and_gap_cells_only(void **state)
{
	static const struct { const char *share, *pct, *gap; } rows[] = {
		{"33.333", "33,33", "16,67"}, {"82.5", "82,5", ""}, {"12", "12", "38"},
		{"99.995", "100", ""}, {"0.005", "0,01", "49,99"},
	};
	rs_classify_opts o;
	rs_classifier *c = NULL, *dot = NULL;
	const rs_row *h = NULL, *r;
	rs_error e;
	size_t len[3], i;
	rs_row in = row_of(hdr3, len, 3, 1);

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&e, 0, sizeof e);
	o.decimal_comma = true;
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_classifier_header(c, &in, ',', &h, &e), RS_OK);
	dot = classifier(false, NULL, &h);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		r = classify(c, i % 2 ? "A" : "B", rows[i].share, i + 2, RS_OK, &e);
		assert_string_equal(r->cell[2], rows[i].share);
		assert_string_equal(r->cell[col(h, "share_pct")], rows[i].pct);
		assert_string_equal(r->cell[col(h, "share_gap")], rows[i].gap);
		assert_int_equal(r->type[col(h, "share_pct")], RS_T_NUMBER);
		assert_null(strchr(r->cell[col(h, "contact_score")], ','));
		r = classify(dot, i % 2 ? "A" : "B", rows[i].share, i + 2, RS_OK, &e);
		assert_null(strchr(r->cell[col(h, "share_pct")], ','));
		assert_null(strchr(r->cell[col(h, "share_gap")], ','));
	}
	rs_classifier_free(c);
	rs_classifier_free(dot);
}

static long n_allocs;

static void *count_malloc(size_t n)
{
	n_allocs++;
	return malloc(n);
}

static void *count_realloc(void *p, size_t n)
{
	n_allocs++;
	return realloc(p, n);
}

/*
 * Once warm (the flags and actions of each decision cached, the arena and
 * the explain buffer grown), a row allocates nothing, the advice's cells
 * (type, bonds, needs with their numbers, model) and --explain included.
 */
static void test_warm_rows_do_not_allocate(void **state)
{
	static const char *const hdr[] = {"id", "purchase_share", "contacts", "departments",
	                                  "key_person", "joint_projects", "strategic_agreement",
	                                  "equity_tie", "price_agreement", "exec_meetings"};
	static const char *const shares[] = {"0", "12.5", "49.99", "60", "67.5", "80", "95"};
	rs_alloc_hooks hooks = {count_malloc, count_realloc, free};
	size_t len[10], i, pass, g;

	(void)state;
	for (g = 0; g < 4; g++) {
		rs_classify_opts o;
		rs_classifier *c = NULL;
		const rs_row *out = NULL;
		rs_row h;
		rs_error e;

		memset(&o, 0, sizeof o);
		memset(&e, 0, sizeof e);
		o.lang = g & 1 ? RS_LANG_ZH : RS_LANG_EN;
		o.explain = g >= 2;
		assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
		h = row_of(hdr, len, 10, 1);
		assert_int_equal(rs_classifier_header(c, &h, ',', &out, &e), RS_OK);
		for (pass = 0; pass < 2; pass++) {
			unsigned long x = 5;

			n_allocs = 0;
			if (pass == 1)
				rs_set_alloc_hooks(&hooks);
			for (i = 0; i < 3000; i++) {
				const char *cells[10];
				size_t k;
				rs_row in;

				x = x * 6364136223846793005UL + 1442695040888963407UL;
				cells[0] = i % 2 ? "A" : "B";
				cells[1] = shares[(x >> 40) % 7];
				for (k = 2; k < 10; k++) {
					unsigned v = (unsigned)(x >> (20 + 3 * k)) % 3;

					cells[k] = k < 4 || k == 5 || k == 9 ? (v == 0 ? "" : v == 1 ? "1" : "4")
					                                     : (v == 0 ? "" : v == 1 ? "yes" : "no");
				}
				in = row_of(cells, len, 10, i + 2);
				assert_int_equal(rs_classifier_row(c, &in, &out, &e), RS_OK);
			}
			rs_set_alloc_hooks(NULL);
		}
		assert_int_equal(n_allocs, 0);
		rs_classifier_free(c);
	}
}

/* ------------------------------------------------- rs_classifier_file */

typedef struct seen {
	int headers;
	unsigned long header_line;
	size_t rows, rejects, skips[RS_SKIP_COUNT];
	char stages[64];   /* each classified row's stage, in order */
	unsigned long reject_line;
} seen;

static rs_status seen_header(void *ctx, const rs_row *out, const rs_row *in, rs_error *err)
{
	seen *s = ctx;

	(void)err;
	s->headers++;
	s->header_line = in->line;
	assert_int_equal(col(out, "stage"), 3);
	return RS_OK;
}

static rs_status seen_row(void *ctx, const rs_row *out, rs_error *err)
{
	seen *s = ctx;

	(void)err;
	s->rows++;
	strcat(s->stages, out->cell[3]); /* the stage column (seen_header) */
	strcat(s->stages, " ");
	return RS_OK;
}

static rs_status seen_reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	seen *s = ctx;

	(void)err;
	assert_non_null(strstr(why->msg, "abc"));
	s->rejects++;
	s->reject_line = row->line;
	return RS_OK;
}

static void seen_skip(void *ctx, const rs_row *row, int kind)
{
	(void)row;
	((seen *)ctx)->skips[kind]++;
}

/* A report's title row, the header, a blank row, a bad share: each comes
 * out through its callback, in input order; the counts agree. */
static void test_a_file_comes_out_through_the_callbacks(void **state)
{
	static const char csv[] = "Accounts by share\n"
	                          "id,name,purchase_share\n"
	                          "A1,Acme,85\n"
	                          ",,\n"
	                          "A2,Beta,abc\n"
	                          "A3,Gamma,10\n";
	rs_classify_opts o;
	rs_classifier *c = NULL;
	rs_reader *rd = NULL;
	rs_read_opts ro;
	rs_error e;
	rs_buf b;
	seen s;
	FILE *fp = fmemopen((void *)csv, sizeof csv - 1, "r");

	(void)state;
	assert_non_null(fp);
	memset(&o, 0, sizeof o);
	memset(&ro, 0, sizeof ro);
	memset(&e, 0, sizeof e);
	memset(&s, 0, sizeof s);
	o.on_header = seen_header;
	o.on_row = seen_row;
	o.on_reject = seen_reject;
	o.on_skip = seen_skip;
	o.ctx = &s;
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_reader_open(&rd, fp, "t.csv", &ro, &e), RS_OK);
	assert_int_equal(rs_classifier_file(c, rd, &e), RS_OK);
	assert_int_equal(s.headers, 1);
	assert_int_equal(s.header_line, 2);
	assert_int_equal(s.rows, 2);
	assert_string_equal(s.stages, "stable initial "); /* the fixture rules' stages */
	assert_int_equal(s.rejects, 1);
	assert_int_equal(s.reject_line, 5);
	assert_int_equal(s.skips[RS_SKIP_TITLE], 1);
	assert_int_equal(s.skips[RS_SKIP_BLANK], 1);
	assert_int_equal(rs_classifier_stats(c)->classified, 2);
	assert_int_equal(rs_classifier_stats(c)->rejected, 1);
	assert_int_equal(rs_classifier_stats(c)->read, 5);
	/* the summary for monitoring carries how the columns were taken */
	rs_buf_init(&b);
	assert_true(rs_classifier_summary(c, true, RS_LANG_EN, &b));
	assert_non_null(strstr(b.data, "\"classified\":2,"));
	assert_non_null(strstr(b.data, "\"fields\":{"));
	rs_buf_reset(&b);
	assert_true(rs_classifier_summary(c, false, RS_LANG_EN, &b));
	assert_null(strstr(b.data, "\"fields\""));
	rs_buf_free(&b);
	rs_reader_free(rd);
	rs_classifier_free(c);
	fclose(fp);
}

static rs_status count_row(void *ctx, const rs_row *out, rs_error *err)
{
	(void)out, (void)err;
	((seen *)ctx)->rows++;
	return RS_OK;
}

static rs_status count_reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	(void)row, (void)why, (void)err;
	((seen *)ctx)->rejects++;
	return RS_OK;
}

/*
 * The first rows' check stops the run at the tenth row, a good one: it did
 * not go out, so it is not counted (found by fuzz_pipeline: the counts said
 * one row more classified than were handed out).
 */
static void test_a_run_stopped_by_the_first_rows_counts_what_went_out(void **state)
{
	static const char csv[] = "id,name,purchase_share,\xe9\xa6\x96\xe6\xac\xa1\xe5\x90\x88"
	                          "\xe4\xbd\x9c\xe6\x97\xa5\xe6\x9c\x9f\n" /* 首次合作日期 */
	                          "A1,a,50,x\nA2,b,50,x\nA3,c,50,x\nA4,d,50,x\nA5,e,50,x\nA6,f,50,x\n"
	                          "A7,g,50,2020\nA8,h,50,2020\nA9,i,50,2020\nA10,j,50,2020\n"
	                          "A11,k,50,2020\n";
	rs_classify_opts o;
	rs_classifier *c = NULL;
	rs_reader *rd = NULL;
	rs_read_opts ro;
	rs_error e;
	seen s;
	FILE *fp = fmemopen((void *)csv, sizeof csv - 1, "r");

	(void)state;
	assert_non_null(fp);
	memset(&o, 0, sizeof o);
	memset(&ro, 0, sizeof ro);
	memset(&e, 0, sizeof e);
	memset(&s, 0, sizeof s);
	o.on_row = count_row;
	o.on_reject = count_reject;
	o.ctx = &s;
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_reader_open(&rd, fp, "t.csv", &ro, &e), RS_OK);
	assert_int_equal(rs_classifier_file(c, rd, &e), RS_EUSAGE);
	assert_non_null(strstr(e.msg, "in 6 of the first 10 rows it does not read as one"));
	assert_int_equal(s.rows, 3); /* A7-A9; A10 ended the check */
	assert_int_equal(s.rejects, 0); /* held back, never handed out */
	assert_int_equal(rs_classifier_stats(c)->classified, 3);
	assert_int_equal(rs_classifier_stats(c)->rejected, 0);
	rs_reader_free(rd);
	rs_classifier_free(c);
	fclose(fp);
}

/* The status and message of a whole run over csv text. */
static rs_status run_text(const char *csv, rs_error *e)
{
	rs_classify_opts o;
	rs_classifier *c = NULL;
	rs_reader *rd = NULL;
	rs_read_opts ro;
	rs_status st;
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	assert_non_null(fp);
	memset(&o, 0, sizeof o);
	memset(&ro, 0, sizeof ro);
	memset(e, 0, sizeof *e);
	assert_int_equal(rs_classifier_new(&c, rules, &o, e), RS_OK);
	assert_int_equal(rs_reader_open(&rd, fp, "t.csv", &ro, e), RS_OK);
	st = rs_classifier_file(c, rd, e);
	rs_reader_free(rd);
	rs_classifier_free(c);
	fclose(fp);
	return st;
}

/* No header in the first 20 rows: the message says what the search needs
 * and both ways to name the header, not line 1's missing column alone. */
static void test_no_header_row_says_what_the_search_needs(void **state)
{
	char csv[2048] = "Report,of accounts\n";
	rs_error e;
	int i;

	(void)state;
	for (i = 0; i < 25; i++)
		strcat(csv, "note,some text\n");
	strcat(csv, "id,purchase_share\nA1,50\n");
	assert_int_equal(run_text(csv, &e), RS_EUSAGE);
	assert_int_equal(e.line, 0);
	assert_string_equal(e.msg, "no row of the first 20 gives an id and a share (line 1 gives no id): "
	                           "say which column is the id with -m id=COLUMN, or which line is the "
	                           "header with --header-row N; relstage fields lists the names it knows");
	/* a short file whose first row has an id but no share */
	assert_int_equal(run_text("id,name\nA1,Acme\n", &e), RS_EUSAGE);
	assert_non_null(strstr(e.msg, "(line 1 gives no share, nor both our_sales and customer_spend): "
	                              "say which column is the share with -m purchase_share=COLUMN"));
	/* a problem that is not a missing id or share stays the first row's */
	assert_int_equal(run_text("id,id,purchase_share\nA1,A2,50\n", &e), RS_EUSAGE);
	assert_int_equal(e.line, 1);
	assert_non_null(strstr(e.msg, "have the same name"));
}

static void log_notice(void *ctx, const rs_error *e)
{
	char *log = ctx;
	size_t n = strlen(log);

	(void)snprintf(log + n, 1024 - n, "N%lu %s|", e->line, e->msg);
}

static void log_skip(void *ctx, const rs_row *row, int kind)
{
	char *log = ctx;
	size_t n = strlen(log);

	(void)snprintf(log + n, 1024 - n, "S%lu %s|", row->line, rs_skip_name(kind));
}

static rs_status log_reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	char *log = ctx;
	size_t n = strlen(log);

	(void)err;
	(void)snprintf(log + n, 1024 - n, "R%lu %s|", row->line, why->msg);
	return RS_OK;
}

/* What a run over csv text skipped, rejected and said, in order, into log[1024]. */
static void run_log(const char *csv, char *log)
{
	rs_classify_opts o;
	rs_classifier *c = NULL;
	rs_reader *rd = NULL;
	rs_read_opts ro;
	rs_error e;
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	assert_non_null(fp);
	memset(&o, 0, sizeof o);
	memset(&ro, 0, sizeof ro);
	memset(&e, 0, sizeof e);
	log[0] = '\0';
	o.on_skip = log_skip;
	o.on_reject = log_reject;
	o.ctx = o.notice_ctx = log;
	o.notice = log_notice;
	assert_int_equal(rs_classifier_new(&c, rules, &o, &e), RS_OK);
	assert_int_equal(rs_reader_open(&rd, fp, "t.csv", &ro, &e), RS_OK);
	assert_int_equal(rs_classifier_file(c, rd, &e), RS_OK);
	rs_reader_free(rd);
	rs_classifier_free(c);
	fclose(fp);
}

/* "East Total" (English Excel's Subtotal) is a group's total when its
 * amounts are the sums of its group, the rows since the last totals row,
 * or of the file; an account so named whose amounts are not is classified,
 * and that is said. */
static void test_a_group_total_label_is_a_totals_row_only_when_it_adds_up(void **state)
{
	static const char csv[] = "id,name,purchase_share,our_sales,customer_spend,contacts,"
	                          "relationship_years\n"
	                          "A1,Acme,40,400,1000,3,2\n"
	                          "A2,Beta,50,500,1000,2,2\n"
	                          "East Total,,,900,2000,5,\n"
	                          "A3,Gamma,30,300,1000,4,2\n"
	                          "West Total,,,300,1000,4,\n"
	                          "Elf Total,Elf,10,100,1000,1,2\n"
	                          "Company Summary,,,1300,4000,10,\n"
	                          "Grand Total,,,1300,4000,10,\n";
	static const char region[] = "region,id,name,purchase_share,our_sales,contacts,"
	                             "relationship_years\n"
	                             "East,A1,Acme,40,400,3,2\n"
	                             "East,A2,Beta,50,500,2,2\n"
	                             "East Total,,,,900,5,\n"
	                             "West,A3,Gamma,30,300,4,2\n"
	                             "West Total,,,,333,4,\n";
	char log[1024];

	(void)state;
	run_log(csv, log);
	assert_string_equal(log, "S4 totals|S6 totals|N7 \"Elf Total\" looks like a totals row but its "
	                         "amounts are not the sums of the rows above: classified as an account|"
	                         "S8 totals|S9 totals|");
	/* the label in the group's column, the id empty */
	run_log(region, log);
	assert_string_equal(log, "S4 totals|R6 id is empty; no share: purchase_share is empty and "
	                         "our_sales/customer_spend are not both given|");
}

/* Excel's Subtotal with Average, Count, Max or Min: a row is skipped as a
 * totals row when its figures are what its label says (averages, also of
 * counts: 2.5 contacts; counts, also of ids; the largest; the smallest), of
 * its group or of the file (the grand row); else it stays rejected, or,
 * with its label in the id cell, is classified and said. Max and Min only
 * with the id empty. */
/* The log after the header's notes (line 1's: no cooperation columns). */
static const char *rows_log(const char *log)
{
	while (strncmp(log, "N1 ", 3) == 0 && strchr(log, '|') != NULL)
		log = strchr(log, '|') + 1;
	return log;
}

static void test_a_subtotal_of_another_function_is_skipped_only_when_it_holds(void **state)
{
	static const char avg[] = "region,id,name,purchase_share,our_sales,customer_spend,contacts\n"
	                          "East,A1,Acme,40,400,1000,3\n"
	                          "East,A2,Beta,50,500,1000,2\n"
	                          "East Average,,,,450,1000,2.5\n"
	                          "West,A3,Gamma,30,300,1000,4\n"
	                          "West Average,,,,300,1000,4\n"
	                          "Grand Average,,,,400,1000,3\n"
	                          "Wrong Average,,,,401,1000,3\n";
	static const char count[] = "region,id,name,purchase_share,our_sales\n"
	                            "East,A1,Acme,40,400\n"
	                            "East,A2,Beta,50,500\n"
	                            "East Count,2,,2,2\n"
	                            "West,A3,Gamma,30,300\n"
	                            "West Count,1,,1,\n"
	                            "Grand Count,3,,3,\n"
	                            "Bad Count,7,,7,\n";
	static const char max[] = "region,id,name,purchase_share,our_sales,customer_spend\n"
	                          "East,A1,Acme,40,400,1000\n"
	                          "East,A2,Beta,50,500,1000\n"
	                          "East Max,,,,500,1000\n"
	                          "East Min,,,,400,1000\n"
	                          "West,A3,Gamma,30,300,1000\n"
	                          "West Min,,,,301,1000\n"
	                          "West,Club Max,Club,50,500,1000\n";
	static const char named[] = "id,name,purchase_share,our_sales,customer_spend\n"
	                            "A1,Acme,40,400,1000\n"
	                            "A2,Beta,50,500,1000\n"
	                            "Golden Average,Golden,45,450,1000\n"
	                            "Silver Average,Silver,10,100,1000\n";
	char log[1024];

	(void)state;
	run_log(avg, log);
	assert_string_equal(rows_log(log), "S4 totals|S6 totals|S7 totals|R8 id is empty|");
	run_log(count, log);
	assert_string_equal(rows_log(log), "S4 totals|S6 totals|S7 totals|N8 \"7\" looks like a subtotal row but its "
	                         "figures are not the counts of the rows above: classified as an "
	                         "account|");
	run_log(max, log);
	assert_string_equal(rows_log(log), "S4 totals|S5 totals|R7 id is empty|");
	/* an account named so, whose figures are its group's: skipped as it
	 * claims; one whose are not: classified, and said */
	run_log(named, log);
	assert_string_equal(rows_log(log), "S4 totals|N5 \"Silver Average\" looks like a subtotal row but its "
	                         "figures are not the averages of the rows above: classified as an "
	                         "account|");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_header_is_input_then_appended_columns),
		cmocka_unit_test(test_warm_rows_do_not_allocate),
		cmocka_unit_test(test_appended_cells_and_their_types),
		cmocka_unit_test(test_top_stage_has_null_next_stage_and_gap),
		cmocka_unit_test(test_input_column_named_stage_collides),
		cmocka_unit_test(test_previous_stage_collides_only_with_previous),
		cmocka_unit_test(test_second_header_must_match_the_first),
		cmocka_unit_test(test_explain_column_follows_actions),
		cmocka_unit_test(test_previous_columns_transitions_and_counts),
		cmocka_unit_test(test_id_repeated_on_the_next_row_is_rejected),
		cmocka_unit_test(test_reader_rejected_row_is_counted_with_its_reason),
		cmocka_unit_test(test_key_columns_for_the_table),
		cmocka_unit_test(test_a_group_total_label_is_a_totals_row_only_when_it_adds_up),
		cmocka_unit_test(test_a_subtotal_of_another_function_is_skipped_only_when_it_holds),
		cmocka_unit_test(test_flags_and_actions_match_the_fired_rules),
		cmocka_unit_test(test_number_cells_at_their_edges),
		cmocka_unit_test(test_cells_stay_right_when_the_arena_grows),
		cmocka_unit_test(test_share_and_gap_cells_match_put_num_for_every_hundredth),
		cmocka_unit_test(test_input_types_reset_after_a_typed_row),
		cmocka_unit_test(test_long_number_in_a_row_keeps_the_cells_right),
		cmocka_unit_test(test_decimal_comma_in_share_and_gap_cells_only),
		cmocka_unit_test(test_a_file_comes_out_through_the_callbacks),
		cmocka_unit_test(test_no_header_row_says_what_the_search_needs),
		cmocka_unit_test(test_a_run_stopped_by_the_first_rows_counts_what_went_out),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
