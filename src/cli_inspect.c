/*
 * cli_inspect.c - the command line of how an export is read: the options
 * that steer it (--map-file, --ignore, --header-row, --prefix), the cron
 * guard (--max-rejects), and `relstage inspect` with --write-map.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int bad(const char *what, const char *arg)
{
	fprintf(stderr, "relstage: %s, not \"%s\"; see relstage --help\n", what, arg);
	return EXIT_TROUBLE;
}

/* A whole number 0 .. 10^9 (a line, a count of rows), with a '%' after it when pct. */
static bool whole(const char *s, bool pct, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	if (*s < '0' || *s > '9')
		return false;
	v = strtoul(s, &end, 10);
	if (errno != 0 || v > 1000000000UL || strcmp(end, pct ? "%" : "") != 0)
		return false;
	*out = v;
	return true;
}

int cli_intake_option(int c, const char *arg, cli_opts *o)
{
	switch (c) {
	case CLI_OPT_MAP_FILE:
		o->map_file = arg;
		break;
	case CLI_OPT_IGNORE:
		if (*arg == '\0')
			return bad("--ignore takes a column's name", arg);
		o->ignores[o->nignores++] = arg;
		break;
	case CLI_OPT_HEADER_ROW:
		if (!whole(arg, false, &o->header_line) || o->header_line == 0)
			return bad("--header-row takes the header's line number", arg);
		break;
	case CLI_OPT_PREFIX:
		if (*arg == '\0' || strpbrk(arg, ",;\t\"\r\n") != NULL)
			return bad("--prefix takes a word to put before the appended columns' names", arg);
		o->prefix = arg;
		break;
	case CLI_OPT_MAX_REJECTS:
		o->max_rejects_pct = strchr(arg, '%') != NULL;
		if (!whole(arg, o->max_rejects_pct, &o->max_rejects) || (o->max_rejects_pct && o->max_rejects > 100))
			return bad("--max-rejects takes a number of rows or a percentage (5%)", arg);
		o->max_rejects_set = true;
		break;
	case CLI_OPT_WRITE_MAP:
		o->write_map = arg;
		break;
	default:
		return 0;
	}
	return -1;
}

void cli_classify_opts(const cli_opts *o, rs_classify_opts *co)
{
	memset(co, 0, sizeof *co);
	co->lang = o->lang;
	co->header_lang = o->header_lang;
	co->explain = o->explain;
	co->decimal_comma = o->decimal_comma;
	co->maps = o->maps;
	co->nmaps = o->nmaps;
	co->ignores = o->ignores;
	co->nignores = o->nignores;
	co->map_file = o->map_file;
	co->header_line = o->header_line;
	co->prefix = o->prefix;
	co->share_scale = o->share_scale;
	co->today = o->today;
}

/*
 * While the run goes on (final false) only a number of rows can be known
 * to be exceeded; a percentage is judged at the end, of the rows that were
 * classified or rejected (skipped rows are not accounts).
 */
bool cli_too_many_rejects(const cli_opts *o, unsigned long rejected, unsigned long rows, bool final)
{
	if (!o->max_rejects_set)
		return false;
	if (!o->max_rejects_pct)
		return rejected > o->max_rejects;
	return final && rows > 0 && (double)rejected * 100.0 > (double)o->max_rejects * (double)rows;
}

int cli_inspect(const cli_opts *o, const rs_rules *rules)
{
	rs_classify_opts co;
	rs_buf report, map;
	rs_error err;
	rs_status st;
	int rc;

	if (o->wopts.format != RS_FMT_CSV && o->wopts.format != RS_FMT_JSON) {
		fprintf(stderr, "relstage: inspect writes text, or JSON with --to json; see relstage --help\n");
		return EXIT_TROUBLE;
	}
	if (o->output || o->rejects || o->summary_json || o->previous || o->summary) {
		fprintf(stderr, "relstage: inspect writes nothing but its report: -o, --rejects, --summary, "
		                "--summary-json and --previous are for a run; see relstage --help\n");
		return EXIT_TROUBLE;
	}
	memset(&err, 0, sizeof err);
	cli_classify_opts(o, &co);
	rs_buf_init(&report);
	rs_buf_init(&map);
	st = rs_inspect(o->inputs, o->ninputs, &o->ropts, rules, &co, o->wopts.format == RS_FMT_JSON,
	                &report, o->write_map ? &map : NULL, &err);
	if (report.data != NULL)
		fwrite(report.data, 1, report.len, stdout);
	rc = st == RS_OK ? 0 : st == RS_EREJECT ? EXIT_REJECTS : EXIT_TROUBLE;
	if (rc == EXIT_TROUBLE)
		cli_error(&err);
	/* The map of a run that would stop on a column problem helps fix it;
	 * after out of memory or an I/O error it may be partial: not written. */
	if (o->write_map != NULL && map.len > 0 && !map.failed &&
	    (rc != EXIT_TROUBLE || err.status == RS_EUSAGE)) {
		memset(&err, 0, sizeof err);
		if (cli_atomic_write(o->write_map, &map, &err) != RS_OK) {
			cli_error(&err);
			rc = EXIT_TROUBLE;
		}
	}
	rs_buf_free(&report);
	rs_buf_free(&map);
	return rc;
}
