
/*
 * ngx_consent: directives, configuration and module registration.
 */


#include "ngx_http_consent_module.h"
#include "consent_render.h"


static void *ngx_http_consent_create_main_conf(ngx_conf_t *cf);
static void *ngx_http_consent_create_srv_conf(ngx_conf_t *cf);
static char *ngx_http_consent_merge_srv_conf(ngx_conf_t *cf, void *parent,
    void *child);
static void *ngx_http_consent_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_consent_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);
static ngx_int_t ngx_http_consent_preconfiguration(ngx_conf_t *cf);
static ngx_int_t ngx_http_consent_postconfiguration(ngx_conf_t *cf);
static consent_policy_t *ngx_http_consent_load_policy(ngx_conf_t *cf,
    ngx_str_t *path);
static void ngx_http_consent_cleanup_policy(void *data);
static ngx_int_t ngx_http_consent_load_catalogue(ngx_conf_t *cf,
    ngx_http_consent_main_conf_t *cmcf);
static void ngx_http_consent_cleanup_catalogue(void *data);

static char *ngx_http_consent(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_consent_policy_directive(ngx_conf_t *cf,
    ngx_command_t *cmd, void *conf);
static char *ngx_http_consent_secret(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_consent_cookie(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_consent_api(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_consent_policy_page(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_consent_audit_key_directive(ngx_conf_t *cf,
    ngx_command_t *cmd, void *conf);
static ngx_int_t ngx_http_consent_cookie_enum(ngx_str_t *param,
    size_t prefix_len, ngx_conf_enum_t *e, ngx_uint_t *value);
static char *ngx_http_consent_read_key_file(ngx_conf_t *cf, ngx_str_t *name,
    ngx_str_t *key);
static char *ngx_http_consent_handler_location(ngx_conf_t *cf,
    ngx_str_t *path, ngx_http_handler_pt handler);
static char *ngx_http_consent_place(ngx_conf_t *cf, ngx_str_t *place);
static ngx_int_t ngx_http_consent_check_servers(ngx_conf_t *cf);
static ngx_int_t ngx_http_consent_check_server(ngx_conf_t *cf,
    ngx_http_core_srv_conf_t *core, ngx_http_consent_srv_conf_t *cscf);


/* consent_types' default: the types a browser renders as HTML */
static ngx_str_t  ngx_http_consent_default_types[] = {
    ngx_string("text/html"),
    ngx_string("application/xhtml+xml"),
    ngx_null_string
};


static ngx_conf_enum_t  ngx_http_consent_undecodable_modes[] = {
    { ngx_string("refuse"), NGX_HTTP_CONSENT_UNDECODABLE_REFUSE },
    { ngx_string("pass"), NGX_HTTP_CONSENT_UNDECODABLE_PASS },
    { ngx_null_string, 0 }
};


static ngx_conf_enum_t  ngx_http_consent_audit_ip_modes[] = {
    { ngx_string("truncate"), NGX_HTTP_CONSENT_IP_TRUNCATE },
    { ngx_string("full"), NGX_HTTP_CONSENT_IP_FULL },
    { ngx_string("off"), NGX_HTTP_CONSENT_IP_OFF },
    { ngx_null_string, 0 }
};


static ngx_conf_enum_t  ngx_http_consent_samesite[] = {
    { ngx_string("lax"), NGX_HTTP_CONSENT_SAMESITE_LAX },
    { ngx_string("strict"), NGX_HTTP_CONSENT_SAMESITE_STRICT },
    { ngx_string("none"), NGX_HTTP_CONSENT_SAMESITE_NONE },
    { ngx_null_string, 0 }
};


static ngx_conf_enum_t  ngx_http_consent_secure[] = {
    { ngx_string("auto"), NGX_HTTP_CONSENT_SECURE_AUTO },
    { ngx_string("on"), NGX_HTTP_CONSENT_SECURE_ON },
    { ngx_string("off"), NGX_HTTP_CONSENT_SECURE_OFF },
    { ngx_null_string, 0 }
};


static ngx_command_t  ngx_http_consent_commands[] = {

    { ngx_string("consent"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_http_consent,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_policy"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_consent_policy_directive,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_secret"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_CONF_TAKE1,
      ngx_http_consent_secret,
      NGX_HTTP_SRV_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_cookie"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_CONF_1MORE,
      ngx_http_consent_cookie,
      NGX_HTTP_SRV_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_api"),
      NGX_HTTP_LOC_CONF|NGX_CONF_NOARGS,
      ngx_http_consent_api,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_policy_page"),
      NGX_HTTP_LOC_CONF|NGX_CONF_NOARGS,
      ngx_http_consent_policy_page,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_audit_log"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_CONF_TAKE12,
      ngx_http_consent_audit_log,
      NGX_HTTP_SRV_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_audit_key"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_CONF_TAKE1,
      ngx_http_consent_audit_key_directive,
      NGX_HTTP_SRV_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_audit_ip"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_SRV_CONF_OFFSET,
      offsetof(ngx_http_consent_srv_conf_t, audit_ip),
      &ngx_http_consent_audit_ip_modes },

    { ngx_string("consent_gpc"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_consent_loc_conf_t, gpc),
      NULL },

    { ngx_string("consent_strip_cookies"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_consent_loc_conf_t, strip_cookies),
      NULL },

    { ngx_string("consent_types"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_1MORE,
      ngx_http_types_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_consent_loc_conf_t, types_keys),
      &ngx_http_consent_default_types[0] },

    { ngx_string("consent_undecodable"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_consent_loc_conf_t, undecodable),
      &ngx_http_consent_undecodable_modes },

    { ngx_string("consent_inline_max"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_consent_loc_conf_t, inline_max),
      NULL },

    { ngx_string("consent_csp_nonce"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_set_complex_value_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_consent_loc_conf_t, csp_nonce),
      NULL },

    { ngx_string("consent_region"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_consent_region,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_unknown"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE12,
      ngx_http_consent_unknown,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_report"),
      NGX_HTTP_LOC_CONF|NGX_CONF_NOARGS,
      ngx_http_consent_report,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("consent_report_state"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_http_consent_main_conf_t, report_state),
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_consent_module_ctx = {
    ngx_http_consent_preconfiguration,     /* preconfiguration */
    ngx_http_consent_postconfiguration,    /* postconfiguration */

    ngx_http_consent_create_main_conf,     /* create main configuration */
    NULL,                                  /* init main configuration */

    ngx_http_consent_create_srv_conf,      /* create server configuration */
    ngx_http_consent_merge_srv_conf,       /* merge server configuration */

    ngx_http_consent_create_loc_conf,      /* create location configuration */
    ngx_http_consent_merge_loc_conf        /* merge location configuration */
};


ngx_module_t  ngx_http_consent_module = {
    NGX_MODULE_V1,
    &ngx_http_consent_module_ctx,          /* module context */
    ngx_http_consent_commands,             /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    NULL,                                  /* init module */
    NULL,                                  /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    ngx_http_consent_discovery_exit_process,   /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


static void *
ngx_http_consent_create_main_conf(ngx_conf_t *cf)
{
    ngx_http_consent_main_conf_t  *cmcf;

    cmcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_main_conf_t));
    if (cmcf == NULL) {
        return NULL;
    }

    if (ngx_array_init(&cmcf->policies, cf->pool, 4,
                       sizeof(ngx_http_consent_policy_file_t))
        != NGX_OK)
    {
        return NULL;
    }

    return cmcf;
}


static void *
ngx_http_consent_create_srv_conf(ngx_conf_t *cf)
{
    ngx_http_consent_srv_conf_t  *cscf;

    cscf = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_srv_conf_t));
    if (cscf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     cscf->keys = NULL;
     *     cscf->cookie_name = { 0, NULL };
     *     cscf->api_path = { 0, NULL };
     *     cscf->page_path = { 0, NULL };
     *     cscf->audit_log = NULL;
     *     cscf->audit_key = { 0, NULL };
     */

    cscf->cookie_max_age = NGX_CONF_UNSET;
    cscf->cookie_samesite = NGX_CONF_UNSET_UINT;
    cscf->cookie_secure = NGX_CONF_UNSET_UINT;
    cscf->cookie_set = NGX_CONF_UNSET;
    cscf->audit_ip = NGX_CONF_UNSET_UINT;

    return cscf;
}


static char *
ngx_http_consent_merge_srv_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_consent_srv_conf_t *prev = parent;
    ngx_http_consent_srv_conf_t *conf = child;

    if (conf->keys == NULL) {
        conf->keys = prev->keys;
    }

    if (ngx_http_consent_relay_key(conf) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (conf->cookie_set == NGX_CONF_UNSET) {
        conf->cookie_set = prev->cookie_set;
        conf->cookie_name = prev->cookie_name;
        conf->cookie_max_age = prev->cookie_max_age;
        conf->cookie_domain = prev->cookie_domain;
        conf->cookie_path = prev->cookie_path;
        conf->cookie_samesite = prev->cookie_samesite;
        conf->cookie_secure = prev->cookie_secure;
        conf->cookie_scheme = prev->cookie_scheme;
    }

    if (conf->cookie_name.data == NULL) {
        ngx_str_set(&conf->cookie_name, "consent");
    }

    if (conf->cookie_path.data == NULL) {
        ngx_str_set(&conf->cookie_path, "/");
    }

    if (conf->cookie_max_age == NGX_CONF_UNSET) {
        conf->cookie_max_age = 180 * 86400;
    }

    if (conf->cookie_samesite == NGX_CONF_UNSET_UINT) {
        conf->cookie_samesite = NGX_HTTP_CONSENT_SAMESITE_LAX;
    }

    if (conf->cookie_secure == NGX_CONF_UNSET_UINT) {
        conf->cookie_secure = NGX_HTTP_CONSENT_SECURE_AUTO;
    }

    if (conf->audit_log == NULL) {
        conf->audit_log = prev->audit_log;
    }

    ngx_conf_merge_str_value(conf->audit_key, prev->audit_key, "");
    ngx_conf_merge_uint_value(conf->audit_ip, prev->audit_ip,
                              NGX_HTTP_CONSENT_IP_TRUNCATE);

    return NGX_CONF_OK;
}


static void *
ngx_http_consent_create_loc_conf(ngx_conf_t *cf)
{
    ngx_http_consent_loc_conf_t  *lcf;

    lcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_loc_conf_t));
    if (lcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     lcf->policy = NULL;
     *     lcf->types = { NULL };
     *     lcf->types_keys = NULL;
     *     lcf->csp_nonce = NULL;
     *     lcf->enabled_in = { 0, NULL };
     *     lcf->region_header = { 0, NULL };
     */

    lcf->enable = NGX_CONF_UNSET;
    lcf->gpc = NGX_CONF_UNSET;
    lcf->strip_cookies = NGX_CONF_UNSET;
    lcf->inline_max = NGX_CONF_UNSET_SIZE;
    lcf->csp_nonce = NGX_CONF_UNSET_PTR;
    lcf->region = NGX_CONF_UNSET_PTR;
    lcf->unknown_block = NGX_CONF_UNSET;
    lcf->undecodable = NGX_CONF_UNSET_UINT;

    return lcf;
}


static char *
ngx_http_consent_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_consent_loc_conf_t *prev = parent;
    ngx_http_consent_loc_conf_t *conf = child;

    ngx_http_core_loc_conf_t        *core;
    ngx_http_consent_srv_conf_t     *cscf;
    ngx_http_consent_main_conf_t    *cmcf;
    ngx_http_consent_filter_conf_t  *fc;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);
    ngx_conf_merge_value(conf->gpc, prev->gpc, 1);
    ngx_conf_merge_value(conf->strip_cookies, prev->strip_cookies, 0);
    ngx_conf_merge_size_value(conf->inline_max, prev->inline_max, 64 * 1024);
    ngx_conf_merge_ptr_value(conf->csp_nonce, prev->csp_nonce, NULL);

    if (conf->region == NGX_CONF_UNSET_PTR) {
        conf->region = prev->region;
        conf->region_header = prev->region_header;
    }

    if (conf->region == NGX_CONF_UNSET_PTR) {
        conf->region = NULL;
    }
    ngx_conf_merge_uint_value(conf->undecodable, prev->undecodable,
                              NGX_HTTP_CONSENT_UNDECODABLE_REFUSE);

    if (conf->enabled_in.len == 0) {
        conf->enabled_in = prev->enabled_in;
        conf->enabled_what = prev->enabled_what;
    }

    if (ngx_http_merge_types(cf, &conf->types_keys, &conf->types,
                             &prev->types_keys, &prev->types,
                             ngx_http_consent_default_types)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    if (conf->policy == NULL) {
        conf->policy = prev->policy;
        conf->policy_in = prev->policy_in;
    }

    if (conf->policy == NULL) {
        cmcf = ngx_http_conf_get_module_main_conf(cf,
                                                  ngx_http_consent_module);
        if (cmcf->builtin == NULL) {
            cmcf->builtin = ngx_http_consent_load_policy(cf, NULL);
            if (cmcf->builtin == NULL) {
                return NGX_CONF_ERROR;
            }
        }

        conf->policy = cmcf->builtin;
    }

    if (ngx_http_consent_unknown_merge(cf, prev, conf) != NGX_CONF_OK) {
        return NGX_CONF_ERROR;
    }

    if ((conf->enable || conf->api) && conf->enabled_in.len) {
        cscf = ngx_http_conf_get_module_srv_conf(cf, ngx_http_consent_module);

        if (cscf->keys == NULL) {
            ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                          "\"%s\" in %V needs a consent_secret in its server "
                          "or http block: create one with \"head -c 48 "
                          "/dev/urandom | base64 > /etc/nginx/consent.key\" "
                          "and add \"consent_secret /etc/nginx/consent.key;\"",
                          conf->enabled_what, &conf->enabled_in);
            return NGX_CONF_ERROR;
        }
    }

    /* where the filter and the endpoint get their policies, for nginx -t */

    cscf = ngx_http_conf_get_module_srv_conf(cf, ngx_http_consent_module);

    if (conf->api) {
        cscf->api_policy = conf->policy;
        cscf->api_region = conf->region;
        cscf->api_in = conf->enabled_in;
        cscf->api_policy_in = conf->policy_in;

    } else if (conf->enable && !conf->policy_page) {
        if (cscf->filters == NULL) {
            cscf->filters = ngx_array_create(cf->pool, 4,
                                       sizeof(ngx_http_consent_filter_conf_t));
            if (cscf->filters == NULL) {
                return NGX_CONF_ERROR;
            }
        }

        fc = ngx_array_push(cscf->filters);
        if (fc == NULL) {
            return NGX_CONF_ERROR;
        }

        core = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);

        if (core->name.len) {
            fc->name = core->name;

        } else {
            ngx_str_set(&fc->name, "(the server level)");
        }
        fc->enabled_in = conf->enabled_in;
        fc->policy_in = conf->policy_in;
        fc->policy = conf->policy;
        fc->region = conf->region;
    }

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_consent_preconfiguration(ngx_conf_t *cf)
{
    return ngx_http_consent_variables_add(cf);
}


static ngx_int_t
ngx_http_consent_postconfiguration(ngx_conf_t *cf)
{
    ngx_http_handler_pt           *h;
    ngx_http_core_main_conf_t     *core;
    ngx_http_consent_main_conf_t  *cmcf;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_consent_module);

    if (ngx_http_consent_check_servers(cf) != NGX_OK
        || ngx_http_consent_category_variables_add(cf) != NGX_OK
        || ngx_http_consent_service_variables_check(cf) != NGX_OK
        || ngx_http_consent_discovery_init(cf, &cmcf->report_state) != NGX_OK
        || ngx_http_consent_fingerprints_init(cf) != NGX_OK
        || ngx_http_consent_asset_versions(cf, &cmcf->css_version,
                                           &cmcf->js_version)
           != NGX_OK)
    {
        return NGX_ERROR;
    }

    /* before the content phase, where upstream modules copy the request */

    core = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);

    h = ngx_array_push(&core->phases[NGX_HTTP_PREACCESS_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_consent_request_handler;

    return ngx_http_consent_filter_init(cf);
}


/*
 * A server that filters needs its endpoint (the banner posts there), and
 * the endpoint must record decisions under the filter's categories.
 */

static ngx_int_t
ngx_http_consent_check_servers(ngx_conf_t *cf)
{
    ngx_uint_t                    s;
    ngx_http_core_srv_conf_t    **servers;
    ngx_http_core_main_conf_t    *core;
    ngx_http_consent_srv_conf_t  *cscf;

    core = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);
    servers = core->servers.elts;

    for (s = 0; s < core->servers.nelts; s++) {
        cscf = servers[s]->ctx->srv_conf[ngx_http_consent_module.ctx_index];

        if (ngx_http_consent_check_server(cf, servers[s], cscf) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_consent_check_server(ngx_conf_t *cf, ngx_http_core_srv_conf_t *core,
    ngx_http_consent_srv_conf_t *cscf)
{
    ngx_str_t                        builtin, *api_policy;
    ngx_uint_t                       i;
    ngx_http_consent_filter_conf_t  *fc;

    if (cscf->filters == NULL) {
        return NGX_OK;
    }

    fc = cscf->filters->elts;

    if (cscf->api_path.len == 0) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "\"consent on\" in %V applies to the server in "
                      "%s:%ui, which has no consent_api location: the "
                      "banner would post to the application and nobody "
                      "could consent; add \"location /_consent/ "
                      "{ consent_api; }\" to that server, or \"consent "
                      "off;\" where no banner is wanted",
                      &fc[0].enabled_in, core->file_name, core->line);
        return NGX_ERROR;
    }

    ngx_str_set(&builtin, "the built-in policy");
    api_policy = cscf->api_policy_in.len ? &cscf->api_policy_in : &builtin;

    for (i = 0; i < cscf->filters->nelts; i++) {
        if (fc[i].policy == cscf->api_policy) {
            continue;
        }

        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "the filter of location \"%V\" (consent on in %V) "
                      "uses %s%V, but the consent_api of its server (in %V) "
                      "uses %s%V: decisions would be recorded under other "
                      "categories; set consent_policy once at the server or "
                      "http level so that both use the same policy",
                      &fc[i].name, &fc[i].enabled_in,
                      fc[i].policy_in.len ? "the policy set in " : "",
                      fc[i].policy_in.len ? &fc[i].policy_in : &builtin,
                      &cscf->api_in,
                      cscf->api_policy_in.len ? "the policy set in " : "",
                      api_policy);
        return NGX_ERROR;
    }

    for (i = 0; i < cscf->filters->nelts; i++) {
        if (fc[i].region == cscf->api_region) {
            continue;
        }

        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "the filter of location \"%V\" (consent on in %V) "
                      "and the consent_api of its server (in %V) get "
                      "different consent_region values: decisions would be "
                      "recorded under another region's rule; set "
                      "consent_region once at the server or http level",
                      &fc[i].name, &fc[i].enabled_in, &cscf->api_in);
        return NGX_ERROR;
    }

    return NGX_OK;
}


/* Remember where consent was enabled, for errors found when merging. */

static char *
ngx_http_consent_mark(ngx_conf_t *cf, ngx_http_consent_loc_conf_t *lcf,
    const char *what)
{
    lcf->enabled_what = what;

    return ngx_http_consent_place(cf, &lcf->enabled_in);
}


/* "file:line" of the directive being read. */

static char *
ngx_http_consent_place(ngx_conf_t *cf, ngx_str_t *place)
{
    u_char  *p;

    p = ngx_pnalloc(cf->pool, cf->conf_file->file.name.len + NGX_INT_T_LEN
                              + 1);
    if (p == NULL) {
        return NGX_CONF_ERROR;
    }

    place->data = p;
    place->len = ngx_sprintf(p, "%V:%ui", &cf->conf_file->file.name,
                             cf->conf_file->line)
                 - p;

    return NGX_CONF_OK;
}


static char *
ngx_http_consent(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_loc_conf_t *lcf = conf;

    char  *rv;

    rv = ngx_conf_set_flag_slot(cf, cmd, conf);
    if (rv != NGX_CONF_OK) {
        return rv;
    }

    if (lcf->enable) {
        return ngx_http_consent_mark(cf, lcf, "consent on");
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_consent_policy_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_consent_loc_conf_t *lcf = conf;

    ngx_str_t  *value;

    if (lcf->policy) {
        return "is duplicate";
    }

    value = cf->args->elts;

    lcf->policy = ngx_http_consent_load_policy(cf, &value[1]);
    if (lcf->policy == NULL) {
        return NGX_CONF_ERROR;
    }

    return ngx_http_consent_place(cf, &lcf->policy_in);
}


/* Load (or reuse) a policy file at configuration time; NULL: logged. */

static consent_policy_t *
ngx_http_consent_load_policy(ngx_conf_t *cf, ngx_str_t *path)
{
    char                            err[512];
    ngx_str_t                       full;
    ngx_uint_t                      i;
    consent_policy_t               *policy;
    ngx_pool_cleanup_t             *cln;
    ngx_http_consent_policy_file_t *pf;
    ngx_http_consent_main_conf_t   *cmcf;
    const ngx_http_consent_asset_t *asset;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_consent_module);

    ngx_str_null(&full);

    if (path) {
        full = *path;
        if (ngx_conf_full_name(cf->cycle, &full, 1) != NGX_OK) {
            return NULL;
        }

        pf = cmcf->policies.elts;
        for (i = 0; i < cmcf->policies.nelts; i++) {
            if (pf[i].path.len == full.len
                && ngx_strncmp(pf[i].path.data, full.data, full.len) == 0)
            {
                return pf[i].policy;
            }
        }
    }

    if (cmcf->catalogue == NULL
        && ngx_http_consent_load_catalogue(cf, cmcf) != NGX_OK)
    {
        return NULL;
    }

    /* after the catalogue's: cleanups run newest first */
    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NULL;
    }

    if (path) {
        /* ngx_conf_full_name() leaves the name NUL-terminated */
        policy = consent_policy_load_file((char *) full.data,
                                          cmcf->catalogue, err, sizeof(err));

    } else {
        asset = ngx_http_consent_asset("policy.json");
        if (asset == NULL) {
            ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                          "consent: the built-in policy is missing from "
                          "the module; rebuild it");
            return NULL;
        }

        policy = consent_policy_load_buffer((const char *) asset->data,
                                            asset->size, "built-in policy",
                                            cmcf->catalogue, err,
                                            sizeof(err));
    }

    if (policy == NULL) {
        if (path) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "consent_policy: %s",
                               err);

        } else {
            ngx_log_error(NGX_LOG_EMERG, cf->log, 0, "consent: %s", err);
        }

        return NULL;
    }

    cln->handler = ngx_http_consent_cleanup_policy;
    cln->data = policy;

    if (path && policy->controller == NULL) {
        ngx_conf_log_error(NGX_LOG_WARN, cf, 0,
                           "consent_policy: \"%V\" has no \"controller\": "
                           "the privacy notice cannot say who is "
                           "responsible; add controller.name and "
                           "controller.email", path);
    }

    pf = ngx_array_push(&cmcf->policies);
    if (pf == NULL) {
        return NULL;
    }

    pf->path = full;
    pf->policy = policy;

    return policy;
}


/*
 * The embedded tracker catalogue, once per configuration: built before the
 * workers fork, shared by them read-only.
 */

static ngx_int_t
ngx_http_consent_load_catalogue(ngx_conf_t *cf,
    ngx_http_consent_main_conf_t *cmcf)
{
    char                             err[512];
    ngx_pool_cleanup_t              *cln;
    const ngx_http_consent_asset_t  *asset;

    asset = ngx_http_consent_asset("catalogue.json");
    if (asset == NULL) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                      "consent: the tracker catalogue is missing from the "
                      "module; rebuild it");
        return NGX_ERROR;
    }

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_ERROR;
    }

    cmcf->catalogue = consent_catalogue_load_buffer((const char *) asset->data,
                                                    asset->size,
                                                    "built-in catalogue",
                                                    err, sizeof(err));
    if (cmcf->catalogue == NULL) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, 0, "consent: %s", err);
        return NGX_ERROR;
    }

    cln->handler = ngx_http_consent_cleanup_catalogue;
    cln->data = cmcf->catalogue;

    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, cf->log, 0,
                   "consent: catalogue of %uz entities, %uz domains",
                   cmcf->catalogue->nentities,
                   cmcf->catalogue->domains.count);

    return NGX_OK;
}


static void
ngx_http_consent_cleanup_catalogue(void *data)
{
    consent_catalogue_free(data);
}


static void
ngx_http_consent_cleanup_policy(void *data)
{
    /* the render cache is keyed by the policy's address */
    consent_render_forget(data);
    consent_policy_free(data);
}


static char *
ngx_http_consent_read_key_file(ngx_conf_t *cf, ngx_str_t *name,
    ngx_str_t *key)
{
    char          err[128];
    u_char       *buf;
    size_t        len;
    ssize_t       n;
    ngx_fd_t      fd;
    ngx_str_t     full, *value;
    ngx_file_t    file;

    value = cf->args->elts;

    full = *name;
    if (ngx_conf_full_name(cf->cycle, &full, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    fd = ngx_open_file(full.data, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);
    if (fd == NGX_INVALID_FILE) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           "\"%V\": cannot open the key file \"%s\"; create "
                           "it with \"head -c 48 /dev/urandom | base64 > "
                           "%s\"", &value[0], full.data, full.data);
        return NGX_CONF_ERROR;
    }

    buf = ngx_pnalloc(cf->pool, CONSENT_KEY_FILE_MAX + 1);
    if (buf == NULL) {
        ngx_close_file(fd);
        return NGX_CONF_ERROR;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.fd = fd;
    file.name = full;
    file.log = cf->log;

    n = ngx_read_file(&file, buf, CONSENT_KEY_FILE_MAX + 1, 0);

    if (ngx_close_file(fd) == NGX_FILE_ERROR) {
        ngx_log_error(NGX_LOG_ALERT, cf->log, ngx_errno,
                      ngx_close_file_n " \"%s\" failed", full.data);
    }

    if (n == NGX_ERROR) {
        return NGX_CONF_ERROR;
    }

    if (consent_key_from_file_bytes(buf, (size_t) n, &len, err, sizeof(err))
        != 0)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\": key file \"%s\": %s; create one with "
                           "\"head -c 48 /dev/urandom | base64 > %s\"",
                           &value[0], full.data, err, full.data);
        return NGX_CONF_ERROR;
    }

    key->data = buf;
    key->len = len;

    return NGX_CONF_OK;
}


static char *
ngx_http_consent_secret(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_srv_conf_t *cscf = conf;

    char           *rv;
    ngx_str_t      *value, secret;
    ngx_uint_t      i;
    consent_key_t  *key, *keys;

    value = cf->args->elts;

    rv = ngx_http_consent_read_key_file(cf, &value[1], &secret);
    if (rv != NGX_CONF_OK) {
        return rv;
    }

    if (cscf->keys == NULL) {
        cscf->keys = ngx_array_create(cf->pool, 2, sizeof(consent_key_t));
        if (cscf->keys == NULL) {
            return NGX_CONF_ERROR;
        }
    }

    key = ngx_array_push(cscf->keys);
    if (key == NULL) {
        return NGX_CONF_ERROR;
    }

    key->secret = secret.data;
    key->len = secret.len;

    if (consent_key_init(key) != 0) {
        return NGX_CONF_ERROR;
    }

    keys = cscf->keys->elts;
    for (i = 0; i + 1 < cscf->keys->nelts; i++) {
        if (ngx_memcmp(keys[i].id, key->id, CONSENT_KEY_ID_LEN) == 0) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "\"consent_secret\": \"%V\" holds the same "
                               "key as an earlier consent_secret; list "
                               "each key once", &value[1]);
            return NGX_CONF_ERROR;
        }
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_consent_audit_key_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_consent_srv_conf_t *cscf = conf;

    ngx_str_t  *value;

    if (cscf->audit_key.data) {
        return "is duplicate";
    }

    value = cf->args->elts;

    return ngx_http_consent_read_key_file(cf, &value[1], &cscf->audit_key);
}


static char *
ngx_http_consent_cookie(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_srv_conf_t *cscf = conf;

    int                                rc;
    char                               err[256];
    u_char                            *p;
    ngx_str_t                         *value, s;
    ngx_uint_t                         i;
    ngx_http_compile_complex_value_t   ccv;

    if (cscf->cookie_set != NGX_CONF_UNSET) {
        return "is duplicate";
    }

    value = cf->args->elts;

    /* a cookie name is an RFC 6265 token */
    for (p = value[1].data; p < value[1].data + value[1].len; p++) {
        if (*p <= 0x20 || *p >= 0x7f
            || ngx_strchr("()<>@,;:\\\"/[]?={}", *p) != NULL)
        {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "invalid cookie name \"%V\": use letters, "
                               "digits, \"-\" and \"_\"", &value[1]);
            return NGX_CONF_ERROR;
        }
    }

    cscf->cookie_set = 1;
    cscf->cookie_name = value[1];

    for (i = 2; i < cf->args->nelts; i++) {

        if (ngx_strncmp(value[i].data, "max_age=", 8) == 0) {
            s.data = value[i].data + 8;
            s.len = value[i].len - 8;

            cscf->cookie_max_age = ngx_parse_time(&s, 1);
            if (cscf->cookie_max_age == (time_t) NGX_ERROR
                || cscf->cookie_max_age <= 0)
            {
                ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                                   "invalid \"%V\": give a positive time "
                                   "such as max_age=180d", &value[i]);
                return NGX_CONF_ERROR;
            }

            continue;
        }

        if (ngx_strncmp(value[i].data, "domain=", 7) == 0) {
            cscf->cookie_domain.data = value[i].data + 7;
            cscf->cookie_domain.len = value[i].len - 7;

            for (p = cscf->cookie_domain.data;
                 p < cscf->cookie_domain.data + cscf->cookie_domain.len;
                 p++)
            {
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
                      || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
                {
                    ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                                       "invalid \"%V\": a domain has only "
                                       "letters, digits, \".\" and \"-\"",
                                       &value[i]);
                    return NGX_CONF_ERROR;
                }
            }

            if (cscf->cookie_domain.len == 0) {
                return "has an empty domain=";
            }

            continue;
        }

        if (ngx_strncmp(value[i].data, "path=", 5) == 0) {
            cscf->cookie_path.data = value[i].data + 5;
            cscf->cookie_path.len = value[i].len - 5;

            if (cscf->cookie_path.len == 0
                || cscf->cookie_path.data[0] != '/'
                || ngx_strlchr(cscf->cookie_path.data,
                               cscf->cookie_path.data
                               + cscf->cookie_path.len, ';')
                   != NULL)
            {
                ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                                   "invalid \"%V\": the path starts with "
                                   "\"/\" and has no \";\"", &value[i]);
                return NGX_CONF_ERROR;
            }

            continue;
        }

        if (ngx_strncmp(value[i].data, "samesite=", 9) == 0) {
            if (ngx_http_consent_cookie_enum(&value[i], 9,
                                             ngx_http_consent_samesite,
                                             &cscf->cookie_samesite)
                != NGX_OK)
            {
                ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                                   "invalid \"%V\": use samesite=lax, "
                                   "samesite=strict or samesite=none",
                                   &value[i]);
                return NGX_CONF_ERROR;
            }

            continue;
        }

        if (ngx_strncmp(value[i].data, "secure=", 7) == 0) {
            if (ngx_http_consent_cookie_enum(&value[i], 7,
                                             ngx_http_consent_secure,
                                             &cscf->cookie_secure)
                != NGX_OK)
            {
                ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                                   "invalid \"%V\": use secure=auto, "
                                   "secure=on or secure=off", &value[i]);
                return NGX_CONF_ERROR;
            }

            continue;
        }

        if (ngx_strncmp(value[i].data, "scheme=", 7) == 0) {
            s.data = value[i].data + 7;
            s.len = value[i].len - 7;

            if (s.len == 0) {
                return "has an empty scheme=: give a variable set by a "
                       "trusted balancer, such as "
                       "scheme=$http_x_forwarded_proto";
            }

            cscf->cookie_scheme = ngx_palloc(cf->pool,
                                             sizeof(ngx_http_complex_value_t));
            if (cscf->cookie_scheme == NULL) {
                return NGX_CONF_ERROR;
            }

            ngx_memzero(&ccv, sizeof(ngx_http_compile_complex_value_t));

            ccv.cf = cf;
            ccv.value = &s;
            ccv.complex_value = cscf->cookie_scheme;

            if (ngx_http_compile_complex_value(&ccv) != NGX_OK) {
                return NGX_CONF_ERROR;
            }

            continue;
        }

        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid parameter \"%V\": expected max_age=, "
                           "domain=, path=, samesite=lax|strict|none, "
                           "secure=auto|on|off or scheme=", &value[i]);
        return NGX_CONF_ERROR;
    }

    if (cscf->cookie_samesite == NGX_HTTP_CONSENT_SAMESITE_NONE
        && cscf->cookie_secure == NGX_HTTP_CONSENT_SECURE_OFF)
    {
        return "has samesite=none with secure=off: browsers reject such "
               "cookies; use secure=on";
    }

    rc = consent_cookie_prefix_check((char *) value[1].data, value[1].len,
             (char *) cscf->cookie_domain.data, cscf->cookie_domain.len,
             (char *) cscf->cookie_path.data, cscf->cookie_path.len,
             cscf->cookie_secure == NGX_HTTP_CONSENT_SECURE_OFF,
             err, sizeof(err));

    if (rc == -1) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "\"%V\": %s", &value[0],
                           err);
        return NGX_CONF_ERROR;
    }

    /* a prefixed name is Secure even on plain HTTP (secure=auto) */
    if (rc == 1) {
        cscf->cookie_secure = NGX_HTTP_CONSENT_SECURE_ON;
    }

    return NGX_CONF_OK;
}


/*
 * The value of a parameter such as "samesite=strict" (after prefix_len),
 * looked up as ngx_conf_set_enum_slot() looks up a directive's argument.
 */

static ngx_int_t
ngx_http_consent_cookie_enum(ngx_str_t *param, size_t prefix_len,
    ngx_conf_enum_t *e, ngx_uint_t *value)
{
    ngx_uint_t  i;

    for (i = 0; e[i].name.len != 0; i++) {
        if (e[i].name.len != param->len - prefix_len
            || ngx_strncasecmp(e[i].name.data, param->data + prefix_len,
                               e[i].name.len)
               != 0)
        {
            continue;
        }

        *value = e[i].value;

        return NGX_OK;
    }

    return NGX_ERROR;
}


static char *
ngx_http_consent_handler_location(ngx_conf_t *cf, ngx_str_t *path,
    ngx_http_handler_pt handler)
{
    ngx_http_core_loc_conf_t  *clcf;

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);

#if (NGX_PCRE)
    if (clcf->regex) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" cannot be in a regex location: use a "
                           "prefix or exact location such as "
                           "\"location /_consent/ { ... }\"",
                           &((ngx_str_t *) cf->args->elts)[0]);
        return NGX_CONF_ERROR;
    }
#endif

    if (clcf->named || clcf->name.len == 0 || clcf->name.data[0] != '/') {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" needs a location with a path, such as "
                           "\"location /_consent/ { ... }\"",
                           &((ngx_str_t *) cf->args->elts)[0]);
        return NGX_CONF_ERROR;
    }

    if (path->len) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" is already in location \"%V\" of this "
                           "server; use one per server",
                           &((ngx_str_t *) cf->args->elts)[0], path);
        return NGX_CONF_ERROR;
    }

    *path = clcf->name;
    clcf->handler = handler;

    return NGX_CONF_OK;
}


static char *
ngx_http_consent_api(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_loc_conf_t *lcf = conf;

    char                         *rv;
    ngx_http_consent_srv_conf_t  *cscf;

    cscf = ngx_http_conf_get_module_srv_conf(cf, ngx_http_consent_module);

    rv = ngx_http_consent_handler_location(cf, &cscf->api_path,
                                           ngx_http_consent_api_handler);
    if (rv != NGX_CONF_OK) {
        return rv;
    }

    lcf->api = 1;

    return ngx_http_consent_mark(cf, lcf, "consent_api");
}


static char *
ngx_http_consent_policy_page(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_loc_conf_t *lcf = conf;

    ngx_http_consent_srv_conf_t  *cscf;

    cscf = ngx_http_conf_get_module_srv_conf(cf, ngx_http_consent_module);

    lcf->policy_page = 1;

    return ngx_http_consent_handler_location(cf, &cscf->page_path,
                                             ngx_http_consent_page_handler);
}


consent_policy_t *
ngx_http_consent_policy(ngx_http_request_t *r)
{
    ngx_http_consent_loc_conf_t  *lcf;

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    return lcf->policy;
}


const ngx_http_consent_asset_t *
ngx_http_consent_asset(const char *name)
{
    const ngx_http_consent_asset_t  *a;

    for (a = ngx_http_consent_assets; a->name; a++) {
        if (ngx_strcmp(a->name, name) == 0) {
            return a;
        }
    }

    return NULL;
}
