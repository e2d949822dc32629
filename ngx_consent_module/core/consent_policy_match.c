/*
 * Matching URLs, inline scripts and cookie names against the services of a
 * policy; the first service in policy order wins.  The rewriter asks about
 * every URL of every page and most belong to no service, so anchored
 * patterns (URLs, cookie names) that can be combined without changing their
 * meaning also form one alternation: one match call answers for all of them.
 * Unanchored patterns (inline script text) are matched one by one: over
 * text, a pattern alone skips ahead to its first character far faster than
 * an alternation can.
 */

#include <stdlib.h>
#include <string.h>

#include "consent_policy_int.h"


/*
 * Can "(?:" pattern ")" sit in an alternation and mean the same?  Patterns
 * with captures (numbered references), \Q (quotes up to the end), \g
 * (recursion), "(*" verbs (backtracking control reaches the other
 * alternatives) and "(?" constructs other than groups, lookarounds and
 * option letters (x makes "#" swallow the rest; R and 0 recurse into the
 * whole) cannot.  Anything doubtful is left out: that costs speed, not
 * correctness.
 */
static int
consent_pattern_combinable(pcre2_code *code, const char *source, size_t len)
{
    size_t    i;
    uint32_t  captures;

    if (pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &captures) != 0
        || captures != 0)
    {
        return 0;
    }

    for (i = 0; i < len; i++) {

        if (source[i] == '\\') {
            if (i + 1 < len && (source[i + 1] == 'Q' || source[i + 1] == 'g')) {
                return 0;
            }

            i++;
            continue;
        }

        if (source[i] != '(' || i + 1 >= len) {
            continue;
        }

        if (source[i + 1] == '*') {
            return 0;
        }

        if (source[i + 1] != '?') {
            continue;
        }

        i += 2;

        if (i < len && source[i] != '\0'
            && strchr(":=!>|", source[i]) != NULL)
        {
            continue;
        }

        if (i + 1 < len && source[i] == '<'
            && (source[i + 1] == '=' || source[i + 1] == '!'))
        {
            continue;
        }

        while (i < len && source[i] != '\0'
               && strchr("imsnUJ^-", source[i]) != NULL)
        {
            i++;
        }

        if (i >= len || (source[i] != ')' && source[i] != ':')) {
            return 0;
        }
    }

    return 1;
}


static int
consent_pattern_append(consent_pattern_builder_t *builder, const char *data,
    size_t len)
{
    char    *source;
    size_t   size;

    if (builder->len + len > builder->size) {
        size = builder->size ? builder->size : 256;

        while (size < builder->len + len) {
            size *= 2;
        }

        source = realloc(builder->source, size);
        if (source == NULL) {
            return -1;
        }

        builder->source = source;
        builder->size = size;
    }

    memcpy(builder->source + builder->len, data, len);
    builder->len += len;

    return 0;
}


int
consent_pattern_set_add(consent_pattern_set_t *set,
    consent_pattern_builder_t *builder, pcre2_code *code, unsigned service,
    const char *source, size_t len)
{
    size_t              jit_size;
    uint32_t            options;
    consent_pattern_t  *patterns, *pattern;

    /* grows by powers of two: reallocate when the count is one */
    if ((set->npatterns & (set->npatterns - 1)) == 0) {
        patterns = realloc(set->patterns, (set->npatterns ? 2 * set->npatterns
                                                         : 1)
                                          * sizeof(consent_pattern_t));
        if (patterns == NULL) {
            return -1;
        }

        set->patterns = patterns;
    }

    pattern = &set->patterns[set->npatterns++];
    pattern->code = code;
    pattern->service = service;
    pattern->jit = pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &jit_size)
                   == 0 && jit_size > 0;
    /* only anchored ones: their alternation says which matches first */
    pattern->combined = pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS,
                                           &options) == 0
                        && (options & PCRE2_ANCHORED)
                        && consent_pattern_combinable(code, source, len);

    if (!pattern->combined) {
        return 0;
    }

    /* "(?:p)()": the empty group numbers the alternative */
    if ((builder->ncombined && consent_pattern_append(builder, "|", 1) != 0)
        || consent_pattern_append(builder, "(?:", 3) != 0
        || consent_pattern_append(builder, source, len) != 0
        || consent_pattern_append(builder, ")()", 3) != 0)
    {
        return -1;
    }

    builder->ncombined++;

    return 0;
}


int
consent_pattern_set_finish(consent_pattern_set_t *set,
    consent_pattern_builder_t *builder)
{
    int          errcode;
    size_t       i, jit_size;
    uint32_t     options;
    PCRE2_SIZE   offset;

    if (builder->ncombined > 1) {
        set->any = pcre2_compile((PCRE2_SPTR) builder->source, builder->len,
                                 0, &errcode, &offset, NULL);
    }

    consent_pattern_builder_free(builder);

    /* anchored alternatives make an anchored alternation; if not, none */
    if (set->any != NULL
        && (pcre2_pattern_info(set->any, PCRE2_INFO_ALLOPTIONS, &options)
            != 0
            || (options & PCRE2_ANCHORED) == 0))
    {
        pcre2_code_free(set->any);
        set->any = NULL;
    }

    if (set->any != NULL) {
        (void) pcre2_jit_compile(set->any, PCRE2_JIT_COMPLETE);
        set->any_jit = pcre2_pattern_info(set->any, PCRE2_INFO_JITSIZE,
                                          &jit_size)
                       == 0 && jit_size > 0;
    }

    for (i = 0; i < set->npatterns; i++) {
        if (set->any == NULL) {
            set->patterns[i].combined = 0;
        }

        if (set->patterns[i].combined) {
            set->nalternatives++;

        } else {
            set->nrest++;
        }
    }

    set->alternatives = malloc((set->nalternatives + 1) * sizeof(size_t));
    set->rest = malloc((set->nrest + 1) * sizeof(size_t));
    if (set->alternatives == NULL || set->rest == NULL) {
        return -1;
    }

    set->nalternatives = 0;
    set->nrest = 0;

    for (i = 0; i < set->npatterns; i++) {
        if (set->patterns[i].combined) {
            set->alternatives[set->nalternatives++] = i;

        } else {
            set->rest[set->nrest++] = i;
        }
    }

    return 0;
}


void
consent_pattern_builder_free(consent_pattern_builder_t *builder)
{
    free(builder->source);
    builder->source = NULL;
    builder->len = 0;
    builder->size = 0;
}


void
consent_pattern_set_free(consent_pattern_set_t *set)
{
    pcre2_code_free(set->any);
    free(set->patterns);
    free(set->alternatives);
    free(set->rest);
}


/* pcre2_match()'s result; JIT stack exhaustion retries interpreted. */
static int
consent_pattern_exec(const consent_policy_t *policy, pcre2_code *code,
    unsigned jit, const unsigned char *subject, size_t len)
{
    int  rc;

    if (jit) {
        rc = pcre2_jit_match(code, subject, len, 0, 0,
                             policy->matcher->match_data, NULL);

        /* the interpreter keeps its backtracking on the heap */
        if (rc != PCRE2_ERROR_JIT_STACKLIMIT) {
            return rc;
        }
    }

    return pcre2_match(code, subject, len, 0, PCRE2_NO_JIT,
                       policy->matcher->match_data, NULL);
}


int
consent_pattern_set_match(const consent_policy_t *policy,
    const consent_pattern_set_t *set, const unsigned char *subject,
    size_t len)
{
    int                       rc;
    size_t                    i, hit;
    const consent_pattern_t  *pattern;

    if (subject == NULL) {
        subject = (const unsigned char *) "";
        len = 0;
    }

    hit = set->npatterns;

    if (set->any != NULL) {
        rc = consent_pattern_exec(policy, set->any, set->any_jit, subject,
                                  len);

        /*
         * rc - 1 is the group of the first alternative that matched: with
         * anchored patterns no earlier alternative matches at all, so only
         * the uncombined patterns before it remain to be tried.
         */
        if (rc == PCRE2_ERROR_NOMATCH) {
            hit = set->npatterns;

        } else if (rc >= 2 && (size_t) rc - 2 < set->nalternatives) {
            hit = set->alternatives[rc - 2];

        } else {
            goto one_by_one;    /* a match limit: ask each pattern */
        }

        for (i = 0; i < set->nrest && set->rest[i] < hit; i++) {
            pattern = &set->patterns[set->rest[i]];

            if (consent_pattern_exec(policy, pattern->code, pattern->jit,
                                     subject, len)
                >= 0)
            {
                return (int) pattern->service;
            }
        }

        return (hit < set->npatterns) ? (int) set->patterns[hit].service
                                      : -1;
    }

one_by_one:

    for (i = 0; i < set->npatterns; i++) {
        pattern = &set->patterns[i];

        if (consent_pattern_exec(policy, pattern->code, pattern->jit,
                                 subject, len)
            >= 0)
        {
            return (int) pattern->service;
        }
    }

    return -1;
}


/*
 * Pages of a site repeat the same URLs request after request, so the
 * answer for a URL is remembered: a direct-mapped table of recent URLs.
 */

#define CONSENT_URL_MEMO_SLOTS  1024
#define CONSENT_URL_MEMO_LEN    184

typedef struct {
    uint32_t                hash;
    int16_t                 service;        /* -1: none */
    uint16_t                len;            /* 0: empty slot */
    unsigned char           url[CONSENT_URL_MEMO_LEN];
} consent_url_memo_slot_t;

struct consent_url_memo_s {
    consent_url_memo_slot_t  slots[CONSENT_URL_MEMO_SLOTS];
};


/* Eight bytes at a time: memo keys are URLs and scripts of many bytes. */
uint32_t
consent_memo_hash(const unsigned char *p, size_t len)
{
    size_t    i;
    uint64_t  h, w;

    h = 0x9e3779b97f4a7c15ull ^ len;

    for (i = 0; i + 8 <= len; i += 8) {
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }

    for ( /* void */ ; i < len; i++) {
        h = (h ^ p[i]) * 0x100000001b3ull;
    }

    h ^= h >> 29;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 32;

    return (uint32_t) h;
}


int
consent_policy_match_src(const consent_policy_t *policy,
    const unsigned char *url, size_t len)
{
    int                       service;
    uint32_t                  hash;
    consent_matcher_t        *matcher;
    consent_url_memo_slot_t  *slot;

    matcher = policy->matcher;

    /* browsers strip leading and trailing C0 controls and spaces of URLs */
    while (len > 0 && url[0] <= 0x20) {
        url++;
        len--;
    }

    while (len > 0 && url[len - 1] <= 0x20) {
        len--;
    }

    if (len == 0 || len > CONSENT_URL_MEMO_LEN
        || policy->nservices > INT16_MAX)
    {
        return consent_pattern_set_match(policy, &matcher->src_set, url, len);
    }

    if (matcher->src_memo == NULL) {
        /* the memo is a cache, not part of the policy's meaning */
        matcher->src_memo = calloc(1, sizeof(struct consent_url_memo_s));

        if (matcher->src_memo == NULL) {
            return consent_pattern_set_match(policy, &matcher->src_set, url,
                                             len);
        }
    }

    hash = consent_memo_hash(url, len);
    slot = &matcher->src_memo->slots[hash % CONSENT_URL_MEMO_SLOTS];

    if (slot->len == len && slot->hash == hash
        && memcmp(slot->url, url, len) == 0)
    {
        return slot->service;
    }

    service = consent_pattern_set_match(policy, &matcher->src_set, url, len);

    slot->hash = hash;
    slot->service = (int16_t) service;
    slot->len = (uint16_t) len;
    memcpy(slot->url, url, len);

    return service;
}


/*
 * Inline snippets (the GA, Meta or Hotjar loaders) are the same text on
 * every page too: short ones are remembered whole, like URLs.
 */

#define CONSENT_INLINE_MEMO_SLOTS  64
#define CONSENT_INLINE_MEMO_LEN    4096

typedef struct {
    uint32_t                hash;
    int32_t                 service;
    size_t                  len;            /* 0: empty slot */
} consent_inline_memo_slot_t;

struct consent_inline_memo_s {
    consent_inline_memo_slot_t  slots[CONSENT_INLINE_MEMO_SLOTS];
    unsigned char               text[CONSENT_INLINE_MEMO_SLOTS]
                                    [CONSENT_INLINE_MEMO_LEN];
};


int
consent_policy_match_inline(const consent_policy_t *policy,
    const unsigned char *text, size_t len)
{
    int                          service;
    uint32_t                     hash, i;
    unsigned char               *copy;
    consent_matcher_t           *matcher;
    consent_inline_memo_slot_t  *slot;

    matcher = policy->matcher;

    if (len == 0 || len > CONSENT_INLINE_MEMO_LEN) {
        return consent_pattern_set_match(policy, &matcher->inline_set, text,
                                         len);
    }

    if (matcher->inline_memo == NULL) {
        matcher->inline_memo = calloc(1, sizeof(struct consent_inline_memo_s));

        if (matcher->inline_memo == NULL) {
            return consent_pattern_set_match(policy, &matcher->inline_set,
                                             text, len);
        }
    }

    hash = consent_memo_hash(text, len);
    i = hash % CONSENT_INLINE_MEMO_SLOTS;
    slot = &matcher->inline_memo->slots[i];
    copy = matcher->inline_memo->text[i];

    if (slot->len == len && slot->hash == hash
        && memcmp(copy, text, len) == 0)
    {
        return slot->service;
    }

    service = consent_pattern_set_match(policy, &matcher->inline_set, text,
                                        len);

    slot->hash = hash;
    slot->service = service;
    slot->len = len;
    memcpy(copy, text, len);

    return service;
}


/* A catalogue cookie counts where the policy blocks its entity with it. */
static int
consent_policy_cookie_accept(void *data, unsigned entity)
{
    int                      s;
    const consent_policy_t  *policy = data;

    s = policy->entity_service[entity];

    return s >= 0 && policy->services[s].catalogue_cookies;
}


int
consent_policy_match_cookie(const consent_policy_t *policy,
    const char *name, size_t len)
{
    int  service, entity;

    service = consent_pattern_set_match(policy, &policy->matcher->cookie_set,
                                        (const unsigned char *) name, len);

    if (service >= 0 || policy->catalogue == NULL) {
        return service;
    }

    entity = consent_catalogue_cookie_entity(policy->catalogue, name, len,
                                             policy->matcher->match_data,
                                             consent_policy_cookie_accept,
                                             (void *) policy);

    return entity >= 0 ? policy->entity_service[entity] : -1;
}
