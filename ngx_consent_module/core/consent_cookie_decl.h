#ifndef CONSENT_COOKIE_DECL_H
#define CONSENT_COOKIE_DECL_H

/*
 * A cookie a service sets, as the banner and the policy page declare it
 * and consent_strip_cookies recognises it: declared by a policy, or from
 * the catalogue's cookie facts (the Open Cookie Database).
 */

#include <jansson.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

typedef struct {
    const char     *name;          /* an anchored regex over cookie names */
    const char     *display;       /* what visitors read ("_ga_*"), or
                                      NULL: derived from name */
    pcre2_code     *re;            /* NULL for the catalogue's exact
                                      names and prefixes: found by key */
    const char     *duration;
    json_t         *purpose;       /* localized, or NULL */
} consent_cookie_decl_t;

#endif /* CONSENT_COOKIE_DECL_H */
