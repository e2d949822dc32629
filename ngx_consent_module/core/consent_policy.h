#ifndef CONSENT_POLICY_H
#define CONSENT_POLICY_H

/*
 * The consent policy: categories, services and texts, read from JSON with
 * jansson and validated; service patterns compiled with PCRE2 (JIT) once.
 * A loaded policy is immutable and owned by one process (the nginx worker is
 * single-threaded, so the shared match data is safe).
 */

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "consent_catalogue.h"
#include "consent_region.h"
#include "consent_services.h"
#include "consent_site.h"

#define CONSENT_MAX_CATEGORIES  32

/* The consent signals of other vendors ("vendor_signals"), as bits. */
#define CONSENT_VENDOR_CLARITY  0x01    /* clarity('consentv2', ...) */
#define CONSENT_VENDOR_UET      0x02    /* uetq.push('consent', ...) */
#define CONSENT_VENDOR_META     0x04    /* fbq('consent', ...) */

typedef uint32_t  consent_mask_t;   /* bit i: category i of the policy */

/* The compiled pattern sets and the per-worker caches of the matcher. */
typedef struct consent_matcher_s  consent_matcher_t;

typedef struct {
    const char     *id;
    int             required;      /* always granted, cannot be refused */
    int             gpc;           /* denied by accept_all under Sec-GPC: 1 */
    int             opt_out;       /* sale, sharing or targeted ads: stops
                                      when an opt-out region's visitor
                                      opts out */
    json_t         *title;         /* {"en": "...", ...}; borrowed from root */
    json_t         *description;
} consent_category_t;

typedef struct {
    const char             *id;
    const char             *name;
    unsigned                category;       /* index into categories */
    const char             *provider;
    const char             *privacy_url;
    const char             *country;        /* where data goes, or NULL */
    json_t                 *transfer;       /* localized safeguard, or NULL */
    json_t                 *purpose;        /* optional, localized */
    pcre2_code            **src;            /* patterns on URLs */
    size_t                  nsrc;
    pcre2_code            **inl;            /* patterns on inline script text */
    size_t                  ninl;
    consent_cookie_decl_t  *cookies;        /* the policy's, or the
                                               entity's (catalogue_cookies) */
    size_t                  ncookies;
    int                     entity;         /* catalogue entity or -1 */
    uint64_t                hash;           /* consent_service_hash(id):
                                               what a cookie grants */
    unsigned                catalogue_cookies:1;    /* cookies and purpose
                                               borrowed from the entity */
    unsigned                from_catalogue:1;   /* not declared by the
                                               policy: listed only once
                                               seen on the site */
} consent_service_t;

typedef struct {
    uint32_t                revision;
    const char             *default_language;
    const char            **languages;      /* keys of "texts", default first */
    size_t                  nlanguages;
    consent_category_t     *categories;
    size_t                  ncategories;
    consent_service_t      *services;       /* declared, then catalogue */
    size_t                  nservices;
    size_t                  ndeclared;      /* the policy's own, first */
    const consent_catalogue_t  *catalogue;  /* borrowed, or NULL */
    int                    *entity_service; /* per entity: service, or -1
                                               (known, not blocked) */
    consent_mask_t          catalogue_mask; /* categories of catalogue
                                               services */
    consent_domains_t       first_party;    /* the policy's first_party */
    consent_mask_t          all_mask;
    consent_mask_t          required_mask;
    consent_mask_t          gpc_mask;
    consent_mask_t          opt_out_mask;   /* "opt_out", else gpc_mask */
    consent_regions_t       regions;        /* the policy's over built-ins */
    json_t                 *controller;     /* may be NULL */
    json_t                 *texts;          /* {"en": {...}, ...} */
    json_t                 *consent_mode;   /* Google Consent Mode or NULL */
    const char             *theme;          /* "auto", "light" or "dark" */
    json_t                 *sections;       /* notice paragraphs, or NULL */
    consent_duration_t      audit_retention;    /* of the audit records */
    unsigned                vendor_signals; /* CONSENT_VENDOR_* */
    json_t                 *root;           /* owns every json_t above */
    consent_matcher_t      *matcher;        /* consent_policy_int.h */
} consent_policy_t;


/*
 * Load and validate.  A policy that "extends": "catalogue" needs the
 * catalogue, which must outlive it; catalogue may be NULL otherwise.
 * On failure return NULL and write one line into err:
 * "NAME:LINE:COLUMN: what is wrong" for JSON syntax errors (jansson's
 * position), "NAME:LINE:COLUMN: categories[2].id: what is wrong" for schema
 * errors (the position of the offending value) and
 * "NAME:LINE:COLUMN: service "x": match.src[2]: at offset 7: what is wrong"
 * for regexes.
 */
consent_policy_t *consent_policy_load_file(const char *path,
    const consent_catalogue_t *catalogue, char *err, size_t errlen);
consent_policy_t *consent_policy_load_buffer(const char *data, size_t len,
    const char *name, const consent_catalogue_t *catalogue, char *err,
    size_t errlen);
void consent_policy_free(consent_policy_t *policy);

/*
 * For programs outside nginx (consent-audit, test tools): the policy file
 * on the catalogue file, both read here.  *catalogue is set on success and
 * must be freed after the policy.
 */
consent_policy_t *consent_policy_load_standalone(const char *path,
    const char *catalogue_path, consent_catalogue_t **catalogue, char *err,
    size_t errlen);

/* Category index for an id, or -1. */
int consent_policy_category(const consent_policy_t *policy, const char *id,
    size_t len);

/* Service index (declared or catalogue) for an id, or -1. */
int consent_policy_service(const consent_policy_t *policy, const char *id,
    size_t len);

/*
 * Service index for the name of a variable: the id with every "-" and "."
 * written as "_" ("google_analytics" for "google-analytics"), the first
 * service (declared ones first) whose id reads so; -1 when none does.
 */
int consent_policy_service_by_name(const consent_policy_t *policy,
    const char *name, size_t len);

/*
 * Whether service is let through: its category is in granted, or the
 * visitor granted the service itself (services may be NULL: none).
 */
int consent_policy_service_granted(const consent_policy_t *policy,
    consent_mask_t granted, const consent_services_t *services,
    unsigned service);

/*
 * What a URL or an inline script of a page is to the policy.  The policy's
 * own patterns come first (a site's declaration wins), then first parties,
 * then the catalogue.
 */
typedef enum {
    CONSENT_CLASS_NO_HOST = 0,      /* loads nothing from a host (data:,
                                       javascript:, about:, blob:, empty),
                                       or an inline script naming nothing */
    CONSENT_CLASS_FIRST_PARTY,      /* relative, same registrable domain as
                                       the page, or the policy's
                                       first_party: never blocked */
    CONSENT_CLASS_SERVICE,          /* a service: blocked unless granted */
    CONSENT_CLASS_KNOWN,            /* a catalogue entity not blocked (CDN,
                                       hosting, or excluded by the policy) */
    CONSENT_CLASS_UNKNOWN           /* a third party nothing covers */
} consent_class_e;

typedef struct {
    consent_class_e         kind;
    int                     service;    /* SERVICE: index into services */
    int                     entity;     /* catalogue entity, or -1 */
    consent_host_t          host;       /* the URL's host (INVALID: one
                                           that cannot be named) */
} consent_class_t;

/*
 * A URL as consent_url_normalize() gives it, of a page of site (NULL: no
 * host is first party but relative URLs).
 */
void consent_policy_classify_url(const consent_policy_t *policy,
    const consent_site_t *site, const unsigned char *url, size_t len,
    consent_class_t *result);

/*
 * An inline script's text: the policy's inline patterns, then the hosts
 * it names and the catalogue's signatures.  Among several services named,
 * the first one not granted (consent_policy_service_granted()) is the
 * answer (so that a script loading an analytics and a marketing tracker
 * counts as marketing for a visitor who allowed analytics, or who allowed
 * the analytics service alone), else the first one.
 */
void consent_policy_classify_inline(const consent_policy_t *policy,
    const consent_site_t *site, const unsigned char *text, size_t len,
    consent_mask_t granted, const consent_services_t *services,
    consent_class_t *result);

/* Index of the first service whose src / inline pattern matches, or -1. */
int consent_policy_match_src(const consent_policy_t *policy,
    const unsigned char *url, size_t len);
int consent_policy_match_inline(const consent_policy_t *policy,
    const unsigned char *text, size_t len);

/*
 * Index of the first service declaring a cookie of that name, or -1: the
 * policy's patterns, then the catalogue's cookies of the entities the
 * policy blocks (but those the Open Cookie Database counts as necessary).
 */
int consent_policy_match_cookie(const consent_policy_t *policy,
    const char *name, size_t len);

/*
 * A localized string of a {"lang": "text"} object: lang, else the default
 * language, else "".  Never NULL.
 */
const char *consent_policy_localized(const consent_policy_t *policy,
    const json_t *localized, const char *lang);

/*
 * A text of the policy's "texts" in lang, else in the default language;
 * "" when the policy has none (the renderer has its own wording).
 */
const char *consent_policy_text(const consent_policy_t *policy,
    const char *lang, const char *key);

/*
 * The best language of the policy for an Accept-Language header value
 * (q-values honoured, "de-AT" matches "de"); the default when none fits.
 */
const char *consent_policy_language(const consent_policy_t *policy,
    const char *accept_language, size_t len);

#endif /* CONSENT_POLICY_H */
