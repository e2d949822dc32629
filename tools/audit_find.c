/*
 * consent-audit find: the history of one consent id, readable (what was
 * chosen, when, where, under which policy and texts) or as written.
 */

#include <stdlib.h>
#include <string.h>

#include "audit_tool.h"


typedef struct {
    const char              *id;
    int                      json;
    uint64_t                 found;
    uint64_t                 skipped;
    char                     first_ts[32];
    char                     last_ts[32];
    char                     last_action[32];
    char                     last_texts[CONSENT_AUDIT_HEX_LEN + 1];
} consent_tool_find_t;


static int consent_tool_find_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);
static void consent_tool_find_print(const consent_audit_record_t *record);
static void consent_tool_find_names(json_t *names);
static const char *consent_tool_find_text(json_t *root, const char *name);


int
consent_tool_find(int argc, char **argv)
{
    int                   i, nlogs, rc;
    char                **logs;
    char                  id[2 * CONSENT_ID_LEN + 1];
    consent_tool_find_t   find;

    memset(&find, 0, sizeof(find));

    logs = calloc(argc + 1, sizeof(char *));
    if (logs == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return CONSENT_EXIT_USAGE;
    }

    nlogs = 0;
    rc = CONSENT_EXIT_USAGE;

    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            find.json = 1;
            continue;
        }

        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "consent-audit: find: unknown option \"%s\"\n",
                    argv[i]);
            goto done;
        }

        if (find.id == NULL) {
            if (consent_tool_id(argv[i], id) != 0) {
                goto done;
            }

            find.id = id;
            continue;
        }

        logs[nlogs++] = argv[i];
    }

    if (find.id == NULL || nlogs == 0) {
        fprintf(stderr, "consent-audit: find needs an ID and at least one "
                "LOG\n");
        consent_tool_usage(stderr);
        goto done;
    }

    if (consent_tool_each_line(logs, nlogs, NULL, consent_tool_find_line,
                               &find)
        != 0)
    {
        goto done;
    }

    if (find.skipped) {
        fprintf(stderr, "consent-audit: %llu line%s not audit records, "
                "skipped (run verify)\n", (unsigned long long) find.skipped,
                find.skipped == 1 ? " is" : "s are");
    }

    if (find.found == 0) {
        fprintf(stderr, "consent-audit: no record of consent id %s\n", id);
        rc = CONSENT_EXIT_FAILED;
        goto done;
    }

    if (!find.json) {
        printf("consent id %s: %llu decision%s from %s to %s; the last, "
               "%s, is in force until the visitor decides again or the "
               "cookie expires\n", id, (unsigned long long) find.found,
               find.found == 1 ? "" : "s", find.first_ts, find.last_ts,
               find.last_action);

        if (find.last_texts[0]) {
            printf("what the visitor was shown: consent-audit show-policy "
                   "%s LOG\n", find.last_texts);
        }

        printf("prove these records authentic: consent-audit verify --key "
               "FILE LOG...\n");
    }

    rc = CONSENT_EXIT_OK;

done:

    free(logs);

    return rc;
}


static int
consent_tool_find_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_find_t     *find = data;

    json_t                  *texts;
    consent_audit_record_t   record;

    (void) file;
    (void) line;

    /* only lines with the id are parsed: a search reads, it does not check */
    if (!consent_tool_contains(text, len, find->id, 2 * CONSENT_ID_LEN)) {
        return 0;
    }

    if (consent_audit_parse(text, len, NULL, 0, &record)
        != CONSENT_AUDIT_OK)
    {
        json_decref(record.root);
        find->skipped++;
        return 0;
    }

    if (record.type == CONSENT_AUDIT_DECISION
        && strcmp(record.id, find->id) == 0)
    {
        if (find->found++ == 0) {
            snprintf(find->first_ts, sizeof(find->first_ts), "%s",
                     record.ts);
        }

        snprintf(find->last_ts, sizeof(find->last_ts), "%s", record.ts);
        snprintf(find->last_action, sizeof(find->last_action), "%s",
                 record.action);

        texts = json_object_get(record.root, "texts");
        snprintf(find->last_texts, sizeof(find->last_texts), "%s",
                 json_is_string(texts) ? json_string_value(texts) : "");

        if (find->json) {
            fwrite(text, 1, len, stdout);
            putchar('\n');

        } else {
            consent_tool_find_print(&record);
        }
    }

    json_decref(record.root);

    return 0;
}


static void
consent_tool_find_print(const consent_audit_record_t *record)
{
    json_t  *root, *services;

    root = record->root;

    printf("%s  seq %llu on %s: %s (%s)\n", record->ts,
           (unsigned long long) record->seq,
           consent_tool_find_text(root, "node"), record->action,
           consent_tool_find_text(root, "source"));

    printf("    granted: ");
    consent_tool_find_names(json_object_get(root, "granted"));
    printf("; denied: ");
    consent_tool_find_names(json_object_get(root, "denied"));

    /* records before single-service grants have neither field */
    services = json_object_get(root, "granted_services");
    if (json_array_size(services) != 0) {
        printf("; services allowed alone: ");
        consent_tool_find_names(services);
    }

    if (json_is_false(json_object_get(root, "decided"))) {
        printf("; categories not decided yet");
    }

    printf("\n    policy revision %lld, texts %s, language %s, region %s, "
           "mode %s, GPC %s\n",
           (long long) json_integer_value(json_object_get(root, "revision")),
           consent_tool_find_text(root, "texts"),
           consent_tool_find_text(root, "lang"),
           consent_tool_find_text(root, "region"),
           consent_tool_find_text(root, "mode"),
           json_is_true(json_object_get(root, "gpc")) ? "yes" : "no");

    printf("    ip %s, user agent %s\n", consent_tool_find_text(root, "ip"),
           consent_tool_find_text(root, "ua"));
}


static void
consent_tool_find_names(json_t *names)
{
    size_t   i;
    json_t  *name;

    if (json_array_size(names) == 0) {
        printf("none");
        return;
    }

    json_array_foreach(names, i, name) {
        printf("%s%s", i ? ", " : "", json_string_value(name));
    }
}


/* A string field, or "-" when null or absent. */
static const char *
consent_tool_find_text(json_t *root, const char *name)
{
    json_t  *value;

    value = json_object_get(root, name);

    return json_is_string(value) ? json_string_value(value) : "-";
}
