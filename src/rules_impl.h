/*
 * rules_impl.h - the compiled form of a rules file, shared by the loader
 * (rules.c, with its toolkit rules_load.c), the dumper (rules_dump.c), the
 * analyser (analyze.c), scoring (score.c) and the engine (engine.c). The
 * condition compiler and evaluator is rules_cond.c: the rules module holds
 * everything scoring and the engine read, and calls neither.
 *
 * Conditions compile to one flat array of nodes in prefix order: a node's
 * children follow it, each child subtree taking `size` slots, so evaluation
 * walks indexes and compares doubles, with no strings and no allocation.
 */
#ifndef RS_RULES_IMPL_H
#define RS_RULES_IMPL_H

#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "internal.h"

/*
 * Pseudo variables: what the engine decides for a row, which later rules may
 * test (action rules all of them; alliance models the stage and type).
 * downgraded is previous_stage > stage, known when previous_stage is.
 */
#define RS_VAR_STAGE RS_V_COUNT
#define RS_VAR_DOWNGRADED (RS_V_COUNT + 1)
#define RS_VAR_TYPE (RS_V_COUNT + 2)
#define RS_VAR_MODEL (RS_V_COUNT + 3)
#define RS_VAR_COUNT (RS_V_COUNT + 4)

#define RS_RULES_MAX_BYTES ((size_t)1 << 20) /* a rules file larger fails (RS_ELIMIT) */
#define RS_COND_MAX_DEPTH 32                 /* nesting of all/any/not */
#define RS_COND_MAX_NODES 4096               /* condition nodes in one file */
#define RS_MAX_DECISIONS 256
#define RS_MAX_PARTS 64                      /* parts of one score */
#define RS_MAX_MESSAGES 32
#define RS_MAX_STAGE_ACTIONS 32              /* recommended actions of one stage */
#define RS_MAX_PARAMS 64
#define RS_MAX_KINDS 16 /* relationship types, bonds, alliance models: each */

enum rs_cop {
	RS_C_ALL = 0, RS_C_ANY, RS_C_NOT, RS_C_BOND, /* bond: var = the bond, child = its condition */
	RS_C_EQ, RS_C_NE, RS_C_LT, RS_C_LE, RS_C_GT, RS_C_GE,
	RS_C_KNOWN, RS_C_UNKNOWN
};

/* Kleene truth values; a row or action matches only on RS_TRUE. */
enum rs_tri { RS_FALSE = 0, RS_TRUE = 1, RS_UNKNOWN = 2 };

typedef struct rs_cnode {
	uint8_t op;     /* enum rs_cop */
	uint8_t var;    /* comparisons: variable index (or RS_VAR_*); bond: the bond */
	uint8_t param;  /* 1 + the param the value names; 0: a literal */
	uint32_t size;  /* nodes in this subtree, itself included */
	uint32_t need;  /* 1 + index into rs_rules.need: the text of `needs`; 0: none */
	double value;   /* comparisons: bools 0/1, levels 1..4, stages, types, models by rank */
} rs_cnode;

/*
 * The evaluation form of a condition node: rs_rules.prog, parallel to node[]
 * (same indexes, same subtree extents), built once by rs_rules_compile.
 * NOT is gone: a negation is pushed down to the leaves (De Morgan holds in
 * Kleene logic), and the NOT node itself becomes an "all" of its one child.
 * A leaf compares with one bit test: code = (x>=v) | (x<=v)<<1, that is
 * 0 NaN, 1 greater, 2 less, 3 equal (two compares, no parity checks), TRUE
 * when bit `code` of tmask is set.
 */
enum rs_pkind { RS_P_LEAF = 0, RS_P_ALL, RS_P_ANY };

/* Kleene values ordered F < U < T: all = min, any = max, not = 2 - t. */
enum rs_kv { RS_K_F = 0, RS_K_U = 1, RS_K_T = 2 };

typedef struct rs_pnode {
	uint8_t kind;  /* enum rs_pkind */
	uint8_t var;   /* leaves: variable index (or RS_VAR_STAGE) */
	uint8_t tmask; /* leaves on a known value: bit code set when TRUE;
	                  groups: 1 when every child is a leaf (flat) */
	uint8_t unk;   /* leaves on an unknown value: the result (enum rs_kv) */
	uint32_t end;  /* index after this node's subtree */
	double value;
} rs_pnode;

/* A leaf on this variable is a constant: its `unk` (no known bit is 31). */
#define RS_VAR_CONST 31
_Static_assert(RS_VAR_COUNT <= RS_VAR_CONST, "variables and known bits: at most 31");

/* A rule (decision row or action) with its residual program's root. */
typedef struct rs_entry {
	uint32_t rule, root;
} rs_entry;

typedef struct rs_text {
	char *s[RS_LANG_COUNT];   /* NULL when absent (optional texts only) */
	char *raw[RS_LANG_COUNT]; /* as written when it names a param ({name}),
	                             which s has replaced; else NULL */
} rs_text;

/* A param: a number conditions and texts name, so it is written once. */
typedef struct rs_param {
	char *id;
	double value;
} rs_param;

/*
 * A relationship type, bond or alliance model: an id, a label and the
 * condition that gives it (types and models: the first true one).
 */
typedef struct rs_kind_rule {
	char *id;
	rs_text label;
	uint32_t cond;
} rs_kind_rule;

enum { RS_K_TYPE = 0, RS_K_BOND, RS_K_MODEL, RS_K_COUNT };

/*
 * A text of the needs column: text.s[g] with "{gap}" at gap_at[g] (or
 * none: UINT32_MAX), where the row's distance to the condition goes.
 * `generated` texts were made from the condition, not written in the file.
 */
typedef struct rs_need {
	rs_text text;
	uint32_t gap_at[RS_LANG_COUNT];
	uint32_t node;  /* the condition node it belongs to */
	bool generated;
} rs_need;

typedef struct rs_part {
	int var;        /* linear part: the variable; -1 for a conditional part */
	double per;     /* linear: points per unit */
	double cap;     /* linear: at most this many points; INFINITY if none */
	uint32_t cond;  /* conditional: root node */
	double points;  /* conditional: points when the condition is TRUE */
	int name_var;   /* variable that names an unlabelled part in --explain */
	rs_text label;  /* optional */
} rs_part;

/*
 * A part as the sum without --explain reads it (rs_rules_compile): small
 * and in part order. A condition that is one leaf is that leaf, inline.
 */
enum rs_term_kind { RS_TERM_LINEAR, RS_TERM_LEAF, RS_TERM_COND };

typedef struct rs_term {
	uint8_t kind;  /* enum rs_term_kind */
	uint8_t var;   /* linear: the variable; leaf: the leaf's */
	uint8_t tmask; /* leaf: as rs_pnode */
	uint8_t unk;   /* leaf: as rs_pnode */
	uint32_t cond; /* cond: the condition's root */
	double x;      /* linear: per; leaf: the value compared with */
	double y;      /* linear: cap; leaf, cond: the points */
} rs_term;

typedef struct rs_scoredef {
	double max;
	rs_part *parts;
	size_t nparts;
	rs_term terms[RS_MAX_PARTS]; /* parts[i] as terms[i] */
} rs_scoredef;

/* The two score definitions, in the order they are computed. */
enum { RS_SCORE_CONTACT = 0, RS_SCORE_COOPERATION, RS_SCORE_COUNT };

typedef struct rs_stage {
	char *id;
	rs_text label;
	char **actions[RS_LANG_COUNT]; /* nactions each */
	size_t nactions;
	char *joined[RS_LANG_COUNT];   /* actions joined with RS_ACTION_SEP */
} rs_stage;

typedef struct rs_decision {
	size_t stage;
	uint32_t cond;
	rs_text why; /* optional */
	bool live;   /* some share value can reach it (analyze.c) */
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
	rs_param *param;
	size_t nparams;
	rs_kind_rule *kind[RS_K_COUNT]; /* types, bonds, alliance models */
	size_t nkind[RS_K_COUNT];
	rs_need *need;
	size_t nneed;
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
	/* Built once after loading (rs_rules_compile), for evaluation per row. */
	rs_pnode *prog;              /* parallel to node, then the residual programs */
	size_t nprog, capprog;
	uint64_t act_mask[RS_MAX_STAGES]; /* action rules that can fire at each stage */
	/*
	 * Residual programs: a condition with one value fixed and simplified.
	 * Stage s's action rules that can fire are ent[act_first[s] ..
	 * act_first[s + 1]), each with its condition at that stage. With
	 * share_pct known, the decision rows that can match are those of its
	 * slot k (below share_pts[0]: 0, equal to it: 1, between it and the
	 * next: 2, ...): ent[dec_first[k] .. dec_first[k + 1]), in table order,
	 * the last one TRUE when nothing else can be. dec_first is NULL when the
	 * table has too many share_pct constants to be worth it.
	 */
	rs_entry *ent;
	size_t nent, capent;
	uint32_t act_first[RS_MAX_STAGES + 1];
	uint32_t model_first[RS_MAX_STAGES + 1]; /* the alliance models, the same way */
	double *share_pts;
	size_t npts;
	uint32_t *dec_first;
};

/*
 * rules_cond.c: Kleene evaluation in the ordered encoding (enum rs_kv) of
 * the compiled program at `root`. v holds the values (the RS_VAR_ ones where
 * a condition tests them); `known` has bit var set for known values.
 */
int rs_cond_k(const rs_pnode *prog, uint32_t root, const double *v, uint32_t known);

/* A leaf of the compiled program (enum rs_kv). Unknown values are not read. */
static inline int rs_leaf_k(const rs_pnode *p, const double *v, uint32_t known)
{
	double x;
	unsigned code;

	if (!((known >> p->var) & 1u))
		return p->unk;
	x = v[p->var];
	code = (unsigned)(x >= p->value) | (unsigned)(x <= p->value) << 1;
	return (int)(((unsigned)p->tmask >> code) & 1u) << 1;
}

/* rs_cond_k with the common cases inline: a single comparison, and a flat
 * group (every child a leaf: the first child that stops the group decides,
 * else UNKNOWN if a child was, else the group's identity). */
static inline int rs_cond_fast(const rs_pnode *prog, uint32_t root, const double *v, uint32_t known)
{
	const rs_pnode *p = &prog[root], *c, *end;
	int stop, acc, t;

	if (p->kind == RS_P_LEAF)
		return rs_leaf_k(p, v, known);
	if (!p->tmask)
		return rs_cond_k(prog, root, v, known);
	stop = p->kind == RS_P_ALL ? RS_K_F : RS_K_T;
	acc = RS_K_T - stop;
	for (c = p + 1, end = prog + p->end; c < end; c++) {
		t = rs_leaf_k(c, v, known);
		if (t == stop)
			return t;
		if (t == RS_K_U)
			acc = RS_K_U;
	}
	return acc;
}

/* rules_cond.c: builds r->prog and r->act_mask; false when out of memory. */
bool rs_rules_compile(rs_rules *r);

/* score.c: the fields (bit per field) score k's parts read. */
uint32_t rs_score_fields(const rs_rules *r, int k);

/* score.c: the explain words of scoring. */
enum { RS_W_SHARE, RS_W_FROM, RS_W_UNUSED, RS_W_UNKNOWN, RS_W_CAP, RS_W_MAX, RS_W_CAP_OPEN,
       RS_W_TIMES, RS_W_SEP, RS_W_COUNT };
extern const char *const rs_score_words[RS_LANG_COUNT][RS_W_COUNT];
extern const char *const rs_score_names[RS_LANG_COUNT][RS_SCORE_COUNT];

/* rules_load.c: the name of a comparison operator ("==", "known"). */
const char *rs_cond_op_name(int op);
/* rules_load.c: a variable's name, pseudo variables included. */
const char *rs_cond_var_name(int var);
/* rules_load.c: a comparison's value as the file writes it (a param's name,
 * a stage or level word, true/false, a number). */
void rs_cond_value_text(rs_buf *b, const rs_rules *r, const rs_cnode *n);
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
	bool gap;    /* texts may hold {gap} (a need being read) */
	int kindsec; /* the rs_kind_rule list being read (RS_K_) */
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
	RS_LD_STAGE = 1,     /* stage, previous_stage, downgraded may be tested */
	RS_LD_NO_SCORES = 2, /* score parts: the scores may not be used */
	RS_LD_NUMERIC = 4,   /* a linear part: the variable must be numeric */
	RS_LD_TYPE = 8,      /* relationship_type may be tested */
	RS_LD_MODEL = 16,    /* alliance_model may be tested */
	RS_LD_BONDS = 32,    /* {"bond": ID} may be used */
	RS_LD_ACTION = RS_LD_STAGE | RS_LD_TYPE | RS_LD_MODEL | RS_LD_BONDS
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
/* A TEXT; one that names a param ({name}) keeps what was written in raw. */
void rs_ld_text_at(rs_ld *l, const cJSON *o, const char *key, rs_text *t);
/*
 * s with every {name} replaced by the param's value ({gap} kept where
 * l->gap allows it); NULL after reporting a problem, or out of memory.
 */
char *rs_ld_expand(rs_ld *l, const char *s);
long rs_ld_stage_ref(rs_ld *l, const cJSON *o, const char *key);
/* The stage id v names, reported at the current path; -1 if none. */
long rs_ld_stage_value(rs_ld *l, const cJSON *v);
/* rules_cond.c: variables and conditions. */
int rs_ld_var(rs_ld *l, const cJSON *o, const char *key, unsigned flags);
uint32_t rs_ld_cond_at(rs_ld *l, const cJSON *o, const char *key, unsigned flags);
/* The first variable a condition compares, to name a part; -1 if none. */
int rs_ld_first_var(const rs_ld *l, uint32_t root);

/* analyze.c: marks the decision rows some share value can reach (live). */
void rs_rules_live(rs_rules *r);

#endif
