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

/* How long something is kept: a count of a unit, as people say it. */
typedef enum {
    CONSENT_DURATION_NONE = 0,      /* not given, or only as free text */
    CONSENT_DURATION_SESSION,       /* until the browser closes */
    CONSENT_DURATION_MINUTES,
    CONSENT_DURATION_HOURS,
    CONSENT_DURATION_DAYS,
    CONSENT_DURATION_WEEKS,
    CONSENT_DURATION_MONTHS,
    CONSENT_DURATION_YEARS
} consent_duration_unit_e;

typedef struct {
    unsigned        n;
    unsigned        unit;           /* consent_duration_unit_e */
} consent_duration_t;

typedef struct {
    const char     *name;          /* an anchored regex over cookie names */
    const char     *label;         /* the name as visitors read it ("_ga_*"),
                                      or NULL: derived from name */
    pcre2_code     *re;            /* NULL for the catalogue's exact
                                      names and prefixes: found by key */
    const char     *duration;      /* as written */
    consent_duration_t  retention; /* parsed; NONE: show duration as is */
    json_t         *purpose;       /* localized, or NULL */
} consent_cookie_decl_t;

/*
 * A duration: "session", ISO 8601 of one unit ("P2Y", "P13M", "P2W", "P90D",
 * "PT24H", "PT30M") or "N unit(s)" in English ("2 years"); -1 otherwise
 * (defined in consent_policy_notice.c).
 */
int consent_policy_duration(const char *text, consent_duration_t *d);

#endif /* CONSENT_COOKIE_DECL_H */
