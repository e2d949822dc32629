#ifndef CONSENT_RENDER_LANG_H
#define CONSENT_RENDER_LANG_H

/*
 * The built-in wording of one language (consent_render_lang.c): key/text
 * pairs, and the three forms (one, few, other) of each duration unit with
 * the rule that picks one for a count.
 */

enum {
    CONSENT_PLURAL_ONE = 0,         /* 1 / other */
    CONSENT_PLURAL_ONE_UP_TO_1,     /* 0, 1 / other */
    CONSENT_PLURAL_SLAVIC,
    CONSENT_PLURAL_POLISH,
    CONSENT_PLURAL_CZECH,
    CONSENT_PLURAL_BALTIC,
    CONSENT_PLURAL_LATVIAN,
    CONSENT_PLURAL_ROMANIAN,
    CONSENT_PLURAL_ARABIC,
    CONSENT_PLURAL_IRISH,
    CONSENT_PLURAL_MALTESE,
    CONSENT_PLURAL_ICELANDIC
};

/* minutes, hours, days, weeks, months, years */
#define CONSENT_RENDER_UNITS  6

typedef struct {
    const char          *lang;
    const char          *alias;         /* another primary subtag, or NULL */
    const char          *alias2;
    unsigned             plural;
    const char          *units[CONSENT_RENDER_UNITS][3];
    const char *const   *texts;         /* key, text, ..., NULL */
} consent_render_language_t;

/* Every language shipped; the last entry has lang == NULL. */
extern const consent_render_language_t  consent_render_languages[];

#endif /* CONSENT_RENDER_LANG_H */
