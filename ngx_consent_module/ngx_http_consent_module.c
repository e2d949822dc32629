
/*
 * ngx_consent: directives, configuration and module registration.
 */


#include "ngx_http_consent_module.h"
#include "consent_render.h"


#define NGX_HTTP_CONSENT_SECRET_MAX  4096


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
static char *ngx_http_consent_audit_key(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_consent_read_key_file(ngx_conf_t *cf, ngx_str_t *name,
    ngx_str_t *key);
static char *ngx_http_consent_handler_location(ngx_conf_t *cf,
    ngx_str_t *path, ngx_http_handler_pt handler);


static ngx_conf_enum_t  ngx_http_consent_audit_ip_modes[] = {
    { ngx_string("truncate"), NGX_HTTP_CONSENT_IP_TRUNCATE },
    { ngx_string("full"), NGX_HTTP_CONSENT_IP_FULL },
    { ngx_string("off"), NGX_HTTP_CONSENT_IP_OFF },
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
      ngx_http_consent_audit_key,
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
      &ngx_http_html_default_types[0] },

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
    NULL,                                  /* exit process */
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

    if (conf->cookie_set == NGX_CONF_UNSET) {
        conf->cookie_set = prev->cookie_set;
        conf->cookie_name = prev->cookie_name;
        conf->cookie_max_age = prev->cookie_max_age;
        conf->cookie_domain = prev->cookie_domain;
        conf->cookie_path = prev->cookie_path;
        conf->cookie_samesite = prev->cookie_samesite;
        conf->cookie_secure = prev->cookie_secure;
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
    ngx_http_consent_loc_conf_t  *clcf;

    clcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_consent_loc_conf_t));
    if (clcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     clcf->policy = NULL;
     *     clcf->types = { NULL };
     *     clcf->types_keys = NULL;
     *     clcf->csp_nonce = NULL;
     *     clcf->enabled_in = { 0, NULL };
     */

    clcf->enable = NGX_CONF_UNSET;
    clcf->gpc = NGX_CONF_UNSET;
    clcf->strip_cookies = NGX_CONF_UNSET;
    clcf->inline_max = NGX_CONF_UNSET_SIZE;
    clcf->csp_nonce = NGX_CONF_UNSET_PTR;

    return clcf;
}


static char *
ngx_http_consent_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_consent_loc_conf_t *prev = parent;
    ngx_http_consent_loc_conf_t *conf = child;

    ngx_http_consent_srv_conf_t   *cscf;
    ngx_http_consent_main_conf_t  *cmcf;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);
    ngx_conf_merge_value(conf->gpc, prev->gpc, 1);
    ngx_conf_merge_value(conf->strip_cookies, prev->strip_cookies, 0);
    ngx_conf_merge_size_value(conf->inline_max, prev->inline_max, 64 * 1024);
    ngx_conf_merge_ptr_value(conf->csp_nonce, prev->csp_nonce, NULL);

    if (conf->enabled_in.len == 0) {
        conf->enabled_in = prev->enabled_in;
        conf->enabled_what = prev->enabled_what;
    }

    if (ngx_http_merge_types(cf, &conf->types_keys, &conf->types,
                             &prev->types_keys, &prev->types,
                             ngx_http_html_default_types)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    if (conf->policy == NULL) {
        conf->policy = prev->policy;
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
    ngx_http_consent_main_conf_t  *cmcf;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_consent_module);

    if (ngx_http_consent_category_variables_add(cf) != NGX_OK
        || ngx_http_consent_asset_versions(cf, &cmcf->css_version,
                                           &cmcf->js_version)
           != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_http_consent_filter_init(cf);
}


/* Remember where consent was enabled, for errors found when merging. */

static char *
ngx_http_consent_mark(ngx_conf_t *cf, ngx_http_consent_loc_conf_t *clcf,
    const char *what)
{
    u_char  *p;

    p = ngx_pnalloc(cf->pool, cf->conf_file->file.name.len + NGX_INT_T_LEN
                              + 1);
    if (p == NULL) {
        return NGX_CONF_ERROR;
    }

    clcf->enabled_in.data = p;
    clcf->enabled_in.len = ngx_sprintf(p, "%V:%ui",
                                       &cf->conf_file->file.name,
                                       cf->conf_file->line)
                           - p;
    clcf->enabled_what = what;

    return NGX_CONF_OK;
}


static char *
ngx_http_consent(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_loc_conf_t *clcf = conf;

    char  *rv;

    rv = ngx_conf_set_flag_slot(cf, cmd, conf);
    if (rv != NGX_CONF_OK) {
        return rv;
    }

    if (clcf->enable) {
        return ngx_http_consent_mark(cf, clcf, "consent on");
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_consent_policy_directive(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_consent_loc_conf_t *clcf = conf;

    ngx_str_t  *value;

    if (clcf->policy) {
        return "is duplicate";
    }

    value = cf->args->elts;

    clcf->policy = ngx_http_consent_load_policy(cf, &value[1]);
    if (clcf->policy == NULL) {
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
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

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NULL;
    }

    if (path) {
        /* ngx_conf_full_name() leaves the name NUL-terminated */
        policy = consent_policy_load_file((char *) full.data, err,
                                          sizeof(err));

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
                                            err, sizeof(err));
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

    pf = ngx_array_push(&cmcf->policies);
    if (pf == NULL) {
        return NULL;
    }

    pf->path = full;
    pf->policy = policy;

    return policy;
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
    u_char       *buf;
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

    buf = ngx_pnalloc(cf->pool, NGX_HTTP_CONSENT_SECRET_MAX + 1);
    if (buf == NULL) {
        ngx_close_file(fd);
        return NGX_CONF_ERROR;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.fd = fd;
    file.name = full;
    file.log = cf->log;

    n = ngx_read_file(&file, buf, NGX_HTTP_CONSENT_SECRET_MAX + 1, 0);

    if (ngx_close_file(fd) == NGX_FILE_ERROR) {
        ngx_log_error(NGX_LOG_ALERT, cf->log, ngx_errno,
                      ngx_close_file_n " \"%s\" failed", full.data);
    }

    if (n == NGX_ERROR) {
        return NGX_CONF_ERROR;
    }

    if (n > NGX_HTTP_CONSENT_SECRET_MAX) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\": the key file \"%s\" is larger than %d "
                           "bytes; a key of 32 to 64 random bytes is enough",
                           &value[0], full.data,
                           NGX_HTTP_CONSENT_SECRET_MAX);
        return NGX_CONF_ERROR;
    }

    /* a trailing newline is not part of the key */
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) {
        n--;
    }

    if (n < CONSENT_MIN_SECRET_LEN) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\": the key in \"%s\" has %z bytes, at least "
                           "%d are needed; create one with \"head -c 48 "
                           "/dev/urandom | base64 > %s\"", &value[0],
                           full.data, n, CONSENT_MIN_SECRET_LEN, full.data);
        return NGX_CONF_ERROR;
    }

    key->data = buf;
    key->len = n;

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
ngx_http_consent_audit_key(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
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

    u_char      *p;
    ngx_str_t   *value, s;
    ngx_uint_t   i;

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

        if (ngx_strcmp(value[i].data, "samesite=lax") == 0) {
            cscf->cookie_samesite = NGX_HTTP_CONSENT_SAMESITE_LAX;
            continue;
        }

        if (ngx_strcmp(value[i].data, "samesite=strict") == 0) {
            cscf->cookie_samesite = NGX_HTTP_CONSENT_SAMESITE_STRICT;
            continue;
        }

        if (ngx_strcmp(value[i].data, "samesite=none") == 0) {
            cscf->cookie_samesite = NGX_HTTP_CONSENT_SAMESITE_NONE;
            continue;
        }

        if (ngx_strcmp(value[i].data, "secure=auto") == 0) {
            cscf->cookie_secure = NGX_HTTP_CONSENT_SECURE_AUTO;
            continue;
        }

        if (ngx_strcmp(value[i].data, "secure=on") == 0) {
            cscf->cookie_secure = NGX_HTTP_CONSENT_SECURE_ON;
            continue;
        }

        if (ngx_strcmp(value[i].data, "secure=off") == 0) {
            cscf->cookie_secure = NGX_HTTP_CONSENT_SECURE_OFF;
            continue;
        }

        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid parameter \"%V\": expected max_age=, "
                           "domain=, path=, samesite=lax|strict|none or "
                           "secure=auto|on|off", &value[i]);
        return NGX_CONF_ERROR;
    }

    if (cscf->cookie_samesite == NGX_HTTP_CONSENT_SAMESITE_NONE
        && cscf->cookie_secure == NGX_HTTP_CONSENT_SECURE_OFF)
    {
        return "has samesite=none with secure=off: browsers reject such "
               "cookies; use secure=on";
    }

    return NGX_CONF_OK;
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
    ngx_http_consent_loc_conf_t  *clcf;

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    return clcf->policy;
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
