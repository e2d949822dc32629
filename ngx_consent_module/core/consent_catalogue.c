/*
 * The tracker catalogue (see consent_catalogue.h): loading catalogue.json,
 * the domain hash table, the inline host-token finder and the signature
 * search.  The catalogue is generated (tools/catalogue), so its errors name
 * the JSON path, not a line: they are bugs of the generator.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "consent_catalogue_int.h"
#include "consent_file.h"

/* A catalogue file larger than this is surely not one. */
#define CONSENT_CATALOGUE_MAX_SIZE  (64 * 1024 * 1024)


uint32_t
consent_catalogue_hash(const unsigned char *p, size_t len)
{
    size_t    i;
    uint32_t  h;

    h = 2166136261u;

    for (i = 0; i < len; i++) {
        h = (h ^ p[i]) * 16777619u;
    }

    return h;
}


/* The slot of a name, or the empty slot where it would go. */
static consent_domain_slot_t *
consent_domains_slot(const consent_domains_t *table, const unsigned char *p,
    size_t len, uint32_t hash)
{
    size_t                  i;
    consent_domain_slot_t  *slot;

    for (i = hash & table->mask; /* void */ ; i = (i + 1) & table->mask) {
        slot = &table->slots[i];

        if (slot->name == 0
            || (slot->hash == hash && slot->len == len
                && memcmp(table->names + slot->name, p, len) == 0))
        {
            return slot;
        }
    }
}


static int
consent_domains_grow(consent_domains_t *table)
{
    size_t                  i, size;
    consent_domain_slot_t  *old, *slot;

    old = table->slots;
    size = old ? 2 * (table->mask + 1) : 64;

    table->slots = calloc(size, sizeof(consent_domain_slot_t));
    if (table->slots == NULL) {
        table->slots = old;
        return -1;
    }

    if (old == NULL) {
        table->mask = size - 1;
        return 0;
    }

    for (i = 0; i <= table->mask; i++) {
        if (old[i].name == 0) {
            continue;
        }

        /* every name is distinct: the first empty slot is its place */
        slot = &table->slots[old[i].hash & (size - 1)];
        while (slot->name != 0) {
            slot = &table->slots[(size_t) (slot - table->slots + 1)
                                 & (size - 1)];
        }

        *slot = old[i];
    }

    free(old);
    table->mask = size - 1;

    return 0;
}


int
consent_domains_add(consent_domains_t *table, const char *pattern,
    size_t len, int value, int *previous)
{
    int                     wild;
    char                   *names;
    size_t                  i, cap;
    uint32_t                hash;
    unsigned char           c, name[256];
    consent_domain_slot_t  *slot;

    wild = len > 2 && pattern[0] == '*' && pattern[1] == '.';
    if (wild) {
        pattern += 2;
        len -= 2;
    }

    if (len == 0 || len >= sizeof(name) || pattern[0] == '.'
        || pattern[len - 1] == '.')
    {
        return CONSENT_DOMAINS_INVALID;
    }

    for (i = 0; i < len; i++) {
        c = (unsigned char) pattern[i];

        if (c >= 'A' && c <= 'Z') {
            c += 32;
        }

        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
              || c == '_' || (c == '.' && pattern[i - 1] != '.')))
        {
            return CONSENT_DOMAINS_INVALID;
        }

        name[i] = c;
    }

    if ((table->count + 1) * 2 > table->mask + 1 || table->slots == NULL) {
        if (consent_domains_grow(table) != 0) {
            return CONSENT_DOMAINS_NOMEM;
        }
    }

    hash = consent_catalogue_hash(name, len);
    slot = consent_domains_slot(table, name, len, hash);

    if (slot->name != 0) {
        if ((wild ? slot->wild : slot->exact) >= 0) {
            *previous = wild ? slot->wild : slot->exact;
            return CONSENT_DOMAINS_DUPLICATE;
        }

        if (wild) {
            slot->wild = value;
        } else {
            slot->exact = value;
        }

        return 0;
    }

    /* offset 0 marks empty slots: names start at 1 */
    if (table->names_len + len + 2 > table->names_cap) {
        cap = table->names_cap ? 2 * table->names_cap : 4096;
        while (cap < table->names_len + len + 2) {
            cap *= 2;
        }

        names = realloc(table->names, cap);
        if (names == NULL) {
            return CONSENT_DOMAINS_NOMEM;
        }

        table->names = names;
        table->names_cap = cap;

        if (table->names_len == 0) {
            table->names[0] = '\0';
            table->names_len = 1;
        }
    }

    slot->hash = hash;
    slot->name = (uint32_t) table->names_len;
    slot->len = (uint32_t) len;
    slot->exact = wild ? -1 : value;
    slot->wild = wild ? value : -1;

    memcpy(table->names + table->names_len, name, len);
    table->names[table->names_len + len] = '\0';
    table->names_len += len + 1;
    table->count++;

    return 0;
}


int
consent_domains_lookup(const consent_domains_t *table,
    const unsigned char *host, size_t len)
{
    size_t                        i;
    const consent_domain_slot_t  *slot;

    if (table->slots == NULL) {
        return -1;
    }

    /* the host, then each parent: "a.b.c", "b.c", "c" */
    for (i = 0; i < len; /* void */ ) {
        slot = consent_domains_slot(table, host + i, len - i,
                                    consent_catalogue_hash(host + i, len - i));

        if (slot->name != 0) {
            if (i == 0 && slot->exact >= 0) {
                return slot->exact;
            }

            if (slot->wild >= 0) {
                return slot->wild;
            }
        }

        while (i < len && host[i] != '.') {
            i++;
        }

        i++;
    }

    return -1;
}


void
consent_domains_free(consent_domains_t *table)
{
    free(table->slots);
    free(table->names);
    memset(table, 0, sizeof(consent_domains_t));
}


/* Loading. */


int
consent_catalogue_error(consent_catalogue_ctx_t *ctx, const char *fmt, ...)
{
    int      n;
    va_list  args;

    n = snprintf(ctx->err, ctx->errlen, "%s: ", ctx->name);
    if (n < 0 || (size_t) n >= ctx->errlen) {
        return -1;
    }

    va_start(args, fmt);
    vsnprintf(ctx->err + n, ctx->errlen - (size_t) n, fmt, args);
    va_end(args);

    return -1;
}


/*
 * A string member: 0 and *value, or -1.  An optional one may be absent,
 * null or "" (*value NULL); a required one must be a non-empty string.
 */
static int
consent_catalogue_string(consent_catalogue_ctx_t *ctx, json_t *object,
    size_t index, const char *key, int required, const char **value)
{
    json_t  *v;

    v = json_object_get(object, key);
    *value = (json_is_string(v) && json_string_length(v) > 0)
             ? json_string_value(v) : NULL;

    if (*value != NULL
        || (!required && (v == NULL || json_is_null(v) || json_is_string(v))))
    {
        return 0;
    }

    return consent_catalogue_error(ctx, "entities[%zu].%s: must be a%s "
                                   "string", index, key,
                                   required ? " non-empty" : "");
}


/*
 * Each signature is found by three of its bytes, its anchor: the scan
 * tests one bit per byte of text (a 16-bit hash of the three bytes there,
 * computed as consent_catalogue_signatures() rolls them along) and looks
 * further only on a hit.  The anchor is the signature's least
 * common-looking three bytes ("._t" of "window._taboola", not "win"):
 * punctuation and capitals are rarer in code than lowercase letters.
 */
static uint16_t
consent_signature_hash(const unsigned char *p)
{
    return (uint16_t) (((uint32_t) p[0] | (uint32_t) p[1] << 8
                        | (uint32_t) p[2] << 16)
                       * 2654435761u >> 16);
}


static size_t
consent_signature_anchor(const unsigned char *p, size_t len)
{
    size_t  i, j, best, score, best_score;

    best = 0;
    best_score = 0;

    for (i = 0; i + 3 <= len; i++) {
        score = 0;

        for (j = i; j < i + 3; j++) {
            score += (p[j] >= 'a' && p[j] <= 'z') ? 0
                     : ((p[j] >= 'A' && p[j] <= 'Z')
                        || (p[j] >= '0' && p[j] <= '9')) ? 1 : 2;
        }

        if (score > best_score) {
            best = i;
            best_score = score;
        }
    }

    return best;
}


static int
consent_catalogue_signature_cmp(const void *a, const void *b)
{
    const consent_signature_t  *x = a, *y = b;

    if (x->hash != y->hash) {
        return x->hash < y->hash ? -1 : 1;
    }

    /* stable by entity: the earlier entity is reported first */
    return (x->entity > y->entity) - (x->entity < y->entity);
}


static int
consent_catalogue_entity_fields(consent_catalogue_ctx_t *ctx,
    json_t *object, size_t i, consent_entity_t *entity)
{
    size_t       j;
    const char  *c;
    json_t      *value;

    if (!json_is_object(object)) {
        return consent_catalogue_error(ctx, "entities[%zu]: must be an "
                                       "object", i);
    }

    if (consent_catalogue_string(ctx, object, i, "id", 1, &entity->id) != 0
        || consent_catalogue_string(ctx, object, i, "name", 1,
                                    &entity->name) != 0
        || consent_catalogue_string(ctx, object, i, "company", 0,
                                    &entity->company) != 0
        || consent_catalogue_string(ctx, object, i, "category", 0,
                                    &entity->category) != 0
        || consent_catalogue_string(ctx, object, i, "homepage", 0,
                                    &entity->homepage) != 0
        || consent_catalogue_string(ctx, object, i, "privacy_url", 0,
                                    &entity->privacy_url) != 0)
    {
        return -1;
    }

    for (c = entity->id; *c; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')
              || *c == '-'))
        {
            return consent_catalogue_error(ctx, "entities[%zu].id: \"%s\" "
                                           "is not a slug ([a-z0-9-]+)", i,
                                           entity->id);
        }
    }

    if (i > 0 && strcmp(entity[-1].id, entity->id) >= 0) {
        return consent_catalogue_error(ctx, "entities[%zu].id: \"%s\" is "
                                       "not after \"%s\" (entities are "
                                       "sorted by unique id)", i,
                                       entity->id, entity[-1].id);
    }

    value = json_object_get(object, "domains");
    if (!json_is_array(value)) {
        return consent_catalogue_error(ctx, "entities[%zu].domains: must be "
                                       "an array of domains", i);
    }

    for (j = 0; j < json_array_size(value); j++) {
        if (!json_is_string(json_array_get(value, j))) {
            return consent_catalogue_error(ctx, "entities[%zu].domains[%zu]:"
                                           " must be a string", i, j);
        }
    }

    value = json_object_get(object, "signatures");
    if (value != NULL && !json_is_array(value)) {
        return consent_catalogue_error(ctx, "entities[%zu].signatures: must "
                                       "be an array of strings", i);
    }

    for (j = 0; value != NULL && j < json_array_size(value); j++) {
        if (!json_is_string(json_array_get(value, j))
            || json_string_length(json_array_get(value, j)) < 3)
        {
            return consent_catalogue_error(ctx, "entities[%zu].signatures"
                                           "[%zu]: must be a string of at "
                                           "least 3 bytes", i, j);
        }
    }

    return 0;
}


/* Copy a string into the arena at *p; returns the copy. */
static const char *
consent_catalogue_copy(char **p, const char *s, size_t len)
{
    char  *copy;

    if (s == NULL) {
        return NULL;
    }

    copy = *p;
    memcpy(copy, s, len);
    copy[len] = '\0';
    *p += len + 1;

    return copy;
}


/*
 * The strings the entities and signatures point to, moved out of the
 * parsed JSON into one block: the JSON is then freed, which leaves a
 * tenth of the memory (cookie facts and purposes are copied out too, by
 * consent_catalogue_cookies.c).
 */
static int
consent_catalogue_own_strings(consent_catalogue_ctx_t *ctx,
    consent_catalogue_t *cat)
{
    char                 *p;
    size_t                i, size;
    consent_entity_t     *e;
    consent_signature_t  *sig;

#define consent_len(s)  ((s) ? strlen(s) + 1 : 0)

    size = 1;

    for (i = 0; i < cat->nentities; i++) {
        e = &cat->entities[i];
        size += consent_len(e->id) + consent_len(e->name)
                + consent_len(e->company) + consent_len(e->category)
                + consent_len(e->homepage) + consent_len(e->privacy_url);
    }

    for (i = 0; i < cat->nsignatures; i++) {
        size += cat->signatures[i].len + 1;
    }

#undef consent_len

    cat->strings = malloc(size);
    if (cat->strings == NULL) {
        return consent_catalogue_error(ctx, "out of memory");
    }

    p = cat->strings;

    for (i = 0; i < cat->nentities; i++) {
        e = &cat->entities[i];
        e->id = consent_catalogue_copy(&p, e->id, strlen(e->id));
        e->name = consent_catalogue_copy(&p, e->name, strlen(e->name));

        if (e->company) {
            e->company = consent_catalogue_copy(&p, e->company,
                                                strlen(e->company));
        }

        if (e->category) {
            e->category = consent_catalogue_copy(&p, e->category,
                                                 strlen(e->category));
        }

        if (e->homepage) {
            e->homepage = consent_catalogue_copy(&p, e->homepage,
                                                 strlen(e->homepage));
        }

        if (e->privacy_url) {
            e->privacy_url = consent_catalogue_copy(&p, e->privacy_url,
                                                    strlen(e->privacy_url));
        }
    }

    for (i = 0; i < cat->nsignatures; i++) {
        sig = &cat->signatures[i];
        sig->text = consent_catalogue_copy(&p, sig->text, sig->len);
    }

    return 0;
}


static int
consent_catalogue_build(consent_catalogue_ctx_t *ctx,
    consent_catalogue_t *cat, json_t *root)
{
    int                   rc, previous;
    size_t                i, j, n, nsig;
    json_t               *entities, *object, *list, *value;
    consent_signature_t  *sig;

    if (!json_is_object(root)
        || !json_is_integer(json_object_get(root, "format"))
        || json_integer_value(json_object_get(root, "format")) != 1)
    {
        return consent_catalogue_error(ctx, "not a catalogue of format 1 "
                                       "(\"format\": 1); regenerate it with "
                                       "make catalogue");
    }

    entities = json_object_get(root, "entities");
    if (!json_is_array(entities)) {
        return consent_catalogue_error(ctx, "\"entities\" must be an array");
    }

    n = json_array_size(entities);

    cat->entities = calloc(n ? n : 1, sizeof(consent_entity_t));
    if (cat->entities == NULL) {
        return consent_catalogue_error(ctx, "out of memory");
    }

    nsig = 0;

    for (i = 0; i < n; i++) {
        object = json_array_get(entities, i);

        if (consent_catalogue_entity_fields(ctx, object, i,
                                            &cat->entities[i])
            != 0)
        {
            return -1;
        }

        cat->nentities++;

        list = json_object_get(object, "domains");

        json_array_foreach(list, j, value) {
            rc = consent_domains_add(&cat->domains, json_string_value(value),
                                     json_string_length(value), (int) i,
                                     &previous);

            if (rc == CONSENT_DOMAINS_NOMEM) {
                return consent_catalogue_error(ctx, "out of memory");
            }

            if (rc == CONSENT_DOMAINS_INVALID) {
                return consent_catalogue_error(ctx, "entities[%zu].domains"
                                               "[%zu]: \"%s\" is not a "
                                               "domain or \"*.\" and a "
                                               "domain", i, j,
                                               json_string_value(value));
            }

            if (rc == CONSENT_DOMAINS_DUPLICATE) {
                return consent_catalogue_error(ctx, "entities[%zu].domains"
                                               "[%zu]: \"%s\" belongs to "
                                               "\"%s\" already", i, j,
                                               json_string_value(value),
                                               cat->entities[previous].id);
            }
        }

        nsig += json_array_size(json_object_get(object, "signatures"));
    }

    cat->signatures = calloc(nsig ? nsig : 1, sizeof(consent_signature_t));
    if (cat->signatures == NULL) {
        return consent_catalogue_error(ctx, "out of memory");
    }

    for (i = 0; i < n; i++) {
        list = json_object_get(json_array_get(entities, i), "signatures");

        json_array_foreach(list, j, value) {
            sig = &cat->signatures[cat->nsignatures++];
            sig->text = json_string_value(value);
            sig->len = json_string_length(value);
            sig->anchor = consent_signature_anchor(
                              (const unsigned char *) sig->text, sig->len);
            sig->hash = consent_signature_hash(
                              (const unsigned char *) sig->text + sig->anchor);
            sig->entity = (unsigned) i;
            cat->hashes[sig->hash >> 3] |= (uint8_t) (1u << (sig->hash
                                                                  & 7));
        }
    }

    qsort(cat->signatures, cat->nsignatures, sizeof(consent_signature_t),
          consent_catalogue_signature_cmp);

    if (consent_catalogue_load_cookies(cat, entities, ctx->name, ctx->err,
                                       ctx->errlen)
        != 0)
    {
        return -1;
    }

    return consent_catalogue_own_strings(ctx, cat);
}


consent_catalogue_t *
consent_catalogue_load_buffer(const char *data, size_t len,
    const char *name, char *err, size_t errlen)
{
    int                       rc;
    json_t                   *root;
    json_error_t              error;
    consent_catalogue_t      *cat;
    consent_catalogue_ctx_t   ctx;

    ctx.name = name;
    ctx.err = err;
    ctx.errlen = errlen;

    cat = calloc(1, sizeof(consent_catalogue_t));
    if (cat == NULL) {
        consent_catalogue_error(&ctx, "out of memory");
        return NULL;
    }

    root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &error);
    if (root == NULL) {
        snprintf(err, errlen, "%s:%d:%d: invalid JSON: %s", name, error.line,
                 error.column, error.text);
        free(cat);
        return NULL;
    }

    rc = consent_catalogue_build(&ctx, cat, root);
    json_decref(root);

    if (rc != 0) {
        consent_catalogue_free(cat);
        return NULL;
    }

    return cat;
}


consent_catalogue_t *
consent_catalogue_load_file(const char *path, char *err, size_t errlen)
{
    char                 *data;
    size_t                len;
    consent_catalogue_t  *cat;

    data = consent_file_read(path, CONSENT_CATALOGUE_MAX_SIZE, &len, err,
                             errlen);
    if (data == NULL) {
        return NULL;
    }

    cat = consent_catalogue_load_buffer(data, len, path, err, errlen);
    free(data);

    return cat;
}


void
consent_catalogue_free(consent_catalogue_t *catalogue)
{
    if (catalogue == NULL) {
        return;
    }

    consent_catalogue_free_cookies(catalogue);
    consent_domains_free(&catalogue->domains);
    free(catalogue->entities);
    free(catalogue->signatures);
    free(catalogue->strings);
    free(catalogue);
}


int
consent_catalogue_entity(const consent_catalogue_t *catalogue,
    const char *id, size_t len)
{
    int          cmp;
    size_t       lo, hi, mid;
    const char  *e;

    lo = 0;
    hi = catalogue->nentities;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        e = catalogue->entities[mid].id;

        cmp = strncmp(e, id, len);
        if (cmp == 0 && e[len] != '\0') {
            cmp = 1;
        }

        if (cmp == 0) {
            return (int) mid;
        }

        if (cmp < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }

    return -1;
}


int
consent_catalogue_lookup(const consent_catalogue_t *catalogue,
    const unsigned char *host, size_t len)
{
    return consent_domains_lookup(&catalogue->domains, host, len);
}


/* Inline text. */

/* Bytes of a host token: ASCII letters, digits, "-", ".". */
static const unsigned char  consent_host_char[256] = {
    ['-'] = 1, ['.'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1
};


/* Bytes that may start a host token: "//", "\/\/" and quotes. */
static const unsigned char  consent_token_start[256] = {
    ['/'] = 1, ['\\'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1
};


/* A dot, no empty label, and a last label of two letters at least. */
static int
consent_inline_host_shape(const unsigned char *p, size_t len)
{
    size_t  i, letters;

    if (len < 4 || p[0] == '.' || p[len - 1] == '.') {
        return 0;
    }

    for (i = len, letters = 0; i > 0 && p[i - 1] != '.'; i--) {
        if (((p[i - 1] | 0x20) < 'a' || (p[i - 1] | 0x20) > 'z')) {
            return 0;
        }

        letters++;
    }

    if (i == 0 || letters < 2) {
        return 0;
    }

    for (i = 1; i < len; i++) {
        if (p[i] == '.' && p[i - 1] == '.') {
            return 0;
        }
    }

    return 1;
}


/* Whether the last byte before i that is not white space is a '+'. */
static int
consent_inline_after_plus(const unsigned char *text, size_t i)
{
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'
                     || text[i - 1] == '\n' || text[i - 1] == '\r'))
    {
        i--;
    }

    return i > 0 && text[i - 1] == '+';
}


size_t
consent_inline_host_next(const unsigned char *text, size_t len,
    size_t *pos, const unsigned char **host)
{
    int            quoted;
    size_t         i, start, end;
    unsigned char  c, quote;

    for (i = *pos; i < len; i++) {

        /* most bytes start nothing */
        while (i < len && !consent_token_start[text[i]]) {
            i++;
        }

        if (i == len) {
            break;
        }

        c = text[i];

        if (c == '/' && i + 1 < len && text[i + 1] == '/') {
            start = i + 2;
            quoted = 0;

        } else if (c == '\\' && i + 3 < len && text[i + 1] == '/'
                   && text[i + 2] == '\\' && text[i + 3] == '/')
        {
            start = i + 4;
            quoted = 0;

        } else if (c == '"' || c == '\'' || c == '`') {
            start = i + 1;
            quoted = 1;

        } else {
            continue;
        }

        quote = c;

        for (end = start; end < len && consent_host_char[text[end]]; end++) {
            /* void */
        }

        /* a quoted token ends its string or starts a path or a port */
        if (quoted && !(end < len && (text[end] == quote || text[end] == '/'
                                      || text[end] == ':')))
        {
            continue;
        }

        /* "http://pixel" + ".quantserve.com/a.js": the rest of a host
           split by concatenation, read when a path follows it */
        if (quoted && text[start] == '.' && text[end] == '/'
            && consent_inline_after_plus(text, i))
        {
            start++;
        }

        if (!consent_inline_host_shape(text + start, end - start)) {
            i = end > start ? end - 1 : i;
            continue;
        }

        *pos = end;
        *host = text + start;

        return end - start;
    }

    *pos = len;

    return 0;
}


/* Bytes that continue a JavaScript identifier (ASCII; UTF-8 as such). */
static const unsigned char  consent_js_ident[256] = {
    ['$'] = 1, ['_'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    [0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
};


int
consent_catalogue_signatures(const consent_catalogue_t *catalogue,
    const unsigned char *text, size_t len, consent_signature_pt found,
    void *data)
{
    int                         rc;
    size_t                      i, lo, hi, mid, start;
    uint16_t                    hash;
    uint32_t                    v;
    const consent_signature_t  *sig;

    if (catalogue->nsignatures == 0 || len < 3) {
        return 0;
    }

    /* the three bytes at i, rolled along: one load per byte */
    v = (uint32_t) text[0] << 8 | (uint32_t) text[1] << 16;

    for (i = 0; i + 2 < len; i++) {
        v = v >> 8 | (uint32_t) text[i + 2] << 16;
        hash = (uint16_t) (v * 2654435761u >> 16);

        if (!(catalogue->hashes[hash >> 3] & (1u << (hash & 7)))) {
            continue;
        }

        /* the first signature of that hash */
        lo = 0;
        hi = catalogue->nsignatures;

        while (lo < hi) {
            mid = lo + (hi - lo) / 2;

            if (catalogue->signatures[mid].hash < hash) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }

        for (sig = &catalogue->signatures[lo];
             sig < catalogue->signatures + catalogue->nsignatures
             && sig->hash == hash;
             sig++)
        {
            if (i < sig->anchor || sig->len > len - (i - sig->anchor)) {
                continue;
            }

            start = i - sig->anchor;

            /* "fbq(" is not in "myfbq(": identifiers match whole */
            if (start > 0 && consent_js_ident[text[start - 1]]
                && consent_js_ident[(unsigned char) sig->text[0]])
            {
                continue;
            }

            if (memcmp(text + start, sig->text, sig->len) == 0) {
                rc = found(data, sig->entity);
                if (rc != 0) {
                    return rc;
                }
            }
        }
    }

    return 0;
}
