/*
 * cli_run.c - the classify command's run: open each input, stream it through
 * the classifier into the writer (and bad rows into the rejects), then the
 * summary. Output files are atomic: on exit 2 the old ones stay as they were.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define MAX_SHOWN_REJECTS 100

/* Set by SIGINT/SIGTERM/SIGHUP/SIGQUIT: the run stops at the next row and removes its
 * temporary files, then dies of the signal as if nothing had caught it. */
static volatile sig_atomic_t interrupted;

/*
 * A signal that comes while the run is not blocked in a read (between two
 * reads, or in the header's look-ahead) would leave the next read waiting
 * on a pipe that may never end. So once interrupted, an alarm comes every
 * second; its handler, installed without SA_RESTART too, makes any blocked
 * read or write return EINTR, and the run ends as a failed read.
 */
static void on_signal(int sig)
{
	if (sig != SIGALRM)
		interrupted = sig;
	if (interrupted)
		(void)alarm(1);
}

typedef struct run {
	const cli_opts *o;
	const rs_rules *rules;
	rs_classifier *cls;
	rs_previous *prev;
	cli_atomic *out_file, *rej_file, *sum_file;
	bool committed;          /* the outputs replaced the old files: the run is done */
	FILE *out, *rej;
	rs_writer *w, *rw;
	const char *out_name;    /* -o's file or "<stdout>", for messages */
	const char *file;        /* the input being read, for messages */
	const char *first_file;
	bool have_header;
	bool file_header;        /* the file being read has given its header */
	bool keys;               /* it is JSON: its columns are keys, -m names a KEY */
	size_t key_cols[16];
	unsigned char key_rank[16];
	/* one rejected row: line, reason, then its cells */
	const char **rcell;
	size_t *rlen;
	size_t rcap;
	char line_text[24];
	unsigned long shown;
	bool file_column;        /* several inputs: the rejects file names each row's file */
	bool rej_sheet;          /* rejected rows go to the workbook's Rejects sheet */
	/* progress on a terminal */
	bool progress;
	bool on_screen;          /* a progress line is showing and must be cleared */
	FILE *in;
	long long in_size;
	struct timespec start, last;
	unsigned long since_check;
	unsigned long rows;
	unsigned long rejected;
} run;

static double seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* Erases the progress line so a message or the summary starts on a clean line. */
static void progress_clear(run *r)
{
	if (r->on_screen)
		fputs("\r\033[K", stderr);
	r->on_screen = false;
}

static void progress(run *r)
{
	double t;

	if (!r->progress || ++r->since_check < 16384)
		return;
	r->since_check = 0;
	if (seconds_since(&r->last) < 0.5)
		return;
	clock_gettime(CLOCK_MONOTONIC, &r->last);
	r->on_screen = true;
	t = seconds_since(&r->start);
	fputc('\r', stderr);
	fprintf(stderr, cli_tr("relstage: %s: %lu rows, %.0f rows/s"), r->file, r->rows,
	        t > 0 ? (double)r->rows / t : 0.0);
	if (r->in_size > 0) {
		long pos = ftell(r->in);
		if (pos >= 0)
			fprintf(stderr, cli_tr(", %.0f%%"), 100.0 * (double)pos / (double)r->in_size);
	}
	fputs("\033[K", stderr);
	fflush(stderr);
}

/*
 * --max-rejects: has this run rejected too many? While the run goes on
 * (final false) only a number of rows can be known to be exceeded; a
 * percentage is judged at the end, of the rows that were classified or
 * rejected (skipped rows are not accounts).
 */
static bool too_many_rejects(const cli_opts *o, unsigned long rejected, unsigned long rows,
                             bool final)
{
	if (!o->max_rejects_set)
		return false;
	if (!o->max_rejects_pct)
		return rejected > o->max_rejects;
	return final && rows > 0 && (double)rejected * 100.0 > (double)o->max_rejects * (double)rows;
}

/*
 * A rejects row in r->rcell and r->rlen: [file,] line, reason, then the
 * cells of `in` (the input's header, or the rejected row as read). Its
 * width, or 0 when out of memory.
 */
static size_t rejects_row(run *r, const char *file, const char *line, const char *reason,
                          const rs_row *in)
{
	size_t lead = r->file_column ? 3 : 2, n = in->n + lead, i = 0;
	const char **c;
	size_t *l;

	if (n > r->rcap) {
		if ((c = realloc(r->rcell, n * sizeof *c)) == NULL)
			return 0;
		r->rcell = c;
		if ((l = realloc(r->rlen, n * sizeof *l)) == NULL)
			return 0;
		r->rlen = l;
		r->rcap = n;
	}
	if (r->file_column)
		r->rcell[i++] = file;
	r->rcell[i++] = line;
	r->rcell[i++] = reason;
	for (i = 0; i < lead; i++)
		r->rlen[i] = strlen(r->rcell[i]);
	for (i = 0; i < in->n; i++) {
		r->rcell[lead + i] = in->cell[i];
		r->rlen[lead + i] = in->len[i];
	}
	return n;
}

/* The rejects' header, in r->rcell: [file,] line, reason, then the input's. */
static rs_status rejects_header(run *r, const rs_row *in_hdr, rs_row *h, rs_error *err)
{
	size_t n = rejects_row(r, "file", "line", "reason", in_hdr);

	if (n == 0)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	*h = (rs_row){n, r->rcell, r->rlen, NULL, 1, NULL, 0, NULL};
	return RS_OK;
}

/* The rejects file: [file,] line, reason, then the first input's header. */
static rs_status open_rejects(run *r, const rs_row *in_hdr, rs_error *err)
{
	rs_write_opts wo;
	rs_row h;
	rs_status st = rejects_header(r, in_hdr, &h, err);

	if (st != RS_OK)
		return st;
	memset(&wo, 0, sizeof wo);
	wo.format = RS_FMT_CSV;
	wo.excel = r->o->wopts.excel;
	wo.delimiter = r->o->co.decimal_comma ? ';' : 0;
	wo.raw = r->o->wopts.raw;
	wo.ragged = true;
	err->file = r->o->rejects;
	return rs_writer_new(&r->rw, r->rej, &wo, &h, err);
}

/* A workbook's settings; without --rejects, its Rejects sheet takes the rows
 * (the writer copies the header, whose line column is numbers). */
static rs_status workbook_opts(run *r, rs_write_opts *wo, const rs_row *in_hdr, rs_row *h,
                               rs_error *err)
{
	unsigned char *type;
	rs_status st;

	wo->rules = r->rules;
	wo->rules_name = r->o->rules_path;
	wo->lang = r->o->co.lang;
	if (r->rej != NULL)
		return RS_OK;
	st = rejects_header(r, in_hdr, h, err);
	if (st != RS_OK)
		return st;
	if ((type = calloc(h->n, 1)) == NULL)
		return rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	type[r->file_column ? 1 : 0] = RS_T_NUMBER;
	h->type = type;
	wo->rejects_header = h;
	r->rej_sheet = true;
	return RS_OK;
}

/* The width a table must fit in: COLUMNS when it is a number, else the
 * terminal's it goes to; 0 (no limit) for a pipe or a file, as ps does. */
static size_t table_width(FILE *out)
{
	const char *s = getenv("COLUMNS");
	char *end;
	unsigned long n = s != NULL && *s >= '1' && *s <= '9' ? strtoul(s, &end, 10) : 0;
	struct winsize ws;

	if (n > 0 && *end == '\0')
		return (size_t)n;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0)
		return ws.ws_col;
	return 0;
}

/* A library notice: the table left out columns to fit, a --previous file's
 * warning. */
static void notice(void *ctx, const rs_error *e)
{
	progress_clear(ctx);
	cli_error(e);
}

static rs_status open_writers(run *r, const rs_row *out_hdr, const rs_row *in_hdr, rs_error *err)
{
	rs_write_opts wo = r->o->wopts;
	rs_row rh;
	rs_status st = RS_OK;

	if (wo.format == RS_FMT_XLSX)
		st = workbook_opts(r, &wo, in_hdr, &rh, err);
	if (st != RS_OK)
		return st;
	if (wo.format == RS_FMT_TABLE) {
		wo.ntable_cols = rs_classifier_key_columns(r->cls, r->key_cols, r->key_rank, 16);
		wo.table_cols = r->key_cols;
		wo.table_rank = r->key_rank;
		wo.table_width = table_width(r->out);
		wo.notice = notice;
		wo.notice_ctx = r;
		wo.lang = r->o->co.lang;
	}
	err->file = r->out_name;
	st = rs_writer_new(&r->w, r->out, &wo, out_hdr, err);
	if (wo.rejects_header != NULL)
		free((void *)wo.rejects_header->type);
	if (st != RS_OK || r->rej == NULL)
		return st;
	return open_rejects(r, in_hdr, err);
}

/* A file's header was found: at the first, the writers open. */
static rs_status on_header(void *ctx, const rs_row *out, const rs_row *in, rs_error *err)
{
	run *r = ctx;
	rs_status st;

	r->file_header = true;
	if (r->have_header)
		return RS_OK;
	r->have_header = true;
	r->first_file = r->file;
	if ((st = open_writers(r, out, in, err)) == RS_OK)
		err->file = r->file; /* the writers name their files only on failure */
	return st;
}

/* A row read: the progress line counts every one, skipped rows too. */
static void count_row(run *r)
{
	r->rows++;
	progress(r);
}

/* A title, blank, totals or footer row (rs_classify_opts.on_skip). */
static void on_skip(void *ctx, const rs_row *row, int kind)
{
	(void)row;
	(void)kind;
	count_row(ctx);
}

/* Each row that leaves the classifier: progress, and a signal stops the run. */
static rs_status tick(run *r, unsigned long line, rs_error *err)
{
	count_row(r);
	if (interrupted)
		return rs_error_set(err, RS_EIO, line, cli_tr("interrupted by signal %d; outputs left unchanged"),
		                    (int)interrupted);
	return RS_OK;
}

/*
 * A column's name is both `where` and the start of the message for most cell
 * errors ("key_person: key_person \"maybe\" is not yes/no"): say it once.
 */
static void drop_repeated_where(rs_error *e)
{
	size_t n = strlen(e->where);

	if (n > 0 && strncmp(e->msg, e->where, n) == 0 && e->msg[n] == ' ')
		e->where[0] = '\0';
}

/* Reports a rejected row on stderr (the first MAX_SHOWN_REJECTS) and in --rejects. */
static rs_status reject(void *ctx, const rs_row *row, rs_error *why, rs_error *err)
{
	run *r = ctx;
	size_t n;
	char msg[1024];
	rs_status st = tick(r, row->line, err);

	if (st != RS_OK)
		return st;
	/* --max-rejects N: no need to read on once the run cannot succeed */
	if (too_many_rejects(r->o, ++r->rejected, 0, false)) {
		err->file = r->file;
		err->where[0] = '\0'; /* the count stops the run, not this row's cell */
		return rs_error_set(err, RS_ELIMIT, row->line,
		                    cli_tr("more than --max-rejects %lu rows rejected; no output file was replaced"),
		                    r->o->max_rejects);
	}

	drop_repeated_where(why);
	why->file = r->file;
	if (r->shown++ < MAX_SHOWN_REJECTS) {
		progress_clear(r);
		cli_error(why);
	}
	if (r->rw == NULL && !r->rej_sheet)
		return RS_OK;
	(void)snprintf(r->line_text, sizeof r->line_text, "%lu", row->line);
	why->file = NULL;
	(void)rs_error_format(why, msg, sizeof msg);
	if ((n = rejects_row(r, r->file, r->line_text, msg, row)) == 0)
		return rs_error_set(err, RS_ENOMEM, row->line, "out of memory");
	/* the workbook's writer sends a row whose reject is set to its Rejects sheet */
	st = rs_writer_row(r->rej_sheet ? r->w : r->rw,
	                   &(rs_row){n, r->rcell, r->rlen, NULL, row->line, r->rej_sheet ? msg : NULL, 0, NULL},
	                   err);
	if (st != RS_OK) /* a cell of it too long: the input's line */
		err->file = st == RS_ELIMIT && err->line > 0 ? r->file
		          : r->rej_sheet                     ? r->out_name
		                                             : r->o->rejects;
	return st;
}

/* A classified row goes to the output. */
static rs_status write_row(void *ctx, const rs_row *out, rs_error *err)
{
	run *r = ctx;
	rs_status st = tick(r, out->line, err);

	if (st == RS_OK && (st = rs_writer_row(r->w, out, err)) != RS_OK)
		err->file = st == RS_ELIMIT && err->line > 0 ? r->file : r->out_name;
	return st;
}

/* How a file's values are read, said once (rs_classify_opts.notice). */
static void print_notice(void *ctx, const rs_error *e)
{
	run *r = ctx;
	rs_error n = *e;

	if (n.file == NULL) /* else the --previous file's */
		n.file = r->file;
	progress_clear(r);
	cli_error(&n);
}

/* Classifies one input file (or "-"): RS_OK or the fatal error in err. */
static rs_status read_input(run *r, const char *path, rs_error *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	rs_reader *rd = NULL;
	const char *enc;
	struct stat stt;
	rs_status st;
	size_t n;

	r->file = is_stdin ? "<stdin>" : path;
	err->file = r->file;
	if (fp == NULL)
		return rs_error_set(err, RS_EIO, 0, "cannot open: %s", strerror(errno));
	r->in = fp;
	r->in_size = fstat(fileno(fp), &stt) == 0 && S_ISREG(stt.st_mode) ? (long long)stt.st_size : -1;
	st = rs_reader_open(&rd, fp, r->file, &r->o->ropts, err);
	enc = st == RS_OK ? rs_reader_encoding(rd) : "UTF-8";
	r->keys = st == RS_OK &&
	          (rs_reader_format(rd) == RS_FMT_JSON || rs_reader_format(rd) == RS_FMT_JSONL);
	/* A guessed encoding is always said; with --summary, any that is not UTF-8. */
	if (strncmp(enc, "UTF-", 4) != 0 &&
	    (!r->o->ropts.encoding || strcmp(r->o->ropts.encoding, "auto") == 0))
		cli_warn("%s: not UTF-8; read as %s (if that is wrong, name the encoding with --encoding)",
		         r->file, enc);
	else if (r->o->summary && strcmp(enc, "UTF-8") != 0)
		cli_warn("%s: encoding %s, converted to UTF-8", r->file, enc);
	r->file_header = false;
	if (st == RS_OK && (st = rs_classifier_file(r->cls, rd, err)) == RS_EUSAGE && r->have_header &&
	    !r->file_header) { /* a later file whose header does not match: name the first */
		n = strlen(err->msg);
		(void)snprintf(err->msg + n, sizeof err->msg - n, cli_tr(" (first file: %s)"), r->first_file);
	}
	if (st == RS_OK && ferror(fp))
		st = rs_error_set(err, RS_EIO, 0, "read failed: %s", strerror(errno));
	rs_reader_free(rd);
	if (!is_stdin)
		(void)fclose(fp);
	return st;
}

static rs_status load_previous(run *r, rs_error *err)
{
	rs_read_opts ro;
	FILE *fp;
	rs_status st;

	memset(&ro, 0, sizeof ro);
	ro.max_field = r->o->ropts.max_field;
	ro.max_columns = r->o->ropts.max_columns;
	err->file = r->o->previous;
	fp = fopen(r->o->previous, "rb");
	if (fp == NULL)
		return rs_error_set(err, RS_EIO, 0, "cannot open: %s", strerror(errno));
	st = rs_previous_load(&r->prev, fp, r->o->previous, &ro, r->rules, &r->o->co, notice, r, err);
	(void)fclose(fp);
	return st;
}

/* An output file (none without its option), written to a temporary name. */
static rs_status open_output(const char *path, cli_atomic **file, FILE **fp, rs_error *err)
{
	rs_status st = path != NULL ? cli_atomic_open(file, path, err) : RS_OK;

	if (st == RS_OK && *file != NULL)
		*fp = cli_atomic_file(*file);
	return st;
}

static rs_status write_summary_json(run *r, rs_error *err)
{
	rs_buf b;
	rs_status st;

	rs_buf_init(&b);
	if (!rs_classifier_summary(r->cls, true, r->o->co.lang, &b))
		st = rs_error_set(err, RS_ENOMEM, 0, "out of memory");
	else if ((st = cli_atomic_open(&r->sum_file, r->o->summary_json, err)) == RS_OK)
		(void)fwrite(b.data, 1, b.len, cli_atomic_file(r->sum_file));
	rs_buf_free(&b);
	return st;
}

/*
 * The outputs replace the old files together or not at all: each is
 * flushed, synced and closed first (what takes long or fails); a signal
 * that came until then stops the run; then the renames, quick, with the
 * signals held, so a run that dies of a signal has replaced no file.
 */
static rs_status commit_all(run *r, rs_error *err)
{
	cli_atomic **f[] = {&r->sum_file, &r->rej_file, &r->out_file};
	sigset_t block, old;
	rs_status st = RS_OK;
	size_t i;

	for (i = 0; st == RS_OK && i < 3; i++)
		if (*f[i] != NULL)
			st = cli_atomic_close(*f[i], err);
	(void)sigemptyset(&block);
	(void)sigaddset(&block, SIGINT);
	(void)sigaddset(&block, SIGTERM);
	(void)sigaddset(&block, SIGHUP);
	(void)sigaddset(&block, SIGQUIT);
	(void)sigprocmask(SIG_BLOCK, &block, &old);
	if (st == RS_OK && interrupted)
		st = rs_error_set(err, RS_EIO, 0, cli_tr("interrupted by signal %d"), (int)interrupted);
	r->committed = st == RS_OK;
	for (i = 0; i < 3; i++)
		if (*f[i] != NULL && st == RS_OK) {
			st = cli_atomic_commit(*f[i], err);
			*f[i] = NULL;
		}
	(void)sigprocmask(SIG_SETMASK, &old, NULL);
	return st;
}


/* Ends the run: writers, summary, then the atomic renames (outputs last). */
static rs_status finish(run *r, rs_error *err)
{
	const rs_stats *s = rs_classifier_stats(r->cls);
	rs_status st = RS_OK;
	rs_buf b;

	if (too_many_rejects(r->o, s->rejected, s->classified + s->rejected, true)) {
		err->file = NULL;
		err->where[0] = '\0';
		return rs_error_set(err, RS_ELIMIT, 0,
		                    cli_tr("%lu of %lu rows rejected, more than --max-rejects %lu%s; no output file "
		                           "was replaced"),
		                    s->rejected, s->classified + s->rejected,
		                    r->o->max_rejects, r->o->max_rejects_pct ? "%" : "");
	}

	if (r->w != NULL) {
		err->file = r->out_name;
		st = rs_writer_finish(r->w, s, err);
	}
	if (st == RS_OK && r->rw != NULL) {
		err->file = r->o->rejects;
		st = rs_writer_finish(r->rw, NULL, err);
	}
	if (st == RS_OK && r->o->summary_json != NULL)
		st = write_summary_json(r, err);
	if (st == RS_OK)
		st = commit_all(r, err);
	if (st == RS_OK && r->o->summary) {
		rs_buf_init(&b);
		if (rs_classifier_summary(r->cls, false, r->o->co.lang, &b))
			fwrite(b.data, 1, b.len, stderr);
		rs_buf_free(&b);
	}
	/* Not one id in common: most likely the two files' ids come from
	 * different columns, and every account would show as new and vanished. */
	if (st == RS_OK && s->with_previous && s->classified > 0 && s->vanished + s->prev_rejected > 0 &&
	    s->up + s->down + s->same == 0)
		cli_warn(r->keys ? "%s: no account of this run is in it (%lu new, %lu vanished); if the two "
		                   "files give the id in different keys, say which with -m id=KEY"
		                 : "%s: no account of this run is in it (%lu new, %lu vanished); if the two "
		                   "files give the id in different columns, say which with -m id=COLUMN",
		         r->o->previous, s->added, s->vanished);
	if (st == RS_OK && r->shown > MAX_SHOWN_REJECTS)
		cli_warn(r->o->rejects ? "%lu more rejected rows not shown; all are in the rejects file"
		                       : "%lu more rejected rows not shown (use --rejects FILE to keep them)",
		         r->shown - MAX_SHOWN_REJECTS);
	return st;
}

/*
 * Two of -o, --rejects, --summary-json and --previous naming one file: the
 * last rename would silently win (the rejects lost under the output, last
 * month's output under the rejects). Only -o may be the --previous file,
 * which is read whole first.
 */
static bool paths_clash(const cli_opts *o)
{
	static const char *const opt[] = {"-o", "--rejects", "--summary-json", "--previous"};
	const char *path[] = {o->output, o->rejects, o->summary_json, o->previous};
	size_t i, j;

	for (i = 0; i < 3; i++)
		for (j = i + 1; j < 4; j++)
			if (path[i] != NULL && path[j] != NULL && !(i == 0 && j == 3) &&
			    cli_atomic_same(path[i], path[j])) {
				cli_warn("%s and %s name the same file (%s); give each its own", opt[i], opt[j],
				         path[j]);
				return true;
			}
	return false;
}

/*
 * An output file (opt, path) naming one of the inputs: the inputs are read
 * whole before the rename, so the run would succeed and replace the export
 * with its own output, rejects (every good row gone), summary or map.
 */
bool cli_names_input(const cli_opts *o, const char *opt, const char *path)
{
	size_t i;

	for (i = 0; path != NULL && i < o->ninputs; i++)
		if (strcmp(o->inputs[i], "-") != 0 && cli_atomic_same(path, o->inputs[i])) {
			cli_warn("%s %s is also an input (%s); the run would replace it: write to "
			         "another file",
			         opt, path, o->inputs[i]);
			return true;
		}
	return false;
}

/*
 * An input named twice (a.csv a.csv, or ./a.csv beside a link to it) would be
 * read twice: with no --previous nothing checks ids across rows, so every
 * account and every count in the summary would silently double.
 */
static bool inputs_repeat(const cli_opts *o)
{
	struct stat *st = calloc(o->ninputs ? o->ninputs : 1, sizeof *st);
	bool *known = calloc(o->ninputs ? o->ninputs : 1, sizeof *known); /* st[i] holds a stat */
	const char *twice = NULL, *first = NULL;
	size_t i, j;

	for (i = 0; st != NULL && known != NULL && twice == NULL && i < o->ninputs; i++) {
		bool dash = strcmp(o->inputs[i], "-") == 0;

		known[i] = !dash && stat(o->inputs[i], &st[i]) == 0;
		for (j = 0; j < i && twice == NULL; j++)
			if (known[i] && known[j] ? st[i].st_dev == st[j].st_dev && st[i].st_ino == st[j].st_ino
			                         : dash && strcmp(o->inputs[j], "-") == 0) {
				twice = o->inputs[i];
				first = o->inputs[j];
			}
	}
	free(st);
	free(known);
	if (twice != NULL) /* with no memory for this check, the run itself reports the lack */
		cli_warn("%s: named twice as an input (also as %s); name each file once", twice, first);
	return twice != NULL;
}

/* No SA_RESTART: a read blocked on a pipe returns, and the run ends cleanly.
 * A signal ignored when the run began stays ignored: nohup's SIGHUP, a
 * script's background job's SIGINT and SIGQUIT. */
static void catch_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM};
	struct sigaction sa, was;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigs[i] == SIGALRM || sigaction(sigs[i], NULL, &was) != 0 ||
		    was.sa_handler != SIG_IGN)
			(void)sigaction(sigs[i], &sa, NULL);
}

int cli_run(const cli_opts *o, const rs_rules *rules)
{
	static char *const stdin_only[] = {(char *)"-"};
	char *const *inputs = o->ninputs ? o->inputs : stdin_only;
	size_t n = o->ninputs ? o->ninputs : 1, i;
	rs_classify_opts co;
	rs_error err = {0};
	rs_status st;
	run r;
	int rc;

	if (o->wopts.format == RS_FMT_XLSX && (o->output == NULL || strcmp(o->output, "-") == 0) &&
	    isatty(STDOUT_FILENO)) {
		cli_warn("--to xlsx writes a binary workbook: give -o FILE or redirect standard output");
		return EXIT_TROUBLE;
	}
	if (paths_clash(o) || inputs_repeat(o) || cli_names_input(o, "-o", o->output) ||
	    cli_names_input(o, "--rejects", o->rejects) ||
	    cli_names_input(o, "--summary-json", o->summary_json))
		return EXIT_TROUBLE;
	memset(&r, 0, sizeof r);
	cli_error_init(&err);
	r.o = o;
	r.rules = rules;
	r.out_name = o->output ? o->output : "<stdout>";
	r.progress = !o->quiet && isatty(STDERR_FILENO);
	r.file_column = o->ninputs > 1;
	clock_gettime(CLOCK_MONOTONIC, &r.start);
	r.last = r.start;
	(void)signal(SIGPIPE, SIG_IGN); /* a closed pipe is a write error (exit 2), not a silent death */
	catch_signals();

	st = o->previous ? load_previous(&r, &err) : RS_OK;
	co = o->co;
	co.decimal_comma = o->co.decimal_comma && o->wopts.format != RS_FMT_XLSX; /* a workbook holds numbers */
	co.previous = r.prev;
	co.on_header = on_header;
	co.on_row = write_row;
	co.on_reject = reject;
	co.on_skip = on_skip;
	co.ctx = &r;
	co.notice = print_notice;
	co.notice_ctx = &r;
	if (st == RS_OK)
		st = rs_classifier_new(&r.cls, rules, &co, &err);
	r.out = stdout;
	if (st == RS_OK)
		st = open_output(o->output, &r.out_file, &r.out, &err);
	if (st == RS_OK)
		st = open_output(o->rejects, &r.rej_file, &r.rej, &err);
	for (i = 0; st == RS_OK && i < n; i++)
		st = read_input(&r, inputs[i], &err);
	progress_clear(&r);
	if (st == RS_OK && interrupted) /* it came after the last row: still no output */
		st = rs_error_set(&err, RS_EIO, 0, cli_tr("interrupted by signal %d"), (int)interrupted);
	if (st == RS_OK)
		st = finish(&r, &err);
	if (st != RS_OK && interrupted && !r.committed)
		cli_warn("interrupted by signal %d; no output file was replaced", (int)interrupted);
	else if (st != RS_OK)
		cli_error(&err);
	else if (interrupted) /* it came when the outputs were already in place */
		cli_warn("signal %d came after the run had finished; its outputs were written",
		         (int)interrupted);
	rc = st != RS_OK ? EXIT_TROUBLE : r.cls && rs_classifier_stats(r.cls)->rejected ? EXIT_REJECTS : 0;
	rs_writer_free(r.w);
	rs_writer_free(r.rw);
	cli_atomic_abort(r.out_file);
	cli_atomic_abort(r.rej_file);
	cli_atomic_abort(r.sum_file);
	rs_classifier_free(r.cls);
	rs_previous_free(r.prev);
	free(r.rcell);
	free(r.rlen);
	if (rc != EXIT_TROUBLE && o->output == NULL && (fflush(stdout) != 0 || ferror(stdout))) {
		cli_warn("<stdout>: write failed: %s", strerror(errno ? errno : EIO));
		rc = EXIT_TROUBLE;
	}
	if (interrupted && !r.committed) {
		(void)signal((int)interrupted, SIG_DFL);
		(void)raise((int)interrupted);
	}
	return rc;
}
