/*
 * The renderer's entry points: the fragments injected into pages, their
 * per-process template cache, and the Google Consent Mode v2 defaults.
 */

#include <stdlib.h>
#include <string.h>

#include "consent_escape.h"
#include "consent_render_int.h"

#define CONSENT_SIGNALS     7
#define CONSENT_TPLS_MAX    64      /* per policy; more are not cached */


static const char  *consent_render_signals[CONSENT_SIGNALS] = {
    "ad_storage", "ad_user_data", "ad_personalization", "analytics_storage",
    "functionality_storage", "personalization_storage", "security_storage"
};

/* The categories behind each signal when the policy just says "true". */
static const char  *consent_render_signal_defaults[CONSENT_SIGNALS] = {
    "marketing", "marketing", "marketing", "analytics",
    "preferences", "preferences", NULL
};


typedef struct consent_render_tpl_s  consent_render_tpl_t;

struct consent_render_tpl_s {
    consent_render_tpl_t    *next;
    char                    *lang;
    char                    *api_path;
    char                    *page_path;     /* NULL: none */
    int                      decided;
    consent_mode_t           mode;
    consent_builder_t        body;
};

typedef struct consent_render_cache_s  consent_render_cache_t;

struct consent_render_cache_s {
    consent_render_cache_t  *next;
    const consent_policy_t  *policy;
    int                      consent_mode;
    unsigned                 mapped;        /* bit per signal */
    consent_mask_t           needs[CONSENT_SIGNALS];  /* all granted */
    char                    *mode_json;     /* for consent.js */
    consent_render_tpl_t    *tpls;
    size_t                   ntpls;

    /* the consent mode script after <script ...>, per granted signals */
    char                    *mode_scripts[1u << CONSENT_SIGNALS];

    /* head_end up to the marker, for one API path and asset versions */
    char                    *assets;
    char                    *assets_api;
    char                    *assets_css;    /* NULL: no version */
    char                    *assets_js;
};


static consent_render_cache_t *consent_render_cache(
    const consent_policy_t *policy);
static int consent_render_mode_init(consent_render_cache_t *cache);
static void consent_render_mode_signal(consent_render_cache_t *cache,
    unsigned signal, const json_t *value);
static char *consent_render_mode_json(const consent_render_cache_t *cache);
static const consent_builder_t *consent_render_body_tpl(
    consent_render_cache_t *cache, const consent_render_ctx_t *c,
    consent_builder_t *scratch);
static void consent_render_tpl_free(consent_render_tpl_t *tpl);
static int consent_render_same(const char *a, const char *b);
static const char *consent_render_mode_script(consent_render_cache_t *cache,
    consent_mask_t effective);
static const char *consent_render_assets(consent_render_cache_t *cache,
    const consent_render_ctx_t *c);
static void consent_render_assets_free(consent_render_cache_t *cache);
static int consent_render_join(const consent_render_ctx_t *c,
    const char *head, const char *attr, const char *value, const char *tail,
    consent_render_out_t *out);
static char *consent_render_strdup(const char *s);
static consent_mask_t consent_render_effective(
    const consent_render_ctx_t *c);
static void consent_render_req(const consent_render_ctx_t *c,
    consent_render_req_t *req);
static void consent_render_asset(consent_builder_t *b, const char *api_path,
    const char *name, const char *version);
static const char *consent_render_signal(const consent_render_cache_t *cache,
    unsigned signal, consent_mask_t effective);
static void consent_render_vendors(consent_builder_t *b,
    const consent_render_cache_t *cache, consent_mask_t effective);


/* Process-wide: nginx workers are single-threaded. */
static consent_render_cache_t  *consent_render_caches;


static consent_render_cache_t *
consent_render_cache(const consent_policy_t *policy)
{
    consent_render_cache_t  *cache;

    for (cache = consent_render_caches; cache; cache = cache->next) {
        if (cache->policy == policy) {
            return cache;
        }
    }

    cache = calloc(1, sizeof(consent_render_cache_t));
    if (cache == NULL) {
        return NULL;
    }

    cache->policy = policy;

    if (consent_render_mode_init(cache) != 0) {
        free(cache);
        return NULL;
    }

    cache->next = consent_render_caches;
    consent_render_caches = cache;

    return cache;
}


void
consent_render_forget(const consent_policy_t *policy)
{
    unsigned                  i;
    consent_render_tpl_t     *tpl, *next;
    consent_render_cache_t  **link, *cache;

    for (link = &consent_render_caches; *link; link = &(*link)->next) {
        cache = *link;

        if (cache->policy != policy) {
            continue;
        }

        *link = cache->next;

        for (tpl = cache->tpls; tpl; tpl = next) {
            next = tpl->next;
            consent_render_tpl_free(tpl);
        }

        for (i = 0; i < (1u << CONSENT_SIGNALS); i++) {
            free(cache->mode_scripts[i]);
        }

        consent_render_assets_free(cache);
        free(cache->mode_json);
        free(cache);
        return;
    }
}


/*
 * The policy's "consent_mode": {"signal": "category" | ["category", ...] |
 * true, ...}, optionally wrapped as {"signals": {...}}; a signal is granted
 * when all its categories are.  Plain true maps the usual categories.
 */
static int
consent_render_mode_init(consent_render_cache_t *cache)
{
    unsigned       i;
    json_t        *name;
    const json_t  *mode, *signals, *enabled;

    mode = cache->policy->consent_mode;

    if (mode == NULL || json_is_false(mode) || json_is_null(mode)) {
        return 0;
    }

    if (json_is_true(mode)) {
        for (i = 0; i < CONSENT_SIGNALS; i++) {
            if (consent_render_signal_defaults[i] == NULL) {
                cache->mapped |= 1u << i;
                continue;
            }

            name = json_string(consent_render_signal_defaults[i]);
            if (name == NULL) {
                return -1;
            }

            consent_render_mode_signal(cache, i, name);
            json_decref(name);
        }

    } else if (json_is_object(mode)) {
        enabled = json_object_get(mode, "enabled");
        if (json_is_false(enabled)) {
            return 0;
        }

        signals = json_object_get(mode, "signals");
        if (!json_is_object(signals)) {
            signals = mode;
        }

        for (i = 0; i < CONSENT_SIGNALS; i++) {
            consent_render_mode_signal(cache, i,
                json_object_get(signals, consent_render_signals[i]));
        }

    } else {
        return 0;
    }

    cache->consent_mode = 1;
    cache->mode_json = consent_render_mode_json(cache);

    return cache->mode_json ? 0 : -1;
}


/* Map one signal; an unknown category leaves it unmapped (denied). */
static void
consent_render_mode_signal(consent_render_cache_t *cache, unsigned signal,
    const json_t *value)
{
    int             cat;
    size_t          i;
    const json_t   *item;
    consent_mask_t  needs;

    needs = 0;

    if (json_is_true(value)) {
        cache->mapped |= 1u << signal;
        return;
    }

    if (json_is_string(value)) {
        cat = consent_policy_category(cache->policy, json_string_value(value),
                                      json_string_length(value));
        if (cat < 0) {
            return;
        }

        needs = (consent_mask_t) 1 << cat;

    } else if (json_is_array(value) && json_array_size(value) > 0) {
        json_array_foreach(value, i, item) {
            if (!json_is_string(item)) {
                return;
            }

            cat = consent_policy_category(cache->policy,
                                          json_string_value(item),
                                          json_string_length(item));
            if (cat < 0) {
                return;
            }

            needs |= (consent_mask_t) 1 << cat;
        }

    } else {
        return;
    }

    cache->mapped |= 1u << signal;
    cache->needs[signal] = needs;
}


/* {"ad_storage":["marketing"],...,"security_storage":[]}; null: denied. */
static char *
consent_render_mode_json(const consent_render_cache_t *cache)
{
    int                first;
    unsigned           i, k;
    consent_builder_t  b;

    consent_builder_init(&b, NULL);
    consent_builder_lit(&b, "{");

    for (i = 0; i < CONSENT_SIGNALS; i++) {
        consent_builder_lit(&b, "\"");
        consent_builder_str(&b, consent_render_signals[i]);
        consent_builder_lit(&b, "\":");

        if (!(cache->mapped & (1u << i))) {
            consent_builder_lit(&b, "null");

        } else {
            consent_builder_lit(&b, "[");
            first = 1;

            for (k = 0; k < cache->policy->ncategories; k++) {
                if (!(cache->needs[i] & ((consent_mask_t) 1 << k))) {
                    continue;
                }

                if (!first) {
                    consent_builder_lit(&b, ",");
                }

                /* category ids are plain identifiers (policy-validated) */
                consent_builder_lit(&b, "\"");
                consent_builder_str(&b, cache->policy->categories[k].id);
                consent_builder_lit(&b, "\"");
                first = 0;
            }

            consent_builder_lit(&b, "]");
        }

        consent_builder_str(&b, i + 1 < CONSENT_SIGNALS ? "," : "}");
    }

    if (b.failed) {
        consent_builder_free(&b);
        return NULL;
    }

    return b.data;
}


static consent_mask_t
consent_render_effective(const consent_render_ctx_t *c)
{
    /* silence is refusal where the law asks for consent (opt-in) */
    if (!c->decided) {
        return consent_mode_granted(c->mode, c->policy->all_mask,
                                    c->policy->required_mask,
                                    c->policy->opt_out_mask, c->objection,
                                    NULL, c->gpc);
    }

    return c->granted | c->policy->required_mask;
}


static void
consent_render_req(const consent_render_ctx_t *c, consent_render_req_t *req)
{
    size_t  len;

    req->policy = c->policy;
    req->effective = consent_render_effective(c);
    req->services = c->services;
    req->gpc = c->gpc;
    req->alloc = c->alloc;
    req->alloc_data = c->alloc_data;

    len = c->return_to ? strlen(c->return_to) : 0;

    if (consent_escape_safe_path(c->return_to, len,
                                 CONSENT_RETURN_TO_MAX - 1))
    {
        req->return_to = c->return_to;
        req->return_to_len = len;

    } else {
        req->return_to = "/";
        req->return_to_len = 1;
    }
}


int
consent_render_head_start(const consent_render_ctx_t *c,
    consent_render_out_t *out)
{
    const char              *script;
    consent_render_cache_t  *cache;

    out->data = NULL;
    out->len = 0;

    cache = consent_render_cache(c->policy);
    if (cache == NULL) {
        return -1;
    }

    if (!cache->consent_mode) {
        return 0;
    }

    script = consent_render_mode_script(cache, consent_render_effective(c));
    if (script == NULL) {
        return -1;
    }

    return consent_render_join(c, "<script",
                               (c->nonce && c->nonce[0] != '\0')
                               ? " nonce=\"" : NULL,
                               c->nonce, script, out);
}


/*
 * The script's text from its '>' on: the same for every request whose
 * decision grants the same signals, so built once per set of them.
 */
static const char *
consent_render_mode_script(consent_render_cache_t *cache,
    consent_mask_t effective)
{
    unsigned           i, signals;
    consent_builder_t  b;

    signals = 0;

    for (i = 0; i < CONSENT_SIGNALS; i++) {
        if (consent_render_signal(cache, i, effective)[0] == 'g') {
            signals |= 1u << i;
        }
    }

    if (cache->mode_scripts[signals]) {
        return cache->mode_scripts[signals];
    }

    consent_builder_init(&b, NULL);
    consent_builder_lit(&b, ">window.dataLayer=window.dataLayer||[];"
                            "function gtag(){dataLayer.push(arguments);}"
                            "gtag('consent','default',{");

    for (i = 0; i < CONSENT_SIGNALS; i++) {
        consent_builder_lit(&b, "'");
        consent_builder_str(&b, consent_render_signals[i]);
        consent_builder_lit(&b, "':'");
        consent_builder_str(&b, consent_render_signal(cache, i, effective));
        consent_builder_lit(&b, "'");

        if (i + 1 < CONSENT_SIGNALS) {
            consent_builder_lit(&b, ",");
        }
    }

    consent_builder_lit(&b, "});");
    consent_render_vendors(&b, cache, effective);
    consent_builder_lit(&b, "</script>");

    if (b.failed || b.data == NULL) {
        consent_builder_free(&b);
        return NULL;
    }

    b.data[b.len] = '\0';
    cache->mode_scripts[signals] = b.data;
    b.data = NULL;
    consent_builder_free(&b);

    return cache->mode_scripts[signals];
}


static const char *
consent_render_signal(const consent_render_cache_t *cache, unsigned signal,
    consent_mask_t effective)
{
    return ((cache->mapped & (1u << signal))
            && (cache->needs[signal] & ~effective) == 0)
           ? "granted" : "denied";
}


/*
 * The same signals for the vendors the policy names, queued before their
 * tags run (both read a queue their snippet creates if it is missing).
 * Meta's snippet does nothing when fbq exists, so fbq gets its signal from
 * consent.js once the pixel is there.
 */
static void
consent_render_vendors(consent_builder_t *b,
    const consent_render_cache_t *cache, consent_mask_t effective)
{
    const char  *ad, *analytics;

    /* signal 0 is ad_storage, 3 analytics_storage */
    ad = consent_render_signal(cache, 0, effective);
    analytics = consent_render_signal(cache, 3, effective);

    if (cache->policy->vendor_signals & CONSENT_VENDOR_CLARITY) {
        consent_builder_lit(b, "window.clarity=window.clarity||function(){"
                               "(window.clarity.q=window.clarity.q||[])"
                               ".push(arguments)};"
                               "clarity('consentv2',{ad_Storage:'");
        consent_builder_str(b, ad);
        consent_builder_lit(b, "',analytics_Storage:'");
        consent_builder_str(b, analytics);
        consent_builder_lit(b, "'});");
    }

    if (cache->policy->vendor_signals & CONSENT_VENDOR_UET) {
        consent_builder_lit(b, "window.uetq=window.uetq||[];"
                               "window.uetq.push('consent','default',"
                               "{'ad_storage':'");
        consent_builder_str(b, ad);
        consent_builder_lit(b, "'});");
    }
}


int
consent_render_head_end(const consent_render_ctx_t *c,
    consent_render_out_t *out)
{
    const char              *assets;
    consent_render_cache_t  *cache;

    out->data = NULL;
    out->len = 0;

    cache = consent_render_cache(c->policy);
    if (cache == NULL) {
        return -1;
    }

    assets = consent_render_assets(cache, c);
    if (assets == NULL) {
        return -1;
    }

    /* consent.js activates only the elements carrying this token */
    return consent_render_join(c, assets,
                               c->marker ? " data-consent-marker=\"" : NULL,
                               c->marker, "></script>", out);
}


/*
 * <link rel="stylesheet"> and <script defer src=...> up to the marker: the
 * same for every response of a location, so kept for the last API path
 * and asset versions asked for.
 */
static const char *
consent_render_assets(consent_render_cache_t *cache,
    const consent_render_ctx_t *c)
{
    consent_builder_t  b;

    if (cache->assets && strcmp(cache->assets_api, c->api_path) == 0
        && consent_render_same(cache->assets_css, c->css_version)
        && consent_render_same(cache->assets_js, c->js_version))
    {
        return cache->assets;
    }

    consent_render_assets_free(cache);

    consent_builder_init(&b, NULL);
    consent_builder_lit(&b, "<link rel=\"stylesheet\" href=\"");
    consent_render_asset(&b, c->api_path, "consent.css", c->css_version);
    consent_builder_lit(&b, "\"><script defer src=\"");
    consent_render_asset(&b, c->api_path, "consent.js", c->js_version);
    consent_builder_lit(&b, "\"");

    if (b.failed || b.data == NULL) {
        consent_builder_free(&b);
        return NULL;
    }

    b.data[b.len] = '\0';

    cache->assets_api = consent_render_strdup(c->api_path);
    cache->assets_css = c->css_version
                        ? consent_render_strdup(c->css_version) : NULL;
    cache->assets_js = c->js_version
                       ? consent_render_strdup(c->js_version) : NULL;

    if (cache->assets_api == NULL
        || (c->css_version && cache->assets_css == NULL)
        || (c->js_version && cache->assets_js == NULL))
    {
        consent_builder_free(&b);
        consent_render_assets_free(cache);
        return NULL;
    }

    cache->assets = b.data;
    b.data = NULL;
    consent_builder_free(&b);

    return cache->assets;
}


static void
consent_render_assets_free(consent_render_cache_t *cache)
{
    free(cache->assets);
    free(cache->assets_api);
    free(cache->assets_css);
    free(cache->assets_js);

    cache->assets = NULL;
    cache->assets_api = NULL;
    cache->assets_css = NULL;
    cache->assets_js = NULL;
}


/* head, then attr, value escaped and '"' when attr is given, then tail. */
static int
consent_render_join(const consent_render_ctx_t *c, const char *head,
    const char *attr, const char *value, const char *tail,
    consent_render_out_t *out)
{
    char    *p;
    size_t   len, head_len, attr_len, value_len, esc_len, tail_len;

    head_len = strlen(head);
    attr_len = attr ? strlen(attr) : 0;
    value_len = attr ? strlen(value) : 0;
    esc_len = attr ? consent_escape_html_len(value, value_len) + 1 : 0;
    tail_len = strlen(tail);
    len = head_len + attr_len + esc_len + tail_len + 1;

    p = c->alloc ? c->alloc(c->alloc_data, len) : malloc(len);
    if (p == NULL) {
        return -1;
    }

    out->data = p;

    memcpy(p, head, head_len);
    p += head_len;

    if (attr) {
        memcpy(p, attr, attr_len);
        p = consent_escape_html(p + attr_len, value, value_len);
        *p++ = '"';
    }

    memcpy(p, tail, tail_len);
    p += tail_len;
    *p = '\0';

    out->len = (size_t) (p - out->data);

    return 0;
}


/* A versioned URL may be cached for good: the version changes with it. */
static void
consent_render_asset(consent_builder_t *b, const char *api_path,
    const char *name, const char *version)
{
    size_t  len;

    consent_builder_esc(b, api_path);

    len = strlen(api_path);
    if (len == 0 || api_path[len - 1] != '/') {
        consent_builder_lit(b, "/");
    }

    consent_builder_str(b, name);

    if (version) {
        consent_builder_lit(b, "?v=");
        consent_builder_esc(b, version);
    }
}


int
consent_render_body_start(const consent_render_ctx_t *c,
    consent_render_out_t *out)
{
    int                       rc;
    consent_builder_t         scratch;
    consent_render_req_t      req;
    consent_render_cache_t   *cache;
    const consent_builder_t  *tpl;

    out->data = NULL;
    out->len = 0;

    cache = consent_render_cache(c->policy);
    if (cache == NULL) {
        return -1;
    }

    consent_builder_init(&scratch, NULL);

    tpl = consent_render_body_tpl(cache, c, &scratch);
    if (tpl == NULL) {
        consent_builder_free(&scratch);
        return -1;
    }

    consent_render_req(c, &req);
    rc = consent_builder_splice(tpl, &req, out);

    consent_builder_free(&scratch);

    return rc;
}


/*
 * The cached template for the static parts of the request; when the cache
 * is full the template is built into scratch and used once.
 */
static const consent_builder_t *
consent_render_body_tpl(consent_render_cache_t *cache,
    const consent_render_ctx_t *c, consent_builder_t *scratch)
{
    consent_render_tpl_t  *tpl, **link;

    for (link = &cache->tpls; *link; link = &(*link)->next) {
        tpl = *link;

        if (tpl->decided == (c->decided != 0)
            && tpl->mode == c->mode
            && strcmp(tpl->lang, c->lang) == 0
            && strcmp(tpl->api_path, c->api_path) == 0
            && consent_render_same(tpl->page_path, c->page_path))
        {
            return &tpl->body;
        }
    }

    if (cache->ntpls >= CONSENT_TPLS_MAX) {
        consent_render_emit_body(scratch, c, cache->mode_json);
        return consent_builder_finish(scratch) == 0 ? scratch : NULL;
    }

    tpl = calloc(1, sizeof(consent_render_tpl_t));
    if (tpl == NULL) {
        return NULL;
    }

    consent_builder_init(&tpl->body, NULL);
    tpl->decided = (c->decided != 0);
    tpl->mode = c->mode;
    tpl->lang = consent_render_strdup(c->lang);
    tpl->api_path = consent_render_strdup(c->api_path);
    tpl->page_path = c->page_path ? consent_render_strdup(c->page_path)
                                  : NULL;

    if (tpl->lang == NULL || tpl->api_path == NULL
        || (c->page_path && tpl->page_path == NULL))
    {
        consent_render_tpl_free(tpl);
        return NULL;
    }

    consent_render_emit_body(&tpl->body, c, cache->mode_json);

    if (consent_builder_finish(&tpl->body) != 0) {
        consent_render_tpl_free(tpl);
        return NULL;
    }

    tpl->next = cache->tpls;
    cache->tpls = tpl;
    cache->ntpls++;

    return &tpl->body;
}


int
consent_render_lists(const consent_render_ctx_t *c, size_t s, unsigned i)
{
    /* declared services always; catalogue ones only when seen */
    return c->policy->services[s].category == i
           && (s < c->policy->ndeclared
               || (c->listed && c->listed(c->listed_data, s)));
}


static void
consent_render_tpl_free(consent_render_tpl_t *tpl)
{
    consent_builder_free(&tpl->body);
    free(tpl->lang);
    free(tpl->api_path);
    free(tpl->page_path);
    free(tpl);
}


static int
consent_render_same(const char *a, const char *b)
{
    if (a == NULL || b == NULL) {
        return a == b;
    }

    return strcmp(a, b) == 0;
}


static char *
consent_render_strdup(const char *s)
{
    char    *p;
    size_t   len;

    len = strlen(s) + 1;

    p = malloc(len);
    if (p) {
        memcpy(p, s, len);
    }

    return p;
}


int
consent_render_preferences_page(const consent_render_ctx_t *c,
    consent_render_out_t *out)
{
    consent_builder_t        b;
    consent_render_req_t     req;
    consent_render_cache_t  *cache;

    out->data = NULL;
    out->len = 0;

    cache = consent_render_cache(c->policy);
    if (cache == NULL) {
        return -1;
    }

    consent_render_req(c, &req);
    consent_builder_init(&b, &req);
    consent_render_emit_prefs_page(&b, c, cache->mode_json);

    return consent_builder_output(&b, out);
}


int
consent_render_policy_page(const consent_render_ctx_t *c,
    consent_render_out_t *out)
{
    consent_builder_t     b;
    consent_render_req_t  req;

    consent_render_req(c, &req);
    consent_builder_init(&b, &req);
    consent_render_emit_page(&b, c);

    return consent_builder_output(&b, out);
}


const char *
consent_render_dir(const char *lang)
{
    size_t              len;
    const char  *const *rtl;

    static const char  *rtl_langs[] = {
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps",
        "sd", "ug", "ur", "yi", NULL
    };

    len = strcspn(lang, "-_");

    for (rtl = rtl_langs; *rtl; rtl++) {
        if (strlen(*rtl) == len && strncmp(*rtl, lang, len) == 0) {
            return "rtl";
        }
    }

    return "ltr";
}
