#ifndef AUDIT_TOOL_H
#define AUDIT_TOOL_H

/*
 * consent-audit: what its commands share (tools/audit_*.c).  Every command
 * reads its logs line by line, once or twice, keeping only aggregates:
 * memory does not grow with the size of the logs.
 */

#include <stdint.h>
#include <stdio.h>

#include "consent_audit.h"
#include "consent_cookie.h"


#define CONSENT_TOOL_KEYS_MAX  16

#define CONSENT_EXIT_OK       0
#define CONSENT_EXIT_FAILED   1         /* broken chain, or nothing found */
#define CONSENT_EXIT_USAGE    2         /* bad arguments or unreadable file */


/* Called for each line of each log; returns 0, or -1 to stop. */
typedef int (*consent_tool_line_pt)(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);

/*
 * Called by verify with each line it parsed (status and record as
 * consent_audit_parse() left them): a second reader of the same pass.
 * Returns 0, or -1 to stop.
 */
typedef int (*consent_tool_record_pt)(void *data,
    consent_audit_status_t status, const consent_audit_record_t *record);

/* The keys given with --key and --secret, in order. */
typedef struct {
    consent_audit_key_t      keys[CONSENT_TOOL_KEYS_MAX];
    unsigned char            bytes[CONSENT_TOOL_KEYS_MAX]
                                  [CONSENT_KEY_FILE_MAX + 1];
    size_t                   nkeys;
} consent_tool_keys_t;

/* The commands; argv holds what follows the command name. */
int consent_tool_verify(int argc, char **argv);
int consent_tool_find(int argc, char **argv);
int consent_tool_stats(int argc, char **argv);
int consent_tool_report(int argc, char **argv);
int consent_tool_export(int argc, char **argv);
int consent_tool_purge(int argc, char **argv);
int consent_tool_show_policy(int argc, char **argv);
int consent_tool_texts(int argc, char **argv);

void consent_tool_usage(FILE *out);

/*
 * Verify logs with keys, the findings and the summary line written to out,
 * each line parsed once, also given to tap (or NULL): CONSENT_EXIT_OK,
 * _FAILED (a finding) or _USAGE (unreadable).
 */
int consent_tool_verify_logs(consent_tool_keys_t *keys, char **logs,
    int nlogs, FILE *spool, FILE *out, consent_tool_record_pt tap,
    void *tap_data);

/*
 * Every line of every log in order; "-" is input (rewound: it may be read
 * again), or standard input when input is NULL.  0, or -1 after a message.
 */
int consent_tool_each_line(char **logs, int nlogs, FILE *input,
    consent_tool_line_pt handler, void *data);

/* Standard input, copied to a temporary file that can be read again. */
FILE *consent_tool_spool(void);

/*
 * --key FILE (a consent_audit_key file) or --secret FILE (a consent_secret
 * the key is derived from): read, checked as nginx checks key files and
 * added to keys.  0, or -1 after a message.
 */
int consent_tool_add_key(consent_tool_keys_t *keys, const char *path,
    int secret);
void consent_tool_keys_free(consent_tool_keys_t *keys);

/*
 * If argv[*i] is --key or --secret, take it and its value into keys:
 * 1 taken, 0 not an option of these, -1 after a message.
 */
int consent_tool_key_option(consent_tool_keys_t *keys, int argc, char **argv,
    int *i);

/*
 * A date or time as in "ts" (YYYY-MM-DD, or a prefix of
 * YYYY-MM-DDTHH:MM:SS.mmmZ) given to --since, --until or --before; NULL
 * with a message when it is not one.
 */
const char *consent_tool_date(const char *option, const char *value);

/* ts is at or after since and before until (either may be NULL). */
int consent_tool_in_range(const char *ts, const char *since,
    const char *until);

/* An id argument as 32 lowercase hex digits into out; -1 after a message. */
int consent_tool_id(const char *arg, char out[2 * CONSENT_ID_LEN + 1]);

/* Whether text holds the n bytes of needle (memmem() is a GNU extension). */
int consent_tool_contains(const char *text, size_t len, const char *needle,
    size_t n);

/* The index of name in a NULL-terminated list, or -1. */
int consent_tool_name_index(const char *const *names, const char *name);

double consent_tool_percent(uint64_t part, uint64_t whole);

#endif /* AUDIT_TOOL_H */
