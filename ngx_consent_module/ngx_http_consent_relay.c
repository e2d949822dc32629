
/*
 * ngx_consent: two consent filters in a row (an nginx proxy in front of
 * an origin nginx, both with consent on) rewrite a page once.
 *
 * The proxy sends each upstream request a fresh nonce, X-Consent-Nonce:
 * 128 random bits and a tag, both hex, the tag proving that a server with
 * the secret made it.  An origin that rewrote the response answers a nonce
 * whose tag it can verify with X-Consent-Filtered: a MAC of the nonce.
 * The MACs are HMAC-SHA256 under a key derived from the first
 * consent_secret with a label, truncated to 128 bits, one label byte apart
 * for tags and answers.  So only servers holding that secret are trusted,
 * an answer is good for one request, and nobody without the secret can
 * get a server to answer a nonce of their choosing.  The marker never
 * reaches a client: every server with a secret removes it.
 */


#include "ngx_http_consent_module.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>


#define NGX_HTTP_CONSENT_RELAY_LABEL  "ngx_consent relay marker v1"
#define NGX_HTTP_CONSENT_MAC_LEN      16    /* bytes kept of each MAC */
#define NGX_HTTP_CONSENT_NONCE_LEN    (2 * (CONSENT_ID_LEN                   \
                                            + NGX_HTTP_CONSENT_MAC_LEN))
#define NGX_HTTP_CONSENT_MARK_LEN     (2 * NGX_HTTP_CONSENT_MAC_LEN)

#define NGX_HTTP_CONSENT_TAG          'q'   /* over the random part */
#define NGX_HTTP_CONSENT_ANSWER       'a'   /* over the whole nonce */


static ngx_int_t ngx_http_consent_relay_nonce_valid(ngx_http_request_t *r,
    ngx_str_t *nonce);
static ngx_int_t ngx_http_consent_relay_mac(ngx_http_request_t *r,
    u_char label, u_char *data, size_t len, u_char *hex);


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
 * Before the content phase of a consent location served by an upstream
 * module: a valid nonce the request came with is kept (to answer it), and
 * the upstream request gets a new one of ours.
 */

ngx_int_t
ngx_http_consent_relay_request(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx)
{
    u_char            id[CONSENT_ID_LEN], *p;
    char              hex[2 * CONSENT_ID_LEN + 1];
    ngx_table_elt_t  *h;

    if (ctx->relay_nonce.len) {
        return NGX_OK;     /* again after an internal redirect */
    }

    h = ngx_http_consent_header(r, "X-Consent-Nonce");

    if (h && ngx_http_consent_relay_nonce_valid(r, &h->value) == NGX_OK) {
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

    if (ngx_http_consent_random_id(id) != NGX_OK) {
        return NGX_ERROR;
    }

    p = ngx_pnalloc(r->pool, NGX_HTTP_CONSENT_NONCE_LEN);
    if (p == NULL) {
        return NGX_ERROR;
    }

    consent_hex(id, CONSENT_ID_LEN, hex);
    ngx_memcpy(p, hex, 2 * CONSENT_ID_LEN);

    if (ngx_http_consent_relay_mac(r, NGX_HTTP_CONSENT_TAG, p,
                                   2 * CONSENT_ID_LEN,
                                   p + 2 * CONSENT_ID_LEN)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    h->value.data = p;
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
    u_char                           mark[NGX_HTTP_CONSENT_MARK_LEN];
    ngx_int_t                        rc;
    ngx_table_elt_t                 *h;
    ngx_http_consent_header_walk_t   walk;

    rc = NGX_DECLINED;
    walk.part = NULL;

    for ( ;; ) {
        h = ngx_http_consent_next_header(&r->headers_out.headers,
                                         "X-Consent-Filtered", &walk);
        if (h == NULL) {
            return rc;
        }

        h->hash = 0;

        if (ctx == NULL || ctx->relay_nonce.len == 0
            || h->value.len != NGX_HTTP_CONSENT_MARK_LEN)
        {
            continue;
        }

        if (ngx_http_consent_relay_mac(r, NGX_HTTP_CONSENT_ANSWER,
                                       ctx->relay_nonce.data,
                                       ctx->relay_nonce.len, mark)
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
        h = ngx_http_consent_header(r, "X-Consent-Nonce");

        if (h && ngx_http_consent_relay_nonce_valid(r, &h->value) == NGX_OK)
        {
            nonce = h->value;
        }
    }

    if (nonce.len == 0) {
        return NGX_OK;
    }

    mark = ngx_pnalloc(r->pool, NGX_HTTP_CONSENT_MARK_LEN);
    if (mark == NULL) {
        return NGX_ERROR;
    }

    if (ngx_http_consent_relay_mac(r, NGX_HTTP_CONSENT_ANSWER, nonce.data,
                                   nonce.len, mark)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (ngx_http_consent_add_header(r, "X-Consent-Filtered",
                                    (const char *) mark,
                                    NGX_HTTP_CONSENT_MARK_LEN)
        == NULL)
    {
        return NGX_ERROR;
    }

    return NGX_OK;
}


/* The nonce was made by a server with this server's first secret. */

static ngx_int_t
ngx_http_consent_relay_nonce_valid(ngx_http_request_t *r, ngx_str_t *nonce)
{
    u_char  tag[NGX_HTTP_CONSENT_MARK_LEN];

    if (nonce->len != NGX_HTTP_CONSENT_NONCE_LEN) {
        return NGX_DECLINED;
    }

    if (ngx_http_consent_relay_mac(r, NGX_HTTP_CONSENT_TAG, nonce->data,
                                   2 * CONSENT_ID_LEN, tag)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    return CRYPTO_memcmp(tag, nonce->data + 2 * CONSENT_ID_LEN,
                         NGX_HTTP_CONSENT_MARK_LEN) == 0
           ? NGX_OK : NGX_DECLINED;
}


/* hex (2 * NGX_HTTP_CONSENT_MAC_LEN bytes) of HMAC(key, label || data) */

static ngx_int_t
ngx_http_consent_relay_mac(ngx_http_request_t *r, u_char label, u_char *data,
    size_t len, u_char *hex)
{
    char                          out[2 * NGX_HTTP_CONSENT_MAC_LEN + 1];
    u_char                        in[1 + NGX_HTTP_CONSENT_NONCE_LEN];
    u_char                        mac[EVP_MAX_MD_SIZE];
    unsigned int                  mac_len;
    ngx_http_consent_srv_conf_t  *cscf;

    if (len > NGX_HTTP_CONSENT_NONCE_LEN) {
        return NGX_ERROR;
    }

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    in[0] = label;
    ngx_memcpy(in + 1, data, len);

    mac_len = sizeof(mac);

    if (HMAC(EVP_sha256(), cscf->relay_key, sizeof(cscf->relay_key), in,
             1 + len, mac, &mac_len)
        == NULL)
    {
        return NGX_ERROR;
    }

    consent_hex(mac, NGX_HTTP_CONSENT_MAC_LEN, out);
    ngx_memcpy(hex, out, 2 * NGX_HTTP_CONSENT_MAC_LEN);

    return NGX_OK;
}
