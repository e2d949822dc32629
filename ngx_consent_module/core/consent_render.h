#ifndef CONSENT_RENDER_H
#define CONSENT_RENDER_H

/*
 * Rendering of the consent UI: the fragments the body filter injects into
 * HTML pages (Consent Mode defaults, asset links, banner / preferences /
 * settings control) and the privacy policy page.  Every policy text is
 * HTML-escaped; return_to is reduced to a same-origin path.
 *
 * The static parts of each fragment are built once per (policy, language,
 * decided, api_path, page_path) and cached in the process; a request only
 * splices in its own parts (return_to, checkbox states, nonce, signals).
 * nginx workers are single-threaded, so the cache needs no locking.
 */

#include <stddef.h>
#include <stdint.h>

#include "consent_policy.h"
#include "consent_rewriter.h"       /* consent_frame_t */


typedef struct {
    const consent_policy_t  *policy;
    const char              *lang;       /* consent_policy_language()'s */
    consent_mask_t           granted;    /* categories granted now */
    const consent_services_t  *services; /* granted alone by a valid
                                            cookie, or NULL */
    int                      decided;    /* valid decision: settings only */
    int                      gpc;        /* the request has Sec-GPC: 1 */
    consent_mode_t           mode;       /* the visitor's region's */
    consent_mask_t           objection;  /* its group's (opt-in) */
    const char              *api_path;   /* "/_consent/" */
    const char              *page_path;  /* policy page location or NULL */
    const char              *return_to;  /* request path + query, raw */
    const char              *nonce;      /* CSP nonce or NULL */
    const char              *consent_id; /* hex id when decided, or NULL */
    uint64_t                 issued;     /* when decided: unix seconds */
    const char              *cookie_name;    /* for the notice */
    uint64_t                 cookie_max_age; /* seconds */
    int                      audit;      /* decisions are recorded */
    int                      audit_ip;   /* CONSENT_AUDIT_IP_* */
    const char              *css_version; /* "?v=" of consent.css or NULL */
    const char              *js_version;
    const char              *marker;     /* the response's token for
                                            consent.js (hex) or NULL */
    /* which catalogue services the preferences and the notice list
       (declared ones always are; NULL: none) */
    int                    (*listed)(void *data, size_t service);
    void                    *listed_data;
    /* where head_start, head_end and body_start put their text (e.g. a
       request's pool); NULL: malloc(), which the caller free()s */
    void                  *(*alloc)(void *data, size_t len);
    void                    *alloc_data;
} consent_render_ctx_t;

/*
 * All strings are NUL-terminated.  Without a decision the preferences and
 * the Consent Mode defaults show what the mode grants by itself
 * (consent_mode_granted(): in opt-in only the required and objection
 * categories), whatever granted says.
 */

typedef struct {
    char                    *data;       /* malloc()ed: the caller free()s
                                            (or from the ctx's alloc) */
    size_t                   len;
} consent_render_out_t;


/*
 * Each returns 0, or -1 on allocation failure (out is then left empty).
 * An empty fragment is data == NULL, len == 0.
 */

/* Inline <script nonce> with gtag('consent','default',...) or empty. */
int consent_render_head_start(const consent_render_ctx_t *c,
    consent_render_out_t *out);

/* <link rel="stylesheet"> and <script defer src> of consent.css / .js. */
int consent_render_head_end(const consent_render_ctx_t *c,
    consent_render_out_t *out);

/* The banner with its preferences layer, or only the settings control. */
int consent_render_body_start(const consent_render_ctx_t *c,
    consent_render_out_t *out);

/*
 * The preferences as a page of their own (GET B preferences): consent.js
 * fetches its .consent-prefs into a dialog; without script it is the page.
 */
int consent_render_preferences_page(const consent_render_ctx_t *c,
    consent_render_out_t *out);

/* The privacy notice: GDPR Art. 13 information and cookie declaration. */
int consent_render_policy_page(const consent_render_ctx_t *c,
    consent_render_out_t *out);

/*
 * The click-to-load placeholder of a blocked frame, in c's language: a
 * consent_placeholder_pt whose data is the const consent_render_ctx_t *
 * of the response (api_path, return_to, marker, lang).
 */
int consent_render_placeholder(void *data, const consent_frame_t *frame,
    consent_write_pt write, void *sink);

/* Drop cached fragments of a policy; call before consent_policy_free(). */
void consent_render_forget(const consent_policy_t *policy);

/* "rtl" for right-to-left languages (ar, he, fa, ur, ...), else "ltr". */
const char *consent_render_dir(const char *lang);

#endif /* CONSENT_RENDER_H */
