#ifndef CONSENT_POLICY_INT_H
#define CONSENT_POLICY_INT_H

/*
 * Private interfaces between the policy loader and its helpers; nothing
 * outside consent_policy*.c (and the policy's unit test) includes this.
 */

#include "consent_policy.h"

/* The schema nests at most 6 deep: services[i].cookies[j].purpose.lang. */
#define CONSENT_JSON_PATH_MAX  8

/* One step of a JSON path: a member name, or an array index. */
typedef struct {
    const char             *key;            /* NULL: an array index */
    size_t                  index;
} consent_json_step_t;

/*
 * The patterns of one kind (src, inline or cookie) of every service, in
 * service order then pattern order; matched by consent_policy_match.c.
 * The anchored ones (as URL patterns are) that can be combined without
 * changing their meaning also form one alternation, "any", each alternative
 * followed by an empty group that tells which matched.
 */
typedef struct {
    pcre2_code             *code;           /* borrowed from the service */
    unsigned                service;
    unsigned                jit:1;
    unsigned                combined:1;     /* an alternative of "any" */
} consent_pattern_t;

typedef struct {
    consent_pattern_t      *patterns;
    size_t                  npatterns;
    pcre2_code             *any;            /* NULL: one by one */
    unsigned                any_jit:1;
    size_t                 *alternatives;   /* pattern of each alternative */
    size_t                  nalternatives;
    size_t                 *rest;           /* patterns not in "any" */
    size_t                  nrest;
} consent_pattern_set_t;

struct consent_matcher_s {
    pcre2_match_data              *match_data;
    struct consent_url_memo_s     *src_memo;     /* lazily, per worker */
    struct consent_class_memo_s   *class_memo;
    struct consent_inline_memo_s  *inline_memo;
    consent_pattern_set_t          src_set;
    consent_pattern_set_t          inline_set;
    consent_pattern_set_t          cookie_set;
};

/* Accumulates the source of the combined alternation of a pattern set. */
typedef struct {
    char                   *source;
    size_t                  len;
    size_t                  size;
    size_t                  ncombined;
} consent_pattern_builder_t;

/* The state of one load: where errors point, the patterns compiled. */
typedef struct {
    consent_policy_t           *policy;
    const char                 *name;
    const char                 *text;
    size_t                      len;
    char                       *err;
    size_t                      errlen;
    const char                 *service;    /* id of the service checked */
    unsigned                    service_index;
    consent_json_step_t         path[CONSENT_JSON_PATH_MAX];
    size_t                      depth;
    uint32_t                    max_captures;
    consent_pattern_builder_t   src;
    consent_pattern_builder_t   inl;
    consent_pattern_builder_t   cookie;
    const consent_catalogue_t  *catalogue;
} consent_policy_ctx_t;


/* The JSON path of the value checked (errors locate it in the text). */
void consent_policy_push_key(consent_policy_ctx_t *ctx, const char *key);
void consent_policy_push_index(consent_policy_ctx_t *ctx, size_t index);
void consent_policy_pop(consent_policy_ctx_t *ctx);

/* "NAME:LINE:COLUMN: path: message" into err; returns -1. */
int consent_policy_error(consent_policy_ctx_t *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int consent_policy_no_memory(consent_policy_ctx_t *ctx);

/* Unknown keys of object (not starting with "_" or "$") are errors. */
int consent_policy_check_keys(consent_policy_ctx_t *ctx, json_t *object,
    const char **known);

/* {"lang": "text"} with the default language; NULL out when absent. */
int consent_policy_check_localized(consent_policy_ctx_t *ctx, json_t *parent,
    const char *key, int required, json_t **out);

/*
 * What the privacy notice needs beyond the declaration (consent_policy_
 * notice.c): "theme", "sections", "audit_retention" and the controller's
 * "supervisory_authority".
 */
int consent_policy_check_notice(consent_policy_ctx_t *ctx, json_t *root);

/* "necessary, analytics, marketing": the category ids, for errors. */
void consent_policy_category_list(consent_policy_t *policy, char *buf,
    size_t size);

/*
 * "extends", "entities" and "first_party" (consent_policy_catalogue.c):
 * after the policy's own services, the catalogue's blocking entities are
 * appended as services.
 */
int consent_policy_check_catalogue(consent_policy_ctx_t *ctx, json_t *root);

/*
 * The hash of every service id (consent_policy_services.c); two ids of one
 * hash are refused, as a grant of one would grant the other.
 */
int consent_policy_hash_services(consent_policy_ctx_t *ctx);

/* "regions" and the opt_out mask (consent_policy_region.c). */
int consent_policy_check_regions(consent_policy_ctx_t *ctx, json_t *root);


/*
 * The line and column (both from 1, columns in characters as jansson counts
 * them) where the value at path starts in a JSON text; -1 if not found.
 */
int consent_policy_locate(const char *text, size_t len,
    const consent_json_step_t *path, size_t depth, unsigned *line,
    unsigned *column);

/* Add a compiled pattern (with its source) of a service; -1: no memory. */
int consent_pattern_set_add(consent_pattern_set_t *set,
    consent_pattern_builder_t *builder, pcre2_code *code, unsigned service,
    const char *source, size_t len);

/* Compile the combined alternation and index the rest; -1: no memory. */
int consent_pattern_set_finish(consent_pattern_set_t *set,
    consent_pattern_builder_t *builder);

void consent_pattern_builder_free(consent_pattern_builder_t *builder);

/* The service of the first pattern of set matching subject, or -1. */
int consent_pattern_set_match(const consent_policy_t *policy,
    const consent_pattern_set_t *set, const unsigned char *subject,
    size_t len);

/* The hash of the memo tables (URLs, inline scripts). */
uint32_t consent_memo_hash(const unsigned char *p, size_t len);
void consent_pattern_set_free(consent_pattern_set_t *set);

#endif /* CONSENT_POLICY_INT_H */
