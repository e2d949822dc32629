/*
 * Lookups in a loaded policy: categories by id, localized strings and the
 * visitor's language from Accept-Language.
 */

#include <string.h>
#include <strings.h>

#include "consent_policy.h"

/* The longest Accept-Language range considered ("zh-Hant-TW" and kin). */
#define CONSENT_LANGUAGE_MAX  35


int
consent_policy_category(const consent_policy_t *policy, const char *id,
    size_t len)
{
    size_t  i;

    /* memcmp, not strncmp: an id may hold a NUL (a form's "%00") */
    for (i = 0; i < policy->ncategories; i++) {
        if (strlen(policy->categories[i].id) == len
            && memcmp(policy->categories[i].id, id, len) == 0)
        {
            return (int) i;
        }
    }

    return -1;
}


const char *
consent_policy_localized(const consent_policy_t *policy,
    const json_t *localized, const char *lang)
{
    json_t  *text;

    if (localized == NULL) {
        return "";
    }

    text = (lang != NULL) ? json_object_get(localized, lang) : NULL;

    if (!json_is_string(text)) {
        text = json_object_get(localized, policy->default_language);
    }

    return json_is_string(text) ? json_string_value(text) : "";
}


const char *
consent_policy_text(const consent_policy_t *policy, const char *lang,
    const char *key)
{
    json_t  *texts, *text;

    texts = (lang != NULL) ? json_object_get(policy->texts, lang) : NULL;
    text = json_object_get(texts, key);

    if (!json_is_string(text)) {
        texts = json_object_get(policy->texts, policy->default_language);
        text = json_object_get(texts, key);
    }

    return json_is_string(text) ? json_string_value(text) : "";
}


/* Primary subtags read as another language the policy may have. */
static const char  *consent_policy_language_aliases[][2] = {
    { "nb", "no" }, { "nn", "no" }, { "iw", "he" }, { NULL, NULL }
};


/* The policy language for one range: exact, else same primary subtag. */
static const char *
consent_policy_language_for(const consent_policy_t *policy,
    const char *range, size_t len)
{
    size_t       i, primary;
    const char  *lang, *dash;

    if (len == 1 && range[0] == '*') {
        return policy->languages[0];
    }

    for (i = 0; i < policy->nlanguages; i++) {
        lang = policy->languages[i];

        if (strlen(lang) == len && strncasecmp(lang, range, len) == 0) {
            return lang;
        }
    }

    dash = memchr(range, '-', len);
    primary = (dash != NULL) ? (size_t) (dash - range) : len;

    /* "de-AT" prefers "de" to "de-CH" */
    for (i = 0; i < policy->nlanguages; i++) {
        lang = policy->languages[i];

        if (strlen(lang) == primary
            && strncasecmp(lang, range, primary) == 0)
        {
            return lang;
        }
    }

    for (i = 0; i < policy->nlanguages; i++) {
        lang = policy->languages[i];

        /* the length first: a NUL in range ends strncasecmp early */
        if (strlen(lang) > primary && lang[primary] == '-'
            && strncasecmp(lang, range, primary) == 0)
        {
            return lang;
        }
    }

    /* Bokmål and Nynorsk read Norwegian; "iw" is Hebrew's old code */
    for (i = 0; consent_policy_language_aliases[i][0]; i++) {
        if (primary == 2
            && strncasecmp(range, consent_policy_language_aliases[i][0], 2)
               == 0)
        {
            return consent_policy_language_for(policy,
                consent_policy_language_aliases[i][1], 2);
        }
    }

    return NULL;
}


/* A qvalue in thousandths: "0", "0.5", "1", "1.000"; -1 when malformed. */
static int
consent_policy_qvalue(const char *p, const char *end)
{
    int     q, scale;

    if (p >= end || (*p != '0' && *p != '1')) {
        return -1;
    }

    q = (*p++ - '0') * 1000;

    if (p < end && *p == '.') {
        p++;

        for (scale = 100; p < end && *p >= '0' && *p <= '9' && scale > 0;
             scale /= 10)
        {
            q += (*p++ - '0') * scale;
        }
    }

    while (p < end && (*p == ' ' || *p == '\t')) {
        p++;
    }

    if (p != end || q > 1000) {
        return -1;
    }

    return q;
}


const char *
consent_policy_language(const consent_policy_t *policy,
    const char *accept_language, size_t len)
{
    int          q, best_q;
    const char  *p, *end, *range, *range_end, *param, *param_end, *lang;
    const char  *best;

    best = NULL;
    best_q = 0;
    p = accept_language;
    end = (p != NULL) ? p + len : p;

    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == ',')) {
            p++;
        }

        range = p;

        while (p < end && *p != ',' && *p != ';' && *p != ' '
               && *p != '\t')
        {
            p++;
        }

        range_end = p;
        q = 1000;

        /* parameters up to the next comma: only q matters */
        while (p < end && *p != ',') {
            if (*p != ';') {
                p++;
                continue;
            }

            for (p++; p < end && (*p == ' ' || *p == '\t'); p++) {
                /* void */
            }

            param = p;

            while (p < end && *p != ',' && *p != ';') {
                p++;
            }

            param_end = p;

            if (param_end - param >= 2 && (param[0] == 'q' || param[0] == 'Q')
                && param[1] == '=')
            {
                q = consent_policy_qvalue(param + 2, param_end);
            }
        }

        if (range == range_end || range_end - range > CONSENT_LANGUAGE_MAX
            || q <= best_q)
        {
            continue;
        }

        lang = consent_policy_language_for(policy, range,
                                           (size_t) (range_end - range));
        if (lang != NULL) {
            best = lang;
            best_q = q;
        }
    }

    return (best != NULL) ? best : policy->languages[0];
}
