/*
 * cli.h - what the front end's files share: the parsed options and the
 * message helpers. Nothing in the library includes this.
 */
#ifndef RS_CLI_H
#define RS_CLI_H

#include "relstage.h"

enum { EXIT_CLASSIFIED = 0, EXIT_REJECTS = 1, EXIT_TROUBLE = 2 };

typedef struct cli_opts {
	const char *rules_path;      /* NULL: the embedded default rules */
	const char **maps;           /* --map specs */
	size_t nmaps;
	rs_lang lang;
	rs_lang header_lang;         /* --headers */
	bool explain;
	bool decimal_comma;          /* --decimal-comma, --excel=eu */
	rs_read_opts ropts;
	rs_write_opts wopts;
	const char *output;          /* NULL: standard output */
	const char *rejects;
	const char *summary_json;
	const char *previous;
	bool summary;
	bool quiet;
	rs_share_scale share_scale;  /* --share-scale */
	long today;                  /* $RELSTAGE_TODAY as YYYYMMDD, else 0 */
	char *const *inputs;         /* none: standard input */
	size_t ninputs;
} cli_opts;

/* cli_msg.c: "relstage: FILE:LINE: WHERE: MSG" on stderr. */
void cli_error(const rs_error *e);
/* "relstage: MSG" on stderr (printf-style). */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Classifies the inputs; returns the exit code. */
int cli_run(const cli_opts *o, const rs_rules *rules);

#endif
