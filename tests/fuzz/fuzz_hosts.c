/*
 * libFuzzer target for the catalogue's parsers of untrusted text: URL hosts
 * (alone and against a base), the inline host-token finder, the signature
 * search and the policy's classification of URLs and inline scripts.
 * Checked: bounds (ASan), and that every host is in canonical form and
 * parses again to itself, every token lies in the text and has a host's
 * shape, and scans make progress.  Built and run by tests/fuzz/run.sh.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent_catalogue.h"
#include "consent_host.h"
#include "consent_policy.h"
#include "consent_site.h"

#define BUILTIN    "ngx_consent_module/assets/policy.json"
#define CATALOGUE  "ngx_consent_module/assets/catalogue.json"

static consent_catalogue_t  *catalogue;
static consent_policy_t     *policy;
static consent_site_t        site;


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char  err[512];

    (void) argc;
    (void) argv;

    catalogue = consent_catalogue_load_file(CATALOGUE, err, sizeof(err));
    policy = catalogue ? consent_policy_load_file(BUILTIN, catalogue, err,
                                                  sizeof(err))
                       : NULL;
    if (policy == NULL) {
        fprintf(stderr, "fuzz_hosts: %s\n", err);
        abort();
    }

    consent_site_init(&site, (const unsigned char *) "www.news.example.co.uk",
                      22);

    return 0;
}


/* A host in canonical form that parses again to itself. */
static void
fuzz_check_host(const consent_host_t *host)
{
    size_t          i;
    unsigned char   c;
    consent_host_t  again;

    if (host->kind == CONSENT_HOST_NONE || host->kind == CONSENT_HOST_RELATIVE
        || host->kind == CONSENT_HOST_INVALID)
    {
        if (host->len != 0) {
            abort();
        }
        return;
    }

    if (host->kind != CONSENT_HOST_NAME && host->kind != CONSENT_HOST_IPV4
        && host->kind != CONSENT_HOST_IPV6)
    {
        abort();
    }

    if (host->len == 0 || host->len > CONSENT_HOST_MAX
        || host->name[host->len] != '\0' || host->name[host->len - 1] == '.')
    {
        abort();
    }

    for (i = 0; i < host->len; i++) {
        c = host->name[i];

        if (c <= 0x20 || c >= 0x7f || (c >= 'A' && c <= 'Z')
            || strchr("#%/<>?@\\^|", c) != NULL
            || (host->kind != CONSENT_HOST_IPV6
                && (c == '[' || c == ']' || c == ':')))
        {
            abort();
        }
    }

    consent_host_parse_name(host->name, host->len, &again);

    if (again.kind != host->kind || again.len != host->len
        || memcmp(again.name, host->name, host->len) != 0)
    {
        abort();
    }
}


static int
fuzz_signature(void *data, unsigned entity)
{
    (void) data;

    if (entity >= catalogue->nentities) {
        abort();
    }

    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t                pos, prev, n, half, i;
    consent_host_t        host, base;
    consent_class_t       c;
    const unsigned char  *token, *p;

    p = data;

    consent_host_parse(p, size, NULL, &host);
    fuzz_check_host(&host);

    consent_host_parse_name(p, size, &host);
    fuzz_check_host(&host);

    /* the first half as a base URL, the rest against it */
    half = size / 2;
    consent_host_parse(p, half, NULL, &base);
    consent_host_parse(p + half, size - half, &base, &host);
    fuzz_check_host(&host);

    if (host.kind == CONSENT_HOST_RELATIVE
        && base.kind != CONSENT_HOST_NONE && base.kind != CONSENT_HOST_RELATIVE)
    {
        abort();                /* a relative URL takes a base's host */
    }

    pos = 0;
    prev = 0;

    while ((n = consent_inline_host_next(p, size, &pos, &token)) != 0) {
        if (token < p || token + n > p + size || pos <= prev || pos > size
            || n < 4 || token[0] == '.' || token[n - 1] == '.')
        {
            abort();
        }

        for (i = 0; i < n; i++) {
            if (!((token[i] | 0x20) >= 'a' && (token[i] | 0x20) <= 'z')
                && !(token[i] >= '0' && token[i] <= '9')
                && token[i] != '-' && token[i] != '.')
            {
                abort();
            }
        }

        prev = pos;
    }

    (void) consent_catalogue_signatures(catalogue, p, size, fuzz_signature,
                                        NULL);

    consent_policy_classify_url(policy, &site, p, size, &c);
    fuzz_check_host(&c.host);

    if ((c.kind == CONSENT_CLASS_SERVICE) != (c.service >= 0)
        || c.service >= (int) policy->nservices)
    {
        abort();
    }

    consent_policy_classify_inline(policy, &site, p, size, 1, NULL, &c);

    if ((c.kind == CONSENT_CLASS_SERVICE) != (c.service >= 0)
        || c.service >= (int) policy->nservices)
    {
        abort();
    }

    return 0;
}
