/*
 * rules_impl.h - the rules in memory: loaded and checked by rules.c, compiled
 * for evaluation by rules_cond.c, printed by rules_dump.c, analysed by
 * analyze.c, read by scoring (score.c) and the engine (engine.c). The rules
 * module calls neither of the last two.
 *
 * Conditions compile to one flat array of nodes in prefix order: a node's
 * children follow it, each child subtree taking `size` slots, so evaluation
 * walks indexes and compares doubles, with no strings and no allocation.
 */
#ifndef RS_RULES_IMPL_H
#define RS_RULES_IMPL_H

#include <stdint.h>

#include "jsonload.h" /* cJSON and internal.h too */
#include "msg.h"

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

/* all, any, not, bond (var = the bond, child = a copy of its condition),
 * then the comparisons. */
enum rs_cop {
	RS_C_ALL = 0, RS_C_ANY, RS_C_NOT, RS_C_BOND,
	RS_C_EQ, RS_C_NE, RS_C_LT, RS_C_LE, RS_C_GT, RS_C_GE,
	RS_C_KNOWN, RS_C_UNKNOWN
};

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

_Static_assert(RS_VAR_COUNT <= 32, "a known bit (uint32_t) per variable");

typedef struct rs_text {
	char *s[RS_LANG_COUNT];   /* NULL when absent (optional texts only) */
	char *raw[RS_LANG_COUNT]; /* as written when it names a param ({name}),
	                             which s has replaced; else NULL */
} rs_text;

/*
 * Everything with an id (params, stages, kinds, actions, messages) has it
 * as its first member, so one lookup serves every list (rules.c).
 */

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
	char **actions[RS_LANG_COUNT]; /* nactions each, as written */
	size_t nactions;
	char *joined[RS_LANG_COUNT];   /* params in place, joined with RS_ACTION_SEP */
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
	rs_pnode *prog; /* parallel to node */
	/* At stage s: bit i set when action rule i (alliance model i) can be
	 * true there: the stage alone does not make its condition FALSE. */
	uint64_t act_at[RS_MAX_STAGES];
	uint16_t model_at[RS_MAX_STAGES];
};

/*
 * rules_cond.c: Kleene evaluation in the ordered encoding (enum rs_kv) of
 * the compiled program at `root`. v holds the values (the RS_VAR_ ones where
 * a condition tests them); `known` has bit var set for known values.
 */
int rs_cond_k(const rs_pnode *prog, uint32_t root, const double *v, uint32_t known);
/*
 * rules_cond.c: what the program at i can be when only the variables in
 * `decide` are known (values in v), and those in `present` are known to be
 * there with any value: a comparison on any other, and a known/unknown test
 * on one not present, is UNKNOWN. TRUE: surely true; FALSE: never true.
 */
int rs_cond_partial(const rs_pnode *prog, uint32_t i, const double *v, uint32_t decide,
                    uint32_t present);

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
 * group (every child a leaf). */
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

/* rules_cond.c: builds the evaluation form (prog, ent); false when out of
 * memory. */
bool rs_rules_compile(rs_rules *r);

/* score.c: the fields (bit per field) score k's parts read. */
uint32_t rs_score_fields(const rs_rules *r, int k);

/* score.c: why rs_score rejects an account's share: the first of its checks
 * that fails, in the order it makes them, or RS_SHARE_OK. */
rs_share_fault rs_score_fault(const rs_account *a);

/* score.c: the explain words of scoring. */
enum { RS_W_SHARE, RS_W_FROM, RS_W_UNUSED, RS_W_UNKNOWN, RS_W_CAP, RS_W_MAX, RS_W_CAP_OPEN,
       RS_W_TIMES, RS_W_SEP, RS_W_RAISED, RS_W_PREVIOUS, RS_W_COUNT };
extern const char *const rs_score_words[RS_LANG_COUNT][RS_W_COUNT];
extern const char *const rs_score_names[RS_LANG_COUNT][RS_SCORE_COUNT];

/* rules.c: the names the file uses for an operator ("all", "==", "known")
 * and a variable (pseudo variables included). */
const char *rs_cond_op_name(int op);
const char *rs_cond_var_name(int var);
/* rules.c: a comparison's value as the file writes it when that is a word
 * (a param's name, a stage, type, model or level, true or false), else NULL:
 * a number. */
const char *rs_cond_value_word(const rs_rules *r, const rs_cnode *n);

/*
 * rules.c: the objects of the rules file, member by member in key order,
 * which the loader reads and frees and the dump (rules_dump.c) writes.
 * A member is loaded into its object at `off`, as its type says.
 */
enum rs_mtype {
	RS_MT_ID,       /* char *; an "id" first in a list is unique in it */
	RS_MT_TEXT,     /* rs_text */
	RS_MT_COND,     /* uint32_t root node; what it may test: rs_list.cflags */
	RS_MT_NUM,      /* double, not negative */
	RS_MT_MAX,      /* double, more than 0 and at most 100; 100 if absent */
	RS_MT_STAGE,    /* size_t, a stage id */
	RS_MT_VAR,      /* int, the variable of a linear part */
	RS_MT_ACTIONS,  /* the actions of an rs_stage */
	RS_MT_LIST,     /* a list of objects (sub: its rs_list) */
	RS_MT_OBJ,      /* an object at off, its members (sub) at offsets from it */
	RS_MT_VERSION,  /* the format's version: 1 */
	RS_MT_PARAMS,   /* rs_rules' params */
	RS_MT_MESSAGES  /* rs_rules' messages */
};

typedef struct rs_member {
	const char *key;
	uint8_t type; /* enum rs_mtype */
	bool opt;     /* may be absent (the dump leaves out what is, and empty lists) */
	uint16_t off;
	const void *sub; /* RS_MT_LIST: its rs_list; RS_MT_OBJ: its members */
} rs_member;

/* A list of objects: an array under `key`. Parts take one of two forms. */
typedef struct rs_list {
	const char *key;
	const rs_member *members; /* NULL: parts, rs_part_members[var or when] */
	size_t size, min, max;
	unsigned cflags;   /* what its conditions may test (rules.c) */
	const char *what;  /* "stage " in "duplicate stage id" */
	size_t items, count; /* offsets in the object that holds the list:
	                        the items (a pointer), their number (size_t) */
} rs_list;

extern const rs_member rs_rules_members[]; /* the file's top level */
extern const rs_member rs_part_members[2][5]; /* {var, per, cap, label}, {when, points, label} */

/* analyze.c: marks the decision rows some share value can reach (live). */
void rs_rules_live(rs_rules *r);

#endif
