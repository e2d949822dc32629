
/*
 * ngx_consent: small HTTP helpers shared by the filter and the content
 * handlers: request headers, response headers, sending a body in memory,
 * and the render context of a request.
 */


#include "ngx_http_consent_module.h"
#include "consent_audit.h"


/*
 * The next header called name (any case) of a request's or response's
 * headers; removed ones (hash 0) are passed over.  NULL: no more.
 */

ngx_table_elt_t *
ngx_http_consent_next_header(ngx_list_t *headers, const char *name,
    ngx_http_consent_header_walk_t *walk)
{
    size_t            len;
    ngx_table_elt_t  *h;

    len = ngx_strlen(name);

    if (walk->part == NULL) {
        walk->part = &headers->part;
        walk->next = 0;
    }

    for ( ;; ) {

        if (walk->next >= walk->part->nelts) {
            if (walk->part->next == NULL) {
                return NULL;
            }

            walk->part = walk->part->next;
            walk->next = 0;
            continue;
        }

        h = (ngx_table_elt_t *) walk->part->elts + walk->next++;

        if (h->hash != 0
            && h->key.len == len
            && ngx_strncasecmp(h->key.data, (u_char *) name, len) == 0)
        {
            return h;
        }
    }
}


/*
 * Tokens are separated by commas and white space (Content-Encoding,
 * Vary); *pos moves past the one returned.
 */

ngx_str_t
ngx_http_consent_list_token(u_char **pos, u_char *last)
{
    u_char     *p;
    ngx_str_t   token;

    p = *pos;

    while (p < last && (*p == ' ' || *p == '\t' || *p == ',')) {
        p++;
    }

    token.data = p;

    while (p < last && *p != ',' && *p != ' ' && *p != '\t') {
        p++;
    }

    token.len = p - token.data;
    *pos = p;

    return token;
}


/* The first request header called name. */

ngx_table_elt_t *
ngx_http_consent_header(ngx_http_request_t *r, const char *name)
{
    ngx_http_consent_header_walk_t  walk;

    walk.part = NULL;

    return ngx_http_consent_next_header(&r->headers_in.headers, name, &walk);
}


ngx_table_elt_t *
ngx_http_consent_add_header(ngx_http_request_t *r, const char *key,
    const char *value, size_t len)
{
    ngx_table_elt_t  *h;

    h = ngx_list_push(&r->headers_out.headers);
    if (h == NULL) {
        return NULL;
    }

    h->hash = 1;
#if (nginx_version >= 1023000)
    h->next = NULL;
#endif
    h->key.data = (u_char *) key;
    h->key.len = ngx_strlen(key);
    h->value.data = (u_char *) value;
    h->value.len = len;

    return h;
}


char *
ngx_http_consent_cstr(ngx_http_request_t *r, ngx_str_t *s)
{
    u_char  *p;

    p = ngx_pnalloc(r->pool, s->len + 1);
    if (p == NULL) {
        return NULL;
    }

    *ngx_cpymem(p, s->data, s->len) = '\0';

    return (char *) p;
}


/*
 * Behind a TLS-terminating balancer the connection is plain HTTP: the
 * operator's consent_cookie scheme= (e.g. $http_x_forwarded_proto) says
 * what the visitor used; empty, the connection decides.
 */

ngx_uint_t
ngx_http_consent_https(ngx_http_request_t *r)
{
    ngx_str_t                     scheme;
    ngx_http_consent_srv_conf_t  *cscf;

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    if (cscf->cookie_scheme
        && ngx_http_complex_value(r, cscf->cookie_scheme, &scheme) == NGX_OK
        && scheme.len)
    {
        return scheme.len == sizeof("https") - 1
               && ngx_strncasecmp(scheme.data, (u_char *) "https",
                                  sizeof("https") - 1) == 0;
    }

#if (NGX_HTTP_SSL)
    return r->connection->ssl != NULL;
#else
    return 0;
#endif
}


ngx_int_t
ngx_http_consent_send(ngx_http_request_t *r, ngx_uint_t status,
    u_char *data, size_t len, ngx_uint_t memory)
{
    ngx_int_t     rc;
    ngx_buf_t    *b;
    ngx_chain_t   out;

    r->headers_out.status = status;
    r->headers_out.content_length_n = len;

    if (len == 0) {
        r->header_only = 1;
    }

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return NGX_ERROR;
    }

    b->pos = data;
    b->last = data + len;
    b->memory = memory;
    b->temporary = !memory;
    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}


ngx_int_t
ngx_http_consent_render_ctx(ngx_http_request_t *r, consent_render_ctx_t *rc,
    char id[2 * CONSENT_ID_LEN + 1])
{
    ngx_table_elt_t               *h;
    ngx_http_consent_ctx_t        *ctx;
    ngx_http_consent_loc_conf_t   *lcf;
    ngx_http_consent_srv_conf_t   *cscf;
    ngx_http_consent_main_conf_t  *cmcf;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);
    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);
    cmcf = ngx_http_get_module_main_conf(r, ngx_http_consent_module);

    ngx_memzero(rc, sizeof(consent_render_ctx_t));

    rc->css_version = cmcf->css_version;
    rc->js_version = cmcf->js_version;

    rc->policy = lcf->policy;
    rc->listed = ngx_http_consent_discovery_listed;
    rc->listed_data = lcf->policy;

    h = ngx_http_consent_header(r, "Accept-Language");

    rc->lang = consent_policy_language(lcf->policy,
                                       h ? (char *) h->value.data : NULL,
                                       h ? h->value.len : 0);
    rc->granted = ctx->consent.granted;
    rc->decided = ctx->consent.decided;
    rc->services = ctx->consent.services;
    rc->gpc = ctx->consent.gpc && lcf->gpc;
    rc->mode = ctx->consent.mode;
    rc->objection = ctx->consent.objection;

    /* location names are NUL-terminated: they come from the config */
    rc->api_path = cscf->api_path.len ? (char *) cscf->api_path.data
                                      : "/_consent/";
    rc->page_path = cscf->page_path.len ? (char *) cscf->page_path.data
                                        : NULL;

    rc->return_to = ngx_http_consent_cstr(r, &r->unparsed_uri);
    if (rc->return_to == NULL) {
        return NGX_ERROR;
    }

    if (rc->decided) {
        consent_id_hex(ctx->consent.state.id, id);
        rc->consent_id = id;
        rc->issued = ctx->consent.state.issued;
    }

    /* what the notice says about the module's own processing */
    rc->cookie_name = ngx_http_consent_cstr(r, &cscf->cookie_name);
    if (rc->cookie_name == NULL) {
        return NGX_ERROR;
    }

    rc->cookie_max_age = (uint64_t) cscf->cookie_max_age;
    rc->audit = (cscf->audit_log != NULL);
    rc->audit_ip = cscf->audit_ip == NGX_HTTP_CONSENT_IP_FULL
                   ? CONSENT_AUDIT_IP_FULL
                   : cscf->audit_ip == NGX_HTTP_CONSENT_IP_OFF
                     ? CONSENT_AUDIT_IP_OFF : CONSENT_AUDIT_IP_TRUNCATE;

    return NGX_OK;
}
