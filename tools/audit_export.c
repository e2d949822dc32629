/*
 * consent-audit export: the decision records as CSV (stable columns) or
 * JSON lines (the records as written, so that they still verify), one
 * streaming pass, optionally limited to a period or a consent id.
 */

#include <stdlib.h>
#include <string.h>

#include "audit_tool.h"


typedef struct {
    int                      csv;
    const char              *since;
    const char              *until;
    const char              *id;
    uint64_t                 exported;
    uint64_t                 skipped;
} consent_tool_export_t;


/*
 * The CSV columns: the decision record's fields, in the record's order;
 * fields added later come last, so that existing columns keep their place.
 */
static const char  *consent_tool_export_columns[] = {
    "ts", "seq", "node", "key", "id", "action", "granted", "denied",
    "revision", "texts", "lang", "region", "mode", "gpc", "source", "ip",
    "ua", "granted_services", "decided", NULL
};


static int consent_tool_export_line(void *data, uint32_t file,
    uint64_t line, const char *text, size_t len);
static void consent_tool_export_csv(json_t *root);
static void consent_tool_export_field(const char *s);


int
consent_tool_export(int argc, char **argv)
{
    int                     i, nlogs, rc;
    char                  **logs;
    char                    id[2 * CONSENT_ID_LEN + 1];
    const char             *format;
    consent_tool_export_t   e;

    memset(&e, 0, sizeof(e));
    format = NULL;

    logs = calloc(argc + 1, sizeof(char *));
    if (logs == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return CONSENT_EXIT_USAGE;
    }

    nlogs = 0;
    rc = CONSENT_EXIT_USAGE;

    for (i = 0; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--format") == 0) {
            format = argv[++i];
            continue;
        }

        if (i + 1 < argc && strcmp(argv[i], "--since") == 0) {
            e.since = consent_tool_date("--since", argv[++i]);
            if (e.since == NULL) {
                goto done;
            }

            continue;
        }

        if (i + 1 < argc && strcmp(argv[i], "--until") == 0) {
            e.until = consent_tool_date("--until", argv[++i]);
            if (e.until == NULL) {
                goto done;
            }

            continue;
        }

        if (i + 1 < argc && strcmp(argv[i], "--id") == 0) {
            if (consent_tool_id(argv[++i], id) != 0) {
                goto done;
            }

            e.id = id;
            continue;
        }

        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "consent-audit: export: unknown option \"%s\"\n",
                    argv[i]);
            consent_tool_usage(stderr);
            goto done;
        }

        logs[nlogs++] = argv[i];
    }

    if (format == NULL
        || (strcmp(format, "csv") != 0 && strcmp(format, "jsonl") != 0))
    {
        fprintf(stderr, "consent-audit: export needs --format csv or "
                "--format jsonl\n");
        goto done;
    }

    if (nlogs == 0) {
        fprintf(stderr, "consent-audit: export needs at least one LOG\n");
        goto done;
    }

    e.csv = (format[0] == 'c');

    if (e.csv) {
        for (i = 0; consent_tool_export_columns[i]; i++) {
            printf("%s%s", i ? "," : "", consent_tool_export_columns[i]);
        }

        printf("\r\n");
    }

    if (consent_tool_each_line(logs, nlogs, NULL, consent_tool_export_line,
                               &e)
        != 0)
    {
        goto done;
    }

    if (e.skipped) {
        fprintf(stderr, "consent-audit: %llu line%s not audit records, "
                "skipped (run verify)\n", (unsigned long long) e.skipped,
                e.skipped == 1 ? " is" : "s are");
    }

    if (fflush(stdout) != 0) {
        fprintf(stderr, "consent-audit: cannot write the export\n");
        goto done;
    }

    rc = CONSENT_EXIT_OK;

done:

    free(logs);

    return rc;
}


static int
consent_tool_export_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_export_t   *e = data;

    consent_audit_record_t   record;

    (void) file;
    (void) line;

    if (e->id && !consent_tool_contains(text, len, e->id, 2 * CONSENT_ID_LEN)) {
        return 0;
    }

    if (consent_audit_parse(text, len, NULL, 0, &record)
        != CONSENT_AUDIT_OK)
    {
        json_decref(record.root);
        e->skipped++;
        return 0;
    }

    if (record.type == CONSENT_AUDIT_DECISION
        && consent_tool_in_range(record.ts, e->since, e->until)
        && (e->id == NULL || strcmp(record.id, e->id) == 0))
    {
        e->exported++;

        if (e->csv) {
            consent_tool_export_csv(record.root);

        } else {
            fwrite(text, 1, len, stdout);
            putchar('\n');
        }
    }

    json_decref(record.root);

    return 0;
}


/* RFC 4180: CRLF line ends; lists are space-separated; null is empty. */
static void
consent_tool_export_csv(json_t *root)
{
    int      i;
    char     number[24];
    size_t   k;
    json_t  *value, *name;

    for (i = 0; consent_tool_export_columns[i]; i++) {
        if (i) {
            putchar(',');
        }

        value = json_object_get(root, consent_tool_export_columns[i]);

        if (json_is_string(value)) {
            consent_tool_export_field(json_string_value(value));

        } else if (json_is_integer(value)) {
            snprintf(number, sizeof(number), "%lld",
                     (long long) json_integer_value(value));
            fputs(number, stdout);

        } else if (json_is_boolean(value)) {
            fputs(json_is_true(value) ? "true" : "false", stdout);

        } else if (json_is_array(value)) {
            putchar('"');
            json_array_foreach(value, k, name) {
                printf("%s%s", k ? " " : "", json_string_value(name));
            }
            putchar('"');
        }
    }

    fputs("\r\n", stdout);
}


static void
consent_tool_export_field(const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, stdout);
        return;
    }

    putchar('"');

    for ( /* void */ ; *s; s++) {
        if (*s == '"') {
            putchar('"');
        }

        putchar(*s);
    }

    putchar('"');
}
