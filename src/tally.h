/*
 * tally.h - the figures of the accounts read so far in a file, and in its
 * current group (since the last totals row): what a totals or subtotal row
 * must equal to be skipped as one (tally.c). Not public API.
 */
#ifndef RS_TALLY_H
#define RS_TALLY_H

#include <stdbool.h>
#include <stdint.h>

#include "header.h"
#include "internal.h"

typedef struct rs_tally {
	double sum[RS_F_COUNT], max[RS_F_COUNT], min[RS_F_COUNT];
	unsigned long known[RS_F_COUNT];  /* rows whose field is a number */
	unsigned long filled[RS_F_COUNT]; /* rows whose cell is not empty (Excel's Count) */
	unsigned long rows;
} rs_tally;

void rs_tally_reset(rs_tally *t);
/* An account row's figures join t: its numbers; its filled cells, the
 * known ones and the `failed` ones (a cell that did not read is not empty);
 * id_filled: its id cell is not empty. */
void rs_tally_add(rs_tally *t, const rs_account *a, uint32_t failed, bool id_filled);
/* src's rows join dst's: a group's figures join the file's when it ends. */
void rs_tally_merge(rs_tally *dst, const rs_tally *src);
/*
 * Are a's figures the `agg` (enum rs_agg) of the rows in t (min_rows at
 * least)? Each amount and count a gives (one at least, not 0) must be the
 * sum, average, count, largest or smallest of its column; for all but the
 * sum, the share and the years too (a totals row's share is no sum).
 * An average may be rounded to the decimals a gives (a sheet's number
 * format). id_count: the id cell's whole number (Count given to the id
 * column), which must be the rows with an id, or -1. The fields checked go
 * to names (", " or "、" between, zh), for a note.
 */
bool rs_tally_matches(const rs_tally *t, int agg, const rs_account *a, long id_count,
                      unsigned long min_rows, bool zh, char names[96]);

#endif
