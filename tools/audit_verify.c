/*
 * consent-audit verify: every MAC and every link of the chain, across
 * files, keys (rotate records) and a purge's checkpoint; where the chain
 * breaks, what happened (edited, inserted, deleted, reordered, duplicated
 * records, a restarted chain).
 */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "audit_tool.h"


#define CONSENT_TOOL_FINDING_MAX  512

/* Where a record is and what links it: all verification keeps of it. */
typedef struct {
    uint32_t                 file;
    uint64_t                 line;
    uint64_t                 seq;
    unsigned char            prev[CONSENT_AUDIT_MAC_LEN];
    unsigned char            mac[CONSENT_AUDIT_MAC_LEN];   /* what links */
    unsigned char            key_id[CONSENT_AUDIT_KEY_ID_LEN];
    unsigned                 has_key_id:1;
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
    consent_tool_keys_t     *keys;
    FILE                    *out;          /* where the report goes */
    consent_tool_record_pt   tap;
    void                    *tap_data;

    consent_tool_record_t    last;
    consent_tool_record_t    pending;      /* failed its MAC: added or edited */
    unsigned                 has_last:1;
    unsigned                 has_pending:1;
    unsigned                 last_edited:1;
    unsigned                 no_memory:1;

    uint64_t                 lines;
    uint64_t                 records;
    uint64_t                 verified;
    uint64_t                 no_key;       /* records of an unknown key id */
    uint64_t                 first_seq;
    uint64_t                 rotations;
    uint64_t                 checkpoint_removed;
    uint64_t                 checkpoint_first;
    uint64_t                 checkpoint_last;
    char                     checkpoint_before[32];
    unsigned char            unknown_key_id[CONSENT_AUDIT_KEY_ID_LEN];
    unsigned                 starts_at_checkpoint:1;

    consent_tool_finding_t  *findings;
    size_t                   nfindings;
    size_t                   findings_alloc;
    consent_tool_break_t    *breaks;
    size_t                   nbreaks;
    size_t                   breaks_alloc;
    size_t                  *by_prev;      /* break indexes, by record.prev */
    size_t                  *by_mac;       /* break indexes, by record.mac */
} consent_tool_verify_t;

static void consent_tool_verify_record(const consent_audit_record_t *record,
    uint32_t file, uint64_t line, consent_tool_record_t *r);
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

/* for qsort() of the break indexes */
static consent_tool_break_t  *consent_tool_sort_breaks;

static const unsigned char   consent_tool_zero_mac[CONSENT_AUDIT_MAC_LEN];


int
consent_tool_verify(int argc, char **argv)
{
    int                     i, nlogs, rc;
    FILE                   *spool;
    char                  **logs;
    consent_tool_keys_t    *keys;

    spool = NULL;

    logs = calloc(argc + 1, sizeof(char *));
    keys = calloc(1, sizeof(consent_tool_keys_t));

    if (logs == NULL || keys == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        goto failed;
    }

    nlogs = 0;

    for (i = 0; i < argc; i++) {
        rc = consent_tool_key_option(keys, argc, argv, &i);

        if (rc == -1) {
            goto failed;
        }

        if (rc == 1) {
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
                goto failed;
            }
        }

        logs[nlogs++] = argv[i];
    }

    if (keys->nkeys == 0) {
        fprintf(stderr, "consent-audit: verify needs --key FILE (the "
                "consent_audit_key file) or --secret FILE (the first "
                "consent_secret, when no consent_audit_key is set); give "
                "one per key the log was written with\n");
        goto usage;
    }

    if (nlogs == 0) {
        fprintf(stderr, "consent-audit: verify needs at least one LOG\n");
        goto usage;
    }

    rc = consent_tool_verify_logs(keys, logs, nlogs, spool, stdout, NULL,
                                  NULL);

    consent_tool_keys_free(keys);

    if (spool) {
        fclose(spool);
    }

    free(logs);

    return rc;

usage:

    consent_tool_usage(stderr);

failed:

    consent_tool_keys_free(keys);

    if (spool) {
        fclose(spool);
    }

    free(logs);

    return CONSENT_EXIT_USAGE;
}


int
consent_tool_verify_logs(consent_tool_keys_t *keys, char **logs, int nlogs,
    FILE *spool, FILE *out, consent_tool_record_pt tap, void *tap_data)
{
    int                     rc;
    size_t                  b;
    consent_tool_verify_t   v;

    memset(&v, 0, sizeof(v));
    v.keys = keys;
    v.out = out;
    v.tap = tap;
    v.tap_data = tap_data;

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

    if (rc == 0 && v.no_memory) {
        fprintf(stderr, "consent-audit: out of memory\n");
        rc = -1;
    }

    if (rc == 0) {
        consent_tool_verify_report(&v, logs);
    }

    consent_tool_verify_free(&v);

    if (rc != 0) {
        return CONSENT_EXIT_USAGE;
    }

    return (v.nfindings || v.no_key || (v.records && v.verified == 0))
           ? CONSENT_EXIT_FAILED : CONSENT_EXIT_OK;
}


/*
 * What verification keeps of a record.  A checkpoint links as the last
 * record it removed: its prev is that record's mac.
 */
static void
consent_tool_verify_record(const consent_audit_record_t *record,
    uint32_t file, uint64_t line, consent_tool_record_t *r)
{
    r->file = file;
    r->line = line;
    r->seq = record->seq;
    memcpy(r->prev, record->prev, CONSENT_AUDIT_MAC_LEN);
    memcpy(r->mac, record->type == CONSENT_AUDIT_CHECKPOINT ? record->prev
                                                            : record->mac,
           CONSENT_AUDIT_MAC_LEN);
    memcpy(r->key_id, record->key_id, CONSENT_AUDIT_KEY_ID_LEN);

    /* a purge may sign with another key than the records it stands for */
    r->has_key_id = record->has_key_id
                    && record->type != CONSENT_AUDIT_CHECKPOINT;
}


/* Pass 1: one line. */
static int
consent_tool_verify_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_verify_t   *v = data;

    char                     hex[2 * CONSENT_AUDIT_KEY_ID_LEN + 1];
    char                     old[2 * CONSENT_AUDIT_KEY_ID_LEN + 1];
    json_t                  *removed;
    uint64_t                 first;
    consent_tool_record_t    r;
    consent_audit_record_t   record;
    consent_audit_status_t   status;

    v->lines++;

    status = consent_audit_parse(text, len, v->keys->keys, v->keys->nkeys,
                                 &record);

    if (v->tap && v->tap(v->tap_data, status, &record) != 0) {
        json_decref(record.root);
        return -1;
    }

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

    consent_tool_verify_record(&record, file, line, &r);

    v->records++;

    if (status == CONSENT_AUDIT_NO_KEY) {
        /* unverifiable, reported once by the summary; it still links */
        if (v->no_key++ == 0) {
            memcpy(v->unknown_key_id, record.key_id,
                   CONSENT_AUDIT_KEY_ID_LEN);
        }

        json_decref(record.root);

        if (v->has_pending) {
            consent_tool_verify_pending(v, &r);
        }

        consent_tool_verify_link(v, &r);
        return 0;
    }

    if (v->has_pending) {
        consent_tool_verify_pending(v, &r);
    }

    if (status == CONSENT_AUDIT_BAD_MAC) {
        json_decref(record.root);
        v->pending = r;
        v->has_pending = 1;
        return 0;
    }

    v->verified++;

    consent_hex(r.key_id, CONSENT_AUDIT_KEY_ID_LEN, hex);
    consent_hex(v->last.key_id, CONSENT_AUDIT_KEY_ID_LEN, old);

    if (record.type == CONSENT_AUDIT_ROTATE) {
        v->rotations++;

        if (v->has_last && v->last.has_key_id
            && memcmp(record.prev_key_id, v->last.key_id,
                      CONSENT_AUDIT_KEY_ID_LEN) != 0)
        {
            consent_tool_finding(v, file, line, "rotate record: it names "
                                 "another old key than the one of the "
                                 "record before it (%s)", old);
        }

    } else if (v->has_last && v->last.has_key_id && r.has_key_id
               && memcmp(r.key_id, v->last.key_id, CONSENT_AUDIT_KEY_ID_LEN)
                  != 0)
    {
        consent_tool_finding(v, file, line, "key changed from %s to %s "
                             "without a rotate record", old, hex);
    }

    if (record.type == CONSENT_AUDIT_CHECKPOINT) {
        removed = json_object_get(record.root, "removed");
        first = (uint64_t) json_integer_value(json_object_get(removed,
                                                              "first_seq"));

        v->checkpoint_removed += (uint64_t) json_integer_value(
                                     json_object_get(removed, "records"));
        snprintf(v->checkpoint_before, sizeof(v->checkpoint_before), "%s",
                 json_string_value(json_object_get(record.root, "before")));
        v->checkpoint_last = record.seq;

        if (!v->has_last) {
            v->starts_at_checkpoint = 1;
            v->checkpoint_first = first;

        } else if (first == v->last.seq + 1 && !v->last_edited) {
            /* the next file purged whole: its checkpoint follows this one */
            json_decref(record.root);
            v->last = r;
            return 0;

        } else {
            consent_tool_finding(v, file, line, "checkpoint after seq %llu: "
                                 "it stands for seq %llu to %llu, so a "
                                 "purged log must start with it",
                                 (unsigned long long) v->last.seq,
                                 (unsigned long long) first,
                                 (unsigned long long) record.seq);
        }
    }

    json_decref(record.root);

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

    if (consent_audit_parse(text, len, v->keys->keys, v->keys->nkeys,
                            &record)
        != CONSENT_AUDIT_OK)
    {
        json_decref(record.root);
        return 0;
    }

    consent_tool_verify_record(&record, file, line, &r);

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

    char    key_ids[CONSENT_TOOL_KEYS_MAX * (2 * CONSENT_AUDIT_KEY_ID_LEN + 1)];
    char   *p;

    p = key_ids;

    for (i = 0; i < v->keys->nkeys; i++) {
        if (i) {
            *p++ = ' ';
        }

        consent_hex(v->keys->keys[i].id, CONSENT_AUDIT_KEY_ID_LEN, p);
        p += 2 * CONSENT_AUDIT_KEY_ID_LEN;
    }

    *p = '\0';

    /* a wrong key fails every line: say so once */
    if (v->records && v->verified == 0) {
        fprintf(v->out, "consent-audit: FAILED: no record verifies with "
                "this key: is it the consent_audit_key (--key) or the first "
                "consent_secret (--secret) of the nginx that wrote the "
                "log? (key ids given: %s)\n", key_ids);
        return;
    }

    if (v->no_key) {
        consent_hex(v->unknown_key_id, CONSENT_AUDIT_KEY_ID_LEN, hex);
        fprintf(v->out, "consent-audit: %llu record%s signed with key id "
                "%s, which no key given has (key ids given: %s): add it "
                "with --key or --secret\n", (unsigned long long) v->no_key,
                v->no_key == 1 ? " is" : "s are", hex, key_ids);
    }

    if (v->nfindings || v->no_key) {
        qsort(v->findings, v->nfindings, sizeof(consent_tool_finding_t),
              consent_tool_finding_cmp);

        for (i = 0; i < v->nfindings; i++) {
            fprintf(v->out, "%s:%llu: %s\n", logs[v->findings[i].file],
                    (unsigned long long) v->findings[i].line,
                    v->findings[i].text);
        }

        fprintf(v->out, "consent-audit: FAILED: %zu finding%s in %llu "
                "line%s\n",
                v->nfindings + (v->no_key != 0),
                v->nfindings + (v->no_key != 0) == 1 ? "" : "s",
                (unsigned long long) v->lines, v->lines == 1 ? "" : "s");
        return;
    }

    if (!v->has_last) {
        fprintf(v->out, "consent-audit: OK: no records\n");
        return;
    }

    consent_hex(v->last.mac, CONSENT_AUDIT_MAC_LEN, hex);

    fprintf(v->out, "consent-audit: OK: %llu record%s, seq %llu to %llu, "
            "every MAC and link holds; last mac %s%s\n",
            (unsigned long long) v->records, v->records == 1 ? "" : "s",
            (unsigned long long) (v->starts_at_checkpoint
                                  ? v->checkpoint_last + 1 : v->first_seq),
            (unsigned long long) v->last.seq, hex,
            v->first_seq == 1 || v->starts_at_checkpoint
            ? "" : " (the chain starts before the first file given)");

    if (v->starts_at_checkpoint) {
        fprintf(v->out, "consent-audit: the log starts at a checkpoint: %llu "
                "record%s before %s purged, seq %llu to %llu\n",
                (unsigned long long) v->checkpoint_removed,
                v->checkpoint_removed == 1 ? "" : "s",
                v->checkpoint_before,
                (unsigned long long) v->checkpoint_first,
                (unsigned long long) v->checkpoint_last);
    }

    if (v->rotations) {
        fprintf(v->out, "consent-audit: %llu key rotation%s, each linked "
                "by a rotate record (key ids given: %s)\n",
                (unsigned long long) v->rotations,
                v->rotations == 1 ? "" : "s", key_ids);
    }
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
