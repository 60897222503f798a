/*
 * classify_impl.h - the classifier's state, shared by its two halves:
 * classify.c (set-up, header, counts) and classify_row.c (a row's cells).
 * Not public API.
 */
#ifndef RS_CLASSIFY_IMPL_H
#define RS_CLASSIFY_IMPL_H

#include <stdint.h>

#include "buf_impl.h"
#include "internal.h"
#include "rules_impl.h"

/* Plain for every output format: what a formatted number or a bare id is. */
#define PLAIN_ALL (RS_PLAIN_CSV | RS_PLAIN_TSV | RS_PLAIN_JSON | RS_PLAIN_NOQUOTE)
/* Distinct (stage, fired set, downgraded) tails kept; more are built per row. */
#define TAIL_SLOTS 256
/* Arena bytes for one number cell: rs_num_small's room, which covers its
 * text (at most 13 bytes) and the NUL. */
#define NUM_ROOM (RS_NUM_SMALL_ROOM + 1)

/* A piece of text set up once, with what it is plain for. */
typedef struct text_ref {
	const char *s;
	size_t n;
	unsigned char plain;
} text_ref;

/* The flags and actions cells of one decision, joined once: text holds
 * "flags\0actions\0". */
typedef struct tail {
	char *text;
	uint64_t fired; /* bit k: action rule k fired */
	unsigned char stage;
	bool down;
	text_ref flags, actions;
} tail;

enum {
	COL_STAGE,
	COL_LABEL,
	COL_SHARE,
	COL_CONTACT,
	COL_COOP,
	COL_NEXT,
	COL_GAP,
	COL_FLAGS,
	COL_ACTIONS,
	COL_TYPE,
	COL_TYPE_LABEL,
	COL_BONDS,
	COL_NEEDS,
	COL_MODEL,
	COL_EXPLAIN,
	COL_PREV,
	COL_TRANSITION,
	COL_MAX
};

struct rs_classifier {
	const rs_rules *rules;
	rs_classify_opts o;
	rs_fieldmap *map;
	rs_numfmt nf;
	size_t nin;          /* input columns */
	size_t nout;         /* output columns */
	int cols[COL_MAX];   /* which appended columns, in order */
	size_t ncols;
	/* output row storage, sized once at the header */
	const char **cell;
	size_t *len;
	unsigned char *type;
	char **hdr_cell;     /* output header names (owned copies) */
	size_t *hdr_len;
	rs_row out_hdr;
	rs_row out_row;
	rs_buf arena;        /* appended cells' text, back to back (put_fixed) */
	rs_buf explain;
	unsigned char *plain; /* output row's RS_PLAIN_ bits, nout of them */
	/* The input cells' part of type (plain) may hold other than RS_T_STRING
	 * (0): false while it is as calloc or the last memset left it, so rows
	 * without types (plain bits) do not clear it again. */
	bool in_typed, in_plain;
	/* The advice's texts: per relationship type "id\0label\0" (kind_text),
	 * the bond and model ids, and the needs' separator. */
	char *kind_text[RS_MAX_KINDS];
	text_ref type_id[RS_MAX_KINDS], type_label[RS_MAX_KINDS];
	text_ref bond_id[RS_MAX_KINDS], model_id[RS_MAX_KINDS];
	text_ref need_sep;
	unsigned char *need_plain; /* the RS_PLAIN_ bits of each needs text */
	/* Per stage "id\0label\0" in one block: one copy into the arena. */
	char *stage_text[RS_MAX_STAGES];
	text_ref stage_id[RS_MAX_STAGES], stage_label[RS_MAX_STAGES];
	/* Arena bytes the cells stage .. share_gap can take (flags not counted):
	 * reserved once per row, then written without further checks. */
	size_t row_room;
	tail tails[TAIL_SLOTS];
	rs_stats stats;
	bool finished;
	/* Looked up once, not per row: the action whose flag each action
	 * shares (itself when it is the first with that flag), and the
	 * downgrade message. */
	unsigned char flag_owner[RS_MAX_FIRED];
	const char *downgrade;
	/* With --explain: the RS_PLAIN_CSV, _TSV, _JSON, _NOQUOTE bits true of
	 * all the rules' explain pieces together (one scan of them, at
	 * rs_classifier_new), hence of every explain text, made of pieces and
	 * numbers. */
	unsigned char ex_plain;
	bool ex_commas_by_actions; /* rs_engine_commas_from_actions */
};

#endif
