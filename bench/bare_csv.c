/*
 * bare_csv.c - the floor for CSV: read stdin in large blocks, parse every
 * field with libcsv (csv_parse with callbacks), write every field back
 * (quoted only when it must be, as RFC 4180 asks) through a large output
 * buffer. Nothing else: relstage's CSV time is measured as a ratio to this.
 * `bare_csv -a N` also appends one constant N-byte cell to every record
 * (written like any other cell), a floor that writes as many bytes as
 * relstage does with its appended columns (about 500 a row on bench data).
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IN_SIZE (1u << 20)
#define OUT_SIZE (1u << 20)

struct out {
	char buf[OUT_SIZE];
	size_t len;
	int first; /* next field is the first of its record */
	int failed;
	char *extra; /* -a: the constant cell appended to every record */
	size_t extra_len;
};

static void out_flush(struct out *o)
{
	size_t off = 0;
	while (off < o->len) {
		ssize_t w = write(STDOUT_FILENO, o->buf + off, o->len - off);
		if (w < 0) {
			o->failed = 1;
			break;
		}
		off += (size_t)w;
	}
	o->len = 0;
}

/* Makes room for n bytes; callers never ask for more than OUT_SIZE. */
static void out_reserve(struct out *o, size_t n)
{
	if (OUT_SIZE - o->len < n)
		out_flush(o);
}

/*
 * One pass: copy the field while looking for bytes that force quoting; only
 * when one shows up is the field written again, quoted. Room for the worst
 * case (every byte a quote, doubled, plus quotes and comma) is made first.
 */
static void on_field(void *data, size_t n, void *ctx)
{
	struct out *o = ctx;
	const unsigned char *s = data;
	unsigned char special = 0;

	if (2 * n + 3 > OUT_SIZE) { /* huge field: not in the benchmark's data */
		o->failed = 1;
		return;
	}
	out_reserve(o, 2 * n + 3);
	char *d = o->buf + o->len;
	if (!o->first)
		*d++ = ',';
	o->first = 0;
	char *start = d;
	for (size_t i = 0; i < n; i++) {
		special |= (unsigned char)(s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r');
		*d++ = (char)s[i];
	}
	if (special) {
		d = start;
		*d++ = '"';
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '"')
				*d++ = '"';
			*d++ = (char)s[i];
		}
		*d++ = '"';
	}
	o->len = (size_t)(d - o->buf);
}

static void on_record(int term, void *ctx)
{
	struct out *o = ctx;
	(void)term;
	if (o->extra != NULL)
		on_field(o->extra, o->extra_len, o);
	out_reserve(o, 1);
	o->buf[o->len++] = '\n';
	o->first = 1;
}

int main(int argc, char **argv)
{
	static struct out o;
	static char in[IN_SIZE];
	struct csv_parser p;
	ssize_t n;

	if (argc == 3 && strcmp(argv[1], "-a") == 0) {
		static const char words[] = "Build trust and bring value to the organisation ";
		size_t k, len = strtoul(argv[2], NULL, 10);
		char *cell = malloc(len + 1);

		if (cell == NULL || len > OUT_SIZE / 4) {
			fputs("bare_csv: -a N: N too large\n", stderr);
			return 2;
		}
		for (k = 0; k < len; k++)
			cell[k] = words[k % (sizeof words - 1)];
		o.extra = cell;
		o.extra_len = len;
	} else if (argc != 1) {
		fputs("usage: bare_csv [-a BYTES] < in.csv > out.csv\n", stderr);
		return 2;
	}

	if (csv_init(&p, 0) != 0) {
		fputs("bare_csv: csv_init failed\n", stderr);
		return 2;
	}
	o.first = 1;
	while ((n = read(STDIN_FILENO, in, sizeof in)) > 0) {
		if (csv_parse(&p, in, (size_t)n, on_field, on_record, &o) != (size_t)n) {
			fprintf(stderr, "bare_csv: %s\n", csv_strerror(csv_error(&p)));
			return 2;
		}
	}
	if (n < 0) {
		perror("bare_csv: read");
		return 2;
	}
	csv_fini(&p, on_field, on_record, &o);
	csv_free(&p);
	out_flush(&o);
	if (o.failed) {
		fputs("bare_csv: write failed (or a field over 512 KiB)\n", stderr);
		return 2;
	}
	return 0;
}
