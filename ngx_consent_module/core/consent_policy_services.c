/*
 * The policy's services by id: lookup for the endpoint and the variables,
 * the hashes single-service grants are kept as, and the granted check of
 * the rewriter.
 */

#include <stdlib.h>
#include <string.h>

#include "consent_policy_int.h"


static int consent_policy_hash_cmp(const void *a, const void *b);


int
consent_policy_hash_services(consent_policy_ctx_t *ctx)
{
    size_t             i, k;
    uint64_t          *sorted, shared;
    consent_policy_t  *policy;

    policy = ctx->policy;

    if (policy->nservices == 0) {
        return 0;
    }

    sorted = malloc(policy->nservices * sizeof(uint64_t));
    if (sorted == NULL) {
        return consent_policy_no_memory(ctx);
    }

    for (i = 0; i < policy->nservices; i++) {
        if (consent_service_hash(policy->services[i].id,
                                 strlen(policy->services[i].id),
                                 &policy->services[i].hash)
            != 0)
        {
            free(sorted);
            return consent_policy_no_memory(ctx);
        }

        sorted[i] = policy->services[i].hash;
    }

    qsort(sorted, policy->nservices, sizeof(uint64_t),
          consent_policy_hash_cmp);

    for (i = 1; i < policy->nservices && sorted[i] != sorted[i - 1]; i++) {
        /* void */
    }

    if (i == policy->nservices) {
        free(sorted);
        return 0;
    }

    shared = sorted[i];
    free(sorted);

    for (i = 0; policy->services[i].hash != shared; i++) {
        /* void */
    }

    for (k = i + 1; policy->services[k].hash != shared; k++) {
        /* void */
    }

    return consent_policy_error(ctx, "services \"%s\" and \"%s\" share the "
                                "48-bit hash that cookies grant them by: "
                                "rename one", policy->services[i].id,
                                policy->services[k].id);
}


int
consent_policy_service(const consent_policy_t *policy, const char *id,
    size_t len)
{
    size_t  i;

    /* memcmp, not strncmp: an id may hold a NUL (a form's "%00") */
    for (i = 0; i < policy->nservices; i++) {
        if (strlen(policy->services[i].id) == len
            && memcmp(policy->services[i].id, id, len) == 0)
        {
            return (int) i;
        }
    }

    return -1;
}


int
consent_policy_service_by_name(const consent_policy_t *policy,
    const char *name, size_t len)
{
    char         c;
    size_t       i, k;
    const char  *id;

    for (i = 0; i < policy->nservices; i++) {
        id = policy->services[i].id;

        for (k = 0; k < len && id[k] != '\0'; k++) {
            c = (id[k] == '-' || id[k] == '.') ? '_' : id[k];
            if (c != name[k]) {
                break;
            }
        }

        if (k == len && id[k] == '\0') {
            return (int) i;
        }
    }

    return -1;
}


int
consent_policy_service_granted(const consent_policy_t *policy,
    consent_mask_t granted, const consent_services_t *services,
    unsigned service)
{
    const consent_service_t  *svc;

    svc = &policy->services[service];

    if (granted & ((consent_mask_t) 1 << svc->category)) {
        return 1;
    }

    return services != NULL && services->n != 0
           && consent_services_has(services, svc->hash);
}


static int
consent_policy_hash_cmp(const void *a, const void *b)
{
    uint64_t  x, y;

    x = *(const uint64_t *) a;
    y = *(const uint64_t *) b;

    return (x > y) - (x < y);
}
