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


#define CONSENT_TOOL_KEY_MAX  4096      /* as nginx reads key files */

#define CONSENT_EXIT_OK       0
#define CONSENT_EXIT_FAILED   1         /* broken chain, or nothing found */
#define CONSENT_EXIT_USAGE    2         /* bad arguments or unreadable file */


/* One line of the logs, as much as verification needs of it. */
typedef struct {
    uint32_t                 file;
    uint64_t                 line;
    consent_audit_status_t   status;
    uint64_t                 seq;
    unsigned char            prev[CONSENT_AUDIT_MAC_LEN];
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];
} consent_tool_line_t;

typedef struct {
    consent_tool_line_t     *lines;
    size_t                   nlines;
    size_t                   nalloc;
    size_t                  *by_mac;    /* line indexes sorted by mac */
    size_t                   nmacs;
} consent_tool_chain_t;

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
    consent_tool_chain_t    *chain;
    const unsigned char     *key;
    size_t                   key_len;
} consent_tool_verify_t;

typedef struct {
    const char              *id;
    uint64_t                 found;
    uint64_t                 skipped;
} consent_tool_find_t;


static int consent_tool_verify(int argc, char **argv);
static int consent_tool_find(int argc, char **argv);
static int consent_tool_stats(int argc, char **argv);
static void consent_tool_usage(FILE *out);
static void consent_tool_help(void);
static int consent_tool_read_key(const char *path, unsigned char *key,
    size_t *len);
static int consent_tool_each_line(char **logs, int nlogs,
    consent_tool_line_pt handler, void *data);
static int consent_tool_verify_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);
static void consent_tool_index(consent_tool_chain_t *chain);
static int consent_tool_mac_cmp(const void *a, const void *b);
static const consent_tool_line_t *consent_tool_lookup(
    consent_tool_chain_t *chain, const unsigned char *mac);
static size_t consent_tool_walk(consent_tool_chain_t *chain, char **logs);
static void consent_tool_report(char **logs, const consent_tool_line_t *l,
    const char *fmt, ...);
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

/* for qsort() and bsearch() over by_mac */
static consent_tool_line_t  *consent_tool_sort_lines;

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
    int                    i, nlogs, rc;
    char                 **logs;
    size_t                 key_len, broken;
    const char            *key_file, *secret_file;
    unsigned char          key[CONSENT_TOOL_KEY_MAX];
    unsigned char          secret[CONSENT_TOOL_KEY_MAX];
    consent_tool_chain_t   chain;
    consent_tool_verify_t  verify;

    key_file = NULL;
    secret_file = NULL;

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
            free(logs);
            return CONSENT_EXIT_USAGE;
        }

    } else {
        if (consent_tool_read_key(secret_file, secret, &key_len) != 0) {
            free(logs);
            return CONSENT_EXIT_USAGE;
        }

        rc = consent_audit_key_derive(secret, key_len, key);
        OPENSSL_cleanse(secret, sizeof(secret));

        if (rc != 0) {
            fprintf(stderr, "consent-audit: cannot derive the audit key\n");
            free(logs);
            return CONSENT_EXIT_USAGE;
        }

        key_len = CONSENT_AUDIT_MAC_LEN;
    }

    memset(&chain, 0, sizeof(chain));

    verify.chain = &chain;
    verify.key = key;
    verify.key_len = key_len;

    rc = consent_tool_each_line(logs, nlogs, consent_tool_verify_line,
                                &verify);

    OPENSSL_cleanse(key, sizeof(key));

    if (rc != 0) {
        free(chain.lines);
        free(logs);
        return CONSENT_EXIT_USAGE;
    }

    consent_tool_index(&chain);

    if (chain.nmacs && chain.by_mac == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        free(chain.lines);
        free(logs);
        return CONSENT_EXIT_USAGE;
    }

    /* a wrong key fails every line: say so once */
    for (i = 0; (size_t) i < chain.nlines; i++) {
        if (chain.lines[i].status == CONSENT_AUDIT_BAD_MAC) {
            break;
        }
    }

    if (chain.nmacs == 0 && (size_t) i < chain.nlines) {
        printf("consent-audit: FAILED: no record verifies with this key: "
               "is it the consent_audit_key (--key) or the first "
               "consent_secret (--secret) of the nginx that wrote the "
               "log?\n");
        broken = 1;

    } else {
        broken = consent_tool_walk(&chain, logs);
    }

    free(chain.by_mac);
    free(chain.lines);
    free(logs);

    return broken ? CONSENT_EXIT_FAILED : CONSENT_EXIT_OK;

usage:

    free(logs);
    consent_tool_usage(stderr);

    return CONSENT_EXIT_USAGE;
}


static int
consent_tool_verify_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_verify_t   *verify = data;

    consent_tool_line_t     *l, *lines;
    consent_tool_chain_t    *chain;
    consent_audit_record_t   record;

    chain = verify->chain;

    if (chain->nlines == chain->nalloc) {
        chain->nalloc = chain->nalloc ? chain->nalloc * 2 : 1024;

        lines = realloc(chain->lines,
                        chain->nalloc * sizeof(consent_tool_line_t));
        if (lines == NULL) {
            fprintf(stderr, "consent-audit: out of memory\n");
            return -1;
        }

        chain->lines = lines;
    }

    l = &chain->lines[chain->nlines++];
    memset(l, 0, sizeof(*l));
    l->file = file;
    l->line = line;

    l->status = consent_audit_parse(text, len, verify->key, verify->key_len,
                                    &record);

    if (l->status == CONSENT_AUDIT_OK || l->status == CONSENT_AUDIT_BAD_MAC) {
        l->seq = record.seq;
        memcpy(l->prev, record.prev, CONSENT_AUDIT_MAC_LEN);
        memcpy(l->mac, record.mac, CONSENT_AUDIT_MAC_LEN);
    }

    json_decref(record.root);

    return 0;
}


static void
consent_tool_index(consent_tool_chain_t *chain)
{
    size_t  i;

    chain->nmacs = 0;
    chain->by_mac = malloc((chain->nlines + 1) * sizeof(size_t));
    if (chain->by_mac == NULL) {
        chain->nmacs = chain->nlines;
        return;
    }

    for (i = 0; i < chain->nlines; i++) {
        if (chain->lines[i].status == CONSENT_AUDIT_OK) {
            chain->by_mac[chain->nmacs++] = i;
        }
    }

    consent_tool_sort_lines = chain->lines;
    qsort(chain->by_mac, chain->nmacs, sizeof(size_t), consent_tool_mac_cmp);
}


/* Orders by mac, then by line so that the first of duplicates comes first. */
static int
consent_tool_mac_cmp(const void *a, const void *b)
{
    int     rc;
    size_t  ia, ib;

    ia = *(const size_t *) a;
    ib = *(const size_t *) b;

    rc = memcmp(consent_tool_sort_lines[ia].mac,
                consent_tool_sort_lines[ib].mac, CONSENT_AUDIT_MAC_LEN);
    if (rc) {
        return rc;
    }

    return ia < ib ? -1 : ia > ib;
}


/* The first line whose (verified) record has this mac, or NULL. */
static const consent_tool_line_t *
consent_tool_lookup(consent_tool_chain_t *chain, const unsigned char *mac)
{
    int     rc;
    size_t  lo, hi, mid;

    lo = 0;
    hi = chain->nmacs;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        rc = memcmp(chain->lines[chain->by_mac[mid]].mac, mac,
                    CONSENT_AUDIT_MAC_LEN);

        if (rc < 0) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    if (lo < chain->nmacs
        && memcmp(chain->lines[chain->by_mac[lo]].mac, mac,
                  CONSENT_AUDIT_MAC_LEN) == 0)
    {
        return &chain->lines[chain->by_mac[lo]];
    }

    return NULL;
}


/*
 * Walk the lines in the order given and report every break of the chain.
 * "last" is the record the next one must link to.  Returns the number of
 * findings.
 */
static size_t
consent_tool_walk(consent_tool_chain_t *chain, char **logs)
{
    size_t                      i, j, broken, records;
    uint64_t                    first_seq;
    const consent_tool_line_t  *l, *last, *next, *pred, *same;
    char                        hex[CONSENT_AUDIT_HEX_LEN + 1];
    int                         last_edited;

    broken = 0;
    records = 0;
    last = NULL;
    last_edited = 0;
    first_seq = 0;

    for (i = 0; i < chain->nlines; i++) {
        l = &chain->lines[i];

        if (l->status == CONSENT_AUDIT_BAD_JSON) {
            consent_tool_report(logs, l, "broken JSON: the line is not a "
                                "JSON object (torn write or edit)");
            broken++;
            continue;
        }

        if (l->status == CONSENT_AUDIT_BAD_RECORD) {
            consent_tool_report(logs, l, "not an audit record: a field is "
                                "missing or of the wrong type, or \"mac\" "
                                "is not the last field (edited)");
            broken++;
            continue;
        }

        records++;

        if (l->status == CONSENT_AUDIT_BAD_MAC) {
            /* the next record linking over this one means it was added */
            next = NULL;
            for (j = i + 1; j < chain->nlines; j++) {
                if (chain->lines[j].status == CONSENT_AUDIT_OK
                    || chain->lines[j].status == CONSENT_AUDIT_BAD_MAC)
                {
                    next = &chain->lines[j];
                    break;
                }
            }

            if (last && next
                && memcmp(next->prev, last->mac, CONSENT_AUDIT_MAC_LEN) == 0)
            {
                consent_tool_report(logs, l, "inserted record: seq %llu "
                                    "has no valid MAC and the chain runs "
                                    "past it", (unsigned long long) l->seq);
                broken++;
                continue;
            }

            consent_tool_report(logs, l, "edited record: seq %llu does not "
                                "match its MAC", (unsigned long long) l->seq);
            broken++;
            last = l;
            last_edited = 1;
            continue;
        }

        same = consent_tool_lookup(chain, l->mac);
        if (same && same != l) {
            consent_tool_report(logs, l, "duplicated record: seq %llu "
                                "already at %s:%llu",
                                (unsigned long long) l->seq,
                                logs[same->file],
                                (unsigned long long) same->line);
            broken++;
            continue;
        }

        if (last == NULL) {
            first_seq = l->seq;
            last = l;
            continue;
        }

        if (memcmp(l->prev, last->mac, CONSENT_AUDIT_MAC_LEN) == 0) {
            if (l->seq != last->seq + 1 && !last_edited) {
                consent_tool_report(logs, l, "seq %llu follows seq %llu "
                                    "(edited)", (unsigned long long) l->seq,
                                    (unsigned long long) last->seq);
                broken++;
            }

            last = l;
            last_edited = 0;
            continue;
        }

        if (last_edited && l->seq == last->seq + 1) {
            /* the edit of the previous record is reported already */
            last = l;
            last_edited = 0;
            continue;
        }

        last_edited = 0;

        if (l->seq == 1
            && memcmp(l->prev, consent_tool_zero_mac, CONSENT_AUDIT_MAC_LEN)
               == 0)
        {
            consent_tool_report(logs, l, "chain restarted: seq 1 follows "
                                "seq %llu (nginx started without the "
                                "previous log's tail, or the zone was lost)",
                                (unsigned long long) last->seq);
            broken++;
            last = l;
            continue;
        }

        pred = consent_tool_lookup(chain, l->prev);

        /*
         * In any reordering some record comes before its predecessor:
         * that one is reported; records whose predecessor came earlier
         * only follow from it.
         */

        if (pred && pred < l) {
            last = l;
            continue;
        }

        if (pred) {
            consent_tool_report(logs, l, "reordered record: seq %llu comes "
                                "before seq %llu at %s:%llu, which it "
                                "follows in the chain",
                                (unsigned long long) l->seq,
                                (unsigned long long) pred->seq,
                                logs[pred->file],
                                (unsigned long long) pred->line);

        } else if (l->seq > last->seq + 1) {
            if (l->seq == last->seq + 2) {
                consent_tool_report(logs, l, "deleted record: seq %llu is "
                                    "missing before this line",
                                    (unsigned long long) last->seq + 1);

            } else {
                consent_tool_report(logs, l, "deleted records: seq %llu to "
                                    "%llu (%llu records) are missing "
                                    "before this line",
                                    (unsigned long long) last->seq + 1,
                                    (unsigned long long) l->seq - 1,
                                    (unsigned long long)
                                        (l->seq - last->seq - 1));
            }

        } else {
            consent_tool_report(logs, l, "inserted record: seq %llu does "
                                "not continue the chain after seq %llu and "
                                "links to no record given",
                                (unsigned long long) l->seq,
                                (unsigned long long) last->seq);
        }

        broken++;
        last = l;
    }

    if (broken) {
        printf("consent-audit: FAILED: %zu finding%s in %zu line%s\n",
               broken, broken == 1 ? "" : "s", chain->nlines,
               chain->nlines == 1 ? "" : "s");
        return broken;
    }

    if (last == NULL) {
        printf("consent-audit: OK: no records\n");
        return 0;
    }

    consent_audit_hex(last->mac, CONSENT_AUDIT_MAC_LEN, hex);

    printf("consent-audit: OK: %zu record%s, seq %llu to %llu, every MAC and "
           "link holds; last mac %s%s\n", records, records == 1 ? "" : "s",
           (unsigned long long) first_seq, (unsigned long long) last->seq,
           hex, first_seq == 1 ? ""
                               : " (the chain starts before the first file "
                                 "given)");

    return 0;
}


static void
consent_tool_report(char **logs, const consent_tool_line_t *l,
    const char *fmt, ...)
{
    va_list  args;

    printf("%s:%llu: ", logs[l->file], (unsigned long long) l->line);

    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);

    printf("\n");
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

    if (consent_tool_each_line(argv + 1, argc - 1, consent_tool_find_line,
                               &find)
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

    rc = consent_tool_each_line(logs, nlogs, consent_tool_stats_line, &stats);

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


/* Every line of every log in order; "-" is standard input. */
static int
consent_tool_each_line(char **logs, int nlogs, consent_tool_line_pt handler,
    void *data)
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
        f = strcmp(logs[i], "-") == 0 ? stdin : fopen(logs[i], "r");
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

        if (f != stdin) {
            fclose(f);
        }
    }

    free(text);

    return rc;
}


/* Key files are read as nginx reads them: the bytes, less final newlines. */
static int
consent_tool_read_key(const char *path, unsigned char *key, size_t *len)
{
    FILE    *f;
    size_t   n;

    f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "consent-audit: cannot open the key file \"%s\": "
                "%s\n", path, strerror(errno));
        return -1;
    }

    n = fread(key, 1, CONSENT_TOOL_KEY_MAX, f);

    if (ferror(f)) {
        fprintf(stderr, "consent-audit: cannot read the key file \"%s\": "
                "%s\n", path, strerror(errno));
        fclose(f);
        return -1;
    }

    if (n == CONSENT_TOOL_KEY_MAX && fgetc(f) != EOF) {
        fprintf(stderr, "consent-audit: the key file \"%s\" is larger than "
                "%d bytes, which nginx refuses too\n", path,
                CONSENT_TOOL_KEY_MAX);
        fclose(f);
        return -1;
    }

    fclose(f);

    while (n > 0 && (key[n - 1] == '\n' || key[n - 1] == '\r')) {
        n--;
    }

    if (n < CONSENT_MIN_SECRET_LEN) {
        fprintf(stderr, "consent-audit: the key in \"%s\" has %zu bytes; "
                "nginx needs at least %d, so this is not its key file\n",
                path, n, CONSENT_MIN_SECRET_LEN);
        return -1;
    }

    *len = n;

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
