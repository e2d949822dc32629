#ifndef CONSENT_REGION_H
#define CONSENT_REGION_H

/*
 * Where the visitor is and what the law there asks: ISO 3166 region codes
 * ("DE", "US-CA"), the groups of regions a policy names with the consent
 * mode each gets, the built-in groups, and the categories a mode grants.
 */

#include <stddef.h>
#include <stdint.h>

/* "US-CA" at most "XX-XXX", with the NUL */
#define CONSENT_REGION_LEN  7

typedef enum {
    CONSENT_MODE_OPT_IN = 0,     /* banner; nothing but the required runs
                                    before consent (the value 0: cookies of
                                    format 2, older than regions, are
                                    opt-in decisions) */
    CONSENT_MODE_OPT_OUT,        /* everything runs; the opt_out categories
                                    stop once the visitor opts out (or
                                    sends Sec-GPC: 1) */
    CONSENT_MODE_NOTICE,         /* everything runs; an informational banner */
    CONSENT_MODE_NONE            /* the page is not touched */
} consent_mode_t;

#define CONSENT_MODE_MAX  CONSENT_MODE_NONE

typedef struct {
    const char          *id;
    consent_mode_t       mode;
    uint32_t             objection;  /* opt-in groups: categories that run
                                        until the visitor objects */
    const char *const   *match;      /* "DE", "US-CA", "*" */
    size_t               nmatch;
} consent_region_group_t;

typedef struct {
    consent_region_group_t  *groups;     /* checked in order */
    size_t                   ngroups;
    consent_mode_t           default_mode;   /* no region, or no group */
    void                   **lists;      /* match arrays this owns */
    size_t                   nlists;
} consent_regions_t;


const char *consent_mode_name(consent_mode_t mode);

/* 0 with *mode set for "opt-in", "opt-out", "notice", "none"; else -1. */
int consent_mode_parse(const char *name, size_t len, consent_mode_t *mode);

/*
 * The canonical code of a region value as headers and GeoIP give it:
 * trimmed, upper case, "UK" as "GB", a trailing "-" (no subdivision known)
 * dropped.  1 with out set for "CC" or "CC-SSS" (1 to 3 letters or digits
 * after the dash); 0 with out empty for anything else.
 */
int consent_region_normalize(const char *in, size_t len,
    char out[CONSENT_REGION_LEN]);

/* 1 when s is a valid "match" entry: "*", "CC" or "CC-SSS" in upper case. */
int consent_region_valid_match(const char *s);

/*
 * The group of a canonical code: the first naming the code itself, else
 * the first naming its country, else the first with "*"; NULL (the default
 * mode) for the empty code or when none does.
 */
const consent_region_group_t *consent_region_group(
    const consent_regions_t *regions, const char *code);

/* The mode a code gets. */
consent_mode_t consent_region_mode(const consent_regions_t *regions,
    const char *code, uint32_t *objection);

/* The built-in groups (docs/regions.md gives their legal sources). */
size_t consent_region_builtin_count(void);
const consent_region_group_t *consent_region_builtin(size_t i);

void consent_regions_free(consent_regions_t *regions);

/*
 * The categories granted under mode.  decision is the recorded granted
 * mask when a decision counts here, else NULL; gpc is Sec-GPC: 1 where the
 * operator honours it.  The required categories are always granted.
 *   opt-in:  the decision, else the objection categories (under GPC none)
 *   opt-out: the decision, else all; under GPC without the opt_out ones
 *   notice, none: all
 */
uint32_t consent_mode_granted(consent_mode_t mode, uint32_t all,
    uint32_t required, uint32_t opt_out, uint32_t objection,
    const uint32_t *decision, int gpc);

/*
 * Whether a decision recorded under mode "given" counts in a region of
 * mode "now": a decision given where trackers ran by default (opt-out,
 * notice) is no consent where the law asks for one (opt-in).
 */
int consent_mode_decision_counts(consent_mode_t given, consent_mode_t now);

#endif /* CONSENT_REGION_H */
