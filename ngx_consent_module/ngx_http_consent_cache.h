#ifndef _NGX_HTTP_CONSENT_CACHE_H_INCLUDED_
#define _NGX_HTTP_CONSENT_CACHE_H_INCLUDED_

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "consent_rewriter.h"


/*
 * The per-response pieces of a template: the injected fragments (in the
 * rewriter's order) and the marker.  NONE: literal bytes; PART: a piece of
 * a fragment, which makes the response uncacheable.
 */
#define NGX_HTTP_CONSENT_SLOT_NONE        (-1)
#define NGX_HTTP_CONSENT_SLOT_PART        (-2)
#define NGX_HTTP_CONSENT_SLOT_HEAD_START  0
#define NGX_HTTP_CONSENT_SLOT_HEAD_END    1
#define NGX_HTTP_CONSENT_SLOT_BODY_START  2
#define NGX_HTTP_CONSENT_SLOT_MARKER      3

/* $consent_cache */
#define NGX_HTTP_CONSENT_CACHE_NONE       0   /* not rewritten */
#define NGX_HTTP_CONSENT_CACHE_BYPASS     1
#define NGX_HTTP_CONSENT_CACHE_MISS       2
#define NGX_HTTP_CONSENT_CACHE_HIT        3


typedef struct ngx_http_consent_cache_s        ngx_http_consent_cache_t;
typedef struct ngx_http_consent_cache_entry_s  ngx_http_consent_cache_entry_t;
typedef struct ngx_http_consent_cache_rec_s    ngx_http_consent_cache_rec_t;

/* One piece of a template: literal bytes, then a slot (or none). */
typedef struct {
    u_char                    *data;
    size_t                     len;
    ngx_int_t                  slot;      /* NGX_HTTP_CONSENT_SLOT_* */
} ngx_http_consent_cache_piece_t;


char *ngx_http_consent_cache_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);

/*
 * At the header of a response the filter rewrites, with the rewriter conf
 * it would run with: NGX_OK with *hit (pinned until the request ends) or
 * *rec (record the miss) set, NGX_DECLINED when the response is not
 * cacheable, NGX_ERROR.
 */
ngx_int_t ngx_http_consent_cache_lookup(ngx_http_request_t *r,
    ngx_http_consent_cache_t *cache, const consent_rewriter_conf_t *wc,
    ngx_http_consent_cache_entry_t **hit, ngx_http_consent_cache_rec_t **rec);

/* A miss: the rewriter's output, slot -1 for literal bytes. */
void ngx_http_consent_cache_record(ngx_http_consent_cache_rec_t *rec,
    const u_char *p, size_t len, ngx_int_t slot);
/* A miss: the rewriter's observe callback (recorded, then passed on). */
void ngx_http_consent_cache_observe(void *data, int service,
    const unsigned char *host, size_t len, int element);
/* A miss: input bytes read; the response ended normally: store it. */
void ngx_http_consent_cache_input(ngx_http_consent_cache_rec_t *rec,
    off_t len);
void ngx_http_consent_cache_store(ngx_http_consent_cache_rec_t *rec,
    unsigned events);

/* A hit: what the template needs from the input, and how to replay it. */
off_t ngx_http_consent_cache_input_len(ngx_http_consent_cache_entry_t *e);
unsigned ngx_http_consent_cache_events(ngx_http_consent_cache_entry_t *e);
void ngx_http_consent_cache_replay(ngx_http_consent_cache_entry_t *e,
    consent_observe_pt observe, void *data);
/* The i-th piece of the template; NGX_DONE after the last. */
ngx_int_t ngx_http_consent_cache_piece(ngx_http_consent_cache_entry_t *e,
    ngx_uint_t i, ngx_http_consent_cache_piece_t *piece);

ngx_int_t ngx_http_consent_cache_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);


#endif /* _NGX_HTTP_CONSENT_CACHE_H_INCLUDED_ */
