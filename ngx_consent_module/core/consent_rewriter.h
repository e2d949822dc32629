#ifndef CONSENT_REWRITER_H
#define CONSENT_REWRITER_H

/*
 * Streaming HTML rewriter.  Fed one buffer at a time; it keeps only the
 * unfinished tag (bounded) and, for inline scripts, their text up to
 * inline_max.  Untouched spans are emitted as references into the input
 * (from_input = 1: p points into the buffer being fed); rewritten or held
 * bytes are emitted with from_input = 0 and are valid only during the call.
 * The concatenated output is the same for any split of the input.
 */

#include <stddef.h>
#include "consent_policy.h"

typedef struct consent_rewriter_s  consent_rewriter_t;

/* Return 0, or -1 to abort the feed (the feed then returns -1). */
typedef int (*consent_emit_pt)(void *data, const unsigned char *p, size_t len,
    int from_input);

typedef struct {
    const unsigned char  *p;
    size_t                len;
} consent_bytes_t;

/*
 * Told about each service an element of the page matches (service >= 0,
 * host the URL's or NULL for inline scripts) and each unknown third-party
 * host (service -1), whether blocked or not; element is the
 * CONSENT_TAG_* id.  For discovery (consent_report, consent_unknown).
 */
typedef void (*consent_observe_pt)(void *data, int service,
    const unsigned char *host, size_t len, int element);

/*
 * A frame a visitor may want to see: an HTML <iframe>, <embed> or <object>
 * of a known service that is neither hidden nor pixel-sized.  Blocked, its
 * placeholder goes right before it, in the same box; granted (while the
 * rewriter reads frames: something else is denied), only the anchor with
 * the same number, so that "Always allow" comes back to it.  The forms of
 * the placeholders go at the end of the document (a <form> where the frame
 * is would close an open <p>, or be dropped inside the page's own form).
 */
typedef struct {
    int                      service;   /* index into policy->services */
    unsigned                 width;     /* CSS pixels; 0: not given */
    unsigned                 height;
    unsigned                 number;    /* 1, 2, ... in the response,
                                           blocked or not */
    int                      live;      /* its service is granted: only
                                           the anchor a placeholder's form
                                           comes back to */
    int                      form;      /* the placeholder's form, written
                                           at the end of the document */
} consent_frame_t;

/* Appends len bytes to the output: 0 or -1. */
typedef int (*consent_write_pt)(void *sink, const void *p, size_t len);

/* Writes the placeholder of a frame through write(sink, ...): 0 or -1. */
typedef int (*consent_placeholder_pt)(void *data,
    const consent_frame_t *frame, consent_write_pt write, void *sink);

typedef struct {
    const consent_policy_t  *policy;
    consent_mask_t           granted;
    consent_services_t       services;      /* granted one by one: an
                                               element of a service here
                                               is let through whatever its
                                               category */
    size_t                   inline_max;    /* bytes of inline script held */
    consent_bytes_t          marker;        /* per-response token written as
                                               data-consent on what consent.js
                                               may activate; empty: none */

    const consent_site_t    *site;          /* the page's host; NULL: only
                                               relative URLs are first
                                               party */
    int                      block_unknown; /* a third-party loader no
                                               service covers is blocked
                                               as unknown_category
                                               (data-service="unknown") */
    unsigned                 unknown_category;
    consent_observe_pt       observe;       /* or NULL */
    void                    *observe_data;

    consent_placeholder_pt   placeholder;   /* or NULL: blocked frames
                                               get none */
    void                    *placeholder_data;

    consent_bytes_t          head_start;    /* after <head ...> */
    consent_bytes_t          head_end;      /* before </head> */
    consent_bytes_t          body_start;    /* after <body ...> */
    /* What was not injected yet goes before the end of the document. */

    consent_emit_pt          emit;
    void                    *emit_data;
} consent_rewriter_conf_t;

/*
 * Events a caller may want to log once (consent_rewriter_events()).  The
 * two bounds make the element inert: log them as warnings.
 */
#define CONSENT_EV_INLINE_TOO_LONG   0x01   /* an inline script over
                                               inline_max, made inert */
#define CONSENT_EV_TAG_TOO_LONG      0x02   /* a loader's start tag over the
                                               bound, replaced by an inert
                                               placeholder */
#define CONSENT_EV_BLOCKED           0x04   /* at least one element blocked */
#define CONSENT_EV_ACTIVATED         0x08   /* site-tagged element activated */
#define CONSENT_EV_INJECTED          0x10   /* body_start injected */
#define CONSENT_EV_STYLE_UNREAD      0x20   /* another element's start tag over
                                               the bound passed: its style and
                                               background were not read */

/*
 * conf is copied.  NULL on allocation failure.  Destroyed rewriters are
 * kept per thread (buffers and all) for the next ones: in steady state
 * creating one allocates nothing.
 */
consent_rewriter_t *consent_rewriter_create(const consent_rewriter_conf_t *c);
void consent_rewriter_destroy(consent_rewriter_t *rw);

/*
 * Feed the next len bytes; last = 1 on the final call (len may be 0), which
 * flushes everything held and the injections not done yet.  0 or -1.
 */
int consent_rewriter_feed(consent_rewriter_t *rw, const unsigned char *p,
    size_t len, int last);

/* Bytes currently held (unfinished tag or inline script text). */
size_t consent_rewriter_held(const consent_rewriter_t *rw);

unsigned consent_rewriter_events(const consent_rewriter_t *rw);

#endif /* CONSENT_REWRITER_H */
