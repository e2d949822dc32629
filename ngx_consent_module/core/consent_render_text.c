/*
 * The UI's own wording: every label and sentence of the banner, the
 * preferences, the placeholders and the privacy notice that a policy may
 * leave out, written for ngx_consent in each language it ships (the 24
 * official EU languages, Norwegian, Icelandic, Arabic and Hebrew), and the
 * units of durations with their plural forms.  A policy's "texts" win.
 */

#include <stdio.h>
#include <string.h>

#include "consent_render_int.h"
#include "consent_render_lang.h"


static const consent_render_language_t *consent_render_language(
    const char *lang);
static const char *consent_render_builtin(const char *lang, const char *key);
static const char *consent_render_own(const consent_policy_t *policy,
    const char *lang, const char *key);
static unsigned consent_render_plural(unsigned rule, unsigned n);


static const consent_render_language_t *
consent_render_language(const char *lang)
{
    size_t                            len;
    const consent_render_language_t  *l;

    if (lang == NULL) {
        return NULL;
    }

    /* "de-AT" reads as "de"; "nb" and "nn" as Norwegian */
    len = strcspn(lang, "-_");

    for (l = consent_render_languages; l->lang; l++) {
        if ((strlen(l->lang) == len && strncmp(l->lang, lang, len) == 0)
            || (l->alias && strlen(l->alias) == len
                && strncmp(l->alias, lang, len) == 0)
            || (l->alias2 && strlen(l->alias2) == len
                && strncmp(l->alias2, lang, len) == 0))
        {
            return l;
        }
    }

    return NULL;
}


static const char *
consent_render_builtin(const char *lang, const char *key)
{
    const char *const                *t;
    const consent_render_language_t  *l;

    l = consent_render_language(lang);
    if (l == NULL) {
        return NULL;
    }

    for (t = l->texts; t[0]; t += 2) {
        if (strcmp(t[0], key) == 0) {
            return t[1];
        }
    }

    return NULL;
}


/* The policy's text in exactly this language, or NULL. */
static const char *
consent_render_own(const consent_policy_t *policy, const char *lang,
    const char *key)
{
    json_t  *text;

    text = json_object_get(json_object_get(policy->texts, lang), key);

    return json_is_string(text) ? json_string_value(text) : NULL;
}


const char *
consent_render_text(const consent_policy_t *policy, const char *lang,
    const char *key)
{
    const char  *text;

    /* the visitor's language first, the policy's own wording first */
    text = consent_render_own(policy, lang, key);

    if (text == NULL) {
        text = consent_render_builtin(lang, key);
    }

    if (text == NULL) {
        text = consent_render_own(policy, policy->default_language, key);
    }

    if (text == NULL) {
        text = consent_render_builtin(policy->default_language, key);
    }

    if (text == NULL) {
        text = consent_render_builtin("en", key);
    }

    return text ? text : "";
}


void
consent_render_duration(const char *lang, consent_duration_t d, char *out,
    size_t size)
{
    const char                       *unit;
    const consent_render_language_t  *l;

    l = consent_render_language(lang);
    if (l == NULL) {
        l = consent_render_language("en");
    }

    if (d.unit == CONSENT_DURATION_NONE) {
        out[0] = '\0';
        return;
    }

    if (d.unit == CONSENT_DURATION_SESSION) {
        snprintf(out, size, "%s", consent_render_builtin(l->lang, "session"));
        return;
    }

    unit = l->units[d.unit - CONSENT_DURATION_MINUTES]
                   [consent_render_plural(l->plural, d.n)];

    if (unit == NULL) {
        /* a language without a separate "few" form */
        unit = l->units[d.unit - CONSENT_DURATION_MINUTES][2];
    }

    /* a number then its unit, in every language shipped */
    snprintf(out, size, "%u\xc2\xa0%s", d.n, unit);
}


consent_duration_t
consent_render_seconds(uint64_t seconds)
{
    consent_duration_t  d;

    if (seconds >= 365 * 86400 && seconds % (365 * 86400) == 0) {
        d.n = (unsigned) (seconds / (365 * 86400));
        d.unit = CONSENT_DURATION_YEARS;

    } else if (seconds >= 86400 && seconds % 86400 == 0) {
        d.n = (unsigned) (seconds / 86400);
        d.unit = CONSENT_DURATION_DAYS;

    } else if (seconds >= 3600 && seconds % 3600 == 0) {
        d.n = (unsigned) (seconds / 3600);
        d.unit = CONSENT_DURATION_HOURS;

    } else {
        d.n = (unsigned) ((seconds + 59) / 60);
        d.unit = CONSENT_DURATION_MINUTES;
    }

    return d;
}


/* Which of a unit's three forms (one, few, other) a count takes. */
static unsigned
consent_render_plural(unsigned rule, unsigned n)
{
    unsigned  n10, n100;

    n10 = n % 10;
    n100 = n % 100;

    switch (rule) {

    case CONSENT_PLURAL_ONE_UP_TO_1:    /* fr, pt */
        return n <= 1 ? 0 : 2;

    case CONSENT_PLURAL_SLAVIC:         /* hr, pl-like: 1 / 2-4 / other */
        if (n10 == 1 && n100 != 11) {
            return 0;
        }
        return (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) ? 1 : 2;

    case CONSENT_PLURAL_POLISH:         /* 1 / 2-4 (not 12-14) / other */
        if (n == 1) {
            return 0;
        }
        return (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) ? 1 : 2;

    case CONSENT_PLURAL_CZECH:          /* cs, sk: 1 / 2-4 / other */
        return n == 1 ? 0 : (n >= 2 && n <= 4) ? 1 : 2;

    case CONSENT_PLURAL_BALTIC:         /* lt: 1 (not 11) / 2-9 / other */
        if (n10 == 1 && n100 != 11) {
            return 0;
        }
        return (n10 >= 2 && (n100 < 11 || n100 > 19)) ? 1 : 2;

    case CONSENT_PLURAL_LATVIAN:        /* 1 (not 11) / other / 0 */
        return (n10 == 1 && n100 != 11) ? 0 : 2;

    case CONSENT_PLURAL_ROMANIAN:       /* 1 / 2-19 / 20+ ("de") */
        return n == 1 ? 0 : (n100 >= 1 && n100 <= 19) ? 1 : 2;

    case CONSENT_PLURAL_ARABIC:         /* 1 / 3-10 / other (and 2) */
        return n == 1 ? 0 : (n100 >= 3 && n100 <= 10) ? 1 : 2;

    case CONSENT_PLURAL_IRISH:          /* 1 / 2-10 / other */
        return n == 1 ? 0 : (n >= 2 && n <= 10) ? 1 : 2;

    case CONSENT_PLURAL_MALTESE:        /* 1 / 2-10 / other */
        return n == 1 ? 0 : (n100 >= 2 && n100 <= 10) ? 1 : 2;

    case CONSENT_PLURAL_ICELANDIC:      /* ends in 1 (not 11) / other */
        return (n10 == 1 && n100 != 11) ? 0 : 2;

    default:                            /* one / other */
        return n == 1 ? 0 : 2;
    }
}
