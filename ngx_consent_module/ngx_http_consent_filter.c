
/*
 * ngx_consent: the header and body filter that runs the core rewriter over
 * HTML responses.  Untouched spans go out as buffers pointing into the
 * input (zero copy); only rewritten tags and injected fragments are copied.
 */


#include "ngx_http_consent_module.h"
#include "consent_rewriter.h"


#define NGX_HTTP_CONSENT_BUFFERED  0x08
#define NGX_HTTP_CONSENT_GEN_SIZE  4096


struct ngx_http_consent_filter_ctx_s {
    consent_rewriter_t        *rewriter;
    consent_render_out_t       fragments[3];

    ngx_chain_t               *out;
    ngx_chain_t              **last_out;
    ngx_chain_t               *busy;
    ngx_chain_t               *free;      /* buffer headers for spans */
    ngx_chain_t               *free_mem;  /* buffers with their own memory */

    ngx_buf_t                 *in;        /* the input buffer being fed */
    ngx_buf_t                 *gen;       /* the copy buffer being filled */
    ngx_chain_t               *last;      /* the last link made */
    ngx_http_request_t        *request;
    const char                *lang;      /* of the injected texts */
    char                       marker[2 * CONSENT_ID_LEN + 1];
                                          /* data-consent of this response */
    ngx_uint_t                 produced;  /* output made from this input */

    unsigned                   warned:1;
    unsigned                   done:1;
};


static ngx_int_t ngx_http_consent_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_consent_strip_cookies(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_skip(ngx_http_request_t *r,
    ngx_http_consent_loc_conf_t *lcf);
static ngx_int_t ngx_http_consent_filter_start(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_http_consent_loc_conf_t *lcf);
static ngx_int_t ngx_http_consent_state_etag(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx);
static int ngx_http_consent_emit(void *data, const unsigned char *p,
    size_t len, int from_input);
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
    ngx_http_consent_ctx_t       *ctx;
    ngx_http_consent_loc_conf_t  *lcf;

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    if (lcf->strip_cookies && ngx_http_consent_strip_cookies(r) != NGX_OK) {
        return NGX_ERROR;
    }

    if (!lcf->enable || ngx_http_consent_skip(r, lcf) != NGX_OK) {
        return ngx_http_next_header_filter(r);
    }

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    if (ngx_http_consent_filter_start(r, ctx, lcf) != NGX_OK) {
        return NGX_ERROR;
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
        || ngx_http_consent_add_header(r, "Vary", "Cookie, Accept-Language",
                                       sizeof("Cookie, Accept-Language") - 1)
           != NGX_OK)
    {
        return NGX_ERROR;
    }

    r->filter_need_in_memory = 1;

    return ngx_http_next_header_filter(r);
}


/*
 * Upstream Set-Cookie headers of cookies that the policy declares for a
 * service whose category is not granted are removed (hash = 0).
 */

static ngx_int_t
ngx_http_consent_strip_cookies(ngx_http_request_t *r)
{
    int                           service;
    size_t                        len;
    ngx_uint_t                    i, category;
    const char                   *name;
    ngx_list_part_t              *part;
    ngx_table_elt_t              *h;
    consent_policy_t             *policy;
    ngx_http_consent_ctx_t       *ctx;
    ngx_http_consent_srv_conf_t  *cscf;

    ctx = NULL;
    policy = ngx_http_consent_policy(r);
    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    part = &r->headers_out.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].hash == 0
            || h[i].key.len != sizeof("Set-Cookie") - 1
            || ngx_strncasecmp(h[i].key.data, (u_char *) "Set-Cookie",
                               sizeof("Set-Cookie") - 1) != 0
            || !consent_set_cookie_name((const char *) h[i].value.data,
                                        h[i].value.len, &name, &len))
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

        category = policy->services[service].category;

        if (ctx->consent.granted & ((consent_mask_t) 1 << category)) {
            continue;
        }

        ngx_log_debug3(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "consent: removed Set-Cookie \"%*s\" of \"%s\"",
                       len, name, policy->services[service].id);

        h[i].hash = 0;
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_skip(ngx_http_request_t *r, ngx_http_consent_loc_conf_t *lcf)
{
    const char  *why;

    if (r != r->main) {
        why = "a subrequest";

    } else if (r->headers_out.status != NGX_HTTP_OK) {
        why = "not 200";

    } else if (r->header_only || r->method == NGX_HTTP_HEAD) {
        why = "header only";

    } else if (lcf->api || lcf->policy_page) {
        why = "served by the module";

    } else if (r->headers_out.content_encoding
               && r->headers_out.content_encoding->value.len
               && !(r->headers_out.content_encoding->value.len == 8
                    && ngx_strncasecmp(
                           r->headers_out.content_encoding->value.data,
                           (u_char *) "identity", 8) == 0))
    {
        why = "encoded (set proxy_set_header Accept-Encoding \"\")";

    } else if (ngx_http_test_content_type(r, &lcf->types) == NULL) {
        why = "not in consent_types";

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


static ngx_int_t
ngx_http_consent_filter_start(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx, ngx_http_consent_loc_conf_t *lcf)
{
    char                           *nonce, id[2 * CONSENT_ID_LEN + 1];
    u_char                          token[CONSENT_ID_LEN];
    ngx_str_t                       value;
    ngx_pool_cleanup_t             *cln;
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
    if (consent_id_generate(token) != 0) {
        ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                      "consent filter: no random bytes for the marker");
        return NGX_ERROR;
    }

    consent_id_hex(token, fctx->marker);
    rc.marker = fctx->marker;

    if (consent_render_head_start(&rc, &fctx->fragments[0]) != 0
        || consent_render_head_end(&rc, &fctx->fragments[1]) != 0
        || consent_render_body_start(&rc, &fctx->fragments[2]) != 0)
    {
        return NGX_ERROR;
    }

    ngx_memzero(&wc, sizeof(consent_rewriter_conf_t));

    wc.policy = policy;
    wc.granted = ctx->consent.granted;
    wc.inline_max = lcf->inline_max;
    wc.marker.p = (const unsigned char *) fctx->marker;
    wc.marker.len = 2 * CONSENT_ID_LEN;
    wc.emit = ngx_http_consent_emit;
    wc.emit_data = fctx;

    wc.head_start.p = (const unsigned char *) fctx->fragments[0].data;
    wc.head_start.len = fctx->fragments[0].len;
    wc.head_end.p = (const unsigned char *) fctx->fragments[1].data;
    wc.head_end.len = fctx->fragments[1].len;
    wc.body_start.p = (const unsigned char *) fctx->fragments[2].data;
    wc.body_start.len = fctx->fragments[2].len;

    fctx->rewriter = consent_rewriter_create(&wc);
    if (fctx->rewriter == NULL) {
        return NGX_ERROR;
    }

    fctx->request = r;
    fctx->lang = rc.lang;
    fctx->last_out = &fctx->out;

    ctx->filter = fctx;

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

    ngx_uint_t  i;

    if (fctx->rewriter) {
        consent_rewriter_destroy(fctx->rewriter);
    }

    for (i = 0; i < 3; i++) {
        free(fctx->fragments[i].data);
    }
}


/* W/"<original>-<status><granted>-<language>" */

static ngx_int_t
ngx_http_consent_state_etag(ngx_http_request_t *r, ngx_http_consent_ctx_t *ctx)
{
    u_char           *p;
    size_t            len;
    ngx_str_t         orig;
    ngx_table_elt_t  *etag;

    etag = r->headers_out.etag;

    if (etag == NULL) {
        return NGX_OK;
    }

    orig = etag->value;

    if (orig.len > 2 && orig.data[0] == 'W' && orig.data[1] == '/') {
        orig.data += 2;
        orig.len -= 2;
    }

    if (orig.len < 2 || orig.data[0] != '"' || orig.data[orig.len - 1] != '"') {
        ngx_http_clear_etag(r);
        return NGX_OK;
    }

    len = ngx_strlen(ctx->filter->lang);

    p = ngx_pnalloc(r->pool, orig.len + sizeof("W/-0ffffffff-") - 1 + len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    etag->value.data = p;

    p = ngx_cpymem(p, "W/", 2);
    p = ngx_cpymem(p, orig.data, orig.len - 1);
    p = ngx_sprintf(p, "-%ui%xD-", (ngx_uint_t) ctx->consent.status,
                    (uint32_t) ctx->consent.granted);
    p = ngx_cpymem(p, ctx->filter->lang, len);
    *p++ = '"';

    etag->value.len = p - etag->value.data;

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    ngx_buf_t                      *b;
    ngx_int_t                       rc;
    ngx_chain_t                    *cl;
    ngx_http_consent_ctx_t         *ctx;
    ngx_http_consent_filter_ctx_t  *fctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_consent_module);

    if (ctx == NULL || ctx->filter == NULL) {
        return ngx_http_next_body_filter(r, in);
    }

    fctx = ctx->filter;

    if (in == NULL && fctx->busy == NULL && fctx->out == NULL) {
        return ngx_http_next_body_filter(r, in);
    }

    for (cl = in; cl; cl = cl->next) {
        b = cl->buf;

        if (fctx->done) {
            b->pos = b->last;
            continue;
        }

        fctx->in = b;
        fctx->gen = NULL;
        fctx->produced = 0;

        if (consent_rewriter_feed(fctx->rewriter,
                                  b->pos ? b->pos : (u_char *) "",
                                  b->last - b->pos, b->last_buf)
            != 0)
        {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "consent filter: rewriting failed");
            return NGX_ERROR;
        }

        fctx->in = NULL;
        fctx->gen = NULL;

        if (!fctx->warned) {
            ngx_http_consent_filter_warn(fctx,
                                      consent_rewriter_events(fctx->rewriter));
        }

        if (ngx_http_consent_append_special(fctx, b) != NGX_OK) {
            return NGX_ERROR;
        }

        if (b->last_buf) {
            fctx->done = 1;
        }
    }

    if (consent_rewriter_held(fctx->rewriter) && !fctx->done) {
        r->buffered |= NGX_HTTP_CONSENT_BUFFERED;

    } else {
        r->buffered &= ~NGX_HTTP_CONSENT_BUFFERED;
    }

    rc = ngx_http_consent_output(r, fctx);

    return rc;
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


static int
ngx_http_consent_emit(void *data, const unsigned char *p, size_t len,
    int from_input)
{
    ngx_http_consent_filter_ctx_t *fctx = data;

    size_t        size;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    if (len == 0) {
        return 0;
    }

    b = fctx->gen;

    if (!from_input && b && (size_t) (b->end - b->last) >= len) {
        b->last = ngx_cpymem(b->last, p, len);
        return 0;
    }

    if (from_input) {
        cl = ngx_http_consent_get_link(fctx, &fctx->free);
        if (cl == NULL) {
            return -1;
        }

        b = cl->buf;
        b->memory = 1;
        b->pos = (u_char *) p;
        b->last = (u_char *) p + len;

        fctx->gen = NULL;

    } else {
        size = ngx_max(len, NGX_HTTP_CONSENT_GEN_SIZE);

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

        b->temporary = 1;
        b->pos = b->start;
        b->last = ngx_cpymem(b->start, p, len);

        fctx->gen = b;
    }

    *fctx->last_out = cl;
    fctx->last_out = &cl->next;
    fctx->last = cl;
    fctx->produced++;

    return 0;
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


static ngx_int_t
ngx_http_consent_output(ngx_http_request_t *r,
    ngx_http_consent_filter_ctx_t *fctx)
{
    ngx_int_t     rc;
    ngx_buf_t    *b;
    ngx_chain_t  *cl, **ll;

    rc = ngx_http_next_body_filter(r, fctx->out);

    /* what was passed on waits in busy until it is sent */

    for (ll = &fctx->busy; *ll; ll = &(*ll)->next) { /* void */ }

    *ll = fctx->out;
    fctx->out = NULL;
    fctx->last_out = &fctx->out;
    fctx->last = NULL;

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
