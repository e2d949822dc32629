/*
 * What a URL or an inline script is to a policy (see consent_policy.h): the
 * policy's own patterns, then first parties, then the catalogue by host,
 * then the catalogue's inline signatures.
 */

#include <string.h>

#include "consent_policy_int.h"


/* The class of a host no pattern matched. */
static void
consent_policy_classify_host(const consent_policy_t *policy,
    const consent_site_t *site, consent_class_t *result)
{
    int                    entity;
    const consent_host_t  *host;

    host = &result->host;

    switch (host->kind) {

    case CONSENT_HOST_NONE:
        result->kind = CONSENT_CLASS_NO_HOST;
        return;

    case CONSENT_HOST_RELATIVE:
        result->kind = CONSENT_CLASS_FIRST_PARTY;
        return;

    case CONSENT_HOST_INVALID:
        result->kind = CONSENT_CLASS_UNKNOWN;
        return;

    default:
        break;
    }

    if ((site != NULL && consent_site_first_party(site, host))
        || consent_domains_lookup(&policy->first_party, host->name,
                                  host->len)
           >= 0)
    {
        result->kind = CONSENT_CLASS_FIRST_PARTY;
        return;
    }

    entity = policy->catalogue
             ? consent_catalogue_lookup(policy->catalogue, host->name,
                                        host->len)
             : -1;

    result->entity = entity;

    if (entity < 0) {
        result->kind = CONSENT_CLASS_UNKNOWN;

    } else if (policy->entity_service[entity] < 0) {
        result->kind = CONSENT_CLASS_KNOWN;

    } else {
        result->kind = CONSENT_CLASS_SERVICE;
        result->service = policy->entity_service[entity];
    }
}


void
consent_policy_classify_url(const consent_policy_t *policy,
    const consent_site_t *site, const unsigned char *url, size_t len,
    consent_class_t *result)
{
    result->service = consent_policy_match_src(policy, url, len);
    result->entity = -1;

    consent_host_parse(url, len, site ? &site->base : NULL, &result->host);

    /* a site's own declaration wins, even over first party */
    if (result->service >= 0) {
        result->kind = CONSENT_CLASS_SERVICE;
        result->entity = policy->services[result->service].entity;
        return;
    }

    consent_policy_classify_host(policy, site, result);
}


/* The search over an inline script's text for catalogue services. */
typedef struct {
    const consent_policy_t  *policy;
    consent_mask_t           granted;
    int                      first;         /* service, or -1 */
    int                      entity;
} consent_inline_search_t;


/* A catalogue entity named by the text: 1 ends the search (denied). */
static int
consent_policy_inline_found(void *data, unsigned entity)
{
    int                       service;
    consent_inline_search_t  *search;

    search = data;
    service = search->policy->entity_service[entity];

    if (service < 0) {
        return 0;
    }

    if (search->first < 0
        || !(search->granted & ((consent_mask_t) 1
                                << search->policy->services[service]
                                   .category)))
    {
        search->first = service;
        search->entity = (int) entity;
    }

    return !(search->granted & ((consent_mask_t) 1
                                << search->policy->services[service]
                                   .category));
}


void
consent_policy_classify_inline(const consent_policy_t *policy,
    const consent_site_t *site, const unsigned char *text, size_t len,
    consent_mask_t granted, consent_class_t *result)
{
    int                       entity;
    size_t                    pos, n;
    consent_host_t            host;
    const unsigned char      *token;
    consent_inline_search_t   search;

    /* kind NO_HOST, host NONE: an inline script is the page's own */
    memset(result, 0, sizeof(consent_class_t));
    result->entity = -1;
    result->service = consent_policy_match_inline(policy, text, len);

    if (result->service >= 0) {
        result->kind = CONSENT_CLASS_SERVICE;
        result->entity = policy->services[result->service].entity;
        return;
    }

    if (policy->catalogue == NULL) {
        return;
    }

    search.policy = policy;
    search.granted = granted;
    search.first = -1;
    search.entity = -1;

    pos = 0;

    while ((n = consent_inline_host_next(text, len, &pos, &token)) != 0) {
        consent_host_parse_name(token, n, &host);

        if (host.kind != CONSENT_HOST_NAME
            || (site != NULL && consent_site_first_party(site, &host))
            || consent_domains_lookup(&policy->first_party, host.name,
                                      host.len)
               >= 0)
        {
            continue;
        }

        entity = consent_catalogue_lookup(policy->catalogue, host.name,
                                          host.len);

        if (entity >= 0
            && consent_policy_inline_found(&search, (unsigned) entity))
        {
            break;
        }
    }

    if (search.first < 0
        || (granted & ((consent_mask_t) 1
                       << policy->services[search.first].category)))
    {
        (void) consent_catalogue_signatures(policy->catalogue, text, len,
                                            consent_policy_inline_found,
                                            &search);
    }

    if (search.first >= 0) {
        result->kind = CONSENT_CLASS_SERVICE;
        result->service = search.first;
        result->entity = search.entity;
    }
}
