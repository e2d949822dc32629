#ifndef CONSENT_CATALOGUE_INT_H
#define CONSENT_CATALOGUE_INT_H

/*
 * Between the catalogue loader (consent_catalogue.c) and the loader of its
 * cookie facts and purposes (consent_catalogue_cookies.c).
 */

#include "consent_catalogue.h"

/* Where a load error is reported: "NAME: what is wrong" into err. */
typedef struct {
    const char              *name;
    char                    *err;
    size_t                   errlen;
} consent_catalogue_ctx_t;

/* Writes the error line; returns -1. */
int consent_catalogue_error(consent_catalogue_ctx_t *ctx, const char *fmt,
    ...);

/* FNV-1a: the keys (hosts, cookie names) are short. */
uint32_t consent_catalogue_hash(const unsigned char *p, size_t len);

/*
 * Each entity's "purpose" and "cookies" of the parsed JSON (entities):
 * validated, copied out of the JSON (which is freed after loading), the
 * patterns compiled, the cookie keys built.  On failure -1 and one line in
 * err: "NAME: entities[3].cookies[1].pattern: what is wrong".
 */
int consent_catalogue_load_cookies(consent_catalogue_t *catalogue,
    json_t *entities, const char *name, char *err, size_t errlen);

void consent_catalogue_free_cookies(consent_catalogue_t *catalogue);

#endif /* CONSENT_CATALOGUE_INT_H */
