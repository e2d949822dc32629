/*
 * consent_policy_page: the privacy policy and cookie declaration, rendered
 * from the policy in the visitor's language, with their current choice and
 * a form to change it.  Personal (it shows the choice), so never cached.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_consent_module.h"
#include "consent_render.h"


static ngx_int_t ngx_http_consent_page_render(ngx_http_request_t *r,
    consent_render_out_t *out, const char **lang);
static char *ngx_http_consent_page_cstr(ngx_http_request_t *r,
    ngx_str_t *s);
static ngx_int_t ngx_http_consent_page_header(ngx_http_request_t *r,
    const char *name, u_char *value, size_t len);
static void ngx_http_consent_page_free(void *data);


ngx_int_t
ngx_http_consent_page_handler(ngx_http_request_t *r)
{
    ngx_int_t              rc;
    ngx_buf_t             *b;
    const char            *lang;
    ngx_chain_t            out;
    ngx_pool_cleanup_t    *cln;
    consent_render_out_t   page;

    if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
        if (ngx_http_consent_page_header(r, "Allow", (u_char *) "GET, HEAD",
                                         sizeof("GET, HEAD") - 1)
            != NGX_OK)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        return NGX_HTTP_NOT_ALLOWED;
    }

    rc = ngx_http_discard_request_body(r);
    if (rc != NGX_OK) {
        return rc;
    }

    /* the page is freed with the request, whatever path it takes */
    cln = ngx_pool_cleanup_add(r->pool, 0);
    if (cln == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_http_consent_page_render(r, &page, &lang) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    cln->handler = ngx_http_consent_page_free;
    cln->data = page.data;

    r->headers_out.status = NGX_HTTP_OK;
    r->headers_out.content_length_n = page.len;

    ngx_str_set(&r->headers_out.content_type, "text/html; charset=utf-8");
    r->headers_out.content_type_len = sizeof("text/html") - 1;
    r->headers_out.content_type_lowcase = NULL;

    if (ngx_http_consent_page_header(r, "Cache-Control",
                                     (u_char *) "private, no-store",
                                     sizeof("private, no-store") - 1)
        != NGX_OK
        || ngx_http_consent_page_header(r, "Content-Language",
                                        (u_char *) lang, ngx_strlen(lang))
           != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b->pos = (u_char *) page.data;
    b->last = b->pos + page.len;
    b->memory = 1;
    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}


static ngx_int_t
ngx_http_consent_page_render(ngx_http_request_t *r,
    consent_render_out_t *out, const char **lang)
{
    char                          *accept, id[2 * CONSENT_ID_LEN + 1];
    ngx_table_elt_t               *h;
    consent_render_ctx_t           c;
    ngx_http_consent_ctx_t        *ctx;
    ngx_http_consent_loc_conf_t   *lcf;
    ngx_http_consent_srv_conf_t   *cscf;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);
    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    ngx_memzero(&c, sizeof(consent_render_ctx_t));

    c.policy = ngx_http_consent_policy(r);

    h = ngx_http_consent_header(r, "Accept-Language");
    accept = h ? (char *) h->value.data : NULL;

    c.lang = consent_policy_language(c.policy, accept, h ? h->value.len : 0);
    c.decided = (ctx->consent.status == CONSENT_STATUS_VALID);
    c.granted = ctx->consent.granted;
    c.gpc = ctx->consent.gpc && lcf->gpc;

    if (cscf->api_path.len) {
        c.api_path = ngx_http_consent_page_cstr(r, &cscf->api_path);
        if (c.api_path == NULL) {
            return NGX_ERROR;
        }

    } else {
        c.api_path = "/_consent/";
    }

    c.page_path = ngx_http_consent_page_cstr(r, &cscf->page_path);
    c.return_to = ngx_http_consent_page_cstr(r, &r->unparsed_uri);

    if (c.page_path == NULL || c.return_to == NULL) {
        return NGX_ERROR;
    }

    if (c.decided) {
        consent_id_hex(ctx->consent.state.id, id);
        c.consent_id = id;
    }

    if (consent_render_policy_page(&c, out) != 0) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "consent: policy page: out of memory");
        return NGX_ERROR;
    }

    *lang = c.lang;

    return NGX_OK;
}


/* A NUL-terminated copy for the core. */

static char *
ngx_http_consent_page_cstr(ngx_http_request_t *r, ngx_str_t *s)
{
    u_char  *p;

    p = ngx_pnalloc(r->pool, s->len + 1);
    if (p == NULL) {
        return NULL;
    }

    *ngx_cpymem(p, s->data, s->len) = '\0';

    return (char *) p;
}


static ngx_int_t
ngx_http_consent_page_header(ngx_http_request_t *r, const char *name,
    u_char *value, size_t len)
{
    ngx_table_elt_t  *h;

    h = ngx_list_push(&r->headers_out.headers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    h->hash = 1;
    h->key.data = (u_char *) name;
    h->key.len = ngx_strlen(name);
    h->value.data = value;
    h->value.len = len;
#if (nginx_version >= 1023000)
    h->next = NULL;
#endif

    return NGX_OK;
}


static void
ngx_http_consent_page_free(void *data)
{
    free(data);
}
