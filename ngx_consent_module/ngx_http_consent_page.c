/*
 * consent_policy_page: the privacy notice and cookie declaration, rendered
 * from the policy in the visitor's language, with their current choice and
 * a form to change it; and the endpoint's preferences page, which
 * consent.js fetches into its dialog.  Personal (they show the choice), so
 * never cached.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_consent_module.h"
#include "consent_render.h"


static ngx_int_t ngx_http_consent_page_send(ngx_http_request_t *r,
    ngx_uint_t preferences);
static ngx_int_t ngx_http_consent_page_render(ngx_http_request_t *r,
    ngx_uint_t preferences, consent_render_out_t *out, const char **lang);
static void ngx_http_consent_page_free(void *data);


ngx_int_t
ngx_http_consent_page_handler(ngx_http_request_t *r)
{
    return ngx_http_consent_page_send(r, 0);
}


ngx_int_t
ngx_http_consent_page_preferences(ngx_http_request_t *r)
{
    return ngx_http_consent_page_send(r, 1);
}


static ngx_int_t
ngx_http_consent_page_send(ngx_http_request_t *r, ngx_uint_t preferences)
{
    ngx_int_t              rc;
    const char            *lang;
    ngx_pool_cleanup_t    *cln;
    consent_render_out_t   page;

    if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
        if (ngx_http_consent_add_header(r, "Allow", "GET, HEAD",
                                        sizeof("GET, HEAD") - 1)
            == NULL)
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

    if (ngx_http_consent_page_render(r, preferences, &page, &lang)
        != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    cln->handler = ngx_http_consent_page_free;
    cln->data = page.data;

    ngx_str_set(&r->headers_out.content_type, "text/html; charset=utf-8");
    r->headers_out.content_type_len = sizeof("text/html") - 1;
    r->headers_out.content_type_lowcase = NULL;

    if (ngx_http_consent_add_header(r, "Cache-Control", "private, no-store",
                                    sizeof("private, no-store") - 1)
        == NULL
        || ngx_http_consent_add_header(r, "Content-Language", lang,
                                       ngx_strlen(lang))
           == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_http_consent_send(r, NGX_HTTP_OK, (u_char *) page.data,
                                 page.len, 1);
}


static ngx_int_t
ngx_http_consent_page_render(ngx_http_request_t *r, ngx_uint_t preferences,
    consent_render_out_t *out, const char **lang)
{
    u_char                *dst, *src;
    ngx_str_t              arg;
    consent_render_ctx_t   c;
    char                   id[2 * CONSENT_ID_LEN + 1];

    if (ngx_http_consent_render_ctx(r, &c, id) != NGX_OK) {
        return NGX_ERROR;
    }

    /* the page to go back to; the renderer keeps only same-origin paths */
    if (preferences
        && ngx_http_arg(r, (u_char *) "return_to", sizeof("return_to") - 1,
                        &arg)
           == NGX_OK)
    {
        dst = ngx_pnalloc(r->pool, arg.len + 1);
        if (dst == NULL) {
            return NGX_ERROR;
        }

        c.return_to = (char *) dst;
        src = arg.data;
        ngx_unescape_uri(&dst, &src, arg.len, 0);
        *dst = '\0';

        /* a form encodes spaces as '+' */
        for (dst = (u_char *) c.return_to; *dst; dst++) {
            if (*dst == '+') {
                *dst = ' ';
            }
        }

    } else if (preferences) {
        c.return_to = "/";
    }

    if ((preferences ? consent_render_preferences_page(&c, out)
                     : consent_render_policy_page(&c, out))
        != 0)
    {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "consent: policy page: out of memory");
        return NGX_ERROR;
    }

    *lang = c.lang;

    return NGX_OK;
}


static void
ngx_http_consent_page_free(void *data)
{
    free(data);
}
