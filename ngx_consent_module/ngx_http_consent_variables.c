
/*
 * ngx_consent: the request's consent state (decoded once per request) and
 * the variables that expose it to the rest of nginx.
 */


#include "ngx_http_consent_module.h"


static void ngx_http_consent_decode(ngx_http_request_t *r,
    ngx_http_consent_request_t *cr);
static consent_status_t ngx_http_consent_verify_header(ngx_http_request_t *r,
    ngx_str_t *header, ngx_http_consent_srv_conf_t *cscf,
    consent_policy_t *policy, consent_status_t best, consent_state_t *state);
static ngx_uint_t ngx_http_consent_has_gpc(ngx_http_request_t *r);

static ngx_int_t ngx_http_consent_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_id(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_status(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_gpc(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_category(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);


static ngx_http_variable_t  ngx_http_consent_vars[] = {

    { ngx_string("consent"), NULL, ngx_http_consent_variable, 0,
      NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("consent_id"), NULL, ngx_http_consent_variable_id, 0,
      NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("consent_status"), NULL, ngx_http_consent_variable_status,
      0, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("consent_gpc"), NULL, ngx_http_consent_variable_gpc, 0,
      NGX_HTTP_VAR_NOCACHEABLE, 0 },

      ngx_http_null_variable
};


ngx_int_t
ngx_http_consent_variables_add(ngx_conf_t *cf)
{
    ngx_http_variable_t  *var, *v;

    for (v = ngx_http_consent_vars; v->name.len; v++) {
        var = ngx_http_add_variable(cf, &v->name, v->flags);
        if (var == NULL) {
            return NGX_ERROR;
        }

        var->get_handler = v->get_handler;
        var->data = v->data;
    }

    return NGX_OK;
}


/* $consent_<category> for every category of every policy loaded. */

ngx_int_t
ngx_http_consent_category_variables_add(ngx_conf_t *cf)
{
    size_t                           len;
    ngx_str_t                        name;
    ngx_uint_t                       i, c;
    consent_policy_t                *policy;
    ngx_http_variable_t             *var;
    ngx_http_consent_policy_file_t  *pf;
    ngx_http_consent_main_conf_t    *cmcf;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_consent_module);

    pf = cmcf->policies.elts;

    for (i = 0; i < cmcf->policies.nelts; i++) {
        policy = pf[i].policy;

        for (c = 0; c < policy->ncategories; c++) {
            len = ngx_strlen(policy->categories[c].id);

            name.len = sizeof("consent_") - 1 + len;
            name.data = ngx_pnalloc(cf->pool, name.len);
            if (name.data == NULL) {
                return NGX_ERROR;
            }

            ngx_memcpy(ngx_cpymem(name.data, "consent_", 8),
                       policy->categories[c].id, len);

            /* the same category in several policies is one variable */
            var = ngx_http_add_variable(cf, &name,
                                        NGX_HTTP_VAR_NOCACHEABLE
                                        |NGX_HTTP_VAR_CHANGEABLE);
            if (var == NULL) {
                return NGX_ERROR;
            }

            var->get_handler = ngx_http_consent_variable_category;
            var->data = (uintptr_t) policy->categories[c].id;
        }
    }

    return NGX_OK;
}


ngx_http_consent_ctx_t *
ngx_http_consent_get_ctx(ngx_http_request_t *r)
{
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_consent_module);
    if (ctx) {
        return ctx;
    }

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_consent_ctx_t));
    if (ctx == NULL) {
        return NULL;
    }

    ngx_http_consent_decode(r, &ctx->consent);

    ngx_http_set_ctx(r, ctx, ngx_http_consent_module);

    return ctx;
}


static void
ngx_http_consent_decode(ngx_http_request_t *r, ngx_http_consent_request_t *cr)
{
    consent_status_t              status;
    consent_policy_t             *policy;
    ngx_http_consent_srv_conf_t  *cscf;
#if (nginx_version >= 1023000)
    ngx_table_elt_t              *h;
#else
    ngx_uint_t                    i;
    ngx_table_elt_t             **h;
#endif

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);
    policy = ngx_http_consent_policy(r);

    status = CONSENT_STATUS_NONE;

    /* several Cookie headers may each carry our cookie: the best one wins */

#if (nginx_version >= 1023000)
    for (h = r->headers_in.cookie; h; h = h->next) {
        status = ngx_http_consent_verify_header(r, &h->value, cscf, policy,
                                                status, &cr->state);
    }
#else
    h = r->headers_in.cookies.elts;
    for (i = 0; i < r->headers_in.cookies.nelts; i++) {
        status = ngx_http_consent_verify_header(r, &h[i]->value, cscf,
                                                policy, status, &cr->state);
    }
#endif

    cr->status = status;
    cr->gpc = ngx_http_consent_has_gpc(r);

    cr->granted = policy->required_mask;

    if (status == CONSENT_STATUS_VALID) {
        cr->granted |= cr->state.granted & policy->all_mask;
    }

    if (status == CONSENT_STATUS_INVALID) {
        ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                      "consent: cookie \"%V\" is not authentic, ignored",
                      &cscf->cookie_name);
    }
}


static consent_status_t
ngx_http_consent_verify_header(ngx_http_request_t *r, ngx_str_t *header,
    ngx_http_consent_srv_conf_t *cscf, consent_policy_t *policy,
    consent_status_t best, consent_state_t *state)
{
    size_t            pos, len, nkeys;
    const char       *value;
    consent_state_t   candidate;
    consent_status_t  status;

    nkeys = cscf->keys ? cscf->keys->nelts : 0;
    pos = 0;

    /* read only after a valid or stale verify; clang cannot tell */
    ngx_memzero(&candidate, sizeof(consent_state_t));

    while (consent_cookie_header_find((const char *) header->data,
                                      header->len,
                                      (const char *) cscf->cookie_name.data,
                                      cscf->cookie_name.len, &pos, &value,
                                      &len))
    {
        if (nkeys == 0) {
            status = CONSENT_STATUS_INVALID;

        } else {
            status = consent_cookie_verify(value, len, cscf->keys->elts,
                                           nkeys, (uint64_t) ngx_time(),
                                           (uint64_t) cscf->cookie_max_age,
                                           policy->revision, &candidate);
        }

        ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "consent cookie: %s (%uz bytes)",
                       consent_status_name(status), len);

        /* valid beats stale beats invalid beats none */

        if (best == CONSENT_STATUS_VALID) {
            continue;
        }

        if (status == CONSENT_STATUS_VALID
            || (status == CONSENT_STATUS_STALE
                && best != CONSENT_STATUS_STALE)
            || best == CONSENT_STATUS_NONE)
        {
            if (status == CONSENT_STATUS_VALID
                || status == CONSENT_STATUS_STALE)
            {
                *state = candidate;
            }

            best = status;
        }
    }

    return best;
}


static ngx_uint_t
ngx_http_consent_has_gpc(ngx_http_request_t *r)
{
    ngx_table_elt_t  *h;

    h = ngx_http_consent_header(r, "Sec-GPC");

    return h && h->value.len == 1 && h->value.data[0] == '1';
}


static ngx_int_t
ngx_http_consent_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    u_char                  *p;
    size_t                   len;
    ngx_uint_t               c;
    consent_policy_t        *policy;
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;

    if (ctx->consent.status != CONSENT_STATUS_VALID) {
        v->len = 0;
        v->data = (u_char *) "";
        return NGX_OK;
    }

    policy = ngx_http_consent_policy(r);

    len = 0;
    for (c = 0; c < policy->ncategories; c++) {
        if (ctx->consent.granted & (1u << c)) {
            len += ngx_strlen(policy->categories[c].id) + 1;
        }
    }

    p = ngx_pnalloc(r->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    v->data = p;

    for (c = 0; c < policy->ncategories; c++) {
        if (ctx->consent.granted & (1u << c)) {
            if (p != v->data) {
                *p++ = ',';
            }

            p = ngx_cpymem(p, policy->categories[c].id,
                           ngx_strlen(policy->categories[c].id));
        }
    }

    v->len = p - v->data;

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_variable_id(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    u_char                  *p;
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    if (ctx->consent.status != CONSENT_STATUS_VALID
        && ctx->consent.status != CONSENT_STATUS_STALE)
    {
        v->not_found = 1;
        return NGX_OK;
    }

    p = ngx_pnalloc(r->pool, 2 * CONSENT_ID_LEN + 1);
    if (p == NULL) {
        return NGX_ERROR;
    }

    consent_id_hex(ctx->consent.state.id, (char *) p);

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;
    v->len = 2 * CONSENT_ID_LEN;
    v->data = p;

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_variable_status(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    const char              *name;
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    name = consent_status_name(ctx->consent.status);

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;
    v->len = ngx_strlen(name);
    v->data = (u_char *) name;

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_variable_gpc(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;
    v->len = 1;
    v->data = (u_char *) (ctx->consent.gpc ? "1" : "0");

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_variable_category(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    const char              *id = (const char *) data;

    ngx_int_t                c;
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    c = consent_policy_category(ngx_http_consent_policy(r), id,
                                ngx_strlen(id));

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;
    v->len = 1;
    v->data = (u_char *) ((c >= 0 && (ctx->consent.granted & (1u << c)))
                          ? "1" : "0");

    return NGX_OK;
}


ngx_int_t
ngx_http_consent_set_cookie(ngx_http_request_t *r, consent_state_t *state)
{
    u_char                       *p;
    size_t                        len;
    ngx_uint_t                    secure;
    ngx_table_elt_t              *set_cookie;
    ngx_http_consent_srv_conf_t  *cscf;

    static const char  *samesite[] = { "Lax", "Strict", "None" };

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);

    if (cscf->keys == NULL || cscf->keys->nelts == 0) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "consent: no consent_secret to sign the cookie with");
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
#if (NGX_HTTP_SSL)
        secure = r->connection->ssl != NULL;
#else
        secure = 0;
#endif
    }

    len = cscf->cookie_name.len + 1 + CONSENT_COOKIE_LEN
          + sizeof("; Max-Age=") - 1 + NGX_TIME_T_LEN
          + sizeof("; Path=") - 1 + cscf->cookie_path.len
          + sizeof("; HttpOnly; SameSite=Strict; Secure") - 1;

    if (cscf->cookie_domain.len) {
        len += sizeof("; Domain=") - 1 + cscf->cookie_domain.len;
    }

    p = ngx_pnalloc(r->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    set_cookie = ngx_list_push(&r->headers_out.headers);
    if (set_cookie == NULL) {
        return NGX_ERROR;
    }

    set_cookie->hash = 1;
    ngx_str_set(&set_cookie->key, "Set-Cookie");
#if (nginx_version >= 1023000)
    set_cookie->next = NULL;
#endif
    set_cookie->value.data = p;

    p = ngx_copy(p, cscf->cookie_name.data, cscf->cookie_name.len);
    *p++ = '=';

    if (consent_cookie_encode(state, cscf->keys->elts, (char *) p) != 0) {
        set_cookie->hash = 0;
        return NGX_ERROR;
    }

    p += CONSENT_COOKIE_LEN;

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

    set_cookie->value.len = p - set_cookie->value.data;

    return NGX_OK;
}
