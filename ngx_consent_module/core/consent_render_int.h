#ifndef CONSENT_RENDER_INT_H
#define CONSENT_RENDER_INT_H

/*
 * Private interfaces of the renderer.  Markup is written into a builder
 * that either resolves the per-request parts at once (direct mode) or
 * records them as segments of a template that consent_builder_splice()
 * fills in later for each request.
 */

#include <stddef.h>

#include "consent_render.h"
#include "consent_request.h"     /* CONSENT_RETURN_TO_MAX */

/* What a segment of a template is. */
enum {
    CONSENT_SEG_TEXT = 0,        /* always */
    CONSENT_SEG_IF_GRANTED,      /* only when category arg is effective */
    CONSENT_SEG_IF_GPC,          /* only when the request has Sec-GPC: 1 */
    CONSENT_SEG_RETURN_TO,       /* the escaped return_to; no text */
    CONSENT_SEG_IF_SERVICE,      /* only when service arg is granted alone
                                    (and its category is not effective) */
    CONSENT_SEG_SERVICES         /* the ids of the services granted alone,
                                    space-separated; no text */
};

typedef struct {
    size_t                   off;
    size_t                   len;
    unsigned                 kind;
    unsigned                 arg;
} consent_seg_t;

/* The per-request inputs of a template. */
typedef struct {
    const consent_policy_t    *policy;
    consent_mask_t             effective;  /* categories shown as on */
    const consent_services_t  *services;   /* granted alone, or NULL */
    int                        gpc;
    const char              *return_to;  /* already a safe path */
    size_t                   return_to_len;
    void                  *(*alloc)(void *data, size_t len);  /* or NULL */
    void                    *alloc_data;
} consent_render_req_t;

typedef struct {
    char                    *data;
    size_t                   len;
    size_t                   size;
    consent_seg_t           *segs;
    size_t                   nsegs;
    size_t                   nsegs_size;
    size_t                   mark;       /* start of unsegmented text */
    size_t                   cond_start; /* direct mode: undo point */
    int                      cond_keep;
    unsigned                 cond_kind;  /* template mode: open segment */
    unsigned                 cond_arg;
    const consent_render_req_t  *req;    /* NULL: template mode */
    int                      failed;
} consent_builder_t;


void consent_builder_init(consent_builder_t *b,
    const consent_render_req_t *req);
void consent_builder_free(consent_builder_t *b);
void consent_builder_add(consent_builder_t *b, const char *s, size_t len);
void consent_builder_str(consent_builder_t *b, const char *s);
void consent_builder_esc(consent_builder_t *b, const char *s);
void consent_builder_escn(consent_builder_t *b, const char *s, size_t len);
void consent_builder_uint(consent_builder_t *b, unsigned long n);
void consent_builder_cond_begin(consent_builder_t *b, unsigned kind,
    unsigned arg);
void consent_builder_cond_end(consent_builder_t *b);
void consent_builder_return_to(consent_builder_t *b);
void consent_builder_services(consent_builder_t *b);

/*
 * text escaped, each "{name}" of vars ({name, value, ..., NULL}) replaced;
 * a value ending in "." takes the place of a "." that follows it
 */
void consent_builder_fill(consent_builder_t *b, const char *text,
    const char *const *vars);

/* Close the last text segment of a template; -1 on allocation failure. */
int consent_builder_finish(consent_builder_t *b);

/* A malloc()ed copy of a template with the request's parts filled in. */
int consent_builder_splice(const consent_builder_t *tpl,
    const consent_render_req_t *req, consent_render_out_t *out);

/* Hand a direct-mode builder's text over to out; -1 if anything failed. */
int consent_builder_output(consent_builder_t *b, consent_render_out_t *out);

/* "" s: only a string literal compiles, so sizeof is its length */
#define consent_builder_lit(b, s)  consent_builder_add(b, "" s, sizeof(s) - 1)


/*
 * A UI text: the policy's in lang, the built-in one in lang, then the same
 * in the policy's default language, then built-in English; never NULL.
 */
const char *consent_render_text(const consent_policy_t *policy,
    const char *lang, const char *key);

/* "2 years" in lang (a free-text or absent duration: ""). */
void consent_render_duration(const char *lang, consent_duration_t d,
    char *out, size_t size);

/* A number of seconds as the largest whole unit (days, years, ...). */
consent_duration_t consent_render_seconds(uint64_t seconds);

/*
 * The banner root: first layer, preferences and settings control, or (when
 * decided) only the settings control with the preferences.  mode_json is
 * the Consent Mode map for consent.js, or NULL.
 */
void consent_render_emit_body(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *mode_json);

/* data-consent-mode='...' (nothing when mode_json is NULL). */
void consent_render_emit_mode(consent_builder_t *b, const char *mode_json);

/* data-theme="light|dark" when the policy chose one. */
void consent_render_emit_theme(consent_builder_t *b,
    const consent_render_ctx_t *c);

/* The URL of the preferences page of the endpoint. */
void consent_render_emit_prefs_url(consent_builder_t *b,
    const consent_render_ctx_t *c);

/* The preferences form: every category with its services and buttons. */
void consent_render_emit_prefs(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *id_prefix);

/* One service: name, provider, purpose, cookies, privacy link. */
void consent_render_emit_service(consent_builder_t *b,
    const consent_render_ctx_t *c, const consent_service_t *service);

/* The cookies a service declares, as a list. */
void consent_render_emit_cookies(consent_builder_t *b,
    const consent_render_ctx_t *c, const consent_service_t *service);

/* 1 when service s of category i is listed (see consent_render_ctx_t). */
int consent_render_lists(const consent_render_ctx_t *c, size_t s,
    unsigned i);

/* 1 for an http(s) URL, the only kind rendered as a link. */
int consent_render_is_web_url(const char *url);

/* The policy page and the preferences page (direct mode). */
void consent_render_emit_page(consent_builder_t *b,
    const consent_render_ctx_t *c);
void consent_render_emit_prefs_page(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *mode_json);

#endif /* CONSENT_RENDER_INT_H */
