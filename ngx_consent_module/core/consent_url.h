#ifndef CONSENT_URL_H
#define CONSENT_URL_H

/*
 * URLs of attribute values put into the form the policy patterns are written
 * for, the way a browser's URL parser would read them: surrounding spaces
 * and controls stripped, tabs and newlines removed, scheme and host
 * lowercased, userinfo dropped, "\" read as "/" in special URLs, and
 * scheme-relative "//host/..." completed with "https:".
 */

#include <stddef.h>

/* Room out needs for an input of len bytes. */
#define CONSENT_URL_SIZE(len)  ((len) + 8)

/* Returns the length written into out (at least CONSENT_URL_SIZE(len)). */
size_t consent_url_normalize(const unsigned char *in, size_t len,
    unsigned char *out);

/*
 * The next URL of a srcset value from *pos: sets *url and returns its
 * length, or returns 0 at the end.
 */
size_t consent_srcset_next(const unsigned char *p, size_t len, size_t *pos,
    const unsigned char **url);

#endif /* CONSENT_URL_H */
