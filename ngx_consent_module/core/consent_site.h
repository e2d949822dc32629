#ifndef CONSENT_SITE_H
#define CONSENT_SITE_H

/*
 * The page a response belongs to, for telling first parties from third
 * parties: the request's host, its registrable domain (eTLD+1 by the Public
 * Suffix List, libpsl's built-in copy) and the host of the page's
 * <base href>, which relative URLs resolve against.
 */

#include <stddef.h>
#include "consent_host.h"

typedef struct {
    consent_host_t          page;       /* NONE: unknown (no Host) */
    unsigned char           registrable[CONSENT_HOST_MAX + 1];
    size_t                  registrable_len;    /* 0: the page host only */
    consent_host_t          base;       /* NONE: relative URLs are the
                                           page's own */
} consent_site_t;


/* The site of a page served for that Host (a port is ignored). */
void consent_site_init(consent_site_t *site, const unsigned char *host,
    size_t len);

/*
 * A <base href> value: relative URLs now resolve against its host (a
 * relative base keeps the page's host).
 */
void consent_site_set_base(consent_site_t *site, const unsigned char *href,
    size_t len);

/*
 * Is a host (consent_host_parse()'s) the site's own: RELATIVE, the page
 * host, or a host of the same registrable domain?  INVALID and NONE are
 * not.
 */
int consent_site_first_party(const consent_site_t *site,
    const consent_host_t *host);

#endif /* CONSENT_SITE_H */
