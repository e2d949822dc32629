/*
 * The set of single-service grants (see consent_services.h).
 */

#include <string.h>

#include <openssl/sha.h>

#include "consent_services.h"


int
consent_service_hash(const char *id, size_t len, uint64_t *hash)
{
    size_t         i;
    uint64_t       v;
    unsigned char  digest[SHA256_DIGEST_LENGTH];

    if (SHA256((const unsigned char *) id, len, digest) == NULL) {
        return -1;
    }

    v = 0;
    for (i = 0; i < CONSENT_SERVICE_HASH_LEN; i++) {
        v = v << 8 | digest[i];
    }

    *hash = v;

    return 0;
}


int
consent_services_add(consent_services_t *set, uint64_t hash)
{
    unsigned  i;

    for (i = 0; i < set->n && set->hash[i] < hash; i++) {
        /* void */
    }

    if (i < set->n && set->hash[i] == hash) {
        return 0;
    }

    if (set->n == CONSENT_SERVICES_MAX) {
        return -1;
    }

    memmove(&set->hash[i + 1], &set->hash[i],
            (set->n - i) * sizeof(uint64_t));
    set->hash[i] = hash;
    set->n++;

    return 1;
}


int
consent_services_has(const consent_services_t *set, uint64_t hash)
{
    unsigned  lo, hi, mid;

    lo = 0;
    hi = set->n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;

        if (set->hash[mid] == hash) {
            return 1;
        }

        if (set->hash[mid] < hash) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    return 0;
}


void
consent_services_intersect(consent_services_t *set,
    const consent_services_t *other)
{
    unsigned  i, n;

    for (i = 0, n = 0; i < set->n; i++) {
        if (consent_services_has(other, set->hash[i])) {
            set->hash[n++] = set->hash[i];
        }
    }

    set->n = n;
}
