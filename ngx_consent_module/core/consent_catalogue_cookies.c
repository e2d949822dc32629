/*
 * The catalogue's cookie facts (Open Cookie Database: pattern, readable
 * name, retention, category) and our purposes of its entities, kept for
 * runtime: catalogue services declare them on the banner and the policy
 * page, and consent_strip_cookies recognises them.  Nearly every pattern is
 * an exact name or a prefix: those are found by a hash and by their first
 * byte, so that 1700 names cost no more than a few comparisons per cookie.
 */

#include <stdlib.h>
#include <string.h>

#include "consent_catalogue_int.h"

/* The kinds of cookie pattern. */
#define CONSENT_COOKIE_REGEX   0
#define CONSENT_COOKIE_EXACT   1
#define CONSENT_COOKIE_PREFIX  2


/*
 * The kind of an anchored pattern: "^name$" is EXACT and "^name.*$" a
 * PREFIX, their name unescaped into literal (*n bytes); anything else is
 * a REGEX.  An empty name is a REGEX too (it would match every cookie).
 */
static int
consent_cookie_kind(const char *pattern, size_t len, char *literal,
    size_t *n)
{
    int     kind;
    size_t  i;

    *n = 0;

    if (len < 3 || pattern[0] != '^' || pattern[len - 1] != '$') {
        return CONSENT_COOKIE_REGEX;
    }

    kind = CONSENT_COOKIE_EXACT;
    len--;

    if (len >= 4 && pattern[len - 2] == '.' && pattern[len - 1] == '*'
        && pattern[len - 3] != '\\')
    {
        kind = CONSENT_COOKIE_PREFIX;
        len -= 2;
    }

    for (i = 1; i < len; i++) {
        if (pattern[i] == '\\') {
            /* an escaped punctuation mark is itself; \d, \w... are not */
            if (i + 1 >= len
                || (pattern[i + 1] >= '0' && pattern[i + 1] <= '9')
                || ((pattern[i + 1] | 0x20) >= 'a'
                    && (pattern[i + 1] | 0x20) <= 'z'))
            {
                return CONSENT_COOKIE_REGEX;
            }

            literal[(*n)++] = pattern[++i];
            continue;
        }

        if (strchr(".*+?()[]{}|^$", pattern[i]) != NULL) {
            return CONSENT_COOKIE_REGEX;
        }

        literal[(*n)++] = pattern[i];
    }

    return *n > 0 ? kind : CONSENT_COOKIE_REGEX;
}


/* A string member that may be absent or null: 0 and *value, or -1. */
static int
consent_cookies_string(consent_catalogue_ctx_t *ctx, json_t *cookie,
    size_t i, size_t j, const char *key, int required, const char **value)
{
    json_t  *v;

    v = json_object_get(cookie, key);
    *value = (json_is_string(v) && json_string_length(v) > 0)
             ? json_string_value(v) : NULL;

    if (*value != NULL || (!required && (v == NULL || json_is_null(v)))) {
        return 0;
    }

    return consent_catalogue_error(ctx, "entities[%zu].cookies[%zu].%s: must "
                                 "be a non-empty string", i, j, key);
}


/* Validate an entity's purpose and cookies; adds to *ncookies, *size. */
static int
consent_cookies_check(consent_catalogue_ctx_t *ctx, json_t *entity, size_t i,
    size_t *ncookies, size_t *size)
{
    size_t       j;
    json_t      *purpose, *cookies, *cookie, *text;
    const char  *lang, *pattern, *display, *retention, *category;

    purpose = json_object_get(entity, "purpose");

    if (purpose != NULL && !json_is_null(purpose)) {
        if (!json_is_object(purpose) || json_object_size(purpose) == 0) {
            return consent_catalogue_error(ctx, "entities[%zu].purpose: must "
                                         "be {\"<language>\": \"<text>\"}",
                                         i);
        }

        json_object_foreach(purpose, lang, text) {
            if (!json_is_string(text) || json_string_length(text) == 0) {
                return consent_catalogue_error(ctx, "entities[%zu].purpose.%s:"
                                             " must be a non-empty string",
                                             i, lang);
            }
        }
    }

    cookies = json_object_get(entity, "cookies");
    if (cookies == NULL) {
        return 0;
    }

    if (!json_is_array(cookies)) {
        return consent_catalogue_error(ctx, "entities[%zu].cookies: must be "
                                     "an array of {\"pattern\", \"display\","
                                     " ...}", i);
    }

    json_array_foreach(cookies, j, cookie) {
        if (!json_is_object(cookie)) {
            return consent_catalogue_error(ctx, "entities[%zu].cookies[%zu]: "
                                         "must be an object", i, j);
        }

        if (consent_cookies_string(ctx, cookie, i, j, "pattern", 1,
                                   &pattern) != 0
            || consent_cookies_string(ctx, cookie, i, j, "display", 1,
                                      &display) != 0
            || consent_cookies_string(ctx, cookie, i, j, "retention", 0,
                                      &retention) != 0
            || consent_cookies_string(ctx, cookie, i, j, "category", 0,
                                      &category) != 0)
        {
            return -1;
        }

        /* pattern, its literal, display, retention */
        *size += 2 * (strlen(pattern) + 1) + strlen(display) + 1
                 + (retention ? strlen(retention) + 1 : 0);
        (*ncookies)++;
    }

    return 0;
}


/* Copy a string into the arena at *p; returns the copy (NULL for NULL). */
static const char *
consent_cookies_copy(char **p, const char *s)
{
    char    *copy;
    size_t   len;

    if (s == NULL) {
        return NULL;
    }

    len = strlen(s);
    copy = *p;
    memcpy(copy, s, len + 1);
    *p += len + 1;

    return copy;
}


static int
consent_cookie_key_cmp(const void *a, const void *b)
{
    const consent_cookie_key_t  *x = a, *y = b;

    if (x->hash != y->hash) {
        return x->hash < y->hash ? -1 : 1;
    }

    if (x->entity != y->entity) {
        return x->entity < y->entity ? -1 : 1;
    }

    return (x->cookie > y->cookie) - (x->cookie < y->cookie);
}


/* One cookie of entity i: its declaration and, unless necessary, its key. */
static int
consent_cookies_add(consent_catalogue_ctx_t *ctx, consent_catalogue_t *cat,
    json_t *cookie, size_t i, size_t j, char **p)
{
    int                     kind, errcode;
    char                   *literal, reason[256];
    size_t                  n;
    uint32_t                captures;
    PCRE2_SIZE              offset;
    const char             *category;
    consent_cookie_key_t   *key;
    consent_cookie_decl_t  *decl;

    decl = &cat->cookies[cat->ncookies];

    decl->name = consent_cookies_copy(p, json_string_value(
                                             json_object_get(cookie,
                                                             "pattern")));
    decl->label = consent_cookies_copy(p, json_string_value(
                                                json_object_get(cookie,
                                                                "display")));
    decl->duration = consent_cookies_copy(p, json_string_value(
                                                 json_object_get(cookie,
                                                                 "retention")));

    /* the OCD's words that are no duration are shown as written */
    if (decl->duration != NULL) {
        (void) consent_policy_duration(decl->duration, &decl->retention);
    }

    literal = *p;
    kind = consent_cookie_kind(decl->name, strlen(decl->name), literal, &n);

    cat->ncookies++;

    /* exact names and prefixes are found by key: no regex to compile */
    if (kind == CONSENT_COOKIE_REGEX) {
        decl->re = pcre2_compile((PCRE2_SPTR) decl->name, strlen(decl->name),
                                 0, &errcode, &offset, NULL);
        if (decl->re == NULL) {
            pcre2_get_error_message(errcode, (PCRE2_UCHAR *) reason,
                                    sizeof(reason));
            return consent_catalogue_error(ctx, "entities[%zu].cookies[%zu]."
                                         "pattern: at offset %zu: %s", i, j,
                                         (size_t) offset, reason);
        }

        if (pcre2_pattern_info(decl->re, PCRE2_INFO_CAPTURECOUNT,
                               &captures) != 0 || captures != 0)
        {
            return consent_catalogue_error(ctx, "entities[%zu].cookies[%zu]."
                                         "pattern: must have no capturing "
                                         "group", i, j);
        }

        (void) pcre2_jit_compile(decl->re, PCRE2_JIT_COMPLETE);
        n = 0;
    }

    category = json_string_value(json_object_get(cookie, "category"));
    if (category != NULL && strcmp(category, "necessary") == 0) {
        return 0;
    }

    if (kind == CONSENT_COOKIE_EXACT) {
        key = &cat->exact[cat->nexact++];
        key->hash = consent_catalogue_hash((unsigned char *) literal, n);

    } else if (kind == CONSENT_COOKIE_PREFIX) {
        key = &cat->prefixes[cat->nprefixes++];
        key->hash = (unsigned char) literal[0];

    } else {
        key = &cat->regexes[cat->nregexes++];
        key->hash = 0;
    }

    literal[n] = '\0';
    *p += n + 1;

    key->name = literal;
    key->len = (uint32_t) n;
    key->entity = (uint32_t) i;
    key->cookie = (uint32_t) j;

    return 0;
}


/* A smaller block for n keys; the larger one stays if realloc fails. */
static void
consent_cookie_keys_shrink(consent_cookie_key_t **keys, size_t n)
{
    consent_cookie_key_t  *smaller;

    smaller = realloc(*keys, (n ? n : 1) * sizeof(consent_cookie_key_t));
    if (smaller != NULL) {
        *keys = smaller;
    }
}


int
consent_catalogue_load_cookies(consent_catalogue_t *cat, json_t *entities,
    const char *name, char *err, size_t errlen)
{
    char                   *p;
    size_t                  i, j, n, size;
    json_t                 *entity, *purpose, *cookie;
    consent_entity_t       *e;
    consent_catalogue_ctx_t   ctx;

    ctx.name = name;
    ctx.err = err;
    ctx.errlen = errlen;

    n = 0;
    size = 1;

    json_array_foreach(entities, i, entity) {
        if (consent_cookies_check(&ctx, entity, i, &n, &size) != 0) {
            return -1;
        }
    }

    cat->cookies = calloc(n ? n : 1, sizeof(consent_cookie_decl_t));
    cat->exact = calloc(n ? n : 1, sizeof(consent_cookie_key_t));
    cat->prefixes = calloc(n ? n : 1, sizeof(consent_cookie_key_t));
    cat->regexes = calloc(n ? n : 1, sizeof(consent_cookie_key_t));
    cat->cookie_strings = malloc(size);

    if (cat->cookies == NULL || cat->exact == NULL || cat->prefixes == NULL
        || cat->regexes == NULL || cat->cookie_strings == NULL)
    {
        return consent_catalogue_error(&ctx, "out of memory");
    }

    p = cat->cookie_strings;

    json_array_foreach(entities, i, entity) {
        e = &cat->entities[i];

        purpose = json_object_get(entity, "purpose");
        if (json_is_object(purpose)) {
            /* the JSON is freed after loading: the purpose is kept alone */
            e->purpose = json_deep_copy(purpose);
            if (e->purpose == NULL) {
                return consent_catalogue_error(&ctx, "out of memory");
            }
        }

        e->cookies = &cat->cookies[cat->ncookies];

        json_array_foreach(json_object_get(entity, "cookies"), j, cookie) {
            if (consent_cookies_add(&ctx, cat, cookie, i, j, &p) != 0) {
                return -1;
            }

            e->ncookies++;
        }
    }

    /* each kind was given room for every cookie: keep what it uses */
    consent_cookie_keys_shrink(&cat->exact, cat->nexact);
    consent_cookie_keys_shrink(&cat->prefixes, cat->nprefixes);
    consent_cookie_keys_shrink(&cat->regexes, cat->nregexes);

    qsort(cat->exact, cat->nexact, sizeof(consent_cookie_key_t),
          consent_cookie_key_cmp);
    qsort(cat->prefixes, cat->nprefixes, sizeof(consent_cookie_key_t),
          consent_cookie_key_cmp);

    return 0;
}


void
consent_catalogue_free_cookies(consent_catalogue_t *cat)
{
    size_t  i;

    for (i = 0; i < cat->nentities; i++) {
        json_decref(cat->entities[i].purpose);
    }

    for (i = 0; i < cat->ncookies; i++) {
        pcre2_code_free(cat->cookies[i].re);
    }

    free(cat->cookies);
    free(cat->exact);
    free(cat->prefixes);
    free(cat->regexes);
    free(cat->cookie_strings);
}


/* The first key of that hash in a sorted array (n if none). */
static size_t
consent_cookie_keys_find(const consent_cookie_key_t *keys, size_t n,
    uint32_t hash)
{
    size_t  lo, hi, mid;

    lo = 0;
    hi = n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;

        if (keys[mid].hash < hash) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }

    return lo;
}


int
consent_catalogue_cookie_entity(const consent_catalogue_t *cat,
    const char *name, size_t len, pcre2_match_data *match_data,
    consent_cookie_accept_pt accept, void *data)
{
    size_t                       i;
    uint32_t                     best, hash;
    const consent_cookie_key_t  *key;
    const consent_cookie_decl_t *decl;

    best = UINT32_MAX;

    /* keys of one hash are sorted by entity: the first accepted is best */
    hash = consent_catalogue_hash((const unsigned char *) name, len);

    for (i = consent_cookie_keys_find(cat->exact, cat->nexact, hash);
         i < cat->nexact && cat->exact[i].hash == hash;
         i++)
    {
        key = &cat->exact[i];

        if (key->len == len && memcmp(key->name, name, len) == 0
            && accept(data, key->entity))
        {
            best = key->entity;
            break;
        }
    }

    if (len > 0) {
        hash = (unsigned char) name[0];

        for (i = consent_cookie_keys_find(cat->prefixes, cat->nprefixes,
                                          hash);
             i < cat->nprefixes && cat->prefixes[i].hash == hash
             && cat->prefixes[i].entity < best;
             i++)
        {
            key = &cat->prefixes[i];

            if (key->len <= len && memcmp(key->name, name, key->len) == 0
                && accept(data, key->entity))
            {
                best = key->entity;
                break;
            }
        }
    }

    for (i = 0; i < cat->nregexes && cat->regexes[i].entity < best; i++) {
        key = &cat->regexes[i];
        decl = &cat->entities[key->entity].cookies[key->cookie];

        if (pcre2_match(decl->re, (PCRE2_SPTR) name, len, 0, 0, match_data,
                        NULL) >= 0
            && accept(data, key->entity))
        {
            best = key->entity;
            break;
        }
    }

    return best == UINT32_MAX ? -1 : (int) best;
}
