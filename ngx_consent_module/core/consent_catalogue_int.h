#ifndef CONSENT_CATALOGUE_INT_H
#define CONSENT_CATALOGUE_INT_H

/*
 * Between the catalogue loader (consent_catalogue.c) and the loader of its
 * cookie facts and purposes (consent_catalogue_cookies.c).
 */

#include "consent_catalogue.h"

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
