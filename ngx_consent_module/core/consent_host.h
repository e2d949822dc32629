#ifndef CONSENT_HOST_H
#define CONSENT_HOST_H

/*
 * The host a URL names, extracted as a browser's URL parser (WHATWG) does:
 * surrounding C0 controls and spaces stripped, tabs and newlines removed,
 * "\" read as "/" in special URLs, userinfo and port dropped, the host
 * percent-decoded, ASCII-lowercased, full-width letters, digits and dots
 * mapped to ASCII, a trailing dot removed, IPv4 written in dotted decimal.
 * Only the host is computed: the rest of the URL is not rewritten.
 */

#include <stddef.h>

/* Longer hosts are INVALID (DNS allows 253 bytes). */
#define CONSENT_HOST_MAX  255

typedef enum {
    /*
     * The URL names no network host: an empty URL (the document itself),
     * or a scheme that fetches nothing from a third party (data:,
     * javascript:, about:, blob:, mailto:, file: and every other
     * non-special scheme).
     */
    CONSENT_HOST_NONE = 0,
    CONSENT_HOST_RELATIVE,      /* a relative URL without a base host: the
                                   document's own host */
    CONSENT_HOST_NAME,          /* a domain name: name holds it */
    CONSENT_HOST_IPV4,          /* name holds the dotted decimal form */
    CONSENT_HOST_IPV6,          /* name holds "[...]" lowercased */
    /*
     * A host a browser may reach but this parser cannot name: forbidden
     * code points, an empty host of http(s), an unparsable port or IPv4,
     * non-ASCII that needs full IDNA.  Never first party.
     */
    CONSENT_HOST_INVALID
} consent_host_kind_e;

typedef struct {
    consent_host_kind_e   kind;
    size_t                len;
    unsigned char         name[CONSENT_HOST_MAX + 1];   /* NUL-terminated */
} consent_host_t;


/*
 * The host of url.  A relative URL ("/a.js", "a.js", "?q") takes the host
 * of base when base is not NULL and names a host; otherwise it is
 * RELATIVE.
 */
void consent_host_parse(const unsigned char *url, size_t len,
    const consent_host_t *base, consent_host_t *host);

/*
 * A host given alone (a Host header, a policy's first_party entry): the
 * same rules as the host part of a URL; a port is dropped.
 */
void consent_host_parse_name(const unsigned char *name, size_t len,
    consent_host_t *host);

#endif /* CONSENT_HOST_H */
