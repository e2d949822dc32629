/*
 * consent-audit: reading logs and key files, and the arguments every
 * command shares (dates, consent ids).
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "audit_tool.h"


int
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


FILE *
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


/*
 * Key files are read as nginx reads them: up to one byte more than the
 * limit, then the core's rules.
 */
int
consent_tool_add_key(consent_tool_keys_t *keys, const char *path, int secret)
{
    FILE                 *f;
    char                  err[128];
    size_t                n;
    unsigned char        *key, derived[CONSENT_AUDIT_MAC_LEN];
    consent_audit_key_t  *k;

    if (keys->nkeys == CONSENT_TOOL_KEYS_MAX) {
        fprintf(stderr, "consent-audit: at most %d keys\n",
                CONSENT_TOOL_KEYS_MAX);
        return -1;
    }

    key = keys->bytes[keys->nkeys];

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

    k = &keys->keys[keys->nkeys];
    k->key = key;

    if (consent_key_from_file_bytes(key, n, &k->len, err, sizeof(err)) != 0) {
        fprintf(stderr, "consent-audit: key file \"%s\": %s (nginx "
                "refuses it too)\n", path, err);
        return -1;
    }

    if (secret) {
        /* the derived key replaces the secret in place */
        if (consent_audit_key_derive(key, k->len, derived) != 0) {
            fprintf(stderr, "consent-audit: cannot derive the audit key\n");
            return -1;
        }

        OPENSSL_cleanse(key, CONSENT_KEY_FILE_MAX + 1);
        memcpy(key, derived, CONSENT_AUDIT_MAC_LEN);
        OPENSSL_cleanse(derived, sizeof(derived));
        k->len = CONSENT_AUDIT_MAC_LEN;
    }

    if (consent_audit_key_init(k) != 0) {
        fprintf(stderr, "consent-audit: cannot compute the key id\n");
        return -1;
    }

    keys->nkeys++;

    return 0;
}


void
consent_tool_keys_free(consent_tool_keys_t *keys)
{
    if (keys) {
        OPENSSL_cleanse(keys, sizeof(consent_tool_keys_t));
        free(keys);
    }
}


int
consent_tool_key_option(consent_tool_keys_t *keys, int argc, char **argv,
    int *i)
{
    int  secret;

    if (strcmp(argv[*i], "--key") == 0) {
        secret = 0;

    } else if (strcmp(argv[*i], "--secret") == 0) {
        secret = 1;

    } else {
        return 0;
    }

    if (*i + 1 >= argc) {
        fprintf(stderr, "consent-audit: %s needs a FILE\n", argv[*i]);
        return -1;
    }

    *i += 1;

    return consent_tool_add_key(keys, argv[*i], secret) == 0 ? 1 : -1;
}


const char *
consent_tool_date(const char *option, const char *value)
{
    size_t                i, len;
    static const char     shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";

    len = strlen(value);

    if (len >= 10 && len < sizeof(shape)) {
        for (i = 0; i < len; i++) {
            if (shape[i] == 'd' ? (value[i] < '0' || value[i] > '9')
                                : value[i] != shape[i])
            {
                break;
            }
        }

        if (i == len) {
            return value;
        }
    }

    fprintf(stderr, "consent-audit: %s takes a UTC date YYYY-MM-DD or a "
            "time YYYY-MM-DDTHH:MM:SS, not \"%s\"\n", option, value);

    return NULL;
}


int
consent_tool_in_range(const char *ts, const char *since, const char *until)
{
    /* "ts" sorts as text: a prefix compares as the start of its period */
    if (since && strncmp(ts, since, strlen(since)) < 0) {
        return 0;
    }

    if (until && strncmp(ts, until, strlen(until)) >= 0) {
        return 0;
    }

    return 1;
}


int
consent_tool_id(const char *arg, char out[2 * CONSENT_ID_LEN + 1])
{
    int            i;
    unsigned char  raw[CONSENT_ID_LEN];

    if (strlen(arg) != 2 * CONSENT_ID_LEN) {
        goto bad;
    }

    for (i = 0; i < 2 * CONSENT_ID_LEN; i++) {
        out[i] = (arg[i] >= 'A' && arg[i] <= 'F') ? arg[i] | 0x20 : arg[i];
    }

    out[2 * CONSENT_ID_LEN] = '\0';

    if (consent_audit_unhex(out, 2 * CONSENT_ID_LEN, raw, CONSENT_ID_LEN)
        == 0)
    {
        return 0;
    }

bad:

    fprintf(stderr, "consent-audit: \"%s\" is not a consent id (32 hex "
            "digits, as in $consent_id and the \"id\" field)\n", arg);

    return -1;
}


int
consent_tool_contains(const char *text, size_t len, const char *needle,
    size_t n)
{
    const char  *p, *end;

    if (n == 0 || len < n) {
        return n == 0;
    }

    end = text + len - n + 1;

    for (p = text; (p = memchr(p, needle[0], end - p)) != NULL; p++) {
        if (memcmp(p, needle, n) == 0) {
            return 1;
        }
    }

    return 0;
}


int
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


double
consent_tool_percent(uint64_t part, uint64_t whole)
{
    return whole ? 100.0 * (double) part / (double) whole : 0.0;
}
