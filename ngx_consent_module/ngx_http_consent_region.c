
/*
 * ngx_consent: where the visitor is (consent_region) and the consent mode
 * the policy gives that region, decided once per request with the cookie.
 */


#include "ngx_http_consent_module.h"


/*
 * consent_region VALUE: any complex value.  When it is exactly one
 * $http_NAME variable, the header it reads is remembered for Vary.
 */

char *
ngx_http_consent_region(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_consent_loc_conf_t *lcf = conf;

    u_char                            *p, c;
    ngx_str_t                         *value, name;
    ngx_uint_t                         i;
    ngx_http_compile_complex_value_t   ccv;

    if (lcf->region != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    lcf->region = ngx_palloc(cf->pool, sizeof(ngx_http_complex_value_t));
    if (lcf->region == NULL) {
        return NGX_CONF_ERROR;
    }

    ngx_memzero(&ccv, sizeof(ngx_http_compile_complex_value_t));

    ccv.cf = cf;
    ccv.value = &value[1];
    ccv.complex_value = lcf->region;

    if (ngx_http_compile_complex_value(&ccv) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    name = value[1];

    if (name.len > sizeof("$http_") - 1
        && ngx_strncmp(name.data, "$http_", sizeof("$http_") - 1) == 0)
    {
        name.data += sizeof("$http_") - 1;
        name.len -= sizeof("$http_") - 1;

        for (i = 0; i < name.len; i++) {
            c = ngx_tolower(name.data[i]);

            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                  || c == '_'))
            {
                return NGX_CONF_OK;
            }
        }

        p = ngx_pnalloc(cf->pool, name.len);
        if (p == NULL) {
            return NGX_CONF_ERROR;
        }

        /* "x_region" is the header X-Region (nginx ignores the case) */
        for (i = 0; i < name.len; i++) {
            c = name.data[i];

            if (c == '_') {
                c = '-';

            } else if (i == 0 || p[i - 1] == '-') {
                c = ngx_toupper(c);
            }

            p[i] = c;
        }

        lcf->region_header.data = p;
        lcf->region_header.len = name.len;
    }

    return NGX_CONF_OK;
}


/*
 * The region, its mode, and the categories granted under it, from the
 * decoded cookies (cr->status and cr->state) and Sec-GPC (cr->gpc).  A
 * decision given where trackers ran by default does not count in an
 * opt-in region: it is stale there, and the banner comes back.
 */

void
ngx_http_consent_region_decide(ngx_http_request_t *r,
    ngx_http_consent_request_t *cr, consent_policy_t *policy)
{
    ngx_str_t                     value;
    consent_mode_t                given;
    consent_mask_t               *decision;
    ngx_http_consent_loc_conf_t  *lcf;

    lcf = ngx_http_get_module_loc_conf(r, ngx_http_consent_module);

    cr->region[0] = '\0';

    if (lcf->region) {
        if (ngx_http_complex_value(r, lcf->region, &value) != NGX_OK) {
            /* fail closed: the policy's default (opt-in unless changed) */
            ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                          "consent: consent_region cannot be evaluated, "
                          "the policy's default mode applies");
            value.len = 0;
        }

        if (value.len
            && !consent_region_normalize((char *) value.data, value.len,
                                         cr->region))
        {
            ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                           "consent: region \"%V\" is not an ISO 3166 "
                           "code, the default mode applies", &value);
        }
    }

    cr->mode = consent_region_mode(&policy->regions, cr->region,
                                   &cr->objection);

    decision = NULL;
    cr->services = NULL;
    cr->decided = 0;

    if (cr->status == CONSENT_STATUS_VALID) {
        given = cr->state.mode <= CONSENT_MODE_MAX
                ? (consent_mode_t) cr->state.mode : CONSENT_MODE_OPT_OUT;

        if (consent_mode_decision_counts(given, cr->mode)) {
            /* services allowed alone leave the categories to the region */
            decision = cr->state.decided ? &cr->state.granted : NULL;
            cr->decided = cr->state.decided;
            cr->services = &cr->state.services;

        } else {
            cr->status = CONSENT_STATUS_STALE;
        }
    }

    cr->granted = consent_mode_granted(cr->mode, policy->all_mask,
                                       policy->required_mask,
                                       policy->opt_out_mask, cr->objection,
                                       decision, cr->gpc && lcf->gpc);
}
