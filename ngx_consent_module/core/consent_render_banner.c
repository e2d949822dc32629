/*
 * Markup of the banner (first layer), the preferences (second layer) and
 * the "Cookie settings" control.  Pages carry only the first layer (or,
 * after a decision, the settings control); the preferences are a page of
 * the endpoint that consent.js fetches into a dialog and that works on its
 * own without JavaScript.  Every control is a real form.
 */

#include <string.h>
#include <strings.h>
#include <time.h>

#include "consent_render_int.h"


static void consent_render_emit_action(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *action);
static void consent_render_emit_open(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *cls, const char *key,
    int hidden);
static void consent_render_emit_decided(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_emit_category(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *id_prefix, unsigned i);
static void consent_render_emit_service_switch(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *id_prefix, unsigned i,
    size_t s);
static void consent_render_emit_cookie_name(consent_builder_t *b,
    const char *pattern);
static void consent_render_emit_choices(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_emit_notice(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_emit_do_not_sell(consent_builder_t *b,
    const consent_render_ctx_t *c);


void
consent_render_emit_body(consent_builder_t *b, const consent_render_ctx_t *c,
    const char *mode_json)
{
    unsigned                 i;
    const consent_policy_t  *policy;

    policy = c->policy;

    consent_builder_lit(b, "<div id=\"consent\" class=\"consent\" lang=\"");
    consent_builder_esc(b, c->lang);
    consent_builder_lit(b, "\" dir=\"");
    consent_builder_str(b, consent_render_dir(c->lang));
    consent_builder_lit(b, "\"");
    consent_render_emit_theme(b, c);
    consent_builder_lit(b, " data-api=\"");
    consent_builder_esc(b, c->api_path);
    consent_builder_lit(b, "\" data-state=\"");
    consent_builder_str(b, c->decided ? "valid" : "none");
    consent_builder_lit(b, "\" data-mode=\"");
    consent_builder_str(b, consent_mode_name(c->mode));
    consent_builder_lit(b, "\" data-granted=\"");

    /* category ids are plain identifiers (policy-validated) */
    for (i = 0; i < policy->ncategories; i++) {
        consent_builder_cond_begin(b, CONSENT_SEG_IF_GRANTED, i);
        consent_builder_str(b, policy->categories[i].id);
        consent_builder_lit(b, " ");
        consent_builder_cond_end(b);
    }

    consent_builder_lit(b, "\" data-services=\"");
    consent_builder_services(b);
    consent_builder_lit(b, "\"");

    /* after a decision it comes with the preferences, if they are opened */
    if (!c->decided) {
        consent_render_emit_mode(b, mode_json);
    }

    if (policy->vendor_signals) {
        /* consent.js sends them the change of a decision */
        consent_builder_lit(b, " data-vendors=\"");
        consent_builder_str(b, (policy->vendor_signals
                                & CONSENT_VENDOR_CLARITY) ? " clarity" : "");
        consent_builder_str(b, (policy->vendor_signals & CONSENT_VENDOR_UET)
                               ? " uet" : "");
        consent_builder_str(b, (policy->vendor_signals & CONSENT_VENDOR_META)
                               ? " meta" : "");
        consent_builder_lit(b, " \"");
    }

    consent_builder_lit(b, ">");

    if (c->mode == CONSENT_MODE_OPT_OUT) {
        consent_render_emit_choices(b, c);
        return;
    }

    if (c->mode == CONSENT_MODE_NOTICE) {
        consent_render_emit_notice(b, c);
        return;
    }

    if (!c->decided) {
        consent_builder_lit(b,
            "<section id=\"consent-banner\" class=\"consent-banner\" "
            "role=\"dialog\" aria-modal=\"false\" "
            "aria-labelledby=\"consent-title\" "
            "aria-describedby=\"consent-text\">"
            "<h2 id=\"consent-title\" class=\"consent-title\">");
        consent_builder_esc(b, consent_render_text(policy, c->lang, "title"));
        consent_builder_lit(b,
            "</h2><p id=\"consent-text\" class=\"consent-text\">");
        consent_builder_esc(b, consent_render_text(policy, c->lang, "body"));

        if (c->page_path) {
            consent_builder_lit(b, " <a class=\"consent-link\" href=\"");
            consent_builder_esc(b, c->page_path);
            consent_builder_lit(b, "\">");
            consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                       "policy_link"));
            consent_builder_lit(b, "</a>");
        }

        consent_builder_lit(b, "</p><div class=\"consent-actions\">");
        consent_render_emit_action(b, c, "accept_all");
        consent_render_emit_action(b, c, "reject_all");
        consent_render_emit_open(b, c, "consent-btn", "customize", 0);
        consent_builder_lit(b, "</div></section>");
    }

    /* hidden until the visitor has chosen on this page (consent.js) */
    consent_render_emit_open(b, c, "consent-settings-btn", "settings",
                             !c->decided);
    consent_builder_lit(b, "</div>");
}


/*
 * A button that opens the preferences: consent.js fetches them into a
 * dialog; without script the form GETs the server-rendered page.
 */
static void
consent_render_emit_open(consent_builder_t *b, const consent_render_ctx_t *c,
    const char *cls, const char *key, int hidden)
{
    consent_builder_lit(b, "<form class=\"consent-open\" method=\"get\" "
                           "action=\"");
    consent_render_emit_prefs_url(b, c);
    consent_builder_str(b, hidden ? "\" hidden>" : "\">");
    consent_builder_lit(b,
        "<input type=\"hidden\" name=\"return_to\" value=\"");
    consent_builder_return_to(b);
    consent_builder_lit(b, "\"><button type=\"submit\" class=\"");
    consent_builder_str(b, cls);
    consent_builder_lit(b, "\" data-consent-open>");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang, key));
    consent_builder_lit(b, "</button></form>");
}


void
consent_render_emit_mode(consent_builder_t *b, const char *mode_json)
{
    if (mode_json) {
        /* ids and signal names only: no quote or '&' to escape */
        consent_builder_lit(b, " data-consent-mode='");
        consent_builder_str(b, mode_json);
        consent_builder_lit(b, "'");
    }
}


void
consent_render_emit_theme(consent_builder_t *b, const consent_render_ctx_t *c)
{
    /* auto (the OS's) is the stylesheet's default */
    if (strcmp(c->policy->theme, "auto") != 0) {
        consent_builder_lit(b, " data-theme=\"");
        consent_builder_str(b, c->policy->theme);
        consent_builder_lit(b, "\"");
    }
}


void
consent_render_emit_prefs_url(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    size_t  len;

    consent_builder_esc(b, c->api_path);

    len = strlen(c->api_path);
    if (len == 0 || c->api_path[len - 1] != '/') {
        consent_builder_lit(b, "/");
    }

    consent_builder_lit(b, "preferences");
}


/* A first-layer button: a form of its own, so it posts without script. */
static void
consent_render_emit_action(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *action)
{
    consent_builder_lit(b,
        "<form class=\"consent-form\" method=\"post\" action=\"");
    consent_builder_esc(b, c->api_path);
    consent_builder_lit(b,
        "\"><input type=\"hidden\" name=\"action\" value=\"");
    consent_builder_str(b, action);
    consent_builder_lit(b,
        "\"><input type=\"hidden\" name=\"return_to\" value=\"");
    consent_builder_return_to(b);
    consent_builder_lit(b,
        "\"><input type=\"hidden\" name=\"source\" value=\"nojs\">"
        "<button type=\"submit\" class=\"consent-btn\" data-action=\"");
    consent_builder_str(b, action);
    consent_builder_lit(b, "\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang, action));
    consent_builder_lit(b, "</button></form>");
}


void
consent_render_emit_prefs(consent_builder_t *b, const consent_render_ctx_t *c,
    const char *id_prefix)
{
    unsigned                 i;
    const consent_policy_t  *policy;

    policy = c->policy;

    consent_builder_lit(b, "<section id=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-prefs\" class=\"consent-prefs\" "
                           "aria-labelledby=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-prefs-title\" aria-describedby=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-prefs-text\"><h2 id=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-prefs-title\" class=\"consent-title\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "preferences_title"));
    consent_builder_lit(b, "</h2><p id=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-prefs-text\" class=\"consent-text\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "preferences_body"));
    consent_builder_lit(b, "</p>");

    if (c->decided && c->issued) {
        consent_render_emit_decided(b, c);
    }

    consent_builder_cond_begin(b, CONSENT_SEG_IF_GPC, 0);
    consent_builder_lit(b, "<p class=\"consent-note\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "gpc_notice"));
    consent_builder_lit(b, "</p>");
    consent_builder_cond_end(b);

    if (c->mode == CONSENT_MODE_OPT_OUT) {
        consent_render_emit_do_not_sell(b, c);
    }

    consent_builder_lit(b,
        "<form class=\"consent-form\" method=\"post\" action=\"");
    consent_builder_esc(b, c->api_path);
    consent_builder_lit(b,
        "\"><input type=\"hidden\" name=\"return_to\" value=\"");
    consent_builder_return_to(b);
    consent_builder_lit(b,
        "\"><input type=\"hidden\" name=\"source\" value=\"nojs\">"
        "<ul class=\"consent-cats\">");

    for (i = 0; i < policy->ncategories; i++) {
        consent_render_emit_category(b, c, id_prefix, i);
    }

    consent_builder_lit(b, "</ul><div class=\"consent-actions\">"
        "<button type=\"submit\" class=\"consent-btn\" name=\"action\" "
        "value=\"save\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang, "save"));
    consent_builder_lit(b, "</button>"
        "<button type=\"submit\" class=\"consent-btn\" name=\"action\" "
        "value=\"accept_all\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "accept_all"));
    consent_builder_lit(b, "</button>"
        "<button type=\"submit\" class=\"consent-btn\" name=\"action\" "
        "value=\"reject_all\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "reject_all"));
    consent_builder_lit(b, "</button>");

    if (c->decided) {
        consent_builder_lit(b,
            "<button type=\"submit\" class=\"consent-btn\" name=\"action\" "
            "value=\"withdraw\">");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "withdraw"));
        consent_builder_lit(b, "</button>");
    }

    consent_builder_lit(b, "</div></form>"
        "<button type=\"button\" class=\"consent-close\" data-consent-close "
        "hidden aria-label=\"");
    consent_builder_esc(b, consent_render_text(policy, c->lang, "close"));
    consent_builder_lit(b, "\">\xc3\x97</button></section>");
}


/* "Your choice of 2026-12-02 03:20 UTC, consent ID ...": for requests. */
static void
consent_render_emit_decided(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    char         date[32];
    time_t       t;
    struct tm    tm;
    const char  *vars[5];

    t = (time_t) c->issued;

    if (gmtime_r(&t, &tm) == NULL
        || strftime(date, sizeof(date), "%Y-%m-%d %H:%M UTC", &tm) == 0)
    {
        return;
    }

    vars[0] = "date";
    vars[1] = date;
    vars[2] = "id";
    vars[3] = c->consent_id ? c->consent_id : "";
    vars[4] = NULL;

    consent_builder_lit(b, "<p class=\"consent-decided\">");
    consent_builder_fill(b, consent_render_text(c->policy, c->lang,
                                                "decided_on"), vars);
    consent_builder_lit(b, "</p>");
}


static void
consent_render_emit_category(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *id_prefix, unsigned i)
{
    size_t                     s, nservices;
    const char                *title;
    const consent_policy_t    *policy;
    const consent_category_t  *cat;

    policy = c->policy;
    cat = &policy->categories[i];

    title = consent_policy_localized(policy, cat->title, c->lang);
    if (title[0] == '\0') {
        title = cat->id;
    }

    consent_builder_lit(b, "<li class=\"consent-cat\">"
        "<div class=\"consent-cat-head\"><input type=\"checkbox\" "
        "class=\"consent-switch\" name=\"granted\" id=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-cat-");
    consent_builder_esc(b, cat->id);
    consent_builder_lit(b, "\" value=\"");
    consent_builder_esc(b, cat->id);
    consent_builder_lit(b, "\" aria-describedby=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-cat-");
    consent_builder_esc(b, cat->id);
    consent_builder_lit(b, "-desc\"");

    if (cat->required) {
        consent_builder_lit(b, " checked disabled");

    } else {
        consent_builder_cond_begin(b, CONSENT_SEG_IF_GRANTED, i);
        consent_builder_lit(b, " checked");
        consent_builder_cond_end(b);
    }

    consent_builder_lit(b, "><label class=\"consent-cat-title\" for=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-cat-");
    consent_builder_esc(b, cat->id);
    consent_builder_lit(b, "\">");
    consent_builder_esc(b, title);
    consent_builder_lit(b, "</label>");

    if (cat->required) {
        consent_builder_lit(b, "<span class=\"consent-badge\">");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "always_on"));
        consent_builder_lit(b, "</span>");
    }

    consent_builder_lit(b, "</div><p class=\"consent-cat-desc\" id=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-cat-");
    consent_builder_esc(b, cat->id);
    consent_builder_lit(b, "-desc\">");
    consent_builder_esc(b, consent_policy_localized(policy, cat->description,
                                                    c->lang));
    consent_builder_lit(b, "</p>");

    nservices = 0;

    for (s = 0; s < policy->nservices; s++) {
        if (consent_render_lists(c, s, i)) {
            nservices++;
        }
    }

    if (nservices) {
        consent_builder_lit(b, "<details class=\"consent-services\">"
                               "<summary>");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "services_title"));
        consent_builder_lit(b, " (");
        consent_builder_uint(b, nservices);
        consent_builder_lit(b, ")</summary><ul>");

        for (s = 0; s < policy->nservices; s++) {
            if (!consent_render_lists(c, s, i)) {
                continue;
            }

            consent_builder_lit(b, "<li class=\"consent-service\">");
            consent_render_emit_service_switch(b, c, id_prefix, i, s);
            consent_render_emit_service(b, c, &policy->services[s]);
            consent_builder_lit(b, "</li>");
        }

        consent_builder_lit(b, "</ul></details>");
    }

    consent_builder_lit(b, "</li>");
}


/*
 * The switch of one service of category i: on and disabled while the
 * category is on (a category grant covers its services), else on when the
 * visitor allowed the service alone.  Labelled by the service's heading.
 */
static void
consent_render_emit_service_switch(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *id_prefix, unsigned i,
    size_t s)
{
    const consent_service_t  *service;

    service = &c->policy->services[s];

    consent_builder_lit(b, "<input type=\"checkbox\" class=\"consent-switch "
                           "consent-service-switch\" name=\"service\" id=\"");
    consent_builder_str(b, id_prefix);
    consent_builder_lit(b, "-svc-");
    consent_builder_esc(b, service->id);
    consent_builder_lit(b, "\" value=\"");
    consent_builder_esc(b, service->id);
    consent_builder_lit(b, "\" data-category=\"");
    consent_builder_esc(b, c->policy->categories[i].id);
    consent_builder_lit(b, "\" aria-label=\"");
    consent_builder_esc(b, service->name ? service->name : service->id);
    consent_builder_lit(b, "\"");
    consent_builder_cond_begin(b, CONSENT_SEG_IF_GRANTED, i);
    consent_builder_lit(b, " checked disabled");
    consent_builder_cond_end(b);
    consent_builder_cond_begin(b, CONSENT_SEG_IF_SERVICE, (unsigned) s);
    consent_builder_lit(b, " checked");
    consent_builder_cond_end(b);
    consent_builder_lit(b, ">");
}


void
consent_render_emit_service(consent_builder_t *b,
    const consent_render_ctx_t *c, const consent_service_t *service)
{
    const char              *purpose;
    const consent_policy_t  *policy;

    policy = c->policy;

    consent_builder_lit(b, "<h3 class=\"consent-service-name\">");
    consent_builder_esc(b, service->name ? service->name : service->id);
    consent_builder_lit(b, "</h3><dl class=\"consent-facts\">");

    if (service->provider) {
        consent_builder_lit(b, "<dt>");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "provider"));
        consent_builder_lit(b, "</dt><dd>");
        consent_builder_esc(b, service->provider);
        consent_builder_lit(b, "</dd>");
    }

    purpose = consent_policy_localized(policy, service->purpose, c->lang);

    if (purpose[0] != '\0') {
        consent_builder_lit(b, "<dt>");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "purpose"));
        consent_builder_lit(b, "</dt><dd>");
        consent_builder_esc(b, purpose);
        consent_builder_lit(b, "</dd>");
    }

    if (service->ncookies) {
        consent_builder_lit(b, "<dt>");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "cookies"));
        consent_builder_lit(b, "</dt><dd>");
        consent_render_emit_cookies(b, c, service);
        consent_builder_lit(b, "</dd>");
    }

    if (consent_render_is_web_url(service->privacy_url)) {
        consent_builder_lit(b, "<dt>");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "privacy_url"));
        consent_builder_lit(b, "</dt><dd><a class=\"consent-link\" href=\"");
        consent_builder_esc(b, service->privacy_url);
        consent_builder_lit(b, "\" rel=\"noopener noreferrer\" "
                               "target=\"_blank\">");
        consent_builder_esc(b, service->privacy_url);
        consent_builder_lit(b, "</a></dd>");
    }

    consent_builder_lit(b, "</dl>");
}


void
consent_render_emit_cookies(consent_builder_t *b,
    const consent_render_ctx_t *c, const consent_service_t *service)
{
    char                          duration[64];
    size_t                        k;
    const char                   *purpose;
    const consent_cookie_decl_t  *cookie;

    consent_builder_lit(b, "<ul class=\"consent-cookies\">");

    for (k = 0; k < service->ncookies; k++) {
        cookie = &service->cookies[k];

        consent_builder_lit(b, "<li><code>");

        if (cookie->label) {
            consent_builder_esc(b, cookie->label);

        } else {
            consent_render_emit_cookie_name(b, cookie->name);
        }

        consent_builder_lit(b, "</code>");

        if (cookie->retention.unit != CONSENT_DURATION_NONE) {
            consent_render_duration(c->lang, cookie->retention, duration,
                                    sizeof(duration));
            consent_builder_lit(b, " (");
            consent_builder_esc(b, duration);
            consent_builder_lit(b, ")");

        } else if (cookie->duration && cookie->duration[0] != '\0') {
            consent_builder_lit(b, " (");
            consent_builder_esc(b, cookie->duration);
            consent_builder_lit(b, ")");
        }

        purpose = consent_policy_localized(c->policy, cookie->purpose,
                                           c->lang);
        if (purpose[0] != '\0') {
            consent_builder_lit(b, ": ");
            consent_builder_esc(b, purpose);
        }

        consent_builder_lit(b, "</li>");
    }

    consent_builder_lit(b, "</ul>");
}


int
consent_render_is_web_url(const char *url)
{
    /* only web links: a policy must not smuggle in javascript: URLs */
    return url && (strncasecmp(url, "https://", 8) == 0
                   || strncasecmp(url, "http://", 7) == 0);
}


/*
 * Cookie names are regexes in the policy; show them as people read them:
 * anchors and escapes dropped, ".*" and ".+" as "*".
 */
static void
consent_render_emit_cookie_name(consent_builder_t *b, const char *pattern)
{
    const char  *p, *end;

    p = pattern;
    end = pattern + strlen(pattern);

    if (p < end && *p == '^') {
        p++;
    }

    if (end > p && end[-1] == '$' && (end - 1 == p || end[-2] != '\\')) {
        end--;
    }

    while (p < end) {
        if (*p == '\\' && p + 1 < end) {
            consent_builder_escn(b, p + 1, 1);
            p += 2;
            continue;
        }

        if (*p == '.' && p + 1 < end && (p[1] == '*' || p[1] == '+')) {
            consent_builder_lit(b, "*");
            p += 2;
            continue;
        }

        consent_builder_escn(b, p, 1);
        p++;
    }
}


/*
 * Opt-out regions: no banner, a persistent "Your Privacy Choices" control
 * that opens the preferences with the opt-out button, and under Sec-GPC: 1
 * the confirmation the California regulations ask for (section 7025(c)(6)).
 */
static void
consent_render_emit_choices(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    consent_render_emit_open(b, c, "consent-settings-btn consent-choices-link",
                             "privacy_choices", 0);

    consent_builder_cond_begin(b, CONSENT_SEG_IF_GPC, 0);
    consent_builder_lit(b, "<p class=\"consent-gpc-honored\" "
                           "role=\"status\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "opt_out_honored"));
    consent_builder_lit(b, "</p>");
    consent_builder_cond_end(b);

    consent_builder_lit(b, "</div>");
}


/*
 * "Do Not Sell or Share": a decision that keeps every category in force but
 * the opt_out ones (hidden checkboxes, so that it posts without script).
 */
static void
consent_render_emit_do_not_sell(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    unsigned                 i;
    consent_mask_t           bit;
    const consent_policy_t  *policy;

    policy = c->policy;

    consent_builder_lit(b,
        "<form class=\"consent-form consent-opt-out\" method=\"post\" "
        "action=\"");
    consent_builder_esc(b, c->api_path);
    consent_builder_lit(b,
        "\"><input type=\"hidden\" name=\"action\" value=\"save\">"
        "<input type=\"hidden\" name=\"return_to\" value=\"");
    consent_builder_return_to(b);
    consent_builder_lit(b,
        "\"><input type=\"hidden\" name=\"source\" value=\"nojs\">");

    for (i = 0; i < policy->ncategories; i++) {
        bit = (consent_mask_t) 1 << i;

        if ((policy->required_mask | policy->opt_out_mask) & bit) {
            continue;
        }

        consent_builder_lit(b, "<input type=\"checkbox\" name=\"granted\" "
                               "hidden value=\"");
        consent_builder_esc(b, policy->categories[i].id);
        consent_builder_lit(b, "\"");
        consent_builder_cond_begin(b, CONSENT_SEG_IF_GRANTED, i);
        consent_builder_lit(b, " checked");
        consent_builder_cond_end(b);
        consent_builder_lit(b, ">");
    }

    consent_builder_lit(b, "<button type=\"submit\" class=\"consent-btn\" "
                           "data-action=\"opt_out\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "do_not_sell"));
    consent_builder_lit(b, "</button></form>");
}


/* Notice regions: what the site does and where to read more; no choice. */
static void
consent_render_emit_notice(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    consent_builder_lit(b,
        "<section id=\"consent-notice\" class=\"consent-banner "
        "consent-notice\" aria-labelledby=\"consent-title\">"
        "<h2 id=\"consent-title\" class=\"consent-title\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "notice_title"));
    consent_builder_lit(b, "</h2><p class=\"consent-text\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "notice_body"));

    if (c->page_path) {
        consent_builder_lit(b, " <a class=\"consent-link\" href=\"");
        consent_builder_esc(b, c->page_path);
        consent_builder_lit(b, "\">");
        consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                                   "policy_link"));
        consent_builder_lit(b, "</a>");
    }

    consent_builder_lit(b, "</p><button type=\"button\" class=\"consent-btn\" "
                           "data-consent-dismiss hidden>");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "notice_ok"));
    consent_builder_lit(b, "</button></section></div>");
}
