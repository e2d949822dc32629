/*
 * consent-audit: verify, search, export, summarise and purge ngx_consent
 * audit logs.  See "consent-audit --help" and docs/audit.md; each command
 * is in tools/audit_<command>.c.
 */

#include <string.h>

#include "audit_tool.h"


typedef struct {
    const char  *name;
    int        (*run)(int argc, char **argv);
} consent_tool_command_t;


static void consent_tool_help(void);


/* The usage, one command per entry; a continued line starts with spaces. */
static const char  *consent_tool_synopsis[] = {
    "consent-audit verify (--key FILE | --secret FILE)... LOG...",
    "consent-audit find [--json] ID LOG...",
    "consent-audit show-policy [--json] HASH LOG|TEXTS...",
    "consent-audit texts --policy FILE [--lang LANG] [--catalogue FILE]",
    "consent-audit export --format csv|jsonl [--since DATE] [--until DATE]",
    "                     [--id ID] LOG...",
    "consent-audit stats [--by day|category|lang|region|revision]",
    "                    [--since DATE] [--until DATE] LOG...",
    "consent-audit report [--html OUT.html] [--key FILE | --secret FILE]...",
    "                     [--since DATE] [--until DATE] LOG...",
    "consent-audit purge --before DATE (--key FILE | --secret FILE)... LOG",
    "consent-audit --help",
    NULL
};

static const consent_tool_command_t  consent_tool_commands[] = {
    { "verify", consent_tool_verify },
    { "find", consent_tool_find },
    { "show-policy", consent_tool_show_policy },
    { "texts", consent_tool_texts },
    { "export", consent_tool_export },
    { "stats", consent_tool_stats },
    { "report", consent_tool_report },
    { "purge", consent_tool_purge },
    { NULL, NULL }
};


int
main(int argc, char **argv)
{
    const consent_tool_command_t  *c;

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

    for (c = consent_tool_commands; c->name; c++) {
        if (strcmp(argv[1], c->name) == 0) {
            return c->run(argc - 2, argv + 2);
        }
    }

    fprintf(stderr, "consent-audit: unknown command \"%s\"\n", argv[1]);
    consent_tool_usage(stderr);

    return CONSENT_EXIT_USAGE;
}


void
consent_tool_usage(FILE *out)
{
    size_t  i;

    for (i = 0; consent_tool_synopsis[i]; i++) {
        fprintf(out, "%s%s\n", i ? "       " : "usage: ",
                consent_tool_synopsis[i]);
    }
}


static void
consent_tool_help(void)
{
    size_t  i;

    printf(
"NAME\n"
"    consent-audit - verify, search, export, summarise and purge ngx_consent\n"
"    audit logs\n"
"\n"
"SYNOPSIS\n");

    for (i = 0; consent_tool_synopsis[i]; i++) {
        printf("    %s\n", consent_tool_synopsis[i]);
    }

    printf(
"\n"
"DESCRIPTION\n"
"    Every consent decision taken through the consent_api endpoint is one\n"
"    JSON line of the audit log (consent_audit_log).  Each record carries\n"
"    a sequence number, the id of the key that signed it (\"key\"), the MAC\n"
"    of the record before it (\"prev\") and its own MAC (\"mac\",\n"
"    HMAC-SHA256 with the audit key over prev followed by the record\n"
"    without \"mac\"), so that edited, deleted, reordered and inserted\n"
"    records are detected.  A decision names the texts the visitor was\n"
"    shown by their SHA-256 (\"texts\"); nginx keeps each distinct set once\n"
"    in LOG.texts.jsonl.  A new key continues the chain with a \"rotate\"\n"
"    record; purge leaves a \"checkpoint\" record in place of what it\n"
"    removed.\n"
"\n"
"    LOG is a file, or - for standard input.  Give the files of one nginx\n"
"    node, oldest first (after rotation: consent.log.2 consent.log.1\n"
"    consent.log); each node keeps its own chain.  DATE is a UTC date\n"
"    YYYY-MM-DD or time YYYY-MM-DDTHH:MM:SS.\n"
"\n"
"COMMANDS\n"
"    verify (--key FILE | --secret FILE)... LOG...\n"
"        Check every MAC and every link across the files in the order\n"
"        given.  FILE is a consent_audit_key file; when nginx has no\n"
"        consent_audit_key, the key is derived from the first\n"
"        consent_secret: give that file with --secret instead.  Give one\n"
"        option per key the logs were written with (after a rotation, the\n"
"        old and the new); each record is checked with the key its \"key\"\n"
"        id names.  On success print one line: the number of records, the\n"
"        first and last seq, and the last mac (keep it: a later verify\n"
"        that does not reach that mac shows that the end of the log was\n"
"        cut), then a line about a checkpoint or rotations if any.\n"
"        Otherwise print one line per finding, FILE:LINE: what broke:\n"
"            broken JSON        the line is not a JSON object\n"
"            not an audit record  a field is missing or mistyped\n"
"            edited record      the MAC does not match the bytes\n"
"            inserted record    a record that does not belong to the chain\n"
"            deleted record(s)  seq numbers missing before the line\n"
"            reordered record   the record belongs elsewhere in the logs\n"
"            duplicated record  the same record appears twice\n"
"            chain restarted    seq 1 again in the middle of the logs\n"
"            key changed        another key without a rotate record\n"
"            checkpoint after   a checkpoint that is not the first record\n"
"        and a final FAILED line.\n"
"\n"
"    find [--json] ID LOG...\n"
"        The history of the consent id ID (32 hex digits, the \"id\" field,\n"
"        $consent_id in nginx, shown to the visitor on the policy page):\n"
"        each decision with its time, choice, categories, policy revision,\n"
"        texts hash, language, GPC, address and browser, then a summary.\n"
"        --json prints the records as written (they still verify).\n"
"\n"
"    show-policy [--json] HASH LOG|TEXTS...\n"
"        What the visitor was shown: the texts of a record's \"texts\" hash\n"
"        (64 hex digits, or a prefix of at least 8), read from\n"
"        LOG.texts.jsonl (of LOG.1 too) or a .texts.jsonl file given, and\n"
"        checked against the hash.\n"
"\n"
"    texts --policy FILE [--lang LANG] [--catalogue FILE]\n"
"        The texts lines of a policy file, one per language, as nginx\n"
"        writes them to LOG.texts.jsonl: for syslog logs, or to prove what\n"
"        an archived policy showed.\n"
"\n"
"    export --format csv|jsonl [--since DATE] [--until DATE] [--id ID] LOG...\n"
"        The decisions from --since (inclusive) until --until (exclusive),\n"
"        optionally of one consent id, streamed.  csv: a header line, then\n"
"        the columns ts,seq,node,key,id,action,granted,denied,revision,\n"
"        texts,lang,region,mode,gpc,source,ip,ua,granted_services,decided\n"
"        (RFC 4180; lists are space-separated; null, and a field older\n"
"        records lack, is empty).  jsonl: the records as written.\n"
"\n"
"    stats [--by day|category|lang|region|revision] [--since DATE]\n"
"          [--until DATE] LOG...\n"
"        Summarise the decisions: count, period, distinct consent ids\n"
"        (estimated), actions, sources, share with Global Privacy Control,\n"
"        and per category how often it was granted (acceptance rate).\n"
"        --by prints one row per day (UTC), language, region or policy\n"
"        revision; --by category only the category table.  --since and\n"
"        --until count only the decisions of that period (as export).\n"
"        Lines that are not records are skipped with a warning.\n"
"\n"
"    report [--html OUT.html] [--key FILE | --secret FILE]... [--since DATE]\n"
"           [--until DATE] LOG...\n"
"        The stats summary, and whether the chain verifies (with keys).\n"
"        --html writes one self-contained page: decisions per day, opt-in\n"
"        rate per category over time, share of each choice and of GPC,\n"
"        tables by language, region and policy revision.  --since and\n"
"        --until limit the figures to a period; verify checks the whole\n"
"        chain.\n"
"\n"
"    purge --before DATE (--key FILE | --secret FILE)... LOG\n"
"        Remove the records before DATE from LOG (a rotated file, not the\n"
"        one nginx writes to) and put a checkpoint record, signed with the\n"
"        first key given, in their place: it keeps the seq and mac of the\n"
"        last removed record and counts what was removed, so that verify\n"
"        still proves the rest whole.  LOG must verify first.\n"
"\n"
"EXIT STATUS\n"
"    0   success (verify: the chain holds; find: records found)\n"
"    1   verify: a finding; find, show-policy: nothing found; report: the\n"
"        chain does not verify\n"
"    2   usage error, unreadable file or key\n"
"\n"
"EXAMPLES\n"
"    consent-audit verify --key /etc/nginx/consent-audit.key \\\n"
"        --key /etc/nginx/consent-audit.key.old \\\n"
"        /var/log/nginx/consent.log.1 /var/log/nginx/consent.log\n"
"    consent-audit find 3f2a9c0e5b7d41e6a8c2f0b1d4e6a7c9 consent.log\n"
"    consent-audit export --format csv --since 2026-01-01 consent.log\n"
"    consent-audit report --html report.html --key audit.key consent.log\n"
"    consent-audit purge --before 2023-12-01 --key audit.key consent.log.9\n"
"\n"
"SEE ALSO\n"
"    docs/audit.md\n");
}
