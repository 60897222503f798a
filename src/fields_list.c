/*
 * fields_list.c - the list `relstage fields` prints: every field, its kind,
 * meaning, built-in names and words, then the value words and cooperation
 * options. Labels in the caller's language; names and words as written,
 * since they are what a header holds or a user types.
 */
#include <string.h>

#include "internal.h"
#include "msg.h"

/* The field column (20), then the kind padded to 7 columns of a terminal. */
static void lead(rs_buf *b, const char *name, const char *kind)
{
	size_t w = rs_display_width(kind, strlen(kind));

	(void)rs_buf_printf(b, "%-20s %s%*s", name, kind, w < 7 ? (int)(7 - w) : 0, "");
}

static void list_field(rs_buf *b, rs_lang g, int f)
{
	rs_field_info fi;
	const char *const *a;
	char words[2048];

	(void)rs_field_describe((size_t)f, &fi);
	lead(b, fi.name, rs_msg(g, (rs_msg_id)(RS_M_F_TEXT + fi.kind)));
	(void)rs_buf_printf(b, " %s\n", rs_field_meaning(f, g));
	lead(b, "", "");
	(void)rs_buf_printf(b, " %s", rs_msg(g, RS_M_F_ALIASES)); /* every field has a name */
	for (a = fi.aliases; a != NULL && *a != NULL; a++)
		(void)rs_buf_printf(b, "%s%s", a == fi.aliases ? "" : " ", *a);
	(void)rs_buf_printf(b, "\n");
	if (rs_field_words(f, g, words, sizeof words) > 0) {
		lead(b, "", "");
		(void)rs_buf_printf(b, " %s%s\n", rs_msg(g, RS_M_F_WORDS), words);
	}
}

/* The yes/no words (yes, then no) and the level words (executive down to staff). */
static void list_values(rs_buf *b, rs_lang g)
{
	static const char *const names[2][5] = {{"no", "yes"},
	                                        {"", "staff", "manager", "director", "executive"}};
	const char *w;
	rs_kind k;
	int want, v, t;
	size_t i;

	(void)rs_buf_printf(b, "%s", rs_msg(g, RS_M_F_VALUES));
	for (t = 0; t < 2; t++)
		for (want = t == 0 ? 1 : 4; want >= (t == 0 ? 0 : 1); want--) {
			lead(b, names[t][want], rs_msg(g, t == 0 ? RS_M_F_BOOL : RS_M_F_LEVEL));
			for (i = 0; (w = rs_value_word(i, &k, &v)) != NULL; i++)
				if ((k == RS_KIND_BOOL) == (t == 0) && v == want)
					(void)rs_buf_printf(b, " %s", w);
			if (t == 0)
				(void)rs_buf_printf(b, "%s",
				                    rs_msg(g, want ? RS_M_F_YES : RS_M_F_NO));
			if (t == 1 && want == 3) /* words.c's unit_head */
				(void)rs_buf_printf(b, "%s", rs_msg(g, RS_M_F_UNIT_GM));
			(void)rs_buf_printf(b, "\n");
		}
}

/* Each cooperation option by the field it names. */
static void list_options(rs_buf *b, rs_lang g)
{
	const char *w;
	rs_kind k;
	int f, n, v;
	size_t i;

	(void)rs_buf_printf(b, "%s", rs_msg(g, RS_M_F_OPTIONS));
	for (f = 0; f < RS_F_COUNT; f++) {
		for (n = 0, i = 0; (w = rs_value_word(i, &k, &v)) != NULL; i++)
			if (k == RS_KIND_TEXT && v == f) {
				if (n++ == 0)
					lead(b, rs_var_name(f), rs_msg(g, RS_M_F_OPTION));
				(void)rs_buf_printf(b, " %s", w);
			}
		if (n > 0)
			(void)rs_buf_printf(b, "\n");
	}
}

rs_status rs_fields_list(rs_lang lang, rs_buf *out, rs_error *err)
{
	int f;

	for (f = 0; f < RS_F_COUNT; f++)
		list_field(out, lang, f);
	list_values(out, lang);
	list_options(out, lang);
	if (out->failed)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	return RS_OK;
}
