#ifndef CONSENT_SERVICES_H
#define CONSENT_SERVICES_H

/*
 * The services a visitor granted one by one (besides whole categories): a
 * bounded set of 48-bit hashes of service ids, kept ascending and distinct
 * so that it has one encoding whatever the order of the grants, of the
 * policy's services or of the catalogue.
 */

#include <stddef.h>
#include <stdint.h>

#define CONSENT_SERVICES_MAX      32     /* more service grants: refused */
#define CONSENT_SERVICE_HASH_LEN  6      /* bytes of SHA-256(id) kept */

typedef struct {
    unsigned   n;
    uint64_t   hash[CONSENT_SERVICES_MAX];   /* ascending, distinct */
} consent_services_t;


/*
 * The first CONSENT_SERVICE_HASH_LEN bytes of SHA-256(id), big endian, as
 * an integer below 2^48.  0 or -1.
 */
int consent_service_hash(const char *id, size_t len, uint64_t *hash);

/* Add a hash: 1 added, 0 already there, -1 the set is full. */
int consent_services_add(consent_services_t *set, uint64_t hash);

/* 1 when the set holds hash (binary search). */
int consent_services_has(const consent_services_t *set, uint64_t hash);

/* Keep in set only what other holds too. */
void consent_services_intersect(consent_services_t *set,
    const consent_services_t *other);

#endif /* CONSENT_SERVICES_H */
