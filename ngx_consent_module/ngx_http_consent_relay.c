
/*
 * ngx_consent: two consent filters in a row (an nginx proxy in front of
 * an origin nginx, both with consent on) rewrite a page once.
 *
 * The proxy sends each upstream request a fresh random nonce
 * (X-Consent-Nonce); an origin that rewrote the response answers with
 * X-Consent-Filtered: HMAC(relay key, nonce), the relay key being derived
 * from the first consent_secret.  Only a server holding that secret can
 * answer, and an answer is good for one request, so an upstream that is
 * not the module (or replays an old answer) cannot turn filtering off.
 * The marker never reaches a client: every server removes it.
 */


#include "ngx_http_consent_module.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>


#define NGX_HTTP_CONSENT_RELAY_LABEL  "ngx_consent relay marker v1"
#define NGX_HTTP_CONSENT_NONCE_LEN    (2 * CONSENT_ID_LEN)
#define NGX_HTTP_CONSENT_MARK_LEN     32    /* hex of 128 bits of the MAC */


static ngx_table_elt_t *ngx_http_consent_relay_header(ngx_list_t *list,
    const char *name, size_t len);
static ngx_int_t ngx_http_consent_relay_mac(ngx_http_request_t *r,
    u_char *nonce, u_char mark[NGX_HTTP_CONSENT_MARK_LEN]);


/* The relay key of a server: HMAC-SHA256(first secret, label). */

ngx_int_t
ngx_http_consent_relay_key(ngx_http_consent_srv_conf_t *cscf)
{
    unsigned int    len;
    consent_key_t  *key;

    if (cscf->keys == NULL || cscf->keys->nelts == 0) {
        return NGX_OK;
    }

    key = cscf->keys->elts;
    len = sizeof(cscf->relay_key);

    if (HMAC(EVP_sha256(), key[0].secret, (int) key[0].len,
             (const u_char *) NGX_HTTP_CONSENT_RELAY_LABEL,
             sizeof(NGX_HTTP_CONSENT_RELAY_LABEL) - 1, cscf->relay_key, &len)
        == NULL)
    {
        return NGX_ERROR;
    }

    return NGX_OK;
}


/*
 * Before the content phase of a consent location: the nonce the request
 * came with is kept (to answer it), and the upstream request gets ours.
 */

ngx_int_t
ngx_http_consent_relay_request(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx)
{
    u_char            id[CONSENT_ID_LEN];
    char              hex[NGX_HTTP_CONSENT_NONCE_LEN + 1];
    ngx_table_elt_t  *h;

    if (ctx->relay_nonce.len) {
        return NGX_OK;     /* again after an internal redirect */
    }

    h = ngx_http_consent_relay_header(&r->headers_in.headers,
                                      "X-Consent-Nonce",
                                      sizeof("X-Consent-Nonce") - 1);

    if (h && h->value.len == NGX_HTTP_CONSENT_NONCE_LEN) {
        ctx->relay_in.data = ngx_pnalloc(r->pool, h->value.len);
        if (ctx->relay_in.data == NULL) {
            return NGX_ERROR;
        }

        ngx_memcpy(ctx->relay_in.data, h->value.data, h->value.len);
        ctx->relay_in.len = h->value.len;
    }

    if (h == NULL) {
        h = ngx_list_push(&r->headers_in.headers);
        if (h == NULL) {
            return NGX_ERROR;
        }

        ngx_str_set(&h->key, "X-Consent-Nonce");
        h->lowcase_key = (u_char *) "x-consent-nonce";
        h->hash = ngx_hash_key(h->lowcase_key, h->key.len);
#if (nginx_version >= 1023000)
        h->next = NULL;
#endif
    }

    if (consent_id_generate(id) != 0) {
        return NGX_ERROR;
    }

    consent_hex(id, CONSENT_ID_LEN, hex);

    h->value.data = ngx_pnalloc(r->pool, NGX_HTTP_CONSENT_NONCE_LEN);
    if (h->value.data == NULL) {
        return NGX_ERROR;
    }

    ngx_memcpy(h->value.data, hex, NGX_HTTP_CONSENT_NONCE_LEN);
    h->value.len = NGX_HTTP_CONSENT_NONCE_LEN;

    ctx->relay_nonce = h->value;

    return NGX_OK;
}


/*
 * In the header filter: removes every X-Consent-Filtered of the response;
 * NGX_OK when one of them answers this request's nonce (the upstream
 * rewrote the page), NGX_DECLINED otherwise.
 */

ngx_int_t
ngx_http_consent_relay_response(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx)
{
    u_char            mark[NGX_HTTP_CONSENT_MARK_LEN];
    ngx_int_t         rc;
    ngx_table_elt_t  *h;

    rc = NGX_DECLINED;

    for ( ;; ) {
        h = ngx_http_consent_relay_header(&r->headers_out.headers,
                                          "X-Consent-Filtered",
                                          sizeof("X-Consent-Filtered") - 1);
        if (h == NULL) {
            return rc;
        }

        h->hash = 0;

        if (ctx == NULL || ctx->relay_nonce.len == 0
            || h->value.len != NGX_HTTP_CONSENT_MARK_LEN)
        {
            continue;
        }

        if (ngx_http_consent_relay_mac(r, ctx->relay_nonce.data, mark)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

        if (CRYPTO_memcmp(mark, h->value.data, NGX_HTTP_CONSENT_MARK_LEN)
            == 0)
        {
            rc = NGX_OK;
        }
    }
}


/* A response this server rewrote answers the nonce it was asked with. */

ngx_int_t
ngx_http_consent_relay_mark(ngx_http_request_t *r, ngx_http_consent_ctx_t *ctx)
{
    u_char           *mark;
    ngx_str_t         nonce;
    ngx_table_elt_t  *h;

    /* the request's own nonce, unless ours replaced it for an upstream */

    nonce = ctx->relay_in;

    if (ctx->relay_nonce.len == 0) {
        h = ngx_http_consent_relay_header(&r->headers_in.headers,
                                          "X-Consent-Nonce",
                                          sizeof("X-Consent-Nonce") - 1);
        if (h) {
            nonce = h->value;
        }
    }

    if (nonce.len != NGX_HTTP_CONSENT_NONCE_LEN) {
        return NGX_OK;
    }

    mark = ngx_pnalloc(r->pool, NGX_HTTP_CONSENT_MARK_LEN);
    if (mark == NULL) {
        return NGX_ERROR;
    }

    if (ngx_http_consent_relay_mac(r, nonce.data, mark) != NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_http_consent_add_header(r, "X-Consent-Filtered",
                                       (const char *) mark,
                                       NGX_HTTP_CONSENT_MARK_LEN);
}


static ngx_int_t
ngx_http_consent_relay_mac(ngx_http_request_t *r, u_char *nonce,
    u_char mark[NGX_HTTP_CONSENT_MARK_LEN])
{
    char                          hex[2 * EVP_MAX_MD_SIZE + 1];
    u_char                        mac[EVP_MAX_MD_SIZE];
    unsigned int                  len;
    ngx_http_consent_srv_conf_t  *cscf;

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    len = sizeof(mac);

    if (HMAC(EVP_sha256(), cscf->relay_key, sizeof(cscf->relay_key), nonce,
             NGX_HTTP_CONSENT_NONCE_LEN, mac, &len)
        == NULL)
    {
        return NGX_ERROR;
    }

    consent_hex(mac, NGX_HTTP_CONSENT_MARK_LEN / 2, hex);
    ngx_memcpy(mark, hex, NGX_HTTP_CONSENT_MARK_LEN);

    return NGX_OK;
}


static ngx_table_elt_t *
ngx_http_consent_relay_header(ngx_list_t *list, const char *name, size_t len)
{
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    part = &list->part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                return NULL;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].hash != 0
            && h[i].key.len == len
            && ngx_strncasecmp(h[i].key.data, (u_char *) name, len) == 0)
        {
            return &h[i];
        }
    }
}
