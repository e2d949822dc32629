/*
 * Region codes, groups of regions and the consent mode each gets (see
 * consent_region.h; the legal sources of the built-in groups are in
 * docs/regions.md).
 */

#include <stdlib.h>
#include <string.h>

#include "consent_region.h"


#define consent_nelts(a)  (sizeof(a) / sizeof((a)[0]))


/* EU member states (with the outermost regions that have codes of their
   own), the other EEA states, and Switzerland. */
static const char *const  consent_region_eea[] = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
    "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK",
    "SI", "ES", "SE", "GF", "GP", "MQ", "RE", "YT", "MF",
    "IS", "LI", "NO",
    "CH"
};

static const char *const  consent_region_uk[] = { "GB" };

/* US states whose comprehensive privacy laws give a right to opt out of
   sale, sharing and targeted advertising, in force by 2026. */
static const char *const  consent_region_us[] = {
    "US-CA", "US-CO", "US-CT", "US-DE", "US-IA", "US-IN", "US-KY", "US-MD",
    "US-MN", "US-MT", "US-NE", "US-NH", "US-NJ", "US-OR", "US-RI", "US-TN",
    "US-TX", "US-UT", "US-VA"
};

static const consent_region_group_t  consent_region_builtins[] = {
    { "eea", CONSENT_MODE_OPT_IN, 0, consent_region_eea,
      consent_nelts(consent_region_eea) },
    { "uk", CONSENT_MODE_OPT_IN, 0, consent_region_uk,
      consent_nelts(consent_region_uk) },
    { "us-opt-out", CONSENT_MODE_OPT_OUT, 0, consent_region_us,
      consent_nelts(consent_region_us) }
};

static const char *const  consent_mode_names[] = {
    [CONSENT_MODE_OPT_IN] = "opt-in",
    [CONSENT_MODE_OPT_OUT] = "opt-out",
    [CONSENT_MODE_NOTICE] = "notice",
    [CONSENT_MODE_NONE] = "none"
};


const char *
consent_mode_name(consent_mode_t mode)
{
    return (unsigned) mode <= CONSENT_MODE_MAX ? consent_mode_names[mode]
                                               : "opt-in";
}


int
consent_mode_parse(const char *name, size_t len, consent_mode_t *mode)
{
    unsigned  i;

    for (i = 0; i <= CONSENT_MODE_MAX; i++) {
        if (strlen(consent_mode_names[i]) == len
            && memcmp(consent_mode_names[i], name, len) == 0)
        {
            *mode = (consent_mode_t) i;
            return 0;
        }
    }

    return -1;
}


static int
consent_region_alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}


int
consent_region_normalize(const char *in, size_t len,
    char out[CONSENT_REGION_LEN])
{
    char    c;
    size_t  i, n;

    out[0] = '\0';

    while (len > 0 && (in[0] == ' ' || in[0] == '\t')) {
        in++;
        len--;
    }

    while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t')) {
        len--;
    }

    /* "DE-": a map of country and subdivision where the latter is unknown */
    if (len == 3 && in[2] == '-') {
        len = 2;
    }

    if (len != 2 && (len < 4 || len > CONSENT_REGION_LEN - 1)) {
        return 0;
    }

    for (i = 0, n = 0; i < len; i++) {
        c = in[i];

        if (c >= 'a' && c <= 'z') {
            c = (char) (c - 'a' + 'A');
        }

        if (i == 2 ? c != '-'
            : i < 2 ? !(c >= 'A' && c <= 'Z') : !consent_region_alnum(c))
        {
            out[0] = '\0';
            return 0;
        }

        out[n++] = c;
    }

    out[n] = '\0';

    /* ISO 3166 says GB; some sources say UK */
    if (out[0] == 'U' && out[1] == 'K') {
        out[0] = 'G';
        out[1] = 'B';
    }

    return 1;
}


int
consent_region_valid_match(const char *s)
{
    char    canonical[CONSENT_REGION_LEN];
    size_t  len;

    if (strcmp(s, "*") == 0) {
        return 1;
    }

    len = strlen(s);

    /* only the canonical spelling: a list is read as written */
    return consent_region_normalize(s, len, canonical)
           && strcmp(canonical, s) == 0;
}


static const consent_region_group_t *
consent_region_find(const consent_regions_t *regions, const char *code,
    size_t len)
{
    size_t                         g, m;
    const consent_region_group_t  *group;

    for (g = 0; g < regions->ngroups; g++) {
        group = &regions->groups[g];

        for (m = 0; m < group->nmatch; m++) {
            if (strlen(group->match[m]) == len
                && memcmp(group->match[m], code, len) == 0)
            {
                return group;
            }
        }
    }

    return NULL;
}


const consent_region_group_t *
consent_region_group(const consent_regions_t *regions, const char *code)
{
    size_t                         len;
    const consent_region_group_t  *group;

    len = strlen(code);
    if (len == 0) {
        return NULL;
    }

    group = consent_region_find(regions, code, len);

    if (group == NULL && len > 2) {
        group = consent_region_find(regions, code, 2);
    }

    if (group == NULL) {
        group = consent_region_find(regions, "*", 1);
    }

    return group;
}


consent_mode_t
consent_region_mode(const consent_regions_t *regions, const char *code,
    uint32_t *objection)
{
    const consent_region_group_t  *group;

    group = consent_region_group(regions, code);

    *objection = group ? group->objection : 0;

    return group ? group->mode : regions->default_mode;
}


size_t
consent_region_builtin_count(void)
{
    return consent_nelts(consent_region_builtins);
}


const consent_region_group_t *
consent_region_builtin(size_t i)
{
    return i < consent_nelts(consent_region_builtins)
           ? &consent_region_builtins[i] : NULL;
}


void
consent_regions_free(consent_regions_t *regions)
{
    size_t  i;

    for (i = 0; i < regions->nlists; i++) {
        free(regions->lists[i]);
    }

    free(regions->lists);
    free(regions->groups);

    memset(regions, 0, sizeof(consent_regions_t));
}


uint32_t
consent_mode_granted(consent_mode_t mode, uint32_t all, uint32_t required,
    uint32_t opt_out, uint32_t objection, const uint32_t *decision, int gpc)
{
    uint32_t  granted;

    switch (mode) {

    case CONSENT_MODE_OPT_OUT:
        granted = decision ? *decision : all;

        if (gpc) {
            granted &= ~opt_out;
        }

        break;

    case CONSENT_MODE_NOTICE:
    case CONSENT_MODE_NONE:
        granted = all;
        break;

    default: /* opt-in */
        if (decision) {
            granted = *decision;

        } else {
            /* Sec-GPC: 1 is an objection */
            granted = gpc ? 0 : objection;
        }

        break;
    }

    return (granted | required) & all;
}


int
consent_mode_decision_counts(consent_mode_t given, consent_mode_t now)
{
    return now != CONSENT_MODE_OPT_IN || given == CONSENT_MODE_OPT_IN;
}
