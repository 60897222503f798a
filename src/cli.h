/*
 * cli.h - what the front end's files share: the parsed options and the
 * message helpers. Nothing in the library includes this.
 */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <stdarg.h>

#include "relstage.h"

enum { EXIT_CLASSIFIED = 0, EXIT_REJECTS = 1, EXIT_TROUBLE = 2 };

typedef struct cli_opts {
	const char *rules_path;      /* NULL: the embedded default rules */
	/* What the classifier is told (the language, --headers, --explain,
	 * --map, --ignore, --map-file, --header-row, --prefix, --share-scale,
	 * $RELSTAGE_TODAY); a run adds its callbacks. co.maps and co.ignores
	 * point into maps and ignores, which the option parser fills. */
	rs_classify_opts co;
	const char **maps, **ignores;
	rs_read_opts ropts;
	rs_write_opts wopts;
	const char *output;          /* NULL: standard output */
	const char *to;              /* --to as given, NULL: by -o's extension */
	const char *rejects;
	const char *summary_json;
	const char *previous;
	bool summary;
	bool quiet;
	unsigned long max_rejects;   /* --max-rejects N or P% */
	bool max_rejects_set, max_rejects_pct;
	const char *write_map;       /* inspect --write-map FILE */
	const char *map_file;        /* --map-file: main loads it once into co and ropts */
	char *const *inputs;         /* none: standard input */
	size_t ninputs;
} cli_opts;

/* cli_msg.c: the language of the front end's messages, set by main (from
 * RELSTAGE_LANG and --lang, before any other option is read). */
extern rs_lang cli_lang;
/* --help in two parts, English and Chinese side by side. */
extern const char *const cli_help[2][RS_LANG_COUNT];
/* The front end's own messages, English and Chinese side by side. */
extern const char *const cli_msgs[][RS_LANG_COUNT];
extern const size_t cli_nmsgs;
/* The front end's own message en (a format) in cli_lang; en when it has no
 * translation. */
const char *cli_tr(const char *en)
#if defined(__GNUC__)
	__attribute__((format_arg(1)))
#endif
	;
/* An empty error whose message the library words in cli_lang. */
void cli_error_init(rs_error *e);
/* "relstage: FILE:LINE: WHERE: MSG" on stderr. */
void cli_error(const rs_error *e);
/* "relstage: MSG" on stderr (printf-style, fmt and tail through cli_tr);
 * cli_vwarn adds tail after MSG. */
void cli_vwarn(const char *tail, const char *fmt, va_list ap);
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/*
 * cli_atomic.c: a file written to a temporary name in the same directory and renamed over
 * `path` only on commit, so a reader of `path` sees the old file or the whole
 * new one, never a partial one. The new file gets the old one's permission
 * bits (or 0666 less the umask when there was none).
 */
typedef struct cli_atomic cli_atomic;

/*
 * `path` is borrowed (it becomes err->file) and must outlive the handle. A
 * symbolic link is followed, so the link stays a link. A target that exists
 * and is not a regular file (/dev/null, /dev/full, a FIFO) is written in
 * place: renaming over it would replace the device node. A directory is an
 * error.
 */
rs_status cli_atomic_open(cli_atomic **out, const char *path, rs_error *err);
FILE *cli_atomic_file(cli_atomic *a);
/*
 * Flushes, fsyncs and closes, the part that can take long or fail; nothing
 * is replaced yet. On failure the temporary is removed (a still needs
 * cli_atomic_abort). Calling it again returns the same outcome.
 */
rs_status cli_atomic_close(cli_atomic *a, rs_error *err);
/* Closes (when not closed yet) and renames; frees a. On failure the temporary is removed. */
rs_status cli_atomic_commit(cli_atomic *a, rs_error *err);
/* Closes and removes the temporary; frees a. Accepts NULL. */
void cli_atomic_abort(cli_atomic *a);
/* Would a and b, as outputs, be one file? The same regular file (by its
 * inode, symbolic links followed), or the same name in the same directory. */
bool cli_atomic_same(const char *a, const char *b);
/* The whole of b as the file at path, atomically. */
rs_status cli_atomic_write(const char *path, const rs_buf *b, rs_error *err);

/* cli_run.c: classifies the inputs; returns the exit code. */
int cli_run(const cli_opts *o, const rs_rules *rules);
/* cli_run.c: whether path, the file of output option opt, is one of o's
 * inputs (said on stderr). */
bool cli_names_input(const cli_opts *o, const char *opt, const char *path);

#endif
