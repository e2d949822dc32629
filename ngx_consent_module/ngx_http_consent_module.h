#ifndef _NGX_HTTP_CONSENT_MODULE_H_INCLUDED_
#define _NGX_HTTP_CONSENT_MODULE_H_INCLUDED_

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "consent_policy.h"
#include "consent_cookie.h"
#include "consent_render.h"
#include "ngx_http_consent_assets.h"


#define NGX_HTTP_CONSENT_SAMESITE_LAX     0
#define NGX_HTTP_CONSENT_SAMESITE_STRICT  1
#define NGX_HTTP_CONSENT_SAMESITE_NONE    2

#define NGX_HTTP_CONSENT_SECURE_AUTO      0
#define NGX_HTTP_CONSENT_SECURE_ON        1
#define NGX_HTTP_CONSENT_SECURE_OFF       2

#define NGX_HTTP_CONSENT_IP_TRUNCATE      0
#define NGX_HTTP_CONSENT_IP_FULL          1
#define NGX_HTTP_CONSENT_IP_OFF           2

#define NGX_HTTP_CONSENT_UNDECODABLE_REFUSE  0
#define NGX_HTTP_CONSENT_UNDECODABLE_PASS    1


/* A policy file loaded once per configuration, shared by every location. */
typedef struct {
    ngx_str_t                  path;      /* empty for the built-in one */
    consent_policy_t          *policy;
    u_char                     fingerprint[CONSENT_FINGERPRINT_LEN];
} ngx_http_consent_policy_file_t;


typedef struct {
    ngx_array_t                policies;  /* ngx_http_consent_policy_file_t */
    consent_catalogue_t       *catalogue; /* loaded with the first policy */
    consent_policy_t          *builtin;
    const char                *css_version;   /* MD5 hex of the assets */
    const char                *js_version;
    ngx_str_t                  report_state;  /* consent_report_state */
} ngx_http_consent_main_conf_t;


typedef struct ngx_http_consent_audit_log_s  ngx_http_consent_audit_log_t;

typedef struct {
    ngx_array_t               *keys;          /* consent_key_t, first signs */

    ngx_str_t                  cookie_name;
    time_t                     cookie_max_age;
    ngx_str_t                  cookie_domain;
    ngx_str_t                  cookie_path;
    ngx_uint_t                 cookie_samesite;
    ngx_uint_t                 cookie_secure;
    ngx_flag_t                 cookie_set;    /* consent_cookie was given */
    ngx_http_complex_value_t  *cookie_scheme; /* scheme=: http or https */

    ngx_str_t                  api_path;      /* learned from consent_api */
    ngx_str_t                  page_path;     /* consent_policy_page's */

    /* the policy of consent_api and where it was set, for nginx -t */
    consent_policy_t          *api_policy;
    ngx_http_complex_value_t  *api_region;    /* its consent_region */
    ngx_str_t                  api_in;
    ngx_str_t                  api_policy_in;
    ngx_array_t               *filters;   /* ngx_http_consent_filter_conf_t */

    u_char                     relay_key[32]; /* ngx_http_consent_relay.c */

    ngx_http_consent_audit_log_t  *audit_log; /* NULL: off */
    ngx_str_t                  audit_key;     /* chain MAC key */
    ngx_uint_t                 audit_ip;
} ngx_http_consent_srv_conf_t;


typedef struct {
    ngx_flag_t                 enable;
    consent_policy_t          *policy;
    ngx_flag_t                 gpc;
    ngx_hash_t                 types;
    ngx_array_t               *types_keys;
    size_t                     inline_max;
    ngx_http_complex_value_t  *csp_nonce;
    ngx_flag_t                 api;           /* consent_api here */
    ngx_flag_t                 policy_page;   /* consent_policy_page here */
    ngx_flag_t                 strip_cookies;
    ngx_uint_t                 undecodable;
    ngx_str_t                  enabled_in;    /* "file:line" of consent on */
    const char                *enabled_what;
    ngx_str_t                  policy_in;     /* "file:line" of the policy */
    ngx_flag_t                 unknown_block; /* consent_unknown block */
    ngx_str_t                  unknown_category_name;
    ngx_str_t                  unknown_in;    /* "file:line" of it */
    ngx_int_t                  unknown_category;  /* -1: allow */
    ngx_http_complex_value_t  *region;        /* consent_region */
    ngx_str_t                  region_header; /* its header, for Vary */
} ngx_http_consent_loc_conf_t;


/* A location with consent on, checked against its server's endpoint. */
typedef struct {
    ngx_str_t                  name;          /* the location */
    ngx_str_t                  enabled_in;
    ngx_str_t                  policy_in;
    consent_policy_t          *policy;
    ngx_http_complex_value_t  *region;        /* consent_region or NULL */
} ngx_http_consent_filter_conf_t;


/* The request's consent state, decoded once and cached in the ctx. */
typedef struct {
    consent_status_t           status;
    consent_state_t            state;         /* when VALID or STALE */
    consent_mask_t             granted;       /* effective: required | ... */
    const consent_services_t  *services;      /* granted one by one by a
                                                 valid cookie, or NULL */
    consent_mode_t             mode;          /* the region's */
    consent_mask_t             objection;     /* the region's group's */
    char                       region[CONSENT_REGION_LEN];  /* or "" */
    unsigned                   gpc:1;
    unsigned                   decided:1;     /* a valid cookie chose the
                                                 categories: no banner */
} ngx_http_consent_request_t;


typedef struct ngx_http_consent_filter_ctx_s  ngx_http_consent_filter_ctx_t;

typedef struct {
    ngx_http_consent_request_t     consent;
    ngx_http_consent_filter_ctx_t *filter;    /* NULL unless rewriting */
    ngx_str_t                      relay_nonce;   /* sent upstream */
    ngx_str_t                      relay_in;      /* the request's own */
    unsigned                       vary_encoding:1;  /* our Vary has it */
} ngx_http_consent_ctx_t;


/* The prefix of the per-service variables. */
#define NGX_HTTP_CONSENT_SERVICE_VAR  "consent_service_"


extern ngx_module_t  ngx_http_consent_module;


/* The cached ctx with the decoded cookie; NULL on allocation failure. */
ngx_http_consent_ctx_t *ngx_http_consent_get_ctx(ngx_http_request_t *r);

/* consent_region and the mode it gives (ngx_http_consent_region.c). */
char *ngx_http_consent_region(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
void ngx_http_consent_region_decide(ngx_http_request_t *r,
    ngx_http_consent_request_t *cr, consent_policy_t *policy);

/* The policy in force for the request's location. */
consent_policy_t *ngx_http_consent_policy(ngx_http_request_t *r);

ngx_int_t ngx_http_consent_variables_add(ngx_conf_t *cf);
ngx_int_t ngx_http_consent_category_variables_add(ngx_conf_t *cf);
ngx_int_t ngx_http_consent_service_variables_check(ngx_conf_t *cf);
ngx_int_t ngx_http_consent_fingerprints_init(ngx_conf_t *cf);
ngx_int_t ngx_http_consent_filter_init(ngx_conf_t *cf);

/* The one Vary header of a rewritten page (ngx_http_consent_vary.c). */
ngx_int_t ngx_http_consent_vary(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx);

/* Before the content phase: what upstreams are asked (filter.c). */
ngx_int_t ngx_http_consent_request_handler(ngx_http_request_t *r);

/* Two consent filters in a row (ngx_http_consent_relay.c). */
ngx_int_t ngx_http_consent_relay_key(ngx_http_consent_srv_conf_t *cscf);
ngx_int_t ngx_http_consent_relay_request(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx);
ngx_int_t ngx_http_consent_relay_response(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx);
ngx_int_t ngx_http_consent_relay_mark(ngx_http_request_t *r,
    ngx_http_consent_ctx_t *ctx);

/* Shared HTTP helpers (ngx_http_consent_http.c). */

/* Where a walk over the headers of one name stands; part NULL: not begun. */
typedef struct {
    ngx_list_part_t           *part;
    ngx_uint_t                 next;
} ngx_http_consent_header_walk_t;

ngx_table_elt_t *ngx_http_consent_next_header(ngx_list_t *headers,
    const char *name, ngx_http_consent_header_walk_t *walk);
ngx_table_elt_t *ngx_http_consent_header(ngx_http_request_t *r,
    const char *name);
/* The next token of a comma-separated header value; empty at its end. */
ngx_str_t ngx_http_consent_list_token(u_char **pos, u_char *last);
/* The header pushed, or NULL when it cannot be allocated. */
ngx_table_elt_t *ngx_http_consent_add_header(ngx_http_request_t *r,
    const char *key, const char *value, size_t len);
char *ngx_http_consent_cstr(ngx_http_request_t *r, ngx_str_t *s);
/* The request came over HTTPS (or consent_cookie scheme= says so). */
ngx_uint_t ngx_http_consent_https(ngx_http_request_t *r);
ngx_int_t ngx_http_consent_send(ngx_http_request_t *r, ngx_uint_t status,
    u_char *data, size_t len, ngx_uint_t memory);
ngx_int_t ngx_http_consent_render_ctx(ngx_http_request_t *r,
    consent_render_ctx_t *rc, char id[2 * CONSENT_ID_LEN + 1]);

/* The fingerprint of the request's policy, that its cookies are bound to. */
u_char *ngx_http_consent_fingerprint(ngx_http_request_t *r);

/* Content handlers (ngx_http_consent_api.c, ngx_http_consent_page.c). */
ngx_int_t ngx_http_consent_api_handler(ngx_http_request_t *r);
ngx_int_t ngx_http_consent_page_handler(ngx_http_request_t *r);
/* GET B preferences[?return_to=PATH]: the preferences page. */
ngx_int_t ngx_http_consent_page_preferences(ngx_http_request_t *r);

/* The MD5 hex of consent.css and consent.js, for versioned URLs. */
ngx_int_t ngx_http_consent_asset_versions(ngx_conf_t *cf, const char **css,
    const char **js);

/* consent_audit_log directive and the audit writer (..._audit.c). */
char *ngx_http_consent_audit_log(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
ngx_int_t ngx_http_consent_audit_write(ngx_http_request_t *r,
    const char *action, const char *source, consent_state_t *state,
    consent_mask_t denied);

/* Discovery: services and unknown hosts seen (..._discovery.c). */
typedef struct ngx_http_consent_sightings_s  ngx_http_consent_sightings_t;

ngx_int_t ngx_http_consent_discovery_init(ngx_conf_t *cf,
    ngx_str_t *state_file);
void ngx_http_consent_discovery_exit_process(ngx_cycle_t *cycle);
ngx_http_consent_sightings_t *ngx_http_consent_sightings_create(
    ngx_http_request_t *r);
void ngx_http_consent_sighting(void *data, int service,
    const unsigned char *host, size_t len, int element);
void ngx_http_consent_sightings_flush(ngx_http_consent_sightings_t *s);
int ngx_http_consent_discovery_listed(void *policy, size_t service);
ngx_int_t ngx_http_consent_report_handler(ngx_http_request_t *r);
char *ngx_http_consent_report(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_consent_unknown(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_consent_unknown_merge(ngx_conf_t *cf,
    ngx_http_consent_loc_conf_t *prev, ngx_http_consent_loc_conf_t *conf);

/* Find an embedded asset by file name; NULL when absent. */
const ngx_http_consent_asset_t *ngx_http_consent_asset(const char *name);


#endif /* _NGX_HTTP_CONSENT_MODULE_H_INCLUDED_ */
