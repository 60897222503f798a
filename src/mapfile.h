/*
 * mapfile.h - a --map-file: what a team would otherwise repeat in -m options
 * every night (field -> column, value words per field, cooperation options,
 * columns to ignore, the header row), read once with cJSON (mapfile.c), and
 * written by `inspect --write-map`; rs_mapfile_load and rs_mapfile_free are
 * public (relstage.h).
 */
#ifndef RS_MAPFILE_H
#define RS_MAPFILE_H

#include "fields_impl.h"

struct rs_mapfile {
	const char *name;         /* the path given (borrowed), for messages */
	char **field, **column;   /* "fields": column "" takes the field from none */
	char **field_key;         /* each one's place, "fields.contacts" */
	size_t nfields;
	char **ignore;            /* "ignore": columns never taken as fields */
	size_t nignore;
	unsigned long header_row; /* "header_row": the header's line, 0 if not given */
	rs_value_words words[RS_F_COUNT]; /* "values": words per field */
	rs_value_words options; /* "options": cooperation option -> field, or -1 for none */
};

/*
 * Parses a map file's text; `name` labels errors, which name the key
 * ("map.json: values.key_person.Ja: ..."), and must outlive *out.
 * *out is owned: rs_mapfile_free.
 */
rs_status rs_mapfile_parse(rs_mapfile **out, const char *text, size_t len, const char *name,
                           rs_error *err);

/*
 * Appends to b a map file that rs_mapfile_parse reads back: field f taken
 * from column column[f] ("": from none; NULL: f left out), header_row unless
 * 0, the columns `ignores` and then from's ignored ones, and from's value
 * words and options (from, the map file the run read, may be NULL). Nothing
 * is kept; a failed append leaves b->failed set.
 */
void rs_mapfile_write(rs_buf *b, const char *const column[RS_F_COUNT], unsigned long header_row,
                      const char *const *ignores, size_t nignores, const rs_mapfile *from);

#endif
