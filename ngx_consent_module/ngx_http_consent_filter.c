
/*
 * ngx_consent: the header and body filter that runs the core rewriter over
 * HTML responses.  Untouched spans and the injected fragments go out as
 * buffers pointing into the input or the fragment (zero copy); only
 * rewritten tags are copied.
 */


#include "ngx_http_consent_module.h"
#include "ngx_http_consent_coding.h"
#include "ngx_http_consent_cache.h"
#include "consent_rewriter.h"


/*
 * No r->buffered bit (stock filters use 0x01, 0x02 and 0x04 of its four;
 * image_filter uses 0x08 of c->buffered): this filter never holds output
 * that a call without input could send.  Held bytes of an unfinished tag
 * wait for more input; decoded output waits only for buffers held by
 * filters after this one, which flag themselves.
 */

#define NGX_HTTP_CONSENT_TYPE_MAX    128
#define NGX_HTTP_CONSENT_SNIFF_MAX   1445   /* the MIME sniffing standard's */


/* A link of a hit's output with its buffer, allocated many at a time. */
typedef struct {
    ngx_chain_t                cl;
    ngx_buf_t                  buf;
} ngx_http_consent_hit_link_t;


struct ngx_http_consent_filter_ctx_s {
    consent_rewriter_t        *rewriter;
    consent_render_out_t       fragments[3];
    consent_render_ctx_t       render;    /* for the placeholders */

    ngx_chain_t               *in;        /* queued input to inflate */
    ngx_chain_t               *out;
    ngx_chain_t              **last_out;
    ngx_chain_t               *busy;
    ngx_chain_t               *free;      /* buffer headers for spans */
    ngx_chain_t               *free_mem;  /* buffers with their own memory */

    ngx_buf_t                 *gen;       /* the copy buffer being filled */
    ngx_chain_t               *gen_owner; /* the newest piece of the block */
    ngx_chain_t               *last;      /* the last link made */
    ngx_http_request_t        *request;
    const char                *lang;      /* of the injected texts */
    char                       marker[2 * CONSENT_ID_LEN + 1];
                                          /* data-consent of this response */
    ngx_uint_t                 produced;  /* output made from this input */

    ngx_http_consent_inflate_t *inflate;  /* gzip or deflate body */
    ngx_str_t                  coding_name;
    ngx_buf_t                 *sniffed;   /* first bytes, no Content-Type */
    ngx_http_consent_sightings_t  *sightings;  /* for discovery */

    ngx_http_consent_cache_entry_t *hit;  /* consent_cache: sent instead */
    ngx_http_consent_cache_rec_t   *rec;  /* consent_cache: a miss */
    off_t                      consumed;  /* input bytes of a hit */
    ngx_http_consent_hit_link_t  *hit_links;  /* the next free ones */
    ngx_uint_t                 hit_left;

    unsigned                   warned:1;
    unsigned                   done:1;
    unsigned                   sniff:1;   /* the header waits */
    unsigned                   pass:1;    /* not HTML after all */
};


static ngx_int_t ngx_http_consent_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_consent_strip_cookies(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_skip(ngx_http_request_t *r,
    ngx_http_consent_loc_conf_t *lcf);
static ngx_int_t ngx_http_consent_type(ngx_http_request_t *r,
    ngx_hash_t *types);
static ngx_int_t ngx_http_consent_sniff(u_char *p, size_t len,
    ngx_uint_t last);
static ngx_int_t ngx_http_consent_send_header(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_uint_t rewrite);
static ngx_int_t ngx_http_consent_filter_start(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_http_consent_loc_conf_t *lcf,
    ngx_uint_t cacheable);
static ngx_int_t ngx_http_consent_state_etag(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx);
static ngx_int_t ngx_http_consent_inflate_body(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_chain_t *in);
static ngx_int_t ngx_http_consent_inflate_queue(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx);
static ngx_int_t ngx_http_consent_corrupt(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx);
static ngx_int_t ngx_http_consent_feed(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_buf_t *b);
static ngx_int_t ngx_http_consent_sniff_feed(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_buf_t *b);
static ngx_int_t ngx_http_consent_hit_body(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx, ngx_chain_t *in);
static ngx_int_t ngx_http_consent_hit_link(
    ngx_http_consent_filter_ctx_t *fctx, const u_char *p, size_t len);
static ngx_int_t ngx_http_consent_pass_special(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx, ngx_chain_t *in);
static int ngx_http_consent_emit(void *data, const unsigned char *p,
    size_t len, int from_input);
static ngx_int_t ngx_http_consent_fragment(
    ngx_http_consent_filter_ctx_t *fctx, const unsigned char *p, size_t len);
static void *ngx_http_consent_fragment_alloc(void *data, size_t len);
static ngx_chain_t *ngx_http_consent_get_link(ngx_http_consent_filter_ctx_t
    *fctx, ngx_chain_t **free);
static ngx_int_t ngx_http_consent_output(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx);
static ngx_int_t ngx_http_consent_append_special(
    ngx_http_consent_filter_ctx_t *fctx, ngx_buf_t *in);
static void ngx_http_consent_filter_cleanup(void *data);
static void ngx_http_consent_filter_warn(ngx_http_consent_filter_ctx_t *fctx,
    unsigned events);


static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


ngx_int_t
ngx_http_consent_filter_init(ngx_conf_t *cf)
{
    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_consent_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_http_consent_body_filter;

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_header_filter(ngx_http_request_t *r)
{
    ngx_int_t                       rc;
    ngx_str_t                       coding_name;
    ngx_uint_t                      coding, sniff;
    ngx_http_consent_ctx_t         *ctx;
    ngx_http_consent_loc_conf_t    *lcf;
    ngx_http_consent_srv_conf_t    *cscf;
    ngx_http_consent_filter_ctx_t  *fctx;

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);
    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    if (lcf->strip_cookies && ngx_http_consent_strip_cookies(r) != NGX_OK) {
        return NGX_ERROR;
    }

    rc = NGX_DECLINED;

    if (cscf->keys) {
        /* the relay marker of an upstream never reaches the client */
        rc = ngx_http_consent_relay_response(r,
                          ngx_http_get_module_ctx(r, ngx_http_consent_module));
        if (rc == NGX_ERROR) {
            return NGX_ERROR;
        }
    }

    if (!lcf->enable || ngx_http_consent_skip(r, lcf) != NGX_OK) {
        return ngx_http_next_header_filter(r);
    }

    if (rc == NGX_OK) {
        ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "consent filter: skipped, rewritten by the upstream");
        return ngx_http_next_header_filter(r);
    }

    rc = ngx_http_consent_type(r, &lcf->types);

    if (rc == NGX_DECLINED) {
        ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "consent filter: skipped, not in consent_types");
        return ngx_http_next_header_filter(r);
    }

    /* NGX_AGAIN: a browser sniffs the body, so does the filter */
    sniff = (rc == NGX_AGAIN);

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    if (ctx->consent.mode == CONSENT_MODE_NONE) {
        /* the region's law asks for nothing: the page as it is, but caches
           must not serve it to other regions */
        if (ngx_http_consent_vary(r, ctx) != NGX_OK) {
            return NGX_ERROR;
        }

        return ngx_http_next_header_filter(r);
    }

    coding = ngx_http_consent_coding(r, &coding_name);

    if (coding == NGX_HTTP_CONSENT_CODING_OTHER) {
        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "consent filter: cannot read the \"%V\" coding of "
                      "\"%V\": %s", &coding_name, &r->uri,
                      lcf->undecodable == NGX_HTTP_CONSENT_UNDECODABLE_PASS
                      ? "passed through unread (consent_undecodable pass)"
                      : "refused with 502; upstreams get an Accept-Encoding "
                        "of gzip and deflate only, so an upstream that sends "
                        "another coding ignores it");

        if (lcf->undecodable == NGX_HTTP_CONSENT_UNDECODABLE_PASS) {
            return ngx_http_next_header_filter(r);
        }

        return ngx_http_filter_finalize_request(r, &ngx_http_consent_module,
                                                NGX_HTTP_BAD_GATEWAY);
    }

    /* the cache keeps plain bodies whose header names them */
    if (ngx_http_consent_filter_start(r, ctx, lcf,
                                      coding == NGX_HTTP_CONSENT_CODING_NONE
                                      && !sniff)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    fctx = ctx->filter;

    if (coding != NGX_HTTP_CONSENT_CODING_NONE) {
        fctx->inflate = ngx_http_consent_inflate_create(r, coding);
        if (fctx->inflate == NULL) {
            return NGX_ERROR;
        }

        fctx->coding_name = coding_name;

        /* sent decoded: nginx's gzip filter, after this one, may compress */
        ngx_http_consent_coding_clear(r);
        ngx_http_clear_content_length(r);
        ngx_http_clear_accept_ranges(r);
    }

    if (fctx->hit == NULL) {
        /* a hit counts the input, it needs no bytes of it */
        r->filter_need_in_memory = 1;
    }

    if (sniff) {
        /* the header waits for the first bytes of the body */
        fctx->sniff = 1;
        return NGX_OK;
    }

    return ngx_http_consent_send_header(r, ctx, 1);
}


/* The header of a response the filter reads; rewrite: it is HTML. */

static ngx_int_t
ngx_http_consent_send_header(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_uint_t rewrite)
{
    if (!rewrite) {
        ctx->filter->pass = 1;
        return ngx_http_next_header_filter(r);
    }

    ngx_http_clear_content_length(r);
    ngx_http_clear_accept_ranges(r);

    /*
     * The page differs with the visitor's choice and language: no
     * Last-Modified (a later If-Modified-Since would get a 304 with the
     * page as it was before the choice), and an ETag that names the state.
     */
    ngx_http_clear_last_modified(r);

    if (ngx_http_consent_state_etag(r, ctx) != NGX_OK
        || ngx_http_consent_vary(r, ctx) != NGX_OK
        || ngx_http_consent_relay_mark(r, ctx) != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_http_next_header_filter(r);
}


/*
 * Upstream Set-Cookie headers of cookies that the policy declares for a
 * service not granted (by its category or alone) are removed (hash = 0).
 */

static ngx_int_t
ngx_http_consent_strip_cookies(ngx_http_request_t *r)
{
    int                              service;
    size_t                           len;
    const char                      *name;
    ngx_table_elt_t                 *h;
    consent_policy_t                *policy;
    ngx_http_consent_ctx_t          *ctx;
    ngx_http_consent_srv_conf_t     *cscf;
    ngx_http_consent_header_walk_t   walk;

    ctx = NULL;
    policy = ngx_http_consent_policy(r);
    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    walk.part = NULL;

    while ((h = ngx_http_consent_next_header(&r->headers_out.headers,
                                             "Set-Cookie", &walk))
           != NULL)
    {
        if (!consent_set_cookie_name((const char *) h->value.data,
                                     h->value.len, &name, &len))
        {
            continue;
        }

        if (len == cscf->cookie_name.len
            && ngx_strncmp(name, cscf->cookie_name.data, len) == 0)
        {
            continue;
        }

        service = consent_policy_match_cookie(policy, name, len);
        if (service < 0) {
            continue;
        }

        if (ctx == NULL) {
            ctx = ngx_http_consent_get_ctx(r);
            if (ctx == NULL) {
                return NGX_ERROR;
            }
        }

        if (consent_policy_service_granted(policy, ctx->consent.granted,
                                           ctx->consent.services,
                                           (unsigned) service))
        {
            continue;
        }

        ngx_log_debug3(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "consent: removed Set-Cookie \"%*s\" of \"%s\"",
                       len, name, policy->services[service].id);

        h->hash = 0;
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_skip(ngx_http_request_t *r, ngx_http_consent_loc_conf_t *lcf)
{
    const char  *why;
    ngx_uint_t   status;

    status = r->headers_out.status;

    if (r != r->main) {
        why = "a subrequest";

    } else if (status < NGX_HTTP_OK
               || status == NGX_HTTP_NO_CONTENT
               || status == NGX_HTTP_NOT_MODIFIED)
    {
        why = "a status without a body";

    } else if (r->header_only || r->method == NGX_HTTP_HEAD
               || r->headers_out.content_length_n == 0)
    {
        why = "no body";

    } else if (lcf->api || lcf->policy_page) {
        why = "served by the module";

    } else {
        return NGX_OK;
    }

#if (NGX_DEBUG)
    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "consent filter: skipped, %s", why);
#else
    (void) why;
#endif

    return NGX_DECLINED;
}


/*
 * How the media type of the response (case, spacing and parameters aside)
 * is taken: NGX_OK, in consent_types; NGX_AGAIN, a browser would sniff the
 * body (no type, an invalid one, or one of the "unknown" types); otherwise
 * NGX_DECLINED.  nginx's own type test compares an exact-length prefix, so
 * "text/html ; charset=utf-8" would not match there.
 */

static ngx_int_t
ngx_http_consent_type(ngx_http_request_t *r, ngx_hash_t *types)
{
    u_char      *p, *last, type[NGX_HTTP_CONSENT_TYPE_MAX];
    size_t       len, i;
    ngx_str_t   *unknown;

    static ngx_str_t  unknown_types[] = {
        ngx_string("unknown/unknown"),
        ngx_string("application/unknown"),
        ngx_string("*/*"),
        ngx_null_string
    };

    p = r->headers_out.content_type.data;
    last = p + r->headers_out.content_type.len;

    if (p) {
        last = ngx_strlchr(p, last, ';');
        if (last == NULL) {
            last = p + r->headers_out.content_type.len;
        }
    }

    while (p < last && (*p == ' ' || *p == '\t')) {
        p++;
    }

    while (last > p && (last[-1] == ' ' || last[-1] == '\t')) {
        last--;
    }

    len = last - p;

    if (len == 0 || ngx_strlchr(p, last, '/') == NULL) {
        return NGX_AGAIN;
    }

    if (len > NGX_HTTP_CONSENT_TYPE_MAX) {
        return types->size == 0 ? NGX_OK : NGX_DECLINED;
    }

    for (i = 0; i < len; i++) {
        type[i] = ngx_tolower(p[i]);
    }

    for (unknown = unknown_types; unknown->len; unknown++) {
        if (len == unknown->len && ngx_strncmp(type, unknown->data, len) == 0)
        {
            return NGX_AGAIN;
        }
    }

    if (types->size == 0) {
        return NGX_OK;      /* consent_types * */
    }

    return ngx_hash_find(types, ngx_hash_key(type, len), type, len)
           ? NGX_OK : NGX_DECLINED;
}


/*
 * The HTML signatures of the MIME Sniffing Standard: after white space, one
 * of these (any case) and a space or ">".  NGX_OK: HTML; NGX_DECLINED: not
 * HTML; NGX_AGAIN: more bytes are needed to tell.
 */

static ngx_int_t
ngx_http_consent_sniff(u_char *p, size_t len, ngx_uint_t last)
{
    u_char            *end;
    size_t             n;
    ngx_uint_t         maybe;
    const ngx_str_t   *sig;

    static const ngx_str_t  signatures[] = {
        ngx_string("<!doctype html"), ngx_string("<html"),
        ngx_string("<head"), ngx_string("<script"), ngx_string("<iframe"),
        ngx_string("<h1"), ngx_string("<div"), ngx_string("<font"),
        ngx_string("<table"), ngx_string("<a"), ngx_string("<style"),
        ngx_string("<title"), ngx_string("<b"), ngx_string("<body"),
        ngx_string("<br"), ngx_string("<p"), ngx_string("<!--"),
        ngx_null_string
    };

    end = p + len;

    if (len >= NGX_HTTP_CONSENT_SNIFF_MAX) {
        last = 1;
    }

    while (p < end && (*p == '\t' || *p == '\n' || *p == '\f' || *p == '\r'
                       || *p == ' '))
    {
        p++;
    }

    n = end - p;
    maybe = (n == 0);

    for (sig = signatures; sig->len; sig++) {

        if (ngx_strncasecmp(p, (u_char *) sig->data, ngx_min(n, sig->len))
            != 0)
        {
            continue;
        }

        if (n <= sig->len) {
            maybe = 1;
            continue;
        }

        if (p[sig->len] == ' ' || p[sig->len] == '>') {
            return NGX_OK;
        }
    }

    return (maybe && !last) ? NGX_AGAIN : NGX_DECLINED;
}


static ngx_int_t
ngx_http_consent_filter_start(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_http_consent_loc_conf_t *lcf,
    ngx_uint_t cacheable)
{
    char                           *nonce, id[2 * CONSENT_ID_LEN + 1];
    u_char                          token[CONSENT_ID_LEN];
    ngx_int_t                       found;
    ngx_str_t                       value;
    ngx_pool_cleanup_t             *cln;
    consent_site_t                  site;
    consent_policy_t               *policy;
    consent_render_ctx_t            rc;
    consent_rewriter_conf_t         wc;
    ngx_http_consent_filter_ctx_t  *fctx;

    fctx = ngx_pcalloc(r->pool, sizeof(ngx_http_consent_filter_ctx_t));
    if (fctx == NULL) {
        return NGX_ERROR;
    }

    cln = ngx_pool_cleanup_add(r->pool, 0);
    if (cln == NULL) {
        return NGX_ERROR;
    }

    cln->handler = ngx_http_consent_filter_cleanup;
    cln->data = fctx;

    policy = lcf->policy;

    if (ngx_http_consent_render_ctx(r, &rc, id) != NGX_OK) {
        return NGX_ERROR;
    }

    if (lcf->csp_nonce) {
        if (ngx_http_complex_value(r, lcf->csp_nonce, &value) != NGX_OK) {
            return NGX_ERROR;
        }

        nonce = ngx_http_consent_cstr(r, &value);
        if (nonce == NULL) {
            return NGX_ERROR;
        }

        rc.nonce = value.len ? nonce : NULL;
    }

    /* a token page markup cannot guess: consent.js activates only what
       the rewriter marked with it */
    if (ngx_http_consent_random_id(token) != NGX_OK) {
        ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                      "consent filter: no random bytes for the marker");
        return NGX_ERROR;
    }

    consent_id_hex(token, fctx->marker);
    rc.marker = fctx->marker;

    /* the fragments live in the request pool, as long as their links */
    rc.alloc = ngx_http_consent_fragment_alloc;
    rc.alloc_data = r->pool;

    if (consent_render_head_start(&rc, &fctx->fragments[0]) != 0
        || consent_render_head_end(&rc, &fctx->fragments[1]) != 0
        || consent_render_body_start(&rc, &fctx->fragments[2]) != 0)
    {
        return NGX_ERROR;
    }

    ngx_memzero(&wc, sizeof(consent_rewriter_conf_t));

    /* first parties: the host the page is served as (the rewriter copies) */
    consent_site_init(&site, r->headers_in.server.data,
                      r->headers_in.server.len);

    wc.policy = policy;
    wc.site = &site;
    wc.granted = ctx->consent.granted;

    if (ctx->consent.services) {
        wc.services = *ctx->consent.services;
    }

    wc.inline_max = lcf->inline_max;
    wc.marker.p = (const unsigned char *) fctx->marker;
    wc.marker.len = 2 * CONSENT_ID_LEN;
    wc.emit = ngx_http_consent_emit;
    wc.emit_data = fctx;

    fctx->sightings = ngx_http_consent_sightings_create(r);
    if (fctx->sightings == NULL) {
        return NGX_ERROR;
    }

    wc.observe = ngx_http_consent_sighting;
    wc.observe_data = fctx->sightings;

    if (lcf->unknown_category >= 0) {
        wc.block_unknown = 1;
        wc.unknown_category = (unsigned) lcf->unknown_category;
    }

    /* placeholders are rendered as frames are blocked: the context must
       outlive this call (the consent id it points to does not) */
    fctx->render = rc;
    fctx->render.consent_id = NULL;
    wc.placeholder = consent_render_placeholder;
    wc.placeholder_data = &fctx->render;

    wc.head_start.p = (const unsigned char *) fctx->fragments[0].data;
    wc.head_start.len = fctx->fragments[0].len;
    wc.head_end.p = (const unsigned char *) fctx->fragments[1].data;
    wc.head_end.len = fctx->fragments[1].len;
    wc.body_start.p = (const unsigned char *) fctx->fragments[2].data;
    wc.body_start.len = fctx->fragments[2].len;

    fctx->request = r;
    fctx->lang = rc.lang;
    fctx->last_out = &fctx->out;

    ctx->filter = fctx;

    if (lcf->cache) {
        found = cacheable ? ngx_http_consent_cache_lookup(r, lcf->cache, &wc,
                                                    &fctx->hit, &fctx->rec)
                          : NGX_DECLINED;

        if (found == NGX_ERROR) {
            return NGX_ERROR;
        }

        ctx->cache_status = fctx->hit ? NGX_HTTP_CONSENT_CACHE_HIT
                            : fctx->rec ? NGX_HTTP_CONSENT_CACHE_MISS
                            : NGX_HTTP_CONSENT_CACHE_BYPASS;
    }

    if (fctx->hit) {
        return NGX_OK;
    }

    if (fctx->rec) {
        /* a miss keeps the sightings that its hits replay */
        wc.observe = ngx_http_consent_cache_observe;
        wc.observe_data = fctx->rec;
    }

    fctx->rewriter = consent_rewriter_create(&wc);
    if (fctx->rewriter == NULL) {
        return NGX_ERROR;
    }

    return NGX_OK;
}


/* What the rewriter could not read within its bounds: once a request. */
static void
ngx_http_consent_filter_warn(ngx_http_consent_filter_ctx_t *fctx,
    unsigned events)
{
    const char  *what;

    if (events & CONSENT_EV_INLINE_TOO_LONG) {
        what = "an inline script longer than consent_inline_max was made "
               "inert (type=\"text/plain\")";

    } else if (events & CONSENT_EV_TAG_TOO_LONG) {
        what = "a loader's start tag over 16 KB or 256 attributes was "
               "replaced by an inert placeholder";

    } else if (events & CONSENT_EV_STYLE_UNREAD) {
        what = "a start tag over 16 KB or 256 attributes passed without "
               "its style and background attributes being read";

    } else {
        return;
    }

    fctx->warned = 1;
    ngx_log_error(NGX_LOG_WARN, fctx->request->connection->log, 0,
                  "consent filter: %s", what);
}


static void
ngx_http_consent_filter_cleanup(void *data)
{
    ngx_http_consent_filter_ctx_t *fctx = data;

    if (fctx->rewriter) {
        consent_rewriter_destroy(fctx->rewriter);
    }
}


/*
 * W/"<original>-<status><mode><decided><granted>[.<services>]-<language>":
 * services is a digest of the services granted alone, when there are any.
 */

static ngx_int_t
ngx_http_consent_state_etag(ngx_http_request_t *r, ngx_http_consent_ctx_t *ctx)
{
    u_char                    *p;
    size_t                     len;
    uint64_t                   digest;
    ngx_str_t                  orig;
    ngx_uint_t                 i;
    ngx_table_elt_t           *etag;
    const consent_services_t  *services;

    /* W/ prefixed; cleared when it is not a quoted string */
    ngx_http_weak_etag(r);

    etag = r->headers_out.etag;

    if (etag == NULL) {
        return NGX_OK;
    }

    orig.data = etag->value.data + 2;
    orig.len = etag->value.len - 2;

    if (orig.len < 2 || orig.data[0] != '"' || orig.data[orig.len - 1] != '"') {
        ngx_http_clear_etag(r);
        return NGX_OK;
    }

    len = ngx_strlen(ctx->filter->lang);

    digest = 0;
    services = ctx->consent.services;

    for (i = 0; services && i < services->n; i++) {
        digest = digest * 31 + services->hash[i];
    }

    p = ngx_pnalloc(r->pool, orig.len + sizeof("W/-000ffffffff.-") - 1
                             + NGX_INT64_LEN + len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    etag->value.data = p;

    p = ngx_cpymem(p, "W/", 2);
    p = ngx_cpymem(p, orig.data, orig.len - 1);
    p = ngx_sprintf(p, "-%ui%ui%ui%xD", (ngx_uint_t) ctx->consent.status,
                    (ngx_uint_t) ctx->consent.mode,
                    (ngx_uint_t) ctx->consent.decided,
                    (uint32_t) ctx->consent.granted);

    if (services && services->n) {
        p = ngx_sprintf(p, ".%uL", digest);
    }

    *p++ = '-';
    p = ngx_cpymem(p, ctx->filter->lang, len);
    *p++ = '"';

    etag->value.len = p - etag->value.data;

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    ngx_int_t                       rc;
    ngx_chain_t                    *cl;
    ngx_http_consent_ctx_t         *ctx;
    ngx_http_consent_filter_ctx_t  *fctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_consent_module);

    if (ctx == NULL || ctx->filter == NULL) {
        return ngx_http_next_body_filter(r, in);
    }

    fctx = ctx->filter;

    if (fctx->done) {
        return ngx_http_consent_pass_special(r, fctx, in);
    }

    if (in == NULL && fctx->in == NULL && fctx->busy == NULL
        && fctx->out == NULL)
    {
        return ngx_http_next_body_filter(r, in);
    }

    if (fctx->hit) {
        return ngx_http_consent_hit_body(r, fctx, in);
    }

    if (fctx->inflate) {
        return ngx_http_consent_inflate_body(r, ctx, in);
    }

    for (cl = in; cl; cl = cl->next) {
        rc = ngx_http_consent_feed(r, ctx, cl->buf);
        if (rc != NGX_OK) {
            return rc;
        }
    }

    if (fctx->sniff) {
        return NGX_OK;
    }

    return ngx_http_consent_output(r, fctx);
}


/*
 * A gzip or deflate body.  The input is queued, for decoding stops when
 * all its buffers are in flight, and goes on when sending freed some.
 */

static ngx_int_t
ngx_http_consent_inflate_body(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_chain_t *in)
{
    ngx_int_t                       rc, sent;
    ngx_http_consent_filter_ctx_t  *fctx;

    fctx = ctx->filter;

    if (in && ngx_chain_add_copy(r->pool, &fctx->in, in) != NGX_OK) {
        return NGX_ERROR;
    }

    for ( ;; ) {
        rc = ngx_http_consent_inflate_queue(r, ctx);

        if (rc == NGX_ERROR || rc > NGX_OK || fctx->sniff) {
            return rc;
        }

        sent = ngx_http_consent_output(r, fctx);

        if (sent == NGX_ERROR) {
            return NGX_ERROR;
        }

        if (rc == NGX_OK) {
            return sent;
        }

        if (ngx_http_consent_inflate_reclaim(fctx->inflate) == 0) {
            return NGX_AGAIN;
        }
    }
}


/*
 * Inflates the queued input into the rewriter: NGX_OK when all of it was
 * read, NGX_AGAIN when every decoded buffer is in flight, NGX_ERROR, or an
 * HTTP status (the response was refused before its header went out).
 */

static ngx_int_t
ngx_http_consent_inflate_queue(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx)
{
    ngx_int_t                       rc;
    ngx_buf_t                      *b, *d, special;
    ngx_http_consent_filter_ctx_t  *fctx;

    fctx = ctx->filter;

    while (fctx->in) {
        b = fctx->in->buf;

        ngx_http_consent_inflate_reclaim(fctx->inflate);

        for ( ;; ) {
            rc = ngx_http_consent_inflate(fctx->inflate, b, &d);

            if (rc == NGX_AGAIN || rc == NGX_ERROR) {
                return rc;
            }

            if (rc == NGX_DECLINED) {
                return ngx_http_consent_corrupt(r, fctx);
            }

            if (d == NULL) {
                break;
            }

            rc = ngx_http_consent_feed(r, ctx, d);
            if (rc != NGX_OK) {
                return rc;
            }
        }

        if (b->last_buf && !ngx_http_consent_inflate_complete(fctx->inflate))
        {
            return ngx_http_consent_corrupt(r, fctx);
        }

        if (b->last_buf || b->flush) {
            ngx_memzero(&special, sizeof(ngx_buf_t));
            special.last_buf = b->last_buf;
            special.flush = b->flush;

            rc = ngx_http_consent_feed(r, ctx, &special);
            if (rc != NGX_OK) {
                return rc;
            }
        }

        fctx->in = fctx->in->next;
    }

    return NGX_OK;
}


/*
 * A body that does not inflate: refused with 502 while its header waits,
 * cut afterwards (the client sees a broken response, never unread bytes).
 */

static ngx_int_t
ngx_http_consent_corrupt(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx)
{
    ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                  "consent filter: the \"%V\" body of \"%V\" is corrupt or "
                  "truncated: %s", &fctx->coding_name, &r->uri,
                  fctx->sniff ? "refused with 502" : "the response was cut");

    fctx->done = 1;

    if (fctx->sniff) {
        return ngx_http_filter_finalize_request(r, &ngx_http_consent_module,
                                                NGX_HTTP_BAD_GATEWAY);
    }

    return NGX_ERROR;
}


/* One buffer of plain (decoded) body through sniffing and the rewriter. */

static ngx_int_t
ngx_http_consent_feed(ngx_http_request_t *r, ngx_http_consent_ctx_t *ctx,
    ngx_buf_t *b)
{
    ngx_int_t                       rc;
    ngx_http_consent_filter_ctx_t  *fctx;

    fctx = ctx->filter;

    if (fctx->sniff) {
        rc = ngx_http_consent_sniff_feed(r, ctx, b);
        if (rc != NGX_OK) {
            return rc == NGX_AGAIN ? NGX_OK : rc;
        }
    }

    if (fctx->done) {
        b->pos = b->last;
        return NGX_OK;
    }

    fctx->gen = NULL;
    fctx->produced = 0;

    if (fctx->pass) {
        if (ngx_http_consent_emit(fctx, b->pos, b->last - b->pos, 1) != 0) {
            return NGX_ERROR;
        }

    } else {
        if (fctx->rec) {
            ngx_http_consent_cache_input(fctx->rec, b->last - b->pos);
        }

        if (consent_rewriter_feed(fctx->rewriter,
                                  b->pos ? b->pos : (u_char *) "",
                                  b->last - b->pos, b->last_buf)
            != 0)
        {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "consent filter: rewriting failed");
            return NGX_ERROR;
        }

        if (!fctx->warned) {
            ngx_http_consent_filter_warn(fctx,
                                      consent_rewriter_events(fctx->rewriter));
        }
    }

    fctx->gen = NULL;

    if (ngx_http_consent_append_special(fctx, b) != NGX_OK) {
        return NGX_ERROR;
    }

    if (b->last_buf) {
        fctx->done = 1;
        ngx_http_consent_sightings_flush(fctx->sightings);

        if (fctx->rec) {
            ngx_http_consent_cache_store(fctx->rec,
                                      consent_rewriter_events(fctx->rewriter));
        }
    }

    return NGX_OK;
}


/*
 * A response without Content-Type: its first bytes are kept (copied, at
 * most NGX_HTTP_CONSENT_SNIFF_MAX) until they tell whether a browser would
 * render it as HTML; then the header goes out and the kept bytes are fed
 * ahead of the rest of b.  NGX_AGAIN: b was kept whole, still undecided.
 */

static ngx_int_t
ngx_http_consent_sniff_feed(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_buf_t *b)
{
    size_t                          n;
    ngx_int_t                       rc;
    ngx_buf_t                      *kept;
    ngx_http_consent_filter_ctx_t  *fctx;

    fctx = ctx->filter;

    if (fctx->sniffed == NULL) {
        fctx->sniffed = ngx_create_temp_buf(r->pool,
                                            NGX_HTTP_CONSENT_SNIFF_MAX);
        if (fctx->sniffed == NULL) {
            return NGX_ERROR;
        }
    }

    kept = fctx->sniffed;

    n = ngx_min((size_t) (b->last - b->pos),
                (size_t) (kept->end - kept->last));

    if (n) {
        kept->last = ngx_cpymem(kept->last, b->pos, n);
        b->pos += n;
    }

    rc = ngx_http_consent_sniff(kept->pos, kept->last - kept->pos,
                                b->last_buf && b->pos == b->last);

    if (rc == NGX_AGAIN) {
        return NGX_AGAIN;
    }

    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "consent filter: no Content-Type, sniffed %s",
                   rc == NGX_OK ? "HTML" : "not HTML");

    fctx->sniff = 0;

    rc = ngx_http_consent_send_header(r, ctx, rc == NGX_OK);

    if (rc == NGX_ERROR || rc > NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_http_consent_feed(r, ctx, kept);
}


/*
 * A hit: the input is counted, not read.  Once all of it has arrived, and
 * it is as long as the entry's, the template goes out by reference with
 * this response's marker and fragments in its slots (nothing went out
 * before: a short or long body never gets the stored one).
 */

static ngx_int_t
ngx_http_consent_hit_body(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx, ngx_chain_t *in)
{
    off_t                            expected;
    size_t                           len;
    ngx_uint_t                       i, last;
    ngx_buf_t                       *b;
    ngx_chain_t                     *cl;
    const u_char                    *p;
    ngx_http_consent_cache_piece_t   piece;

    last = 0;

    for (cl = in; cl; cl = cl->next) {
        b = cl->buf;

        fctx->consumed += ngx_buf_size(b);
        b->pos = b->last;
        b->file_pos = b->file_last;

        if (b->last_buf) {
            last = 1;
        }
    }

    expected = ngx_http_consent_cache_input_len(fctx->hit);

    if (fctx->consumed > expected || (last && fctx->consumed != expected)) {
        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "consent cache: the body of \"%V\" has %O%s bytes where "
                      "its Content-Length says %O: the response was cut",
                      &r->uri, fctx->consumed, last ? "" : " or more",
                      expected);
        fctx->done = 1;
        return NGX_ERROR;
    }

    if (!last) {
        return NGX_OK;
    }

    fctx->done = 1;

    for (i = 0; ngx_http_consent_cache_piece(fctx->hit, i, &piece) == NGX_OK;
         i++)
    {
        if (ngx_http_consent_hit_link(fctx, piece.data, piece.len) != NGX_OK)
        {
            return NGX_ERROR;
        }

        if (piece.slot == NGX_HTTP_CONSENT_SLOT_NONE) {
            continue;
        }

        if (piece.slot == NGX_HTTP_CONSENT_SLOT_MARKER) {
            p = (const u_char *) fctx->marker;
            len = 2 * CONSENT_ID_LEN;

        } else {
            p = (const u_char *) fctx->fragments[piece.slot].data;
            len = fctx->fragments[piece.slot].len;
        }

        if (ngx_http_consent_hit_link(fctx, p, len) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    ngx_http_consent_filter_warn(fctx,
                                 ngx_http_consent_cache_events(fctx->hit));

    ngx_http_consent_cache_replay(fctx->hit, ngx_http_consent_sighting,
                                  fctx->sightings);
    ngx_http_consent_sightings_flush(fctx->sightings);

    if (fctx->last == NULL) {
        cl = ngx_http_consent_get_link(fctx, &fctx->free);
        if (cl == NULL) {
            return NGX_ERROR;
        }

        cl->buf->sync = 1;
        *fctx->last_out = cl;
        fctx->last_out = &cl->next;
        fctx->last = cl;
    }

    fctx->last->buf->last_buf = 1;

    return ngx_http_consent_output(r, fctx);
}


/*
 * A link of a hit's output, pointing at p: links are taken from blocks as
 * large as the request pool serves from its pages (two allocations for a
 * typical page instead of two per link).
 */

static ngx_int_t
ngx_http_consent_hit_link(ngx_http_consent_filter_ctx_t *fctx,
    const u_char *p, size_t len)
{
    ngx_uint_t                    n;
    ngx_http_consent_hit_link_t  *link;

    if (len == 0) {
        return NGX_OK;
    }

    if (fctx->hit_left == 0) {
        n = ngx_max(fctx->request->pool->max
                    / sizeof(ngx_http_consent_hit_link_t), 1);

        fctx->hit_links = ngx_palloc(fctx->request->pool,
                                   n * sizeof(ngx_http_consent_hit_link_t));
        if (fctx->hit_links == NULL) {
            return NGX_ERROR;
        }

        fctx->hit_left = n;
    }

    link = fctx->hit_links++;
    fctx->hit_left--;

    ngx_memzero(link, sizeof(ngx_http_consent_hit_link_t));

    link->cl.buf = &link->buf;
    link->buf.memory = 1;
    link->buf.pos = (u_char *) p;
    link->buf.last = (u_char *) p + len;
    link->buf.tag = (ngx_buf_tag_t) &ngx_http_consent_module;

    *fctx->last_out = &link->cl;
    fctx->last_out = &link->cl.next;
    fctx->last = &link->cl;

    return NGX_OK;
}


/* After the last buffer: flush and last_buf (add_after_body) pass on. */

static ngx_int_t
ngx_http_consent_pass_special(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx, ngx_chain_t *in)
{
    ngx_buf_t    *b;
    ngx_chain_t  *cl, *link;

    for (cl = in; cl; cl = cl->next) {
        b = cl->buf;
        b->pos = b->last;

        if (!b->last_buf && !b->flush && !b->sync) {
            continue;
        }

        link = ngx_http_consent_get_link(fctx, &fctx->free);
        if (link == NULL) {
            return NGX_ERROR;
        }

        link->buf->last_buf = b->last_buf;
        link->buf->last_in_chain = b->last_in_chain;
        link->buf->flush = b->flush;
        link->buf->sync = 1;

        *fctx->last_out = link;
        fctx->last_out = &link->next;
    }

    return ngx_http_consent_output(r, fctx);
}


/*
 * After an input buffer was fed: the last output made from it releases it
 * once sent (shadow); flush and last_buf are passed on.
 */

static ngx_int_t
ngx_http_consent_append_special(ngx_http_consent_filter_ctx_t *fctx,
    ngx_buf_t *in)
{
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    if (fctx->produced == 0) {
        /* the rewriter holds copies of whatever it still needs */
        in->pos = in->last;

        if (!in->last_buf && !in->flush) {
            return NGX_OK;
        }

        cl = ngx_http_consent_get_link(fctx, &fctx->free);
        if (cl == NULL) {
            return NGX_ERROR;
        }

        b = cl->buf;
        b->sync = 1;

        *fctx->last_out = cl;
        fctx->last_out = &cl->next;

    } else {
        b = fctx->last->buf;

        if (in->pos != in->last) {
            b->shadow = in;
            b->last_shadow = 1;
            b->recycled = in->recycled;
        }
    }

    b->last_buf = in->last_buf;
    b->flush = in->flush;

    return NGX_OK;
}


/*
 * Output of the rewriter.  Input spans and the injected fragments (which
 * live as long as the request) are referenced; contiguous references make
 * one link.  Generated bytes are copied into a block of our own that the
 * pieces of one request share: each piece is a link of its own, and the
 * newest one owns the block (temporary), so the block is reused only once
 * every piece in it was sent.  A block is as large as the request pool
 * serves from its own pages, not a separate allocation.
 */

static int
ngx_http_consent_emit(void *data, const unsigned char *p, size_t len,
    int from_input)
{
    ngx_http_consent_filter_ctx_t *fctx = data;

    size_t        size;
    ngx_int_t     slot;
    ngx_buf_t    *b, *owner;
    ngx_chain_t  *cl;

    if (len == 0) {
        return 0;
    }

    slot = from_input ? NGX_HTTP_CONSENT_SLOT_NONE
                      : ngx_http_consent_fragment(fctx, p, len);

    if (fctx->rec) {
        ngx_http_consent_cache_record(fctx->rec, p, len, slot);
    }

    if (from_input || slot != NGX_HTTP_CONSENT_SLOT_NONE) {
        fctx->gen = NULL;

        /* links of this input buffer only: append_special() relies on it */
        if (fctx->produced && fctx->last->buf->memory
            && fctx->last->buf->last == p)
        {
            fctx->last->buf->last += len;
            return 0;
        }

        cl = ngx_http_consent_get_link(fctx, &fctx->free);
        if (cl == NULL) {
            return -1;
        }

        b = cl->buf;
        b->memory = 1;
        b->pos = (u_char *) p;
        b->last = (u_char *) p + len;

        goto append;
    }

    b = fctx->gen;

    if (b && (size_t) (b->end - b->last) >= len) {
        b->last = ngx_cpymem(b->last, p, len);
        return 0;
    }

    owner = fctx->gen_owner ? fctx->gen_owner->buf : NULL;

    if (owner && (size_t) (owner->end - owner->last) >= len) {
        /* a new piece of the block: it owns the block from now on */

        cl = ngx_http_consent_get_link(fctx, &fctx->free);
        if (cl == NULL) {
            return -1;
        }

        b = cl->buf;
        b->start = owner->start;
        b->end = owner->end;
        b->pos = owner->last;
        b->last = ngx_cpymem(owner->last, p, len);

        owner->temporary = 0;
        owner->memory = 1;
        owner->start = NULL;
        owner->end = NULL;

    } else {
        /* the largest piece the pool serves from its own pages */
        size = ngx_max(len, fctx->request->pool->max);

        cl = ngx_http_consent_get_link(fctx, &fctx->free_mem);
        if (cl == NULL) {
            return -1;
        }

        b = cl->buf;

        if (b->start == NULL || (size_t) (b->end - b->start) < len) {
            b->start = ngx_palloc(fctx->request->pool, size);
            if (b->start == NULL) {
                return -1;
            }

            b->end = b->start + size;
        }

        b->pos = b->start;
        b->last = ngx_cpymem(b->start, p, len);
    }

    b->temporary = 1;

    fctx->gen = b;
    fctx->gen_owner = cl;

append:

    *fctx->last_out = cl;
    fctx->last_out = &cl->next;
    fctx->last = cl;
    fctx->produced++;

    return 0;
}


/*
 * Which injected fragment (kept until the request ends) p is: its
 * NGX_HTTP_CONSENT_SLOT_*, SLOT_PART for a piece of one, or SLOT_NONE.
 */

static ngx_int_t
ngx_http_consent_fragment(ngx_http_consent_filter_ctx_t *fctx,
    const unsigned char *p, size_t len)
{
    ngx_uint_t     i;
    const u_char  *start;

    for (i = 0; i < 3; i++) {
        start = (const u_char *) fctx->fragments[i].data;

        if (start && p >= start && p + len <= start + fctx->fragments[i].len)
        {
            return (p == start && len == fctx->fragments[i].len)
                   ? (ngx_int_t) i : NGX_HTTP_CONSENT_SLOT_PART;
        }
    }

    return NGX_HTTP_CONSENT_SLOT_NONE;
}


static void *
ngx_http_consent_fragment_alloc(void *data, size_t len)
{
    ngx_pool_t *pool = data;

    return ngx_pnalloc(pool, len);
}


/* A chain link and buffer of ours, reused from a free list when possible. */

static ngx_chain_t *
ngx_http_consent_get_link(ngx_http_consent_filter_ctx_t *fctx,
    ngx_chain_t **free)
{
    u_char       *start, *end;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    cl = *free;

    if (cl) {
        *free = cl->next;
        b = cl->buf;

        start = b->start;
        end = b->end;
        ngx_memzero(b, sizeof(ngx_buf_t));
        b->start = start;
        b->end = end;

    } else {
        cl = ngx_alloc_chain_link(fctx->request->pool);
        if (cl == NULL) {
            return NULL;
        }

        b = ngx_calloc_buf(fctx->request->pool);
        if (b == NULL) {
            return NULL;
        }

        cl->buf = b;
    }

    b->tag = (ngx_buf_tag_t) &ngx_http_consent_module;
    cl->next = NULL;

    return cl;
}


/*
 * The output is detached before it is passed on: a filter after this one
 * (addition) may call back into this one through ngx_http_send_special(),
 * which must not send the same links again.
 */

static ngx_int_t
ngx_http_consent_output(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx)
{
    ngx_int_t     rc;
    ngx_buf_t    *b;
    ngx_chain_t  *cl, *out, **ll;

    out = fctx->out;
    fctx->out = NULL;
    fctx->last_out = &fctx->out;
    fctx->last = NULL;

    rc = ngx_http_next_body_filter(r, out);

    /* what was passed on waits in busy until it is sent */

    for (ll = &fctx->busy; *ll; ll = &(*ll)->next) { /* void */ }

    *ll = out;

    while (fctx->busy) {
        cl = fctx->busy;
        b = cl->buf;

        if (ngx_buf_size(b) != 0) {
            break;
        }

        if (b->shadow) {
            b->shadow->pos = b->shadow->last;
        }

        fctx->busy = cl->next;

        if (cl == fctx->gen_owner) {
            fctx->gen_owner = NULL;
            fctx->gen = NULL;
        }

        if (b->temporary) {
            cl->next = fctx->free_mem;
            fctx->free_mem = cl;

        } else {
            cl->next = fctx->free;
            fctx->free = cl;
        }
    }

    return rc;
}


/*
 * Preaccess phase of a consent location, before proxy, fastcgi, uwsgi or
 * grpc copy the request: upstreams are asked only for codings the filter
 * can decode, and for the relay marker of a consent filter in front.
 */

ngx_int_t
ngx_http_consent_request_handler(ngx_http_request_t *r)
{
    ngx_http_consent_ctx_t       *ctx;
    ngx_http_consent_loc_conf_t  *lcf;

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    /* upstream modules are content handlers of their locations */

    if (!lcf->enable || lcf->api || lcf->policy_page || r != r->main
        || r->content_handler == NULL)
    {
        return NGX_DECLINED;
    }

    if (ngx_http_consent_accept_encoding(r) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_http_consent_relay_request(r, ctx) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return NGX_DECLINED;
}
