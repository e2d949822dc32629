/*
 * Loading and validation of the consent policy: the JSON is parsed with
 * jansson, every value is checked against the schema of docs/policy.md and
 * every pattern is compiled with PCRE2 (JIT where available).  Errors name
 * the file, the line and column of the offending value and what to do.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "consent_policy_int.h"
#include "consent_file.h"

/* A policy file larger than this is surely not a policy. */
#define CONSENT_POLICY_MAX_SIZE  (16 * 1024 * 1024)



static const char *consent_policy_top_keys[] = {
    "revision", "default_language", "controller", "categories", "services",
    "texts", "consent_mode", "extends", "entities", "first_party", "theme",
    "sections", "audit_retention", "regions", "vendor_signals", NULL
};

static const char *consent_policy_controller_keys[] = {
    "name", "email", "address", "phone", "url", "dpo_name", "dpo_email",
    "supervisory_authority", NULL
};

static const char *consent_policy_category_keys[] = {
    "id", "required", "gpc", "opt_out", "title", "description", NULL
};

static const char *consent_policy_service_keys[] = {
    "id", "name", "category", "provider", "privacy_url", "purpose", "match",
    "cookies", "country", "transfer", NULL
};

static const char *consent_policy_match_keys[] = { "src", "inline", NULL };

static const char *consent_policy_cookie_keys[] = {
    "name", "label", "duration", "purpose", NULL
};

/* Texts every language must have; the optional ones follow in the list. */
#define CONSENT_POLICY_TEXTS_REQUIRED  7

static const char *consent_policy_text_keys[] = {
    "title", "body", "accept_all", "reject_all", "customize", "save",
    "policy_link",
    "settings", "preferences_title", "close", "privacy_title",
    "cookies_title", "always_on", "services_title", "controller_title",
    "current_choice", "withdraw", "provider", "cookie_name",
    "cookie_duration", "cookie_purpose", "privacy_url", "no_decision",
    "granted", "denied", "preferences_body", "service", "purpose",
    "cookies", "gpc_notice", "page_intro", "consent_id", "no_services",
    "privacy_choices", "do_not_sell", "opt_out_honored", "notice_title",
    "notice_body", "notice_ok", "placeholder_body", "load_once",
    "always_allow",
    NULL
};

/* Google Consent Mode v2 signals. */
static const char *consent_policy_signal_keys[] = {
    "ad_storage", "ad_user_data", "ad_personalization", "analytics_storage",
    "functionality_storage", "personalization_storage", "security_storage",
    NULL
};

/* Ids that would collide with $consent_id, $consent_status, ... */
static const char *consent_policy_reserved_ids[] = {
    "id", "status", "gpc", "region", "mode", "decided", NULL
};


void
consent_policy_push_key(consent_policy_ctx_t *ctx, const char *key)
{
    ctx->path[ctx->depth].key = key;
    ctx->path[ctx->depth].index = 0;
    ctx->depth++;
}


void
consent_policy_push_index(consent_policy_ctx_t *ctx, size_t index)
{
    ctx->path[ctx->depth].key = NULL;
    ctx->path[ctx->depth].index = index;
    ctx->depth++;
}


void
consent_policy_pop(consent_policy_ctx_t *ctx)
{
    ctx->depth--;
}


/* "services[3].match.src[2]", or "service "x": match.src[2]" once known. */
static void
consent_policy_path_text(consent_policy_ctx_t *ctx, char *buf, size_t size)
{
    int     n;
    size_t  i, used;

    buf[0] = '\0';
    used = 0;
    i = 0;

    if (ctx->service != NULL && ctx->depth >= 2) {
        n = snprintf(buf, size, "service \"%s\"", ctx->service);
        used = (n < 0) ? 0 : ((size_t) n < size ? (size_t) n : size - 1);
        i = 2;

        if (i < ctx->depth && used < size) {
            n = snprintf(buf + used, size - used, ": ");
            used += (n < 0) ? 0 : (size_t) n;
        }
    }

    for ( /* void */ ; i < ctx->depth && used < size; i++) {
        if (ctx->path[i].key == NULL) {
            n = snprintf(buf + used, size - used, "[%zu]",
                         ctx->path[i].index);

        } else {
            n = snprintf(buf + used, size - used, "%s%s",
                         (used == 0 || buf[used - 1] == ' ') ? "" : ".",
                         ctx->path[i].key);
        }

        used += (n < 0) ? 0 : (size_t) n;
    }
}


/* Write "NAME:LINE:COLUMN: path: message" into err; returns -1. */
int
consent_policy_error(consent_policy_ctx_t *ctx, const char *fmt, ...)
{
    int       n;
    char      where[48], path[256];
    size_t    used;
    va_list   args;
    unsigned  line, column;

    where[0] = '\0';

    if (ctx->text != NULL
        && consent_policy_locate(ctx->text, ctx->len, ctx->path, ctx->depth,
                                 &line, &column)
           == 0)
    {
        snprintf(where, sizeof(where), ":%u:%u", line, column);
    }

    consent_policy_path_text(ctx, path, sizeof(path));

    n = snprintf(ctx->err, ctx->errlen, "%s%s: %s%s", ctx->name, where, path,
                 path[0] ? ": " : "");
    if (n < 0 || (size_t) n >= ctx->errlen) {
        return -1;
    }

    used = (size_t) n;

    va_start(args, fmt);
    vsnprintf(ctx->err + used, ctx->errlen - used, fmt, args);
    va_end(args);

    return -1;
}


int
consent_policy_no_memory(consent_policy_ctx_t *ctx)
{
    snprintf(ctx->err, ctx->errlen, "%s: out of memory", ctx->name);
    return -1;
}


static int
consent_policy_in_list(const char *key, const char **list)
{
    size_t  i;

    for (i = 0; list[i] != NULL; i++) {
        if (strcmp(key, list[i]) == 0) {
            return 1;
        }
    }

    return 0;
}


static void
consent_policy_list_text(const char **list, char *buf, size_t size)
{
    int     n;
    size_t  i, used;

    buf[0] = '\0';
    used = 0;

    for (i = 0; list[i] != NULL && used < size; i++) {
        n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", list[i]);
        used += (n < 0) ? 0 : (size_t) n;
    }
}


/* "necessary, analytics, marketing": for errors naming the known ids. */
void
consent_policy_category_list(consent_policy_t *policy, char *buf,
    size_t size)
{
    int     n;
    size_t  i, used;

    buf[0] = '\0';
    used = 0;

    for (i = 0; i < policy->ncategories && used < size; i++) {
        n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                     policy->categories[i].id);
        used += (n < 0) ? 0 : (size_t) n;
    }
}


/* Reject unknown keys (typos); keys starting with "_" or "$" are comments. */
int
consent_policy_check_keys(consent_policy_ctx_t *ctx, json_t *object,
    const char **known)
{
    char         list[512];
    json_t      *value;
    const char  *key;

    json_object_foreach(object, key, value) {
        (void) value;

        if (key[0] == '_' || key[0] == '$'
            || consent_policy_in_list(key, known))
        {
            continue;
        }

        consent_policy_list_text(known, list, sizeof(list));
        consent_policy_push_key(ctx, key);

        return consent_policy_error(ctx, "unknown key (known: %s; keys "
                                    "starting with \"_\" or \"$\" are "
                                    "comments)", list);
    }

    return 0;
}


/* Get a member that must be an object; NULL with err set when it is not. */
static json_t *
consent_policy_get_object(consent_policy_ctx_t *ctx, json_t *parent,
    const char *key, int required, int *failed)
{
    json_t  *value;

    *failed = 0;
    value = json_object_get(parent, key);

    if (value == NULL) {
        if (required) {
            *failed = 1;
            consent_policy_error(ctx, "missing \"%s\" (an object)", key);
        }

        return NULL;
    }

    if (!json_is_object(value)) {
        *failed = 1;
        consent_policy_push_key(ctx, key);
        consent_policy_error(ctx, "must be an object");
        consent_policy_pop(ctx);
        return NULL;
    }

    return value;
}


/* A member that must be a non-empty string; NULL with err set otherwise. */
static const char *
consent_policy_get_string(consent_policy_ctx_t *ctx, json_t *parent,
    const char *key, int required, int *failed)
{
    json_t  *value;

    *failed = 0;
    value = json_object_get(parent, key);

    if (value == NULL) {
        if (required) {
            *failed = 1;
            consent_policy_error(ctx, "missing \"%s\" (a string)", key);
        }

        return NULL;
    }

    if (!json_is_string(value) || json_string_length(value) == 0) {
        *failed = 1;
        consent_policy_push_key(ctx, key);
        consent_policy_error(ctx, "must be a non-empty string");
        consent_policy_pop(ctx);
        return NULL;
    }

    return json_string_value(value);
}


/* An optional boolean member; -1 with err set when it is something else. */
static int
consent_policy_get_bool(consent_policy_ctx_t *ctx, json_t *parent,
    const char *key)
{
    json_t  *value;

    value = json_object_get(parent, key);

    if (value == NULL) {
        return 0;
    }

    if (!json_is_boolean(value)) {
        consent_policy_push_key(ctx, key);
        consent_policy_error(ctx, "must be true or false");
        consent_policy_pop(ctx);
        return -1;
    }

    return json_is_true(value);
}


/* A BCP 47 language tag as used here: "en", "de-AT", "zh-Hant-TW". */
static int
consent_policy_valid_language(const char *tag)
{
    size_t  n, i;

    for (n = 0; tag[n] >= 'a' && tag[n] <= 'z'; n++) { /* void */ }

    if (n < 2 || n > 3) {
        return 0;
    }

    i = n;

    while (tag[i] == '-') {
        i++;

        for (n = 0; (tag[i] >= 'a' && tag[i] <= 'z')
                    || (tag[i] >= 'A' && tag[i] <= 'Z')
                    || (tag[i] >= '0' && tag[i] <= '9'); n++, i++)
        { /* void */ }

        if (n < 1 || n > 8) {
            return 0;
        }
    }

    return tag[i] == '\0';
}


/* ^[a-z][a-z0-9_]{0,31}$: usable in "$consent_<id>" and in the cookie. */
static int
consent_policy_valid_category_id(const char *id)
{
    size_t  i;

    if (!(id[0] >= 'a' && id[0] <= 'z')) {
        return 0;
    }

    for (i = 1; id[i] != '\0'; i++) {
        if (i > 31
            || !((id[i] >= 'a' && id[i] <= 'z')
                 || (id[i] >= '0' && id[i] <= '9') || id[i] == '_'))
        {
            return 0;
        }
    }

    return 1;
}


/* ^[a-z0-9][a-z0-9_.-]{0,63}$: safe in HTML attributes and in logs. */
static int
consent_policy_valid_service_id(const char *id)
{
    size_t  i;

    for (i = 0; id[i] != '\0'; i++) {
        if (i > 63
            || !((id[i] >= 'a' && id[i] <= 'z')
                 || (id[i] >= '0' && id[i] <= '9')
                 || (i > 0 && (id[i] == '_' || id[i] == '.'
                               || id[i] == '-'))))
        {
            return 0;
        }
    }

    return i > 0;
}


/* {"en": "...", "de": "..."}: languages of texts, the default one present. */
int
consent_policy_check_localized(consent_policy_ctx_t *ctx, json_t *parent,
    const char *key, int required, json_t **out)
{
    json_t      *localized, *value;
    const char  *lang;

    *out = NULL;
    localized = json_object_get(parent, key);

    if (localized == NULL) {
        if (!required) {
            return 0;
        }

        return consent_policy_error(ctx, "missing \"%s\" (an object of texts "
                                    "by language, e.g. {\"%s\": \"...\"})",
                                    key, ctx->policy->default_language);
    }

    consent_policy_push_key(ctx, key);

    if (!json_is_object(localized)) {
        return consent_policy_error(ctx, "must be an object of texts by "
                                    "language, e.g. {\"%s\": \"...\"}",
                                    ctx->policy->default_language);
    }

    json_object_foreach(localized, lang, value) {
        if (lang[0] == '_' || lang[0] == '$') {
            continue;
        }

        consent_policy_push_key(ctx, lang);

        if (json_object_get(ctx->policy->texts, lang) == NULL) {
            return consent_policy_error(ctx, "language \"%s\" has no texts "
                                        "(add texts.%s or remove this)",
                                        lang, lang);
        }

        if (!json_is_string(value) || json_string_length(value) == 0) {
            return consent_policy_error(ctx, "must be a non-empty string");
        }

        consent_policy_pop(ctx);
    }

    if (json_object_get(localized, ctx->policy->default_language) == NULL) {
        return consent_policy_error(ctx, "no text for the default language "
                                    "\"%s\"",
                                    ctx->policy->default_language);
    }

    consent_policy_pop(ctx);
    *out = localized;

    return 0;
}


static int
consent_policy_check_revision(consent_policy_ctx_t *ctx, json_t *root)
{
    json_t     *value;
    json_int_t  revision;

    value = json_object_get(root, "revision");

    if (value == NULL) {
        return consent_policy_error(ctx, "missing \"revision\" (a positive "
                                    "integer; increase it when the policy "
                                    "changes)");
    }

    consent_policy_push_key(ctx, "revision");

    if (!json_is_integer(value)) {
        return consent_policy_error(ctx, "must be a positive integer, "
                                    "e.g. 1");
    }

    revision = json_integer_value(value);

    if (revision < 1 || revision > (json_int_t) UINT32_MAX) {
        return consent_policy_error(ctx, "must be a positive integer "
                                    "below 4294967296, not %"
                                    JSON_INTEGER_FORMAT, revision);
    }

    consent_policy_pop(ctx);
    ctx->policy->revision = (uint32_t) revision;

    return 0;
}


static int
consent_policy_check_texts(consent_policy_ctx_t *ctx, json_t *root)
{
    int                failed;
    size_t             i, n;
    json_t            *texts, *language;
    const char        *lang, *key, *other;
    consent_policy_t  *policy;

    policy = ctx->policy;

    policy->default_language = consent_policy_get_string(ctx, root,
                                                         "default_language",
                                                         1, &failed);
    if (failed) {
        return -1;
    }

    texts = consent_policy_get_object(ctx, root, "texts", 1, &failed);
    if (failed) {
        return -1;
    }

    policy->texts = texts;

    n = json_object_size(texts);
    policy->languages = calloc(n ? n : 1, sizeof(const char *));
    if (policy->languages == NULL) {
        return consent_policy_no_memory(ctx);
    }

    consent_policy_push_key(ctx, "texts");

    json_object_foreach(texts, lang, language) {
        if (lang[0] == '_' || lang[0] == '$') {
            continue;
        }

        consent_policy_push_key(ctx, lang);

        if (!consent_policy_valid_language(lang)) {
            return consent_policy_error(ctx, "\"%s\" is not a language tag "
                                        "(like \"en\" or \"de-AT\")", lang);
        }

        for (i = 0; i < policy->nlanguages; i++) {
            if (strcasecmp(policy->languages[i], lang) == 0) {
                return consent_policy_error(ctx, "language \"%s\" appears "
                                            "twice (as \"%s\")", lang,
                                            policy->languages[i]);
            }
        }

        if (!json_is_object(language)) {
            return consent_policy_error(ctx, "must be an object of texts "
                                        "(title, body, accept_all, ...)");
        }

        if (consent_policy_check_keys(ctx, language, consent_policy_text_keys)
            != 0)
        {
            return -1;
        }

        for (i = 0; consent_policy_text_keys[i] != NULL; i++) {
            key = consent_policy_text_keys[i];

            if (json_object_get(language, key) == NULL) {
                if (i < CONSENT_POLICY_TEXTS_REQUIRED) {
                    return consent_policy_error(ctx, "missing \"%s\" (a "
                                                "string)", key);
                }

                continue;
            }

            if (consent_policy_get_string(ctx, language, key, 1, &failed)
                == NULL)
            {
                return -1;
            }
        }

        /* The default language goes first. */
        if (strcmp(lang, policy->default_language) == 0) {
            for (i = policy->nlanguages; i > 0; i--) {
                policy->languages[i] = policy->languages[i - 1];
            }

            policy->languages[0] = lang;

        } else {
            policy->languages[policy->nlanguages] = lang;
        }

        policy->nlanguages++;
        consent_policy_pop(ctx);
    }

    if (policy->nlanguages == 0) {
        return consent_policy_error(ctx, "must have the texts of at least "
                                    "the default language \"%s\"",
                                    policy->default_language);
    }

    consent_policy_pop(ctx);

    if (json_object_get(texts, policy->default_language) == NULL) {
        other = policy->languages[0];
        consent_policy_push_key(ctx, "default_language");

        return consent_policy_error(ctx, "\"%s\" has no texts (add "
                                    "texts.%s, or use a language of texts "
                                    "such as \"%s\")",
                                    policy->default_language,
                                    policy->default_language, other);
    }

    return 0;
}


static int
consent_policy_check_controller(consent_policy_ctx_t *ctx, json_t *root)
{
    int          failed;
    size_t       i;
    json_t      *controller;
    const char  *key;

    controller = consent_policy_get_object(ctx, root, "controller", 0,
                                           &failed);
    if (controller == NULL) {
        return failed ? -1 : 0;
    }

    ctx->policy->controller = controller;
    consent_policy_push_key(ctx, "controller");

    if (consent_policy_check_keys(ctx, controller,
                                  consent_policy_controller_keys)
        != 0)
    {
        return -1;
    }

    if (consent_policy_get_string(ctx, controller, "name", 1, &failed)
        == NULL)
    {
        return -1;
    }

    for (i = 0; consent_policy_controller_keys[i] != NULL; i++) {
        key = consent_policy_controller_keys[i];

        if (strcmp(key, "supervisory_authority") == 0) {
            continue;   /* an object: consent_policy_check_notice() */
        }

        consent_policy_get_string(ctx, controller, key, 0, &failed);
        if (failed) {
            return -1;
        }
    }

    consent_policy_pop(ctx);

    return 0;
}


static int
consent_policy_check_category(consent_policy_ctx_t *ctx, json_t *object,
    consent_category_t *category)
{
    int                failed;
    size_t             i;
    consent_policy_t  *policy;

    policy = ctx->policy;

    if (!json_is_object(object)) {
        return consent_policy_error(ctx, "must be an object with \"id\", "
                                    "\"title\" and \"description\"");
    }

    if (consent_policy_check_keys(ctx, object, consent_policy_category_keys)
        != 0)
    {
        return -1;
    }

    category->id = consent_policy_get_string(ctx, object, "id", 1, &failed);
    if (failed) {
        return -1;
    }

    consent_policy_push_key(ctx, "id");

    if (!consent_policy_valid_category_id(category->id)) {
        return consent_policy_error(ctx, "\"%s\" is not a valid category id "
                                    "(a lowercase letter, then up to 31 "
                                    "lowercase letters, digits or \"_\")",
                                    category->id);
    }

    if (consent_policy_in_list(category->id, consent_policy_reserved_ids)) {
        return consent_policy_error(ctx, "\"%s\" is reserved (it would "
                                    "collide with the variable "
                                    "$consent_%s); choose another id",
                                    category->id, category->id);
    }

    if (strncmp(category->id, "service_", sizeof("service_") - 1) == 0) {
        return consent_policy_error(ctx, "\"%s\" is reserved (it would "
                                    "collide with the variables "
                                    "$consent_service_<id>); choose another "
                                    "id", category->id);
    }

    for (i = 0; i < policy->ncategories; i++) {
        if (strcmp(policy->categories[i].id, category->id) == 0) {
            return consent_policy_error(ctx, "duplicate category id \"%s\" "
                                        "(also categories[%zu])",
                                        category->id, i);
        }
    }

    consent_policy_pop(ctx);

    category->required = consent_policy_get_bool(ctx, object, "required");
    if (category->required < 0) {
        return -1;
    }

    category->gpc = consent_policy_get_bool(ctx, object, "gpc");
    if (category->gpc < 0) {
        return -1;
    }

    category->opt_out = consent_policy_get_bool(ctx, object, "opt_out");
    if (category->opt_out < 0) {
        return -1;
    }

    if (category->required && category->opt_out) {
        consent_policy_push_key(ctx, "opt_out");
        return consent_policy_error(ctx, "a required category cannot be "
                                    "opted out of; remove \"opt_out\" or "
                                    "\"required\"");
    }

    if (category->required && category->gpc) {
        consent_policy_push_key(ctx, "gpc");
        return consent_policy_error(ctx, "a required category cannot be "
                                    "refused under Global Privacy Control; "
                                    "remove \"gpc\" or \"required\"");
    }

    if (consent_policy_check_localized(ctx, object, "title", 1,
                                       &category->title)
        != 0
        || consent_policy_check_localized(ctx, object, "description", 1,
                                          &category->description)
           != 0)
    {
        return -1;
    }

    return 0;
}


static int
consent_policy_check_categories(consent_policy_ctx_t *ctx, json_t *root)
{
    size_t              i, n;
    json_t             *categories;
    consent_mask_t      bit;
    consent_policy_t   *policy;
    consent_category_t *category;

    policy = ctx->policy;
    categories = json_object_get(root, "categories");

    if (categories == NULL) {
        return consent_policy_error(ctx, "missing \"categories\" (an array "
                                    "of 1 to %d categories)",
                                    CONSENT_MAX_CATEGORIES);
    }

    consent_policy_push_key(ctx, "categories");

    n = json_is_array(categories) ? json_array_size(categories) : 0;

    if (!json_is_array(categories) || n == 0 || n > CONSENT_MAX_CATEGORIES) {
        return consent_policy_error(ctx, "must be an array of 1 to %d "
                                    "categories (has %zu)",
                                    CONSENT_MAX_CATEGORIES, n);
    }

    policy->categories = calloc(n, sizeof(consent_category_t));
    if (policy->categories == NULL) {
        return consent_policy_no_memory(ctx);
    }

    for (i = 0; i < n; i++) {
        category = &policy->categories[i];

        consent_policy_push_index(ctx, i);

        if (consent_policy_check_category(ctx,
                                          json_array_get(categories, i),
                                          category)
            != 0)
        {
            return -1;
        }

        consent_policy_pop(ctx);

        bit = (consent_mask_t) 1 << i;
        policy->all_mask |= bit;

        if (category->required) {
            policy->required_mask |= bit;
        }

        if (category->gpc) {
            policy->gpc_mask |= bit;
        }

        if (category->opt_out) {
            policy->opt_out_mask |= bit;
        }

        policy->ncategories++;
    }

    consent_policy_pop(ctx);

    return 0;
}


/* Compile one pattern; the error names its offset and PCRE2's reason. */
static pcre2_code *
consent_policy_compile(consent_policy_ctx_t *ctx, json_t *value)
{
    int          errcode;
    char         reason[256];
    uint32_t     captures;
    PCRE2_SIZE   offset;
    pcre2_code  *code;

    if (!json_is_string(value) || json_string_length(value) == 0) {
        consent_policy_error(ctx, "must be a non-empty string (a regular "
                             "expression)");
        return NULL;
    }

    code = pcre2_compile((PCRE2_SPTR) json_string_value(value),
                         json_string_length(value), 0, &errcode, &offset,
                         NULL);
    if (code == NULL) {
        pcre2_get_error_message(errcode, (PCRE2_UCHAR *) reason,
                                sizeof(reason));
        consent_policy_error(ctx, "at offset %zu: %s", (size_t) offset,
                             reason);
        return NULL;
    }

    /* Without JIT (unsupported, or no executable memory) PCRE2 interprets. */
    (void) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);

    if (pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &captures) == 0
        && captures > ctx->max_captures)
    {
        ctx->max_captures = captures;
    }

    return code;
}


/* Compile match.src or match.inline of a service into codes and set. */
static int
consent_policy_check_patterns(consent_policy_ctx_t *ctx, json_t *match,
    const char *key, pcre2_code ***codes, size_t *ncodes,
    consent_pattern_set_t *set, consent_pattern_builder_t *builder)
{
    size_t   i, n;
    json_t  *patterns, *value;

    patterns = json_object_get(match, key);

    if (patterns == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, key);

    if (!json_is_array(patterns)) {
        return consent_policy_error(ctx, "must be an array of regular "
                                    "expressions");
    }

    n = json_array_size(patterns);
    if (n == 0) {
        consent_policy_pop(ctx);
        return 0;
    }

    *codes = calloc(n, sizeof(pcre2_code *));
    if (*codes == NULL) {
        return consent_policy_no_memory(ctx);
    }

    for (i = 0; i < n; i++) {
        value = json_array_get(patterns, i);

        consent_policy_push_index(ctx, i);

        (*codes)[i] = consent_policy_compile(ctx, value);
        if ((*codes)[i] == NULL) {
            return -1;
        }

        (*ncodes)++;

        if (consent_pattern_set_add(set, builder, (*codes)[i],
                                    ctx->service_index,
                                    json_string_value(value),
                                    json_string_length(value))
            != 0)
        {
            return consent_policy_no_memory(ctx);
        }

        consent_policy_pop(ctx);
    }

    consent_policy_pop(ctx);

    return 0;
}


static int
consent_policy_check_cookies(consent_policy_ctx_t *ctx, json_t *object,
    consent_service_t *service)
{
    int                     failed;
    size_t                  i, n;
    json_t                 *cookies, *cookie;
    consent_cookie_decl_t  *decl;

    cookies = json_object_get(object, "cookies");

    if (cookies == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, "cookies");

    if (!json_is_array(cookies)) {
        return consent_policy_error(ctx, "must be an array of {\"name\", "
                                    "\"duration\", \"purpose\"} objects");
    }

    n = json_array_size(cookies);
    if (n == 0) {
        consent_policy_pop(ctx);
        return 0;
    }

    service->cookies = calloc(n, sizeof(consent_cookie_decl_t));
    if (service->cookies == NULL) {
        return consent_policy_no_memory(ctx);
    }

    for (i = 0; i < n; i++) {
        cookie = json_array_get(cookies, i);
        decl = &service->cookies[i];

        consent_policy_push_index(ctx, i);

        if (!json_is_object(cookie)) {
            return consent_policy_error(ctx, "must be an object with "
                                        "\"name\", \"duration\" and "
                                        "\"purpose\"");
        }

        if (consent_policy_check_keys(ctx, cookie, consent_policy_cookie_keys)
            != 0)
        {
            return -1;
        }

        if (json_object_get(cookie, "name") == NULL) {
            return consent_policy_error(ctx, "missing \"name\" (a regular "
                                        "expression over cookie names, "
                                        "e.g. \"^_ga$\")");
        }

        consent_policy_push_key(ctx, "name");

        decl->name = json_string_value(json_object_get(cookie, "name"));
        decl->re = consent_policy_compile(ctx, json_object_get(cookie,
                                                               "name"));
        if (decl->re == NULL) {
            return -1;
        }

        service->ncookies++;

        if (consent_pattern_set_add(&ctx->policy->matcher->cookie_set,
                                    &ctx->cookie, decl->re,
                                    ctx->service_index,
                                    decl->name, strlen(decl->name))
            != 0)
        {
            return consent_policy_no_memory(ctx);
        }

        consent_policy_pop(ctx);

        decl->duration = consent_policy_get_string(ctx, cookie, "duration",
                                                   1, &failed);
        if (failed) {
            return -1;
        }

        /* free text that is no duration is shown as written */
        (void) consent_policy_duration(decl->duration, &decl->retention);

        decl->label = consent_policy_get_string(ctx, cookie, "label", 0,
                                                &failed);
        if (failed) {
            return -1;
        }

        if (consent_policy_check_localized(ctx, cookie, "purpose", 1,
                                           &decl->purpose)
            != 0)
        {
            return -1;
        }

        consent_policy_pop(ctx);
    }

    consent_policy_pop(ctx);

    return 0;
}


static int
consent_policy_check_service(consent_policy_ctx_t *ctx, json_t *object,
    consent_service_t *service)
{
    int                failed, category;
    size_t             i;
    char               list[512];
    json_t            *match;
    const char        *id;
    consent_policy_t  *policy;

    policy = ctx->policy;

    if (!json_is_object(object)) {
        return consent_policy_error(ctx, "must be an object with \"id\", "
                                    "\"name\", \"category\" and "
                                    "\"provider\"");
    }

    service->id = consent_policy_get_string(ctx, object, "id", 1, &failed);
    if (failed) {
        return -1;
    }

    consent_policy_push_key(ctx, "id");

    if (!consent_policy_valid_service_id(service->id)) {
        return consent_policy_error(ctx, "\"%s\" is not a valid service id "
                                    "(a lowercase letter or digit, then up "
                                    "to 63 lowercase letters, digits, "
                                    "\"_\", \".\" or \"-\")", service->id);
    }

    for (i = 0; i < ctx->service_index; i++) {
        if (strcmp(policy->services[i].id, service->id) == 0) {
            return consent_policy_error(ctx, "duplicate service id \"%s\" "
                                        "(also services[%zu])",
                                        service->id, i);
        }
    }

    consent_policy_pop(ctx);
    ctx->service = service->id;

    if (consent_policy_check_keys(ctx, object, consent_policy_service_keys)
        != 0)
    {
        return -1;
    }

    service->name = consent_policy_get_string(ctx, object, "name", 1,
                                              &failed);
    if (failed) {
        return -1;
    }

    id = consent_policy_get_string(ctx, object, "category", 1, &failed);
    if (failed) {
        return -1;
    }

    category = consent_policy_category(policy, id, strlen(id));

    if (category < 0) {
        consent_policy_category_list(policy, list, sizeof(list));
        consent_policy_push_key(ctx, "category");

        return consent_policy_error(ctx, "unknown category \"%s\" (known: "
                                    "%s)", id, list);
    }

    service->category = (unsigned) category;

    service->provider = consent_policy_get_string(ctx, object, "provider", 1,
                                                  &failed);
    if (failed) {
        return -1;
    }

    service->privacy_url = consent_policy_get_string(ctx, object,
                                                     "privacy_url", 0,
                                                     &failed);
    if (failed) {
        return -1;
    }

    if (service->privacy_url != NULL
        && strncmp(service->privacy_url, "https://", 8) != 0
        && strncmp(service->privacy_url, "http://", 7) != 0)
    {
        consent_policy_push_key(ctx, "privacy_url");
        return consent_policy_error(ctx, "must be an absolute http(s) URL, "
                                    "not \"%s\"", service->privacy_url);
    }

    if (consent_policy_check_localized(ctx, object, "purpose", 0,
                                       &service->purpose)
        != 0)
    {
        return -1;
    }

    service->country = consent_policy_get_string(ctx, object, "country", 0,
                                                 &failed);
    if (failed
        || consent_policy_check_localized(ctx, object, "transfer", 0,
                                          &service->transfer)
           != 0)
    {
        return -1;
    }

    match = consent_policy_get_object(ctx, object, "match", 0, &failed);
    if (failed) {
        return -1;
    }

    if (match != NULL) {
        consent_policy_push_key(ctx, "match");

        if (consent_policy_check_keys(ctx, match, consent_policy_match_keys)
            != 0
            || consent_policy_check_patterns(ctx, match, "src",
                                             &service->src, &service->nsrc,
                                             &policy->matcher->src_set,
                                             &ctx->src)
               != 0
            || consent_policy_check_patterns(ctx, match, "inline",
                                             &service->inl, &service->ninl,
                                             &policy->matcher->inline_set,
                                             &ctx->inl)
               != 0)
        {
            return -1;
        }

        consent_policy_pop(ctx);
    }

    if (consent_policy_check_cookies(ctx, object, service) != 0) {
        return -1;
    }

    ctx->service = NULL;

    return 0;
}


static int
consent_policy_check_services(consent_policy_ctx_t *ctx, json_t *root)
{
    size_t             i, n;
    json_t            *services;
    consent_policy_t  *policy;

    policy = ctx->policy;
    services = json_object_get(root, "services");

    if (services == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, "services");

    if (!json_is_array(services)) {
        return consent_policy_error(ctx, "must be an array of services");
    }

    n = json_array_size(services);
    if (n == 0) {
        consent_policy_pop(ctx);
        return 0;
    }

    policy->services = calloc(n, sizeof(consent_service_t));
    if (policy->services == NULL) {
        return consent_policy_no_memory(ctx);
    }

    for (i = 0; i < n; i++) {
        consent_policy_push_index(ctx, i);

        /* counted first: free() must see the partly built service */
        policy->nservices++;
        policy->ndeclared++;
        ctx->service_index = (unsigned) i;
        policy->services[i].entity = -1;

        if (consent_policy_check_service(ctx, json_array_get(services, i),
                                         &policy->services[i])
            != 0)
        {
            return -1;
        }

        consent_policy_pop(ctx);
    }

    consent_policy_pop(ctx);

    return 0;
}


/* A Consent Mode category: the id of a category of the policy. */
static int
consent_policy_check_signal_category(consent_policy_ctx_t *ctx,
    json_t *value)
{
    char         list[512];
    const char  *id;

    if (!json_is_string(value)) {
        return consent_policy_error(ctx, "must be a category id, an array "
                                    "of category ids (granted when all "
                                    "are) or true (always granted)");
    }

    id = json_string_value(value);

    if (consent_policy_category(ctx->policy, id, strlen(id)) < 0) {
        consent_policy_category_list(ctx->policy, list, sizeof(list));
        return consent_policy_error(ctx, "unknown category \"%s\" (known: "
                                    "%s)", id, list);
    }

    return 0;
}


/*
 * "vendor_signals": ["clarity", "uet", "meta"]: those vendors get the
 * Consent Mode signals they read (ad_storage, analytics_storage).
 */
static int
consent_policy_check_vendor_signals(consent_policy_ctx_t *ctx, json_t *root)
{
    size_t   i, v;
    json_t  *vendors, *item;

    static const char  *names[] = { "clarity", "uet", "meta" };

    vendors = json_object_get(root, "vendor_signals");
    if (vendors == NULL) {
        return 0;
    }

    consent_policy_push_key(ctx, "vendor_signals");

    if (!json_is_array(vendors)) {
        return consent_policy_error(ctx, "must be an array of \"clarity\", "
                                    "\"uet\" and \"meta\"");
    }

    if (ctx->policy->consent_mode == NULL) {
        return consent_policy_error(ctx, "needs \"consent_mode\": the "
                                    "vendors get its ad_storage and "
                                    "analytics_storage signals");
    }

    json_array_foreach(vendors, i, item) {
        for (v = 0; v < sizeof(names) / sizeof(names[0]); v++) {
            if (json_is_string(item)
                && strcmp(json_string_value(item), names[v]) == 0)
            {
                break;
            }
        }

        if (v == sizeof(names) / sizeof(names[0])) {
            consent_policy_push_index(ctx, i);
            return consent_policy_error(ctx, "must be \"clarity\", "
                                        "\"uet\" or \"meta\"");
        }

        ctx->policy->vendor_signals |= 1u << v;
    }

    consent_policy_pop(ctx);

    return 0;
}


static int
consent_policy_check_consent_mode(consent_policy_ctx_t *ctx, json_t *root)
{
    int          failed;
    char         list[512];
    size_t       i;
    json_t      *mode, *value, *item;
    const char  *signal;

    mode = consent_policy_get_object(ctx, root, "consent_mode", 0, &failed);
    if (mode == NULL) {
        return failed ? -1 : 0;
    }

    ctx->policy->consent_mode = mode;
    consent_policy_push_key(ctx, "consent_mode");

    json_object_foreach(mode, signal, value) {
        if (signal[0] == '_' || signal[0] == '$') {
            continue;
        }

        consent_policy_push_key(ctx, signal);

        if (!consent_policy_in_list(signal, consent_policy_signal_keys)) {
            consent_policy_list_text(consent_policy_signal_keys, list,
                                     sizeof(list));
            return consent_policy_error(ctx, "unknown Consent Mode signal "
                                        "(known: %s)", list);
        }

        if (json_is_true(value)) {
            consent_policy_pop(ctx);
            continue;
        }

        if (!json_is_array(value)) {
            if (consent_policy_check_signal_category(ctx, value) != 0) {
                return -1;
            }

            consent_policy_pop(ctx);
            continue;
        }

        if (json_array_size(value) == 0) {
            return consent_policy_error(ctx, "an empty array grants nothing "
                                        "ever: name categories, or remove "
                                        "the signal to keep it denied");
        }

        json_array_foreach(value, i, item) {
            consent_policy_push_index(ctx, i);

            if (consent_policy_check_signal_category(ctx, item) != 0) {
                return -1;
            }

            consent_policy_pop(ctx);
        }

        consent_policy_pop(ctx);
    }

    consent_policy_pop(ctx);

    return 0;
}


static uint32_t
consent_policy_max(uint32_t pairs, size_t alternatives)
{
    return (alternatives > pairs) ? (uint32_t) alternatives : pairs;
}


static int
consent_policy_check(consent_policy_ctx_t *ctx, json_t *root)
{
    uint32_t            pairs;
    consent_matcher_t  *matcher;

    if (!json_is_object(root)) {
        return consent_policy_error(ctx, "the policy must be a JSON object");
    }

    if (consent_policy_check_keys(ctx, root, consent_policy_top_keys) != 0
        || consent_policy_check_revision(ctx, root) != 0
        || consent_policy_check_texts(ctx, root) != 0
        || consent_policy_check_controller(ctx, root) != 0
        || consent_policy_check_categories(ctx, root) != 0
        || consent_policy_check_services(ctx, root) != 0
        || consent_policy_check_catalogue(ctx, root) != 0
        || consent_policy_hash_services(ctx) != 0
        || consent_policy_check_consent_mode(ctx, root) != 0
        || consent_policy_check_notice(ctx, root) != 0
        || consent_policy_check_vendor_signals(ctx, root) != 0
        || consent_policy_check_regions(ctx, root) != 0)
    {
        return -1;
    }

    matcher = ctx->policy->matcher;

    if (consent_pattern_set_finish(&matcher->src_set, &ctx->src) != 0
        || consent_pattern_set_finish(&matcher->inline_set, &ctx->inl) != 0
        || consent_pattern_set_finish(&matcher->cookie_set, &ctx->cookie) != 0)
    {
        return consent_policy_no_memory(ctx);
    }

    /* the combined alternations have one group per alternative */
    pairs = ctx->max_captures;
    pairs = consent_policy_max(pairs, matcher->src_set.nalternatives);
    pairs = consent_policy_max(pairs, matcher->inline_set.nalternatives);
    pairs = consent_policy_max(pairs, matcher->cookie_set.nalternatives);
    pairs++;

    matcher->match_data = pcre2_match_data_create(pairs, NULL);
    if (matcher->match_data == NULL) {
        return consent_policy_no_memory(ctx);
    }

    return 0;
}


static consent_policy_t *
consent_policy_parse(const char *data, size_t len, const char *name,
    const consent_catalogue_t *catalogue, char *err, size_t errlen)
{
    json_t                *root;
    json_error_t           error;
    consent_policy_t      *policy;
    consent_policy_ctx_t   ctx;

    memset(&ctx, 0, sizeof(ctx));
    ctx.name = name;
    ctx.err = err;
    ctx.errlen = errlen;
    ctx.catalogue = catalogue;

    root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &error);
    if (root == NULL) {
        snprintf(err, errlen, "%s:%d:%d: invalid JSON: %s", name, error.line,
                 error.column, error.text);
        return NULL;
    }

    policy = calloc(1, sizeof(consent_policy_t));
    if (policy == NULL) {
        json_decref(root);
        consent_policy_no_memory(&ctx);
        return NULL;
    }

    policy->root = root;

    policy->matcher = calloc(1, sizeof(consent_matcher_t));
    if (policy->matcher == NULL) {
        consent_policy_free(policy);
        consent_policy_no_memory(&ctx);
        return NULL;
    }

    ctx.policy = policy;
    ctx.text = data;
    ctx.len = len;

    if (consent_policy_check(&ctx, root) != 0) {
        consent_pattern_builder_free(&ctx.src);
        consent_pattern_builder_free(&ctx.inl);
        consent_pattern_builder_free(&ctx.cookie);
        consent_policy_free(policy);
        return NULL;
    }

    return policy;
}


consent_policy_t *
consent_policy_load_buffer(const char *data, size_t len, const char *name,
    const consent_catalogue_t *catalogue, char *err, size_t errlen)
{
    char              *p;
    consent_policy_t  *policy;

    policy = consent_policy_parse(data, len, name, catalogue, err, errlen);

    /* messages quote the file (jansson's "near '...'", ids): keep one line */
    if (policy == NULL && errlen > 0) {
        for (p = err; *p; p++) {
            if ((unsigned char) *p < 0x20 || *p == 0x7f) {
                *p = '?';
            }
        }
    }

    return policy;
}


consent_policy_t *
consent_policy_load_file(const char *path,
    const consent_catalogue_t *catalogue, char *err, size_t errlen)
{
    char              *data;
    size_t             len;
    consent_policy_t  *policy;

    data = consent_file_read(path, CONSENT_POLICY_MAX_SIZE, &len, err,
                             errlen);
    if (data == NULL) {
        return NULL;
    }

    policy = consent_policy_load_buffer(data, len, path, catalogue, err,
                                        errlen);

    free(data);

    return policy;
}


void
consent_policy_free(consent_policy_t *policy)
{
    size_t              i, j;
    consent_service_t  *service;

    if (policy == NULL) {
        return;
    }

    for (i = 0; i < policy->nservices; i++) {
        service = &policy->services[i];

        for (j = 0; j < service->nsrc; j++) {
            pcre2_code_free(service->src[j]);
        }

        for (j = 0; j < service->ninl; j++) {
            pcre2_code_free(service->inl[j]);
        }

        free(service->src);
        free(service->inl);

        if (service->catalogue_cookies) {
            continue;
        }

        for (j = 0; j < service->ncookies; j++) {
            pcre2_code_free(service->cookies[j].re);
        }

        free(service->cookies);
    }

    if (policy->matcher) {
        consent_pattern_set_free(&policy->matcher->src_set);
        consent_pattern_set_free(&policy->matcher->inline_set);
        consent_pattern_set_free(&policy->matcher->cookie_set);

        pcre2_match_data_free(policy->matcher->match_data);
        free(policy->matcher->src_memo);
        free(policy->matcher->class_memo);
        free(policy->matcher->inline_memo);
        free(policy->matcher);
    }

    free(policy->services);
    free(policy->entity_service);
    consent_domains_free(&policy->first_party);
    consent_regions_free(&policy->regions);
    free(policy->categories);
    free(policy->languages);

    json_decref(policy->root);
    free(policy);
}
