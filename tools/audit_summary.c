/*
 * consent-audit: aggregates of decision records (see audit_summary.h).
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "audit_summary.h"


static int consent_tool_summary_decision(consent_tool_summary_t *s,
    const consent_audit_record_t *record);
static consent_tool_group_t *consent_tool_group(consent_tool_groups_t *g,
    const char *name, size_t len, int recent);
static void consent_tool_group_add(consent_tool_group_t *g, int action,
    int gpc, const unsigned char *granted, const unsigned char *offered);
static int consent_tool_category(consent_tool_summary_t *s,
    const char *name);
static void consent_tool_hll_add(consent_tool_summary_t *s, const char *id);
static int consent_tool_name_cmp(const void *a, const void *b);
static int consent_tool_count_cmp(const void *a, const void *b);


const char  *consent_tool_actions[] = {
    "accept_all", "reject_all", "save", "withdraw", "gpc", "service", "allow",
    NULL
};

const char  *consent_tool_sources[] = {
    "banner", "preferences", "api", "nojs", "placeholder", NULL
};


int
consent_tool_summary_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    int                      rc;
    consent_audit_record_t   record;
    consent_audit_status_t   status;

    (void) file;
    (void) line;

    status = consent_audit_parse(text, len, NULL, 0, &record);
    rc = consent_tool_summary_record(data, status, &record);
    json_decref(record.root);

    return rc;
}


/* Counted whether or not its MAC holds: verify is the judge of that. */
int
consent_tool_summary_record(void *data, consent_audit_status_t status,
    const consent_audit_record_t *record)
{
    consent_tool_summary_t  *s = data;

    int                      rc;
    json_t                  *removed;

    if (status == CONSENT_AUDIT_BAD_JSON
        || status == CONSENT_AUDIT_BAD_RECORD)
    {
        s->skipped++;
        return 0;
    }

    rc = 0;

    switch (record->type) {

    case CONSENT_AUDIT_ROTATE:
        s->rotations++;
        break;

    case CONSENT_AUDIT_CHECKPOINT:
        s->checkpoints++;
        removed = json_object_get(record->root, "removed");
        s->purged += (uint64_t) json_integer_value(json_object_get(removed,
                                                                "records"));
        s->rotations += (uint64_t) json_integer_value(
                            json_object_get(removed, "rotations"));
        break;

    default:
        if (!consent_tool_in_range(record->ts, s->since, s->until)) {
            break;
        }

        rc = consent_tool_summary_decision(s, record);

        if (rc != 0) {
            fprintf(stderr, "consent-audit: out of memory\n");
        }
    }

    return rc;
}


static int
consent_tool_summary_decision(consent_tool_summary_t *s,
    const consent_audit_record_t *record)
{
    int                    action, gpc, c, source;
    char                   revision[24];
    size_t                 i;
    json_t                *root, *name, *value;
    const char            *text;
    unsigned char          granted[CONSENT_TOOL_CATEGORIES];
    unsigned char          offered[CONSENT_TOOL_CATEGORIES];
    consent_tool_group_t  *g;

    root = record->root;

    memset(granted, 0, sizeof(granted));
    memset(offered, 0, sizeof(offered));

    json_array_foreach(json_object_get(root, "granted"), i, name) {
        c = consent_tool_category(s, json_string_value(name));
        if (c >= 0) {
            granted[c] = 1;
            offered[c] = 1;
        }
    }

    json_array_foreach(json_object_get(root, "denied"), i, name) {
        c = consent_tool_category(s, json_string_value(name));
        if (c >= 0) {
            offered[c] = 1;
        }
    }

    action = consent_tool_name_index(consent_tool_actions, record->action);
    gpc = json_is_true(json_object_get(root, "gpc"));

    source = consent_tool_name_index(consent_tool_sources,
                 json_string_value(json_object_get(root, "source")));
    s->sources[source >= 0 ? source : CONSENT_TOOL_SOURCES]++;

    if (s->all.decisions == 0) {
        snprintf(s->first_ts, sizeof(s->first_ts), "%s", record->ts);
    }

    snprintf(s->last_ts, sizeof(s->last_ts), "%s", record->ts);

    consent_tool_group_add(&s->all, action, gpc, granted, offered);
    consent_tool_hll_add(s, record->id);

    /* records of one day are adjacent: look from the end */
    g = consent_tool_group(&s->days, record->ts, 10, 1);
    if (g == NULL) {
        return -1;
    }

    consent_tool_group_add(g, action, gpc, granted, offered);

    value = json_object_get(root, "lang");
    text = json_is_string(value) ? json_string_value(value) : "unknown";

    g = consent_tool_group(&s->langs, text, strlen(text), 0);
    if (g == NULL) {
        return -1;
    }

    consent_tool_group_add(g, action, gpc, granted, offered);

    value = json_object_get(root, "region");
    text = json_is_string(value) ? json_string_value(value) : "unknown";

    g = consent_tool_group(&s->regions, text, strlen(text), 0);
    if (g == NULL) {
        return -1;
    }

    consent_tool_group_add(g, action, gpc, granted, offered);

    snprintf(revision, sizeof(revision), "%lld",
             (long long) json_integer_value(json_object_get(root,
                                                            "revision")));

    g = consent_tool_group(&s->revisions, revision, strlen(revision), 1);
    if (g == NULL) {
        return -1;
    }

    consent_tool_group_add(g, action, gpc, granted, offered);

    return 0;
}


int
consent_tool_summary_option(consent_tool_summary_t *s, int argc, char **argv,
    int *i)
{
    const char  **date;

    if (strcmp(argv[*i], "--since") == 0) {
        date = &s->since;

    } else if (strcmp(argv[*i], "--until") == 0) {
        date = &s->until;

    } else {
        return 0;
    }

    if (*i + 1 >= argc) {
        fprintf(stderr, "consent-audit: %s needs a DATE\n", argv[*i]);
        return -1;
    }

    *date = consent_tool_date(argv[*i], argv[*i + 1]);
    *i += 1;

    return *date ? 1 : -1;
}


void
consent_tool_summary_finish(consent_tool_summary_t *s)
{
    qsort(s->days.groups, s->days.ngroups, sizeof(consent_tool_group_t),
          consent_tool_name_cmp);
    qsort(s->langs.groups, s->langs.ngroups, sizeof(consent_tool_group_t),
          consent_tool_count_cmp);
    qsort(s->regions.groups, s->regions.ngroups,
          sizeof(consent_tool_group_t), consent_tool_count_cmp);
    qsort(s->revisions.groups, s->revisions.ngroups,
          sizeof(consent_tool_group_t), consent_tool_count_cmp);
}


/* HyperLogLog with the small-range correction (linear counting). */
uint64_t
consent_tool_summary_ids(const consent_tool_summary_t *s)
{
    size_t  i, m, zeros;
    double  sum, estimate;

    m = sizeof(s->hll);
    sum = 0;
    zeros = 0;

    for (i = 0; i < m; i++) {
        sum += ldexp(1.0, -(int) s->hll[i]);
        zeros += (s->hll[i] == 0);
    }

    estimate = 0.7213 / (1.0 + 1.079 / (double) m) * (double) m * (double) m
               / sum;

    if (estimate <= 2.5 * (double) m && zeros) {
        estimate = (double) m * log((double) m / (double) zeros);
    }

    return (uint64_t) (estimate + 0.5);
}


void
consent_tool_summary_free(consent_tool_summary_t *s)
{
    free(s->days.groups);
    free(s->langs.groups);
    free(s->regions.groups);
    free(s->revisions.groups);
}


double
consent_tool_optin(const consent_tool_group_t *g, size_t c)
{
    return consent_tool_percent(g->granted[c], g->offered[c]);
}


static consent_tool_group_t *
consent_tool_group(consent_tool_groups_t *g, const char *name, size_t len,
    int recent)
{
    size_t                 i, k;
    consent_tool_group_t  *groups;

    if (len >= CONSENT_TOOL_NAME_MAX) {
        len = CONSENT_TOOL_NAME_MAX - 1;
    }

    for (k = 0; k < g->ngroups; k++) {
        i = recent ? g->ngroups - 1 - k : k;

        if (strncmp(g->groups[i].name, name, len) == 0
            && g->groups[i].name[len] == '\0')
        {
            return &g->groups[i];
        }
    }

    if (g->ngroups == g->nalloc) {
        g->nalloc = g->nalloc ? 2 * g->nalloc : 64;

        groups = realloc(g->groups, g->nalloc * sizeof(consent_tool_group_t));
        if (groups == NULL) {
            return NULL;
        }

        g->groups = groups;
    }

    groups = &g->groups[g->ngroups++];
    memset(groups, 0, sizeof(consent_tool_group_t));
    memcpy(groups->name, name, len);

    return groups;
}


static void
consent_tool_group_add(consent_tool_group_t *g, int action, int gpc,
    const unsigned char *granted, const unsigned char *offered)
{
    size_t  c;

    g->decisions++;
    g->gpc += gpc;

    if (action >= 0) {
        g->actions[action]++;
    }

    for (c = 0; c < CONSENT_TOOL_CATEGORIES; c++) {
        g->granted[c] += granted[c];
        g->offered[c] += offered[c];
    }
}


static int
consent_tool_category(consent_tool_summary_t *s, const char *name)
{
    size_t  c;

    for (c = 0; c < s->ncategories; c++) {
        if (strcmp(s->categories[c], name) == 0) {
            return (int) c;
        }
    }

    if (c == CONSENT_TOOL_CATEGORIES) {
        return -1;
    }

    snprintf(s->categories[c], CONSENT_TOOL_NAME_MAX, "%s", name);
    s->ncategories++;

    return (int) c;
}


/* Consent ids are random: their first bits are the hash. */
static void
consent_tool_hll_add(consent_tool_summary_t *s, const char *id)
{
    int            rank;
    uint64_t       h;
    unsigned char  raw[CONSENT_ID_LEN];
    size_t         i;

    consent_audit_unhex(id, 2 * CONSENT_ID_LEN, raw, CONSENT_ID_LEN);

    h = 0;
    for (i = 0; i < 8; i++) {
        h = h << 8 | raw[i];
    }

    i = (size_t) (h >> (64 - CONSENT_TOOL_HLL_BITS));
    h <<= CONSENT_TOOL_HLL_BITS;

    for (rank = 1; rank <= 64 - CONSENT_TOOL_HLL_BITS && !(h >> 63); rank++) {
        h <<= 1;
    }

    if (s->hll[i] < rank) {
        s->hll[i] = (unsigned char) rank;
    }
}


static int
consent_tool_name_cmp(const void *a, const void *b)
{
    return strcmp(((const consent_tool_group_t *) a)->name,
                  ((const consent_tool_group_t *) b)->name);
}


static int
consent_tool_count_cmp(const void *a, const void *b)
{
    const consent_tool_group_t  *ga = a, *gb = b;

    if (ga->decisions != gb->decisions) {
        return ga->decisions < gb->decisions ? 1 : -1;
    }

    return strcmp(ga->name, gb->name);
}
