/*
 * What a URL or an inline script is to a policy (see consent_policy.h): the
 * policy's own patterns, then first parties, then the catalogue by host,
 * then the catalogue's inline signatures.
 */

#include <stdlib.h>
#include <string.h>

#include "consent_policy_int.h"


/*
 * Pages of a site repeat their URLs request after request: what does not
 * depend on the page (the declared pattern's service, the host, its
 * catalogue entity, the policy's first_party) is remembered per URL in a
 * direct-mapped table, lazily allocated in each worker.
 */

#define CONSENT_CLASS_MEMO_SLOTS  1024
#define CONSENT_CLASS_MEMO_URL    184
#define CONSENT_CLASS_MEMO_HOST   64

typedef struct {
    uint32_t                hash;
    int32_t                 entity;         /* of the host, or -1 */
    int16_t                 service;        /* a declared pattern's, -1 */
    uint16_t                len;            /* 0: empty slot */
    uint8_t                 kind;           /* consent_host_kind_e */
    uint8_t                 host_len;
    uint8_t                 first_party;    /* in the policy's list */
    unsigned char           url[CONSENT_CLASS_MEMO_URL];
    unsigned char           host[CONSENT_CLASS_MEMO_HOST];
} consent_class_memo_slot_t;

struct consent_class_memo_s {
    consent_class_memo_slot_t  slots[CONSENT_CLASS_MEMO_SLOTS];
};


/* The page-independent facts of a host: catalogue entity, first_party. */
static void
consent_policy_host_facts(const consent_policy_t *policy,
    const consent_host_t *host, int *entity, int *first_party)
{
    *entity = -1;
    *first_party = 0;

    if (host->kind != CONSENT_HOST_NAME && host->kind != CONSENT_HOST_IPV4
        && host->kind != CONSENT_HOST_IPV6)
    {
        return;
    }

    *first_party = consent_domains_lookup(&policy->first_party, host->name,
                                          host->len)
                   >= 0;

    if (policy->catalogue != NULL) {
        *entity = consent_catalogue_lookup(policy->catalogue, host->name,
                                           host->len);
    }
}


/* The memo slot holding a URL (*hit), or where it goes; NULL: none. */
static consent_class_memo_slot_t *
consent_policy_class_memo(const consent_policy_t *policy,
    const unsigned char *url, size_t len, uint32_t *hash, int *hit)
{
    consent_class_memo_slot_t  *slot;

    *hit = 0;

    if (len == 0 || len > CONSENT_CLASS_MEMO_URL
        || policy->nservices > INT16_MAX)
    {
        return NULL;
    }

    if (policy->matcher->class_memo == NULL) {
        /* the memo is a cache, not part of the policy's meaning */
        policy->matcher->class_memo = calloc(1,
                                          sizeof(struct consent_class_memo_s));

        if (policy->matcher->class_memo == NULL) {
            return NULL;
        }
    }

    *hash = consent_memo_hash(url, len);
    slot = &policy->matcher->class_memo->slots[*hash
                                               % CONSENT_CLASS_MEMO_SLOTS];

    *hit = slot->len == len && slot->hash == *hash
           && memcmp(slot->url, url, len) == 0;

    return slot;
}


void
consent_policy_classify_url(const consent_policy_t *policy,
    const consent_site_t *site, const unsigned char *url, size_t len,
    consent_class_t *result)
{
    int                         hit, entity, first_party;
    uint32_t                    hash;
    consent_host_t             *host;
    consent_class_memo_slot_t  *slot;

    /* browsers strip leading and trailing C0 controls and spaces */
    while (len > 0 && url[0] <= 0x20) {
        url++;
        len--;
    }

    while (len > 0 && url[len - 1] <= 0x20) {
        len--;
    }

    host = &result->host;
    slot = consent_policy_class_memo(policy, url, len, &hash, &hit);

    if (hit && slot->host_len <= CONSENT_CLASS_MEMO_HOST) {
        result->service = slot->service;
        host->kind = (consent_host_kind_e) slot->kind;
        host->len = slot->host_len;
        memcpy(host->name, slot->host, host->len);
        host->name[host->len] = '\0';
        entity = slot->entity;
        first_party = slot->first_party;

    } else {
        result->service = consent_pattern_set_match(policy,
                                                    &policy->matcher->src_set,
                                                    url, len);
        consent_host_parse(url, len, NULL, host);
        consent_policy_host_facts(policy, host, &entity, &first_party);

        if (slot != NULL) {
            slot->hash = hash;
            slot->len = (uint16_t) len;
            memcpy(slot->url, url, len);
            slot->service = (int16_t) result->service;
            slot->kind = (uint8_t) host->kind;
            slot->host_len = (uint8_t) (host->len <= CONSENT_CLASS_MEMO_HOST
                                        ? host->len
                                        : CONSENT_CLASS_MEMO_HOST + 1);
            memcpy(slot->host, host->name,
                   host->len <= CONSENT_CLASS_MEMO_HOST ? host->len : 0);
            slot->entity = entity;
            slot->first_party = (uint8_t) first_party;
        }
    }

    result->entity = -1;

    /* a site's own declaration wins, even over first party */
    if (result->service >= 0) {
        result->kind = CONSENT_CLASS_SERVICE;
        result->entity = policy->services[result->service].entity;

        if (host->kind == CONSENT_HOST_RELATIVE && site != NULL) {
            consent_host_parse(url, len, &site->base, host);
        }

        return;
    }

    /* a relative URL under a <base href> of another host is that host's */
    if (host->kind == CONSENT_HOST_RELATIVE && site != NULL
        && site->base.kind != CONSENT_HOST_NONE
        && site->base.kind != CONSENT_HOST_RELATIVE)
    {
        *host = site->base;
        consent_policy_host_facts(policy, host, &entity, &first_party);
    }

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

    if (first_party || (site != NULL && consent_site_first_party(site, host)))
    {
        result->kind = CONSENT_CLASS_FIRST_PARTY;
        return;
    }

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


/* The search over an inline script's text for catalogue services. */
typedef struct {
    const consent_policy_t    *policy;
    consent_mask_t             granted;
    const consent_services_t  *services;
    int                        first;       /* service, or -1 */
    int                      entity;
} consent_inline_search_t;


/* A catalogue entity named by the text: 1 ends the search (denied). */
static int
consent_policy_inline_found(void *data, unsigned entity)
{
    int                       service, granted;
    consent_inline_search_t  *search;

    search = data;
    service = search->policy->entity_service[entity];

    if (service < 0) {
        return 0;
    }

    granted = consent_policy_service_granted(search->policy, search->granted,
                                             search->services,
                                             (unsigned) service);

    if (search->first < 0 || !granted) {
        search->first = service;
        search->entity = (int) entity;
    }

    return !granted;
}


void
consent_policy_classify_inline(const consent_policy_t *policy,
    const consent_site_t *site, const unsigned char *text, size_t len,
    consent_mask_t granted, const consent_services_t *services,
    consent_class_t *result)
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
    search.services = services;
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
        || consent_policy_service_granted(policy, granted, services,
                                          (unsigned) search.first))
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
