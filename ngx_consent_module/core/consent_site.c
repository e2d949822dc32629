/*
 * First party by registrable domain (see consent_site.h).  libpsl's built-in
 * list is compiled into the library: no file is read at run time and the
 * context is shared read-only.
 */

#include <string.h>
#include <libpsl.h>

#include "consent_site.h"


void
consent_site_init(consent_site_t *site, const unsigned char *host,
    size_t len)
{
    const char  *reg;

    memset(site, 0, sizeof(consent_site_t));

    consent_host_parse_name(host, len, &site->page);

    if (site->page.kind != CONSENT_HOST_NAME) {
        return;
    }

    /* NULL for a public suffix itself or a single label ("localhost") */
    reg = psl_registrable_domain(psl_builtin(),
                                 (const char *) site->page.name);

    if (reg != NULL) {
        site->registrable_len = strlen(reg);
        memcpy(site->registrable, reg, site->registrable_len + 1);
    }
}


void
consent_site_set_base(consent_site_t *site, const unsigned char *href,
    size_t len)
{
    consent_host_parse(href, len, NULL, &site->base);
}


int
consent_site_first_party(const consent_site_t *site,
    const consent_host_t *host)
{
    size_t       n, r;
    const char  *reg;

    if (host->kind == CONSENT_HOST_RELATIVE) {
        return 1;
    }

    if (host->kind == CONSENT_HOST_NONE || host->kind == CONSENT_HOST_INVALID
        || site->page.kind == CONSENT_HOST_NONE
        || site->page.kind == CONSENT_HOST_INVALID)
    {
        return 0;
    }

    if (host->len == site->page.len
        && memcmp(host->name, site->page.name, host->len) == 0)
    {
        return 1;
    }

    n = host->len;
    r = site->registrable_len;

    if (host->kind != CONSENT_HOST_NAME || r == 0 || n < r
        || memcmp(host->name + n - r, site->registrable, r) != 0
        || (n > r && host->name[n - r - 1] != '.'))
    {
        return 0;
    }

    /* under it, unless a private suffix ("s3.amazonaws.com") splits it */
    reg = psl_registrable_domain(psl_builtin(), (const char *) host->name);

    return reg != NULL && strlen(reg) == r && memcmp(reg, site->registrable,
                                                     r) == 0;
}
