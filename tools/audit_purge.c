/*
 * consent-audit purge: remove the records before a date from a log, in
 * their place one checkpoint record, signed, that says what was removed
 * and carries the chain's state, so that the rest still verifies.  The log
 * must verify first; it is rewritten into a temporary file and renamed.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "audit_summary.h"


typedef struct {
    const char              *before;
    FILE                    *out;
    int                      removing;     /* still before the date */
    uint64_t                 records;      /* removed, with older purges */
    uint64_t                 first_seq;
    uint64_t                 actions[CONSENT_TOOL_ACTIONS];
    uint64_t                 decisions;
    uint64_t                 rotations;
    uint64_t                 fresh;        /* removed by this purge */
    char                     first_ts[32];
    char                     last_ts[32];
    char                     node[CONSENT_AUDIT_NODE_MAX + 1];
    consent_audit_end_t      end;          /* of the last removed record */
    consent_tool_keys_t     *keys;
    int                      failed;
} consent_tool_purge_t;


static int consent_tool_purge_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);
static void consent_tool_purge_remove(consent_tool_purge_t *p,
    const consent_audit_record_t *record);
static int consent_tool_purge_checkpoint(consent_tool_purge_t *p);


int
consent_tool_purge(int argc, char **argv)
{
    int                    i, rc;
    char                  *log, *tmp;
    size_t                 len;
    struct stat            before, after;
    consent_tool_purge_t   p;

    memset(&p, 0, sizeof(p));
    log = NULL;
    tmp = NULL;
    rc = CONSENT_EXIT_USAGE;

    p.keys = calloc(1, sizeof(consent_tool_keys_t));
    if (p.keys == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return CONSENT_EXIT_USAGE;
    }

    for (i = 0; i < argc; i++) {
        switch (consent_tool_key_option(p.keys, argc, argv, &i)) {
        case -1:
            goto done;
        case 1:
            continue;
        }

        if (i + 1 < argc && strcmp(argv[i], "--before") == 0) {
            p.before = consent_tool_date("--before", argv[++i]);
            if (p.before == NULL) {
                goto done;
            }

            continue;
        }

        if (argv[i][0] == '-' || log != NULL) {
            fprintf(stderr, "consent-audit: purge: unexpected \"%s\"\n",
                    argv[i]);
            consent_tool_usage(stderr);
            goto done;
        }

        log = argv[i];
    }

    if (p.before == NULL || p.keys->nkeys == 0 || log == NULL) {
        fprintf(stderr, "consent-audit: purge needs --before DATE, --key "
                "FILE (or --secret FILE) for every key of the log, the "
                "first signing the checkpoint, and one LOG file\n");
        goto done;
    }

    if (stat(log, &before) == -1) {
        fprintf(stderr, "consent-audit: cannot open \"%s\": %s\n", log,
                strerror(errno));
        goto done;
    }

    /* a checkpoint must not vouch for records that do not verify */
    rc = consent_tool_verify_logs(p.keys, &log, 1, NULL, stderr, NULL, NULL);
    if (rc != CONSENT_EXIT_OK) {
        if (rc == CONSENT_EXIT_FAILED) {
            fprintf(stderr, "consent-audit: \"%s\" does not verify: "
                    "nothing purged\n", log);
        }

        goto done;
    }

    rc = CONSENT_EXIT_USAGE;

    len = strlen(log);
    tmp = malloc(len + sizeof(".purge"));
    if (tmp == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        goto done;
    }

    memcpy(tmp, log, len);
    memcpy(tmp + len, ".purge", sizeof(".purge"));

    p.out = fopen(tmp, "wx");
    if (p.out == NULL) {
        fprintf(stderr, "consent-audit: cannot create \"%s\": %s\n", tmp,
                strerror(errno));
        goto done;
    }

    p.removing = 1;

    if (consent_tool_each_line(&log, 1, NULL, consent_tool_purge_line, &p)
        != 0 && (p.failed || p.fresh))
    {
        goto remove;
    }

    if (p.fresh == 0) {
        printf("consent-audit: no record before %s in \"%s\": nothing "
               "purged\n", p.before, log);
        rc = CONSENT_EXIT_OK;
        goto remove;
    }

    /* everything was before the date: the checkpoint alone remains */
    if (p.removing && consent_tool_purge_checkpoint(&p) != 0) {
        goto remove;
    }

    if (fflush(p.out) != 0 || fsync(fileno(p.out)) != 0) {
        fprintf(stderr, "consent-audit: cannot write \"%s\": %s\n", tmp,
                strerror(errno));
        goto remove;
    }

    if (stat(log, &after) == -1 || after.st_size != before.st_size
        || after.st_ino != before.st_ino)
    {
        fprintf(stderr, "consent-audit: \"%s\" changed while it was purged: "
                "purge rotated files, not the one nginx writes to\n", log);
        goto remove;
    }

    if (fchmod(fileno(p.out), before.st_mode & 07777) != 0) {
        fprintf(stderr, "consent-audit: cannot set the mode of \"%s\": %s\n",
                tmp, strerror(errno));
        goto remove;
    }

    fclose(p.out);
    p.out = NULL;

    if (rename(tmp, log) != 0) {
        fprintf(stderr, "consent-audit: cannot replace \"%s\": %s\n", log,
                strerror(errno));
        goto remove;
    }

    printf("consent-audit: purged %llu record%s before %s (seq %llu to "
           "%llu) from \"%s\"; a checkpoint stands in their place\n",
           (unsigned long long) p.records, p.records == 1 ? "" : "s",
           p.before, (unsigned long long) p.first_seq,
           (unsigned long long) p.end.seq, log);

    rc = CONSENT_EXIT_OK;
    goto done;

remove:

    if (p.out) {
        fclose(p.out);
        p.out = NULL;
    }

    unlink(tmp);

done:

    consent_tool_keys_free(p.keys);
    free(tmp);

    return rc;
}


static int
consent_tool_purge_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_purge_t    *p = data;

    consent_audit_record_t   record;

    (void) file;

    if (p->removing) {
        if (consent_audit_parse(text, len, NULL, 0, &record)
            != CONSENT_AUDIT_OK)
        {
            /* verify passed: only a torn final line gets here */
            json_decref(record.root);
            fprintf(stderr, "consent-audit: line %llu is not a record: "
                    "nothing purged\n", (unsigned long long) line);
            p->failed = 1;
            return -1;
        }

        /* an earlier checkpoint is folded into the new one */
        if (record.type == CONSENT_AUDIT_CHECKPOINT
            || strcmp(record.ts, p->before) < 0)
        {
            consent_tool_purge_remove(p, &record);
            json_decref(record.root);
            return 0;
        }

        json_decref(record.root);

        p->removing = 0;

        if (p->fresh == 0) {
            /* nothing to purge: the caller discards this file */
            return -1;
        }

        if (consent_tool_purge_checkpoint(p) != 0) {
            return -1;
        }
    }

    if (fwrite(text, 1, len, p->out) != len || putc('\n', p->out) == EOF) {
        fprintf(stderr, "consent-audit: cannot write: %s\n",
                strerror(errno));
        return -1;
    }

    return 0;
}


static void
consent_tool_purge_remove(consent_tool_purge_t *p,
    const consent_audit_record_t *record)
{
    int          a;
    json_t      *removed, *actions, *value;
    const char  *name;

    if (p->records == 0 && record->type != CONSENT_AUDIT_CHECKPOINT) {
        p->first_seq = record->seq;
        snprintf(p->first_ts, sizeof(p->first_ts), "%s", record->ts);
    }

    snprintf(p->last_ts, sizeof(p->last_ts), "%s", record->ts);
    snprintf(p->node, sizeof(p->node), "%s",
             json_string_value(json_object_get(record->root, "node")));

    p->end.seq = record->seq;
    memcpy(p->end.mac, record->type == CONSENT_AUDIT_CHECKPOINT
                       ? record->prev : record->mac, CONSENT_AUDIT_MAC_LEN);

    switch (record->type) {

    case CONSENT_AUDIT_CHECKPOINT:
        /* an earlier purge: its counts carry over */
        removed = json_object_get(record->root, "removed");

        p->records += (uint64_t) json_integer_value(
                          json_object_get(removed, "records"));
        p->decisions += (uint64_t) json_integer_value(
                            json_object_get(removed, "decisions"));
        p->rotations += (uint64_t) json_integer_value(
                            json_object_get(removed, "rotations"));
        p->first_seq = (uint64_t) json_integer_value(
                           json_object_get(removed, "first_seq"));
        snprintf(p->first_ts, sizeof(p->first_ts), "%s",
                 json_string_value(json_object_get(removed, "first_ts")));

        actions = json_object_get(removed, "actions");
        json_object_foreach(actions, name, value) {
            a = consent_tool_name_index(consent_tool_actions, name);
            if (a >= 0) {
                p->actions[a] += (uint64_t) json_integer_value(value);
            }
        }

        return;

    case CONSENT_AUDIT_ROTATE:
        p->fresh++;
        p->records++;
        p->rotations++;
        return;

    default:
        p->fresh++;
        p->records++;
        p->decisions++;

        a = consent_tool_name_index(consent_tool_actions, record->action);
        if (a >= 0) {
            p->actions[a]++;
        }
    }
}


static int
consent_tool_purge_checkpoint(consent_tool_purge_t *p)
{
    int              i, rc;
    char            *line;
    size_t           len;
    json_t          *removed, *actions;
    uint64_t         now;
    struct timespec  ts;
    unsigned char    mac[CONSENT_AUDIT_MAC_LEN];

    removed = json_object();
    actions = json_object();

    if (removed == NULL || actions == NULL) {
        json_decref(removed);
        json_decref(actions);
        goto failed;
    }

    for (i = 0; consent_tool_actions[i]; i++) {
        if (json_object_set_new(actions, consent_tool_actions[i],
                                json_integer((json_int_t) p->actions[i]))
            != 0)
        {
            json_decref(removed);
            json_decref(actions);
            goto failed;
        }
    }

    if (json_object_set_new(removed, "records",
                            json_integer((json_int_t) p->records)) != 0
        || json_object_set_new(removed, "first_seq",
                               json_integer((json_int_t) p->first_seq)) != 0
        || json_object_set_new(removed, "last_seq",
                               json_integer((json_int_t) p->end.seq)) != 0
        || json_object_set_new(removed, "first_ts",
                               json_string(p->first_ts)) != 0
        || json_object_set_new(removed, "last_ts",
                               json_string(p->last_ts)) != 0
        || json_object_set_new(removed, "decisions",
                               json_integer((json_int_t) p->decisions)) != 0
        || json_object_set_new(removed, "rotations",
                               json_integer((json_int_t) p->rotations)) != 0
        || json_object_set_new(removed, "actions", actions) != 0)
    {
        json_decref(removed);
        goto failed;
    }

    clock_gettime(CLOCK_REALTIME, &ts);
    now = (uint64_t) ts.tv_sec * 1000 + (uint64_t) ts.tv_nsec / 1000000;

    line = consent_audit_checkpoint_line(now, p->node, p->before, removed,
                                         &p->end, &p->keys->keys[0], mac,
                                         &len);
    json_decref(removed);

    if (line == NULL) {
        goto failed;
    }

    rc = fwrite(line, 1, len, p->out) == len ? 0 : -1;
    free(line);

    if (rc != 0) {
        fprintf(stderr, "consent-audit: cannot write: %s\n",
                strerror(errno));
    }

    return rc;

failed:

    fprintf(stderr, "consent-audit: cannot build the checkpoint record\n");

    return -1;
}
