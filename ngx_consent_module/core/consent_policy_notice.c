/*
 * The parts of a policy only the privacy notice uses: the look of the UI
 * ("theme"), the operator's own paragraphs ("sections"), how long audit
 * records are kept ("audit_retention"), the supervisory authority, and
 * durations read as a count of a unit so that pages can say them in the
 * visitor's language.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "consent_policy_int.h"


static const char  *consent_policy_themes[] = {
    "auto", "light", "dark", NULL
};

static const char  *consent_policy_section_keys[] = {
    "title", "body", NULL
};

static const char  *consent_policy_authority_keys[] = {
    "name", "url", NULL
};

/* English unit names ("2 years", "1 day") of the units after SESSION. */
static const char  *consent_policy_unit_names[] = {
    "minute", "hour", "day", "week", "month", "year", NULL
};


static int consent_policy_check_sections(consent_policy_ctx_t *ctx,
    json_t *root);
static int consent_policy_check_authority(consent_policy_ctx_t *ctx);


int
consent_policy_check_notice(consent_policy_ctx_t *ctx, json_t *root)
{
    size_t   i;
    json_t  *value;

    ctx->policy->theme = "auto";
    value = json_object_get(root, "theme");

    if (value) {
        consent_policy_push_key(ctx, "theme");

        for (i = 0; consent_policy_themes[i]; i++) {
            if (json_is_string(value)
                && strcmp(json_string_value(value), consent_policy_themes[i])
                   == 0)
            {
                ctx->policy->theme = consent_policy_themes[i];
                break;
            }
        }

        if (consent_policy_themes[i] == NULL) {
            return consent_policy_error(ctx, "must be \"auto\" (follows the "
                                        "visitor's system), \"light\" or "
                                        "\"dark\"");
        }

        consent_policy_pop(ctx);
    }

    value = json_object_get(root, "audit_retention");

    if (value) {
        consent_policy_push_key(ctx, "audit_retention");

        if (!json_is_string(value)
            || consent_policy_duration(json_string_value(value),
                                       &ctx->policy->audit_retention)
               != 0
            || ctx->policy->audit_retention.unit == CONSENT_DURATION_SESSION)
        {
            return consent_policy_error(ctx, "must be a duration such as "
                                        "\"P3Y\" or \"3 years\"");
        }

        consent_policy_pop(ctx);
    }

    if (consent_policy_check_authority(ctx) != 0) {
        return -1;
    }

    return consent_policy_check_sections(ctx, root);
}


static int
consent_policy_check_sections(consent_policy_ctx_t *ctx, json_t *root)
{
    size_t   i;
    json_t  *sections, *section, *localized;

    sections = json_object_get(root, "sections");
    if (sections == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, "sections");

    if (!json_is_array(sections)) {
        return consent_policy_error(ctx, "must be an array of {\"title\": "
                                    "{...}, \"body\": {...}} objects");
    }

    json_array_foreach(sections, i, section) {
        consent_policy_push_index(ctx, i);

        if (!json_is_object(section)) {
            return consent_policy_error(ctx, "must be an object with "
                                        "\"title\" and \"body\"");
        }

        if (consent_policy_check_keys(ctx, section,
                                      consent_policy_section_keys)
            != 0
            || consent_policy_check_localized(ctx, section, "title", 1,
                                              &localized)
               != 0
            || consent_policy_check_localized(ctx, section, "body", 1,
                                              &localized)
               != 0)
        {
            return -1;
        }

        consent_policy_pop(ctx);
    }

    consent_policy_pop(ctx);
    ctx->policy->sections = sections;

    return 0;
}


static int
consent_policy_check_authority(consent_policy_ctx_t *ctx)
{
    size_t       i;
    json_t      *authority, *value;
    const char  *url;

    authority = json_object_get(ctx->policy->controller,
                                "supervisory_authority");
    if (authority == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, "controller");
    consent_policy_push_key(ctx, "supervisory_authority");

    if (!json_is_object(authority)
        || !json_is_string(json_object_get(authority, "name")))
    {
        return consent_policy_error(ctx, "must be {\"name\": \"...\", "
                                    "\"url\": \"https://...\"}");
    }

    if (consent_policy_check_keys(ctx, authority,
                                  consent_policy_authority_keys)
        != 0)
    {
        return -1;
    }

    for (i = 0; consent_policy_authority_keys[i]; i++) {
        value = json_object_get(authority, consent_policy_authority_keys[i]);

        if (value && !json_is_string(value)) {
            consent_policy_push_key(ctx, consent_policy_authority_keys[i]);
            return consent_policy_error(ctx, "must be a string");
        }
    }

    url = json_string_value(json_object_get(authority, "url"));

    if (url && strncmp(url, "https://", 8) != 0
        && strncmp(url, "http://", 7) != 0)
    {
        consent_policy_push_key(ctx, "url");
        return consent_policy_error(ctx, "must be an absolute http(s) URL");
    }

    consent_policy_pop(ctx);
    consent_policy_pop(ctx);

    return 0;
}


int
consent_policy_duration(const char *text, consent_duration_t *d)
{
    char           *end;
    size_t          i, len;
    unsigned long   n;

    d->n = 0;
    d->unit = CONSENT_DURATION_NONE;

    if (strcasecmp(text, "session") == 0) {
        d->unit = CONSENT_DURATION_SESSION;
        return 0;
    }

    if (text[0] == 'P') {
        /* ISO 8601 with one unit: P<n>Y, P<n>M, P<n>W, P<n>D, PT<n>H|M */
        i = (text[1] == 'T') ? 2 : 1;

        if (text[i] < '0' || text[i] > '9') {
            return -1;
        }

        n = strtoul(text + i, &end, 10);
        if (n == 0 || n > 100000 || end[0] == '\0' || end[1] != '\0') {
            return -1;
        }

        d->n = (unsigned) n;

        switch (i == 2 ? end[0] | 0x100 : end[0]) {
        case 'Y': d->unit = CONSENT_DURATION_YEARS; return 0;
        case 'M': d->unit = CONSENT_DURATION_MONTHS; return 0;
        case 'W': d->unit = CONSENT_DURATION_WEEKS; return 0;
        case 'D': d->unit = CONSENT_DURATION_DAYS; return 0;
        case 'H' | 0x100: d->unit = CONSENT_DURATION_HOURS; return 0;
        case 'M' | 0x100: d->unit = CONSENT_DURATION_MINUTES; return 0;
        default: d->n = 0; return -1;
        }
    }

    if (text[0] < '0' || text[0] > '9') {
        return -1;
    }

    n = strtoul(text, &end, 10);
    if (n == 0 || n > 100000 || *end != ' ') {
        return -1;
    }

    end++;

    for (i = 0; consent_policy_unit_names[i]; i++) {
        len = strlen(consent_policy_unit_names[i]);

        if (strncasecmp(end, consent_policy_unit_names[i], len) == 0
            && (end[len] == '\0'
                || ((end[len] == 's' || end[len] == 'S')
                    && end[len + 1] == '\0')))
        {
            d->n = (unsigned) n;
            d->unit = CONSENT_DURATION_MINUTES + (unsigned) i;
            return 0;
        }
    }

    return -1;
}
