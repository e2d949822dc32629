
/*
 * ngx_consent: the one Vary header of a rewritten page.  The page differs
 * with the consent cookie and Accept-Language; a second Vary line (nginx
 * writes "Vary: Accept-Encoding" itself under gzip_vary) would let a cache
 * that reads one line (proxy_cache before 1.23) serve the wrong variant.
 *
 * The gzip filter runs after the consent filter and sets r->gzip_vary
 * there, so a second, tiny filter module, placed after gzip when the
 * module is loaded dynamically (ngx_module_order in the config script),
 * clears it.  Built in statically it runs before gzip: nginx's line then
 * stays, and the merged line, sent last, still names every header.
 */


#include "ngx_http_consent_module.h"


static ngx_uint_t ngx_http_consent_gzip_vary(ngx_http_request_t *r);
static ngx_uint_t ngx_http_consent_vary_has(u_char *p, size_t len,
    ngx_str_t *token);
static ngx_int_t ngx_http_consent_vary_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_vary_init(ngx_conf_t *cf);


static ngx_http_module_t  ngx_http_consent_vary_filter_module_ctx = {
    NULL,                                  /* preconfiguration */
    ngx_http_consent_vary_init,            /* postconfiguration */

    NULL,                                  /* create main configuration */
    NULL,                                  /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    NULL,                                  /* create location configuration */
    NULL                                   /* merge location configuration */
};


ngx_module_t  ngx_http_consent_vary_filter_module = {
    NGX_MODULE_V1,
    &ngx_http_consent_vary_filter_module_ctx, /* module context */
    NULL,                                  /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    NULL,                                  /* init module */
    NULL,                                  /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    NULL,                                  /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;


static ngx_int_t
ngx_http_consent_vary_init(ngx_conf_t *cf)
{
    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_consent_vary_filter;

    return NGX_OK;
}


/* After the gzip filter: our Vary already names Accept-Encoding. */

static ngx_int_t
ngx_http_consent_vary_filter(ngx_http_request_t *r)
{
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_consent_module);

    if (ctx && ctx->vary_encoding) {
        r->gzip_vary = 0;
    }

    return ngx_http_next_header_filter(r);
}


/*
 * The tokens of any Vary already set (by the upstream) plus Cookie and
 * Accept-Language, the header consent_region reads and Sec-GPC when the
 * region decides, and Accept-Encoding when gzip_vary is on: nginx's own
 * "Vary: Accept-Encoding" line is then left out (r->gzip_vary cleared
 * here for gzip_static and gunzip, and after the gzip filter for gzip).
 */

ngx_int_t
ngx_http_consent_vary(ngx_http_request_t *r, ngx_http_consent_ctx_t *ctx)
{
    u_char                         *p;
    size_t                          len;
    ngx_str_t                      *tok, *last;
    ngx_table_elt_t                *h, *vary;
    ngx_http_consent_loc_conf_t    *lcf;
    ngx_http_consent_header_walk_t  walk;

    ngx_str_t         tokens[] = {
        ngx_string("Cookie"),
        ngx_string("Accept-Language"),
        ngx_string("Accept-Encoding"),
        ngx_null_string,            /* the region's header */
        ngx_string("Sec-GPC")
    };

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    /* with regions GPC decides more than a note: an opt-out */
    tokens[3] = lcf->region_header;
    tokens[4].len = lcf->region ? sizeof("Sec-GPC") - 1 : 0;
    last = tokens + sizeof(tokens) / sizeof(tokens[0]);

    vary = NULL;
    len = 0;

    walk.part = NULL;

    while ((h = ngx_http_consent_next_header(&r->headers_out.headers, "Vary",
                                             &walk))
           != NULL)
    {
        if (vary == NULL) {
            vary = h;
        }

        len += h->value.len + sizeof(", ") - 1;
    }

    for (tok = tokens; tok < last; tok++) {
        len += tok->len + sizeof(", ") - 1;
    }

    p = ngx_pnalloc(r->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    if (vary == NULL) {
        vary = ngx_http_consent_add_header(r, "Vary", NULL, 0);
        if (vary == NULL) {
            return NGX_ERROR;
        }
    }

    len = 0;

    /* the other Vary lines, in order, joined to the first */

    walk.part = NULL;

    while ((h = ngx_http_consent_next_header(&r->headers_out.headers, "Vary",
                                             &walk))
           != NULL)
    {
        if (h->value.len == 0) {
            continue;
        }

        if (len) {
            p[len++] = ',';
            p[len++] = ' ';
        }

        ngx_memcpy(p + len, h->value.data, h->value.len);
        len += h->value.len;

        if (h != vary) {
            h->hash = 0;
        }
    }

    for (tok = tokens; tok < last; tok++) {
        if (tok->len == 0
            || (tok == &tokens[2] && !ngx_http_consent_gzip_vary(r)))
        {
            continue;
        }

        if (ngx_http_consent_vary_has(p, len, tok)) {
            continue;
        }

        if (len) {
            p[len++] = ',';
            p[len++] = ' ';
        }

        ngx_memcpy(p + len, tok->data, tok->len);
        len += tok->len;
    }

    vary->value.data = p;
    vary->value.len = len;

    if (ngx_http_consent_gzip_vary(r)) {
        ctx->vary_encoding = 1;
        r->gzip_vary = 0;
    }

    return NGX_OK;
}


/* The list already names the header (or is "*"). */

static ngx_uint_t
ngx_http_consent_vary_has(u_char *p, size_t len, ngx_str_t *token)
{
    u_char     *last;
    ngx_str_t   name;

    last = p + len;

    while (p < last) {
        name = ngx_http_consent_list_token(&p, last);

        if ((name.len == 1 && name.data[0] == '*')
            || (name.len == token->len
                && ngx_strncasecmp(name.data, token->data, token->len) == 0))
        {
            return 1;
        }
    }

    return 0;
}


/* nginx will write "Vary: Accept-Encoding" for gzip here. */

static ngx_uint_t
ngx_http_consent_gzip_vary(ngx_http_request_t *r)
{
#if (NGX_HTTP_GZIP)
    ngx_http_core_loc_conf_t  *clcf;

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    return clcf->gzip_vary;
#else
    return 0;
#endif
}
