/*
 * main.c - relstage's command line: options, subcommands, messages and exit
 * codes. The work itself is in the library (include/relstage.h); the run
 * loop over input files is in cli_run.c, the message helpers in cli_msg.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

static int usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vwarn("; see relstage --help", fmt, ap);
	va_end(ap);
	return EXIT_TROUBLE;
}

/*
 * A standard descriptor closed by the caller (`2>&-`, a daemon's cron) would
 * be the next one open() returns: an output's temporary file would take it
 * and receive the messages (or the table) meant for it. /dev/null opened the
 * other way round holds the slot and still fails every read or write with
 * EBADF, as the closed descriptor did, so a closed stdout stays exit 2.
 */
static void hold_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
			exit(EXIT_TROUBLE); /* the lowest free descriptor was not fd: cannot hold it */
}

/* Standard output must have been written whole (jq does the same check). */
static int finish_stdout(int code)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (code != EXIT_TROUBLE) /* else the failure was reported already */
			cli_warn("<stdout>: write failed: %s", strerror(errno ? errno : EIO));
		return EXIT_TROUBLE;
	}
	return code;
}

/* Reads a whole (small) file; the caller frees *text with free(). */
static int slurp(const char *path, char **text, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 65536, n = 0, got;
	char *buf = NULL, *p;

	if (fp == NULL) {
		cli_warn("%s: cannot open: %s", path, strerror(errno));
		return EXIT_TROUBLE;
	}
	for (;;) {
		if ((p = realloc(buf, cap)) == NULL)
			break;
		buf = p;
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (n < cap || cap >= (64u << 20))
			break;
		cap *= 2;
	}
	if (p == NULL || ferror(fp) || n == cap) {
		rs_error err;

		cli_error_init(&err);
		err.file = path;
		if (p == NULL)
			(void)rs_error_set(&err, RS_ENOMEM, 0, "out of memory");
		else if (ferror(fp)) /* a directory: EISDIR */
			(void)rs_error_set(&err, RS_EIO, 0, "read failed: %s", strerror(errno));
		else
			(void)rs_error_set(&err, RS_ELIMIT, 0, cli_tr("rules file larger than 64 MiB"));
		cli_error(&err);
		fclose(fp);
		free(buf);
		return EXIT_TROUBLE;
	}
	fclose(fp);
	*text = buf;
	*len = n;
	return 0;
}

/* A problem of a rules file; one with status RS_OK is a warning, which
 * only validate shows (count: how many were shown). */
static void print_problem(void *ctx, const rs_error *e)
{
	size_t *count = ctx;
	rs_error w = {0};

	if (e->status == RS_OK && count == NULL)
		return;
	if (e->status == RS_OK) {
		w = *e;
		(void)snprintf(w.msg, sizeof w.msg, cli_tr("warning: %.460s"), e->msg);
		e = &w;
	}
	cli_error(e);
	if (count != NULL)
		(*count)++;
}

/* Loads --rules FILE or the embedded defaults; exit code 0 or 2. With
 * check, a file whose decision table has errors is refused. */
static int load_rules(const char *path, bool check, rs_rules **rules)
{
	rs_error err = {0};
	char *text = NULL;
	size_t len = 0, problems = 0;
	rs_status st;
	int rc;

	cli_error_init(&err);
	if (path == NULL) {
		st = rs_rules_load_default(rules, &err);
		if (st != RS_OK)
			cli_error(&err);
		return st == RS_OK ? 0 : EXIT_TROUBLE;
	}
	if ((rc = slurp(path, &text, &len)) != 0)
		return rc;
	st = rs_rules_load(rules, text, len, path, print_problem, &problems, &err);
	free(text);
	if (st != RS_OK && problems == 0)
		cli_error(&err);
	if (st != RS_OK)
		return EXIT_TROUBLE;
	/* A table that validate rejects (a gap) is refused here too. */
	if (check && rs_rules_analyze(*rules, cli_lang, print_problem, NULL) > 0) {
		cli_warn("%s: the decision table has errors (relstage validate %s lists them all)", path, path);
		rs_rules_free(*rules);
		*rules = NULL;
		return EXIT_TROUBLE;
	}
	return 0;
}

/* What a library call built in b, on stdout when it succeeded (st), else
 * its error; frees b. The exit code. */
static int print_built(rs_status st, rs_buf *b, const rs_error *err)
{
	if (st == RS_OK)
		fwrite(b->data, 1, b->len, stdout);
	else
		cli_error(err);
	rs_buf_free(b);
	return finish_stdout(st == RS_OK ? 0 : EXIT_TROUBLE);
}

static int cmd_rules(const char *path)
{
	rs_rules *rules = NULL;
	rs_error err;
	rs_buf json;
	int rc = load_rules(path, true, &rules);

	if (rc != 0)
		return rc;
	cli_error_init(&err);
	rs_buf_init(&json);
	rc = print_built(rs_rules_dump(rules, &json, &err), &json, &err);
	rs_rules_free(rules);
	return rc;
}

static int cmd_validate(const char *path)
{
	rs_rules *rules = NULL;
	size_t errors, shown = 0, warnings;
	int rc = load_rules(path, false, &rules);

	if (rc != 0)
		return rc;
	errors = rs_rules_analyze(rules, cli_lang, print_problem, &shown);
	warnings = shown - errors;
	if (errors == 0) {
		printf(cli_tr("%s: ok: %zu stages, %zu action rules"), path, rs_rules_stage_count(rules),
		       rs_rules_action_count(rules));
		if (warnings > 0)
			printf(cli_tr(", %zu warning%s"), warnings, warnings == 1 ? "" : "s");
		printf("\n");
	} else
		cli_warn("%s: %zu error%s and %zu warning%s in the decision table", path, errors,
		         errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
	rs_rules_free(rules);
	return finish_stdout(errors == 0 ? 0 : EXIT_TROUBLE);
}

static int cmd_fields(void)
{
	rs_buf list;
	rs_error err;

	cli_error_init(&err);
	rs_buf_init(&list);
	return print_built(rs_fields_list(cli_lang, &list, &err), &list, &err);
}

/* relstage inspect: the report on stdout, --write-map's file atomically. */
static int cmd_inspect(const cli_opts *o, const rs_rules *rules)
{
	rs_buf report, map;
	rs_error err = {0};
	rs_status st;
	int rc;

	if (o->output || o->rejects || o->summary_json || o->previous || o->summary) {
		cli_warn("inspect writes nothing but its report: -o, --rejects, --summary, "
		         "--summary-json and --previous are for a run; see relstage --help");
		return EXIT_TROUBLE;
	}
	if (o->wopts.format != RS_FMT_CSV && o->wopts.format != RS_FMT_JSON) {
		cli_warn("inspect writes text, or JSON with --to json; see relstage --help");
		return EXIT_TROUBLE;
	}
	if (cli_names_input(o, "--write-map", o->write_map))
		return EXIT_TROUBLE;
	cli_error_init(&err);
	rs_buf_init(&report);
	rs_buf_init(&map);
	st = rs_inspect(o->inputs, o->ninputs, &o->ropts, rules, &o->co, o->wopts.format == RS_FMT_JSON,
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
		cli_error_init(&err);
		if (cli_atomic_write(o->write_map, &map, &err) != RS_OK) {
			cli_error(&err);
			rc = EXIT_TROUBLE;
		}
	}
	rs_buf_free(&report);
	rs_buf_free(&map);
	return rc;
}

enum {
	OPT_LANG = 256, OPT_HEADERS, OPT_EXPLAIN, OPT_ENCODING, OPT_EXCEL, OPT_RAW, OPT_REJECTS, OPT_PREVIOUS,
	OPT_SUMMARY, OPT_SUMMARY_JSON, OPT_MAX_FIELD, OPT_MAX_COLUMNS, OPT_DECIMAL_COMMA, OPT_SHEET,
	OPT_SHARE_SCALE, OPT_DECIMAL_MARK, OPT_JSON_PATH, OPT_MAP_FILE, OPT_IGNORE, OPT_HEADER_ROW, OPT_PREFIX,
	OPT_MAX_REJECTS, OPT_WRITE_MAP
};

static const struct option long_opts[] = {
	{"rules", required_argument, NULL, 'r'},
	{"map", required_argument, NULL, 'm'},
	{"from", required_argument, NULL, 'f'},
	{"to", required_argument, NULL, 't'},
	{"delimiter", required_argument, NULL, 'd'},
	{"output", required_argument, NULL, 'o'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"lang", required_argument, NULL, OPT_LANG},
	{"headers", required_argument, NULL, OPT_HEADERS},
	{"explain", no_argument, NULL, OPT_EXPLAIN},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"excel", optional_argument, NULL, OPT_EXCEL},
	{"decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA},
	{"raw", no_argument, NULL, OPT_RAW},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"previous", required_argument, NULL, OPT_PREVIOUS},
	{"summary", no_argument, NULL, OPT_SUMMARY},
	{"summary-json", required_argument, NULL, OPT_SUMMARY_JSON},
	{"max-field", required_argument, NULL, OPT_MAX_FIELD},
	{"max-columns", required_argument, NULL, OPT_MAX_COLUMNS},
	{"sheet", required_argument, NULL, OPT_SHEET},
	{"map-file", required_argument, NULL, OPT_MAP_FILE},
	{"ignore", required_argument, NULL, OPT_IGNORE},
	{"header-row", required_argument, NULL, OPT_HEADER_ROW},
	{"prefix", required_argument, NULL, OPT_PREFIX},
	{"max-rejects", required_argument, NULL, OPT_MAX_REJECTS},
	{"write-map", required_argument, NULL, OPT_WRITE_MAP},
	{"share-scale", required_argument, NULL, OPT_SHARE_SCALE},
	{"decimal-mark", required_argument, NULL, OPT_DECIMAL_MARK},
	{"json-path", required_argument, NULL, OPT_JSON_PATH},
	{NULL, 0, NULL, 0},
};

static const char short_opts[] = ":r:m:f:t:d:o:qhV";

/*
 * The language --lang asks for (else lang), known before any option is
 * acted on, so an error in any option, before --lang or after it, is worded
 * in it. getopt_long itself reads the line for it, quietly and on a copy
 * (it reorders what it reads), so --lang is found exactly where the real
 * reading finds it: abbreviated to any unique prefix (--la zh), as --lang=zh,
 * not as another option's value (-o --lang) nor after -- (or, under
 * POSIXLY_CORRECT, after the first file). A value that is not a language is
 * passed over: the real reading says so, in the language asked before it.
 */
static rs_lang lang_asked(int argc, char **argv, rs_lang lang)
{
	char **copy = malloc(((size_t)argc + 1) * sizeof *copy);
	int c;

	if (copy == NULL)
		return lang; /* the options' own reading reports the lack */
	memcpy(copy, argv, ((size_t)argc + 1) * sizeof *copy);
	opterr = 0;
	while ((c = getopt_long(argc, copy, short_opts, long_opts, NULL)) != -1)
		if (c == OPT_LANG)
			(void)rs_lang_parse(optarg, &lang);
	optind = 0; /* the next getopt_long starts afresh (glibc, musl) */
	free(copy);
	return lang;
}

static bool parse_delimiter(const char *s, char *out)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0)
		*out = '\t';
	else if (strlen(s) == 1 && strchr(",;|", s[0]) != NULL)
		*out = s[0];
	else
		return false;
	return true;
}

static bool parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v == 0 || s[0] == '-')
		return false;
	*out = (size_t)v;
	return true;
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

/* One option into o; returns -1 to go on, else an exit code. */
static int take_option(int c, const char *arg, cli_opts *o)
{
	switch (c) {
	case 'r': o->rules_path = arg; break;
	case 'm': o->maps[o->co.nmaps++] = arg; break;
	case 'o': o->output = arg; break;
	case 'q': o->quiet = true; break;
	case 'h': fputs(cli_help[0][cli_lang], stdout), fputs(cli_help[1][cli_lang], stdout); return finish_stdout(0);
	case 'V': printf("relstage %s\n", RS_VERSION); return finish_stdout(0);
	case 'f':
		if (!rs_format_parse(arg, &o->ropts.format) || o->ropts.format == RS_FMT_TABLE)
			return usage_error("--from takes csv, tsv, json, jsonl or xlsx, not \"%s\"", arg);
		break;
	case 't':
		o->to = arg;
		if (!rs_format_parse(arg, &o->wopts.format) || o->wopts.format == RS_FMT_AUTO)
			return usage_error("--to takes csv, tsv, json, jsonl, table or xlsx, not \"%s\"", arg);
		break;
	case 'd':
		if (!parse_delimiter(arg, &o->ropts.delimiter))
			return usage_error("--delimiter takes , ; | or tab, not \"%s\"", arg);
		break;
	case OPT_HEADERS:
		if (!rs_lang_parse(arg, &o->co.header_lang))
			return usage_error("--headers takes en or zh, not \"%s\"", arg);
		break;
	case OPT_LANG:
		if (!rs_lang_parse(arg, &o->co.lang))
			return usage_error("--lang takes en or zh, not \"%s\"", arg);
		break;
	case OPT_EXPLAIN: o->co.explain = true; break;
	case OPT_ENCODING: o->ropts.encoding = arg; break;
	case OPT_JSON_PATH: o->ropts.json_path = arg; break;
	case OPT_EXCEL:
		if (arg != NULL && strcmp(arg, "eu") != 0)
			return usage_error("--excel takes no value or =eu, not \"%s\"", arg);
		o->wopts.excel = true;
		o->co.decimal_comma = o->co.decimal_comma || arg != NULL;
		break;
	case OPT_DECIMAL_COMMA: o->co.decimal_comma = true; break;
	case OPT_SHEET: o->ropts.sheet = arg; break;
	case OPT_RAW: o->wopts.raw = true; break;
	case OPT_REJECTS: o->rejects = arg; break;
	case OPT_PREVIOUS: o->previous = arg; break;
	case OPT_SUMMARY: o->summary = true; break;
	case OPT_SUMMARY_JSON: o->summary_json = arg; break;
	case OPT_MAX_FIELD:
		if (!parse_size(arg, &o->ropts.max_field))
			return usage_error("--max-field takes a number of bytes, not \"%s\"", arg);
		break;
	case OPT_MAX_COLUMNS:
		if (!parse_size(arg, &o->ropts.max_columns))
			return usage_error("--max-columns takes a number, not \"%s\"", arg);
		break;
	case OPT_DECIMAL_MARK:
		if ((arg[0] != '.' && arg[0] != ',') || arg[1] != '\0')
			return usage_error("--decimal-mark takes . or , not \"%s\"", arg);
		o->co.decimal_mark = arg[0];
		break;
	case OPT_SHARE_SCALE:
		if (strcmp(arg, "percent") != 0 && strcmp(arg, "fraction") != 0)
			return usage_error("--share-scale takes percent or fraction, not \"%s\"", arg);
		o->co.share_scale = arg[0] == 'p' ? RS_SHARE_PERCENT : RS_SHARE_FRACTION;
		break;
	case OPT_MAP_FILE: o->map_file = arg; break;
	case OPT_WRITE_MAP: o->write_map = arg; break;
	case OPT_IGNORE:
		if (*arg == '\0')
			return usage_error("--ignore takes a column's name, not \"%s\"", arg);
		o->ignores[o->co.nignores++] = arg;
		break;
	case OPT_HEADER_ROW:
		if (!whole(arg, false, &o->co.header_line) || o->co.header_line == 0)
			return usage_error("--header-row takes the header's line number, not \"%s\"", arg);
		break;
	case OPT_PREFIX:
		if (*arg == '\0' || strpbrk(arg, ",;\t\"\r\n") != NULL)
			return usage_error("--prefix takes a word to put before the appended columns' names, "
			                   "not \"%s\"", arg);
		o->co.prefix = arg;
		break;
	case OPT_MAX_REJECTS:
		o->max_rejects_pct = strchr(arg, '%') != NULL;
		if (!whole(arg, o->max_rejects_pct, &o->max_rejects) ||
		    (o->max_rejects_pct && o->max_rejects > 100))
			return usage_error("--max-rejects takes a number of rows or a percentage (5%%), "
			                   "not \"%s\"", arg);
		o->max_rejects_set = true;
		break;
	default:
		return usage_error("invalid option");
	}
	return -1;
}

/*
 * A long option getopt_long refused that is no unknown one: the start of
 * several (--ma: --map, --max-field...), or one that takes no value given
 * one (--quiet=1, --qu=1). Found in long_opts as getopt_long finds it (a
 * whole name wins over the longer ones it starts). -1: unknown.
 */
static int bad_long_option(const char *arg)
{
	const char *name = arg + 2;
	size_t n = strcspn(name, "="), i, hits = 0, len = 0;
	const char *one = NULL;
	char list[512];

	list[0] = '\0';
	for (i = 0; n > 0 && long_opts[i].name != NULL; i++) {
		if (strncmp(long_opts[i].name, name, n) != 0)
			continue;
		one = long_opts[i].name;
		if (one[n] == '\0') {
			hits = 1;
			break;
		}
		hits++;
		if (len < sizeof list)
			len += (size_t)snprintf(list + len, sizeof list - len, hits == 1 ? "--%s" : " --%s", one);
	}
	if (hits == 1 && name[n] == '=')
		return usage_error("option --%s takes no value", one);
	if (hits > 1)
		return usage_error("option %.*s is the start of several: %s; write more of its name", (int)n + 2, arg,
		                   list);
	return -1;
}

/* An unknown option, or one without its value (c is '?' or ':'; arg is the word). */
static int bad_option(int c, const char *arg)
{
	int rc;

	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		return usage_error(c == ':' ? "option -%s needs a value" : "unknown option -%s",
		                   (char[]){(char)optopt, '\0'});
	if (c == '?' && strncmp(arg, "--", 2) == 0 && (rc = bad_long_option(arg)) >= 0)
		return rc;
	return usage_error(c == ':' ? "option %s needs a value" : "unknown option %s", arg);
}

/* What kind of file a format writes: -o's name must not say another. */
static const char *kind_of(rs_format f)
{
	return f == RS_FMT_XLSX ? "an .xlsx workbook" : f == RS_FMT_JSON || f == RS_FMT_JSONL ? "JSON" : "text";
}

/*
 * The output's format: --to, else what -o's extension names (-o x.xlsx
 * writes a workbook, -o x.json JSON), else CSV. A name that says another
 * kind of file than --to writes (-o x.xlsx --to csv), or a --rejects name
 * that says anything but text, is refused: the file would not open as what
 * its name promises. Returns -1 to go on, else the exit code.
 */
static int output_format(cli_opts *o)
{
	rs_format named = rs_format_of_path(o->output), rej = rs_format_of_path(o->rejects);
	const char *dot = o->output != NULL ? strrchr(o->output, '.') : NULL;

	if (dot != NULL && strcasecmp(dot, ".xlsm") == 0) {
		cli_warn("-o %s: relstage writes .xlsx workbooks, without macros; name the file .xlsx",
		         o->output);
		return EXIT_TROUBLE;
	}
	if (o->wopts.format == RS_FMT_AUTO)
		o->wopts.format = named != RS_FMT_AUTO ? named : RS_FMT_CSV;
	else if (named != RS_FMT_AUTO && strcmp(kind_of(named), kind_of(o->wopts.format)) != 0) {
		cli_warn("-o %s: the name says %s, but --to %s writes %s; drop --to (the name then "
		         "picks the format) or rename the file", o->output, cli_tr(kind_of(named)), o->to,
		         cli_tr(kind_of(o->wopts.format)));
		return EXIT_TROUBLE;
	}
	if (rej != RS_FMT_AUTO && strcmp(kind_of(rej), "text") != 0) {
		cli_warn("--rejects %s: the rejects file is CSV, but the name says %s; name it .csv%s",
		         o->rejects, cli_tr(kind_of(rej)),
		         o->wopts.format == RS_FMT_XLSX ? cli_tr(" (a workbook has the rejects on its Rejects sheet)") : "");
		return EXIT_TROUBLE;
	}
	return -1;
}

/* --map-file, read once: the readers, the classifier and --previous borrow it. */
static int load_map(cli_opts *o, rs_mapfile **map)
{
	rs_error err = {0};

	cli_error_init(&err);
	if (o->map_file != NULL && rs_mapfile_load(map, o->map_file, &err) != RS_OK) {
		cli_error(&err);
		return EXIT_TROUBLE;
	}
	o->co.map_file = o->ropts.map_file = *map;
	return 0;
}

int main(int argc, char **argv)
{
	cli_opts o;
	rs_rules *rules = NULL;
	rs_mapfile *map = NULL;
	const char *env = getenv("RELSTAGE_LANG");
	bool bad_env;
	int c, rc;

	hold_std_fds();
	memset(&o, 0, sizeof o);
	o.wopts.format = RS_FMT_AUTO; /* output_format picks it */
	bad_env = env != NULL && *env != '\0' && !rs_lang_parse(env, &o.co.lang);
	cli_lang = lang_asked(argc, argv, o.co.lang);
	if (bad_env) /* in --lang's language, or English */
		cli_warn("RELSTAGE_LANG=%s is not en or zh; using en", env);
	/* RELSTAGE_TODAY=YYYY-MM-DD: the date customer_since counts to (tests, reruns). */
	if ((env = getenv("RELSTAGE_TODAY")) != NULL && *env != '\0') {
		int y = 0, m = 0, d = 0, k = 0;
		if (sscanf(env, "%4d-%2d-%2d%n", &y, &m, &d, &k) != 3 || env[k] != '\0' || m < 1 || m > 12 ||
		    d < 1 || d > 31)
			return usage_error("RELSTAGE_TODAY=%s is not a date (YYYY-MM-DD)", env);
		o.co.today = (long)y * 10000 + m * 100 + d;
	}
	o.maps = calloc(2 * (size_t)argc, sizeof *o.maps); /* -m specs, then --ignore's */
	if (o.maps == NULL)
		return EXIT_TROUBLE;
	o.ignores = o.maps + argc;
	o.co.maps = o.maps;
	o.co.ignores = o.ignores;
	rc = -1;
	while (rc < 0 && (c = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1)
		rc = c == '?' || c == ':' ? bad_option(c, argv[optind - 1]) : take_option(c, optarg, &o);
	if (rc < 0)
		rc = output_format(&o);
	if (rc < 0 && o.co.decimal_comma &&
	    (o.wopts.format == RS_FMT_JSON || o.wopts.format == RS_FMT_JSONL))
		rc = usage_error("--decimal-comma and --excel=eu are for csv, tsv and table output");
	if (rc >= 0)
		goto done;
	if (o.co.decimal_comma && o.wopts.format == RS_FMT_CSV)
		o.wopts.delimiter = ';'; /* a decimal comma in a comma-separated file would be quoted */
	o.ropts.maps = o.maps; /* dot paths into JSON objects are the reader's */
	o.ropts.nmaps = o.co.nmaps;
	o.ropts.lang = o.co.lang;
	argv += optind;
	argc -= optind;
	if (argc > 1 && (strcmp(argv[0], "rules") == 0 || strcmp(argv[0], "fields") == 0))
		rc = usage_error("%s takes no argument (a file of that name is read as ./NAME)", argv[0]);
	else if (argc > 0 && strcmp(argv[0], "rules") == 0)
		rc = cmd_rules(o.rules_path);
	else if (argc > 0 && strcmp(argv[0], "validate") == 0)
		rc = argc == 2 ? cmd_validate(argv[1]) : usage_error("validate takes one rules file");
	else if (argc > 0 && strcmp(argv[0], "fields") == 0)
		rc = cmd_fields();
	else if ((rc = load_rules(o.rules_path, true, &rules)) == 0 && (rc = load_map(&o, &map)) == 0) {
		int inspect = argc > 0 && strcmp(argv[0], "inspect") == 0;
		o.inputs = argv + inspect;
		o.ninputs = (size_t)(argc - inspect);
		rc = finish_stdout(inspect ? cmd_inspect(&o, rules) : cli_run(&o, rules));
	}
done:
	rs_rules_free(rules);
	rs_mapfile_free(map);
	free(o.maps);
	return rc;
}
