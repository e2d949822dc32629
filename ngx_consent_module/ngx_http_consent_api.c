
/*
 * ngx_consent: the consent_api endpoint.  POST B takes a decision (form or
 * JSON), GET B state reports the current one, GET B preferences is the
 * preferences page (consent.js fetches it into its dialog), GET B
 * consent.js and B consent.css serve the embedded assets.
 */


#include "ngx_http_consent_module.h"
#include "consent_request.h"
#include <ngx_md5.h>


#define NGX_HTTP_CONSENT_ETAG_LEN  (2 + 32)     /* "<md5 hex>" */

#define NGX_HTTP_CONSENT_ASSET_MAX_AGE            "public, max-age=86400"
#define NGX_HTTP_CONSENT_ASSET_MAX_AGE_VERSIONED                              \
    "public, max-age=31536000, immutable"


typedef struct {
    const char               *name;
    const char               *type;
} ngx_http_consent_asset_type_t;


static ngx_int_t ngx_http_consent_api_post(ngx_http_request_t *r);
static void ngx_http_consent_api_body(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_api_decide(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_api_set_cookie(ngx_http_request_t *r,
    consent_state_t *state);
static ngx_int_t ngx_http_consent_api_body_text(ngx_http_request_t *r,
    ngx_str_t *body);
static ngx_int_t ngx_http_consent_api_same_origin(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_api_is_type(ngx_http_request_t *r,
    const char *type);
static ngx_int_t ngx_http_consent_api_state(ngx_http_request_t *r);
static ngx_int_t ngx_http_consent_api_asset(ngx_http_request_t *r,
    ngx_uint_t index);
static u_char *ngx_http_consent_api_etag(ngx_uint_t index);
static const char *ngx_http_consent_api_version(ngx_conf_t *cf,
    const char *name);
static ngx_int_t ngx_http_consent_api_json(ngx_http_request_t *r,
    ngx_uint_t status, char *json);
static ngx_int_t ngx_http_consent_api_error(ngx_http_request_t *r,
    ngx_uint_t status, const char *reason);
static ngx_int_t ngx_http_consent_api_line(ngx_http_request_t *r,
    ngx_uint_t status, const char *type, const char *text);
static ngx_int_t ngx_http_consent_api_not_allowed(ngx_http_request_t *r,
    const char *allow);


static ngx_http_consent_asset_type_t  ngx_http_consent_api_assets[] = {
    { "consent.js", "text/javascript; charset=utf-8" },
    { "consent.css", "text/css; charset=utf-8" },
    { NULL, NULL }
};

/* The ETag of each asset, "<md5 hex>" and a NUL, computed once. */
static u_char  ngx_http_consent_api_etags[2][NGX_HTTP_CONSENT_ETAG_LEN + 1];


ngx_int_t
ngx_http_consent_api_handler(ngx_http_request_t *r)
{
    ngx_int_t                     rc;
    ngx_str_t                     rest;
    ngx_uint_t                    i;
    ngx_http_consent_srv_conf_t  *cscf;

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    /* what follows the location's path: "", "state", "consent.js", ... */

    rest.data = r->uri.data;
    rest.len = 0;

    if (r->uri.len > cscf->api_path.len) {
        rest.data = r->uri.data + cscf->api_path.len;
        rest.len = r->uri.len - cscf->api_path.len;
    }

    if (rest.len && rest.data[0] == '/') {
        rest.data++;
        rest.len--;
    }

    if (rest.len == 0) {
        if (r->method != NGX_HTTP_POST) {
            return ngx_http_consent_api_not_allowed(r, "POST");
        }

        return ngx_http_consent_api_post(r);
    }

    if (rest.len == sizeof("state") - 1
        && ngx_strncmp(rest.data, "state", rest.len) == 0)
    {
        if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
            return ngx_http_consent_api_not_allowed(r, "GET, HEAD");
        }

        rc = ngx_http_discard_request_body(r);
        if (rc != NGX_OK) {
            return rc;
        }

        return ngx_http_consent_api_state(r);
    }

    if (rest.len == sizeof("preferences") - 1
        && ngx_strncmp(rest.data, "preferences", rest.len) == 0)
    {
        return ngx_http_consent_page_preferences(r);
    }

    for (i = 0; ngx_http_consent_api_assets[i].name; i++) {
        if (rest.len != ngx_strlen(ngx_http_consent_api_assets[i].name)
            || ngx_strncmp(rest.data, ngx_http_consent_api_assets[i].name,
                           rest.len)
               != 0)
        {
            continue;
        }

        if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
            return ngx_http_consent_api_not_allowed(r, "GET, HEAD");
        }

        rc = ngx_http_discard_request_body(r);
        if (rc != NGX_OK) {
            return rc;
        }

        return ngx_http_consent_api_asset(r, i);
    }

    return NGX_HTTP_NOT_FOUND;
}


static ngx_int_t
ngx_http_consent_api_post(ngx_http_request_t *r)
{
    ngx_int_t  rc;

    /* cross-site requests are refused before anything is read or recorded */
    if (!ngx_http_consent_api_same_origin(r)) {
        return ngx_http_consent_api_error(r, NGX_HTTP_FORBIDDEN,
                                          "cross-site consent request "
                                          "refused");
    }

    if (!ngx_http_consent_api_is_type(r, "application/x-www-form-urlencoded")
        && !ngx_http_consent_api_is_type(r, "application/json"))
    {
        return ngx_http_consent_api_error(r,
                                          NGX_HTTP_UNSUPPORTED_MEDIA_TYPE,
                                          "send application/x-www-form-"
                                          "urlencoded or application/json");
    }

    if (r->headers_in.content_length_n > CONSENT_BODY_MAX) {
        return ngx_http_consent_api_error(r,
                                          NGX_HTTP_REQUEST_ENTITY_TOO_LARGE,
                                          "the decision is too large");
    }

    r->request_body_in_single_buf = 1;

    rc = ngx_http_read_client_request_body(r, ngx_http_consent_api_body);

    if (rc >= NGX_HTTP_SPECIAL_RESPONSE) {
        return rc;
    }

    return NGX_DONE;
}


static void
ngx_http_consent_api_body(ngx_http_request_t *r)
{
    ngx_http_finalize_request(r, ngx_http_consent_api_decide(r));
}


static ngx_int_t
ngx_http_consent_api_decide(ngx_http_request_t *r)
{
    char                          reason[CONSENT_REASON_MAX];
    u_char                       *location;
    size_t                        len;
    ngx_int_t                     rc, json;
    ngx_str_t                     body;
    consent_state_t               state;
    consent_policy_t             *policy;
    consent_decision_t           *decision;
    ngx_http_consent_ctx_t       *ctx;
    ngx_http_consent_loc_conf_t  *lcf;

    rc = ngx_http_consent_api_body_text(r, &body);

    if (rc == NGX_DECLINED) {
        return ngx_http_consent_api_error(r,
                                          NGX_HTTP_REQUEST_ENTITY_TOO_LARGE,
                                          "the decision is too large");
    }

    if (rc != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    policy = ngx_http_consent_policy(r);
    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    decision = ngx_palloc(r->pool, sizeof(consent_decision_t));
    if (decision == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    json = ngx_http_consent_api_is_type(r, "application/json");

    if (json) {
        rc = consent_decision_parse_json(policy, (char *) body.data,
                                         body.len, decision, reason);

    } else {
        rc = consent_decision_parse_form(policy, (char *) body.data,
                                         body.len, decision, reason);
    }

    if (rc != 0) {
        return ngx_http_consent_api_error(r, NGX_HTTP_BAD_REQUEST, reason);
    }

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* an authentic cookie keeps its consent id, even when stale */

    if (ctx->consent.status == CONSENT_STATUS_VALID
        || ctx->consent.status == CONSENT_STATUS_STALE)
    {
        ngx_memcpy(state.id, ctx->consent.state.id, CONSENT_ID_LEN);

    } else if (consent_id_generate(state.id) != 0) {
        ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                      "consent: no random bytes for a consent id");
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    state.issued = (uint64_t) ngx_time();
    state.revision = policy->revision;

    /* allow adds to the decision in force, if there is one */
    if (consent_decision_apply(policy, decision,
                               ctx->consent.status == CONSENT_STATUS_VALID
                               ? &ctx->consent.state : NULL,
                               lcf->gpc && ctx->consent.gpc, &state, reason)
        != 0)
    {
        return ngx_http_consent_api_error(r, NGX_HTTP_BAD_REQUEST, reason);
    }

    /* the rule it was given under: an opt-out is no opt-in consent */
    state.mode = (unsigned char) ctx->consent.mode;
    state.country[0] = ctx->consent.region[0];
    state.country[1] = ctx->consent.region[0] ? ctx->consent.region[1]
                                              : '\0';

    /* no record, no cookie: every decision in force can be proven */

    if (ngx_http_consent_audit_write(r, consent_action_name(decision->action),
                                     consent_source_name(decision->source),
                                     &state, policy->all_mask & ~state.granted)
        != NGX_OK)
    {
        return ngx_http_consent_api_error(r,
                                          NGX_HTTP_INTERNAL_SERVER_ERROR,
                                          "the decision could not be "
                                          "recorded; try again");
    }

    if (ngx_http_consent_api_set_cookie(r, &state) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* the rest of this request ($consent_id in the access log) sees it */
    ctx->consent.status = CONSENT_STATUS_VALID;
    ctx->consent.state = state;
    ctx->consent.decided = state.decided;
    ctx->consent.services = &ctx->consent.state.services;
    ctx->consent.granted = consent_mode_granted(ctx->consent.mode,
                               policy->all_mask, policy->required_mask,
                               policy->opt_out_mask, ctx->consent.objection,
                               state.decided ? &state.granted : NULL,
                               lcf->gpc && ctx->consent.gpc);

    if (json) {
        return ngx_http_consent_api_json(r, NGX_HTTP_OK,
                   consent_state_json(policy, "valid", state.id,
                                      state.decided, ctx->consent.granted,
                                      &state.services, state.revision,
                                      lcf->gpc && ctx->consent.gpc,
                                      ctx->consent.region,
                                      ctx->consent.mode));
    }

    len = ngx_strlen(decision->return_to);

    location = ngx_pnalloc(r->pool, len);
    if (location == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ngx_memcpy(location, decision->return_to, len);

    if (ngx_http_consent_add_header(r, "Location", (const char *) location,
                                    len)
        == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /*
     * Not r->headers_out.location: nginx would make it absolute with the
     * connection's scheme, http:// behind a TLS-terminating balancer.
     */

    if (ngx_http_consent_add_header(r, "Cache-Control", "no-store",
                                    sizeof("no-store") - 1)
        == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_http_consent_send(r, NGX_HTTP_SEE_OTHER, NULL, 0, 0);
}


/* Issue a Set-Cookie for a new state (signed with the first key). */
static ngx_int_t
ngx_http_consent_api_set_cookie(ngx_http_request_t *r, consent_state_t *state)
{
    u_char                       *p, *cookie, *fingerprint;
    size_t                        len;
    ngx_uint_t                    secure;
    ngx_http_consent_srv_conf_t  *cscf;

    static const char  *samesite[] = {
        [NGX_HTTP_CONSENT_SAMESITE_LAX] = "Lax",
        [NGX_HTTP_CONSENT_SAMESITE_STRICT] = "Strict",
        [NGX_HTTP_CONSENT_SAMESITE_NONE] = "None"
    };

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    if (cscf->keys == NULL || cscf->keys->nelts == 0) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "consent: no consent_secret to sign the cookie with");
        return NGX_ERROR;
    }

    fingerprint = ngx_http_consent_fingerprint(r);

    if (fingerprint == NULL) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "consent: no fingerprint of the policy to bind the "
                      "cookie to");
        return NGX_ERROR;
    }

    switch (cscf->cookie_secure) {
    case NGX_HTTP_CONSENT_SECURE_ON:
        secure = 1;
        break;
    case NGX_HTTP_CONSENT_SECURE_OFF:
        secure = 0;
        break;
    default:
        secure = ngx_http_consent_https(r);
    }

    len = cscf->cookie_name.len + 1 + consent_cookie_length(state)
          + sizeof("; Max-Age=") - 1 + NGX_TIME_T_LEN
          + sizeof("; Path=") - 1 + cscf->cookie_path.len
          + sizeof("; HttpOnly; SameSite=Strict; Secure") - 1;

    if (cscf->cookie_domain.len) {
        len += sizeof("; Domain=") - 1 + cscf->cookie_domain.len;
    }

    cookie = ngx_pnalloc(r->pool, len);
    if (cookie == NULL) {
        return NGX_ERROR;
    }

    p = ngx_copy(cookie, cscf->cookie_name.data, cscf->cookie_name.len);
    *p++ = '=';

    if (consent_cookie_encode(state, cscf->keys->elts, fingerprint,
                              (char *) p)
        != 0)
    {
        return NGX_ERROR;
    }

    p += consent_cookie_length(state);

    p = ngx_sprintf(p, "; Max-Age=%T; Path=%V", cscf->cookie_max_age,
                    &cscf->cookie_path);

    if (cscf->cookie_domain.len) {
        p = ngx_sprintf(p, "; Domain=%V", &cscf->cookie_domain);
    }

    p = ngx_sprintf(p, "; HttpOnly; SameSite=%s",
                    samesite[cscf->cookie_samesite]);

    if (secure) {
        p = ngx_cpymem(p, "; Secure", sizeof("; Secure") - 1);
    }

    if (ngx_http_consent_add_header(r, "Set-Cookie", (const char *) cookie,
                                    p - cookie)
        == NULL)
    {
        return NGX_ERROR;
    }

    return NGX_OK;
}


/*
 * The body, in memory and whole: NGX_OK, NGX_DECLINED when it is too large
 * (nginx wrote it to a file: CONSENT_BODY_MAX is below the smallest
 * client_body_buffer_size), or NGX_ERROR.
 */
static ngx_int_t
ngx_http_consent_api_body_text(ngx_http_request_t *r, ngx_str_t *body)
{
    u_char       *p;
    size_t        len;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    ngx_str_null(body);

    if (r->request_body == NULL) {
        return NGX_OK;
    }

    if (r->request_body->temp_file) {
        return NGX_DECLINED;
    }

    len = 0;

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        b = cl->buf;

        /* the request body filter ends the chain with an empty last_buf */
        if (ngx_buf_special(b)) {
            continue;
        }

        if (!ngx_buf_in_memory(b)) {
            return NGX_DECLINED;
        }

        len += b->last - b->pos;
    }

    if (len > CONSENT_BODY_MAX) {
        return NGX_DECLINED;
    }

    p = ngx_pnalloc(r->pool, len + 1);
    if (p == NULL) {
        return NGX_ERROR;
    }

    body->data = p;
    body->len = len;

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        if (!ngx_buf_special(cl->buf)) {
            p = ngx_cpymem(p, cl->buf->pos, cl->buf->last - cl->buf->pos);
        }
    }

    *p = '\0';

    return NGX_OK;
}


/*
 * CSRF: Sec-Fetch-Site: cross-site is refused; an Origin must name this
 * host ("null", sent under Referrer-Policy: no-referrer, only with
 * Sec-Fetch-Site: same-origin); without Origin, a Referer must name it.
 */
static ngx_int_t
ngx_http_consent_api_same_origin(ngx_http_request_t *r)
{
    ngx_str_t         host;
    ngx_uint_t        https, same_origin_fetch;
    ngx_table_elt_t  *fetch_site, *origin, *referer;

    fetch_site = ngx_http_consent_header(r, "Sec-Fetch-Site");
    same_origin_fetch = 0;

    if (fetch_site) {
        if (fetch_site->value.len == sizeof("cross-site") - 1
            && ngx_strncasecmp(fetch_site->value.data,
                               (u_char *) "cross-site",
                               fetch_site->value.len) == 0)
        {
            return 0;
        }

        same_origin_fetch = fetch_site->value.len == sizeof("same-origin") - 1
                            && ngx_strncasecmp(fetch_site->value.data,
                                               (u_char *) "same-origin",
                                               fetch_site->value.len) == 0;
    }

    ngx_str_null(&host);

    if (r->headers_in.host) {
        host = r->headers_in.host->value;
    }

    https = ngx_http_consent_https(r);

    origin = ngx_http_consent_header(r, "Origin");

    if (origin) {
        if (origin->value.len == sizeof("null") - 1
            && ngx_strncmp(origin->value.data, "null", 4) == 0)
        {
            return same_origin_fetch;
        }

        return consent_origin_same((char *) origin->value.data,
                                   origin->value.len, (char *) host.data,
                                   host.len, https);
    }

    referer = r->headers_in.referer;

    if (referer == NULL) {
        return 1;
    }

    return consent_origin_same((char *) referer->value.data,
                               referer->value.len, (char *) host.data,
                               host.len, https);
}


/* The Content-Type's media type is type (parameters such as charset aside). */
static ngx_int_t
ngx_http_consent_api_is_type(ngx_http_request_t *r, const char *type)
{
    size_t            len;
    ngx_table_elt_t  *h;

    h = r->headers_in.content_type;
    if (h == NULL) {
        return 0;
    }

    len = ngx_strlen(type);

    if (h->value.len < len
        || ngx_strncasecmp(h->value.data, (u_char *) type, len) != 0)
    {
        return 0;
    }

    return h->value.len == len || h->value.data[len] == ';'
           || h->value.data[len] == ' ' || h->value.data[len] == '\t';
}


static ngx_int_t
ngx_http_consent_api_state(ngx_http_request_t *r)
{
    consent_policy_t             *policy;
    ngx_http_consent_ctx_t       *ctx;
    ngx_http_consent_loc_conf_t  *lcf;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    policy = ngx_http_consent_policy(r);
    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    return ngx_http_consent_api_json(r, NGX_HTTP_OK,
               consent_state_json(policy,
                   consent_status_name(ctx->consent.status),
                   (ctx->consent.status == CONSENT_STATUS_VALID
                    || ctx->consent.status == CONSENT_STATUS_STALE)
                   ? ctx->consent.state.id : NULL,
                   ctx->consent.decided, ctx->consent.granted,
                   ctx->consent.services, policy->revision,
                   lcf->gpc && ctx->consent.gpc, ctx->consent.region,
                   ctx->consent.mode));
}


/* The quoted MD5 of an asset, computed on first use; NULL when absent. */
static u_char *
ngx_http_consent_api_etag(ngx_uint_t index)
{
    u_char                          *etag, digest[16];
    ngx_md5_t                        md5;
    const ngx_http_consent_asset_t  *asset;

    etag = ngx_http_consent_api_etags[index];

    if (etag[0] == '\0') {
        asset = ngx_http_consent_asset(
                                    ngx_http_consent_api_assets[index].name);
        if (asset == NULL) {
            return NULL;
        }

        ngx_md5_init(&md5);
        ngx_md5_update(&md5, asset->data, asset->size);
        ngx_md5_final(digest, &md5);

        etag[0] = '"';
        ngx_hex_dump(etag + 1, digest, sizeof(digest));
        etag[NGX_HTTP_CONSENT_ETAG_LEN - 1] = '"';
        etag[NGX_HTTP_CONSENT_ETAG_LEN] = '\0';
    }

    return etag;
}


ngx_int_t
ngx_http_consent_asset_versions(ngx_conf_t *cf, const char **css,
    const char **js)
{
    u_char      *etag;
    ngx_uint_t   i;

    for (i = 0; ngx_http_consent_api_assets[i].name; i++) {
        etag = ngx_http_consent_api_etag(i);
        if (etag == NULL) {
            ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                          "consent: the asset \"%s\" is missing from the "
                          "module; rebuild it",
                          ngx_http_consent_api_assets[i].name);
            return NGX_ERROR;
        }
    }

    /* the hex digits between the quotes, NUL-terminated by a copy */

    *css = ngx_http_consent_api_version(cf, "consent.css");
    *js = ngx_http_consent_api_version(cf, "consent.js");

    return (*css && *js) ? NGX_OK : NGX_ERROR;
}


static const char *
ngx_http_consent_api_version(ngx_conf_t *cf, const char *name)
{
    u_char      *v;
    ngx_uint_t   index;

    for (index = 0; ngx_http_consent_api_assets[index].name; index++) {
        if (ngx_strcmp(ngx_http_consent_api_assets[index].name, name) == 0) {
            break;
        }
    }

    if (ngx_http_consent_api_assets[index].name == NULL) {
        return NULL;
    }

    v = ngx_pnalloc(cf->pool, NGX_HTTP_CONSENT_ETAG_LEN - 1);
    if (v == NULL) {
        return NULL;
    }

    ngx_memcpy(v, ngx_http_consent_api_etags[index] + 1,
               NGX_HTTP_CONSENT_ETAG_LEN - 2);
    v[NGX_HTTP_CONSENT_ETAG_LEN - 2] = '\0';

    return (const char *) v;
}


/*
 * Assets carry a strong ETag (MD5 of the content) and are cached for a
 * day; a URL versioned with ?v=<etag> is immutable for a year.
 */
static ngx_int_t
ngx_http_consent_api_asset(ngx_http_request_t *r, ngx_uint_t index)
{
    u_char                          *etag, *type_end;
    ngx_str_t                        version;
    ngx_table_elt_t                 *h;
    const ngx_http_consent_asset_t  *asset;

    asset = ngx_http_consent_asset(ngx_http_consent_api_assets[index].name);
    etag = ngx_http_consent_api_etag(index);

    if (asset == NULL || etag == NULL) {
        return NGX_HTTP_NOT_FOUND;
    }

    h = ngx_http_consent_add_header(r, "ETag", (const char *) etag,
                                    NGX_HTTP_CONSENT_ETAG_LEN);
    if (h == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    r->headers_out.etag = h;

    /* the not-modified filter answers If-None-Match with 304 */

    if (ngx_http_arg(r, (u_char *) "v", 1, &version) == NGX_OK
        && version.len == NGX_HTTP_CONSENT_ETAG_LEN - 2
        && ngx_strncmp(version.data, etag + 1, version.len) == 0)
    {
        if (ngx_http_consent_add_header(r, "Cache-Control",
                              NGX_HTTP_CONSENT_ASSET_MAX_AGE_VERSIONED,
                              sizeof(NGX_HTTP_CONSENT_ASSET_MAX_AGE_VERSIONED)
                              - 1)
            == NULL)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

    } else if (ngx_http_consent_add_header(r, "Cache-Control",
                                 NGX_HTTP_CONSENT_ASSET_MAX_AGE,
                                 sizeof(NGX_HTTP_CONSENT_ASSET_MAX_AGE) - 1)
               == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    r->headers_out.content_type.data =
                         (u_char *) ngx_http_consent_api_assets[index].type;
    r->headers_out.content_type.len =
                         ngx_strlen(ngx_http_consent_api_assets[index].type);

    /* the media type alone: gzip_types and the like match on this length */
    type_end = ngx_strlchr(r->headers_out.content_type.data,
                           r->headers_out.content_type.data
                           + r->headers_out.content_type.len, ';');
    r->headers_out.content_type_len = type_end
                     ? (size_t) (type_end - r->headers_out.content_type.data)
                     : r->headers_out.content_type.len;
    r->headers_out.content_type_lowcase = NULL;

    return ngx_http_consent_send(r, NGX_HTTP_OK, (u_char *) asset->data,
                                 asset->size, 1);
}


/* Send json (malloc()ed by the core; NULL on its allocation failure). */
static ngx_int_t
ngx_http_consent_api_json(ngx_http_request_t *r, ngx_uint_t status,
    char *json)
{
    ngx_int_t  rc;

    if (json == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_http_consent_api_line(r, status, "application/json", json);
    free(json);

    return rc;
}


/* A one-line text/plain answer to a request the endpoint refuses. */
static ngx_int_t
ngx_http_consent_api_error(ngx_http_request_t *r, ngx_uint_t status,
    const char *reason)
{
    if (ngx_http_discard_request_body(r) != NGX_OK) {
        r->keepalive = 0;
    }

    ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                  "consent: %ui: %s", status, reason);

    return ngx_http_consent_api_line(r, status, "text/plain", reason);
}


/* A line of text, never cached: the answers depend on the visitor. */
static ngx_int_t
ngx_http_consent_api_line(ngx_http_request_t *r, ngx_uint_t status,
    const char *type, const char *text)
{
    u_char  *p;
    size_t   len;

    len = ngx_strlen(text);

    p = ngx_pnalloc(r->pool, len + 1);
    if (p == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ngx_memcpy(p, text, len);
    p[len] = '\n';

    r->headers_out.content_type.data = (u_char *) type;
    r->headers_out.content_type.len = ngx_strlen(type);
    r->headers_out.content_type_len = r->headers_out.content_type.len;

    if (ngx_http_consent_add_header(r, "Cache-Control", "no-store",
                                    sizeof("no-store") - 1)
        == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_http_consent_send(r, status, p, len + 1, 0);
}


static ngx_int_t
ngx_http_consent_api_not_allowed(ngx_http_request_t *r, const char *allow)
{
    if (ngx_http_consent_add_header(r, "Allow", allow, ngx_strlen(allow))
        == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_http_consent_api_error(r, NGX_HTTP_NOT_ALLOWED,
                                      "method not allowed here");
}
