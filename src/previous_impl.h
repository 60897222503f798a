/*
 * previous_impl.h - how the classifier asks the previous run about an id.
 */
#ifndef RS_PREVIOUS_IMPL_H
#define RS_PREVIOUS_IMPL_H

#include "internal.h"

#define RS_PREV_NEW (-1L)       /* not in the previous run */
#define RS_PREV_DUPLICATE (-2L) /* already seen in this run (*first_line says where) */
#define RS_PREV_NOMEM (-3L)

/* The previous stage of `id` (RS_PREV_NEW if none), marking nothing. An id
 * first seen in this run also says RS_PREV_NEW. */
long rs_previous_stage(const rs_previous *p, const char *id, size_t n);
/*
 * Marks `id` as seen at `file`:`line` in this run (file may be NULL) and
 * returns its previous stage index, or one of the codes above. Ids new in
 * this run are remembered too, so a repeated id is caught whether or not it
 * was in the previous run; then *first_file (a copy p owns, NULL when none
 * was given) and *first_line say where it was first.
 */
long rs_previous_visit(rs_previous *p, const char *id, size_t n, const char *file,
                       unsigned long line, const char **first_file, unsigned long *first_line);
/*
 * `id`'s row was rejected in this run: when the previous run had it and this
 * run does not classify it, it is reported as rejected, not as vanished.
 */
void rs_previous_reject(rs_previous *p, const char *id, size_t n, unsigned long line);
/* Calls fn for each account of the previous run that this run did not
 * classify: with `rejected`, those whose rows it only rejected, else the
 * vanished ones (no row with the id at all). */
void rs_previous_each(const rs_previous *p, bool rejected,
                      void (*fn)(void *ctx, const char *id, size_t stage), void *ctx);

/*
 * Ids new in this run that are a vanished id of the previous run but for
 * their shape (case, full-width forms, leading zeros of an all-digit id):
 * how many, and one line about them appended to msg (none when 0; out of
 * memory sets msg->failed).
 */
unsigned long rs_previous_reshaped(const rs_previous *p, rs_lang g, rs_buf *msg);
/* The previous file's name, as given to rs_previous_load. */
const char *rs_previous_name(const rs_previous *p);

#endif
