/*
 * The privacy policy and cookie declaration page: controller, the visitor's
 * current choice with a form to change it, and every category with its
 * services and cookies.  Rendered per request (it is not on a hot path).
 */

#include <string.h>

#include "consent_render_int.h"


static void consent_render_page_controller(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_page_mailto(consent_builder_t *b,
    const json_t *email);
static void consent_render_page_choice(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_page_category(consent_builder_t *b,
    const consent_render_ctx_t *c, unsigned i);
static const char *consent_render_category_title(
    const consent_render_ctx_t *c, unsigned i);


void
consent_render_emit_page(consent_builder_t *b, const consent_render_ctx_t *c)
{
    unsigned                 i;
    const consent_policy_t  *policy;

    policy = c->policy;

    consent_builder_lit(b, "<!DOCTYPE html>\n<html lang=\"");
    consent_builder_esc(b, c->lang);
    consent_builder_lit(b, "\" dir=\"");
    consent_builder_str(b, consent_render_dir(c->lang));
    consent_builder_lit(b, "\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\"><title>");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "privacy_title"));
    consent_builder_lit(b, "</title><link rel=\"stylesheet\" href=\"");
    consent_builder_esc(b, c->api_path);

    if (c->api_path[0] == '\0'
        || c->api_path[strlen(c->api_path) - 1] != '/')
    {
        consent_builder_lit(b, "/");
    }

    consent_builder_lit(b, "consent.css\"></head>\n"
        "<body class=\"consent-page\"><main class=\"consent-doc\">"
        "<h1>");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "privacy_title"));
    consent_builder_lit(b, "</h1><p>");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "page_intro"));
    consent_builder_lit(b, "</p>");

    consent_render_page_controller(b, c);
    consent_render_page_choice(b, c);

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-cats\">"
                           "<h2 id=\"consent-page-cats\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "cookies_title"));
    consent_builder_lit(b, "</h2>");

    for (i = 0; i < policy->ncategories; i++) {
        consent_render_page_category(b, c, i);
    }

    consent_builder_lit(b, "</section></main></body></html>\n");
}


static void
consent_render_page_controller(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    const json_t  *controller, *value;

    controller = c->policy->controller;

    if (!json_is_object(controller)) {
        return;
    }

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-ctl\">"
                           "<h2 id=\"consent-page-ctl\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "controller_title"));
    consent_builder_lit(b, "</h2><address class=\"consent-controller\">");

    value = json_object_get(controller, "name");
    if (json_is_string(value)) {
        consent_builder_lit(b, "<strong>");
        consent_builder_esc(b, json_string_value(value));
        consent_builder_lit(b, "</strong>");
    }

    value = json_object_get(controller, "address");
    if (json_is_string(value)) {
        consent_builder_lit(b, "<span>");
        consent_builder_esc(b, json_string_value(value));
        consent_builder_lit(b, "</span>");
    }

    value = json_object_get(controller, "phone");
    if (json_is_string(value)) {
        consent_builder_lit(b, "<span>");
        consent_builder_esc(b, json_string_value(value));
        consent_builder_lit(b, "</span>");
    }

    consent_render_page_mailto(b, json_object_get(controller, "email"));
    consent_render_page_mailto(b, json_object_get(controller, "dpo_email"));

    value = json_object_get(controller, "url");
    if (json_is_string(value)
        && consent_render_is_web_url(json_string_value(value)))
    {
        consent_builder_lit(b, "<a class=\"consent-link\" href=\"");
        consent_builder_esc(b, json_string_value(value));
        consent_builder_lit(b, "\">");
        consent_builder_esc(b, json_string_value(value));
        consent_builder_lit(b, "</a>");
    }

    consent_builder_lit(b, "</address></section>");
}


static void
consent_render_page_mailto(consent_builder_t *b, const json_t *email)
{
    if (!json_is_string(email)) {
        return;
    }

    consent_builder_lit(b, "<a class=\"consent-link\" href=\"mailto:");
    consent_builder_esc(b, json_string_value(email));
    consent_builder_lit(b, "\">");
    consent_builder_esc(b, json_string_value(email));
    consent_builder_lit(b, "</a>");
}


static void
consent_render_page_choice(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    unsigned                 i;
    consent_mask_t           effective;
    const consent_policy_t  *policy;

    policy = c->policy;
    effective = b->req->effective;

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-choice\">"
                           "<h2 id=\"consent-page-choice\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "current_choice"));
    consent_builder_lit(b, "</h2>");

    if (!c->decided) {
        consent_builder_lit(b, "<p class=\"consent-status\">");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "no_decision"));
        consent_builder_lit(b, "</p>");

    } else {
        /* the heading already says "Your current choice" */
        consent_builder_lit(b, "<ul class=\"consent-choice\">");

        for (i = 0; i < policy->ncategories; i++) {
            consent_builder_lit(b, "<li data-category=\"");
            consent_builder_esc(b, policy->categories[i].id);
            consent_builder_lit(b, "\">");
            consent_builder_esc(b, consent_render_category_title(c, i));
            consent_builder_lit(b, ": <strong>");
            consent_builder_esc(b, consent_render_text(policy, c->lang,
                ((effective >> i) & 1) ? "granted" : "denied"));
            consent_builder_lit(b, "</strong></li>");
        }

        consent_builder_lit(b, "</ul>");

        if (c->consent_id && c->consent_id[0] != '\0') {
            consent_builder_lit(b, "<p>");
            consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                       "consent_id"));
            consent_builder_lit(b, ": <code class=\"consent-id\">");
            consent_builder_esc(b, c->consent_id);
            consent_builder_lit(b, "</code></p>");
        }
    }

    consent_render_emit_prefs(b, c, "consent-page");
    consent_builder_lit(b, "</section>");
}


static void
consent_render_page_category(consent_builder_t *b,
    const consent_render_ctx_t *c, unsigned i)
{
    size_t                     s, nservices;
    const consent_policy_t    *policy;
    const consent_service_t   *service;
    const consent_category_t  *cat;

    policy = c->policy;
    cat = &policy->categories[i];

    consent_builder_lit(b, "<section class=\"consent-doc-cat\" "
                           "id=\"category-");
    consent_builder_esc(b, cat->id);
    consent_builder_lit(b, "\"><h3>");
    consent_builder_esc(b, consent_render_category_title(c, i));

    if (cat->required) {
        consent_builder_lit(b, " <span class=\"consent-badge\">");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "always_on"));
        consent_builder_lit(b, "</span>");
    }

    consent_builder_lit(b, "</h3><p>");
    consent_builder_esc(b, consent_policy_localized(policy, cat->description,
                                                    c->lang));
    consent_builder_lit(b, "</p>");

    nservices = 0;

    for (s = 0; s < policy->nservices; s++) {
        if (consent_render_lists(c, s, i)) {
            nservices++;
        }
    }

    if (nservices == 0) {
        consent_builder_lit(b, "<p>");
        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                                   "no_services"));
        consent_builder_lit(b, "</p></section>");
        return;
    }

    consent_builder_lit(b, "<div class=\"consent-table-wrap\">"
        "<table class=\"consent-table\"><thead><tr><th scope=\"col\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang, "service"));
    consent_builder_lit(b, "</th><th scope=\"col\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang, "provider"));
    consent_builder_lit(b, "</th><th scope=\"col\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang, "purpose"));
    consent_builder_lit(b, "</th><th scope=\"col\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang, "cookies"));
    consent_builder_lit(b, "</th><th scope=\"col\">");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "privacy_url"));
    consent_builder_lit(b, "</th></tr></thead><tbody>");

    for (s = 0; s < policy->ndeclared; s++) {
        service = &policy->services[s];

        if (!consent_render_lists(c, s, i)) {
            continue;
        }

        consent_builder_lit(b, "<tr id=\"service-");
        consent_builder_esc(b, service->id);
        consent_builder_lit(b, "\"><th scope=\"row\">");
        consent_builder_esc(b, service->name ? service->name : service->id);
        consent_builder_lit(b, "</th><td>");
        consent_builder_esc(b, service->provider ? service->provider : "");
        consent_builder_lit(b, "</td><td>");
        consent_builder_esc(b, consent_policy_localized(policy,
                                                        service->purpose,
                                                        c->lang));
        consent_builder_lit(b, "</td><td>");

        if (service->ncookies) {
            consent_render_emit_cookies(b, c, service);
        }

        consent_builder_lit(b, "</td><td>");

        if (consent_render_is_web_url(service->privacy_url)) {
            consent_builder_lit(b, "<a class=\"consent-link\" href=\"");
            consent_builder_esc(b, service->privacy_url);
            consent_builder_lit(b, "\" rel=\"noopener noreferrer\">");
            consent_builder_esc(b, service->privacy_url);
            consent_builder_lit(b, "</a>");
        }

        consent_builder_lit(b, "</td></tr>");
    }

    consent_builder_lit(b, "</tbody></table></div></section>");
}


static const char *
consent_render_category_title(const consent_render_ctx_t *c, unsigned i)
{
    const char  *title;

    title = consent_policy_localized(c->policy, c->policy->categories[i].title,
                                     c->lang);

    return title[0] != '\0' ? title : c->policy->categories[i].id;
}
