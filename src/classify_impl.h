/*
 * classify_impl.h - the classifier's state (classify.c), which inspect and
 * the summary read and the unit tests look into. Not public API.
 */
#ifndef RS_CLASSIFY_IMPL_H
#define RS_CLASSIFY_IMPL_H

#include <stdint.h>

#include "header.h"
#include "internal.h"
#include "rules_impl.h"
#include "tally.h"

/* A piece of text set up once. */
typedef struct text_ref {
	const char *s;
	size_t n;
} text_ref;



struct rs_classifier {
	const rs_rules *rules;
	rs_classify_opts o;
	rs_fieldmap *map;
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
	unsigned char *hdr_type; /* RS_T_NUMBER for the columns of numbers */
	rs_row out_hdr;
	rs_row out_row;
	rs_buf arena;        /* appended cells' text, back to back */
	rs_buf explain;
	/* The input cells' part of type may hold other than RS_T_STRING (0):
	 * false while it is as calloc or the last memset left it, so rows
	 * without types do not clear it again. */
	bool in_typed;
	/* The advice's texts: the relationship types' ids and labels, the bond
	 * and model ids, the needs' separator. */
	text_ref type_id[RS_MAX_KINDS], type_label[RS_MAX_KINDS];
	text_ref bond_id[RS_MAX_KINDS], model_id[RS_MAX_KINDS];
	text_ref need_sep;
	text_ref stage_id[RS_MAX_STAGES], stage_label[RS_MAX_STAGES];
	rs_stats stats;
	bool finished;
	/* Looked up once, not per row: the action whose flag each action
	 * shares (itself when it is the first with that flag), and the
	 * downgrade message. */
	unsigned char flag_owner[RS_MAX_FIRED];
	const char *downgrade;
	size_t stage;        /* the last row's stage: counted once it goes out */
	char delim;          /* the file's delimiter: its decimal mark (rs_fieldmap_decide) */
	uint32_t told;       /* fields whose reading of "1.234" was said */
	uint32_t told_formula; /* fields whose ="..." reading was said */
	/* Per file, shares past the look-ahead in (0, 1) that the first rows had
	 * read as percentages (rs_fieldmap_share_doubt): how many, the first's
	 * line and value, said at the file's end. in_la: the look-ahead's own
	 * rows are being classified (their notice said it already). */
	bool in_la;
	unsigned long late_n, late_line;
	char late_val[40];
	/* Per file, each field's JSON false values read as empty (a->falsed):
	 * how many, the first's line; said at the file's end. */
	unsigned long false_n[RS_F_COUNT], false_line[RS_F_COUNT];
	bool mismatch;       /* this row's share disagrees with our_sales/customer_spend */
	/* Without --previous, the last classified row's id, its line and file
	 * (copied when the file changes; last_here: it is the one being read):
	 * an id on two rows in a row is caught in constant memory. */
	rs_buf last_id, last_file;
	unsigned long last_line;
	bool last_here;
	/* Per file, the figures of the account rows read: a row without id and
	 * name whose amounts are their sums is a totals row without a label.
	 * And the same since the last totals row, a group's (started again at
	 * the next account row: Excel may write a group's Count and Average
	 * rows one after the other). */
	rs_tally file_tally, group_tally;
	bool group_over;     /* a totals row ended the group */
	bool totals_row;     /* this row is one (set by evaluate) */
	int looks_total;     /* an account whose id reads as a group's subtotal: its rs_agg */

	/* What comes in around the accounts (header.c) and how columns were
	 * taken: the map file, an earlier run's columns, the notes. */
	rs_intake in;
	rs_fieldcfg cfg;        /* cfg.file: the map file, borrowed from the options */
	rs_fieldmap *partial;   /* a header's map without id or share (inspect) */
	size_t nraw;            /* input columns (the map's width) */
	size_t drop_from, drop_to; /* an earlier run's appended columns: not written */
	rs_buf notes;           /* the notes, a line each: the header's (said at each
	                           file's header), then each file's own (said once) */
	size_t header_notes;    /* bytes of notes that are the header's */
	char **prefixed;        /* --prefix: the appended column names, else NULL */
	/* A workbook row whose trailing cells are empty is short (Excel does
	 * not store them): it is padded to the header's width here. */
	const char **pad_cell;
	size_t *pad_len;
	unsigned char *pad_type;
	rs_row pad;
	/* rs_classifier_file: the reader being read; whether its header was
	 * found; its first rows, held while `looking`, until they decide how
	 * the file's values read. */
	rs_reader *rd;
	bool file_header, looking;
	unsigned long header_line; /* the line of its header */
	rs_rowq *la;
	void (*peek)(void *ctx, const rs_row *in); /* inspect: each row before it is classified */
};

/* Input column -> output column, or -1 for a dropped one (an earlier run's). */
long rs_intake_out_col(const rs_classifier *c, long in_col);

#endif
