/*
 * rules_impl.h - the compiled form of a rules file, shared by the loader
 * (rules.c, with its toolkit rules_load.c), the dumper (rules_dump.c), the
 * analyser (analyze.c), scoring (score.c) and the engine (engine.c). The
 * condition compiler is rules_cond.c.
 *
 * Conditions compile to one flat array of nodes in prefix order: a node's
 * children follow it, each child subtree taking `size` slots, so evaluation
 * walks indexes and compares doubles, with no strings and no allocation.
 */
#ifndef RS_RULES_IMPL_H
#define RS_RULES_IMPL_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "internal.h"

/* The decided stage, a pseudo variable only action rules may test. */
#define RS_VAR_STAGE RS_V_COUNT

#define RS_RULES_MAX_BYTES ((size_t)1 << 20) /* a rules file larger fails (RS_ELIMIT) */
#define RS_COND_MAX_DEPTH 32                 /* nesting of all/any/not */
#define RS_COND_MAX_NODES 4096               /* condition nodes in one file */
#define RS_MAX_DECISIONS 256
#define RS_MAX_PARTS 64                      /* parts of one score */
#define RS_MAX_MESSAGES 32
#define RS_MAX_STAGE_ACTIONS 32              /* recommended actions of one stage */

enum rs_cop {
	RS_C_ALL = 0, RS_C_ANY, RS_C_NOT,
	RS_C_EQ, RS_C_NE, RS_C_LT, RS_C_LE, RS_C_GT, RS_C_GE,
	RS_C_KNOWN, RS_C_UNKNOWN
};

/* Kleene truth values; a row or action matches only on RS_TRUE. */
enum rs_tri { RS_FALSE = 0, RS_TRUE = 1, RS_UNKNOWN = 2 };

typedef struct rs_cnode {
	uint8_t op;     /* enum rs_cop */
	uint8_t var;    /* comparisons: variable index (or RS_VAR_STAGE) */
	uint32_t size;  /* nodes in this subtree, itself included */
	double value;   /* comparisons: bools 0/1, levels 1..4, stages by rank */
} rs_cnode;

typedef struct rs_text {
	char *s[RS_LANG_COUNT]; /* NULL when absent (optional texts only) */
} rs_text;

typedef struct rs_part {
	int var;        /* linear part: the variable; -1 for a conditional part */
	double per;     /* linear: points per unit */
	double cap;     /* linear: at most this many points; INFINITY if none */
	uint32_t cond;  /* conditional: root node */
	double points;  /* conditional: points when the condition is TRUE */
	int name_var;   /* variable that names an unlabelled part in --explain */
	rs_text label;  /* optional */
} rs_part;

typedef struct rs_scoredef {
	double max;
	rs_part *parts;
	size_t nparts;
} rs_scoredef;

/* The two score definitions, in the order they are computed. */
enum { RS_SCORE_CONTACT = 0, RS_SCORE_COOPERATION, RS_SCORE_COUNT };

typedef struct rs_stage {
	char *id;
	rs_text label;
	char **actions[RS_LANG_COUNT]; /* nactions each */
	size_t nactions;
	char *joined[RS_LANG_COUNT];   /* actions joined with RS_ACTION_SEP */
	double threshold; /* lowest share_pct this stage's rows can match; NAN if none */
} rs_stage;

typedef struct rs_decision {
	size_t stage;
	uint32_t cond;
	rs_text why; /* optional */
} rs_decision;

typedef struct rs_action {
	char *id;
	uint32_t cond;
	char *flag; /* NULL if none */
	rs_text text;
} rs_action;

typedef struct rs_message {
	char *key;
	rs_text text;
} rs_message;

struct rs_rules {
	char *name; /* the file name given to the loader, for analysis findings */
	rs_scoredef score[RS_SCORE_COUNT];
	rs_stage *stages;
	size_t nstages;
	rs_decision *dec;
	size_t ndec;
	rs_action *act;
	size_t nact;
	rs_message *msg;
	size_t nmsg;
	rs_cnode *node;
	size_t nnodes, capnodes;
};

/* engine.c: Kleene evaluation (enum rs_tri) of the condition at `root`. */
int rs_cond_eval(const rs_rules *r, uint32_t root, const rs_account *a, double stage);

/* rules_load.c: the name of a comparison operator ("==", "known"). */
const char *rs_cond_op_name(int op);
/* rules_load.c: the English level word for 1..4, NULL otherwise. */
const char *rs_level_word(int level);

/*
 * rules_load.c: the loader's toolkit. rs_ld carries the JSON path of the
 * value being read, so every problem names its place; a getter that finds a
 * problem reports it and returns a neutral value, and loading goes on.
 */
typedef struct rs_ld {
	rs_rules *r;
	const char *name;
	rs_diag_fn diag;
	void *dctx;
	rs_error *err;
	size_t nproblems;
	bool oom;
	bool too_many_nodes;
	size_t plen;
	char path[160];
} rs_ld;

/* Flags for conditions and variables: where they appear. */
enum {
	RS_LD_STAGE = 1,     /* action rules: "stage" may be tested */
	RS_LD_NO_SCORES = 2, /* score parts: the scores may not be used */
	RS_LD_NUMERIC = 4    /* a linear part: the variable must be numeric */
};

void rs_ld_init(rs_ld *l, const char *name, rs_diag_fn diag, void *ctx, rs_error *err);
void rs_ld_problem(rs_ld *l, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
rs_status rs_ld_nomem(rs_ld *l);
/* Parses the text; a syntax error is reported with its line and column. */
rs_status rs_ld_parse(rs_ld *l, const char *text, size_t len, cJSON **root);
/* Path steps: push returns a mark for pop. */
size_t rs_ld_push_key(rs_ld *l, const char *key);
size_t rs_ld_push_index(rs_ld *l, size_t i);
void rs_ld_pop(rs_ld *l, size_t mark);
void *rs_ld_calloc(rs_ld *l, size_t n, size_t size);
char *rs_ld_strdup(rs_ld *l, const char *s);
bool rs_ld_id_ok(const char *s);
/* Appends ", s" (or s) to a list in a message; stops when full. */
void rs_ld_list_add(char *list, size_t size, const char *s);
/* Reports unknown and duplicate keys; false when o is not an object. */
bool rs_ld_keys(rs_ld *l, const cJSON *o, const char *const *keys);
/* The member `key` of o, or NULL after reporting that it is missing. */
const cJSON *rs_ld_need(rs_ld *l, const cJSON *o, const char *key);
bool rs_ld_number(rs_ld *l, const cJSON *o, const char *key, bool nonneg, double *out);
const cJSON *rs_ld_array(rs_ld *l, const cJSON *o, const char *key, size_t min, size_t max);
/* The array's texts, NULL-terminated, owned by the rules. */
char **rs_ld_strings(rs_ld *l, const cJSON *arr, const char *key, size_t *n);
char *rs_ld_id(rs_ld *l, const cJSON *o, const char *key, bool required);
void rs_ld_text_at(rs_ld *l, const cJSON *o, const char *key, rs_text *t);
long rs_ld_stage_ref(rs_ld *l, const cJSON *o, const char *key);
/* The stage id v names, reported at the current path; -1 if none. */
long rs_ld_stage_value(rs_ld *l, const cJSON *v);
/* rules_cond.c: variables and conditions. */
int rs_ld_var(rs_ld *l, const cJSON *o, const char *key, unsigned flags);
uint32_t rs_ld_cond_at(rs_ld *l, const cJSON *o, const char *key, unsigned flags);
/* The first variable a condition compares, to name a part; -1 if none. */
int rs_ld_first_var(const rs_ld *l, uint32_t root);

/* analyze.c: fills every stage's `threshold` from the decision table. */
void rs_rules_thresholds(rs_rules *r);

#endif
