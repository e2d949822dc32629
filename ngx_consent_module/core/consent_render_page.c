/*
 * The pages of their own: the privacy notice (the information GDPR Art. 13
 * asks for, with the cookie declaration and the visitor's choice) and the
 * preferences page of the endpoint.  Rendered per request (not hot).
 */

#include <string.h>

#include "consent_audit.h"
#include "consent_render_int.h"


/* The recipients table of a category: one row per service. */
static const char  *consent_render_page_columns[] = {
    "service", "provider", "purpose", "transfer", "cookies", "privacy_url",
    NULL
};


static void consent_render_page_head(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *title_key,
    const char *mode_json);
static void consent_render_page_back(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *href);
static void consent_render_page_controller(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_page_contact(consent_builder_t *b,
    const json_t *object, const char *name_key, const char *email_key);
static void consent_render_page_choice(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_page_category(consent_builder_t *b,
    const consent_render_ctx_t *c, unsigned i);
static void consent_render_page_own(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_page_rights(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_page_sections(consent_builder_t *b,
    const consent_render_ctx_t *c);
static void consent_render_page_paragraphs(consent_builder_t *b,
    const char *text);
static void consent_render_page_h2(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *id, const char *key);
static const char *consent_render_category_title(
    const consent_render_ctx_t *c, unsigned i);


void
consent_render_emit_page(consent_builder_t *b, const consent_render_ctx_t *c)
{
    unsigned  i;

    consent_render_page_head(b, c, "privacy_title", NULL);

    consent_builder_lit(b, "<p>");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "page_intro"));
    consent_builder_lit(b, "</p>");

    consent_render_page_controller(b, c);
    consent_render_page_choice(b, c);

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-cats\">");
    consent_render_page_h2(b, c, "consent-page-cats", "cookies_title");

    for (i = 0; i < c->policy->ncategories; i++) {
        consent_render_page_category(b, c, i);
    }

    consent_builder_lit(b, "</section>");

    consent_render_page_own(b, c);
    consent_render_page_rights(b, c);
    consent_render_page_sections(b, c);
    consent_render_page_back(b, c, "/");

    consent_builder_lit(b, "</main></body></html>\n");
}


void
consent_render_emit_prefs_page(consent_builder_t *b,
    const consent_render_ctx_t *c, const char *mode_json)
{
    consent_render_page_head(b, c, "preferences_title", mode_json);
    consent_render_emit_prefs(b, c, "consent");

    if (c->page_path) {
        consent_builder_lit(b, "<p><a class=\"consent-link\" href=\"");
        consent_builder_esc(b, c->page_path);
        consent_builder_lit(b, "\">");
        consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                                   "policy_link"));
        consent_builder_lit(b, "</a></p>");
    }

    consent_builder_lit(b, "<p><a class=\"consent-link\" href=\"");
    consent_builder_return_to(b);
    consent_builder_lit(b, "\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "back_to_site"));
    consent_builder_lit(b, "</a></p></main></body></html>\n");
}


/* The document up to the <h1>; the page's own title is the h1 too. */
static void
consent_render_page_head(consent_builder_t *b, const consent_render_ctx_t *c,
    const char *title_key, const char *mode_json)
{
    const char  *title;

    title = consent_render_text(c->policy, c->lang, title_key);

    consent_builder_lit(b, "<!DOCTYPE html>\n<html lang=\"");
    consent_builder_esc(b, c->lang);
    consent_builder_lit(b, "\" dir=\"");
    consent_builder_str(b, consent_render_dir(c->lang));
    consent_builder_lit(b, "\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\"><title>");
    consent_builder_esc(b, title);
    consent_builder_lit(b, "</title><link rel=\"stylesheet\" href=\"");
    consent_builder_esc(b, c->api_path);

    if (c->api_path[0] == '\0'
        || c->api_path[strlen(c->api_path) - 1] != '/')
    {
        consent_builder_lit(b, "/");
    }

    consent_builder_lit(b, "consent.css");

    if (c->css_version) {
        consent_builder_lit(b, "?v=");
        consent_builder_esc(b, c->css_version);
    }

    consent_builder_lit(b, "\"></head>\n<body class=\"consent-page\"");
    consent_render_emit_theme(b, c);
    consent_render_emit_mode(b, mode_json);
    consent_builder_lit(b, "><main class=\"consent-doc\"><h1>");
    consent_builder_esc(b, title);
    consent_builder_lit(b, "</h1>");
}


static void
consent_render_page_back(consent_builder_t *b, const consent_render_ctx_t *c,
    const char *href)
{
    consent_builder_lit(b, "<p class=\"consent-back\">"
                           "<a class=\"consent-link\" href=\"");
    consent_builder_esc(b, href);
    consent_builder_lit(b, "\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "back_to_site"));
    consent_builder_lit(b, "</a></p>");
}


static void
consent_render_page_h2(consent_builder_t *b, const consent_render_ctx_t *c,
    const char *id, const char *key)
{
    consent_builder_lit(b, "<h2 id=\"");
    consent_builder_str(b, id);
    consent_builder_lit(b, "\">");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang, key));
    consent_builder_lit(b, "</h2>");
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

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-ctl\">");
    consent_render_page_h2(b, c, "consent-page-ctl", "controller_title");
    consent_builder_lit(b, "<address class=\"consent-controller\">");
    consent_render_page_contact(b, controller, "name", "email");

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

    consent_builder_lit(b, "</address>");

    if (json_is_string(json_object_get(controller, "dpo_name"))
        || json_is_string(json_object_get(controller, "dpo_email")))
    {
        consent_builder_lit(b, "<h3>");
        consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                                   "dpo_title"));
        consent_builder_lit(b, "</h3><address class=\"consent-controller\">");
        consent_render_page_contact(b, controller, "dpo_name", "dpo_email");
        consent_builder_lit(b, "</address>");
    }

    consent_builder_lit(b, "</section>");
}


static void
consent_render_page_contact(consent_builder_t *b, const json_t *object,
    const char *name_key, const char *email_key)
{
    const json_t  *name, *email;

    name = json_object_get(object, name_key);
    email = json_object_get(object, email_key);

    if (json_is_string(name)) {
        consent_builder_lit(b, "<strong>");
        consent_builder_esc(b, json_string_value(name));
        consent_builder_lit(b, "</strong>");
    }

    if (json_is_string(email)) {
        consent_builder_lit(b, "<a class=\"consent-link\" href=\"mailto:");
        consent_builder_esc(b, json_string_value(email));
        consent_builder_lit(b, "\">");
        consent_builder_esc(b, json_string_value(email));
        consent_builder_lit(b, "</a>");
    }
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

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-choice\" "
                           "class=\"consent-choice-section\">");
    consent_render_page_h2(b, c, "consent-page-choice", "current_choice");

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
    }

    consent_render_emit_prefs(b, c, "consent-page");
    consent_builder_lit(b, "</section>");
}


static void
consent_render_page_category(consent_builder_t *b,
    const consent_render_ctx_t *c, unsigned i)
{
    size_t                     s, k, nservices;
    const char                *transfer;
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
    consent_builder_lit(b, "</p><p class=\"consent-basis\"><strong>");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "legal_basis"));
    consent_builder_lit(b, "</strong> ");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
        cat->required ? "basis_necessary" : "basis_consent"));
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
        "<table class=\"consent-table\"><caption>");
    consent_builder_esc(b, consent_render_text(policy, c->lang,
                                               "recipients"));
    consent_builder_lit(b, "</caption><thead><tr><th scope=\"col\">");

    for (k = 0; consent_render_page_columns[k]; k++) {
        if (k) {
            consent_builder_lit(b, "</th><th scope=\"col\">");
        }

        consent_builder_esc(b, consent_render_text(policy, c->lang,
                                   consent_render_page_columns[k]));
    }

    consent_builder_lit(b, "</th></tr></thead><tbody>");

    for (s = 0; s < policy->nservices; s++) {
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

        if (service->country) {
            consent_builder_esc(b, service->country);
        }

        transfer = consent_policy_localized(policy, service->transfer,
                                            c->lang);
        if (transfer[0] != '\0') {
            consent_builder_str(b, service->country ? ": " : "");
            consent_builder_esc(b, transfer);
        }

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


/* The module's own processing: the consent cookie and the audit record. */
static void
consent_render_page_own(consent_builder_t *b, const consent_render_ctx_t *c)
{
    char         cookie_for[64], record_for[64];
    const char  *vars[7], *key;

    consent_render_duration(c->lang, consent_render_seconds(c->cookie_max_age),
                            cookie_for, sizeof(cookie_for));

    vars[0] = "name";
    vars[1] = c->cookie_name ? c->cookie_name : "consent";
    vars[2] = "duration";
    vars[3] = cookie_for;
    vars[4] = NULL;

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-own\">");
    consent_render_page_h2(b, c, "consent-page-own", "own_title");
    consent_builder_lit(b, "<p>");
    consent_builder_fill(b, consent_render_text(c->policy, c->lang,
                                                "own_cookie"), vars);
    consent_builder_lit(b, "</p>");

    if (c->audit) {
        key = c->audit_ip == CONSENT_AUDIT_IP_FULL ? "own_record_ip"
              : c->audit_ip == CONSENT_AUDIT_IP_OFF ? "own_record_no_ip"
              : "own_record";

        consent_builder_lit(b, "<p>");
        consent_builder_esc(b, consent_render_text(c->policy, c->lang, key));

        if (c->policy->audit_retention.unit != CONSENT_DURATION_NONE) {
            consent_render_duration(c->lang, c->policy->audit_retention,
                                    record_for, sizeof(record_for));
            vars[0] = "duration";
            vars[1] = record_for;
            vars[2] = NULL;

            consent_builder_lit(b, " ");
            consent_builder_fill(b, consent_render_text(c->policy, c->lang,
                                                        "own_retention"),
                                 vars);
        }

        consent_builder_lit(b, "</p>");
    }

    consent_builder_lit(b, "</section>");
}


static void
consent_render_page_rights(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    const char    *vars[3];
    const json_t  *authority, *name, *url;

    consent_builder_lit(b, "<section aria-labelledby=\"consent-page-rights\">");
    consent_render_page_h2(b, c, "consent-page-rights", "rights_title");
    consent_builder_lit(b, "<p>");
    consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                               "rights_body"));
    consent_builder_lit(b, "</p><p>");

    authority = json_object_get(c->policy->controller,
                                "supervisory_authority");
    name = json_object_get(authority, "name");
    url = json_object_get(authority, "url");

    if (json_is_string(name)) {
        vars[0] = "authority";
        vars[1] = json_string_value(name);
        vars[2] = NULL;

        consent_builder_fill(b, consent_render_text(c->policy, c->lang,
                                                    "rights_authority"),
                             vars);

        if (json_is_string(url)
            && consent_render_is_web_url(json_string_value(url)))
        {
            consent_builder_lit(b, " <a class=\"consent-link\" href=\"");
            consent_builder_esc(b, json_string_value(url));
            consent_builder_lit(b, "\">");
            consent_builder_esc(b, json_string_value(url));
            consent_builder_lit(b, "</a>");
        }

    } else {
        consent_builder_esc(b, consent_render_text(c->policy, c->lang,
                                                   "rights_complaint"));
    }

    consent_builder_lit(b, "</p></section>");
}


/* The policy's "sections": [{"title": {...}, "body": {...}}]. */
static void
consent_render_page_sections(consent_builder_t *b,
    const consent_render_ctx_t *c)
{
    size_t         i;
    const json_t  *section;

    json_array_foreach(c->policy->sections, i, section) {
        consent_builder_lit(b, "<section class=\"consent-doc-extra\"><h2>");
        consent_builder_esc(b, consent_policy_localized(c->policy,
            json_object_get(section, "title"), c->lang));
        consent_builder_lit(b, "</h2>");
        consent_render_page_paragraphs(b, consent_policy_localized(c->policy,
            json_object_get(section, "body"), c->lang));
        consent_builder_lit(b, "</section>");
    }
}


/* Plain text; a blank line separates paragraphs. */
static void
consent_render_page_paragraphs(consent_builder_t *b, const char *text)
{
    const char  *end;

    while (*text) {
        end = strstr(text, "\n\n");
        if (end == NULL) {
            end = text + strlen(text);
        }

        if (end > text) {
            consent_builder_lit(b, "<p>");
            consent_builder_escn(b, text, (size_t) (end - text));
            consent_builder_lit(b, "</p>");
        }

        text = end;

        while (*text == '\n') {
            text++;
        }
    }
}


static const char *
consent_render_category_title(const consent_render_ctx_t *c, unsigned i)
{
    const char  *title;

    title = consent_policy_localized(c->policy, c->policy->categories[i].title,
                                     c->lang);

    return title[0] != '\0' ? title : c->policy->categories[i].id;
}
