#ifndef AUDIT_SUMMARY_H
#define AUDIT_SUMMARY_H

/*
 * consent-audit: the aggregates of decision records that stats and report
 * show, built in one streaming pass.  Memory depends on the number of
 * days, categories, languages, regions and revisions, not on the number
 * of records (distinct consent ids are estimated, HyperLogLog).
 */

#include "audit_tool.h"


#define CONSENT_TOOL_CATEGORIES  64
#define CONSENT_TOOL_NAME_MAX    64
#define CONSENT_TOOL_HLL_BITS    14

enum {
    CONSENT_TOOL_ACCEPT_ALL = 0,
    CONSENT_TOOL_REJECT_ALL,
    CONSENT_TOOL_SAVE,
    CONSENT_TOOL_WITHDRAW,
    CONSENT_TOOL_GPC,
    CONSENT_TOOL_SERVICE,
    CONSENT_TOOL_ALLOW,         /* single services added (placeholders) */
    CONSENT_TOOL_ACTIONS
};

/* The sources of consent_tool_sources, then one for any other. */
#define CONSENT_TOOL_SOURCES     5

/* The decisions of one day, language, region or revision. */
typedef struct {
    char                     name[CONSENT_TOOL_NAME_MAX];
    uint64_t                 decisions;
    uint64_t                 actions[CONSENT_TOOL_ACTIONS];
    uint64_t                 gpc;
    uint64_t                 granted[CONSENT_TOOL_CATEGORIES];
    uint64_t                 offered[CONSENT_TOOL_CATEGORIES];
} consent_tool_group_t;

typedef struct {
    consent_tool_group_t    *groups;
    size_t                   ngroups;
    size_t                   nalloc;
} consent_tool_groups_t;

typedef struct {
    const char              *since;        /* decisions counted: the period */
    const char              *until;

    consent_tool_group_t     all;
    uint64_t                 skipped;      /* lines that are not records */
    uint64_t                 rotations;
    uint64_t                 checkpoints;
    uint64_t                 purged;       /* records a checkpoint stands for */
    uint64_t                 sources[CONSENT_TOOL_SOURCES + 1];
    char                     first_ts[32];
    char                     last_ts[32];

    char                     categories[CONSENT_TOOL_CATEGORIES]
                                       [CONSENT_TOOL_NAME_MAX];
    size_t                   ncategories;

    consent_tool_groups_t    days;
    consent_tool_groups_t    langs;
    consent_tool_groups_t    regions;
    consent_tool_groups_t    revisions;

    unsigned char            hll[1 << CONSENT_TOOL_HLL_BITS];
} consent_tool_summary_t;


extern const char  *consent_tool_actions[];
extern const char  *consent_tool_sources[];

/*
 * A consent_tool_line_pt: data is a zeroed consent_tool_summary_t, with
 * since and until set or NULL.
 */
int consent_tool_summary_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);

/* A consent_tool_record_pt: the same, for a line verify has parsed. */
int consent_tool_summary_record(void *data, consent_audit_status_t status,
    const consent_audit_record_t *record);

/* Sort the groups (days by date, the others by decisions). */
void consent_tool_summary_finish(consent_tool_summary_t *s);

/* Estimated number of distinct consent ids. */
uint64_t consent_tool_summary_ids(const consent_tool_summary_t *s);

void consent_tool_summary_free(consent_tool_summary_t *s);

/*
 * --since DATE and --until DATE into s: 1 taken, 0 not one of them, -1
 * after a message.
 */
int consent_tool_summary_option(consent_tool_summary_t *s, int argc,
    char **argv, int *i);

/* The summary as stats prints it; by: NULL or a --by value. */
void consent_tool_stats_print(const consent_tool_summary_t *s,
    const char *by);

/* Share of category c granted among the decisions that offered it. */
double consent_tool_optin(const consent_tool_group_t *g, size_t c);

#endif /* AUDIT_SUMMARY_H */
