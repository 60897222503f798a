/*
 * embed.c - build tool: turns a file into a C source that defines
 *   const char NAME[]; const size_t NAME_len;
 * so the default rules are part of the binary (C23 #embed is not in this gcc
 * and `ld -b binary` warns). tests/unit/test_rules.c checks the bytes agree.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	FILE *in, *out;
	int c;
	size_t n = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: embed NAME INPUT OUTPUT\n");
		return 2;
	}
	in = fopen(argv[2], "rb");
	if (in == NULL) {
		perror(argv[2]);
		return 2;
	}
	out = fopen(argv[3], "w");
	if (out == NULL) {
		perror(argv[3]);
		return 2;
	}
	fprintf(out, "/* generated from %s by tools/embed.c: do not edit */\n"
	             "#include <stddef.h>\n"
	             "extern const char %s[];\nextern const size_t %s_len;\n"
	             "const char %s[] = {\n",
	        argv[2], argv[1], argv[1], argv[1]);
	while ((c = getc(in)) != EOF) {
		fprintf(out, "%d,%s", (signed char)c, ++n % 16 == 0 ? "\n" : "");
	}
	fprintf(out, "0};\nconst size_t %s_len = %zu;\n", argv[1], n);
	if (ferror(in) || fclose(out) != 0) {
		fprintf(stderr, "embed: write failed\n");
		return 2;
	}
	fclose(in);
	return 0;
}
