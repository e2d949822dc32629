/*
 * consent-audit: verify, search and summarise ngx_consent audit logs.
 * See "consent-audit --help" and docs/audit.md.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "consent_audit.h"
#include "consent_cookie.h"


#define CONSENT_TOOL_FINDING_MAX  512

#define CONSENT_EXIT_OK       0
#define CONSENT_EXIT_FAILED   1         /* broken chain, or nothing found */
#define CONSENT_EXIT_USAGE    2         /* bad arguments or unreadable file */


/* Where a record is and what links it: all verification keeps of it. */
typedef struct {
    uint32_t                 file;
    uint64_t                 line;
    uint64_t                 seq;
    unsigned char            prev[CONSENT_AUDIT_MAC_LEN];
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
} consent_tool_record_t;

/* A record that does not follow the one before it, explained in pass 2. */
typedef struct {
    consent_tool_record_t    record;
    consent_tool_record_t    last;     /* the record it came after */
    consent_tool_record_t    pred;     /* the first whose mac is its prev */
    consent_tool_record_t    first;    /* the first with its own mac */
    unsigned                 has_pred:1;
    unsigned                 has_first:1;
} consent_tool_break_t;

typedef struct {
    uint32_t                 file;
    uint64_t                 line;
    char                    *text;
} consent_tool_finding_t;

/*
 * Verification reads the logs twice at most, keeping only the last record,
 * the findings and the breaks of the chain: memory does not grow with the
 * size of the logs.
 */
typedef struct {
    const unsigned char     *key;
    size_t                   key_len;

    consent_tool_record_t    last;
    consent_tool_record_t    pending;      /* failed its MAC: added or edited */
    unsigned                 has_last:1;
    unsigned                 has_pending:1;
    unsigned                 last_edited:1;
    unsigned                 no_memory:1;

    uint64_t                 lines;
    uint64_t                 records;
    uint64_t                 verified;
    uint64_t                 first_seq;

    consent_tool_finding_t  *findings;
    size_t                   nfindings;
    size_t                   findings_alloc;
    consent_tool_break_t    *breaks;
    size_t                   nbreaks;
    size_t                   breaks_alloc;
    size_t                  *by_prev;      /* break indexes, by record.prev */
    size_t                  *by_mac;       /* break indexes, by record.mac */
} consent_tool_verify_t;

/* Called for each line of each log; returns 0, or -1 to stop. */
typedef int (*consent_tool_line_pt)(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);

typedef struct {
    char                     name[64];
    uint64_t                 granted;
    uint64_t                 denied;
} consent_tool_category_t;

typedef struct {
    char                     date[11];
    uint64_t                 decisions;
    uint64_t                 actions[4];
    uint64_t                 gpc;
} consent_tool_day_t;

typedef struct {
    uint64_t                 decisions;
    uint64_t                 skipped;
    uint64_t                 gpc;
    uint64_t                 actions[4];
    uint64_t                 sources[4];
    consent_tool_category_t *categories;
    size_t                   ncategories;
    consent_tool_day_t      *days;
    size_t                   ndays;
    unsigned char           *ids;       /* CONSENT_ID_LEN bytes each */
    size_t                   nids;
    size_t                   nids_alloc;
} consent_tool_stats_t;

typedef struct {
    const char              *id;
    uint64_t                 found;
    uint64_t                 skipped;
} consent_tool_find_t;


static int consent_tool_find(int argc, char **argv);
static int consent_tool_stats(int argc, char **argv);
static void consent_tool_usage(FILE *out);
static void consent_tool_help(void);
static int consent_tool_read_key(const char *path, unsigned char *key,
    size_t *len);
static int consent_tool_each_line(char **logs, int nlogs, FILE *input,
    consent_tool_line_pt handler, void *data);
static int consent_tool_verify(int argc, char **argv);
static int consent_tool_verify_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);
static void consent_tool_verify_pending(consent_tool_verify_t *v,
    const consent_tool_record_t *next);
static void consent_tool_verify_link(consent_tool_verify_t *v,
    const consent_tool_record_t *r);
static int consent_tool_verify_resolve(void *data, uint32_t file,
    uint64_t line, const char *text, size_t len);
static void consent_tool_verify_explain(consent_tool_verify_t *v,
    char **logs, const consent_tool_break_t *b);
static int consent_tool_verify_index(consent_tool_verify_t *v);
static void consent_tool_verify_report(consent_tool_verify_t *v,
    char **logs);
static void consent_tool_verify_free(consent_tool_verify_t *v);
static void consent_tool_finding(consent_tool_verify_t *v, uint32_t file,
    uint64_t line, const char *fmt, ...);
static int consent_tool_before(uint32_t file_a, uint64_t line_a,
    uint32_t file_b, uint64_t line_b);
static int consent_tool_finding_cmp(const void *a, const void *b);
static int consent_tool_break_prev_cmp(const void *a, const void *b);
static int consent_tool_break_mac_cmp(const void *a, const void *b);
static size_t consent_tool_break_find(consent_tool_verify_t *v,
    const size_t *index, int by_prev, const unsigned char *mac);
static FILE *consent_tool_spool(void);
static int consent_tool_find_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);
static int consent_tool_stats_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);
static int consent_tool_stats_names(consent_tool_stats_t *stats,
    json_t *names, int granted);
static int consent_tool_stats_day(consent_tool_stats_t *stats,
    const char *ts, int action, int gpc);
static int consent_tool_stats_id(consent_tool_stats_t *stats,
    const char *hex);
static void consent_tool_stats_print(consent_tool_stats_t *stats,
    const char *by);
static int consent_tool_day_cmp(const void *a, const void *b);
static int consent_tool_id_cmp(const void *a, const void *b);
static int consent_tool_name_index(const char *const *names,
    const char *name);
static double consent_tool_percent(uint64_t part, uint64_t whole);


static const char  *consent_tool_actions[] = {
    "accept_all", "reject_all", "save", "withdraw", NULL
};

static const char  *consent_tool_sources[] = {
    "banner", "preferences", "api", "nojs", NULL
};

/* for qsort() of the break indexes */
static consent_tool_break_t  *consent_tool_sort_breaks;

static const unsigned char   consent_tool_zero_mac[CONSENT_AUDIT_MAC_LEN];


int
main(int argc, char **argv)
{
    if (argc < 2) {
        consent_tool_usage(stderr);
        return CONSENT_EXIT_USAGE;
    }

    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
        || strcmp(argv[1], "help") == 0)
    {
        consent_tool_help();
        return CONSENT_EXIT_OK;
    }

    if (strcmp(argv[1], "verify") == 0) {
        return consent_tool_verify(argc - 2, argv + 2);
    }

    if (strcmp(argv[1], "find") == 0) {
        return consent_tool_find(argc - 2, argv + 2);
    }

    if (strcmp(argv[1], "stats") == 0) {
        return consent_tool_stats(argc - 2, argv + 2);
    }

    fprintf(stderr, "consent-audit: unknown command \"%s\"\n", argv[1]);
    consent_tool_usage(stderr);

    return CONSENT_EXIT_USAGE;
}


static int
consent_tool_verify(int argc, char **argv)
{
    int                     i, nlogs, rc;
    FILE                   *spool;
    char                  **logs;
    size_t                  key_len, b;
    const char             *key_file, *secret_file;
    unsigned char           key[CONSENT_KEY_FILE_MAX + 1];
    unsigned char           secret[CONSENT_KEY_FILE_MAX + 1];
    consent_tool_verify_t   v;

    key_file = NULL;
    secret_file = NULL;
    spool = NULL;

    logs = calloc(argc + 1, sizeof(char *));
    if (logs == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return CONSENT_EXIT_USAGE;
    }

    nlogs = 0;

    for (i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "--key") == 0
             || strcmp(argv[i], "--secret") == 0)
            && i + 1 < argc)
        {
            if (key_file || secret_file) {
                fprintf(stderr, "consent-audit: verify takes one --key or "
                        "--secret\n");
                goto usage;
            }

            if (argv[i][2] == 'k') {
                key_file = argv[++i];

            } else {
                secret_file = argv[++i];
            }

            continue;
        }

        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "consent-audit: verify: unknown option \"%s\"\n",
                    argv[i]);
            goto usage;
        }

        if (strcmp(argv[i], "-") == 0 && spool == NULL) {
            /* standard input may have to be read twice */
            spool = consent_tool_spool();
            if (spool == NULL) {
                free(logs);
                return CONSENT_EXIT_USAGE;
            }
        }

        logs[nlogs++] = argv[i];
    }

    if (key_file == NULL && secret_file == NULL) {
        fprintf(stderr, "consent-audit: verify needs --key FILE (the "
                "consent_audit_key file) or --secret FILE (the first "
                "consent_secret, when no consent_audit_key is set)\n");
        goto usage;
    }

    if (nlogs == 0) {
        fprintf(stderr, "consent-audit: verify needs at least one LOG\n");
        goto usage;
    }

    if (key_file) {
        if (consent_tool_read_key(key_file, key, &key_len) != 0) {
            goto failed;
        }

    } else {
        if (consent_tool_read_key(secret_file, secret, &key_len) != 0) {
            goto failed;
        }

        rc = consent_audit_key_derive(secret, key_len, key);
        OPENSSL_cleanse(secret, sizeof(secret));

        if (rc != 0) {
            fprintf(stderr, "consent-audit: cannot derive the audit key\n");
            goto failed;
        }

        key_len = CONSENT_AUDIT_MAC_LEN;
    }

    memset(&v, 0, sizeof(v));
    v.key = key;
    v.key_len = key_len;

    /* pass 1: follow the chain, note every place where it breaks */

    rc = consent_tool_each_line(logs, nlogs, spool, consent_tool_verify_line,
                                &v);

    if (rc == 0 && v.has_pending) {
        consent_tool_verify_pending(&v, NULL);
    }

    /* pass 2: find where the records around each break really are */

    if (rc == 0 && v.nbreaks && v.verified) {
        rc = consent_tool_verify_index(&v);

        if (rc == 0) {
            rc = consent_tool_each_line(logs, nlogs, spool,
                                        consent_tool_verify_resolve, &v);
        }

        for (b = 0; rc == 0 && b < v.nbreaks; b++) {
            consent_tool_verify_explain(&v, logs, &v.breaks[b]);
        }
    }

    OPENSSL_cleanse(key, sizeof(key));

    if (rc == 0 && v.no_memory) {
        fprintf(stderr, "consent-audit: out of memory\n");
        rc = -1;
    }

    if (rc == 0) {
        consent_tool_verify_report(&v, logs);
    }

    consent_tool_verify_free(&v);

    if (spool) {
        fclose(spool);
    }

    free(logs);

    if (rc != 0) {
        return CONSENT_EXIT_USAGE;
    }

    return (v.nfindings || (v.records && v.verified == 0))
           ? CONSENT_EXIT_FAILED : CONSENT_EXIT_OK;

usage:

    consent_tool_usage(stderr);

failed:

    if (spool) {
        fclose(spool);
    }

    free(logs);

    return CONSENT_EXIT_USAGE;
}


/* Pass 1: one line. */
static int
consent_tool_verify_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_verify_t   *v = data;

    consent_tool_record_t    r;
    consent_audit_record_t   record;
    consent_audit_status_t   status;

    v->lines++;

    status = consent_audit_parse(text, len, v->key, v->key_len, &record);

    if (status == CONSENT_AUDIT_BAD_JSON) {
        consent_tool_finding(v, file, line, "broken JSON: the line is not a "
                             "JSON object (torn write or edit)");
        return 0;
    }

    if (status == CONSENT_AUDIT_BAD_RECORD) {
        json_decref(record.root);
        consent_tool_finding(v, file, line, "not an audit record: a field "
                             "is missing or of the wrong type, or \"mac\" is "
                             "not the last field (edited)");
        return 0;
    }

    r.file = file;
    r.line = line;
    r.seq = record.seq;
    memcpy(r.prev, record.prev, CONSENT_AUDIT_MAC_LEN);
    memcpy(r.mac, record.mac, CONSENT_AUDIT_MAC_LEN);

    json_decref(record.root);

    v->records++;

    if (v->has_pending) {
        consent_tool_verify_pending(v, &r);
    }

    if (status == CONSENT_AUDIT_BAD_MAC) {
        v->pending = r;
        v->has_pending = 1;
        return 0;
    }

    v->verified++;
    consent_tool_verify_link(v, &r);

    return 0;
}


/*
 * A record failed its MAC.  When the next record links over it to the
 * record before, it was added; otherwise it is an edited record of the
 * chain, and its claimed mac is what the next record links to.
 */
static void
consent_tool_verify_pending(consent_tool_verify_t *v,
    const consent_tool_record_t *next)
{
    consent_tool_record_t  *p;

    p = &v->pending;
    v->has_pending = 0;

    if (v->has_last && next
        && memcmp(next->prev, v->last.mac, CONSENT_AUDIT_MAC_LEN) == 0)
    {
        consent_tool_finding(v, p->file, p->line, "inserted record: seq %llu "
                             "has no valid MAC and the chain runs past it",
                             (unsigned long long) p->seq);
        return;
    }

    consent_tool_finding(v, p->file, p->line, "edited record: seq %llu does "
                         "not match its MAC", (unsigned long long) p->seq);

    if (!v->has_last) {
        v->first_seq = p->seq;
    }

    v->last = *p;
    v->has_last = 1;
    v->last_edited = 1;
}


/* A verified record: does it follow the last one? */
static void
consent_tool_verify_link(consent_tool_verify_t *v,
    const consent_tool_record_t *r)
{
    consent_tool_break_t  *b;

    if (!v->has_last) {
        v->first_seq = r->seq;
        goto next;
    }

    if (memcmp(r->prev, v->last.mac, CONSENT_AUDIT_MAC_LEN) == 0) {
        if (r->seq != v->last.seq + 1 && !v->last_edited) {
            consent_tool_finding(v, r->file, r->line, "seq %llu follows seq "
                                 "%llu (edited)", (unsigned long long) r->seq,
                                 (unsigned long long) v->last.seq);
        }

        goto next;
    }

    /* the edit of the record before, reported already, explains it */
    if (v->last_edited && r->seq == v->last.seq + 1) {
        goto next;
    }

    if (v->nbreaks == v->breaks_alloc) {
        v->breaks_alloc = v->breaks_alloc ? 2 * v->breaks_alloc : 64;

        b = realloc(v->breaks,
                    v->breaks_alloc * sizeof(consent_tool_break_t));
        if (b == NULL) {
            v->no_memory = 1;
            goto next;
        }

        v->breaks = b;
    }

    b = &v->breaks[v->nbreaks++];
    memset(b, 0, sizeof(consent_tool_break_t));
    b->record = *r;
    b->last = v->last;

next:

    v->last = *r;
    v->has_last = 1;
    v->last_edited = 0;
}


/* Pass 2: one line; only verified records can explain a break. */
static int
consent_tool_verify_resolve(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_verify_t   *v = data;

    size_t                   i;
    consent_tool_break_t    *b;
    consent_tool_record_t    r;
    consent_audit_record_t   record;

    if (consent_audit_parse(text, len, v->key, v->key_len, &record)
        != CONSENT_AUDIT_OK)
    {
        json_decref(record.root);
        return 0;
    }

    r.file = file;
    r.line = line;
    r.seq = record.seq;
    memcpy(r.prev, record.prev, CONSENT_AUDIT_MAC_LEN);
    memcpy(r.mac, record.mac, CONSENT_AUDIT_MAC_LEN);

    json_decref(record.root);

    for (i = consent_tool_break_find(v, v->by_prev, 1, r.mac);
         i < v->nbreaks
         && memcmp(v->breaks[v->by_prev[i]].record.prev, r.mac,
                   CONSENT_AUDIT_MAC_LEN) == 0;
         i++)
    {
        b = &v->breaks[v->by_prev[i]];

        if (!b->has_pred) {
            b->pred = r;
            b->has_pred = 1;
        }
    }

    for (i = consent_tool_break_find(v, v->by_mac, 0, r.mac);
         i < v->nbreaks
         && memcmp(v->breaks[v->by_mac[i]].record.mac, r.mac,
                   CONSENT_AUDIT_MAC_LEN) == 0;
         i++)
    {
        b = &v->breaks[v->by_mac[i]];

        if (!b->has_first) {
            b->first = r;
            b->has_first = 1;
        }
    }

    return 0;
}


/*
 * What a break means.  In any reordering some record comes before its
 * predecessor: that one is reported; records whose predecessor came
 * earlier only follow from it.
 */
static void
consent_tool_verify_explain(consent_tool_verify_t *v, char **logs,
    const consent_tool_break_t *b)
{
    const consent_tool_record_t  *r;

    r = &b->record;

    if (b->has_first
        && consent_tool_before(b->first.file, b->first.line, r->file,
                               r->line))
    {
        consent_tool_finding(v, r->file, r->line, "duplicated record: seq "
                             "%llu already at %s:%llu",
                             (unsigned long long) r->seq,
                             logs[b->first.file],
                             (unsigned long long) b->first.line);
        return;
    }

    if (r->seq == 1
        && memcmp(r->prev, consent_tool_zero_mac, CONSENT_AUDIT_MAC_LEN) == 0)
    {
        consent_tool_finding(v, r->file, r->line, "chain restarted: seq 1 "
                             "follows seq %llu (nginx started without the "
                             "previous log's tail, or files out of order)",
                             (unsigned long long) b->last.seq);
        return;
    }

    if (b->has_pred) {
        if (consent_tool_before(b->pred.file, b->pred.line, r->file,
                                r->line))
        {
            return;
        }

        consent_tool_finding(v, r->file, r->line, "reordered record: seq "
                             "%llu comes before seq %llu at %s:%llu, which "
                             "it follows in the chain",
                             (unsigned long long) r->seq,
                             (unsigned long long) b->pred.seq,
                             logs[b->pred.file],
                             (unsigned long long) b->pred.line);
        return;
    }

    if (r->seq == b->last.seq + 2) {
        consent_tool_finding(v, r->file, r->line, "deleted record: seq %llu "
                             "is missing before this line",
                             (unsigned long long) b->last.seq + 1);
        return;
    }

    if (r->seq > b->last.seq + 2) {
        consent_tool_finding(v, r->file, r->line, "deleted records: seq "
                             "%llu to %llu (%llu records) are missing "
                             "before this line",
                             (unsigned long long) b->last.seq + 1,
                             (unsigned long long) r->seq - 1,
                             (unsigned long long) (r->seq - b->last.seq - 1));
        return;
    }

    consent_tool_finding(v, r->file, r->line, "inserted record: seq %llu "
                         "does not continue the chain after seq %llu and "
                         "links to no record given",
                         (unsigned long long) r->seq,
                         (unsigned long long) b->last.seq);
}


static int
consent_tool_verify_index(consent_tool_verify_t *v)
{
    size_t  i;

    v->by_prev = malloc(v->nbreaks * sizeof(size_t));
    v->by_mac = malloc(v->nbreaks * sizeof(size_t));

    if (v->by_prev == NULL || v->by_mac == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return -1;
    }

    for (i = 0; i < v->nbreaks; i++) {
        v->by_prev[i] = i;
        v->by_mac[i] = i;
    }

    consent_tool_sort_breaks = v->breaks;
    qsort(v->by_prev, v->nbreaks, sizeof(size_t),
          consent_tool_break_prev_cmp);
    qsort(v->by_mac, v->nbreaks, sizeof(size_t), consent_tool_break_mac_cmp);

    return 0;
}


/* The first position in index whose break's prev (or mac) is not below. */
static size_t
consent_tool_break_find(consent_tool_verify_t *v, const size_t *index,
    int by_prev, const unsigned char *mac)
{
    size_t                       lo, hi, mid;
    const consent_tool_record_t  *r;

    lo = 0;
    hi = v->nbreaks;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        r = &v->breaks[index[mid]].record;

        if (memcmp(by_prev ? r->prev : r->mac, mac, CONSENT_AUDIT_MAC_LEN)
            < 0)
        {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    return lo;
}


static void
consent_tool_verify_report(consent_tool_verify_t *v, char **logs)
{
    size_t  i;
    char    hex[CONSENT_AUDIT_HEX_LEN + 1];

    /* a wrong key fails every line: say so once */
    if (v->records && v->verified == 0) {
        printf("consent-audit: FAILED: no record verifies with this key: "
               "is it the consent_audit_key (--key) or the first "
               "consent_secret (--secret) of the nginx that wrote the "
               "log?\n");
        return;
    }

    if (v->nfindings) {
        qsort(v->findings, v->nfindings, sizeof(consent_tool_finding_t),
              consent_tool_finding_cmp);

        for (i = 0; i < v->nfindings; i++) {
            printf("%s:%llu: %s\n", logs[v->findings[i].file],
                   (unsigned long long) v->findings[i].line,
                   v->findings[i].text);
        }

        printf("consent-audit: FAILED: %zu finding%s in %llu line%s\n",
               v->nfindings, v->nfindings == 1 ? "" : "s",
               (unsigned long long) v->lines, v->lines == 1 ? "" : "s");
        return;
    }

    if (!v->has_last) {
        printf("consent-audit: OK: no records\n");
        return;
    }

    consent_hex(v->last.mac, CONSENT_AUDIT_MAC_LEN, hex);

    printf("consent-audit: OK: %llu record%s, seq %llu to %llu, every MAC "
           "and link holds; last mac %s%s\n",
           (unsigned long long) v->records, v->records == 1 ? "" : "s",
           (unsigned long long) v->first_seq,
           (unsigned long long) v->last.seq, hex,
           v->first_seq == 1 ? "" : " (the chain starts before the first "
                                    "file given)");
}


static void
consent_tool_verify_free(consent_tool_verify_t *v)
{
    size_t  i;

    for (i = 0; i < v->nfindings; i++) {
        free(v->findings[i].text);
    }

    free(v->findings);
    free(v->breaks);
    free(v->by_prev);
    free(v->by_mac);
}


static void
consent_tool_finding(consent_tool_verify_t *v, uint32_t file, uint64_t line,
    const char *fmt, ...)
{
    char                    *text;
    va_list                  args;
    consent_tool_finding_t  *f;

    if (v->nfindings == v->findings_alloc) {
        v->findings_alloc = v->findings_alloc ? 2 * v->findings_alloc : 64;

        f = realloc(v->findings,
                    v->findings_alloc * sizeof(consent_tool_finding_t));
        if (f == NULL) {
            v->no_memory = 1;
            return;
        }

        v->findings = f;
    }

    text = malloc(CONSENT_TOOL_FINDING_MAX);
    if (text == NULL) {
        v->no_memory = 1;
        return;
    }

    va_start(args, fmt);
    vsnprintf(text, CONSENT_TOOL_FINDING_MAX, fmt, args);
    va_end(args);

    f = &v->findings[v->nfindings++];
    f->file = file;
    f->line = line;
    f->text = text;
}


static int
consent_tool_before(uint32_t file_a, uint64_t line_a, uint32_t file_b,
    uint64_t line_b)
{
    return file_a < file_b || (file_a == file_b && line_a < line_b);
}


static int
consent_tool_finding_cmp(const void *a, const void *b)
{
    const consent_tool_finding_t  *fa = a, *fb = b;

    if (consent_tool_before(fa->file, fa->line, fb->file, fb->line)) {
        return -1;
    }

    return consent_tool_before(fb->file, fb->line, fa->file, fa->line);
}


static int
consent_tool_break_prev_cmp(const void *a, const void *b)
{
    return memcmp(consent_tool_sort_breaks[*(const size_t *) a].record.prev,
                  consent_tool_sort_breaks[*(const size_t *) b].record.prev,
                  CONSENT_AUDIT_MAC_LEN);
}


static int
consent_tool_break_mac_cmp(const void *a, const void *b)
{
    return memcmp(consent_tool_sort_breaks[*(const size_t *) a].record.mac,
                  consent_tool_sort_breaks[*(const size_t *) b].record.mac,
                  CONSENT_AUDIT_MAC_LEN);
}


/* Standard input, copied to a temporary file that can be read again. */
static FILE *
consent_tool_spool(void)
{
    FILE    *spool;
    char     buf[65536];
    size_t   n;

    spool = tmpfile();
    if (spool == NULL) {
        fprintf(stderr, "consent-audit: cannot create a temporary file: "
                "%s\n", strerror(errno));
        return NULL;
    }

    while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
        if (fwrite(buf, 1, n, spool) != n) {
            fprintf(stderr, "consent-audit: cannot spool standard input: "
                    "%s\n", strerror(errno));
            fclose(spool);
            return NULL;
        }
    }

    if (ferror(stdin)) {
        fprintf(stderr, "consent-audit: cannot read standard input: %s\n",
                strerror(errno));
        fclose(spool);
        return NULL;
    }

    return spool;
}


static int
consent_tool_find(int argc, char **argv)
{
    int                   i;
    char                  id[2 * CONSENT_ID_LEN + 1];
    unsigned char         raw[CONSENT_ID_LEN];
    consent_tool_find_t   find;

    if (argc < 2) {
        fprintf(stderr, "consent-audit: find needs an ID and at least one "
                "LOG\n");
        consent_tool_usage(stderr);
        return CONSENT_EXIT_USAGE;
    }

    if (strlen(argv[0]) != 2 * CONSENT_ID_LEN) {
        goto bad_id;
    }

    for (i = 0; i < 2 * CONSENT_ID_LEN; i++) {
        id[i] = (argv[0][i] >= 'A' && argv[0][i] <= 'F')
                ? argv[0][i] | 0x20 : argv[0][i];
    }

    id[2 * CONSENT_ID_LEN] = '\0';

    if (consent_audit_unhex(id, 2 * CONSENT_ID_LEN, raw, CONSENT_ID_LEN)
        != 0)
    {
        goto bad_id;
    }

    find.id = id;
    find.found = 0;
    find.skipped = 0;

    if (consent_tool_each_line(argv + 1, argc - 1, NULL,
                               consent_tool_find_line, &find)
        != 0)
    {
        return CONSENT_EXIT_USAGE;
    }

    if (find.skipped) {
        fprintf(stderr, "consent-audit: %llu line%s not audit records, "
                "skipped (run verify)\n", (unsigned long long) find.skipped,
                find.skipped == 1 ? " is" : "s are");
    }

    if (find.found == 0) {
        fprintf(stderr, "consent-audit: no record of consent id %s\n", id);
        return CONSENT_EXIT_FAILED;
    }

    return CONSENT_EXIT_OK;

bad_id:

    fprintf(stderr, "consent-audit: \"%s\" is not a consent id (32 hex "
            "digits, as in $consent_id and the \"id\" field)\n", argv[0]);

    return CONSENT_EXIT_USAGE;
}


static int
consent_tool_find_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_find_t     *find = data;
    consent_audit_record_t   record;

    (void) file;
    (void) line;

    if (consent_audit_parse(text, len, NULL, 0, &record)
        != CONSENT_AUDIT_OK)
    {
        json_decref(record.root);
        find->skipped++;
        return 0;
    }

    if (strcmp(record.id, find->id) == 0) {
        fwrite(text, 1, len, stdout);
        putchar('\n');
        find->found++;
    }

    json_decref(record.root);

    return 0;
}


static int
consent_tool_stats(int argc, char **argv)
{
    int                    i, nlogs, rc;
    char                 **logs;
    const char            *by;
    consent_tool_stats_t   stats;

    by = NULL;

    logs = calloc(argc + 1, sizeof(char *));
    if (logs == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return CONSENT_EXIT_USAGE;
    }

    nlogs = 0;

    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--by") == 0 && i + 1 < argc) {
            by = argv[++i];

            if (strcmp(by, "day") != 0 && strcmp(by, "category") != 0) {
                fprintf(stderr, "consent-audit: stats --by takes \"day\" or "
                        "\"category\", not \"%s\"\n", by);
                free(logs);
                return CONSENT_EXIT_USAGE;
            }

            continue;
        }

        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "consent-audit: stats: unknown option \"%s\"\n",
                    argv[i]);
            free(logs);
            consent_tool_usage(stderr);
            return CONSENT_EXIT_USAGE;
        }

        logs[nlogs++] = argv[i];
    }

    if (nlogs == 0) {
        fprintf(stderr, "consent-audit: stats needs at least one LOG\n");
        free(logs);
        consent_tool_usage(stderr);
        return CONSENT_EXIT_USAGE;
    }

    memset(&stats, 0, sizeof(stats));

    rc = consent_tool_each_line(logs, nlogs, NULL, consent_tool_stats_line,
                                &stats);

    if (rc == 0) {
        consent_tool_stats_print(&stats, by);
    }

    free(stats.categories);
    free(stats.days);
    free(stats.ids);
    free(logs);

    return rc == 0 ? CONSENT_EXIT_OK : CONSENT_EXIT_USAGE;
}


static int
consent_tool_stats_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_stats_t    *stats = data;

    int                      action, source, gpc, rc;
    consent_audit_record_t   record;

    (void) file;
    (void) line;

    if (consent_audit_parse(text, len, NULL, 0, &record)
        != CONSENT_AUDIT_OK)
    {
        json_decref(record.root);
        stats->skipped++;
        return 0;
    }

    stats->decisions++;

    gpc = json_is_true(json_object_get(record.root, "gpc"));
    stats->gpc += gpc;

    action = consent_tool_name_index(consent_tool_actions, record.action);
    if (action >= 0) {
        stats->actions[action]++;
    }

    source = consent_tool_name_index(consent_tool_sources,
                 json_string_value(json_object_get(record.root, "source")));
    if (source >= 0) {
        stats->sources[source]++;
    }

    rc = -1;

    if (consent_tool_stats_names(stats,
                                 json_object_get(record.root, "granted"), 1)
        == 0
        && consent_tool_stats_names(stats,
                                    json_object_get(record.root, "denied"), 0)
           == 0
        && consent_tool_stats_day(stats, record.ts, action, gpc) == 0
        && consent_tool_stats_id(stats, record.id) == 0)
    {
        rc = 0;

    } else {
        fprintf(stderr, "consent-audit: out of memory\n");
    }

    json_decref(record.root);

    return rc;
}


static int
consent_tool_stats_names(consent_tool_stats_t *stats, json_t *names,
    int granted)
{
    size_t                    i, k;
    json_t                   *name;
    const char               *s;
    consent_tool_category_t  *c;

    json_array_foreach(names, i, name) {
        s = json_string_value(name);

        for (k = 0; k < stats->ncategories; k++) {
            if (strcmp(stats->categories[k].name, s) == 0) {
                break;
            }
        }

        if (k == stats->ncategories) {
            c = realloc(stats->categories,
                        (k + 1) * sizeof(consent_tool_category_t));
            if (c == NULL) {
                return -1;
            }

            stats->categories = c;
            memset(&c[k], 0, sizeof(c[k]));
            snprintf(c[k].name, sizeof(c[k].name), "%s", s);
            stats->ncategories++;
        }

        if (granted) {
            stats->categories[k].granted++;

        } else {
            stats->categories[k].denied++;
        }
    }

    return 0;
}


static int
consent_tool_stats_day(consent_tool_stats_t *stats, const char *ts,
    int action, int gpc)
{
    size_t               k;
    consent_tool_day_t  *d;

    /* records of one day are mostly adjacent: look from the end */
    for (k = stats->ndays; k > 0; k--) {
        if (strncmp(stats->days[k - 1].date, ts, 10) == 0) {
            break;
        }
    }

    if (k == 0) {
        d = realloc(stats->days,
                    (stats->ndays + 1) * sizeof(consent_tool_day_t));
        if (d == NULL) {
            return -1;
        }

        stats->days = d;
        memset(&d[stats->ndays], 0, sizeof(d[0]));
        snprintf(d[stats->ndays].date, sizeof(d[0].date), "%.10s", ts);
        k = ++stats->ndays;
    }

    d = &stats->days[k - 1];
    d->decisions++;
    d->gpc += gpc;

    if (action >= 0) {
        d->actions[action]++;
    }

    return 0;
}


static int
consent_tool_stats_id(consent_tool_stats_t *stats, const char *hex)
{
    unsigned char  *ids;

    if (stats->nids == stats->nids_alloc) {
        stats->nids_alloc = stats->nids_alloc ? stats->nids_alloc * 2 : 1024;

        ids = realloc(stats->ids, stats->nids_alloc * CONSENT_ID_LEN);
        if (ids == NULL) {
            return -1;
        }

        stats->ids = ids;
    }

    /* the record parser has checked that id is 32 lowercase hex digits */
    consent_audit_unhex(hex, 2 * CONSENT_ID_LEN,
                        stats->ids + stats->nids * CONSENT_ID_LEN,
                        CONSENT_ID_LEN);
    stats->nids++;

    return 0;
}


static void
consent_tool_stats_print(consent_tool_stats_t *stats, const char *by)
{
    size_t                    i, unique;
    consent_tool_day_t       *d;
    consent_tool_category_t  *c;

    if (stats->skipped) {
        fprintf(stderr, "consent-audit: %llu line%s not audit records, "
                "skipped (run verify)\n",
                (unsigned long long) stats->skipped,
                stats->skipped == 1 ? " is" : "s are");
    }

    if (by && strcmp(by, "day") == 0) {
        qsort(stats->days, stats->ndays, sizeof(consent_tool_day_t),
              consent_tool_day_cmp);

        printf("%-10s %9s %10s %10s %9s %9s %6s\n", "day", "decisions",
               "accept_all", "reject_all", "save", "withdraw", "gpc");

        for (i = 0; i < stats->ndays; i++) {
            d = &stats->days[i];
            printf("%-10s %9llu %10llu %10llu %9llu %9llu %5.1f%%\n",
                   d->date, (unsigned long long) d->decisions,
                   (unsigned long long) d->actions[0],
                   (unsigned long long) d->actions[1],
                   (unsigned long long) d->actions[2],
                   (unsigned long long) d->actions[3],
                   consent_tool_percent(d->gpc, d->decisions));
        }

        return;
    }

    if (by == NULL) {
        qsort(stats->ids, stats->nids, CONSENT_ID_LEN, consent_tool_id_cmp);

        unique = 0;
        for (i = 0; i < stats->nids; i++) {
            if (i == 0
                || memcmp(stats->ids + i * CONSENT_ID_LEN,
                          stats->ids + (i - 1) * CONSENT_ID_LEN,
                          CONSENT_ID_LEN) != 0)
            {
                unique++;
            }
        }

        printf("decisions    %llu\n", (unsigned long long) stats->decisions);
        printf("consent ids  %zu\n", unique);

        printf("actions     ");
        for (i = 0; consent_tool_actions[i]; i++) {
            printf(" %s %llu (%.1f%%)", consent_tool_actions[i],
                   (unsigned long long) stats->actions[i],
                   consent_tool_percent(stats->actions[i],
                                        stats->decisions));
        }

        printf("\nsources     ");
        for (i = 0; consent_tool_sources[i]; i++) {
            printf(" %s %llu", consent_tool_sources[i],
                   (unsigned long long) stats->sources[i]);
        }

        printf("\ngpc          %llu (%.1f%%)\n\n",
               (unsigned long long) stats->gpc,
               consent_tool_percent(stats->gpc, stats->decisions));
    }

    printf("%-20s %9s %9s %10s\n", "category", "granted", "denied",
           "acceptance");

    for (i = 0; i < stats->ncategories; i++) {
        c = &stats->categories[i];
        printf("%-20s %9llu %9llu %9.1f%%\n", c->name,
               (unsigned long long) c->granted,
               (unsigned long long) c->denied,
               consent_tool_percent(c->granted, c->granted + c->denied));
    }
}


static int
consent_tool_day_cmp(const void *a, const void *b)
{
    return strcmp(((const consent_tool_day_t *) a)->date,
                  ((const consent_tool_day_t *) b)->date);
}


static int
consent_tool_id_cmp(const void *a, const void *b)
{
    return memcmp(a, b, CONSENT_ID_LEN);
}


static int
consent_tool_name_index(const char *const *names, const char *name)
{
    int  i;

    for (i = 0; name && names[i]; i++) {
        if (strcmp(names[i], name) == 0) {
            return i;
        }
    }

    return -1;
}


static double
consent_tool_percent(uint64_t part, uint64_t whole)
{
    return whole ? 100.0 * (double) part / (double) whole : 0.0;
}


/*
 * Every line of every log in order; "-" is input (rewound: it may be read
 * again), or standard input when input is NULL.
 */
static int
consent_tool_each_line(char **logs, int nlogs, FILE *input,
    consent_tool_line_pt handler, void *data)
{
    int       i, rc;
    FILE     *f;
    char     *text;
    size_t    size;
    ssize_t   len;
    uint64_t  line;

    text = NULL;
    size = 0;
    rc = 0;

    for (i = 0; i < nlogs && rc == 0; i++) {
        if (strcmp(logs[i], "-") == 0) {
            f = input ? input : stdin;
            rewind(f);

        } else {
            f = fopen(logs[i], "r");
        }

        if (f == NULL) {
            fprintf(stderr, "consent-audit: cannot open \"%s\": %s\n",
                    logs[i], strerror(errno));
            rc = -1;
            break;
        }

        line = 0;

        while ((len = getline(&text, &size, f)) != -1) {
            line++;

            if (len > 0 && text[len - 1] == '\n') {
                len--;
            }

            if (handler(data, (uint32_t) i, line, text, (size_t) len) != 0) {
                rc = -1;
                break;
            }
        }

        if (rc == 0 && ferror(f)) {
            fprintf(stderr, "consent-audit: cannot read \"%s\": %s\n",
                    logs[i], strerror(errno));
            rc = -1;
        }

        if (f != stdin && f != input) {
            fclose(f);
        }
    }

    free(text);

    return rc;
}


/*
 * Key files are read as nginx reads them: up to one byte more than the
 * limit, then the core's rules.  key holds CONSENT_KEY_FILE_MAX + 1 bytes.
 */
static int
consent_tool_read_key(const char *path, unsigned char *key, size_t *len)
{
    FILE    *f;
    char     err[128];
    size_t   n;

    f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "consent-audit: cannot open the key file \"%s\": "
                "%s\n", path, strerror(errno));
        return -1;
    }

    n = fread(key, 1, CONSENT_KEY_FILE_MAX + 1, f);

    if (ferror(f)) {
        fprintf(stderr, "consent-audit: cannot read the key file \"%s\": "
                "%s\n", path, strerror(errno));
        fclose(f);
        return -1;
    }

    fclose(f);

    if (consent_key_from_file_bytes(key, n, len, err, sizeof(err)) != 0) {
        fprintf(stderr, "consent-audit: key file \"%s\": %s (nginx "
                "refuses it too)\n", path, err);
        return -1;
    }

    return 0;
}


static void
consent_tool_usage(FILE *out)
{
    fprintf(out,
        "usage: consent-audit verify (--key FILE | --secret FILE) LOG...\n"
        "       consent-audit find ID LOG...\n"
        "       consent-audit stats [--by day|category] LOG...\n"
        "       consent-audit --help\n");
}


static void
consent_tool_help(void)
{
    printf(
"NAME\n"
"    consent-audit - verify, search and summarise ngx_consent audit logs\n"
"\n"
"SYNOPSIS\n"
"    consent-audit verify (--key FILE | --secret FILE) LOG...\n"
"    consent-audit find ID LOG...\n"
"    consent-audit stats [--by day|category] LOG...\n"
"    consent-audit --help\n"
"\n"
"DESCRIPTION\n"
"    Every consent decision taken through the consent_api endpoint is one\n"
"    JSON line of the audit log (consent_audit_log).  Each record carries\n"
"    a sequence number, the MAC of the record before it (\"prev\") and its\n"
"    own MAC (\"mac\", HMAC-SHA256 with the audit key over prev followed\n"
"    by the record without \"mac\"), so that edited, deleted, reordered\n"
"    and inserted records are detected.\n"
"\n"
"    LOG is a file, or - for standard input.  Give the files of one nginx\n"
"    node, oldest first (after rotation: access.log.2 access.log.1\n"
"    access.log); each node keeps its own chain.\n"
"\n"
"COMMANDS\n"
"    verify --key FILE LOG...\n"
"        Check every MAC and every link across the files in the order\n"
"        given.  FILE is the consent_audit_key file.  When nginx has no\n"
"        consent_audit_key, the key is derived from the first\n"
"        consent_secret: give that file with --secret FILE instead.\n"
"        On success print one line: the number of records, the first and\n"
"        last seq, and the last mac (keep it: a later verify that does\n"
"        not reach that mac shows that the end of the log was cut).\n"
"        Otherwise print one line per finding, FILE:LINE: what broke:\n"
"            broken JSON        the line is not a JSON object\n"
"            not an audit record  a field is missing or mistyped\n"
"            edited record      the MAC does not match the bytes\n"
"            inserted record    a record that does not belong to the chain\n"
"            deleted record(s)  seq numbers missing before the line\n"
"            reordered record   the record belongs elsewhere in the logs\n"
"            duplicated record  the same record appears twice\n"
"            chain restarted    seq 1 again in the middle of the logs\n"
"        and a final FAILED line.\n"
"\n"
"    find ID LOG...\n"
"        Print every record of the consent id ID (32 hex digits, the\n"
"        \"id\" field, $consent_id in nginx) as it is in the log: what the\n"
"        visitor chose, when, under which policy revision.  Run verify on\n"
"        the same files to prove that the records are authentic.\n"
"\n"
"    stats [--by day|category] LOG...\n"
"        Summarise the decisions: count, distinct consent ids, actions,\n"
"        sources, share of requests with Global Privacy Control, and per\n"
"        category how often it was granted (acceptance rate).\n"
"        --by day prints one row per UTC day; --by category only the\n"
"        category table.  Lines that are not records are skipped with a\n"
"        warning.\n"
"\n"
"EXIT STATUS\n"
"    0   verify: the chain holds; find: records found; stats: done\n"
"    1   verify: a finding; find: no record of ID\n"
"    2   usage error, unreadable file or key\n"
"\n"
"EXAMPLES\n"
"    consent-audit verify --key /etc/nginx/consent-audit.key \\\n"
"        /var/log/nginx/consent.log.1 /var/log/nginx/consent.log\n"
"    consent-audit find 3f2a9c0e5b7d41e6a8c2f0b1d4e6a7c9 consent.log\n"
"    consent-audit stats --by day consent.log\n"
"\n"
"SEE ALSO\n"
"    docs/audit.md\n");
}
