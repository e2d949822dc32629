/*
 * libFuzzer target for every parser of untrusted input in the core other
 * than the rewriter: policy files, consent cookies and Cookie headers,
 * Set-Cookie names, decision bodies (form and JSON), return_to, audit
 * lines, client addresses and user agents.  The first byte picks the
 * parser; the checks are the properties each one promises.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent_audit.h"
#include "consent_cookie.h"
#include "consent_policy.h"
#include "consent_request.h"

#define BUILTIN    "ngx_consent_module/assets/policy.json"
#define CATALOGUE  "ngx_consent_module/assets/catalogue.json"

static consent_catalogue_t  *catalogue;
static consent_policy_t  *policy;
static consent_key_t      key;
static unsigned char      secret[] = "fuzzing secret of at least 32 bytes!!";


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char  err[512];

    (void) argc;
    (void) argv;

    catalogue = consent_catalogue_load_file(CATALOGUE, err, sizeof(err));
    if (catalogue == NULL) {
        fprintf(stderr, "fuzz_inputs: %s\n", err);
        abort();
    }

    policy = consent_policy_load_file(BUILTIN, catalogue, err, sizeof(err));
    if (policy == NULL) {
        fprintf(stderr, "fuzz_inputs: %s\n", err);
        abort();
    }

    key.secret = secret;
    key.len = sizeof(secret) - 1;

    if (consent_key_init(&key) != 0) {
        abort();
    }

    return 0;
}


static void
fuzz_policy(const char *p, size_t n)
{
    char               err[512];
    consent_policy_t  *fuzzed;

    fuzzed = consent_policy_load_buffer(p, n, "fuzz", catalogue, err,
                                        sizeof(err));
    if (fuzzed) {
        consent_policy_free(fuzzed);

    } else if (err[0] == '\0' || memchr(err, '\n', strlen(err)) != NULL) {
        abort();                /* an error is one non-empty line */
    }

    (void) consent_policy_language(policy, p, n);
}


static void
fuzz_cookie(const char *p, size_t n)
{
    char                    again[CONSENT_COOKIE_MAX_LEN];
    consent_state_t         state;
    consent_status_t        status;
    consent_cookie_check_t  check;

    memset(&check, 0, sizeof(check));
    check.keys = &key;
    check.nkeys = 1;
    check.now = 1000;
    check.max_age = 100;
    check.revision = 1;

    status = consent_cookie_verify(p, n, &check, &state);

    /* only the encoder's own output is valid: no second spelling (the
       older, shorter formats are read, never written) */
    if (status == CONSENT_STATUS_VALID && n >= CONSENT_COOKIE_LEN) {
        if (consent_cookie_encode(&state, &key, check.fingerprint, again)
            != 0
            || n != consent_cookie_length(&state)
            || memcmp(again, p, n) != 0)
        {
            abort();
        }
    }
}


static void
fuzz_headers(const char *p, size_t n)
{
    size_t       pos, len, rounds;
    const char  *value, *name;

    pos = 0;
    rounds = 0;

    while (consent_cookie_header_find(p, n, "consent", 7, &pos, &value,
                                      &len))
    {
        if (value < p || value + len > p + n || ++rounds > n + 1) {
            abort();
        }
    }

    if (consent_set_cookie_name(p, n, &name, &len)
        && (len == 0 || name < p || name + len > p + n))
    {
        abort();
    }
}


static void
fuzz_decision(const char *p, size_t n, int json)
{
    char                reason[CONSENT_REASON_MAX];
    consent_decision_t  decision;

    if (json) {
        (void) consent_decision_parse_json(policy, p, n, &decision, reason);

    } else {
        (void) consent_decision_parse_form(policy, p, n, &decision, reason);
    }
}


static void
fuzz_return_to(const char *p, size_t n)
{
    size_t  i;
    char    out[CONSENT_RETURN_TO_MAX];

    consent_return_to_sanitise(p, n, out);

    /* a same-origin absolute path, printable, no backslash: never a host */
    if (out[0] != '/' || out[1] == '/' || out[1] == '\\') {
        abort();
    }

    for (i = 0; out[i]; i++) {
        if (out[i] <= 0x20 || out[i] >= 0x7f || out[i] == '\\') {
            abort();
        }
    }
}


static void
fuzz_audit(const char *p, size_t n)
{
    consent_audit_key_t     key;
    consent_audit_record_t  record;
    consent_audit_status_t  status;

    memset(&record, 0, sizeof(record));

    key.key = secret;
    key.len = sizeof(secret) - 1;

    if (consent_audit_key_init(&key) != 0) {
        return;
    }

    /* with the key (MAC checked) and without (fields only) */
    status = consent_audit_parse(p, n, &key, 1, &record);

    if (record.root) {
        json_decref(record.root);
    }

    status = consent_audit_parse(p, n, NULL, 0, &record);

    if (record.root) {
        json_decref(record.root);
    }

    (void) status;
}


static void
fuzz_client(const char *p, size_t n)
{
    size_t  len, i;
    char    ip[CONSENT_AUDIT_IP_LEN], *ua;

    (void) consent_audit_ip(p, n, CONSENT_AUDIT_IP_TRUNCATE, ip);
    (void) consent_audit_ip(p, n, CONSENT_AUDIT_IP_FULL, ip);

    ua = malloc(257);
    if (ua == NULL) {
        return;
    }

    len = consent_audit_text(p, n, 256, ua);

    for (i = 0; i < len; i++) {
        if ((unsigned char) ua[i] < 0x20 || ua[i] == 0x7f) {
            abort();            /* no control characters reach the log */
        }
    }

    free(ua);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char        *copy;
    const char  *p;
    size_t       n;

    if (size == 0) {
        return 0;
    }

    /* an exact-size copy, so that ASan sees any read past the end */
    n = size - 1;
    copy = malloc(n ? n : 1);
    if (copy == NULL) {
        return 0;
    }

    memcpy(copy, data + 1, n);
    p = copy;

    switch (data[0] % 8) {
    case 0:
        fuzz_policy(p, n);
        break;
    case 1:
        fuzz_cookie(p, n);
        break;
    case 2:
        fuzz_headers(p, n);
        break;
    case 3:
        fuzz_decision(p, n, 0);
        break;
    case 4:
        fuzz_decision(p, n, 1);
        break;
    case 5:
        fuzz_return_to(p, n);
        break;
    case 6:
        fuzz_audit(p, n);
        break;
    default:
        fuzz_client(p, n);
        break;
    }

    free(copy);

    return 0;
}
