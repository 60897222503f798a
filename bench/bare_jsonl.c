/*
 * bare_jsonl.c - the floor for JSON Lines: read stdin line by line,
 * cJSON_ParseWithLength each line, walk its members, free the tree; print
 * only the counts at the end. With -w it also writes every value back as a
 * CSV row (strings quoted when needed, numbers, true/false, empty for null)
 * through a large buffer, which is the bare cost of JSONL in, CSV out.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_text(FILE *out, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

/* Integers (all of the generator's numbers but shares) without printf. */
static void put_number(FILE *out, double d)
{
	char tmp[32];
	if (d >= 0 && d < 1e15 && d == (double)(long long)d) {
		long long v = (long long)d;
		size_t i = sizeof tmp;
		do {
			tmp[--i] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		fwrite(tmp + i, 1, sizeof tmp - i, out);
	} else {
		fprintf(out, "%.15g", d);
	}
}

static void put_item(FILE *out, const cJSON *it)
{
	if (cJSON_IsString(it))
		put_text(out, it->valuestring);
	else if (cJSON_IsNumber(it))
		put_number(out, it->valuedouble);
	else if (cJSON_IsBool(it))
		fputs(cJSON_IsTrue(it) ? "true" : "false", out);
}

int main(int argc, char **argv)
{
	static char ibuf[1 << 20], obuf[1 << 20];
	char *line = NULL;
	size_t cap = 0, lines = 0, members = 0, bad = 0;
	ssize_t n;
	int write_back = argc > 1 && strcmp(argv[1], "-w") == 0;

	setvbuf(stdin, ibuf, _IOFBF, sizeof ibuf);
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	while ((n = getline(&line, &cap, stdin)) > 0) {
		cJSON *root = cJSON_ParseWithLength(line, (size_t)n);
		lines++;
		if (root == NULL) {
			bad++;
			continue;
		}
		int first = 1;
		for (const cJSON *it = root->child; it != NULL; it = it->next) {
			members++;
			if (write_back) {
				if (!first)
					putc(',', stdout);
				first = 0;
				put_item(stdout, it);
			}
		}
		if (write_back)
			putc('\n', stdout);
		cJSON_Delete(root);
	}
	free(line);
	if (ferror(stdin)) {
		perror("bare_jsonl: read");
		return 2;
	}
	if (!write_back)
		printf("%zu lines, %zu members, %zu unparseable\n", lines, members, bad);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("bare_jsonl: write");
		return 2;
	}
	return bad ? 1 : 0;
}
