
/*
 * ngx_consent: the request's consent state (decoded once per request) and
 * the variables that expose it to the rest of nginx.
 */


#include "ngx_http_consent_module.h"


static void ngx_http_consent_decode(ngx_http_request_t *r,
    ngx_http_consent_request_t *cr);
static void ngx_http_consent_verify_header(ngx_http_request_t *r,
    ngx_str_t *header, ngx_str_t *name, consent_cookie_check_t *check,
    consent_cookies_t *cookies);
static ngx_uint_t ngx_http_consent_has_gpc(ngx_http_request_t *r);

static ngx_int_t ngx_http_consent_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_value(ngx_http_variable_value_t *v,
    u_char *data, size_t len);
static ngx_int_t ngx_http_consent_variable_id(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_status(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_gpc(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_decided(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_category(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_service(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_region(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_consent_variable_mode(ngx_http_request_t *r,
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

    { ngx_string("consent_decided"), NULL,
      ngx_http_consent_variable_decided, 0, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("consent_region"), NULL, ngx_http_consent_variable_region,
      0, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("consent_mode"), NULL, ngx_http_consent_variable_mode, 0,
      NGX_HTTP_VAR_NOCACHEABLE, 0 },

    /* $consent_service_<id>, "-" and "." of the id written as "_" */
    { ngx_string(NGX_HTTP_CONSENT_SERVICE_VAR), NULL,
      ngx_http_consent_variable_service, 0,
      NGX_HTTP_VAR_NOCACHEABLE|NGX_HTTP_VAR_PREFIX, 0 },

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


/*
 * Every $consent_service_<name> the configuration uses names a service of
 * a policy loaded (or of the catalogue it extends): a typo would otherwise
 * be a variable that is always "0".  Runs before nginx resolves variable
 * names; the line of the reference is not known any more.
 */

ngx_int_t
ngx_http_consent_service_variables_check(ngx_conf_t *cf)
{
    size_t                           len;
    u_char                          *name;
    ngx_uint_t                       i, p;
    ngx_http_variable_t             *v;
    ngx_http_core_main_conf_t       *core;
    ngx_http_consent_policy_file_t  *pf;
    ngx_http_consent_main_conf_t    *cmcf;

    core = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);
    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_consent_module);

    v = core->variables.elts;
    pf = cmcf->policies.elts;

    for (i = 0; i < core->variables.nelts; i++) {
        len = sizeof(NGX_HTTP_CONSENT_SERVICE_VAR) - 1;

        if (v[i].name.len <= len
            || ngx_strncmp(v[i].name.data, NGX_HTTP_CONSENT_SERVICE_VAR,
                           len)
               != 0)
        {
            continue;
        }

        name = v[i].name.data + len;
        len = v[i].name.len - len;

        for (p = 0; p < cmcf->policies.nelts; p++) {
            if (consent_policy_service_by_name(pf[p].policy, (char *) name,
                                               len)
                >= 0)
            {
                break;
            }
        }

        if (p == cmcf->policies.nelts) {
            ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                          "consent: the variable \"$%V\" names no service "
                          "of a policy or of the catalogue: use a service "
                          "id with \"-\" and \".\" written as \"_\", "
                          "such as $" NGX_HTTP_CONSENT_SERVICE_VAR
                          "google_analytics", &v[i].name);
            return NGX_ERROR;
        }
    }

    return NGX_OK;
}


/* The fingerprint of every policy loaded, that cookies are bound to. */

ngx_int_t
ngx_http_consent_fingerprints_init(ngx_conf_t *cf)
{
    size_t                           c;
    ngx_uint_t                       i;
    const char                      *ids[CONSENT_MAX_CATEGORIES];
    consent_policy_t                *policy;
    ngx_http_consent_policy_file_t  *pf;
    ngx_http_consent_main_conf_t    *cmcf;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_consent_module);

    pf = cmcf->policies.elts;

    for (i = 0; i < cmcf->policies.nelts; i++) {
        policy = pf[i].policy;

        for (c = 0; c < policy->ncategories; c++) {
            ids[c] = policy->categories[c].id;
        }

        if (consent_cookie_fingerprint(ids, policy->ncategories,
                                       pf[i].fingerprint)
            != 0)
        {
            ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                          "consent: cannot fingerprint the policy%s%V",
                          pf[i].path.len ? " " : "", &pf[i].path);
            return NGX_ERROR;
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
    ngx_http_consent_region_decide(r, &ctx->consent,
                                   ngx_http_consent_policy(r));

    ngx_http_set_ctx(r, ctx, ngx_http_consent_module);

    return ctx;
}


static void
ngx_http_consent_decode(ngx_http_request_t *r, ngx_http_consent_request_t *cr)
{
    u_char                        *fingerprint;
    consent_policy_t              *policy;
    consent_cookies_t              cookies;
    consent_cookie_check_t         check;
    ngx_http_consent_srv_conf_t   *cscf;
#if (nginx_version >= 1023000)
    ngx_table_elt_t               *h;
#else
    ngx_uint_t                     i;
    ngx_table_elt_t              **h;
#endif

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_consent_module);
    policy = ngx_http_consent_policy(r);

    cr->gpc = ngx_http_consent_has_gpc(r);

#if (nginx_version >= 1023000)
    if (r->headers_in.cookie == NULL) {
        return;
    }
#else
    if (r->headers_in.cookies.nelts == 0) {
        return;
    }
#endif

    ngx_memzero(&cookies, sizeof(consent_cookies_t));
    ngx_memzero(&check, sizeof(consent_cookie_check_t));

    check.keys = cscf->keys ? cscf->keys->elts : NULL;
    check.nkeys = cscf->keys ? cscf->keys->nelts : 0;
    check.now = (uint64_t) ngx_time();
    check.max_age = (uint64_t) cscf->cookie_max_age;
    check.revision = policy->revision;

    fingerprint = ngx_http_consent_fingerprint(r);

    if (fingerprint == NULL) {
        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "consent: no fingerprint of the policy, cookie "
                      "\"%V\" ignored", &cscf->cookie_name);

        /* no key verifies: every cookie of ours is invalid */
        check.nkeys = 0;

    } else {
        ngx_memcpy(check.fingerprint, fingerprint, CONSENT_FINGERPRINT_LEN);
    }

    /* every cookie of our name counts: the most restrictive valid wins */

#if (nginx_version >= 1023000)
    for (h = r->headers_in.cookie; h; h = h->next) {
        ngx_http_consent_verify_header(r, &h->value, &cscf->cookie_name,
                                       &check, &cookies);
    }
#else
    h = r->headers_in.cookies.elts;
    for (i = 0; i < r->headers_in.cookies.nelts; i++) {
        ngx_http_consent_verify_header(r, &h[i]->value, &cscf->cookie_name,
                                       &check, &cookies);
    }
#endif

    cr->status = cookies.status;

    if (cookies.status == CONSENT_STATUS_VALID
        || cookies.status == CONSENT_STATUS_STALE)
    {
        cr->state = cookies.state;
    }

    if (cookies.status == CONSENT_STATUS_INVALID) {
        ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                      "consent: cookie \"%V\" is not authentic, ignored",
                      &cscf->cookie_name);
    }
}


static void
ngx_http_consent_verify_header(ngx_http_request_t *r, ngx_str_t *header,
    ngx_str_t *name, consent_cookie_check_t *check, consent_cookies_t *cookies)
{
    size_t            pos, len;
    const char       *value;
    consent_state_t   state;
    consent_status_t  status;

    pos = 0;

    while (consent_cookie_header_find((const char *) header->data,
                                      header->len, (const char *) name->data,
                                      name->len, &pos, &value, &len))
    {
        status = consent_cookie_verify(value, len, check, &state);

        ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "consent cookie: %s (%uz bytes)",
                       consent_status_name(status), len);

        consent_cookies_add(cookies, status, &state);
    }
}


/* The fingerprint of the request's policy, computed at configuration time. */

u_char *
ngx_http_consent_fingerprint(ngx_http_request_t *r)
{
    ngx_uint_t                       i;
    consent_policy_t                *policy;
    ngx_http_consent_policy_file_t  *pf;
    ngx_http_consent_main_conf_t    *cmcf;

    policy = ngx_http_consent_policy(r);
    cmcf = ngx_http_get_module_main_conf(r, ngx_http_consent_module);

    pf = cmcf->policies.elts;

    for (i = 0; i < cmcf->policies.nelts; i++) {
        if (pf[i].policy == policy) {
            return pf[i].fingerprint;
        }
    }

    return NULL;
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

    /* a cookie that only allowed single services decided no category */
    if (!ctx->consent.decided) {
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

    return ngx_http_consent_variable_value(v, p, 2 * CONSENT_ID_LEN);
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

    return ngx_http_consent_variable_value(v, (u_char *) name,
                                           ngx_strlen(name));
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

    return ngx_http_consent_variable_value(v, (u_char *)
                                           (ctx->consent.gpc ? "1" : "0"), 1);
}


/* $consent_decided: "1" when a valid cookie chose the categories. */

static ngx_int_t
ngx_http_consent_variable_decided(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    return ngx_http_consent_variable_value(v, (u_char *)
                                           (ctx->consent.decided ? "1" : "0"),
                                           1);
}


static ngx_int_t
ngx_http_consent_variable_category(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    const char              *id = (const char *) data;

    ngx_int_t                c;
    ngx_uint_t               granted;
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    c = consent_policy_category(ngx_http_consent_policy(r), id,
                                ngx_strlen(id));

    granted = c >= 0 && (ctx->consent.granted & (1u << c));

    return ngx_http_consent_variable_value(v, (u_char *) (granted ? "1" : "0"),
                                           1);
}


/*
 * $consent_service_<name>: "1" when the service is let through (its
 * category is granted, or the visitor allowed it alone), "0" otherwise and
 * for a name the request's policy does not know, as $consent_<category>.
 */

static ngx_int_t
ngx_http_consent_variable_service(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    ngx_str_t               *var = (ngx_str_t *) data;

    int                      service;
    size_t                   len;
    ngx_uint_t               granted;
    consent_policy_t        *policy;
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    policy = ngx_http_consent_policy(r);
    len = sizeof(NGX_HTTP_CONSENT_SERVICE_VAR) - 1;

    service = var->len > len
              ? consent_policy_service_by_name(policy,
                                               (char *) var->data + len,
                                               var->len - len)
              : -1;

    granted = service >= 0
              && consent_policy_service_granted(policy, ctx->consent.granted,
                                                ctx->consent.services,
                                                (unsigned) service);

    return ngx_http_consent_variable_value(v, (u_char *) (granted ? "1" : "0"),
                                           1);
}


/* $consent_region: the canonical ISO 3166 code, empty when unknown. */

static ngx_int_t
ngx_http_consent_variable_region(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    return ngx_http_consent_variable_value(v, (u_char *) ctx->consent.region,
                                           ngx_strlen(ctx->consent.region));
}


static ngx_int_t
ngx_http_consent_variable_mode(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    const char              *name;
    ngx_http_consent_ctx_t  *ctx;

    ctx = ngx_http_consent_get_ctx(r);
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    name = consent_mode_name(ctx->consent.mode);

    return ngx_http_consent_variable_value(v, (u_char *) name,
                                           ngx_strlen(name));
}


/* Every value depends on the request: never cached between evaluations. */

static ngx_int_t
ngx_http_consent_variable_value(ngx_http_variable_value_t *v, u_char *data,
    size_t len)
{
    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;
    v->len = len;
    v->data = data;

    return NGX_OK;
}
