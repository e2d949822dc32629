/*
 * What a visitor was shown, for the audit record's "texts" hash: the banner
 * and preferences texts, the categories and the services they list, in one
 * language, resolved as consent_render shows them (policy text or built-in
 * wording).  Canonical JSON (compact, keys sorted, UTF-8) so that the same
 * texts always give the same SHA-256.
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "consent_audit.h"
#include "consent_cookie.h"
#include "consent_render_int.h"


#define CONSENT_AUDIT_TEXTS_FLAGS  (JSON_COMPACT | JSON_SORT_KEYS)


/* Every UI text of the banner, the preferences and the settings control. */
static const char  *consent_audit_text_keys[] = {
    "title", "body", "accept_all", "reject_all", "customize", "save",
    "withdraw", "settings", "policy_link", "preferences_title",
    "preferences_body", "gpc_notice", "always_on", "services_title",
    "provider", "purpose", "cookies", "privacy_url", "close", "decided_on",
    NULL
};


static json_t *consent_audit_shown(const consent_policy_t *policy,
    const char *lang);
static json_t *consent_audit_shown_service(const consent_policy_t *policy,
    const consent_service_t *service, const char *lang);
static int consent_audit_set_str(json_t *object, const char *name,
    const char *value);


char *
consent_audit_texts(const consent_policy_t *policy, const char *lang,
    unsigned char hash[CONSENT_AUDIT_MAC_LEN], size_t *len)
{
    char    hex[CONSENT_AUDIT_HEX_LEN + 1];
    char   *line, *text;
    size_t  n;
    json_t *shown, *root;

    shown = consent_audit_shown(policy, lang);
    if (shown == NULL) {
        return NULL;
    }

    if (consent_audit_texts_hash(shown, hash) != 0) {
        json_decref(shown);
        return NULL;
    }

    consent_hex(hash, CONSENT_AUDIT_MAC_LEN, hex);

    root = json_object();
    if (root == NULL) {
        json_decref(shown);
        return NULL;
    }

    text = NULL;

    if (json_object_set_new(root, "texts", json_string(hex)) == 0
        && json_object_set_new(root, "shown", shown) == 0)
    {
        text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    }

    json_decref(root);

    if (text == NULL) {
        return NULL;
    }

    n = strlen(text);

    line = realloc(text, n + 2);
    if (line == NULL) {
        free(text);
        return NULL;
    }

    line[n] = '\n';
    line[n + 1] = '\0';
    *len = n + 1;

    return line;
}


int
consent_audit_texts_hash(const json_t *shown,
    unsigned char hash[CONSENT_AUDIT_MAC_LEN])
{
    int            rc;
    char          *text;
    unsigned int   hash_len;

    text = json_dumps(shown, CONSENT_AUDIT_TEXTS_FLAGS);
    if (text == NULL) {
        return -1;
    }

    hash_len = CONSENT_AUDIT_MAC_LEN;

    rc = EVP_Digest(text, strlen(text), hash, &hash_len, EVP_sha256(), NULL)
         == 1 ? 0 : -1;

    free(text);

    return rc;
}


/* jansson's *_set_new() and *_append_new() release the value on failure */
static json_t *
consent_audit_shown(const consent_policy_t *policy, const char *lang)
{
    size_t                     i;
    json_t                    *shown, *texts, *categories, *services, *item;
    const char                *title;
    const consent_category_t  *cat;

    shown = json_object();
    if (shown == NULL) {
        return NULL;
    }

    if (json_object_set_new(shown, "texts", json_object()) != 0
        || json_object_set_new(shown, "categories", json_array()) != 0
        || json_object_set_new(shown, "services", json_array()) != 0
        || json_object_set_new(shown, "revision",
                               json_integer(policy->revision)) != 0
        || consent_audit_set_str(shown, "lang", lang) != 0)
    {
        goto failed;
    }

    texts = json_object_get(shown, "texts");
    categories = json_object_get(shown, "categories");
    services = json_object_get(shown, "services");

    for (i = 0; consent_audit_text_keys[i]; i++) {
        if (consent_audit_set_str(texts, consent_audit_text_keys[i],
                                  consent_render_text(policy, lang,
                                      consent_audit_text_keys[i]))
            != 0)
        {
            goto failed;
        }
    }

    for (i = 0; i < policy->ncategories; i++) {
        cat = &policy->categories[i];

        title = consent_policy_localized(policy, cat->title, lang);

        item = json_object();
        if (json_array_append_new(categories, item) != 0
            || consent_audit_set_str(item, "id", cat->id) != 0
            || json_object_set_new(item, "required",
                                   json_boolean(cat->required)) != 0
            || consent_audit_set_str(item, "title",
                                     title[0] ? title : cat->id) != 0
            || consent_audit_set_str(item, "description",
                   consent_policy_localized(policy, cat->description, lang))
               != 0)
        {
            goto failed;
        }
    }

    for (i = 0; i < policy->nservices; i++) {
        if (json_array_append_new(services,
                consent_audit_shown_service(policy, &policy->services[i],
                                            lang))
            != 0)
        {
            goto failed;
        }
    }

    return shown;

failed:

    json_decref(shown);

    return NULL;
}


static json_t *
consent_audit_shown_service(const consent_policy_t *policy,
    const consent_service_t *service, const char *lang)
{
    size_t                        k;
    json_t                       *item, *cookies, *cookie;
    const consent_cookie_decl_t  *decl;

    item = json_object();
    if (item == NULL) {
        return NULL;
    }

    if (json_object_set_new(item, "cookies", json_array()) != 0) {
        json_decref(item);
        return NULL;
    }

    cookies = json_object_get(item, "cookies");

    if (consent_audit_set_str(item, "id", service->id) != 0
        || consent_audit_set_str(item, "name", service->name ? service->name
                                                             : service->id)
           != 0
        || consent_audit_set_str(item, "category",
                   policy->categories[service->category].id) != 0
        || consent_audit_set_str(item, "provider", service->provider) != 0
        || consent_audit_set_str(item, "privacy_url", service->privacy_url)
           != 0
        || consent_audit_set_str(item, "purpose",
                   consent_policy_localized(policy, service->purpose, lang))
           != 0)
    {
        json_decref(item);
        return NULL;
    }

    for (k = 0; k < service->ncookies; k++) {
        decl = &service->cookies[k];

        cookie = json_object();
        if (json_array_append_new(cookies, cookie) != 0
            || consent_audit_set_str(cookie, "name", decl->name) != 0
            || consent_audit_set_str(cookie, "duration", decl->duration) != 0
            || consent_audit_set_str(cookie, "purpose",
                   consent_policy_localized(policy, decl->purpose, lang))
               != 0)
        {
            json_decref(item);
            return NULL;
        }
    }

    return item;
}


/* A string member; a missing value is "". */
static int
consent_audit_set_str(json_t *object, const char *name, const char *value)
{
    return json_object_set_new(object, name,
                               json_string(value ? value : ""));
}
